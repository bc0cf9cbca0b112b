"""A per-article cache of Stanza's analysis, so that a rebuild analyses only new or changed articles.

An entry is keyed by the article's text and a tag of the models (their files and the code that turns
Stanza's output into records): change either and the entry is simply not found. Entries are JSON,
written to a temporary file and renamed, so a killed build never leaves half an entry; one that cannot
be read is ignored and written again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from .records import Article, Sentence, Word

#: Bump when the layout of an entry changes.
FORMAT = 1


def default_folder() -> Path:
    """``$DIPLOGRAF_CACHE``, else ``$XDG_CACHE_HOME/diplograf``, else ``~/.cache/diplograf``."""
    if os.environ.get("DIPLOGRAF_CACHE"):
        return Path(os.environ["DIPLOGRAF_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "diplograf"


def models_tag(folder: Path, package: str = "bundled", int8: bool = False) -> str:
    """A tag of the models in ``folder`` (``int8``: quantised on load) and of the code that reads their
    output."""
    h = hashlib.sha256(f"{FORMAT}\0{package}\0{'int8' if int8 else ''}".encode())
    for p in sorted(Path(folder).glob("*")):
        if p.is_file() and p.suffix != ".md":  # the models and what reads them; not their notes
            h.update(f"{p.name}\0{p.stat().st_size}\0".encode())
    here = Path(__file__).resolve().parent
    for name in ("nlp.py", "retokenize.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


class AnalysisCache:
    """Sentences of analysed articles under ``folder/analysis/<tag>/``."""

    def __init__(self, folder: Path, tag: str):
        self.folder = Path(folder) / "analysis" / tag

    def _path(self, text: str) -> Path:
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return self.folder / key[:2] / f"{key[2:34]}.json"

    def has(self, text: str) -> bool:
        """Whether the analysis of ``text`` is kept (without reading it)."""
        return self._path(text).is_file()

    def get(self, text: str) -> list[Sentence] | None:
        path = self._path(text)
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
            return [Sentence(s["i"], s["t"], s["s"], s["e"], [Word(*w) for w in s["w"]]) for s in rows]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)  # unreadable: analyse again
            return None

    def put(self, text: str, sentences: list[Sentence]) -> None:
        path = self._path(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = [{"i": s.index, "t": s.text, "s": s.start, "e": s.end,
                 "w": [[w.index, w.text, w.lemma, w.upos, w.feats, w.head, w.deprel, w.start, w.end, w.ner]
                       for w in s.words]} for s in sentences]
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(rows, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


#: The most characters of text one chunk of articles sends to Stanza at once: a batch of long articles
#: is cut into smaller chunks, so that the memory of one analysis stays bounded (a batch of 32 news
#: articles, about 70,000 characters, is one chunk).
MAX_CHUNK_CHARS = 250_000


def chunks(articles: Sequence[Article], todo: Sequence[int], size: int,
           max_chars: int = MAX_CHUNK_CHARS) -> list[list[int]]:
    """``todo`` (indexes into ``articles``) in order, cut into chunks of at most ``size`` articles and
    ``max_chars`` characters (an article longer than that alone); every build, local or on Dask
    workers, cuts the same way, so Stanza sees the same batches."""
    out: list[list[int]] = []
    chars = 0
    for i in todo:
        n = len(articles[i].text)
        if not out or len(out[-1]) >= size or chars + n > max_chars:
            out.append([])
            chars = 0
        out[-1].append(i)
        chars += n
    return out


#: An article longer than ``MAX_CHUNK_CHARS`` goes to Stanza in pieces of whole lines of at most this
#: many characters (about 7,000 words), so that its memory stays bounded and progress moves piece by piece.
PIECE_CHARS = 50_000


def pieces(text: str, max_chars: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text`` made of whole lines (Stanza reads each line as a
    paragraph of its own, and a sentence never runs across lines), each at most ``max_chars`` long
    (a longer line alone); together they are the whole text."""
    out: list[tuple[int, int]] = []
    start = pos = 0
    lines = text.split("\n")  # as nlp.paragraphs cuts them
    for k, line in enumerate(lines):
        size = len(line) + (k < len(lines) - 1)  # with its newline
        if pos > start and pos + size - start > max_chars:
            out.append((start, pos))
            start = pos
        pos += size
    out.append((start, pos))
    return out


#: Stanza on one batch of articles: the sentences of each.
Analyse = Callable[[Sequence[Article]], list[list[Sentence]]]
#: Stanza on batches of articles: the sentences of each batch, in the batches' order, one batch at a time as
#: the caller reads them (an analyser of several processes may work on the next batches meanwhile).
AnalyseBatches = Callable[[Iterable[Sequence[Article]]], Iterator[list[list[Sentence]]]]


def one_by_one(analyse: Analyse) -> AnalyseBatches:
    """``analyse`` called on each batch as the caller reads its result (nothing is analysed ahead)."""
    return lambda batches: map(analyse, batches)


def _piece_articles(article: Article, cut: list[tuple[int, int]]) -> list[Article]:
    return [replace(article, text=article.text[start:end]) for start, end in cut]


def _joined(cut: list[tuple[int, int]], parts: Iterable[list[Sentence]]) -> list[Sentence]:
    """The sentences of the pieces ``cut`` of one article (``parts``, in order), with offsets and sentence
    numbers put back into the whole article's."""
    out: list[Sentence] = []
    for (start, _), part in zip(cut, parts):
        for s in part:
            words = [replace(w, start=w.start + start, end=w.end + start) for w in s.words]
            out.append(Sentence(len(out), s.text, s.start + start, s.end + start, words))
    return out


def analyse_long(article: Article, analyse: Analyse, max_chars: int = PIECE_CHARS) -> list[Sentence]:
    """The sentences of a long ``article``, analysed one piece (``pieces``) at a time, each piece as an
    article of its own (so ``analyse``'s progress hears of each), with offsets and sentence numbers
    put back into the whole article's."""
    cut = pieces(article.text, max_chars)
    return _joined(cut, (analyse([piece])[0] for piece in _piece_articles(article, cut)))


def analysed(articles: Sequence[Article], todo: Sequence[int], cache: AnalysisCache | None,
             analyse: AnalyseBatches, chunk: int = 32, max_chars: int = MAX_CHUNK_CHARS,
             piece_chars: int = PIECE_CHARS) -> Iterator[tuple[list[int], list[list[Sentence]]]]:
    """The articles ``todo`` (indexes into ``articles``) analysed by ``analyse`` in ``chunks`` of at most
    ``chunk`` articles and ``max_chars`` characters, given chunk by chunk as (indexes, sentences of each),
    each chunk put in ``cache`` before it is given (a stopped build keeps its work). An article longer than
    ``max_chars`` goes to ``analyse`` in ``pieces`` of ``piece_chars``, a batch each (so its progress hears
    of each). ``analyse`` is not called when ``todo`` is empty."""
    parts = chunks(articles, todo, chunk, max_chars)
    if not parts:
        return
    cuts = [pieces(articles[p[0]].text, piece_chars) if len(p) == 1 and len(articles[p[0]].text) > max_chars
            else None for p in parts]
    batches = (batch for part, cut in zip(parts, cuts)
               for batch in ([[piece] for piece in _piece_articles(articles[part[0]], cut)] if cut
                             else [[articles[i] for i in part]]))
    results = analyse(batches)
    for part, cut in zip(parts, cuts):
        done = [_joined(cut, (next(results)[0] for _ in cut))] if cut else next(results)
        if cache:
            for i, sentences in zip(part, done):
                cache.put(articles[i].text, sentences)
        yield part, done


def analyse_cached(articles: Sequence[Article], cache: AnalysisCache | None, analyse: Analyse,
                   chunk: int = 32, max_chars: int = MAX_CHUNK_CHARS,
                   piece_chars: int = PIECE_CHARS) -> tuple[list[list[Sentence]], int]:
    """The sentences of each article, from ``cache`` where it has them, else from ``analyse``, called on
    the missing articles only, a chunk at a time (``analysed``). Returns them and how many articles were
    analysed."""
    found: list[list[Sentence] | None] = [cache.get(a.text) if cache else None for a in articles]
    todo = [i for i, s in enumerate(found) if s is None]
    for part, done in analysed(articles, todo, cache, one_by_one(analyse), chunk, max_chars, piece_chars):
        for i, sentences in zip(part, done):
            found[i] = sentences
    return [s or [] for s in found], len(todo)
