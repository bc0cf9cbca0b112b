"""The view's data and layout, without a browser: evidence marks, safe JSON, a stable packed layout."""

from __future__ import annotations

import datetime as dt
import json
import re

import networkx as nx
import pytest

from diplograf.extract.records import Article, ArticleResult, Entity, Extraction, Fact, Mention, Sentence, Word
from diplograf.graph.view import (
    evidence_marks,
    render_html,
    script_json,
    script_json_parts,
    to_networkx,
    view_data,
    write_html,
)
from diplograf.graph.view_layout import layout

TEXT = "Amani Otieno bertemu Dewi Lestari di Nairobi."


def _extraction() -> Extraction:
    words = [Word(1, "Amani", "amani", "PROPN", None, 3, "nsubj", 0, 5), Word(2, "Otieno", "otieno", "PROPN", None, 1,
             "flat", 6, 12), Word(3, "bertemu", "temu", "VERB", None, 0, "root", 13, 20)]
    art = Article(id="k.txt", text="Judul. " + TEXT, date=dt.date(2024, 5, 2), url="https://example.org/k")
    shift = len("Judul. ")
    sent = Sentence(1, TEXT, shift, shift + len(TEXT), [Word(w.index, w.text, w.lemma, w.upos, w.feats, w.head,
                                                             w.deprel, w.start + shift, w.end + shift) for w in words])
    ents = {"person:amani-otieno": Entity("person:amani-otieno", "Amani Otieno", "Person", aliases={"Amani Otieno"}),
            "person:dewi-lestari": Entity("person:dewi-lestari", "Dewi Lestari", "Person", aliases={"Dewi Lestari"})}
    mentions = [Mention(1, 1, 2, "Amani Otieno", shift, shift + 12, "Person", "person:amani-otieno"),
                Mention(1, 4, 5, "Dewi Lestari", shift + 21, shift + 33, "Person", "person:dewi-lestari")]
    fact = Fact("k.txt", "meets", "person:amani-otieno", "person:dewi-lestari", 1, TEXT, shift, shift + len(TEXT),
                date=dt.date(2024, 5, 2), confidence=0.8, trigger=3)
    return Extraction([ArticleResult(art, [sent], mentions, [fact])], ents)


def test_the_subject_object_and_trigger_are_marked_in_the_evidence():
    res = _extraction().articles[0]
    marks = evidence_marks(res, res.facts[0])
    assert [(TEXT[a:b], kind) for a, b, kind in marks] == [("Amani Otieno", "s"), ("bertemu", "t"),
                                                           ("Dewi Lestari", "o")]


def test_script_json_cannot_close_the_script_and_reads_back_the_same():
    data = {"evidence": '</script><script>alert(1)</script> & <!-- \u2028', "n": [1, 2]}
    text = script_json(data)
    assert not re.search(r"[<>&\u2028]", text)
    assert json.loads(text) == data


def test_view_data_carries_articles_and_degrees():
    ex = _extraction()
    data = view_data(ex, to_networkx(ex))
    assert data["articles"]["k.txt"]["url"] == "https://example.org/k"
    assert {k: e["degree"] for k, e in data["entities"].items()} == {"person:amani-otieno": 1,
                                                                     "person:dewi-lestari": 1}
    assert data["facts"][0]["date"] == "2024-05-02" and "meets" in data["symmetric"]


def _boxes(g: nx.Graph, pos: dict) -> list[tuple[int, int, int, int]]:
    return [(min(pos[n][0] for n in c), min(pos[n][1] for n in c), max(pos[n][0] for n in c),
             max(pos[n][1] for n in c)) for c in nx.connected_components(g)]


def test_the_layout_is_stable_and_keeps_components_apart():
    g = nx.Graph()
    nx.add_star(g, [f"hub{i}" for i in range(12)])
    nx.add_path(g, ["p1", "p2", "p3", "p4"])
    for i in range(30):
        g.add_edge(f"a{i}", f"b{i}")
    pos = layout(g)
    assert set(pos) == set(g) and all(isinstance(c, int) for p in pos.values() for c in p)
    assert layout(g) == pos
    boxes = _boxes(g, pos)
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        for u0, v0, u1, v1 in boxes[i + 1:]:
            assert x1 < u0 or u1 < x0 or y1 < v0 or v1 < y0  # no two components overlap
    assert len({pos[n] for n in g}) == len(g)


def test_the_page_is_the_same_bytes_every_time_and_places_every_node():
    html = render_html(_extraction())
    assert html == render_html(_extraction())
    drawn = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", html).group(1)
    assert all("x" in n and "y" in n for n in json.loads(drawn))
    assert '"physics": {"enabled": false' in html


def test_a_component_of_hundreds_of_nodes_is_laid_out_by_numpy_forces(monkeypatch):
    import random

    import numpy as np

    def no_spring(*args, **kwargs):
        raise AssertionError("networkx's spring layout needs scipy from 500 nodes on")

    rng = random.Random(3)
    g = nx.random_labeled_tree(600, seed=3)
    g = nx.relabel_nodes(g, {n: f"n{n:04d}" for n in g})
    monkeypatch.setattr(nx, "spring_layout", no_spring)
    pos = layout(g)
    assert layout(g) == pos and len(set(pos.values())) == len(g)
    xy = {n: np.array(p, dtype=float) for n, p in pos.items()}
    linked = np.mean([np.linalg.norm(xy[u] - xy[v]) for u, v in g.edges()])
    nodes = sorted(g)
    anyhow = np.mean([np.linalg.norm(xy[rng.choice(nodes)] - xy[rng.choice(nodes)]) for _ in range(2000)])
    assert linked < anyhow / 3  # the forces pull linked nodes together


def _several_facts() -> Extraction:
    """The sample extraction with more facts, out of order, one with text that must be escaped."""
    ex = _extraction()
    res = ex.articles[0]
    first = res.facts[0]
    hostile = Fact("k.txt", "meets", "person:dewi-lestari", "person:amani-otieno", 1,
                   '</script><script>alert(1)</script> & \u2028', first.start, first.end, confidence=0.9)
    later = Fact("k.txt", "visits", "person:amani-otieno", "person:dewi-lestari", 1, TEXT, first.start + 5,
                 first.end, period="2024-05", role="envoy", confidence=0.75)
    return Extraction([ArticleResult(res.article, res.sentences, res.mentions, [later, hostile, first])],
                      ex.entities)


def test_the_data_streamed_a_fact_at_a_time_is_the_data_written_whole():
    for ex in (_several_facts(), _extraction(), Extraction([], {})):
        g = to_networkx(ex, details=False)
        parts = list(script_json_parts(ex, g))
        assert "".join(parts) == script_json(view_data(ex, to_networkx(ex)))
        assert len(parts) >= 12 + len(view_data(ex, g)["facts"])  # five keys, each fact its own piece
    facts = json.loads("".join(script_json_parts(_several_facts(), to_networkx(_several_facts()))))["facts"]
    assert [(f["start"], f["p"], f["s"]) for f in facts] == sorted((f["start"], f["p"], f["s"]) for f in facts)


def test_the_page_written_in_pieces_is_the_page(tmp_path):
    ex = _several_facts()
    write_html(ex, tmp_path / "graph.html", title="<b>Kenya</b> & Peru")
    html = render_html(ex, title="<b>Kenya</b> & Peru")
    assert (tmp_path / "graph.html").read_text(encoding="utf-8") == html
    assert html.count('id="diplograf-data"') == 1 and "alert(1)</script>" not in html
    assert html.index("window.diplograf.prepare();") < html.index("new vis.Network(") < html.index("</body>")
    assert "3 facts" in html and html.count("(click for the evidence)") == 1  # one drawn edge,
    assert html.count(", source: k.txt") == 3  # with the three facts in its hover text


def test_a_changed_pyvis_template_is_an_error_not_a_broken_page(monkeypatch):
    from pyvis.network import Network

    page = Network.generate_html
    monkeypatch.setattr(Network, "generate_html", lambda self, **kw: page(self, **kw).replace("<body>", "<body><body>"))
    with pytest.raises(RuntimeError, match="2 '<body>', not one"):
        render_html(_extraction())
