from rdflib import OWL, RDF, RDFS, SKOS, TIME, Graph

from diplograf.extract.records import ENTITY_TYPES, RELATIONS
from diplograf.ontology import CAMEO, DIPLO, ONTOLOGY_FILE, PLOVER, PLOVER_FILE
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


def _plover() -> Graph:
    return Graph().parse(PLOVER_FILE)


def test_event_classes_map_to_plover_and_cameo_concepts_that_exist():
    g, scheme = _ontology(), _plover()
    concepts = set(scheme.subjects(RDF.type, SKOS.Concept))
    mapped = {}
    for prop in (SKOS.closeMatch, SKOS.broadMatch, SKOS.relatedMatch):
        for cls, target in g.subject_objects(prop):
            if str(target).startswith((str(PLOVER), str(CAMEO))):
                assert target in concepts, target  # a typo in an alignment fails here
                mapped.setdefault(cls, set()).add(target)
    # every interaction has a PLOVER type; the four state-like relations have none
    interactions = set(RELATION_CLASS.values()) - {DIPLO.RoleHolding, DIPLO.Membership, DIPLO.Location,
                                                   DIPLO.Inauguration}
    for cls in interactions:
        assert any(str(t).startswith(str(PLOVER)) for t in mapped.get(cls, ())), cls
    assert PLOVER["CONSULT-visit"] in mapped[DIPLO.Visit] and CAMEO["057"] in mapped[DIPLO.Signing]


def test_plover_scheme_is_well_formed_skos():
    scheme = _plover()
    tops = set(scheme.objects(PLOVER[""], SKOS.hasTopConcept))
    assert len(tops) == 16 and PLOVER.CONSULT in tops and PLOVER.ASSAULT in tops
    for concept in scheme.subjects(RDF.type, SKOS.Concept):
        assert scheme.value(concept, SKOS.notation) is not None, concept
        assert (concept, SKOS.inScheme, None) in scheme, concept
        langs = {lit.language for lit in scheme.objects(concept, SKOS.prefLabel)}
        assert "en" in langs, concept
        if str(concept).startswith(str(PLOVER)):
            assert "id" in langs, concept
        broader = scheme.value(concept, SKOS.broader)
        assert broader is None or (broader, RDF.type, SKOS.Concept) in scheme, concept
    assert str(scheme.value(CAMEO["042"], SKOS.notation)) == "042"
    assert scheme.value(CAMEO["042"], SKOS.broader) == CAMEO["04"]


def test_owl_time_alignment_and_query():
    from sample_extraction import sample_extraction

    from diplograf.graph.build import build_graph
    from diplograf.graph.query import bind_params, find_query

    g = _ontology()
    assert (DIPLO.date, SKOS.closeMatch, TIME.inXSDDate) in g
    data = build_graph(sample_extraction())
    out = data.query(bind_params(find_query("owl-time").read_text(), {})).graph
    dated = set(data.subject_objects(DIPLO.date))
    assert dated  # the sample has dated events
    for event, day in dated:
        instant = out.value(event, TIME.hasTime)
        assert (instant, RDF.type, TIME.Instant) in out
        assert out.value(instant, TIME.inXSDDate) == day
    assert len(set(out.subjects(TIME.hasTime, None))) == len({e for e, _ in dated})


def test_every_event_coding_names_a_concept_of_plover_ttl():
    from diplograf.extract.events import codings

    scheme = Graph().parse(PLOVER_FILE)
    for c in codings():
        assert c.relation in RELATIONS, c
        etype = PLOVER[f"{c.plover}-{c.mode}" if c.mode else c.plover]
        assert (etype, RDF.type, SKOS.Concept) in scheme, etype
        if c.cameo:
            assert str(scheme.value(CAMEO[c.cameo], SKOS.notation)) == c.cameo


def test_role_and_field_schemes_label_every_concept_in_english_and_indonesian():
    from diplograf.extract import vocabulary
    from diplograf.ontology.concepts import FIELD, ROLE, concept_schemes, field_iri, role_iri

    g = concept_schemes()
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == len(vocabulary.roles()) + len(vocabulary.fields())
    for c in concepts:
        langs = sorted(lit.language for lit in g.objects(c, SKOS.prefLabel))
        assert langs == ["en", "id"], c  # exactly one preferred label per language
        assert g.value(c, SKOS.inScheme) in (ROLE[""], FIELD[""])
    assert role_iri("Ambassador to China") == role_iri("Ambassador") == ROLE.Ambassador
    # the head of a unit of a body: the Head concept; a role named with "of" stays itself
    assert role_iri("Head of Pusat Penerangan") == ROLE.Head
    assert role_iri("Chief of Staff of Pusat Data") == ROLE["Chief-of-Staff"]
    assert str(g.value(ROLE["Foreign-Minister"], SKOS.prefLabel)) in ("Foreign Minister", "Menteri Luar Negeri")
    assert role_iri("Grand Vizier") is None and field_iri("energy") == FIELD.energy
