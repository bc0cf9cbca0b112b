"""data/relations.tsv and data/roles.tsv are the single source of every relation and role property:
the code, the ontology and the SHACL shapes follow them, and these tests fail where any of them differs."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph
from rdflib.collection import Collection

from diplograf.extract import merge, pipeline, records, relations, roles, tables, vocabulary
from diplograf.ontology import DIPLO, ONTOLOGY_FILE, SHAPES_FILE
from diplograf.ontology.namespaces import SH, SHAPES
from diplograf.ontology.terms import RELATION_CLASS, RELATION_PROPERTY


def test_shapes_sh_in_lists_the_tables_relations_in_its_order():
    shapes = Graph().parse(SHAPES_FILE)
    lists = [Collection(shapes, o) for s, o in shapes.subject_objects(SH["in"])
             if (s, SH.path, DIPLO.relation) in shapes]
    assert len(lists) == 1, "one sh:in list for diplo:relation in shapes.ttl"
    assert list(lists[0]) == [DIPLO[name] for name in records.RELATIONS]
    assert any(p == SH.property for _, p, _ in shapes.triples((SHAPES.Event, None, None)))


def test_the_ontology_declares_each_relations_property_and_event_class_from_the_table():
    g = Graph().parse(ONTOLOGY_FILE)
    assert list(RELATION_CLASS) == list(records.RELATIONS) == list(RELATION_PROPERTY)
    for rel in records.RELATION_TYPES.values():
        assert (DIPLO[rel.name], RDF.type, OWL.ObjectProperty) in g, rel.name
        assert (DIPLO[rel.event_class], RDFS.subClassOf, DIPLO.DiplomaticEvent) in g, rel.event_class
        assert RELATION_CLASS[rel.name] == DIPLO[rel.event_class]
    # every event class of the ontology belongs to one relation of the table
    events = {c for c in g.subjects(RDFS.subClassOf, DIPLO.DiplomaticEvent)}
    assert events == set(RELATION_CLASS.values())


def test_the_codes_relation_sets_are_the_tables_flags():
    def flagged(flag: str) -> set[str]:
        return {r.name for r in records.RELATION_TYPES.values() if flag in r.flags}

    assert records.SYMMETRIC == flagged("symmetric") and "meets" in records.SYMMETRIC
    assert records.ACTS == flagged("act") and "visits" in records.ACTS
    assert merge.DATED == flagged("dated") and "agreesWith" in merge.DATED
    assert merge.STANDING == flagged("standing") and "holdsRole" in merge.STANDING
    assert pipeline.ROLE_DISTINCT == flagged("role-distinct")
    assert pipeline.OFFICIAL_ACTS == flagged("official")
    assert relations.SYMMETRIC is records.SYMMETRIC


def test_the_tables_flags_are_coherent():
    types = records.RELATION_TYPES
    assert len(types) == 14
    assert records.ACTS <= merge.DATED, "an act is done on a day"
    assert not merge.DATED & merge.STANDING, "a relation is either dated or standing"
    kinds = {row["kind"] for row in tables.table("pointers.tsv", ("kind", "words"))}
    assert {r.pointed_as for r in types.values() if r.pointed_as} == kinds
    assert pipeline.KINDS == {"meets": "meeting", "visits": "visit", "attends": "meeting"}
    assert pipeline.POINTERS["kunjungan"] == "visit" and pipeline.POINTERS["ktt"] == "meeting"


def test_symmetric_parties_are_ordered_in_one_place():
    assert records.ordered("meets", "country:PE", "country:KE") == ("country:KE", "country:PE")
    assert records.ordered("meets", "country:KE", "country:PE") == ("country:KE", "country:PE")
    assert records.ordered("visits", "person:ana-soto", "country:KE") == ("person:ana-soto", "country:KE")
    fact = records.Fact("a", "partnerOf", "country:PE", "country:KE", 1, "", 0, 1)
    assert fact.key()[2:4] == ("country:KE", "country:PE")
    two_days = [records.Fact(a, "meets", s, o, 1, "", 0, 1, confidence=0.5)
                for a, s, o in (("a", "country:PE", "country:KE"), ("b", "country:KE", "country:PE"))]
    import datetime as dt

    for f in two_days:
        f.date = dt.date(2024, 7, 1)
    assert merge.merge(two_days) == 1
    assert merge.event_key(two_days[0]) == "meets|country:KE|country:PE|2024-07-01"


def test_role_flags_come_from_roles_tsv():
    flags = vocabulary.role_flags()
    assert roles.POSTED_ROLES == {label for label, f in flags.items() if "posted" in f}
    assert pipeline.LEADER_ROLES == {label for label, f in flags.items() if "leader" in f}
    assert "Ambassador" in roles.POSTED_ROLES and "President" in pipeline.LEADER_ROLES
    assert set().union(*flags.values()) <= vocabulary.ROLE_FLAGS
    with pytest.raises(KeyError, match="no role flag 'leaders'"):
        vocabulary.roles_flagged("leaders")
    with pytest.raises(KeyError, match="no relation flag 'symetric'"):
        records.relations_flagged("symetric")


def test_a_table_with_a_missing_column_is_an_error_naming_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "t.tsv").write_text("# a\tb\tc?\nx\ty\nz\n", encoding="utf-8")
    monkeypatch.setattr(tables, "DATA", tmp_path)
    with pytest.raises(tables.TableError, match=r"t\.tsv, line 3: 1 cell"):
        tables.table("t.tsv", ("a", "b", "c?"))
    (tmp_path / "t.tsv").write_text("x\ty\n\nx\ty\tz\n", encoding="utf-8")
    assert tables.table("t.tsv", ("a", "b", "c?")) == [{"a": "x", "b": "y", "c": ""}, {"a": "x", "b": "y", "c": "z"}]
    (tmp_path / "t.tsv").write_text("x\ty\tz\tw\n", encoding="utf-8")
    with pytest.raises(tables.TableError, match="line 1: 4 cell"):
        tables.table("t.tsv", ("a", "b", "c?"))


def test_word_lists_live_in_the_tables():
    from diplograf.extract import entities

    assert entities.VENUE_WORDS == tables.markers("venue-head") and "istana" in entities.VENUE_WORDS
    assert "jl." in entities.VENUE_WORDS and "tower" in entities.VENUE_HEADS_LAST
    assert entities.CURRENCY_WORDS == {"dolar", "dollar", "usd"}
    assert relations.WITNESS_VERBS == {"saksi", "menyaksikan", "disaksikan"}


def test_every_table_that_names_a_relation_names_one_of_the_table():
    """Adding or renaming a relation starts in relations.tsv; a rule table naming another is an error here."""
    for name in ("triggers.tsv", "pair_cues.tsv", "plover.tsv"):
        named = {row[0] for row in tables.rows(name)}
        assert named and named <= set(records.RELATIONS), f"{name}: {sorted(named - set(records.RELATIONS))}"
