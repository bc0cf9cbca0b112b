"""Run Stanza over articles (one batched call) and turn its documents into plain records."""

from __future__ import annotations

from collections.abc import Sequence

from .records import Article, Sentence, Word


def to_sentences(doc) -> list[Sentence]:
    """Stanza Document -> Sentences with article-level character offsets."""
    out: list[Sentence] = []
    for s_index, sent in enumerate(doc.sentences):
        words: list[Word] = []
        for token in sent.tokens:
            ner = getattr(token, "ner", None) or "O"
            for word in token.words:
                start = word.start_char if word.start_char is not None else token.start_char
                end = word.end_char if word.end_char is not None else token.end_char
                words.append(Word(
                    index=int(word.id), text=word.text, lemma=(word.lemma or word.text),
                    upos=word.upos or "X", feats=word.feats, head=int(word.head or 0),
                    deprel=word.deprel or "dep", start=start, end=end, ner=ner))
        if not words:
            continue
        start, end = sent.tokens[0].start_char, sent.tokens[-1].end_char
        out.append(Sentence(index=s_index, text=doc.text[start:end], start=start, end=end, words=words))
    return out


def analyse(pipeline, articles: Sequence[Article], batch_size: int = 32, progress=None) -> list[list[Sentence]]:
    """Annotate ``articles`` with ``pipeline``; documents go to Stanza in batches (bulk mode)."""
    import stanza

    results: list[list[Sentence]] = []
    for first in range(0, len(articles), batch_size):
        batch = articles[first:first + batch_size]
        docs = pipeline([stanza.Document([], text=a.text) for a in batch])
        results.extend(to_sentences(d) for d in docs)
        if progress:
            progress(len(batch))
    return results
