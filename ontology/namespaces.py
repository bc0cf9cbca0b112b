"""The one prefix table: every namespace diplograf writes or reads, under one prefix each.

Graphs bind these prefixes (``graph/build.py``), serialisers and the JSON-LD context write them, and
every query may use them without declaring them (``graph/query.py``). The Turtle and SPARQL files of
``ontology/`` declare the same prefixes for the same IRIs (``tests/test_namespaces.py``).
"""

from __future__ import annotations

from rdflib import Namespace

DIPLO = Namespace("https://w3id.org/diplograf/ontology#")
ID = Namespace("https://w3id.org/diplograf/id/")
#: Named graphs: one per article.
GRAPHS = Namespace("https://w3id.org/diplograf/graph/")
ROLE = Namespace("https://w3id.org/diplograf/role/")
FIELD = Namespace("https://w3id.org/diplograf/field/")
#: PLOVER event types and CAMEO codes; their names are codes: ``PLOVER.CONSULT``, ``CAMEO["042"]``.
PLOVER = Namespace("https://w3id.org/diplograf/plover/")
CAMEO = Namespace("https://w3id.org/diplograf/cameo/")
SHAPES = Namespace("https://w3id.org/diplograf/shapes#")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: Prefix -> namespace, for graphs, outputs and queries alike.
PREFIXES: dict[str, Namespace] = {
    "diplo": DIPLO,
    "dgid": ID,
    "dggraph": GRAPHS,
    "dgsh": SHAPES,
    "role": ROLE,
    "field": FIELD,
    "plover": PLOVER,
    "cameo": CAMEO,
    "wd": WIKIDATA,
    "schema": SCHEMA,
    "prov": Namespace("http://www.w3.org/ns/prov#"),
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
    "owl": Namespace("http://www.w3.org/2002/07/owl#"),
    "rdf": Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    "rdfs": Namespace("http://www.w3.org/2000/01/rdf-schema#"),
    "xsd": Namespace("http://www.w3.org/2001/XMLSchema#"),
    "time": Namespace("http://www.w3.org/2006/time#"),
    "sh": SH,
    "dcterms": Namespace("http://purl.org/dc/terms/"),
    "org": Namespace("http://www.w3.org/ns/org#"),
    "sem": Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/"),
}

#: Prefixes every query may use without declaring them.
QUERY_PREFIXES: dict[str, str] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def with_prefixes(query: str) -> str:
    """Prepend the common prefixes a query uses but does not declare."""
    head = query.lower()
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in QUERY_PREFIXES.items()
               if f"{p}:" in query and f"prefix {p}:" not in head]
    return "\n".join(missing + [query]) if missing else query
