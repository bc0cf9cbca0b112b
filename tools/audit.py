"""A precision audit anyone can repeat: facts drawn at random from real articles, to judge by hand.

    python tools/audit.py [--shared ../shared] [--articles 300] [--facts 100] [--seed 17] [--out out/audit]
                          [--min-confidence C]

Builds a fixed random sample of ``corpus/indosum/articles.jsonl`` (the development articles of
``dev.jsonl`` left out), draws facts at random with a fixed seed, and writes ``OUT/sample.tsv`` (each
fact with its evidence sentence, to judge) and ``OUT/sample.md``. Verdicts live in
``docs/audit-verdicts.tsv`` (article, offsets, fact, verdict, note: no article text, which stays in
../shared); where a drawn fact already has a verdict it is filled in, and the precision of the judged
facts is printed. Stanza's analysis is cached in ``.cache/analysis`` as for ``tools/devscore.py``.
Development tooling: not installed with the package.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devscore  # noqa: E402

REPO = devscore.REPO
VERDICTS = REPO / "docs" / "audit-verdicts.tsv"
KEY = ("article", "start", "predicate", "subject", "object", "role")
COLUMNS = ("n", *KEY, "date", "confidence", "verdict", "note")


def sample_articles(shared: Path, n: int, seed: int):
    from diplograf.extract.articles import read_articles

    corpus = shared / "corpus" / "indosum"
    dev = {json.loads(line)["id"] for line in (corpus / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line}
    articles = [a for a in read_articles([corpus / "articles.jsonl"]) if a.id not in dev]
    return sorted(random.Random(seed).sample(articles, min(n, len(articles))), key=lambda a: a.id)


def key(row: dict) -> tuple[str, ...]:
    return tuple(str(row.get(k) or "") for k in KEY)


def read_verdicts() -> dict[tuple[str, ...], dict]:
    if not VERDICTS.exists():
        return {}
    with VERDICTS.open(encoding="utf-8") as handle:
        return {key(row): row for row in csv.DictReader(handle, delimiter="\t")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--facts", type=int, default=100)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--out", type=Path, default=REPO / "out" / "audit")
    ap.add_argument("--min-confidence", type=float, default=None,
                    help="draw from the facts at or above this confidence (default: what `build` keeps)")
    args = ap.parse_args()
    from diplograf.extract.calibration import DEFAULT_MIN_CONFIDENCE
    from diplograf.extract.pipeline import run
    from diplograf.graph.outputs import fact_rows

    articles = sample_articles(args.shared, args.articles, args.seed)
    extraction = run(articles, devscore.analysed(articles, REPO / ".cache" / "analysis"))
    threshold = DEFAULT_MIN_CONFIDENCE if args.min_confidence is None else args.min_confidence
    rows = fact_rows(extraction.keep(threshold))
    drawn = sorted(random.Random(args.seed).sample(rows, min(args.facts, len(rows))),
                   key=lambda r: (r["article"], r["start"], r["predicate"]))
    verdicts = read_verdicts()
    args.out.mkdir(parents=True, exist_ok=True)
    judged = correct = 0
    with (args.out / "sample.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow([*COLUMNS, "evidence"])
        for n, row in enumerate(drawn, 1):
            v = verdicts.get(key(row), {})
            verdict = v.get("verdict", "")
            judged += verdict in ("yes", "no")
            correct += verdict == "yes"
            writer.writerow([n, *(row.get(k) or "" for k in KEY), row["date"] or "", row["confidence"],
                             verdict, v.get("note", ""), row["evidence"]])
    with (args.out / "sample.md").open("w", encoding="utf-8") as handle:
        handle.write("| n | article | relation | subject | object | role | verdict | evidence |\n"
                     "|---|---|---|---|---|---|---|---|\n")
        for n, row in enumerate(drawn, 1):
            v = verdicts.get(key(row), {}).get("verdict", "")
            ev = row["evidence"].replace("|", "/")
            handle.write(f"| {n} | {row['article'][:24]} | {row['predicate']} | {row['subject']} | {row['object']} | "
                         f"{row['role'] or ''} | {v} | {ev} |\n")
    print(f"{len(articles)} articles, {len(rows)} facts; {len(drawn)} drawn -> {args.out / 'sample.tsv'}")
    if judged:
        print(f"judged {judged}/{len(drawn)}: {correct} correct, precision {correct / judged:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
