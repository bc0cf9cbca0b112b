"""Stable IRIs: the same input always mints the same IRI (no counters, no randomness)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef

BASE = "https://w3id.org/diplograf/id/"
ID = Namespace(BASE)
#: Named graphs: one per article (its events, evidence and the entities it mentions).
GRAPHS = Namespace("https://w3id.org/diplograf/graph/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")


def _segment(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "x"


def entity_iri(key: str) -> URIRef:
    """``country:CN`` -> <…/id/country/CN>; ``person:xi-jinping`` -> <…/id/person/xi-jinping>."""
    kind, _, name = key.partition(":")
    return ID[f"{_segment(kind)}/{_segment(name)}"]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{_segment(article_id)}"]


def article_graph_iri(article_id: str) -> URIRef:
    """The named graph holding everything read from one article (replaced wholesale on reload)."""
    return GRAPHS[f"article/{_segment(article_id)}"]


def digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def event_iri(article_id: str, predicate: str, subject: str, obj: str, role: str | None, sentence: int) -> URIRef:
    """One node per fact; symmetric relations are keyed in sorted order by the caller."""
    return ID[f"event/{predicate}/{digest(article_id, predicate, subject, obj, role or '', sentence)}"]


def evidence_iri(article_id: str, start: int, end: int) -> URIRef:
    return ID[f"evidence/{_segment(article_id)}/{start}-{end}"]
