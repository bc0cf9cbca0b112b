"""Roles and fields of cooperation as SKOS concepts, English and Indonesian labels.

The vocabularies are the extractor's tables (``diplograf.extract.vocabulary``); here they get IRIs
(``ROLE.President``-style slugs under https://w3id.org/diplograf/role/ and …/field/) and SKOS triples.
"""

from __future__ import annotations

from rdflib import RDF, SKOS, Graph, Literal, URIRef

from diplograf.extract import vocabulary

from .iris import segment
from .namespaces import FIELD, ROLE


def role_iri(label: str) -> URIRef | None:
    """The concept of a role label ("Ambassador to China" -> role:Ambassador), None if unknown."""
    base = vocabulary.base_role(label)
    return ROLE[segment(base)] if base else None


def field_iri(label: str) -> URIRef | None:
    return FIELD[segment(label)] if label in vocabulary.fields() else None


def _indonesian(form: str, title: bool) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in form.split()) if title else form


def add_concept(g: Graph, iri: URIRef) -> None:
    """The description of one role or field concept (type, scheme, labels in English and Indonesian)."""
    if iri.startswith(str(ROLE)):
        scheme, table, title = ROLE[""], vocabulary.roles(), True
    else:
        scheme, table, title = FIELD[""], vocabulary.fields(), False
    label = next(k for k in table if segment(k) == iri[len(str(scheme)):])
    forms = table[label]
    g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, SKOS.inScheme, scheme))
    g.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
    if forms:
        g.add((iri, SKOS.prefLabel, Literal(_indonesian(forms[0], title), lang="id")))
        for form in forms[1:]:
            g.add((iri, SKOS.altLabel, Literal(_indonesian(form, title), lang="id")))


def concept_schemes() -> Graph:
    """Both schemes whole: every role and every field (``diplograf`` ships it as ontology/concepts.ttl)."""
    g = Graph()
    g.bind("skos", SKOS)
    g.bind("role", ROLE)
    g.bind("field", FIELD)
    for scheme, name_en, name_id in ((ROLE[""], "diplomatic roles", "jabatan diplomatik"),
                                     (FIELD[""], "fields of cooperation", "bidang kerja sama")):
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, SKOS.prefLabel, Literal(name_en, lang="en")))
        g.add((scheme, SKOS.prefLabel, Literal(name_id, lang="id")))
    for label in vocabulary.roles():
        add_concept(g, ROLE[segment(label)])
        g.add((ROLE[segment(label)], SKOS.topConceptOf, ROLE[""]))
    for label in vocabulary.fields():
        add_concept(g, FIELD[segment(label)])
        g.add((FIELD[segment(label)], SKOS.topConceptOf, FIELD[""]))
    return g
