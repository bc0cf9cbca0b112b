"""The terms of ``diplo.ttl`` as code (rdflib ``DefinedNamespace``): a typo is an AttributeError."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class DIPLO(DefinedNamespace):
    """diplograf's diplomatic ontology."""

    _NS = Namespace("https://w3id.org/diplograf/ontology#")
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


#: Relation type of the facts contract -> event class.
RELATION_CLASS: dict[str, URIRef] = {
    "holdsRole": DIPLO.RoleHolding, "meets": DIPLO.Meeting, "visits": DIPLO.Visit,
    "attends": DIPLO.Attendance, "hosts": DIPLO.Hosting, "signs": DIPLO.Signing,
    "agreesWith": DIPLO.Accord, "cooperatesOn": DIPLO.Cooperation, "supports": DIPLO.Support,
    "memberOf": DIPLO.Membership, "partnerOf": DIPLO.Partnership,
    "establishedRelations": DIPLO.RelationsEstablishment, "inaugurates": DIPLO.Inauguration,
    "locatedIn": DIPLO.Location,
}
#: Relation type -> direct property.
RELATION_PROPERTY: dict[str, URIRef] = {name: DIPLO[name] for name in RELATION_CLASS}

#: Entity type of the contract -> class.
ENTITY_CLASS: dict[str, URIRef] = {
    "Person": DIPLO.Person, "Country": DIPLO.Country, "City": DIPLO.City, "Region": DIPLO.Region,
    "Organization": DIPLO.Organization, "Event": DIPLO.NamedEvent, "Agreement": DIPLO.Agreement,
    "Initiative": DIPLO.Initiative, "Project": DIPLO.Project,
}

#: PLOVER event types and CAMEO codes (``plover.ttl``); their names are codes, so plain namespaces:
#: ``PLOVER.CONSULT``, ``PLOVER["CONSULT-visit"]``, ``CAMEO["042"]``.
PLOVER = Namespace("https://w3id.org/diplograf/plover/")
CAMEO = Namespace("https://w3id.org/diplograf/cameo/")
