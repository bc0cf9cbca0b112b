"""Hand-written parses for the fast rule tests: sentences as Stanza would give them, built in code."""

from __future__ import annotations

import re

from diplograf.extract import pipeline
from diplograf.extract.records import Article, Extraction, Sentence, Word

Row = tuple  # (form, upos, ner) or (form, upos, head, deprel, ner)


def tokens(notation: str) -> list[Row]:
    """Rows from a compact notation, one ``form/UPOS/head/deprel[/NER]`` a token, space-separated:
    ``"Kenya/PROPN/2/nsubj/S-LOC mendukung/VERB/0/root"``."""
    rows = []
    for token in notation.split():
        parts = token.split("/")
        ner = parts.pop() if len(parts) >= 5 and re.fullmatch(r"O|[BIES]-[A-Z]+", parts[-1]) else "O"
        *form, upos, head, deprel = parts
        rows.append(("/".join(form), upos, int(head), deprel, ner))  # a form may hold a "/" ("3/6")
    return rows


def sentence(rows: list[Row], index: int = 0, offset: int = 0) -> tuple[str, Sentence]:
    """The text and the Sentence of ``rows``; words without a head hang off the first word."""
    text, words = "", []
    for i, row in enumerate(rows, 1):
        form, upos, *rest = row
        head, deprel, ner = (rest if len(rest) == 3 else (0 if i == 1 else 1, "root" if i == 1 else "dep", rest[0]))
        glued = form in (",", ".", ")", ":", "-") or form.startswith("-") or (words and words[-1].text in ("(", "-"))
        if text and not glued:
            text += " "
        start = offset + len(text)
        words.append(Word(i, form, form.lower(), upos, None, head, deprel, start, start + len(form), ner))
        text += form
    return text, Sentence(index, text, offset, offset + len(text), words)


def article(*sentences_rows: list[Row], article_id: str = "t") -> tuple[Article, list[Sentence]]:
    """One article of several sentences, one per line."""
    text, sentences = "", []
    for k, rows in enumerate(sentences_rows):
        if text:
            text += "\n"
        part, s = sentence(rows, k, len(text))
        sentences.append(s)
        text += part
    return Article(id=article_id, text=text), sentences


def run(*articles: tuple[Article, list[Sentence]]) -> Extraction:
    """The extraction components over hand-written articles."""
    return pipeline.run([a for a, _ in articles], [s for _, s in articles])


def entities(result: Extraction) -> dict[str, str]:
    """Entity label -> type, for the entities the articles mention."""
    keys = {m.entity for r in result.articles for m in r.mentions if m.entity}
    return {result.entities[k].name: result.entities[k].type for k in keys}


def facts(result: Extraction, predicate: str) -> set[tuple[str, str, str | None]]:
    """(subject label, object label, role) of the facts of one relation."""
    ents = result.entities
    return {(ents[f.subject].name, ents[f.object].name, f.role)
            for r in result.articles for f in r.facts if f.predicate == predicate}
