"""The counts a new user reads agree, or say why they differ: build's summary, entities.jsonl, the view, load.

Slow: a real build of the examples (the bundled models) and a real oxigraph server to load into.
"""

from __future__ import annotations

import re

import pytest
from triplestores import Oxigraph

from diplograf.graph.cli import main
from diplograf.graph.query import EndpointSource

from conftest import EXAMPLES, read_jsonl

pytestmark = pytest.mark.slow


def test_build_summary_entities_view_and_load_counts_agree(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(EXAMPLES), "-o", str(out)]) == 0
    summary = capsys.readouterr().out
    found = re.search(r"(\d+) articles -> (\d+) entities, (\d+) facts, (\d+) triples in (\d+) article graphs", summary)
    articles, entities, facts, triples, graphs = map(int, found.groups())
    assert articles == graphs == len(list(EXAMPLES.glob("*.txt")))

    rows = read_jsonl(out / "entities.jsonl")
    assert len({r["iri"] for r in rows}) == entities  # the summary counts each entity once
    assert f"entities.jsonl has {len(rows)} rows, one per entity per article" in summary
    assert len(rows) > entities  # not vacuous: some entity is named in two articles

    fact_rows = read_jsonl(out / "facts.jsonl")
    assert len(fact_rows) == facts
    drawn = re.search(r"(\d+) entities in (\d+) facts \(of (\d+) entities found", (out / "graph.html").read_text())
    assert (int(drawn[2]), int(drawn[3])) == (facts, entities)
    assert f"graph.html draws the {drawn[1]} entities in facts" in summary

    sent = int(re.search(r"load sends (\d+) triples", summary)[1])
    assert sent > triples  # entity facts repeat per article graph, and the summary says so
    (tmp_path / "server").mkdir()
    server = Oxigraph(tmp_path / "server")
    server.start()
    try:
        assert main(["load", str(out / "graph.trig"), "--endpoint", server.gsp]) == 0
        said = capsys.readouterr().out
        assert f"loaded {graphs} graphs, {sent} triples" in said and f"{triples} distinct, as build counts" in said
        n = EndpointSource(server.query).query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                                               "WHERE { GRAPH ?g { ?s ?p ?o } } }").records(typed=True)[0]["n"]
        assert n == triples
        # the endpoint as a new user meets it: validate reads it, a syntax error comes back in plain words
        assert main(["validate", server.query]) == 0
        assert capsys.readouterr().out.strip().endswith("conforms (0 violation(s), 0 warning(s))")
        assert main(["query", server.query, "SELECT ?s WHERE {\n  ?s diplo:label ?x ) }"]) == 1
        err = capsys.readouterr().err
        assert "SPARQL syntax error at line 1, column 17: this '{' is never closed (a ')' at line 2, column 21" in err
    finally:
        server.stop()
