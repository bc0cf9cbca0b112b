"""The competency questions on the seeds' graph agree with facts.jsonl, in rdflib and in the embedded store
(through the library API: ``diplograf.graph.api.query`` and ``validate``)."""

from __future__ import annotations

from collections import Counter

import pytest

from diplograf.graph import api

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["graph.trig", "graph.jsonld", "store"])
def source(request, seeds_build):
    return seeds_build / request.param


def _rows(source, name, **params):
    return api.query(source, file=name, bind=params).records()


def test_seeds_graph_validates(seeds_build):
    for name in ("graph.ttl", "graph.trig", "store"):
        report = api.validate(seeds_build / name)
        assert report.conforms, [str(f) for f in report.violations]


def test_meetings_are_the_meets_facts(source, seeds_facts):
    got = {(r["actor"], r["other"], r["date"] or None, r["article"]) for r in _rows(source, "meetings")}
    want = {(f["subject"], f["object"], f["date"], f["article"]) for f in seeds_facts if f["predicate"] == "meets"}
    assert got == want and got


def test_roles_and_signatures_are_the_facts(source, seeds_facts):
    roles = {(r["person"], r["role"], r["of"]) for r in _rows(source, "roles")}
    assert roles == {(f["subject"], f["role"], f["object"]) for f in seeds_facts if f["predicate"] == "holdsRole"}
    signed = {(r["agreement"], r["signatory"]) for r in _rows(source, "agreements-signed")}
    assert signed == {(f["object"], f["subject"]) for f in seeds_facts if f["predicate"] == "signs"}
    members = {(r["country"], r["organisation"]) for r in _rows(source, "memberships")}
    assert members <= {(f["subject"], f["object"]) for f in seeds_facts if f["predicate"] == "memberOf"}


def test_cooperation_fields_count_articles(source, seeds_facts):
    rows = _rows(source, "cooperation-fields", a="country/CN", b="country/KZ")
    per_field: dict[str, set[str]] = {}
    for f in seeds_facts:
        # a cooperation that names no field counts under none
        if f["predicate"] == "cooperatesOn" and {f["subject"], f["object"]} == {"China", "Kazakhstan"} and f["role"]:
            per_field.setdefault(f["role"], set()).add(f["article"])
    assert {r["field"]: int(r["articles"]) for r in rows} == {k: len(v) for k, v in per_field.items()}
    assert [r["field"] for r in rows] == sorted(per_field, key=lambda k: (-len(per_field[k]), k))


def test_events_between_china_and_kazakhstan_by_period(source, seeds_facts):
    everything = _rows(source, "events-between-countries", a="country/CN", b="country/KZ")
    # no period bound: every event, undated ones too; any period: only events with a day (their own or
    # their article's), and the seeds date events in each article
    dated = _rows(source, "events-between-countries", a="country/CN", b="country/KZ", **{"from": "0001-01-01"})
    assert dated == [r for r in everything if r["when"]] and len(dated) < len(everything)
    dated_articles = {f["article"] for f in seeds_facts if f["date"]}
    assert {r["article"] for r in dated} <= dated_articles | {
        f["article"] for f in seeds_facts if f["article"].startswith(("000", "003"))}  # the two with datelines
    assert len({r["article"] for r in dated}) >= 3
    in_2023 = _rows(source, "events-between-countries", a="country/CN", b="country/KZ",
                    **{"from": "2023-01-01", "to": "2023-12-31"})
    assert in_2023 and all(r["when"].startswith("2023") for r in in_2023)
    assert len(in_2023) < len(dated)


def test_most_connected_matches_the_fact_network(source, seeds_facts):
    partners: dict[str, set[str]] = {}
    for f in seeds_facts:
        if f["predicate"] in ("holdsRole", "locatedIn"):
            continue
        partners.setdefault(f["subject"], set()).add(f["object"])
        partners.setdefault(f["object"], set()).add(f["subject"])
    rows = _rows(source, "most-connected")
    got = Counter({r["name"]: int(r["partners"]) for r in rows})
    assert got == Counter({k: len(v) for k, v in partners.items()})
