"""SPARQL over a graph file, printed as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result


class QueryError(ValueError):
    """A graph that cannot be read or a query that cannot be run; the message says which."""


def load_graph(path: Path) -> Graph:
    if not path.exists():
        raise QueryError(f"{path}: no such graph file (build one with 'diplograf build')")
    g = Graph()
    try:
        g.parse(path)
    except Exception as err:  # rdflib raises many kinds
        raise QueryError(f"{path}: not a readable RDF file ({err})") from err
    return g


def run_query(graph: Graph, query: str) -> Result:
    try:
        return graph.query(query)
    except Exception as err:
        raise QueryError(f"SPARQL error: {err}") from err


def _cell(value) -> str:
    return "" if value is None else str(value)


def format_result(result: Result, fmt: str = "table") -> str:
    """Format a SELECT (rows), ASK (true/false) or CONSTRUCT (Turtle) result."""
    if result.type == "ASK":
        return json.dumps({"boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer)).lower()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="json-ld" if fmt == "json" else "turtle")
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[v]) for v in result.vars] for row in result]
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue().rstrip("\n")
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]

    def line(cells):
        return " | ".join((c if len(c) <= w else c[:w - 1] + "…").ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
