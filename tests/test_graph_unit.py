"""The graph stage on a hand-made extraction (fast: no Stanza)."""

from __future__ import annotations

import datetime as dt
import re

from rdflib import RDF, XSD, Graph, Literal

from diplograf.extract.records import Article, ArticleResult, Entity, Extraction, Fact, Mention
from diplograf.graph.build import build_graph
from diplograf.graph.outputs import entity_rows, fact_rows
from diplograf.graph.view import render_html, to_networkx
from diplograf.ontology import DIPLO
from diplograf.ontology.iris import entity_iri

TEXT = "Presiden Joko Widodo bertemu Perdana Menteri Fumio Kishida di Tokyo pada hari Kamis."


def _extraction() -> Extraction:
    art = Article(id="a.txt", text=TEXT, date=dt.date(2023, 2, 9))
    ents = {
        "person:joko-widodo": Entity("person:joko-widodo", "Joko Widodo", "Person", aliases={"Joko Widodo"}),
        "person:fumio-kishida": Entity("person:fumio-kishida", "Fumio Kishida", "Person", aliases={"Fumio Kishida"}),
        "city:tokyo": Entity("city:tokyo", "Tokyo", "City", "Q1490", stands_for="country:JP", aliases={"Tokyo"}),
        "country:JP": Entity("country:JP", "Japan", "Country", "Q17", "JP"),
    }
    mentions = [Mention(0, 2, 3, "Joko Widodo", 9, 20, "Person", "person:joko-widodo"),
                Mention(0, 7, 8, "Fumio Kishida", 45, 58, "Person", "person:fumio-kishida"),
                Mention(0, 10, 10, "Tokyo", 62, 67, "City", "city:tokyo")]
    fact = Fact("a.txt", "meets", "person:fumio-kishida", "person:joko-widodo", 0, TEXT, 0, len(TEXT),
                date=dt.date(2023, 2, 9), place="city:tokyo", confidence=0.8, rule="meets:bertemu")
    return Extraction([ArticleResult(art, [], mentions, [fact])], ents)


def test_event_node_with_participants_date_place_and_evidence():
    g = build_graph(_extraction())
    [ev] = list(g.subjects(RDF.type, DIPLO.Meeting))
    assert g.value(ev, DIPLO.date) == Literal("2023-02-09", datatype=XSD.date)
    assert g.value(ev, DIPLO.place) == entity_iri("city:tokyo")
    evid = g.value(ev, DIPLO.evidence)
    assert str(g.value(evid, DIPLO.sentenceText)) == TEXT
    assert int(g.value(evid, DIPLO.endOffset)) == len(TEXT)
    # the capital's state is described too, so that standsFor never dangles
    assert (entity_iri("country:JP"), RDF.type, DIPLO.Country) in g


def test_symmetric_facts_get_one_iri_whatever_the_order():
    ex = _extraction()
    f = ex.articles[0].facts[0]
    first = fact_rows(ex)[0]["event"]
    f.subject, f.object = f.object, f.subject
    assert fact_rows(ex)[0]["event"] == first


def test_turtle_roundtrip_and_no_blank_nodes():
    data = build_graph(_extraction()).serialize(format="turtle")
    g = Graph()
    g.parse(data=data, format="turtle")
    assert len(g) == len(build_graph(_extraction()))
    assert "_:" not in data


def test_rows_follow_the_contract():
    [row] = fact_rows(_extraction())
    assert (row["subject"], row["object"], row["date"], row["place"]) == ("Fumio Kishida", "Joko Widodo",
                                                                          "2023-02-09", "Tokyo")
    ents = entity_rows(_extraction())
    assert {e["name"] for e in ents} == {"Joko Widodo", "Fumio Kishida", "Tokyo"}
    assert next(e for e in ents if e["name"] == "Tokyo")["wikidata"] == "Q1490"


def test_html_has_no_remote_resources_and_carries_evidence():
    html = render_html(_extraction())
    assert not re.search(r"(src|href)\s*=\s*[\"']https?://", html)
    assert "vis-network" in html or "vis.Network" in html
    assert "source: a.txt" in html
    assert to_networkx(_extraction()).number_of_nodes() == 2
