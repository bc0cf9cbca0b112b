"""The interactive network view (pyvis), made self-contained so that it works with no network.

One HTML file: pyvis draws the entities (node size by degree, colour by type, a stable layout computed
in Python, physics off until asked for) with one edge per pair of entities; the facts, their evidence and
their articles travel as one JSON block that the page's own script (``view_page.py``) turns into filters,
a search box and a side panel. Every text reaches the page as JSON data and is shown with ``textContent``:
an article cannot run code or break the page.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import networkx as nx

from diplograf.extract.records import SYMMETRIC, ArticleResult, Extraction, Fact

from .outputs import atomic_write
from .view_layout import layout
from .view_page import BAR, HOOK, PANEL, SCRIPT, STYLE

#: Node colour of each entity type.
COLOURS = {
    "Person": "#e15759", "Country": "#4e79a7", "City": "#76b7b2", "Region": "#59a14f",
    "Organization": "#f28e2b", "Event": "#edc948", "Agreement": "#b07aa1", "Initiative": "#ff9da7",
    "Project": "#9c755f",
}
OTHER_COLOUR = "#bab0ac"
#: Tags that make a browser fetch something from the network; pyvis's template has some.
REMOTE_TAGS = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']https?://[^>]*>|<script\b[^>]*\bsrc\s*=\s*[\"']https?://[^>]*>\s*</script>",
    re.IGNORECASE | re.DOTALL)
#: pyvis's empty headings (its template writes ``heading`` twice).
EMPTY_HEADINGS = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
#: vis-network options: the positions come from Python, so no physics and no layout run on opening.
OPTIONS = {
    "physics": {"enabled": False, "stabilization": {"enabled": False},
                "barnesHut": {"gravitationalConstant": -4000, "springLength": 110, "avoidOverlap": 0.2}},
    "layout": {"improvedLayout": False},
    "nodes": {"shape": "dot", "borderWidth": 1,
              "scaling": {"min": 7, "max": 28, "label": {"enabled": True, "min": 14, "max": 24, "drawThreshold": 5}},
              "font": {"size": 13, "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "edges": {"smooth": False, "color": {"color": "#b9b9b9", "highlight": "#333333", "hover": "#666666"},
              "scaling": {"min": 1, "max": 7, "label": {"enabled": False}},
              "font": {"size": 10, "align": "middle", "color": "#555555"}},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "navigationButtons": False,
                    "keyboard": False, "multiselect": False},
}


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


def pair_id(a: str, b: str) -> str:
    """The id of the one drawn edge between two entities, whatever the direction of their facts."""
    return "\t".join(sorted((a, b)))


def evidence_marks(res: ArticleResult, f: Fact) -> list[list]:
    """Spans of the evidence sentence to highlight: [start, end, "s"|"o"|"t"] for the subject's and the
    object's mentions and the word that stated the fact, as offsets in ``f.evidence``."""
    marks = []
    for m in res.mentions:
        if m.sentence == f.sentence and m.entity in (f.subject, f.object):
            marks.append([m.start - f.start, m.end - f.start, m.text, "s" if m.entity == f.subject else "o"])
    if f.trigger:
        sent = next((s for s in res.sentences if s.index == f.sentence), None)
        if sent is not None and 0 < f.trigger <= len(sent.words):
            w = sent.word(f.trigger)
            marks.append([w.start - f.start, w.end - f.start, w.text, "t"])
    spans = sorted({(a, b, kind) for a, b, text, kind in marks if f.evidence[a:b] == text and 0 <= a < b})
    kept: list[list] = []
    for a, b, kind in spans:  # no overlaps: the first span wins
        if not kept or a >= kept[-1][1]:
            kept.append([a, b, kind])
    return kept


def view_data(extraction: Extraction, g: nx.MultiDiGraph) -> dict:
    """Everything the page's script needs, as plain JSON-able data (sorted: same input, same bytes)."""
    ents = extraction.entities
    facts, articles = [], {}
    for res in extraction.articles:
        a = res.article
        if res.facts:
            articles[a.id] = {"title": a.title, "url": a.url, "date": a.date.isoformat() if a.date else None,
                              "source": a.source}
        for f in res.facts:
            facts.append({
                "s": f.subject, "o": f.object, "p": f.predicate, "role": f.role, "conf": round(f.confidence, 3),
                "date": f.date.isoformat() if f.date else None,
                "end": f.date_end.isoformat() if f.date_end else None, "period": f.period,
                "place": ents[f.place].name if f.place else None, "article": f.article,
                "evidence": f.evidence, "marks": evidence_marks(res, f), "start": f.start,
            })
    facts.sort(key=lambda r: (r["article"], r["start"], r["p"], r["s"], r["o"], r["role"] or ""))
    entities = {k: {"name": g.nodes[k]["label"], "type": g.nodes[k]["type"], "aliases": g.nodes[k]["aliases"],
                    "wikidata": g.nodes[k]["wikidata"], "degree": g.degree(k)} for k in sorted(g.nodes)}
    types = sorted({e["type"] for e in entities.values()})
    return {"entities": entities, "facts": facts, "articles": articles,
            "colours": {t: COLOURS.get(t, OTHER_COLOUR) for t in types}, "symmetric": sorted(SYMMETRIC)}


def script_json(data: dict) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _edge_title(g: nx.MultiDiGraph, facts: list[dict]) -> str:
    """The hover text of a drawn edge: one line per fact between the pair."""
    lines = []
    for f in facts:
        head = f"{g.nodes[f['s']]['label']} {f['p']} {g.nodes[f['o']]['label']}"
        extra = ", ".join(x for x in (f["role"], f["date"] or f["period"]) if x)
        lines.append(f"{head}{f' ({extra})' if extra else ''}, source: {f['article']}")
    more = f"\n… and {len(lines) - 12} more" if len(lines) > 12 else ""
    return "\n".join(lines[:12]) + more + "\n(click for the evidence)"


def render_html(extraction: Extraction, title: str = "diplograf") -> str:
    from pyvis.network import Network

    g = to_networkx(extraction)
    data = view_data(extraction, g)
    pos = layout(g, {k: e["name"] for k, e in data["entities"].items()})
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    for key, e in data["entities"].items():
        x, y = pos[key]
        net.add_node(key, label=e["name"], color=COLOURS.get(e["type"], OTHER_COLOUR), value=e["degree"],
                     x=x, y=y)
    pairs: dict[str, list[dict]] = {}
    for f in data["facts"]:
        pairs.setdefault(pair_id(f["s"], f["o"]), []).append(f)
    for pid in sorted(pairs):
        a, b = pid.split("\t")
        net.add_edge(a, b, id=pid, title=_edge_title(g, pairs[pid]), value=len(pairs[pid]))
    net.set_options(json.dumps(OPTIONS))
    html = net.generate_html(notebook=False)
    html = REMOTE_TAGS.sub("", html)
    html = EMPTY_HEADINGS.sub("", html)
    head = f"<head>\n<title>{escape(title)}</title>\n<style>{STYLE}</style>"
    # the data and the view's script come before pyvis's drawing, which calls them (HOOK); the panel
    # too (placed right by CSS), so that the canvas has its final size when the network is made
    summary = (f"{g.number_of_nodes()} entities in {g.number_of_edges()} facts (of {len(extraction.entities)} "
               "entities found; the others take part in no fact)")
    bar = BAR.replace("{title}", escape(title)).replace("{summary}", summary)
    body = (f'<body>\n{bar}\n'
            f'<script type="application/json" id="diplograf-data">{script_json(data)}</script>\n'
            f'<script>{SCRIPT}</script>\n<div id="dg-main">{PANEL}')
    hooked = f"window.diplograf.prepare();\n{HOOK}\nwindow.diplograf.wire();"
    for old, new in (("<head>", head), ("<body>", body), ("</body>", "</div>\n</body>"), (HOOK, hooked)):
        if html.count(old) != 1:
            raise RuntimeError(f"pyvis's page has {html.count(old)} '{old}', not one: its template changed")
        html = html.replace(old, new, 1)
    return html


def write_html(extraction: Extraction, path: Path, title: str = "diplograf") -> None:
    html = render_html(extraction, title)
    with atomic_write(path) as handle:
        handle.write(html)
