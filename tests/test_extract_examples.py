"""Real models on the bundled example articles: the entities, roles and relations a reader finds."""

from __future__ import annotations

import pytest

from diplograf.extract.records import SYMMETRIC

from conftest import read_jsonl

#: the real models over whole articles: the full suite runs them, test-fast the hand-written parses
pytestmark = pytest.mark.slow

#: (article prefix, relation, subject, object) that a reader of examples/ finds.
EXPECTED = [
    ("01", "holdsRole", "Vo Van Thuong", "Vietnam"),
    ("01", "holdsRole", "Joko Widodo", "Indonesia"),
    ("01", "holdsRole", "Retno Marsudi", "Indonesia"),
    ("01", "visits", "Vo Van Thuong", "Jakarta"),
    ("01", "meets", "Joko Widodo", "Vo Van Thuong"),
    ("02", "holdsRole", "Fumio Kishida", "Japan"),
    ("02", "meets", "Fumio Kishida", "Ferdinand Marcos Jr"),
    ("02", "visits", "Ferdinand Marcos Jr", "Japan"),
    ("02", "meets", "Enrique Manalo", "Yoshimasa Hayashi"),
    ("03", "holdsRole", "Anwar Ibrahim", "Malaysia"),
    ("03", "meets", "Anwar Ibrahim", "Joko Widodo"),
    ("04", "holdsRole", "Olaf Scholz", "Germany"),
    ("04", "hosts", "Olaf Scholz", "Luiz Inacio Lula da Silva"),
    ("04", "meets", "Luiz Inacio Lula da Silva", "Frank-Walter Steinmeier"),
    ("04", "visits", "Luiz Inacio Lula da Silva", "Berlin"),
    ("05", "holdsRole", "Abdullah II", "Jordan"),
    ("05", "holdsRole", "Antonio Guterres", "United Nations"),
    ("05", "meets", "Sameh Shoukry", "Ayman Safadi"),
    ("05", "visits", "Antonio Guterres", "Egypt"),
    # "Kedua pemimpin menandatangani ...": the two leaders of the article sign
    ("01", "signs", "Joko Widodo", "nota kesepahaman tentang kerja sama perikanan"),
    ("01", "signs", "Vo Van Thuong", "nota kesepahaman tentang kerja sama perikanan"),
    ("04", "signs", "Olaf Scholz", "perjanjian kemitraan strategis di bidang energi terbarukan"),
    ("04", "agreesWith", "Germany", "Brazil"),
]


def test_cooperation_is_one_fact_per_field(example_facts):
    fields = {f["role"] for f in example_facts if f["article"].startswith("04") and f["predicate"] == "cooperatesOn"}
    assert {"trade", "forest protection"} <= fields
    fields = {f["role"] for f in example_facts if f["article"].startswith("01") and f["predicate"] == "cooperatesOn"}
    assert "fisheries" in fields


def _has(facts, art, rel, subj, obj):
    for f in facts:
        if not f["article"].startswith(art) or f["predicate"] != rel:
            continue
        pair = (f["subject"], f["object"])
        if pair == (subj, obj) or (rel in SYMMETRIC and pair == (obj, subj)):
            return f
    return None


@pytest.mark.parametrize("art,rel,subj,obj", EXPECTED, ids=[f"{a}-{r}-{s}" for a, r, s, _ in EXPECTED])
def test_expected_fact(example_facts, art, rel, subj, obj):
    assert _has(example_facts, art, rel, subj, obj), f"missing {rel}({subj}, {obj}) in article {art}"


def test_roles_carry_the_english_label(example_facts):
    assert _has(example_facts, "01", "holdsRole", "Retno Marsudi", "Indonesia")["role"] == "Foreign Minister"
    assert _has(example_facts, "02", "holdsRole", "Fumio Kishida", "Japan")["role"] == "Prime Minister"
    assert _has(example_facts, "05", "holdsRole", "Antonio Guterres", "United Nations")["role"] == "Secretary-General"


def test_dates_and_places(example_facts):
    f = _has(example_facts, "02", "meets", "Fumio Kishida", "Ferdinand Marcos Jr")
    assert (f["date"], f["place"]) == ("2023-02-09", "Tokyo")  # "pada hari Kamis" in a 9 Feb 2023 article
    f = _has(example_facts, "05", "visits", "Antonio Guterres", "Egypt")
    assert f["date"] == "2023-10-20"  # Friday, the article's own day


def test_no_self_relations_and_evidence_is_the_sentence(example_facts, examples_build):
    from conftest import EXAMPLES

    for f in example_facts:
        assert f["subject"] != f["object"], f
        text = (EXAMPLES / f["article"]).read_text(encoding="utf-8")
        assert text[f["start"]:f["end"]] == f["evidence"]
        assert 0 < f["confidence"] <= 1


def test_one_entity_per_person_within_an_article(examples_build):
    ents = read_jsonl(examples_build / "entities.jsonl")
    people = {(e["article"][:2], e["name"]) for e in ents if e["type"] == "Person"}
    # "Widodo" and "Thuong" are the same people as the full names, not new ones
    assert ("01", "Widodo") not in people and ("01", "Thuong") not in people
    thuong = next(e for e in ents if e["article"].startswith("01") and e["name"] == "Vo Van Thuong")
    assert "Thuong" in thuong["aliases"]
    countries = {e["name"]: e for e in ents if e["type"] == "Country"}
    assert countries["Indonesia"]["wikidata"] == "Q252"
