"""graph.ttl in bounded memory: a Turtle writer of diplograf's own, which exists for flat memory.

rdflib's Turtle serializer needs the whole union graph in memory (about 15 MB at 300 articles, growing
with the corpus). This writer takes each article graph's triples as N-Triples lines (rdflib's own
escaping), keeps them in sorted runs on disk (``SortedLines``: a few MB in memory whatever the corpus),
merges the runs, drops the repeats, and writes each subject once as Turtle (``turtle_lines``): ``a`` and
its classes first, then the predicates, ``;`` between predicates and ``,`` between objects; prefixed
names from the project's prefix table where the local name is plain Turtle, ``<full IRI>`` elsewhere;
integers, decimals and booleans bare, other literals with their language or datatype. Same triples,
same bytes (subjects in the order of their N-Triples text); the bytes differ from rdflib's Turtle, the triples
do not (tests read both back).
"""

from __future__ import annotations

import heapq
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from rdflib import RDF, XSD

#: Characters of N-Triples lines held in memory before they go to disk as one sorted run.
RUN_CHARS = 200_000
#: Runs read at once by a merge; with more, groups of them are first merged into longer runs.
FAN_IN = 64

TYPE = f"<{RDF.type}>"
#: A local name written as ``prefix:local``: letters, digits, ``_``, ``-`` and inner dots (ASCII only;
#: anything else, such as ``/``, keeps the full IRI).
LOCAL = re.compile(r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?")
BLANK = re.compile(r"_:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
#: Datatype -> the lexical forms Turtle writes bare with that same datatype.
BARE = {f"<{XSD.integer}>": re.compile(r"[+-]?[0-9]+"),
        f"<{XSD.decimal}>": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
        f"<{XSD.boolean}>": re.compile(r"true|false")}


def _split(line: str) -> tuple[str, str, str]:
    """``"<s> <p> o .\\n"`` -> (``<s>``, ``<p>``, ``o``): IRIs and blank nodes hold no space (rdflib
    refuses to write such an IRI), and the object is the rest."""
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate, rest[:-3]


def turtle_order(line: str) -> tuple[str, bool, str, str]:
    """The order of the lines: by subject, its rdf:type first, then by predicate and object."""
    subject, predicate, rest = line.split(" ", 2)
    return subject, predicate != TYPE, predicate, rest


class SortedLines:
    """Lines (newline-terminated, no other newline) sorted (by ``key``, if given) and each once, in bounded memory:
    added lines wait in memory up to ``run_chars`` characters, then go to disk as one sorted run in a
    temporary folder inside ``folder``; ``distinct()`` merges the runs. ``close()`` removes the folder."""

    def __init__(self, folder: Path, key: Callable[[str], Any] | None = None, run_chars: int = RUN_CHARS,
                 fan_in: int = FAN_IN):
        self.key, self.run_chars, self.fan_in = key, run_chars, max(2, fan_in)
        self.folder = Path(tempfile.mkdtemp(prefix=".runs.", dir=folder))
        self.runs: list[Path] = []
        self.written = 0  # runs written, for their names
        self.pending: list[str] = []
        self.size = 0

    def add(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.pending.append(line)
            self.size += len(line)
            if self.size >= self.run_chars:
                self._spill()

    def _spill(self) -> None:
        self.pending.sort(key=self.key)
        self.runs.append(self._write_run(_unique(self.pending)))
        self.pending, self.size = [], 0

    def _write_run(self, lines: Iterable[str]) -> Path:
        path = self.folder / f"{self.written:06d}.nt"
        self.written += 1
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(lines)
        return path

    def distinct(self) -> Iterator[str]:
        """Every line added, in ``key`` order, each once."""
        if self.pending:
            self._spill()
        while len(self.runs) > self.fan_in:  # merge the runs in groups until one merge can read them all
            groups = [self.runs[i:i + self.fan_in] for i in range(0, len(self.runs), self.fan_in)]
            self.runs = []
            for group in groups:
                merged = self._write_run(self._merge(group))
                for path in group:
                    path.unlink()
                self.runs.append(merged)
        yield from self._merge(self.runs)

    def _merge(self, runs: list[Path]) -> Iterator[str]:
        handles = [path.open(encoding="utf-8", newline="\n") for path in runs]
        try:
            yield from _unique(heapq.merge(*handles, key=self.key))
        finally:
            for handle in handles:
                handle.close()

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _unique(lines: Iterable[str]) -> Iterator[str]:
    """Sorted lines without the repeats (equal lines are next to each other)."""
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line


class Names:
    """N-Triples terms as Turtle: IRIs as prefixed names where they can be, literals as short as Turtle
    reads back to the same term; remembers which prefixes it used."""

    def __init__(self, prefixes: Mapping[str, str]):
        # the longest namespace first: an IRI takes the most specific prefix
        self.namespaces = sorted(((str(ns), p) for p, ns in prefixes.items()), key=lambda n: (-len(n[0]), n[1]))
        self.used: set[str] = set()
        self.known: dict[str, str] = {}  # predicates and datatypes: few, read many times

    def iri(self, term: str) -> str:
        """``<https://schema.org/url>`` -> ``schema:url``; a blank node or an IRI no prefix fits, as it is."""
        if term[0] != "<":
            if not BLANK.fullmatch(term):
                raise ValueError(f"blank node label {term!r} cannot be written in Turtle")
            return term
        iri = term[1:-1]
        for namespace, prefix in self.namespaces:
            if iri.startswith(namespace) and LOCAL.fullmatch(iri, len(namespace)):
                self.used.add(prefix)
                return f"{prefix}:{iri[len(namespace):]}"
        return term

    def _cached(self, term: str) -> str:
        name = self.known.get(term)
        if name is None:
            name = self.known[term] = self.iri(term)
        return name

    def predicate(self, term: str) -> str:
        return "a" if term == TYPE else self._cached(term)

    def object(self, term: str) -> str:
        if term[0] != '"':
            return self.iri(term)
        end = term.rindex('"') + 1  # a language tag or datatype holds no quote
        text, tail = term[:end], term[end:]
        if not tail.startswith("^^"):
            return term  # plain, or with a language tag: the N-Triples form is Turtle
        datatype = tail[2:]
        bare = BARE.get(datatype)
        if bare is not None and bare.fullmatch(text, 1, end - 1):
            return text[1:-1]
        return f"{text}^^{self._cached(datatype)}"


def turtle_lines(lines: Iterable[str], names: Names) -> Iterator[str]:
    """Turtle statements of N-Triples ``lines`` given in ``turtle_order``, each once: one block per
    subject (no prefix declarations: ``names.used`` says which the text uses)."""
    subject = predicate = None
    for line in lines:
        s, p, o = _split(line)
        if s != subject:
            if subject is not None:
                yield " .\n\n"
            yield f"{names.iri(s)} {names.predicate(p)} {names.object(o)}"
            subject, predicate = s, p
        elif p != predicate:
            yield f" ;\n    {names.predicate(p)} {names.object(o)}"
            predicate = p
        else:
            yield f",\n        {names.object(o)}"
    if subject is not None:
        yield " .\n"


def write_turtle(runs: SortedLines, handle: IO[str], prefixes: Mapping[str, str]) -> int:
    """The lines of ``runs`` as a Turtle document into ``handle``: the prefixes it uses, then the
    statements (held on disk beside the runs until the prefixes are known). Returns the triples written."""
    names = Names(prefixes)
    count = 0

    def counted() -> Iterator[str]:
        nonlocal count
        for line in runs.distinct():
            count += 1
            yield line

    body = runs.folder / "body.ttl"
    with body.open("w", encoding="utf-8", newline="\n") as out:
        out.writelines(turtle_lines(counted(), names))
    declared = dict(sorted((p, str(ns)) for p, ns in prefixes.items() if p in names.used))
    handle.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in declared.items()) + ("\n" if declared else ""))
    with body.open(encoding="utf-8", newline="\n") as text:
        shutil.copyfileobj(text, handle)
    return count
