"""Entities with the real models, on an article written for this test (tests/entity_articles/): each
class of mistake seen on real news, read as a user would get it from ``diplograf build``."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import read_jsonl

pytestmark = pytest.mark.slow
ARTICLES = Path(__file__).resolve().parent / "entity_articles"


@pytest.fixture(scope="module")
def all_built(tmp_path_factory) -> tuple[list[dict], list[dict]]:
    from diplograf.graph.cli import main

    out = tmp_path_factory.mktemp("entity-articles")
    assert main(["build", str(ARTICLES), "--out", str(out), "--quiet"]) == 0
    return read_jsonl(out / "entities.jsonl"), read_jsonl(out / "facts.jsonl")


@pytest.fixture(scope="module")
def built(all_built) -> tuple[list[dict], list[dict]]:
    """Entities and facts of chili_indonesia.txt."""
    entities, facts = all_built
    return ([e for e in entities if e["article"].startswith("chili")],
            [f for f in facts if f["article"].startswith("chili")])


def _by_alias(entities: list[dict]) -> dict[str, dict]:
    return {alias: e for e in entities for alias in e["aliases"]}


def test_one_entity_per_person_with_every_form_as_alias(built):
    entities, _ = built
    alias = _by_alias(entities)
    assert alias["Dewi K. Sari"] is alias["Dewi Kartika Sari"]  # a middle initial
    assert alias["Bambang"]["name"] == "Bambang Santoso"  # "Bambang Santoso (Bambang)"
    assert alias["Morales"]["name"] == "Ana Morales"
    people = {e["name"] for e in entities if e["type"] == "Person"}
    assert "Hamid Yusof" in people and not any(p.startswith(("Dato", "Sri ")) for p in people), people


def test_places_are_typed_by_what_they_are(built):
    alias = _by_alias(built[0])
    assert alias["Samudera Pasifik"]["type"] == "Region"
    assert alias["Semenanjung Korea"]["type"] == "Region"
    assert alias["Provinsi Maluku"]["type"] == "Region"
    assert alias["Jakarta"]["type"] == "City" and alias["Lima"]["type"] == "City"
    assert alias["Santiago"]["name"] == "Chile"  # "Santiago mendukung": the capital acts for its state


def test_outlets_datelines_venues_and_currencies_are_no_entities(built):
    entities, _ = built
    names = {n for e in entities for n in [e["name"], *e["aliases"]]}
    assert not {"Kabar Dunia", "Kabarkota.com", "Kompleks Istana Kepresidenan", "Istana Merdeka", "AS"} & names
    indonesia = next(e for e in entities if e["name"] == "Indonesia")
    assert "Jakarta" not in indonesia["aliases"]  # the dateline is where the outlet wrote, not the state


def test_a_named_summit_is_one_event_with_its_ordinal(built):
    events = {e["name"] for e in built[0] if e["type"] == "Event"}
    assert "Konferensi Tingkat Tinggi (KTT) APEC ke-32" in events, events


def test_roles_after_a_comma_and_behind_honorifics(built):
    _, facts = built
    roles = {(f["subject"], f["object"], f["role"]) for f in facts if f["predicate"] == "holdsRole"}
    assert ("Carlos Rojas", "Chile", "Foreign Ministry Spokesperson") in roles
    assert ("Hamid Yusof", "Malaysia", "Foreign Minister") in roles
    assert ("Dewi Kartika Sari", "Indonesia", "Foreign Minister") in roles
    pairs = {(f["subject"], f["object"]) for f in facts if f["predicate"] == "cooperatesOn"}
    assert pairs and pairs <= {("Indonesia", "Chile"), ("Chile", "Indonesia")}, pairs  # the two ministers' states


def test_institutions_and_capitals_merge_only_where_they_act(all_built):
    entities, _ = all_built
    mine = [e for e in entities if e["article"].startswith("gedung_putih")]
    alias = _by_alias(mine)
    assert alias["Gedung Putih"]["name"] == "White House" and alias["Gedung Putih"]["type"] == "Organization"
    assert alias["Wina"]["type"] == "City"  # "digelar di Wina": where, not Austria acting
    assert "Wina" not in alias["Austria"]["aliases"]
    assert alias["Beijing"]["name"] == "China"  # "Beijing menilai": the capital acts for its state
    assert alias["Konvensi Wina"]["type"] == "Agreement"
