"""RDF serialisations of the article graphs: a registry of writers, each deterministic and atomic.

    ttl     graph.ttl     the union of all article graphs (Turtle, sorted by rdflib)
    nt      graph.nt      the union as N-Triples, written line by line (large corpora)
    nq      graph.nq      the dataset as N-Quads: one named graph per article, streamed
    trig    graph.trig    the dataset as TriG: one named graph per article
    jsonld  graph.jsonld  the dataset as JSON-LD (named graphs as ``@graph`` objects), keys sorted

Same article graphs, same bytes: graphs come in IRI order, lines are sorted inside each graph.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.serializers.nt import _nt_row  # the exact N-Triples escaping rdflib uses

from .build import PREFIXES, new_graph, union
from .outputs import atomic_write

Graphs = dict[URIRef, Graph]
Writer = Callable[[Graphs, Path], None]

#: format name -> (file name, writer); filled by ``@writer``.
WRITERS: dict[str, tuple[str, Writer]] = {}


def writer(name: str, filename: str) -> Callable[[Writer], Writer]:
    def register(fn: Writer) -> Writer:
        WRITERS[name] = (filename, fn)
        return fn
    return register


def sorted_lines(g: Graph) -> list[str]:
    return sorted(_nt_row(t) for t in g)


def ntriples_lines(graphs: Graphs) -> Iterator[str]:
    """The union as N-Triples lines, one graph at a time; a triple shared by graphs comes once."""
    seen: set[str] = set()  # the lines themselves: a hash collision must never drop a triple
    for g in graphs.values():
        for line in sorted_lines(g):
            if line not in seen:
                seen.add(line)
                yield line


def nquads_lines(graphs: Graphs) -> Iterator[str]:
    for name, g in graphs.items():
        suffix = f" {name.n3()} .\n"
        for line in sorted_lines(g):
            yield line[:-3] + suffix  # "<s> <p> <o> .\n" -> "<s> <p> <o> <g> .\n"


@writer("ttl", "graph.ttl")
def write_turtle(graphs: Graphs, path: Path) -> None:
    data = union(graphs).serialize(format="turtle")
    with atomic_write(path) as handle:
        handle.write(data)


@writer("nt", "graph.nt")
def write_ntriples(graphs: Graphs, path: Path) -> None:
    with atomic_write(path) as handle:
        handle.writelines(ntriples_lines(graphs))


@writer("nq", "graph.nq")
def write_nquads(graphs: Graphs, path: Path) -> None:
    with atomic_write(path) as handle:
        handle.writelines(nquads_lines(graphs))


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
def write_trig(graphs: Graphs, path: Path) -> None:
    """TriG written a graph at a time in IRI order (rdflib's TriG serializer orders graphs by its store,
    which differs from run to run): each graph's Turtle, its prefixes gathered at the top."""
    prefixes: set[str] = set()
    blocks = []
    bound = set(new_graph().namespaces())
    for name in sorted(graphs, key=str):
        g = graphs[name]
        if set(g.namespaces()) != bound:  # bound otherwise than build's graphs: a copy with its prefixes
            g = new_graph()
            for triple in graphs[name]:
                g.add(triple)
        body = []
        for line in g.serialize(format="turtle").splitlines():
            if line.startswith("@prefix"):
                prefixes.add(line)
            elif line.strip():
                body.append("    " + line)
            elif body:
                body.append("")
        blocks.append(f"<{name}> {{\n" + "\n".join(body).rstrip() + "\n}\n")
    with atomic_write(path) as handle:
        handle.write("\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks))


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
def write_jsonld(graphs: Graphs, path: Path) -> None:
    context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
    data = json.loads(to_dataset(graphs).serialize(format="json-ld", context=context, auto_compact=True))
    with atomic_write(path) as handle:
        json.dump(_sort_jsonld(data), handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.write("\n")


def parse_formats(text: str) -> list[str]:
    """``"ttl,trig"`` -> ``["ttl", "trig"]``; an unknown name is a ValueError listing the known ones."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in WRITERS]
    if unknown or not names:
        raise ValueError(f"unknown RDF format(s) {', '.join(unknown) or '(none given)'}; "
                         f"choose from {', '.join(WRITERS)}")
    return list(dict.fromkeys(names))


def write_formats(graphs: Graphs, out: Path, formats: list[str]) -> list[Path]:
    """Write each asked format into ``out``; returns the paths written."""
    paths = []
    for name in formats:
        filename, fn = WRITERS[name]
        fn(graphs, out / filename)
        paths.append(out / filename)
    return paths
