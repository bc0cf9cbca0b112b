"""A stable layout of the view computed in Python, so that a large graph opens at once (no physics run).

Each connected component is laid out by networkx's spring layout (fixed seed; a component of 500 nodes
or more by the same Fruchterman-Reingold forces in blocks of numpy, as networkx would need scipy there and
takes half a minute for a few thousand nodes); the components are then
packed in rows, largest first, so that the hundreds of two-node pairs of a real corpus sit in tidy rows
below the big cluster instead of being thrown to the edges of the page.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

#: Distance in pixels that one node of a component is given (a component of n nodes spans about
#: SPACING * sqrt(n)), and the gap between packed components.
SPACING = 95
GAP = 40
#: Approximate width in pixels of one character of a label, and the height a label takes below its node.
CHAR = 7.0
LABEL_HEIGHT = 22
#: From this many nodes on, a component is laid out by ``force_layout``; rows of the distance block.
LARGE = 500
BLOCK = 256


def force_layout(n: int, edges: list[tuple[int, int]], seed: int, iterations: int = 50) -> np.ndarray:
    """Fruchterman-Reingold positions (within [0, 1]²-ish) of ``n`` nodes: all pairs repel, edges attract;
    the pairwise forces are summed in blocks of rows, so memory stays BLOCK * n, not n²."""
    rng = np.random.RandomState(seed)
    pos = rng.rand(n, 2)
    k = math.sqrt(1.0 / n)
    u, v = (np.array(x, dtype=int) for x in zip(*edges)) if edges else (np.zeros(0, int), np.zeros(0, int))
    t = 0.1
    for _ in range(iterations):
        x, y = pos[:, 0], pos[:, 1]
        disp = np.zeros((n, 2))
        for s in range(0, n, BLOCK):
            dx = x[s:s + BLOCK, None] - x[None, :]
            dy = y[s:s + BLOCK, None] - y[None, :]
            w = k * k / np.maximum(dx * dx + dy * dy, 1e-6)
            disp[s:s + BLOCK, 0] = (dx * w).sum(axis=1)
            disp[s:s + BLOCK, 1] = (dy * w).sum(axis=1)
        d = pos[u] - pos[v]
        pull = d * (np.sqrt((d ** 2).sum(axis=1)) / k)[:, None]
        np.add.at(disp, u, -pull)
        np.add.at(disp, v, pull)
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)
        pos = pos + disp * (np.minimum(length, t) / length)[:, None]
        t -= 0.1 / (iterations + 1)
    return pos


def component_layout(g: nx.Graph, nodes: list[str], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions of one component's nodes around (0, 0), in a disc of radius SPACING*sqrt(n)/2 (larger
    where that would crowd them)."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) == 2:
        return {nodes[0]: (0.0, -SPACING / 3), nodes[1]: (0.0, SPACING / 3)}  # stacked: labels do not meet
    sub = nx.Graph()
    sub.add_nodes_from(nodes)  # sorted: the seed then gives the same layout on every run
    sub.add_edges_from(sorted((u, v) for u, v in g.subgraph(nodes).edges() if u != v))
    scale = SPACING * math.sqrt(len(nodes)) / 2
    if len(nodes) < LARGE:
        pos = nx.spring_layout(sub, seed=seed, iterations=60, method="force", scale=1)
        arr = np.array([pos[n] for n in nodes]) * spread(np.array([pos[n] for n in nodes]), scale)
    else:
        index = {n: i for i, n in enumerate(nodes)}
        arr = nx.rescale_layout(force_layout(len(nodes), [(index[a], index[b]) for a, b in sub.edges()], seed),
                                scale=scale)
    return {n: (float(arr[i][0]), float(arr[i][1])) for i, n in enumerate(nodes)}


def spread(pos: np.ndarray, scale: float) -> float:
    """The factor that scales a unit layout to ``scale``, or more where nodes would sit closer than
    SPACING to their nearest neighbour (most nodes, not every pair), up to three times ``scale``."""
    dist = np.sqrt(((pos[:, None, :] - pos[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(dist, np.inf)
    nearest = float(np.percentile(dist.min(axis=1), 20))
    return min(3 * scale, max(scale, SPACING / max(nearest, 1e-6)))


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
