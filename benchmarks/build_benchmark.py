"""Build speed: words/s, time per stage, the cached rebuild, peak memory.

    python benchmarks/build_benchmark.py [--articles 60] [--shared ../shared] [--threads N]

Takes a fixed sample (seed 17) of ``../shared/corpus/indosum/articles.jsonl`` (the bundled examples
where ../shared is absent), builds it cold into a fresh cache (model loading, Stanza, diplograf's
extraction, graph and outputs timed apart), then again from the cache, and prints the figures. Peak RSS
is the process's high-water mark (``ru_maxrss``). A benchmark prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def sample(shared: Path, n: int):
    from diplograf.extract.articles import read_articles

    corpus = shared / "corpus" / "indosum" / "articles.jsonl"
    if not corpus.exists():
        print(f"{corpus} is absent: using the bundled examples", file=sys.stderr)
        return read_articles([REPO / "examples"])
    articles = read_articles([corpus])
    return sorted(random.Random(17).sample(articles, min(n, len(articles))), key=lambda a: a.id)


def build(articles, cache, out: Path, threads: int) -> dict[str, float]:
    """One build through the library, each stage timed."""
    import torch

    from diplograf.extract.cache import analyse_cached
    from diplograf.extract.models import load_pipeline
    from diplograf.extract.nlp import analyse
    from diplograf.extract.pipeline import run
    from diplograf.graph.build import build_graphs
    from diplograf.graph.formats import write_formats
    from diplograf.graph.outputs import entity_rows, fact_rows, write_jsonl
    from diplograf.graph.view import write_html

    torch.set_num_threads(threads)
    times = {"models": 0.0}
    loaded = []

    def stanza_on(todo):
        if not loaded:
            t = time.perf_counter()
            loaded.append(load_pipeline())
            times["models"] = time.perf_counter() - t
        return analyse(loaded[0], todo)

    t = time.perf_counter()
    sentences, _ = analyse_cached(articles, cache, stanza_on)
    times["stanza"] = time.perf_counter() - t - times["models"]
    t = time.perf_counter()
    extraction = run(articles, sentences)
    times["extraction"] = time.perf_counter() - t
    t = time.perf_counter()
    graphs = build_graphs(extraction)
    write_formats(graphs, out, ["ttl", "trig"])
    write_jsonl(fact_rows(extraction), out / "facts.jsonl")
    write_jsonl(entity_rows(extraction), out / "entities.jsonl")
    times["graph and outputs"] = time.perf_counter() - t
    t = time.perf_counter()
    write_html(extraction, out / "graph.html")
    times["view"] = time.perf_counter() - t
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--threads", type=int, default=None, help="default: what build uses")
    args = ap.parse_args()
    from diplograf.graph.api import default_threads

    args.threads = args.threads or default_threads()
    from diplograf.extract.cache import AnalysisCache, models_tag
    from diplograf.extract.models import BUNDLED_DIR

    articles = sample(args.shared, args.articles)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words, {args.threads} thread(s), {os.cpu_count()} core(s)")
    with tempfile.TemporaryDirectory() as tmp:
        cache = AnalysisCache(Path(tmp) / "cache", models_tag(BUNDLED_DIR))
        runs = {}
        for name in ("cold", "cached"):
            out = Path(tmp) / name
            t = time.perf_counter()
            stages = build(articles, cache, out, args.threads)
            total = time.perf_counter() - t
            runs[name] = total
            parts = ", ".join(f"{k} {v:.1f} s ({v / total:.0%})" for k, v in stages.items())
            print(f"{name:7s} {total:7.1f} s  {words / total:8.0f} words/s  {len(articles) / total:6.2f} articles/s")
            print(f"        {parts}")
    print(f"cached rebuild {runs['cold'] / runs['cached']:.0f}x faster than cold")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
