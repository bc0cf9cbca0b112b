"""Relations on hand-written parses: what the extractor makes of a parser's known slips."""

from __future__ import annotations

from diplograf.extract import pipeline
from diplograf.extract.records import Article, Sentence, Word

# "Atas undangan Perdana Menteri Malaysia, Anwar Ibrahim, Presiden Joko Widodo melakukan kunjungan
# ke Malaysia." as a parser reads it when it takes the appositive (Anwar Ibrahim) for a second subject.
ROWS = [  # text, upos, head, deprel, ner
    ("Atas", "ADP", 2, "case", "O"),
    ("undangan", "NOUN", 13, "obl", "O"),
    ("Perdana", "PROPN", 2, "nmod", "O"),
    ("Menteri", "PROPN", 3, "flat:name", "O"),
    ("Malaysia", "PROPN", 3, "flat:name", "S-LOC"),
    (",", "PUNCT", 2, "punct", "O"),
    ("Anwar", "PROPN", 13, "nsubj", "B-PER"),
    ("Ibrahim", "PROPN", 7, "flat:name", "E-PER"),
    (",", "PUNCT", 2, "punct", "O"),
    ("Presiden", "PROPN", 13, "nsubj", "O"),
    ("Joko", "PROPN", 10, "flat:name", "B-PER"),
    ("Widodo", "PROPN", 11, "flat:name", "E-PER"),
    ("melakukan", "VERB", 0, "root", "O"),
    ("kunjungan", "NOUN", 13, "obj", "O"),
    ("ke", "ADP", 16, "case", "O"),
    ("Malaysia", "PROPN", 14, "nmod", "S-LOC"),
    (".", "PUNCT", 13, "punct", "O"),
]


def _sentence(rows: list[tuple[str, str, int, str, str]]) -> tuple[str, Sentence]:
    text, words = "", []
    for i, (form, upos, head, deprel, ner) in enumerate(rows, 1):
        if text and form not in (",", "."):
            text += " "
        words.append(Word(i, form, form.lower(), upos, None, head, deprel, len(text), len(text) + len(form), ner))
        text += form
    return text, Sentence(0, text, 0, len(text), words)


def test_of_two_subjects_the_nearest_is_the_visitor():
    text, sentence = _sentence(ROWS)
    result = pipeline.run([Article(id="t1", text=text)], [[sentence]])
    visits = {(f.subject, f.object) for r in result.articles for f in r.facts if f.predicate == "visits"}
    assert any(s.startswith("person:joko-widodo") for s, _ in visits), visits
    assert not any(s.startswith("person:anwar-ibrahim") for s, _ in visits), visits
