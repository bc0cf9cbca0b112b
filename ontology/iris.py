"""Stable IRIs: the same input always mints the same IRI (no counters, no randomness)."""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from diplograf.extract.tables import slug

from .namespaces import GRAPHS, ID, WIKIDATA

__all__ = ["GRAPHS", "ID", "WIKIDATA", "article_graph_iri", "article_iri", "digest", "entity_iri", "event_iri",
           "evidence_iri", "segment"]


def segment(text: str) -> str:
    """One IRI path segment (``tables.slug``'s IRI form: case, dots and underscores kept)."""
    return slug(text, iri=True)


def entity_iri(key: str) -> URIRef:
    """``country:CN`` -> <…/id/country/CN>; ``person:xi-jinping`` -> <…/id/person/xi-jinping>."""
    kind, _, name = key.partition(":")
    return ID[f"{segment(kind)}/{segment(name)}"]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{segment(article_id)}"]


def article_graph_iri(article_id: str) -> URIRef:
    """The named graph holding everything read from one article (replaced wholesale on reload)."""
    return GRAPHS[f"article/{segment(article_id)}"]


def digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def event_iri(article_id: str, predicate: str, subject: str, obj: str, role: str | None, sentence: int) -> URIRef:
    """One node per fact; symmetric relations are keyed in sorted order by the caller."""
    return ID[f"event/{predicate}/{digest(article_id, predicate, subject, obj, role or '', sentence)}"]


def evidence_iri(article_id: str, start: int, end: int) -> URIRef:
    return ID[f"evidence/{segment(article_id)}/{start}-{end}"]
