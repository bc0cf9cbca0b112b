"""Development scores: extraction on both development sets of ../shared, in seconds.

    python tools/devscore.py [--shared ../shared] [--set seeds|dev|all] [--verbose] [--out DIR] [--min-confidence C]

Stanza's analysis of each article is cached in ``.cache/analysis/`` (``build --cache``'s cache, keyed by
the article's text and the models), so that a change to the rules re-runs only extraction. Writes facts.jsonl and
entities.jsonl per set under ``--out`` (default ``.cache/devscore``) and prints the scorer's report.
Development tooling: not installed with the package.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = {"seeds": ("corpus/seeds", "eval/gold-seeds"),
        "dev": ("corpus/indosum/dev.jsonl", "eval/gold-indosum-dev")}


def analysed(articles, cache: Path):
    """Stanza's sentences for each article, from the analysis cache of ``build --cache`` kept in
    ``cache``'s parent folder (``.cache/``), analysing only the articles it lacks."""
    from diplograf.extract.cache import AnalysisCache, analyse_cached, models_tag
    from diplograf.extract.models import BUNDLED_DIR, load_pipeline
    from diplograf.extract.nlp import analyse

    store = AnalysisCache(cache.parent, models_tag(BUNDLED_DIR))
    loaded = []

    def stanza_on(todo):
        if not loaded:
            print(f"analysing {len(todo)} article(s) with Stanza", file=sys.stderr)
            loaded.append(load_pipeline())
        return analyse(loaded[0], todo)

    return analyse_cached(articles, store, stanza_on)[0]


def run_set(name: str, shared: Path, out: Path, verbose: bool, min_confidence: float) -> None:
    from diplograf.extract.articles import read_articles
    from diplograf.extract.pipeline import run
    from diplograf.graph.outputs import entity_rows, fact_rows, write_jsonl

    corpus, gold = SETS[name]
    articles = read_articles([shared / corpus])
    extraction = run(articles, analysed(articles, REPO / ".cache" / "analysis")).keep(min_confidence)
    (out / name).mkdir(parents=True, exist_ok=True)
    write_jsonl(fact_rows(extraction), out / name / "facts.jsonl")
    write_jsonl(entity_rows(extraction), out / name / "entities.jsonl")
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(shared / gold), str(out / name / "facts.jsonl"),
           "--entities", str(out / name / "entities.jsonl")] + (["--verbose"] if verbose else [])
    print(f"== {name}")
    print(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", choices=[*SETS, "all"], default="all")
    ap.add_argument("--out", type=Path, default=REPO / ".cache" / "devscore")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--min-confidence", type=float, default=None,
                    help="keep facts at or above this confidence (default: what `build` keeps)")
    args = ap.parse_args()
    if args.min_confidence is None:
        from diplograf.extract.calibration import DEFAULT_MIN_CONFIDENCE

        args.min_confidence = DEFAULT_MIN_CONFIDENCE
    for name in (SETS if args.set == "all" else [args.set]):
        run_set(name, args.shared, args.out, args.verbose, args.min_confidence)
    return 0


if __name__ == "__main__":
    sys.exit(main())
