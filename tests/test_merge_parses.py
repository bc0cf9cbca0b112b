"""One event per real event across articles (extract/merge.py) and the day of an act from the sentence
pointing back at it (data/pointers.tsv), on hand-written parses. Names are made up."""

from __future__ import annotations

from parses import article, run, tokens
from rdflib import RDF

from diplograf.graph.build import build_graph
from diplograf.ontology import DIPLO

KENYA_FIRST = ("Presiden/PROPN/5/nsubj Kenya/PROPN/1/nmod/S-LOC Amani/PROPN/1/appos/B-PER Otieno/PROPN/3/flat/E-PER "
               "bertemu/VERB/0/root dengan/ADP/7/case Presiden/PROPN/5/obl Peru/PROPN/7/nmod/S-LOC "
               "Ana/PROPN/7/appos/B-PER Soto/PROPN/9/flat/E-PER")
PERU_FIRST = ("Presiden/PROPN/5/nsubj Peru/PROPN/1/nmod/S-LOC Ana/PROPN/1/appos/B-PER Soto/PROPN/3/flat/E-PER "
              "bertemu/VERB/0/root dengan/ADP/7/case Presiden/PROPN/5/obl Kenya/PROPN/7/nmod/S-LOC "
              "Amani/PROPN/7/appos/B-PER Otieno/PROPN/9/flat/E-PER")


def _meeting(article_id: str, parties: str, day: int, place: bool = True):
    where = "di/ADP/12/case Nairobi/PROPN/5/obl/S-LOC " if place else ""
    n = 14 if place else 12
    return article(tokens(f"{parties} {where}pada/ADP/{n}/case {day}/NUM/5/obl Juli/PROPN/{n}/flat "
                          f"2024/NUM/{n}/flat ./PUNCT/5/punct"), article_id=article_id)


def _reports():
    return run(_meeting("a", KENYA_FIRST, 1), _meeting("b", PERU_FIRST, 1, place=False),
               _meeting("c", KENYA_FIRST, 9))


def test_one_meeting_reported_by_two_articles_in_either_order_is_one_event():
    result = _reports()
    meets = {r.article.id: next(f for f in r.facts if f.predicate == "meets") for r in result.articles}
    shared = meets["a"].shared
    assert shared is not None and shared is meets["b"].shared
    assert shared.key == "meets|person:amani-otieno|person:ana-soto|2024-07-01"
    assert shared.sources == 2 and shared.confidence == round(1 - (1 - meets["a"].confidence) ** 2, 3)
    assert shared.place == "city:nairobi"  # named by one report only: the event has it
    assert meets["c"].shared is None  # another day: another meeting


def test_a_standing_relation_reported_on_different_days_is_one_event():
    result = _reports()
    holdings = [f for r in result.articles for f in r.facts
                if f.predicate == "holdsRole" and f.subject == "person:ana-soto"]
    assert len(holdings) == 3 and {id(f.shared) for f in holdings} == {id(holdings[0].shared)}
    assert holdings[0].shared.sources == 3
    assert holdings[0].shared.key == "holdsRole|person:ana-soto|country:PE|President"


def test_the_graph_has_one_node_per_real_event():
    g = build_graph(_reports())
    assert len(set(g.subjects(RDF.type, DIPLO.Meeting))) == 2  # 1 July (two reports) and 9 July
    assert len(set(g.subjects(RDF.type, DIPLO.RoleHolding))) == 2  # each president, in three articles


def test_a_sentence_pointing_back_at_the_meeting_takes_its_day_not_the_last_acts():
    result = run(article(
        tokens(f"{KENYA_FIRST} pada/ADP/12/case 1/NUM/5/obl Juli/PROPN/12/flat 2024/NUM/12/flat ./PUNCT/5/punct"),
        tokens("Otieno/PROPN/2/nsubj/S-PER mengunjungi/VERB/0/root Lima/PROPN/2/obj/S-LOC pada/ADP/5/case "
               "3/NUM/2/obl Juli/PROPN/5/flat 2024/NUM/5/flat ./PUNCT/2/punct"),
        tokens("Usai/ADP/2/case pertemuan/NOUN/6/obl itu/DET/2/det ,/PUNCT/2/punct Soto/PROPN/6/nsubj/S-PER "
               "mengunjungi/VERB/0/root Nairobi/PROPN/6/obj/S-LOC ./PUNCT/6/punct"),
        tokens("Soto/PROPN/2/nsubj/S-PER mengunjungi/VERB/0/root Mombasa/PROPN/2/obj/S-LOC ./PUNCT/2/punct")))
    visits = {f.object: f.date.isoformat() for r in result.articles for f in r.facts if f.predicate == "visits"}
    assert visits == {"city:lima": "2024-07-03",
                      "city:nairobi": "2024-07-01",  # "usai pertemuan": the meeting's day
                      "city:mombasa": "2024-07-03"}  # no pointer: the day of the act just before
