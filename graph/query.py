"""SPARQL over any of diplograf's graph sources, with one answer type and one formatter.

A source is a graph file (rdflib), a pyoxigraph store folder (``build --store``) or a SPARQL 1.1
endpoint URL (oxigraph server, Virtuoso…). ``open_source`` picks by the target's form; every source
returns an ``Answer``, so the same query gives the same rows wherever the triples live.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from diplograf.ontology.namespaces import PREFIXES

#: Prefixes every query may use without declaring them: the one prefix table (``ontology/namespaces.py``).
QUERY_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


class QueryError(ValueError):
    """A graph that cannot be read or a query that cannot be run; the message says which."""


@dataclass
class Answer:
    """A query's result: ``rows`` for SELECT, ``boolean`` for ASK, ``triples`` (N-Triples) for CONSTRUCT."""

    kind: str  # SELECT | ASK | CONSTRUCT
    vars: list[str] = field(default_factory=list)
    rows: list[list[str | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: str = ""

    def records(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.vars, r)) for r in self.rows]


class Source(Protocol):
    def query(self, text: str) -> Answer: ...


def with_prefixes(query: str) -> str:
    """Prepend the common prefixes a query uses but does not declare."""
    head = query.lower()
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in QUERY_PREFIXES.items()
               if f"{p}:" in query and f"prefix {p}:" not in head]
    return "\n".join(missing + [query]) if missing else query


_VALUES = r"VALUES\s+\?{name}\s*\{{[^}}]*\}}"


#: What may stand inside <…> in SPARQL (IRIREF): no spaces, quotes, brackets or braces.
_IRI_CHARS = re.compile(r'[^\x00-\x20<>"{}|^`\\]*')


def _iri(iri: str, value: str) -> str:
    """``<iri>``, or a QueryError where ``iri`` could end the IRI and go on as query text."""
    if not _IRI_CHARS.fullmatch(iri):
        raise QueryError(f"--bind value {value!r}: not a valid IRI (it may not contain spaces, quotes, "
                         "<, >, {, }, |, ^, ` or backslashes)")
    return f"<{iri}>"


def _term(value: str) -> str:
    """A --bind value as one SPARQL term, never as query text (IRIs in full: a '/' may not appear in a
    prefixed name)."""
    if value.startswith("<") and value.endswith(">"):
        return _iri(value[1:-1], value)
    if value.startswith(("http://", "https://")):
        return _iri(value, value)
    prefix, sep, local = value.partition(":")
    if sep and prefix in QUERY_PREFIXES and " " not in value:
        return _iri(QUERY_PREFIXES[prefix] + local, value)
    if re.fullmatch(r"(country|person|org|city|region|event|agreement|initiative|project)/\S+", value):
        return _iri(QUERY_PREFIXES["dgid"] + value, value)  # an entity path, as in entities.jsonl's iri
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#date>'
    if re.fullmatch(r"-?\d+(\.\d+)?", value):
        return value
    return json.dumps(value, ensure_ascii=False)  # a string literal: quotes and backslashes escaped


def bind_params(query: str, params: dict[str, str]) -> str:
    """Set a query's parameters: each ``VALUES ?name { … }`` block gets the given value.

    A value is an IRI (``<…>``, ``http…``, ``dgid:country/ID`` or just ``country/ID``), a date
    (``2024-07-01``), a number or else a string.
    """
    for name, value in params.items():
        pattern = re.compile(_VALUES.format(name=re.escape(name)))
        if not pattern.search(query):
            raise QueryError(f"the query has no parameter ?{name} (a 'VALUES ?{name} {{ … }}' block)")
        query = pattern.sub(lambda _m, n=name, v=value: f"VALUES ?{n} {{ {_term(v)} }}", query)
    return query


def find_query(name: str) -> Path:
    """A .rq path, or the name of a query shipped in ontology/queries ("meetings")."""
    from diplograf.ontology import QUERIES_DIR

    path = Path(name)
    if path.is_file():
        return path
    shipped = QUERIES_DIR / f"{path.stem}.rq"
    if shipped.is_file():
        return shipped
    known = ", ".join(sorted(p.stem for p in QUERIES_DIR.glob("*.rq")))
    raise QueryError(f"{name}: no such query file, nor a shipped query (shipped: {known})")


# ---------------------------------------------------------------- rdflib, over a graph file


class GraphSource:
    """A graph file parsed by rdflib (Turtle, N-Triples, TriG, N-Quads, JSON-LD…); named graphs are unioned."""

    def __init__(self, path: Path):
        from rdflib import Dataset

        if not path.exists():
            raise QueryError(f"{path}: no such graph file (build one with 'diplograf build')")
        ds = Dataset(default_union=True)
        try:
            ds.parse(path, format=_rdflib_format(path))
        except Exception as err:  # rdflib raises many kinds
            raise QueryError(f"{path}: not a readable RDF file ({err})") from err
        self.graph = ds

    def query(self, text: str) -> Answer:
        try:
            result = self.graph.query(with_prefixes(text))
        except Exception as err:
            raise QueryError(f"SPARQL error: {err}") from err
        if result.type == "ASK":
            return Answer("ASK", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Answer("CONSTRUCT", triples=result.graph.serialize(format="nt"))
        names = [str(v) for v in result.vars]
        rows = [[None if row[v] is None else str(row[v]) for v in result.vars] for row in result]
        return Answer("SELECT", names, rows)


def _rdflib_format(path: Path) -> str | None:
    return {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
            ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}.get(path.suffix.lower())


# ---------------------------------------------------------------- pyoxigraph, over a store folder


class StoreSource:
    """A persistent pyoxigraph store (``diplograf build --store DIR``), opened read-only."""

    def __init__(self, path: Path):
        from .store import has_union_graph, open_store

        self.store = open_store(path, read_only=True)
        # diplograf's stores keep a de-duplicated union as the default graph; other stores get
        # the union of their named graphs
        self.union = not has_union_graph(self.store)

    def query(self, text: str) -> Answer:
        import pyoxigraph as ox

        try:
            result = self.store.query(with_prefixes(text), use_default_graph_as_union=self.union)
        except SyntaxError as err:
            raise QueryError(f"SPARQL error: {err}") from err
        if isinstance(result, ox.QueryBoolean):
            return Answer("ASK", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            return Answer("CONSTRUCT", triples="".join(f"{t} .\n" for t in result))
        names = [v.value for v in result.variables]
        rows = [[_ox_value(sol[v]) for v in names] for sol in result]
        return Answer("SELECT", names, rows)


def _ox_value(term) -> str | None:
    if term is None:
        return None
    return term.value


# ---------------------------------------------------------------- any SPARQL 1.1 endpoint


_GRAPH_FORM = re.compile(r"^\s*(CONSTRUCT|DESCRIBE)\b", re.IGNORECASE | re.MULTILINE)


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


class EndpointSource:
    """A SPARQL 1.1 Protocol endpoint: the query is POSTed as a form (Virtuoso wants that), results as JSON."""

    def __init__(self, url: str, auth=None, timeout: float = 60.0):
        self.url, self.auth, self.timeout = url, auth, timeout

    def query(self, text: str) -> Answer:
        import requests

        text = with_prefixes(text)
        graph_form = _GRAPH_FORM.search(_strip_comments(text)) is not None
        accept = ("application/n-triples, text/plain;q=0.9" if graph_form
                  else "application/sparql-results+json, application/n-triples;q=0.9, text/plain;q=0.5")
        try:
            resp = requests.post(self.url, data={"query": text}, auth=self.auth, timeout=self.timeout,
                                 headers={"Accept": accept})
        except requests.RequestException as err:
            raise QueryError(f"{self.url}: cannot reach the SPARQL endpoint ({err})") from err
        if resp.status_code >= 400:
            raise QueryError(f"{self.url}: the endpoint answered {resp.status_code}: {resp.text[:300]}")
        ctype = resp.headers.get("Content-Type", "")
        if "json" not in ctype:
            return Answer("CONSTRUCT", triples=resp.text)
        data = resp.json()
        if "boolean" in data:
            return Answer("ASK", boolean=bool(data["boolean"]))
        names = data["head"].get("vars", [])
        rows = [[b[v]["value"] if v in b else None for v in names] for b in data["results"]["bindings"]]
        return Answer("SELECT", names, rows)


def open_source(target: str, auth=None) -> Source:
    """A URL -> endpoint; a folder -> pyoxigraph store; otherwise a graph file."""
    if target.startswith(("http://", "https://")):
        return EndpointSource(target, auth=auth)
    path = Path(target)
    if path.is_dir():
        return StoreSource(path)
    return GraphSource(path)


# ---------------------------------------------------------------- formatting


def format_answer(answer: Answer, fmt: str = "table") -> str:
    """A SELECT as a table, CSV or JSON; ASK as true/false; CONSTRUCT as N-Triples."""
    if answer.kind == "ASK":
        return json.dumps({"boolean": answer.boolean}) if fmt == "json" else str(answer.boolean).lower()
    if answer.kind == "CONSTRUCT":
        return answer.triples.rstrip("\n")
    rows = [["" if c is None else c for c in r] for r in answer.rows]
    names = answer.vars
    if fmt == "json":
        return json.dumps(answer.records(), ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        out = csv.writer(buf, lineterminator="\n")
        out.writerow(names)
        out.writerows(rows)
        return buf.getvalue().rstrip("\n")
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]

    def line(cells):
        return " | ".join((c if len(c) <= w else c[:w - 1] + "…").ljust(w) for c, w in zip(cells, widths)).rstrip()

    text = [line(names), "-+-".join("-" * w for w in widths)]
    text += [line(r) for r in rows]
    text.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(text)
