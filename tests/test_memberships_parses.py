"""Memberships the news takes for granted (extract/memberships.py, data/memberships.tsv) on hand-written parses."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from parses import article, facts, run, tokens

from diplograf.extract import memberships

# "Peru berharap APEC membahas perdagangan." (Peru joined APEC in November 1998)
PERU_APEC = ("Peru/PROPN/2/nsubj/S-LOC berharap/VERB/0/root APEC/PROPN/4/nsubj/S-ORG membahas/VERB/2/xcomp "
             "perdagangan/NOUN/4/obj ./PUNCT/2/punct")


def _dated(rows, day: dt.date | None):
    art, sentences = article(tokens(rows))
    return dataclasses.replace(art, date=day), sentences


def test_a_state_and_a_body_it_belonged_to_that_day_named_in_one_sentence_give_membership():
    result = run(_dated(PERU_APEC, dt.date(2017, 5, 2)))
    assert facts(result, "memberOf") == {("Peru", "APEC", None)}
    fact = next(f for r in result.articles for f in r.facts if f.predicate == "memberOf")
    assert (fact.rule, fact.evidence) == (memberships.RULE, result.articles[0].article.text)


def test_the_articles_day_must_fall_inside_the_membership():
    assert facts(run(_dated(PERU_APEC, dt.date(1995, 5, 2))), "memberOf") == set()
    # with no day, only a membership the table bounds neither way holds
    assert facts(run(_dated(PERU_APEC, None)), "memberOf") == set()
    assert memberships.is_member("country:JP", "org:APEC", None)
    assert not memberships.is_member("country:GB", "org:EU", dt.date(2021, 3, 1))
    assert memberships.is_member("country:GB", "org:EU", dt.date(2019, 3, 1))


def test_a_state_outside_the_body_gives_nothing():
    rows = PERU_APEC.replace("Peru/PROPN", "Kenya/PROPN")
    assert facts(run(_dated(rows, dt.date(2017, 5, 2))), "memberOf") == set()


def test_a_state_named_as_a_place_and_a_body_inside_an_events_name_are_no_parties():
    # "Para menteri APEC bertemu di Peru." / "Peru menghadiri KTT APEC."
    venue = ("Para/DET/2/det menteri/NOUN/4/nsubj APEC/PROPN/2/nmod/S-ORG bertemu/VERB/0/root "
             "di/ADP/6/case Peru/PROPN/4/obl/S-LOC ./PUNCT/4/punct")
    assert facts(run(_dated(venue, dt.date(2017, 5, 2))), "memberOf") == set()
    summit = ("Peru/PROPN/2/nsubj/S-LOC menghadiri/VERB/0/root KTT/PROPN/2/obj/B-EVT APEC/PROPN/3/flat:name/E-EVT "
              "./PUNCT/2/punct")
    assert facts(run(_dated(summit, dt.date(2017, 5, 2))), "memberOf") == set()


def test_a_malformed_membership_date_names_the_table_and_the_cell():
    with pytest.raises(ValueError, match=r"memberships.tsv: APEC: 'PE@1998': a membership's dates are FROM/UNTIL"):
        memberships._span("PE@1998", f"{memberships.TABLE}: APEC")
    with pytest.raises(ValueError, match="'PE@1998-13-01/'"):
        memberships._span("PE@1998-13-01/", "x")
