"""RDF serialisations of the article graphs: a registry of writers, each deterministic and atomic.

    ttl     graph.ttl     the union of all article graphs (Turtle, through sorted runs on disk: ``turtle``)
    nt      graph.nt      the union as N-Triples, sorted, each triple once (sorted runs on disk: large corpora)
    nq      graph.nq      the dataset as N-Quads: one named graph per article, streamed
    trig    graph.trig    the dataset as TriG: one named graph per article
    jsonld  graph.jsonld  the dataset as JSON-LD (named graphs as ``@graph`` objects), keys sorted

Same article graphs, same bytes: graphs come in IRI order, lines are sorted inside each graph; the unions
(ttl, nt) are sorted whole, through sorted runs on disk (``turtle.SortedLines``), never held in memory.
"""

from __future__ import annotations

import gc
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.serializers.nt import _nt_row  # the exact N-Triples escaping rdflib uses

from .build import PREFIXES, new_graph
from .outputs import atomic_write
from .turtle import SortedLines, turtle_order, write_turtle

Graphs = dict[URIRef, Graph]
Writer = Callable[[Graphs, Path], None]

#: format name -> (file name, writer); filled by ``@writer``.
WRITERS: dict[str, tuple[str, Writer]] = {}
#: format name -> the class that writes it a graph at a time (``write_formats``); filled by ``@writer``.
SINKS: dict[str, type[Sink]] = {}


class Sink:
    """Writes one format a named graph at a time (``add``, in IRI order), into a temporary file beside
    ``path`` that ``close`` renames into place (``abort`` removes it): a corpus is never held as graphs."""

    def __init__(self, path: Path):
        self.path = path
        self._write = atomic_write(path)
        self.handle = self._write.__enter__()

    def add(self, name: URIRef, g: Graph) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """What is written once every graph has come (a union, a header)."""

    def release(self) -> None:
        """Let go of what waits beside the file (runs, blocks on disk); called more than once is fine."""

    def close(self) -> None:
        try:
            self.finish()
            self._write.__exit__(None, None, None)
        finally:
            self.release()

    def abort(self, err: BaseException) -> None:
        self.release()
        self._write.__exit__(type(err), err, err.__traceback__)


def writer(name: str, filename: str) -> Callable[[type[Sink]], type[Sink]]:
    """Register a Sink class as format ``name``; ``WRITERS[name]`` writes a whole mapping of graphs with it."""
    def register(cls: type[Sink]) -> type[Sink]:
        SINKS[name] = cls
        WRITERS[name] = (filename, lambda graphs, path: _write_all(graphs.items(), [cls(path)]))
        return cls
    return register


def sorted_lines(g: Graph) -> list[str]:
    return sorted(_nt_row(t) for t in g)


def ntriples_lines(graphs: Graphs) -> list[str]:
    """The union as N-Triples lines, sorted, each once (what ``NTriplesSink`` writes, held in memory)."""
    return sorted({line for g in graphs.values() for line in map(_nt_row, g)})


def nquads_lines(graphs: Graphs) -> Iterator[str]:
    for name, g in graphs.items():
        yield from _quads(name, g)


def _quads(name: URIRef, g: Graph) -> Iterator[str]:
    suffix = f" {name.n3()} .\n"
    for line in sorted_lines(g):
        yield line[:-3] + suffix  # "<s> <p> <o> .\n" -> "<s> <p> <o> <g> .\n"


def union(graphs: Graphs) -> Graph:
    """The union of ``graphs`` (a mapping of article graphs), each triple once."""
    g = new_graph()
    for part in graphs.values():
        for triple in part:
            g.add(triple)
    return g


@writer("ttl", "graph.ttl")
class TurtleSink(Sink):
    """The union of the graphs as Turtle, a subject at a time: the triples wait as N-Triples lines in
    sorted runs on disk, not as a union graph (``turtle``: memory stays flat with the corpus)."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.lines = SortedLines(path.parent, turtle_order)
        self.count: int | None = None  # distinct triples, once written

    def add(self, name: URIRef, g: Graph) -> None:
        self.lines.add(map(_nt_row, g))

    def finish(self) -> None:
        self.count = write_turtle(self.lines, self.handle, PREFIXES)

    def release(self) -> None:
        self.lines.close()


@writer("nt", "graph.nt")
class NTriplesSink(Sink):
    """The union as N-Triples, sorted, a triple shared by graphs once: the lines wait in sorted runs on
    disk (``turtle.SortedLines``), so memory stays flat with the corpus."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.lines = SortedLines(path.parent)
        self.count: int | None = None  # distinct triples, once written

    def add(self, name: URIRef, g: Graph) -> None:
        self.lines.add(map(_nt_row, g))

    def finish(self) -> None:
        self.count = 0
        for line in self.lines.distinct():
            self.handle.write(line)
            self.count += 1

    def release(self) -> None:
        self.lines.close()


@writer("nq", "graph.nq")
class NQuadsSink(Sink):
    """The dataset as N-Quads: one named graph per article, streamed."""

    def add(self, name: URIRef, g: Graph) -> None:
        self.handle.writelines(_quads(name, g))


def to_dataset(graphs: Graphs) -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for name, g in graphs.items():
        part = ds.graph(name)
        for triple in g:
            part.add(triple)
    return ds


@writer("trig", "graph.trig")
class TrigSink(Sink):
    """TriG, a graph at a time in IRI order (rdflib's TriG serializer orders graphs by its store, which
    differs from run to run): each graph's Turtle, its prefixes gathered at the top; the blocks wait
    on disk (a temporary file beside the output), not as graphs or text."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.prefixes: set[str] = set()
        self.spill = tempfile.TemporaryFile(dir=path.parent)  # nameless: gone when closed, or on a kill
        self.blocks: dict[str, tuple[int, int]] = {}  # graph IRI -> (offset, length) in ``spill``
        self.bound = set(new_graph().namespaces())

    def add(self, name: URIRef, g: Graph) -> None:
        if set(g.namespaces()) != self.bound:  # bound otherwise than build's graphs: a copy with its prefixes
            copy = new_graph()
            for triple in g:
                copy.add(triple)
            g = copy
        body = []
        for line in g.serialize(format="turtle").splitlines():
            if line.startswith("@prefix"):
                self.prefixes.add(line)
            elif line.strip():
                body.append("    " + line)
            elif body:
                body.append("")
        block = (f"<{name}> {{\n" + "\n".join(body).rstrip() + "\n}\n").encode("utf-8")
        self.blocks[str(name)] = (self.spill.tell(), len(block))
        self.spill.write(block)

    def finish(self) -> None:
        self.handle.write("\n".join(sorted(self.prefixes)) + "\n\n")
        for i, key in enumerate(sorted(self.blocks)):
            offset, length = self.blocks[key]
            self.spill.seek(offset)
            self.handle.write(("\n" if i else "") + self.spill.read(length).decode("utf-8"))

    def release(self) -> None:
        self.spill.close()


def _sort_jsonld(value):
    """Sort every list of JSON-LD nodes by its @id (and value lists by their JSON) for stable bytes."""
    if isinstance(value, dict):
        return {k: _sort_jsonld(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sort_jsonld(v) for v in value]
        return sorted(items, key=lambda v: (str(v.get("@id", "")) if isinstance(v, dict) else "",
                                            json.dumps(v, sort_keys=True, ensure_ascii=False)))
    return value


@writer("jsonld", "graph.jsonld")
class JsonLdSink(Sink):
    """The dataset as JSON-LD (named graphs as ``@graph`` objects), keys and node lists sorted; rdflib
    writes it from the whole dataset."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.graphs: Graphs = {}

    def add(self, name: URIRef, g: Graph) -> None:
        self.graphs[name] = g

    def finish(self) -> None:
        context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
        data = json.loads(to_dataset(self.graphs).serialize(format="json-ld", context=context, auto_compact=True))
        json.dump(_sort_jsonld(data), self.handle, ensure_ascii=False, indent=1, sort_keys=True)
        self.handle.write("\n")


def parse_formats(text: str) -> list[str]:
    """``"ttl,trig"`` -> ``["ttl", "trig"]``; an unknown name is a ValueError listing the known ones."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in WRITERS]
    if unknown or not names:
        raise ValueError(f"unknown RDF format(s) {', '.join(unknown) or '(none given)'}; "
                         f"choose from {', '.join(WRITERS)}")
    return list(dict.fromkeys(names))


def _write_all(graphs: Iterable[tuple[URIRef, Graph]], sinks: list[Sink]) -> None:
    """Each (name, graph) to every sink, then close them; on an error, no sink's file is published."""
    try:
        for name, g in graphs:
            for sink in sinks:
                sink.add(name, g)
            del g  # not held while the next graph is built
        for sink in sinks:
            sink.close()
    except BaseException as err:
        for sink in sinks:
            sink.abort(err)
        raise


def write_formats(graphs: Graphs | Iterable[tuple[URIRef, Graph]], out: Path, formats: list[str],
                  also: Sequence[Callable[[URIRef, Graph], None]] = (),
                  distinct: Callable[[int], None] | None = None) -> list[Path]:
    """Write each asked format into ``out``, a graph at a time: ``graphs`` is a mapping or (name, graph)
    pairs in IRI order, each built when it comes and dropped once written (``also`` hears each too).
    ``distinct`` hears the number of distinct triples once all are written: the Turtle writer's count,
    or (no ttl asked) a count through sorted runs on disk; never a set of the corpus's triples in memory.
    Returns the paths written."""
    pairs = graphs.items() if isinstance(graphs, Mapping) else graphs
    sinks: list[Sink] = []
    try:
        for name in formats:
            sinks.append(SINKS[name](out / WRITERS[name][0]))
    except BaseException as err:
        for sink in sinks:
            sink.abort(err)
        raise
    union_sink = next((sink for sink in sinks if isinstance(sink, (TurtleSink, NTriplesSink))), None)
    counter = SortedLines(out) if distinct is not None and union_sink is None else None

    def each() -> Iterator[tuple[URIRef, Graph]]:
        for name, g in pairs:
            for hear in also:
                hear(name, g)
            if counter is not None:
                counter.add(map(_nt_row, g))
            yield name, g
            del g
            gc.collect(1)  # an rdflib graph is a reference cycle: free it now, not at a full collection

    try:
        _write_all(each(), sinks)
        if distinct is not None:
            distinct(sum(1 for _ in counter.distinct()) if counter is not None else union_sink.count)
    finally:
        if counter is not None:
            counter.close()
    return [out / WRITERS[name][0] for name in formats]
