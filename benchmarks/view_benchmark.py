"""The network view's size and load time in headless Chromium, at the examples' scale and at 300 articles.

    python benchmarks/view_benchmark.py [--shared ../shared] [--articles 300] [--runs 3]
                                        [--synthetic ENTITIES FACTS] [--screenshot PNG] [--panel-screenshot PNG]

Renders graph.html for the bundled examples, and for the 300-article sample of ``make audit``
(``tools/audit.py``: the same seed, the development articles left out; the analysis comes from the
``.cache/`` that the audit fills) at the default minimum confidence and at 0, and for a made-up graph
of thousands of entities (the scale that better recall will bring); then opens each page in Debian's
Chromium (Playwright, headless) and times it from navigation until the page is interactive
(``window.diplografReady``: set by the view after vis-network's first draw). Prints entities, facts,
drawn edges, the HTML's size, the time to render it in Python and the median load time. Without
../shared it measures the examples and the made-up graph. A benchmark prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1600, "height": 1000}


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def examples():
    """The bundled examples' extraction, through the library (the analysis cache makes it quick)."""
    from diplograf.graph.api import build

    return build([REPO / "examples"]).extraction


def sample(shared: Path, n: int):
    """The articles of ``make audit`` and their extraction (all facts: ``keep`` picks a threshold)."""
    import audit
    import devscore

    from diplograf.extract.pipeline import run

    articles = audit.sample_articles(shared, n, 17)
    return run(articles, devscore.analysed(articles, REPO / ".cache" / "analysis"))


def synthetic(entities: int, facts: int, seed: int = 17):
    """A made-up graph of the size extraction recall will bring (thousands of nodes): entities "Entity
    0001"…, facts between them drawn with a preference for busy entities, like real news."""
    import datetime as dt
    import random

    from diplograf.extract.records import ENTITY_TYPES, RELATIONS, Article, ArticleResult, Entity, Extraction, Fact

    rng = random.Random(seed)
    ents = {f"e:{i:05d}": Entity(f"e:{i:05d}", f"Entity {i:05d}", rng.choice(ENTITY_TYPES)) for i in range(entities)}
    keys = sorted(ents)
    weights = [1 / (i + 1) ** 0.8 for i in range(entities)]
    results = []
    per_article = 10
    for a in range(facts // per_article):
        art = Article(id=f"synthetic-{a:05d}", text="", url=f"https://example.org/{a}")
        rows = []
        for _ in range(per_article):
            s, o = rng.choices(keys, weights)[0], rng.choice(keys)
            if s == o:
                continue
            text = f"{ents[s].name} and {ents[o].name} did something together."
            day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(900))
            rows.append(Fact(art.id, rng.choice(RELATIONS), s, o, 0, text, 0, len(text), date=day,
                             confidence=round(rng.uniform(0.3, 1), 3)))
        results.append(ArticleResult(art, [], [], rows))
    return Extraction(results, ents)


def load_time(page, path: Path) -> float:
    """Seconds from navigation until the view says it is ready (drawn, filters and panel wired)."""
    page.goto(path.as_uri())
    page.wait_for_function("() => window.diplografReady === true", timeout=60_000)
    return page.evaluate("() => window.diplografReadyAt") / 1000


def click_busiest(page) -> None:
    """Click the entity with the most facts, so that the side panel shows them (for the screenshot)."""
    busiest = page.evaluate("() => nodes.get().sort((a, b) => b.value - a.value)[0].id")
    dom = page.evaluate("(id) => network.canvasToDOM(network.getPositions([id])[id])", busiest)
    box = page.locator("#mynetwork canvas").bounding_box()
    page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])
    page.wait_for_timeout(300)


def measure(extraction, name: str, out: Path, runs: int, screenshot: Path | None = None, click: bool = False) -> dict:
    from playwright.sync_api import sync_playwright

    from diplograf.graph.view import render_html

    t = time.perf_counter()
    html = render_html(extraction, title=f"diplograf — {name}")
    render_s = time.perf_counter() - t
    path = out / f"{name.replace(' ', '-')}.html"
    path.write_text(html, encoding="utf-8")
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), headless=True, args=FLAGS)
        for _ in range(runs):
            page = browser.new_page(viewport=VIEWPORT)
            times.append(load_time(page, path))
            counts = page.evaluate("() => ({nodes: nodes.length, edges: edges.length, shown: diplograf.shown()})")
            if screenshot is not None:
                if click:
                    click_busiest(page)
                else:
                    page.wait_for_timeout(300)
                page.screenshot(path=str(screenshot))
                screenshot = None
            page.close()
        browser.close()
    return {"name": name, "entities": counts["nodes"], "facts": counts["shown"]["facts"], "edges": counts["edges"],
            "kb": len(html.encode()) / 1024, "render_s": render_s, "load_s": statistics.median(times)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3, help="page loads per graph; the median is printed")
    ap.add_argument("--synthetic", type=int, nargs=2, default=(3000, 6000), metavar=("ENTITIES", "FACTS"),
                    help="also a made-up graph of this size (0 0: none)")
    ap.add_argument("--screenshot", type=Path, default=None,
                    help="save a screenshot of the view of the sample (default confidence) to this PNG")
    ap.add_argument("--panel-screenshot", type=Path, default=None,
                    help="save a screenshot of the examples' view, its busiest entity selected, to this PNG")
    args = ap.parse_args()
    if chromium() is None:
        print("chromium is not installed (make browser installs it as root): nothing to measure", file=sys.stderr)
        return 1
    from diplograf.extract.calibration import DEFAULT_MIN_CONFIDENCE

    graphs = [("examples", examples(), args.panel_screenshot, True)]
    if (args.shared / "corpus" / "indosum" / "articles.jsonl").exists():
        extraction = sample(args.shared, args.articles)
        graphs += [(f"{args.articles} articles", extraction.keep(DEFAULT_MIN_CONFIDENCE), args.screenshot, False),
                   (f"{args.articles} articles, min confidence 0", extraction, None, False)]
    else:
        print(f"{args.shared} is absent: no real sample, the bundled examples only", file=sys.stderr)
    if args.synthetic[1]:
        graphs.append((f"synthetic {args.synthetic[0]} entities", synthetic(*args.synthetic), None, False))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, extraction, shot, click in graphs:
            rows.append(measure(extraction, name, Path(tmp), args.runs, shot, click))
    print(f"Chromium headless, viewport {VIEWPORT['width']}x{VIEWPORT['height']}, median of {args.runs} loads\n")
    print("| graph | entities | facts | drawn edges | HTML | render (Python) | load until interactive |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['name']} | {r['entities']} | {r['facts']} | {r['edges']} | {r['kb']:.0f} KiB | "
              f"{r['render_s']:.2f} s | {r['load_s']:.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
