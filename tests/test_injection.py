"""Hostile text in articles, names and --bind values: it stays data in every output and every query."""

from __future__ import annotations

import pytest
from parses import article, run
from rdflib import Dataset, Graph, Literal

from diplograf.graph.build import build_graph
from diplograf.graph.query import QueryError, bind_params
from diplograf.graph.view import render_html

EVIL = '</script><script>alert("x")</script> """ \\ ]]> \' <b>'


def _hostile():
    # "Kenya mendukung Peru <EVIL>": the evidence sentence carries the hostile text
    return run(article([("Kenya", "PROPN", 2, "nsubj", "S-LOC"), ("mendukung", "VERB", 0, "root", "O"),
                        ("Peru", "PROPN", 2, "obj", "S-LOC"), (EVIL, "X", 2, "dep", "O")]))


def test_hostile_text_runs_no_code_in_the_view():
    result = _hostile()
    assert any(EVIL in f.evidence for r in result.articles for f in r.facts)
    html = render_html(result, title='<script>alert("t")</script>')
    assert '<script>alert("x")' not in html and "</script><script>alert" not in html
    assert '<script>alert("t")' not in html  # the title is escaped too


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "xml"])
def test_hostile_text_stays_one_literal_in_every_rdf_format(fmt):
    g = build_graph(_hostile())
    evidence = {str(o) for o in g.objects() if isinstance(o, Literal) and EVIL in str(o)}
    assert evidence
    back = Graph().parse(data=g.serialize(format=fmt), format=fmt)
    assert {str(o) for o in back.objects() if isinstance(o, Literal) and EVIL in str(o)} == evidence
    assert len(back) == len(g)


def test_trig_keeps_the_hostile_text_too():
    from diplograf.graph.build import build_graphs

    ds = Dataset()
    for iri, g in build_graphs(_hostile()).items():
        for t in g:
            ds.graph(iri).add(t)
    back = Dataset()
    back.parse(data=ds.serialize(format="trig"), format="trig")
    assert any(EVIL in str(q[2]) for q in back.quads((None, None, None, None)))


QUERY = "SELECT ?s WHERE { VALUES ?x { } ?s ?p ?x }"


@pytest.mark.parametrize("value", ['x" } } DELETE WHERE { ?s ?p ?o } #', "a\nb", "\\", "}", EVIL + " end"])
def test_a_string_bind_is_one_literal(value):
    from rdflib import URIRef

    g = Graph()
    g.add((URIRef("urn:hit"), URIRef("urn:p"), Literal(value)))
    g.add((URIRef("urn:other"), URIRef("urn:p"), Literal("x")))
    rows = list(g.query(bind_params(QUERY, {"x": value})))
    assert [str(r[0]) for r in rows] == ["urn:hit"]  # exactly the triple whose object is that string


@pytest.mark.parametrize("value", ["<http://x> } } DELETE WHERE { ?s ?p ?o } #>", "country/ID>}", "http://a b",
                                   "dgid:x>{"])
def test_an_iri_bind_that_would_end_the_iri_is_refused(value):
    with pytest.raises(QueryError, match="not a valid IRI"):
        bind_params(QUERY, {"x": value})
