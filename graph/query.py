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
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .sparql_errors import describe as describe_syntax_error

if TYPE_CHECKING:
    from rdflib import Graph

from diplograf.ontology.namespaces import QUERY_PREFIXES, with_prefixes


class QueryError(ValueError):
    """A graph that cannot be read or a query that cannot be run; the message says which."""


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + n for n in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
                                "unsignedShort", "unsignedByte")}
_DECIMALS = {_XSD + n for n in ("decimal", "double", "float")}


def native(value: str | None, datatype: str | None) -> str | int | float | bool | None:
    """A literal's lexical form as a Python number or boolean where its datatype says it is one."""
    if value is None or not datatype:
        return value
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _DECIMALS and value not in ("INF", "-INF", "NaN"):
            return float(value)
    except ValueError:
        return value  # an ill-typed literal stays as written
    if datatype == _XSD + "boolean" and value in ("true", "false", "1", "0"):
        return value in ("true", "1")
    return value


@dataclass
class Answer:
    """A query's result: ``rows`` for SELECT (each cell's text, with its literal datatype in ``datatypes``),
    ``boolean`` for ASK, ``triples`` (N-Triples) for CONSTRUCT and DESCRIBE."""

    kind: str  # SELECT | ASK | CONSTRUCT
    vars: list[str] = field(default_factory=list)
    rows: list[list[str | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: str = ""
    #: per cell, the literal's datatype IRI (None for IRIs, blank nodes, plain strings and unbound cells)
    datatypes: list[list[str | None]] = field(default_factory=list)

    def records(self, typed: bool = False) -> list[dict]:
        """The rows as dicts; ``typed``: numbers and booleans as Python values, not text."""
        if not typed:
            return [dict(zip(self.vars, r)) for r in self.rows]
        types = self.datatypes or [[None] * len(self.vars)] * len(self.rows)
        return [{v: native(c, d) for v, c, d in zip(self.vars, r, ts)} for r, ts in zip(self.rows, types)]


class Source(Protocol):
    def query(self, text: str) -> Answer: ...


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


@dataclass(frozen=True)
class Param:
    """A query parameter declared next to its block: ``VALUES ?a { UNDEF }  # parameter: IRI, a country``."""

    name: str
    kind: str  # IRI | date | number | string
    doc: str = ""

    def __str__(self) -> str:
        return f"{self.name} ({self.kind}{', ' + self.doc if self.doc else ''})"


_DECLARED = re.compile(r"VALUES\s+\?(\w+)\s*\{[^}]*\}[ \t]*#[ \t]*parameter:[ \t]*(IRI|date|number|string)\b"
                       r"[ \t,;:]*([^\n]*)")

#: What each kind of parameter takes, for the error on a value of the wrong form.
_EXPECTED = {
    "IRI": "an IRI: country/ID (an ISO code; entities.jsonl gives every entity's iri), dgid:country/ID or <https://…>",
    "date": "a date as YYYY-MM-DD, e.g. 2024-03-01",
    "number": "a number, e.g. 3 or 0.5",
    "string": "any text",
}


def query_params(query: str) -> list[Param]:
    """The parameters a query declares (``# parameter: KIND, what`` after its ``VALUES ?name {…}``), once each.
    An undeclared VALUES block may still be bound; its value's form then decides the term."""
    found: dict[str, Param] = {}
    for m in _DECLARED.finditer(query):
        found.setdefault(m.group(1), Param(m.group(1), m.group(2), m.group(3).strip()))
    return list(found.values())


def _checked(param: Param, value: str) -> str:
    """``value`` as the SPARQL term ``param`` takes, or a QueryError saying which form is expected."""
    term = _term(value)
    ok = {"IRI": term.startswith("<"), "date": term.endswith("XMLSchema#date>"),
          "number": re.fullmatch(r"-?\d+(\.\d+)?", term) is not None, "string": True}[param.kind]
    if param.kind == "date" and ok:
        try:
            date.fromisoformat(value)
        except ValueError:
            ok = False
    if not ok:
        what = f" ({param.doc})" if param.doc else ""
        raise QueryError(f"--bind {param.name}={value}: ?{param.name}{what} takes {_EXPECTED[param.kind]}")
    return json.dumps(value, ensure_ascii=False) if param.kind == "string" else term


def bind_params(query: str, params: dict[str, str]) -> str:
    """Set a query's parameters: each ``VALUES ?name { … }`` block gets the given value; a parameter
    left out keeps its block (``UNDEF`` in the shipped queries: it matches anything).

    A value is an IRI (``<…>``, ``http…``, ``dgid:country/ID`` or just ``country/ID``), a date
    (``2024-07-01``), a number or else a string; a declared parameter (``query_params``) takes only its kind.
    """
    declared = {p.name: p for p in query_params(query)}
    for name, value in params.items():
        pattern = re.compile(_VALUES.format(name=re.escape(name)))
        if not pattern.search(query):
            known = ", ".join(f"?{p}" for p in declared) or "none"
            raise QueryError(f"the query has no parameter ?{name} (a 'VALUES ?{name} {{ … }}' block; "
                             f"its parameters: {known})")
        term = _checked(declared[name], value) if name in declared else _term(value)
        query = pattern.sub(lambda _m, n=name, v=term: f"VALUES ?{n} {{ {v} }}", query)
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
    """A graph file parsed by rdflib (Turtle, N-Triples, TriG, N-Quads, JSON-LD…), named graphs unioned, or
    an rdflib graph in memory."""

    def __init__(self, path: Path | Graph):
        from rdflib import Dataset, Graph

        if isinstance(path, Graph):  # a graph in memory (build()'s result.graph)
            self.graph = path
            return
        if not path.exists():
            raise QueryError(f"{path}: no such graph file (build one with 'diplograf build')")
        ds = Dataset(default_union=True)
        try:
            ds.parse(path, format=_rdflib_format(path))
        except Exception as err:  # rdflib raises many kinds
            raise QueryError(f"{path}: not a readable RDF file ({' '.join(str(err).split())})") from err
        self.graph = ds

    def query(self, text: str) -> Answer:
        try:
            result = self.graph.query(with_prefixes(text))
        except Exception as err:
            raise _sparql_error(text, err) from err
        if result.type == "ASK":
            return Answer("ASK", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Answer("CONSTRUCT", triples=result.graph.serialize(format="nt"))
        names = [str(v) for v in result.vars]
        rows, types = [], []
        for row in result:
            rows.append([None if row[v] is None else str(row[v]) for v in result.vars])
            types.append([_datatype(getattr(row[v], "datatype", None)) for v in result.vars])
        return Answer("SELECT", names, rows, datatypes=types)


def _sparql_error(text: str, err: Exception) -> QueryError:
    """The engine's error as a QueryError: a syntax error in plain words with its line and column."""
    return QueryError(describe_syntax_error(text) or f"SPARQL error: {err}")


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
            raise _sparql_error(text, err) from err
        if isinstance(result, ox.QueryBoolean):
            return Answer("ASK", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            return Answer("CONSTRUCT", triples="".join(f"{t} .\n" for t in result))
        names = [v.value for v in result.variables]
        rows, types = [], []
        for sol in result:
            rows.append([None if sol[v] is None else sol[v].value for v in names])
            types.append([_datatype(getattr(getattr(sol[v], "datatype", None), "value", None)) for v in names])
        return Answer("SELECT", names, rows, datatypes=types)


def _datatype(iri) -> str | None:
    """A literal's datatype IRI, None for a plain string (xsd:string) or no datatype."""
    return None if iri is None or str(iri) == _XSD + "string" else str(iri)


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

        sent = with_prefixes(text)
        graph_form = _GRAPH_FORM.search(_strip_comments(sent)) is not None
        accept = ("application/n-triples, text/plain;q=0.9" if graph_form
                  else "application/sparql-results+json, application/n-triples;q=0.9, text/plain;q=0.5")
        try:
            resp = requests.post(self.url, data={"query": sent}, auth=self.auth, timeout=self.timeout,
                                 headers={"Accept": accept})
        except requests.RequestException as err:
            raise QueryError(f"{self.url}: cannot reach the SPARQL endpoint ({err})") from err
        if resp.status_code == 400 and (plain := describe_syntax_error(text)):
            raise QueryError(plain)
        if resp.status_code >= 400:
            raise QueryError(f"{self.url}: the endpoint answered {resp.status_code}: {resp.text[:300]}")
        ctype = resp.headers.get("Content-Type", "")
        if "json" not in ctype:
            return Answer("CONSTRUCT", triples=resp.text)
        data = resp.json()
        if "boolean" in data:
            return Answer("ASK", boolean=bool(data["boolean"]))
        names = data["head"].get("vars", [])
        bindings = data["results"]["bindings"]
        rows = [[b[v]["value"] if v in b else None for v in names] for b in bindings]
        types = [[_datatype(b[v].get("datatype")) if v in b else None for v in names] for b in bindings]
        return Answer("SELECT", names, rows, datatypes=types)


def open_source(target: str, auth=None) -> Source:
    """A URL -> endpoint; a folder -> pyoxigraph store; otherwise a graph file."""
    if target.startswith(("http://", "https://")):
        return EndpointSource(target, auth=auth)
    path = Path(target)
    if path.is_dir():
        return StoreSource(path)
    return GraphSource(path)


def read_graph(target: str, auth=None):
    """Every triple of a source as one rdflib graph (a file's named graphs unioned; a store's or an
    endpoint's through a CONSTRUCT), for validation."""
    from rdflib import Graph

    source = open_source(target, auth=auth)
    if isinstance(source, GraphSource):
        return source.graph
    answer = source.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    try:
        return Graph().parse(data=answer.triples, format="nt")
    except Exception as err:  # rdflib raises many kinds
        raise QueryError(f"{target}: its triples could not be read ({err})") from err


# ---------------------------------------------------------------- formatting


def format_answer(answer: Answer, fmt: str = "table") -> str:
    """A SELECT as a table, CSV or JSON; ASK as true/false; CONSTRUCT as N-Triples."""
    if answer.kind == "ASK":
        return json.dumps({"boolean": answer.boolean}) if fmt == "json" else str(answer.boolean).lower()
    if answer.kind == "CONSTRUCT":
        return _jsonld(answer.triples) if fmt == "json" else answer.triples.rstrip("\n")
    if fmt == "json":
        return json.dumps(answer.records(typed=True), ensure_ascii=False, indent=1)
    rows = [["" if c is None else c for c in r] for r in answer.rows]
    names = answer.vars
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


def _jsonld(ntriples: str) -> str:
    """A CONSTRUCT's triples as JSON-LD (numbers and booleans as JSON ones), subjects in a stable order."""
    from rdflib import Graph

    graph = Graph().parse(data=ntriples, format="nt")
    data = json.loads(graph.serialize(format="json-ld", use_native_types=True))
    return json.dumps(sorted(data, key=lambda node: node.get("@id", "")), ensure_ascii=False, indent=1)
