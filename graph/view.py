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
from collections.abc import Iterator
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


def to_networkx(extraction: Extraction, details: bool = True) -> nx.MultiDiGraph:
    """Entities as nodes, facts as edges (one edge per fact; with ``details``, the fact's predicate,
    evidence and the like on its edge: the page reads only the nodes and the degrees, so it goes without)."""
    g = nx.MultiDiGraph()
    ents = extraction.entities
    for res in extraction.articles:
        for f in res.facts:
            for key in (f.subject, f.object):
                e = ents[key]
                g.add_node(key, label=e.name, type=e.type, aliases=sorted(e.aliases), wikidata=e.wikidata)
            if not details:
                g.add_edge(f.subject, f.object)
                continue
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


def _day(d) -> str | None:
    return d.isoformat() if d else None


def sorted_facts(extraction: Extraction) -> list[tuple[ArticleResult, Fact]]:
    """Every fact with its article's result, in the page's order (article, offset, predicate, parties)."""
    pairs = [(res, f) for res in extraction.articles for f in res.facts]
    pairs.sort(key=lambda rf: (rf[1].article, rf[1].start, rf[1].predicate, rf[1].subject, rf[1].object,
                               rf[1].role or ""))
    return pairs


def fact_record(res: ArticleResult, f: Fact, ents: dict) -> dict:
    """One fact as the page's script reads it."""
    return {"s": f.subject, "o": f.object, "p": f.predicate, "role": f.role, "conf": round(f.confidence, 3),
            "date": _day(f.date), "end": _day(f.date_end), "period": f.period,
            "place": ents[f.place].name if f.place else None, "article": f.article,
            "evidence": f.evidence, "marks": evidence_marks(res, f), "start": f.start}


def _view_parts(extraction: Extraction, g: nx.MultiDiGraph) -> dict:
    """The page's data but its facts (``sorted_facts``, made into records one at a time)."""
    articles = {}
    for res in extraction.articles:
        a = res.article
        if res.facts:
            articles[a.id] = {"title": a.title, "url": a.url, "date": _day(a.date), "source": a.source}
    entities = {k: {"name": g.nodes[k]["label"], "type": g.nodes[k]["type"], "aliases": g.nodes[k]["aliases"],
                    "wikidata": g.nodes[k]["wikidata"], "degree": g.degree(k)} for k in sorted(g.nodes)}
    types = sorted({e["type"] for e in entities.values()})
    return {"entities": entities, "articles": articles,
            "colours": {t: COLOURS.get(t, OTHER_COLOUR) for t in types}, "symmetric": sorted(SYMMETRIC)}


def view_data(extraction: Extraction, g: nx.MultiDiGraph) -> dict:
    """Everything the page's script needs, as plain JSON-able data (sorted: same input, same bytes)."""
    ents = extraction.entities
    return _view_parts(extraction, g) | {"facts": [fact_record(res, f, ents) for res, f in sorted_facts(extraction)]}


#: What cannot stand inside a <script> element as it is, and its JSON escape.
SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def _script_safe(text: str) -> str:
    for ch, esc in SCRIPT_ESCAPES:
        text = text.replace(ch, esc)
    return text


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def script_json(data: dict) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end or open a tag."""
    return _script_safe(_dumps(data))


def script_json_parts(extraction: Extraction, g: nx.MultiDiGraph) -> Iterator[str]:
    """``script_json(view_data(extraction, g))`` in pieces, a fact at a time: the facts' records are
    never all held (same text: the keys are written in sorted order, as ``sort_keys`` would)."""
    ents = extraction.entities
    data = _view_parts(extraction, g)
    keys = sorted([*data, "facts"])
    for i, key in enumerate(keys):
        yield ("{" if i == 0 else ",") + _dumps(key) + ":"
        if key != "facts":
            yield _script_safe(_dumps(data[key]))
            continue
        yield "["
        for n, (res, f) in enumerate(sorted_facts(extraction)):
            yield ("," if n else "") + _script_safe(_dumps(fact_record(res, f, ents)))
        yield "]"
    yield "}"


def _edge_title(g: nx.MultiDiGraph, facts: list[Fact]) -> str:
    """The hover text of a drawn edge: one line per fact between the pair."""
    lines = []
    for f in facts:
        head = f"{g.nodes[f.subject]['label']} {f.predicate} {g.nodes[f.object]['label']}"
        extra = ", ".join(x for x in (f.role, _day(f.date) or f.period) if x)
        lines.append(f"{head}{f' ({extra})' if extra else ''}, source: {f.article}")
    more = f"\n… and {len(lines) - 12} more" if len(lines) > 12 else ""
    return "\n".join(lines[:12]) + more + "\n(click for the evidence)"


def html_parts(extraction: Extraction, title: str = "diplograf") -> Iterator[str]:
    """The page in pieces, in order: pyvis's page with the view's style, bar, data, script and panel
    spliced in; the data comes a fact at a time (``script_json_parts``)."""
    from pyvis.network import Network

    g = to_networkx(extraction, details=False)
    entities = _view_parts(extraction, g)["entities"]
    pos = layout(g, {k: e["name"] for k, e in entities.items()})
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    for key, e in entities.items():
        x, y = pos[key]
        net.add_node(key, label=e["name"], color=COLOURS.get(e["type"], OTHER_COLOUR), value=e["degree"],
                     x=x, y=y)
    del entities, pos
    pairs: dict[str, list[Fact]] = {}
    for _, f in sorted_facts(extraction):
        pairs.setdefault(pair_id(f.subject, f.object), []).append(f)
    for pid in sorted(pairs):
        a, b = pid.split("\t")
        net.add_edge(a, b, id=pid, title=_edge_title(g, pairs[pid]), value=len(pairs[pid]))
    del pairs
    net.set_options(json.dumps(OPTIONS))
    html = EMPTY_HEADINGS.sub("", REMOTE_TAGS.sub("", net.generate_html(notebook=False)))
    del net
    head = f"<head>\n<title>{escape(title)}</title>\n<style>{STYLE}</style>"
    # the data and the view's script come before pyvis's drawing, which calls them (HOOK); the panel
    # too (placed right by CSS), so that the canvas has its final size when the network is made
    summary = (f"{g.number_of_nodes()} entities in {g.number_of_edges()} facts (of {len(extraction.entities)} "
               "entities found; the others take part in no fact)")
    bar = BAR.replace("{title}", escape(title)).replace("{summary}", summary)
    body_open = f'<body>\n{bar}\n<script type="application/json" id="diplograf-data">'
    body_close = f'</script>\n<script>{SCRIPT}</script>\n<div id="dg-main">{PANEL}'
    hooked = f"window.diplograf.prepare();\n{HOOK}\nwindow.diplograf.wire();"
    # each mark once in pyvis's page, and in none of the text put in before it (the data holds no '<')
    splices = [("<head>", [head]), ("<body>", [body_open, None, body_close]), ("</body>", ["</div>\n</body>"]),
               (HOOK, [hooked])]
    added: list[str] = []
    for old, new in splices:
        found = html.count(old) + sum(part.count(old) for part in added)
        if found != 1 or old not in html:
            raise RuntimeError(f"pyvis's page has {found} '{old}', not one: its template changed")
        added += [part for part in new if part]
    done = 0
    for at, old, new in sorted((html.index(old), old, new) for old, new in splices):
        yield html[done:at]
        for part in new:
            yield from (part,) if part is not None else script_json_parts(extraction, g)
        done = at + len(old)
    yield html[done:]


def render_html(extraction: Extraction, title: str = "diplograf") -> str:
    return "".join(html_parts(extraction, title))


def write_html(extraction: Extraction, path: Path, title: str = "diplograf") -> None:
    """The page into ``path`` (atomically), a piece at a time: no whole copy of the page in memory."""
    with atomic_write(path) as handle:
        handle.writelines(html_parts(extraction, title))
