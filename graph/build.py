"""Extraction records -> RDF: one named graph per article, with provenance on every event.

Each article's graph is self-contained (the article, its events and evidence, and the entities it
mentions), so a store can replace one article wholesale and reloading is idempotent. The union of
all article graphs is the plain graph written as ``graph.ttl``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from diplograf.extract.merge import STANDING
from diplograf.extract.records import ArticleResult, Entity, Extraction, Fact, ordered
from diplograf.ontology.concepts import add_concept, field_iri, role_iri
from diplograf.ontology.iris import (
    ID,
    WIKIDATA,
    article_graph_iri,
    article_iri,
    digest,
    entity_iri,
    event_iri,
    evidence_iri,
)
from diplograf.ontology.namespaces import PREFIXES, SCHEMA
from diplograf.ontology.terms import CAMEO, DIPLO, ENTITY_CLASS, PLOVER, RELATION_CLASS, RELATION_PROPERTY

__all__ = ["PREFIXES", "ArticleGraphs", "add_code", "add_entity", "add_fact", "build_article_graph", "build_graph",
           "build_graphs", "event_type_iri", "fact_event_iri", "new_graph", "period_literal", "union"]


@functools.cache
def _plover_scheme() -> Graph:
    from diplograf.ontology import PLOVER_FILE

    return Graph().parse(PLOVER_FILE)


def add_code(g: Graph, iri: URIRef) -> None:
    """A PLOVER or CAMEO concept's type, labels, notation and broader concept, from plover.ttl."""
    scheme = _plover_scheme()
    for p in (RDF.type, SKOS.prefLabel, SKOS.notation, SKOS.broader, SKOS.inScheme):
        for o in scheme.objects(iri, p):
            g.add((iri, p, o))


def period_literal(period: str) -> Literal:
    """"1992" as xsd:gYear, "2022-09" as xsd:gYearMonth, an ISO week ("2024-W27") as a plain literal."""
    if re.fullmatch(r"\d{4}", period):
        return Literal(period, datatype=XSD.gYear)
    if re.fullmatch(r"\d{4}-\d{2}", period):
        return Literal(period, datatype=XSD.gYearMonth)
    return Literal(period)


def event_type_iri(fact: Fact) -> URIRef | None:
    """plover:CONSULT, or plover:CONSULT-visit where the fact has a mode."""
    if not fact.plover:
        return None
    return PLOVER[f"{fact.plover}-{fact.mode}" if fact.mode else fact.plover]


def fact_event_iri(fact: Fact):
    """The fact's event node: shared by all articles that report one real event, else its own."""
    if fact.shared is not None:
        return ID[f"event/{fact.predicate}/{digest(fact.shared.key)}"]
    subj, obj = ordered(fact.predicate, fact.subject, fact.object)
    return event_iri(fact.article, fact.predicate, subj, obj, fact.role, fact.sentence)


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def add_entity(g: Graph, ent: Entity, aliases: set[str] | None = None) -> None:
    """An entity's type, labels and identifiers; ``aliases``: the forms to list (default: all known)."""
    iri = entity_iri(ent.key)
    g.add((iri, RDF.type, ENTITY_CLASS[ent.type]))
    g.add((iri, RDFS.label, Literal(ent.name)))
    g.add((iri, SKOS.prefLabel, Literal(ent.name)))
    for alias in sorted((ent.aliases if aliases is None else aliases) - {ent.name}):
        g.add((iri, SKOS.altLabel, Literal(alias, lang="id")))
    if ent.wikidata:
        g.add((iri, OWL.sameAs, WIKIDATA[ent.wikidata]))
    if ent.iso:
        g.add((iri, DIPLO.isoCode, Literal(ent.iso)))
    if ent.stands_for:
        g.add((iri, DIPLO.standsFor, entity_iri(ent.stands_for)))


def build_article_graph(res: ArticleResult, entities: dict[str, Entity]) -> Graph:
    """Everything read from one article, including the graph's own provenance."""
    g = new_graph()
    art = res.article
    a_iri = article_iri(art.id)
    g_iri = article_graph_iri(art.id)
    g.add((g_iri, RDF.type, PROV.Bundle))
    g.add((g_iri, PROV.wasDerivedFrom, a_iri))
    g.add((a_iri, RDF.type, DIPLO.Article))
    g.add((a_iri, DIPLO.fileName, Literal(art.id)))
    if art.title:
        g.add((a_iri, SCHEMA.headline, Literal(art.title, lang="id")))
    if art.date:
        g.add((a_iri, SCHEMA.datePublished, Literal(art.date.isoformat(), datatype=XSD.date)))
    if art.source:
        g.add((a_iri, SCHEMA.publisher, Literal(art.source)))
    if art.url:
        g.add((a_iri, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)))
    forms: dict[str, set[str]] = {}
    for m in res.mentions:
        if m.entity:
            g.add((entity_iri(m.entity), DIPLO.mentionedIn, a_iri))
            forms.setdefault(m.entity, set()).add(m.text)
    used = set(forms)
    for fact in res.facts:
        add_fact(g, fact, a_iri)
        used.update(k for k in (fact.subject, fact.object, fact.place) if k)
    for key in sorted(used):
        add_entity(g, entities[key], forms.get(key, set()) & entities[key].aliases)
        stands_for = entities[key].stands_for
        if stands_for and stands_for in entities:
            add_entity(g, entities[stands_for], set())
    return g


def build_graphs(extraction: Extraction) -> dict[URIRef, Graph]:
    """Named graph IRI -> graph, one per article, in IRI order."""
    graphs = {article_graph_iri(res.article.id): build_article_graph(res, extraction.entities)
              for res in extraction.articles}
    return dict(sorted(graphs.items()))


class ArticleGraphs(Mapping):
    """Named graph IRI -> graph, one per article, in IRI order, each built when asked for and not kept:
    the outputs are written a graph at a time, so a corpus's graphs are never all in memory at once."""

    def __init__(self, extraction: Extraction):
        self.entities = extraction.entities
        self.results = dict(sorted(((article_graph_iri(r.article.id), r) for r in extraction.articles),
                                   key=lambda pair: pair[0]))

    def __getitem__(self, iri: URIRef) -> Graph:
        return build_article_graph(self.results[iri], self.entities)

    def __iter__(self) -> Iterator[URIRef]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)


def union(graphs: Mapping[URIRef, Graph]) -> Graph:
    """All article graphs merged into one plain graph (shared triples once)."""
    g = new_graph()
    for part in graphs.values():
        for triple in part:
            g.add(triple)
    return g


def build_graph(extraction: Extraction) -> Graph:
    """The knowledge graph of an extraction as one plain graph: entities, articles, events, evidence."""
    return union(build_graphs(extraction))


def add_fact(g: Graph, fact: Fact, a_iri) -> None:
    """The fact's event node and its evidence. An event several articles report gets, in each article's
    graph, the values all reports agree on (combined confidence, first place and role named), so the
    graphs merge into one node; each report's own confidence stays on its evidence."""
    ev = fact_event_iri(fact)
    shared = fact.shared
    if shared:
        # the reports of one event may name its parties in either order; its node names them in one
        subject, obj = ordered(fact.predicate, fact.subject, fact.object)
        fact = replace(fact, subject=subject, object=obj)
    place = shared.place if shared else fact.place
    role = shared.role if shared else fact.role
    confidence = shared.confidence if shared else fact.confidence
    subj, obj = entity_iri(fact.subject), entity_iri(fact.object)
    g.add((ev, RDF.type, RELATION_CLASS[fact.predicate]))
    g.add((ev, DIPLO.relation, RELATION_PROPERTY[fact.predicate]))
    g.add((ev, DIPLO.actor, subj))
    g.add((ev, DIPLO.target, obj))
    g.add((subj, RELATION_PROPERTY[fact.predicate], obj))
    if shared and fact.predicate in STANDING:
        # how things stand, reported on different days: the day belongs to each report, not the state
        fact = replace(fact, date=None, date_end=None, period=None)
    elif shared:
        fact = replace(fact, date_end=shared.date_end, period=None)
    if fact.date:
        g.add((ev, DIPLO.date, Literal(fact.date.isoformat(), datatype=XSD.date)))
    if fact.date_end:
        g.add((ev, DIPLO.endDate, Literal(fact.date_end.isoformat(), datatype=XSD.date)))
    if fact.period:
        g.add((ev, DIPLO.period, period_literal(fact.period)))
    if place:
        g.add((ev, DIPLO.place, entity_iri(place)))
    if role:
        g.add((ev, DIPLO.roleLabel, Literal(role, lang="en")))
        concept = (role_iri(role) if fact.predicate == "holdsRole"
                   else field_iri(role) if fact.predicate == "cooperatesOn" else None)
        if concept is not None:
            g.add((ev, DIPLO.roleConcept if fact.predicate == "holdsRole" else DIPLO.field, concept))
            add_concept(g, concept)
    etype = event_type_iri(fact)
    if etype is not None:
        g.add((ev, DIPLO.eventType, etype))
        add_code(g, etype)
    if fact.cameo:
        g.add((ev, DIPLO.cameoCode, CAMEO[fact.cameo]))
        add_code(g, CAMEO[fact.cameo])
    if fact.modality != "asserted":
        g.add((ev, DIPLO.modality, Literal(fact.modality)))
    g.add((ev, DIPLO.confidence, Literal(f"{confidence:.3f}", datatype=XSD.decimal)))
    g.add((ev, DIPLO.extractionRule, Literal(shared.rule if shared else fact.rule)))
    if shared:
        g.add((ev, DIPLO.sourceCount, Literal(shared.sources)))
    evid = evidence_iri(fact.article, fact.start, fact.end)
    g.add((ev, DIPLO.evidence, evid))
    g.add((ev, PROV.wasDerivedFrom, a_iri))
    g.add((evid, RDF.type, DIPLO.Evidence))
    g.add((evid, DIPLO.sourceArticle, a_iri))
    g.add((evid, DIPLO.sentenceText, Literal(fact.evidence, lang="id")))
    g.add((evid, DIPLO.startOffset, Literal(fact.start)))
    g.add((evid, DIPLO.endOffset, Literal(fact.end)))
    g.add((evid, DIPLO.sentenceIndex, Literal(fact.sentence)))
    g.add((evid, DIPLO.confidence, Literal(f"{fact.confidence:.3f}", datatype=XSD.decimal)))
