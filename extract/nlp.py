"""Run Stanza over articles (one batched call) and turn its documents into plain records."""

from __future__ import annotations

from collections.abc import Sequence

from .records import Article, Sentence, Word


def to_sentences(doc, offset: int = 0, first_index: int = 0) -> list[Sentence]:
    """Stanza Document -> Sentences; character offsets shifted by ``offset`` into the article."""
    out: list[Sentence] = []
    for sent in doc.sentences:
        words: list[Word] = []
        for token in sent.tokens:
            ner = getattr(token, "ner", None) or "O"
            for word in token.words:
                start = word.start_char if word.start_char is not None else token.start_char
                end = word.end_char if word.end_char is not None else token.end_char
                words.append(Word(
                    index=int(word.id), text=word.text, lemma=(word.lemma or word.text),
                    upos=word.upos or "X", feats=word.feats, head=int(word.head or 0),
                    deprel=word.deprel or "dep", start=start + offset, end=end + offset, ner=ner))
        if not words:
            continue
        start, end = sent.tokens[0].start_char, sent.tokens[-1].end_char
        out.append(Sentence(index=first_index + len(out), text=doc.text[start:end], start=start + offset,
                            end=end + offset, words=words))
    return out


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each non-blank line: news put one paragraph, a title or a dateline on a
    line, and a sentence never runs across lines."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def analyse(pipeline, articles: Sequence[Article], batch_size: int = 32, progress=None) -> list[list[Sentence]]:
    """Annotate ``articles`` with ``pipeline``: the paragraphs of ``batch_size`` articles go to
    Stanza together, as one bulk call; ``progress`` gets the articles of each batch done."""
    import stanza

    results: list[list[Sentence]] = []
    for first in range(0, len(articles), batch_size):
        batch = articles[first:first + batch_size]
        parts = [(i, off, para) for i, a in enumerate(batch) for off, para in paragraphs(a.text)]
        docs = pipeline([stanza.Document([], text=para) for _, _, para in parts]) if parts else []
        per_article: list[list[Sentence]] = [[] for _ in batch]
        for (i, off, _), doc in zip(parts, docs):
            per_article[i].extend(to_sentences(doc, off, len(per_article[i])))
        results.extend(per_article)
        if progress:
            progress(batch)
    return results
