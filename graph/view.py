"""The interactive network view (pyvis), made self-contained so that it works with no network."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import networkx as nx

from diplograf.extract.records import Extraction

from .outputs import atomic_write

#: Node colour of each entity type.
COLOURS = {
    "Person": "#e15759", "Country": "#4e79a7", "City": "#76b7b2", "Region": "#59a14f",
    "Organization": "#f28e2b", "Event": "#edc948", "Agreement": "#b07aa1", "Initiative": "#ff9da7",
    "Project": "#9c755f",
}
#: Tags that make a browser fetch something from the network; pyvis's template has some.
REMOTE_TAGS = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']https?://[^>]*>|<script\b[^>]*\bsrc\s*=\s*[\"']https?://[^>]*>\s*</script>",
    re.IGNORECASE | re.DOTALL)


def to_networkx(extraction: Extraction) -> nx.MultiDiGraph:
    """Entities as nodes, facts as edges (one edge per fact, evidence attached)."""
    g = nx.MultiDiGraph()
    ents = extraction.entities
    for res in extraction.articles:
        for f in res.facts:
            for key in (f.subject, f.object):
                e = ents[key]
                g.add_node(key, label=e.name, type=e.type, aliases=sorted(e.aliases), wikidata=e.wikidata)
            g.add_edge(f.subject, f.object, predicate=f.predicate, article=f.article, evidence=f.evidence,
                       date=f.date.isoformat() if f.date else None, role=f.role, confidence=f.confidence)
    return g


def render_html(extraction: Extraction, title: str = "diplograf") -> str:
    from pyvis.network import Network

    g = to_networkx(extraction)
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line", heading="")
    for key in sorted(g.nodes):
        d = g.nodes[key]
        tip = [f"{d['label']} ({d['type']})"]
        if d["aliases"]:
            tip.append("also: " + ", ".join(d["aliases"]))
        if d["wikidata"]:
            tip.append(f"Wikidata: {d['wikidata']}")
        net.add_node(key, label=d["label"], title="\n".join(tip), color=COLOURS.get(d["type"], "#bab0ac"),
                     shape="dot", size=14)
    edges = sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"], e[2]["article"], e[2]["evidence"]))
    for u, v, d in edges:
        tip = [d["predicate"] + (f" ({d['role']})" if d["role"] else "") + (f", {d['date']}" if d["date"] else ""),
               f"“{d['evidence']}”", f"source: {d['article']}", f"confidence: {d['confidence']}"]
        net.add_edge(u, v, label=d["predicate"], title="\n".join(tip))
    net.set_options(json.dumps({
        "layout": {"randomSeed": 7},
        "physics": {"stabilization": {"iterations": 200}},
        "edges": {"font": {"size": 10}, "arrows": {"to": {"enabled": True}}, "smooth": {"type": "dynamic"}},
        "interaction": {"hover": True, "navigationButtons": False},
    }))
    html = net.generate_html(notebook=False)
    html = REMOTE_TAGS.sub("", html)
    html = html.replace("<head>", f"<head>\n<title>{escape(title)}</title>", 1)
    types = sorted({g.nodes[k]["type"] for k in g.nodes})
    legend = "".join(f'<span style="margin-right:14px"><span style="display:inline-block;width:11px;height:11px;'
                     f'border-radius:6px;background:{COLOURS.get(t, "#bab0ac")}"></span> {escape(t)}</span>'
                     for t in types)
    html = re.sub(r"<body>", '<body>\n<div id="legend" style="font:13px sans-serif;padding:6px 10px">'
                  f'<b>{escape(title)}</b> — {g.number_of_nodes()} entities in {g.number_of_edges()} facts '
                  f'(of {len(extraction.entities)} entities found; the others take part in no fact). '
                  f"Hover an edge for its evidence. {legend}</div>", html, count=1)
    return html


def write_html(extraction: Extraction, path: Path, title: str = "diplograf") -> None:
    html = render_html(extraction, title)
    with atomic_write(path) as handle:
        handle.write(html)
