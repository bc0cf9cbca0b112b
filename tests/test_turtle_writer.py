"""graph.ttl's own Turtle writer (graph/turtle.py): the triples of rdflib's Turtle, in sorted runs on disk."""

from __future__ import annotations

import pytest
from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.serializers.nt import _nt_row
from sample_extraction import sample_extraction

from diplograf.graph.build import PREFIXES, build_graphs, new_graph, union
from diplograf.graph.formats import WRITERS, write_formats
from diplograf.graph.turtle import SortedLines, turtle_order

DIPLO = PREFIXES["diplo"]
ID = PREFIXES["dgid"]


def _awkward() -> Graph:
    """Literals and IRIs that a Turtle writer easily gets wrong."""
    g = new_graph()
    s = ID["person/amani-otieno"]  # a '/' in the local name: no prefixed name
    for text in ['Dia berkata "halo"', "dua\nbaris\r\ndan\ttab", "back\\slash \\n", "Ana Soto — Perú ✓ 𝄞",
                 "", "'single' and \"\"\"triple\"\"\"", "ends with a quote\"", "\u2028separator\u0085next"]:
        g.add((s, DIPLO.sentenceText, Literal(text)))
    g.add((s, DIPLO.sentenceText, Literal("Dewi Lestari", lang="id")))
    g.add((s, DIPLO.sentenceText, Literal("Dewi Lestari", lang="en-GB")))
    g.add((s, DIPLO.date, Literal("2024-05-02", datatype=XSD.date)))
    g.add((s, DIPLO.period, Literal("2022-09", datatype=XSD.gYearMonth)))
    g.add((s, DIPLO.confidence, Literal("0.900", datatype=XSD.decimal)))
    g.add((s, DIPLO.confidence, Literal(".5", datatype=XSD.decimal)))
    g.add((s, DIPLO.startOffset, Literal(42)))
    g.add((s, DIPLO.startOffset, Literal(-7)))
    g.add((s, DIPLO.startOffset, Literal("007", datatype=XSD.integer)))
    g.add((s, DIPLO.flag, Literal(True)))
    g.add((s, DIPLO.ratio, Literal(1.5e3)))  # xsd:double: written with its datatype
    g.add((s, DIPLO.note, Literal("x", datatype=XSD.string)))
    g.add((s, DIPLO.note, Literal("y", datatype=URIRef("http://example.org/dt#a/b"))))  # no prefix fits
    g.add((s, DIPLO.url, Literal("https://example.org/a b", datatype=XSD.anyURI)))
    g.add((s, RDF.type, DIPLO.Person))
    g.add((s, RDF.type, URIRef("https://schema.org/Person")))
    for local in ["042", "a.b", "a-b_c", "ends.", "a.", "-x", "x%20y", "é", "a:b", "a~b", ""]:
        g.add((URIRef(str(DIPLO) + local), DIPLO.label, Literal(local)))  # valid or not as a local name
    g.add((URIRef("urn:isbn:123"), DIPLO.sameAs, URIRef("http://example.org/ä?q=1#f")))
    b1, b2 = BNode("b1"), BNode()
    g.add((b1, DIPLO.next, b2))
    g.add((b2, DIPLO.label, Literal("blank")))
    g.add((s, DIPLO.mentionedIn, b1))
    return g


def _written(graphs: dict, folder) -> bytes:
    folder.mkdir()
    write_formats(graphs, folder, ["ttl"])
    return (folder / "graph.ttl").read_bytes()


def test_awkward_terms_read_back_to_the_same_graph(tmp_path):
    g = _awkward()
    text = _written({URIRef("urn:g1"): g}, tmp_path / "out")
    back = Graph().parse(data=text.decode("utf-8"), format="turtle")
    assert len(back) == len(g) and isomorphic(back, g)
    assert text.startswith(b"@prefix diplo: <https://w3id.org/diplograf/ontology#> .\n")
    assert b"@prefix wd:" not in text  # only the prefixes it uses
    assert b"<https://w3id.org/diplograf/id/person/amani-otieno> a " in text  # rdf:type first, as 'a'
    assert b"diplo:042 " in text and b"<https://w3id.org/diplograf/ontology#ends.>" in text
    assert b" 42" in text and b" 0.900" in text and b" true" in text  # bare numbers and booleans
    assert b'"2024-05-02"^^xsd:date' in text and b'"Dewi Lestari"@en-GB' in text


def test_the_union_reads_back_to_rdflibs_union_and_is_grouped_per_subject(tmp_path):
    graphs = build_graphs(sample_extraction())
    text = _written(graphs, tmp_path / "out").decode("utf-8")
    expected = union(graphs)
    assert isomorphic(Graph().parse(data=text, format="turtle"), expected)
    blocks = [b for b in text.split("\n\n")[1:] if b.strip()]
    assert len(blocks) == len(set(expected.subjects()))  # one block per subject
    assert all(b.rstrip().endswith(" .") for b in blocks) and any(" ;\n    " in b for b in blocks)


def test_same_triples_same_bytes_whatever_the_order_of_graphs(tmp_path):
    graphs = build_graphs(sample_extraction())
    forward = _written(graphs, tmp_path / "a")
    backward = _written(dict(reversed(list(graphs.items()))), tmp_path / "b")
    merged = _written({URIRef("urn:all"): union(graphs)}, tmp_path / "c")  # shared triples once
    assert forward == backward == merged


@pytest.mark.parametrize("run_chars", [1, 300, 10_000_000])
def test_sorted_runs_on_disk_give_each_line_once_in_order(tmp_path, run_chars):
    g = _awkward()
    lines = [_nt_row(t) for t in g] * 3
    runs = SortedLines(tmp_path, turtle_order, run_chars=run_chars, fan_in=2)
    runs.add(lines)
    got = list(runs.distinct())
    assert got == sorted(set(lines), key=turtle_order)
    assert got[0].split(" ")[1] == f"<{RDF.type}>"  # a subject's types come first
    if run_chars == 1:
        assert runs.written > len(set(lines))  # one run a line, then merged two at a time
    runs.close()
    assert list(tmp_path.iterdir()) == []


def test_no_run_is_left_behind_when_a_graph_fails(tmp_path):
    graphs = build_graphs(sample_extraction())

    def broken():
        yield next(iter(graphs.items()))
        raise RuntimeError("the second article's graph")

    with pytest.raises(RuntimeError):
        write_formats(broken(), tmp_path, list(WRITERS))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("formats", [["ttl", "nq"], ["nq"]])
def test_distinct_triples_are_counted_with_or_without_turtle(tmp_path, formats):
    graphs = build_graphs(sample_extraction())
    heard = []
    write_formats(graphs, tmp_path, formats, distinct=heard.append)
    assert heard == [len(union(graphs))] and heard[0] < sum(map(len, graphs.values()))  # shared ones once
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(WRITERS[f][0] for f in formats)


@pytest.mark.slow
def test_the_examples_build_reads_back_to_the_union_of_its_named_graphs(examples_build):
    ttl = Graph().parse(examples_build / "graph.ttl", format="turtle")
    dataset = Dataset()
    dataset.parse(examples_build / "graph.trig", format="trig")  # rdflib's own Turtle, a graph at a time
    whole = Graph()
    for g in dataset.graphs():
        for triple in g:
            whole.add(triple)
    assert len(ttl) == len(whole) > 100 and isomorphic(ttl, whole)
