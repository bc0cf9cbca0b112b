"""graph.html in a real headless Chromium: self-contained, filters, search, the side panel, hostile text."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import read_jsonl

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None,
                                 reason="Debian's chromium is not installed (make test installs it as root)")]
SHOWN = "() => nodes.get({filter: n => !n.hidden}).map(n => n.label).sort()"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


class Page:
    """A page of the view, with the errors and requests it made."""

    def __init__(self, browser, path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.diplografReady === true")

    def shown(self) -> list[str]:
        return self.page.evaluate(SHOWN)

    def node_id(self, label: str) -> str:
        return self.page.evaluate("(l) => nodes.get({filter: n => n.label === l})[0].id", label)

    def click_node(self, node: str) -> None:
        dom = self.page.evaluate("(id) => network.canvasToDOM(network.getPositions([id])[id])", node)
        box = self.page.locator("#mynetwork canvas").bounding_box()
        self.page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])


@pytest.fixture()
def examples_page(browser, examples_build):
    page = Page(browser, examples_build / "graph.html")
    yield page
    page.page.close()


def names_where(facts: list[dict], keep) -> list[str]:
    return sorted({n for f in facts if keep(f) for n in (f["subject"], f["object"])})


def test_html_view_is_self_contained(examples_page, example_facts):
    nodes = names_where(example_facts, lambda f: True)
    page = examples_page.page
    assert examples_page.shown() == nodes
    edge_titles = page.evaluate("() => edges.get().map(e => e.title)")
    assert page.locator("canvas").count() >= 1
    assert examples_page.errors == []
    assert [u for u in examples_page.requests if not u.startswith("file://")] == []
    assert any("Fumio Kishida" in t and "source: 02_" in t for t in edge_titles)
    assert page.evaluate("() => network.physics.options.enabled") is False  # the layout comes from Python
    page.locator("#dg-physics").check()
    assert page.evaluate("() => network.physics.options.enabled") is True
    assert page.locator("#dg-count").inner_text() == (f"{len(nodes)} of {len(nodes)} entities · "
                                                      f"{len(example_facts)} of {len(example_facts)} facts")


def test_each_filter_changes_the_visible_nodes(examples_page, example_facts, examples_build):
    types = {e["name"]: e["type"] for e in read_jsonl(examples_build / "entities.jsonl")}
    view, page = examples_page, examples_page.page
    everything = view.shown()

    page.locator("[data-type=Person]").uncheck()
    no_people = names_where(example_facts, lambda f: "Person" not in (types[f["subject"]], types[f["object"]]))
    assert view.shown() == no_people and len(no_people) < len(everything)
    page.locator("[data-type=Person]").check()
    assert view.shown() == everything

    page.locator("#dg-rels summary").click()
    page.locator("[data-rel=holdsRole]").uncheck()
    assert view.shown() == names_where(example_facts, lambda f: f["predicate"] != "holdsRole")
    page.locator("[data-rel=holdsRole]").check()

    page.locator("#dg-conf").fill("0.9")
    assert view.shown() == names_where(example_facts, lambda f: f["confidence"] >= 0.9) != everything
    page.locator("#dg-conf").fill("0")

    assert all(f["date"] or not f["period"] for f in example_facts)  # no period-only facts to place
    days = sorted({f["date"] for f in example_facts if f["date"]})
    page.locator("#dg-undated").uncheck()
    page.locator("#dg-from").fill(str(len(days) - 1))
    assert view.shown() == names_where(example_facts, lambda f: f["date"] == days[-1])
    assert page.locator("#dg-dates").inner_text() == f"{days[-1]} – {days[-1]}"
    page.locator("#dg-from").fill("0")
    page.locator("#dg-undated").check()
    assert view.shown() == everything

    page.locator("#dg-touch").fill("Scholz")  # an alias of Olaf Scholz
    page.locator("#dg-touch").press("Enter")
    touching = names_where(example_facts, lambda f: "Olaf Scholz" in (f["subject"], f["object"]))
    assert view.shown() == touching and len(touching) < len(everything)
    page.locator("#dg-touch-clear").click()
    assert view.shown() == everything
    assert view.errors == []


def test_search_finds_and_focuses_an_entity_by_an_alias(examples_page):
    view, page = examples_page, examples_page.page
    japan = view.node_id("Japan")
    page.locator("#dg-search").fill("jepang")  # the Indonesian name, any case
    page.locator("#dg-search").press("Enter")
    page.wait_for_function("(id) => network.getSelectedNodes().join() === id", arg=japan)
    page.wait_for_timeout(600)  # the focus animation
    centre = page.evaluate("() => network.getViewPosition()")
    at = page.evaluate("(id) => network.getPositions([id])[id]", japan)
    assert abs(centre["x"] - at["x"]) < 2 and abs(centre["y"] - at["y"]) < 2
    assert page.locator("#dg-panel h2").inner_text().strip() == "Japan"
    page.locator("#dg-search").fill("no such entity anywhere")
    page.locator("#dg-search").press("Enter")
    assert page.evaluate("() => document.getElementById('dg-search').validity.valid") is False
    assert view.errors == []


def test_the_panel_shows_the_facts_and_their_evidence(examples_page, example_facts):
    view, page = examples_page, examples_page.page
    kishida = view.node_id("Fumio Kishida")
    view.click_node(kishida)
    page.wait_for_function("() => document.querySelector('#dg-panel h2') !== null")
    assert page.locator("#dg-panel h2").inner_text().strip() == "Fumio Kishida"
    mine = [f for f in example_facts if "Fumio Kishida" in (f["subject"], f["object"])]
    shown = page.locator("#dg-panel .dg-fact")
    assert shown.count() == len(mine)
    text = page.locator("#dg-panel").inner_text()
    for f in mine:
        assert f["evidence"] in text and f["article"] in text and f["predicate"] in text
    marks = page.locator("#dg-panel .dg-fact mark").all_inner_texts()
    assert "Kishida" in marks or "Fumio Kishida" in marks  # the mention is highlighted in its sentence

    meets = next(f for f in mine if f["predicate"] == "meets")
    other = meets["object"] if meets["subject"] == "Fumio Kishida" else meets["subject"]
    pair = [f for f in mine if other in (f["subject"], f["object"])]
    edge = page.evaluate("([a, b]) => network.getConnectedEdges(a).find(e => network.getConnectedNodes(e)"
                         ".includes(b))", [kishida, view.node_id(other)])
    ends = page.evaluate("(e) => network.getConnectedNodes(e)", edge)
    p = page.evaluate("(ids) => { const q = network.getPositions(ids); return {x: (q[ids[0]].x + q[ids[1]].x) / 2,"
                      " y: (q[ids[0]].y + q[ids[1]].y) / 2}; }", ends)
    dom = page.evaluate("(p) => network.canvasToDOM(p)", p)
    box = page.locator("#mynetwork canvas").bounding_box()
    page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])
    page.wait_for_function("() => document.querySelector('#dg-panel h2').textContent.includes(' — ')")
    assert page.locator("#dg-panel .dg-fact").count() == len(pair)  # every fact of the pair, not one label
    assert view.errors == []


EVIL = '</script><script>window.pwned=1;alert("x")</script>"\'><img src=x onerror="window.pwned=2">'


def _hostile():
    from diplograf.extract.records import Article, ArticleResult, Entity, Extraction, Fact, Mention

    text = f"Amani Otieno bertemu Dewi Lestari di Nairobi. {EVIL}"
    arts = [Article(id="a.txt", text=text, title=EVIL, url="javascript:window.pwned=3", date=dt.date(2024, 5, 2)),
            Article(id="b.txt", text=text, title="Kenya dan Peru", url="https://example.org/kenya-peru")]
    ents = {"person:amani": Entity("person:amani", "Amani Otieno " + EVIL + " href", "Person", aliases={EVIL}),
            "person:dewi": Entity("person:dewi", "Dewi Lestari", "Person", aliases={"Dewi Lestari"})}
    results = []
    for a in arts:
        m = [Mention(0, 1, 2, "Amani Otieno", 0, 12, "Person", "person:amani"),
             Mention(0, 4, 5, "Dewi Lestari", 21, 33, "Person", "person:dewi")]
        f = Fact(a.id, "meets", "person:amani", "person:dewi", 0, text, 0, len(text), date=dt.date(2024, 5, 2),
                 role=EVIL, confidence=0.9)
        results.append(ArticleResult(a, [], m, [f]))
    return Extraction(results, ents)


def test_hostile_article_text_and_names_stay_text(browser, tmp_path):
    from diplograf.graph.view import write_html

    path = tmp_path / "graph.html"
    write_html(_hostile(), path, title=EVIL)
    view = Page(browser, path)
    page = view.page
    amani = page.evaluate("() => nodes.getIds().find(id => id === 'person:amani')")
    view.click_node(amani)
    page.wait_for_function("() => document.querySelectorAll('#dg-panel .dg-fact').length === 2")
    text = page.locator("#dg-panel").inner_text()
    assert EVIL in text  # shown as it is, as text
    assert page.locator("#dg-title").inner_text() == EVIL
    links = page.locator("#dg-panel a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert links == ["https://example.org/kenya-peru"]  # the javascript: URL is not a link
    page.locator("#dg-search").fill("Dewi")
    page.locator("#dg-search").press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("#dg-panel img, #dg-bar img").count() == 0
    assert view.dialogs == [] and view.errors == []
    page.close()
