"""Named graphs, serialisations, the embedded store, SHACL and the competency queries (fast: no Stanza)."""

from __future__ import annotations

import json

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from sample_extraction import sample_extraction

from diplograf.graph.build import build_graph, build_graphs
from diplograf.graph.cli import main
from diplograf.graph.formats import WRITERS, parse_formats, write_formats
from diplograf.graph.query import GraphSource, QueryError, StoreSource, bind_params, find_query
from diplograf.graph.store import write_store
from diplograf.graph.validate import validate_graph
from diplograf.ontology import DIPLO, QUERIES_DIR
from diplograf.ontology.iris import article_graph_iri, entity_iri

COUNTRY = "https://w3id.org/diplograf/id/country/"


@pytest.fixture(scope="module")
def graphs():
    return build_graphs(sample_extraction())


@pytest.fixture(scope="module")
def written(graphs, tmp_path_factory):
    out = tmp_path_factory.mktemp("rdf")
    write_formats(graphs, out, list(WRITERS))
    write_store(graphs, out / "store")
    return out


def test_one_self_contained_named_graph_per_article(graphs):
    assert list(graphs) == [article_graph_iri("a1.txt"), article_graph_iri("a2.txt")]
    g2 = graphs[article_graph_iri("a2.txt")]
    # the article's graph describes the entities it uses, and only with the forms it used
    asean = entity_iri("org:asean")
    assert (asean, RDF.type, DIPLO.Organization) in g2
    jokowi = entity_iri("person:joko-widodo")
    assert not list(g2.triples((jokowi, None, None)))
    g1 = graphs[article_graph_iri("a1.txt")]
    labels = {str(o) for o in g1.objects(jokowi, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))}
    assert labels == set()  # "Jokowi" is a known alias, but a1 never wrote it
    # graph-level provenance: the graph is a prov:Bundle derived from its article
    prov = "http://www.w3.org/ns/prov#"
    assert (article_graph_iri("a2.txt"), URIRef(prov + "wasDerivedFrom"), None) in g2


def test_every_format_reads_back_to_the_same_triples(graphs, written):
    union = build_graph(sample_extraction())
    for name, (filename, _) in WRITERS.items():
        ds = Dataset(default_union=True)
        ds.parse(written / filename, format={"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig",
                                              "jsonld": "json-ld"}[name])
        back = Graph()
        for t in ds.triples((None, None, None)):
            back.add(t)
        assert isomorphic(back, union), name


def test_dataset_formats_keep_one_graph_per_article(written):
    for filename, fmt in (("graph.trig", "trig"), ("graph.nq", "nquads")):
        ds = Dataset()
        ds.parse(written / filename, format=fmt)
        names = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert names == {str(article_graph_iri("a1.txt")), str(article_graph_iri("a2.txt"))}, filename


def test_outputs_are_byte_identical_across_runs(graphs, written, tmp_path):
    write_formats(build_graphs(sample_extraction()), tmp_path, list(WRITERS))
    for filename, _ in WRITERS.values():
        assert (tmp_path / filename).read_bytes() == (written / filename).read_bytes(), filename
    ntriples = (written / "graph.nt").read_text().splitlines()
    assert len(ntriples) == len(set(ntriples)) == len(build_graph(sample_extraction()))
    assert ntriples == sorted(ntriples)  # the union, sorted whole (not a graph at a time)


def test_unknown_format_is_named():
    with pytest.raises(ValueError, match="xml.*choose from ttl"):
        parse_formats("ttl,xml")
    assert parse_formats(" TRIG, nt,trig") == ["trig", "nt"]


def test_store_rebuild_replaces_graphs_and_never_duplicates(graphs, tmp_path):
    write_store(graphs, tmp_path / "store")
    write_store(graphs, tmp_path / "store")
    src = StoreSource(tmp_path / "store")
    n = src.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]
    assert int(n) == sum(len(g) for g in graphs.values())
    del src
    # a changed article replaces its graph wholesale: the old facts are gone
    smaller = dict(graphs)
    g1 = Graph()
    for t in graphs[article_graph_iri("a1.txt")]:
        if t[1] != DIPLO.confidence:
            g1.add(t)
    smaller[article_graph_iri("a1.txt")] = g1
    write_store(smaller, tmp_path / "store")
    src = StoreSource(tmp_path / "store")
    n = src.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e diplo:evidence ?x ; diplo:confidence ?c }").rows[0][0]
    assert int(n) == 5  # only a2's five events still have one


def test_store_default_graph_is_the_union_with_each_triple_once(graphs, tmp_path):
    union = build_graph(sample_extraction())
    shared = (entity_iri("country:ID"), RDFS.label, Literal("Indonesia"))
    assert all(shared in g for g in graphs.values())  # described in both article graphs
    write_store(graphs, tmp_path / "store")
    src = StoreSource(tmp_path / "store")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(src.query(count).rows[0][0]) == len(union)
    labels = src.query('SELECT ?s WHERE { ?s rdfs:label "Indonesia" }').rows
    assert labels == [[str(entity_iri("country:ID"))]]
    del src
    # replacing a2 by a graph without its memberships drops them from the union, but a triple
    # a1 still states stays
    a2 = article_graph_iri("a2.txt")
    g2 = Graph()
    for t in graphs[a2]:
        if t[1] != DIPLO.memberOf:
            g2.add(t)
    write_store({**graphs, a2: g2}, tmp_path / "store")
    src = StoreSource(tmp_path / "store")
    assert src.query("ASK { ?c diplo:memberOf ?o }").boolean is False
    assert src.query(f"ASK {{ {' '.join(t.n3() for t in shared)} }}").boolean is True
    assert int(src.query(count).rows[0][0]) == len(union) - 2


def test_store_errors_are_plain(graphs, tmp_path, capsys):
    from diplograf.graph.store import StoreError, open_store

    assert main(["query", str(tmp_path / "nostore"), "ASK { ?s ?p ?o }"]) == 1
    assert "no such graph file" in capsys.readouterr().err
    held = open_store(tmp_path / "store")  # as a running 'diplograf serve --writable' would
    with pytest.raises(StoreError, match="is 'diplograf serve' running on it"):
        write_store(graphs, tmp_path / "store")
    del held


def test_shacl_accepts_what_we_build_and_names_what_is_broken(graphs):
    union = build_graph(sample_extraction())
    report = validate_graph(union)
    assert report.conforms and not report.findings, [str(f) for f in report.findings]
    broken = Graph()
    for t in union:
        broken.add(t)
    meeting = next(broken.subjects(RDF.type, DIPLO.Meeting))
    broken.remove((meeting, DIPLO.evidence, None))
    broken.set((meeting, DIPLO.confidence, Literal("1.7", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))))
    signing = next(broken.subjects(RDF.type, DIPLO.Signing))
    broken.set((signing, DIPLO.target, entity_iri("country:ID")))
    report = validate_graph(broken)
    text = [str(f) for f in report.findings]
    assert not report.conforms
    assert any("Violation" in t and "evidence sentence" in t and "dgid:event/meets/" in t for t in text), text
    assert any("Violation" in t and "between 0 and 1" in t and "1.7" in t for t in text), text
    assert any(t.startswith("Warning") and "what is signed is an agreement" in t for t in text), text


def test_validate_command_exit_codes(written, tmp_path, capsys):
    assert main(["validate", str(written / "graph.trig")]) == 0
    assert "conforms (0 violation(s)" in capsys.readouterr().out
    bad = tmp_path / "bad.ttl"
    bad.write_text((written / "graph.ttl").read_text().replace("diplo:sourceArticle", "diplo:fileName"))
    assert main(["validate", str(bad)]) == 1
    assert "evidence comes from exactly one article" in capsys.readouterr().out


# ---------------------------------------------------------------- competency queries


def _run(source, name: str, **params) -> list[dict]:
    text = find_query(name).read_text(encoding="utf-8")
    return source.query(bind_params(text, params)).records()


@pytest.fixture(scope="module", params=["rdflib", "store"])
def source(request, written):
    return GraphSource(written / "graph.trig") if request.param == "rdflib" else StoreSource(written / "store")


def test_every_shipped_query_says_what_it_answers():
    files = sorted(QUERIES_DIR.glob("*.rq"))
    assert {p.stem for p in files} >= {"meetings", "agreements-signed", "memberships", "roles",
                                       "events-between-countries", "cooperation-fields", "most-connected"}
    for path in files:
        head = path.read_text().splitlines()
        assert head[0].startswith("# ") and len(head[0]) > 20, path
        assert any(line.startswith("# Parameters:") for line in head), path


def test_meetings(source):
    rows = _run(source, "meetings")
    assert [(r["actor"], r["other"], r["date"], r["place"], r["article"]) for r in rows] == [
        ("Joko Widodo", "Anwar Ibrahim", "2024-01-08", "Bogor", "a1.txt")]
    assert rows[0]["sentence"].startswith("Presiden Indonesia Joko Widodo bertemu")


def test_agreements_signed(source):
    rows = _run(source, "agreements-signed")
    assert [(r["agreement"], r["signatory"], r["place"]) for r in rows] == [
        ("nota kesepahaman", "Retno Marsudi", "Kuala Lumpur")]


def test_memberships(source):
    rows = _run(source, "memberships")
    assert [(r["country"], r["organisation"], r["articles"]) for r in rows] == [
        ("Indonesia", "ASEAN", "1"), ("Malaysia", "ASEAN", "1")]


def test_roles(source):
    rows = _run(source, "roles")
    assert {(r["person"], r["role"], r["of"]) for r in rows} == {
        ("Joko Widodo", "President", "Indonesia"), ("Anwar Ibrahim", "Prime Minister", "Malaysia"),
        ("Retno Marsudi", "Foreign Minister", "Indonesia")}


def test_events_between_two_countries_in_a_period(source):
    rows = _run(source, "events-between-countries", a="country/ID", b="country/MY")
    kinds = [(r["when"], r["relation"], r["actor"], r["target"], r["article"]) for r in rows]
    # people count for the state they hold a role in; undated events take the article's date
    assert kinds == [
        ("2024-01-08", "meets", "Joko Widodo", "Anwar Ibrahim", "a1.txt"),
        ("2024-01-09", "cooperatesOn", "Indonesia", "Malaysia", "a1.txt"),
        ("2024-03-01", "cooperatesOn", "Malaysia", "Indonesia", "a2.txt"),
    ]
    only_january = _run(source, "events-between-countries", a=COUNTRY + "MY", b="dgid:country/ID",
                        **{"from": "2024-01-01", "to": "2024-01-31"})
    assert {r["article"] for r in only_january} == {"a1.txt"}
    assert _run(source, "events-between-countries", a="country/ID", b="country/JP") == []


def test_cooperation_fields(source):
    rows = _run(source, "cooperation-fields", a="country/MY", b="country/ID")
    assert [(r["field"], r["articles"]) for r in rows] == [("trade", "2"), ("energy", "1")]


def test_most_connected(source):
    rows = _run(source, "most-connected")
    top = [(r["name"], r["partners"], r["events"]) for r in rows]
    assert top[0] == ("Indonesia", "2", "4")  # Malaysia (3 cooperations) and ASEAN (membership)
    assert ("Anwar Ibrahim", "1", "1") in top
    assert all(name != "Bogor" for name, _, _ in top)


def test_bind_params_errors_and_terms():
    text = find_query("cooperation-fields").read_text()
    assert "<https://w3id.org/diplograf/id/country/KZ>" in bind_params(text, {"a": "country/KZ"})
    assert "<http://x/y>" in bind_params(text, {"a": "http://x/y"})
    with pytest.raises(QueryError, match=r"no parameter \?c"):
        bind_params(text, {"c": "country/KZ"})
    with pytest.raises(QueryError, match="shipped: agreements-signed"):
        find_query("no-such-query")


def test_query_command_over_store_with_bind(written, capsys):
    assert main(["query", str(written / "store"), "--file", "cooperation-fields", "--bind", "a=country/ID",
                 "--bind", "b=country/MY", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [{"field": "trade", "articles": 2}, {"field": "energy", "articles": 1}]
    assert main(["query", str(written / "graph.ttl"), "--file", "roles", "--bind", "nope"]) == 1
    assert "NAME=VALUE" in capsys.readouterr().err
