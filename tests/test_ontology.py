from rdflib import OWL, RDF, RDFS, Graph

from diplograf.extract.records import ENTITY_TYPES, RELATIONS
from diplograf.ontology import DIPLO, ONTOLOGY_FILE
from diplograf.ontology.iris import entity_iri, event_iri
from diplograf.ontology.terms import ENTITY_CLASS, RELATION_CLASS, RELATION_PROPERTY


def _ontology() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_FILE)
    return g


def test_terms_as_code_match_the_turtle_both_ways():
    g = _ontology()
    defined = {s for s in g.subjects(RDF.type, None) if str(s).startswith(str(DIPLO._NS))}
    in_code = {DIPLO[name] for name in DIPLO.__annotations__}
    assert defined == in_code


def test_every_term_has_english_and_indonesian_labels():
    g = _ontology()
    for name in DIPLO.__annotations__:
        langs = {lit.language for lit in g.objects(DIPLO[name], RDFS.label)}
        assert {"en", "id"} <= langs, name


def test_every_relation_and_entity_type_has_a_term():
    g = _ontology()
    assert set(RELATION_CLASS) == set(RELATIONS)
    assert set(ENTITY_CLASS) == set(ENTITY_TYPES)
    for rel in RELATIONS:
        assert (RELATION_PROPERTY[rel], RDF.type, OWL.ObjectProperty) in g
        assert (RELATION_CLASS[rel], RDFS.subClassOf, DIPLO.DiplomaticEvent) in g


def test_alignments_are_stated():
    g = _ontology()
    supers = {str(o) for o in g.objects(None, RDFS.subClassOf)} | {str(o) for o in g.objects(None, RDFS.subPropertyOf)}
    for ns in ("https://schema.org/", "http://www.w3.org/ns/org#", "http://semanticweb.cs.vu.nl/2009/11/sem/",
               "http://www.w3.org/ns/prov#"):
        assert any(s.startswith(ns) for s in supers), ns


def test_iris_are_stable_and_readable():
    assert str(entity_iri("country:CN")) == "https://w3id.org/diplograf/id/country/CN"
    assert str(entity_iri("person:xi-jinping")).endswith("/person/xi-jinping")
    a = event_iri("a.txt", "meets", "person:a", "person:b", None, 3)
    assert a == event_iri("a.txt", "meets", "person:a", "person:b", None, 3)
    assert a != event_iri("a.txt", "meets", "person:a", "person:b", None, 4)
