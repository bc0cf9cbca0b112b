"""A stable layout of the view computed in Python, so that a large graph opens at once (no physics run).

Each connected component is laid out by networkx's spring layout (fixed seed); the components are then
packed in rows, largest first, so that the hundreds of two-node pairs of a real corpus sit in tidy rows
below the big cluster instead of being thrown to the edges of the page.
"""

from __future__ import annotations

import math

import networkx as nx

#: Distance in pixels that one node of a component is given (a component of n nodes spans about
#: SPACING * sqrt(n)), and the gap between packed components.
SPACING = 95
GAP = 40
#: Approximate width in pixels of one character of a label, and the height a label takes below its node.
CHAR = 7.0
LABEL_HEIGHT = 22


def component_layout(g: nx.Graph, nodes: list[str], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions of one component's nodes around (0, 0), within a disc of radius SPACING*sqrt(n)/2."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) == 2:
        return {nodes[0]: (0.0, -SPACING / 3), nodes[1]: (0.0, SPACING / 3)}  # stacked: labels do not meet
    sub = nx.Graph()
    sub.add_nodes_from(nodes)  # sorted: the seed then gives the same layout on every run
    sub.add_edges_from(sorted((u, v) for u, v in g.subgraph(nodes).edges() if u != v))
    iterations = 60 if len(nodes) < 500 else 30
    pos = nx.spring_layout(sub, seed=seed, iterations=iterations, method="force",
                           scale=SPACING * math.sqrt(len(nodes)) / 2)
    return {n: (float(pos[n][0]), float(pos[n][1])) for n in nodes}


def layout(g: nx.Graph | nx.MultiDiGraph, labels: dict[str, str] | None = None) -> dict[str, tuple[int, int]]:
    """Integer positions of every node of ``g``: components laid out apart, then packed in rows, each
    component's box wide enough for its nodes' ``labels`` (written centred below each node)."""
    und = nx.Graph(g.to_undirected()) if g.is_directed() or g.is_multigraph() else g
    labels = labels or {}
    components = sorted((sorted(c) for c in nx.connected_components(und)), key=lambda c: (-len(c), c[0]))
    boxes = []
    for comp in components:
        pos = component_layout(und, comp)
        half = {n: max(15.0, CHAR * len(labels.get(n, "")) / 2) for n in comp}
        x0, x1 = min(p[0] - half[n] for n, p in pos.items()), max(p[0] + half[n] for n, p in pos.items())
        y0, y1 = min(p[1] for p in pos.values()) - 15, max(p[1] for p in pos.values()) + LABEL_HEIGHT
        boxes.append((pos, x0, y0, x1 - x0, y1 - y0))
    area = sum((w + GAP) * (h + GAP) for _, _, _, w, h in boxes)
    row_width = max([math.sqrt(area) * 1.3] + [w for _, _, _, w, _ in boxes])
    out: dict[str, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for pos, x0, y0, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(x + px - x0), round(y + py - y0))
        x += w + GAP
        row_height = max(row_height, h)
    return out
