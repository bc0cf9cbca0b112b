"""The terms of ``diplo.ttl`` as code (rdflib ``DefinedNamespace``): a typo is an AttributeError."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace

from diplograf.extract.records import RELATION_TYPES

from . import namespaces


class DIPLO(DefinedNamespace):
    """diplograf's diplomatic ontology."""

    _NS = namespaces.DIPLO
    _fail = True

    # actors and named things
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    Place: URIRef
    City: URIRef
    Region: URIRef
    NamedEvent: URIRef
    Agreement: URIRef
    Initiative: URIRef
    Project: URIRef
    # sources
    Article: URIRef
    Evidence: URIRef
    # diplomatic events
    DiplomaticEvent: URIRef
    RoleHolding: URIRef
    Meeting: URIRef
    Visit: URIRef
    Attendance: URIRef
    Hosting: URIRef
    Signing: URIRef
    Accord: URIRef
    Cooperation: URIRef
    Support: URIRef
    Membership: URIRef
    Partnership: URIRef
    RelationsEstablishment: URIRef
    Inauguration: URIRef
    Location: URIRef
    # direct relations
    holdsRole: URIRef
    meets: URIRef
    visits: URIRef
    attends: URIRef
    hosts: URIRef
    signs: URIRef
    agreesWith: URIRef
    cooperatesOn: URIRef
    supports: URIRef
    memberOf: URIRef
    partnerOf: URIRef
    establishedRelations: URIRef
    inaugurates: URIRef
    locatedIn: URIRef
    # event attributes
    actor: URIRef
    target: URIRef
    place: URIRef
    date: URIRef
    endDate: URIRef
    period: URIRef
    relation: URIRef
    roleLabel: URIRef
    roleConcept: URIRef
    field: URIRef
    eventType: URIRef
    cameoCode: URIRef
    modality: URIRef
    confidence: URIRef
    sourceCount: URIRef
    evidence: URIRef
    extractionRule: URIRef
    # evidence
    sourceArticle: URIRef
    sentenceText: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sentenceIndex: URIRef
    fileName: URIRef
    # entities
    isoCode: URIRef
    standsFor: URIRef
    mentionedIn: URIRef


#: Relation type of the facts contract -> event class (``extract/data/relations.tsv``; an unknown
#: class or property there is an AttributeError here).
RELATION_CLASS: dict[str, URIRef] = {r.name: getattr(DIPLO, r.event_class) for r in RELATION_TYPES.values()}
#: Relation type -> direct property.
RELATION_PROPERTY: dict[str, URIRef] = {name: getattr(DIPLO, name) for name in RELATION_CLASS}

#: Entity type of the contract -> class.
ENTITY_CLASS: dict[str, URIRef] = {
    "Person": DIPLO.Person, "Country": DIPLO.Country, "City": DIPLO.City, "Region": DIPLO.Region,
    "Organization": DIPLO.Organization, "Event": DIPLO.NamedEvent, "Agreement": DIPLO.Agreement,
    "Initiative": DIPLO.Initiative, "Project": DIPLO.Project,
}

#: PLOVER event types and CAMEO codes (``plover.ttl``); their names are codes, so plain namespaces:
#: ``PLOVER.CONSULT``, ``PLOVER["CONSULT-visit"]``, ``CAMEO["042"]``.
PLOVER = namespaces.PLOVER
CAMEO = namespaces.CAMEO
