"""graph.html in a real headless Chromium: it draws every node and fetches nothing from the network."""

from __future__ import annotations

import shutil

import pytest

from conftest import read_jsonl

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it as root)")
def test_html_view_is_self_contained(examples_build):
    from playwright.sync_api import sync_playwright

    facts = read_jsonl(examples_build / "facts.jsonl")
    nodes = {f["subject"] for f in facts} | {f["object"] for f in facts}
    html = examples_build / "graph.html"
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(html.as_uri())
        page.wait_for_function("() => typeof network !== 'undefined' && network.body !== undefined")
        count = page.evaluate("() => network.body.data.nodes.length")
        labels = set(page.evaluate("() => network.body.data.nodes.get().map(n => n.label)"))
        edge_titles = page.evaluate("() => network.body.data.edges.get().map(e => e.title)")
        canvas = page.locator("canvas").count()
        browser.close()
    assert errors == []
    assert count == len(nodes) and labels == nodes
    assert canvas >= 1
    assert [u for u in requests if not u.startswith("file://")] == []
    assert any("Fumio Kishida" in t and "source: 02_" in t for t in edge_titles)
