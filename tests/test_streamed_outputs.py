"""The RDF outputs are written a graph at a time: the same bytes as from the whole mapping, no more
than one article graph alive at once, and nothing published when a graph fails half-way."""

from __future__ import annotations

import gc
import weakref

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from sample_extraction import sample_extraction

from diplograf.graph.build import ArticleGraphs, build_graphs, union
from diplograf.graph.formats import WRITERS, nquads_lines, ntriples_lines, write_formats

STREAMED = ["ttl", "nt", "nq", "trig"]  # jsonld: rdflib writes it from the whole dataset


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_lazy_graphs_stream_to_the_bytes_of_the_whole_mapping(tmp_path):
    extraction = sample_extraction()
    whole = build_graphs(extraction)
    lazy = ArticleGraphs(extraction)
    assert list(lazy) == list(whole) and len(lazy) == len(whole) == 2
    for folder, graphs in (("whole", whole), ("lazy", lazy), ("pairs", iter(list(whole.items())))):
        (tmp_path / folder).mkdir()
        write_formats(graphs, tmp_path / folder, list(WRITERS))
    assert _files(tmp_path / "whole") == _files(tmp_path / "lazy") == _files(tmp_path / "pairs")
    assert len(_files(tmp_path / "whole")) == len(WRITERS)
    written = _files(tmp_path / "whole")
    assert isomorphic(Graph().parse(data=written["graph.ttl"].decode("utf-8"), format="turtle"), union(whole))
    assert written["graph.nq"] == "".join(nquads_lines(whole)).encode("utf-8")
    assert written["graph.nt"] == "".join(ntriples_lines(whole)).encode("utf-8")
    assert written["graph.trig"].count(b"{\n") == 2 and written["graph.trig"].startswith(b"@prefix")


def test_no_more_than_one_article_graph_is_alive_while_the_outputs_are_written(tmp_path):
    graphs = ArticleGraphs(sample_extraction())
    alive: list[weakref.ref] = []
    most = []

    def one_at_a_time():
        for iri in graphs:
            gc.collect()
            most.append(sum(ref() is not None for ref in alive))
            g = graphs[iri]
            alive.append(weakref.ref(g))
            yield iri, g
            del g

    heard = []
    write_formats(one_at_a_time(), tmp_path, STREAMED, also=[lambda iri, g: heard.append(iri)])
    assert most == [0, 0], "an article graph written earlier is still held"
    assert heard == list(graphs)


def test_a_graph_that_fails_half_way_publishes_no_output(tmp_path):
    graphs = build_graphs(sample_extraction())
    write_formats(graphs, tmp_path, STREAMED)
    before = _files(tmp_path)

    def broken():
        first = next(iter(graphs.items()))
        yield first
        raise RuntimeError("the second article's graph")

    with pytest.raises(RuntimeError):
        write_formats(broken(), tmp_path, STREAMED)
    assert _files(tmp_path) == before  # the earlier outputs, whole; no temporary file left
