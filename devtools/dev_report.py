"""``make scores``: build both development sets of ../shared and write their scores as Markdown.

    python -m devtools.dev_report [--shared ../shared] [--out docs/scores.md]

Runs ``diplograf build`` on the seed articles (``corpus/seeds``) and on the 36 real news articles of
``corpus/indosum/dev.jsonl``, scores each with ``eval/score.py``, and writes per-relation P/R/F1 side
by side, entity scores, attribute accuracy and precision/recall at several confidence thresholds.
Development data: a measure, never a target to hard-code.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from diplograf.extract.calibration import DEFAULT_MIN_CONFIDENCE
from diplograf.graph.cli import main as cli_main
from diplograf.graph.outputs import atomic_write

REPO = Path(__file__).resolve().parents[1]
#: name -> (input under shared/, gold folder under shared/eval/, title)
SETS = {"seeds": ("corpus/seeds", "gold-seeds", "seeds (5 articles, 2022–2025)"),
        "indosum-dev": ("corpus/indosum/dev.jsonl", "gold-indosum-dev", "real news (36 indosum articles, 2016–2018)")}
THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def score(shared: Path, out: Path, gold: str = "gold-seeds", facts: Path | None = None) -> dict:
    """The scorer's JSON report for the build in ``out`` (or another facts file)."""
    proc = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / gold),
         str(facts or out / "facts.jsonl"), "--entities", str(out / "entities.jsonl"), "--json"],
        capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def at_thresholds(shared: Path, out: Path, gold: str) -> dict[float, dict]:
    """Facts P/R/F1 keeping only the facts at or above each confidence threshold."""
    rows = [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines() if line]
    report = {}
    for t in THRESHOLDS:
        kept = out / f"facts-{t}.jsonl"
        kept.write_text("".join(json.dumps(r) + "\n" for r in rows if r["confidence"] >= t), encoding="utf-8")
        report[t] = score(shared, out, gold, kept)["facts"]
    return report


def build(shared: Path, name: str, out: Path) -> None:
    if cli_main(["build", str(shared / SETS[name][0]), "--out", str(out), "--quiet", "--min-confidence", "0"]) != 0:
        raise SystemExit(f"diplograf build failed on {shared / SETS[name][0]}")


def render(reports: dict[str, dict], thresholds: dict[str, dict[float, dict]] | None = None) -> str:
    names = list(reports)
    lines = ["# Scores on the development sets", "",
             "Regenerate with `make scores` (builds both sets of `../shared`, scores them with "
             "`../shared/eval/score.py`). Development data: rules must not name their people, places or "
             "articles; the project is also scored on real articles that are in no folder here.", "",
             f"Facts as `build` keeps them by default (confidence at least {DEFAULT_MIN_CONFIDENCE}); "
             "the last table gives other thresholds.", ""]
    lines += [f"- **{n}**: {SETS[n][2]}" for n in names if n in SETS] + [""]
    head = "| relation | " + " | ".join(f"{n} P | {n} R | {n} F1 | {n} tp/pred/gold" for n in names) + " |"
    lines += [head, "|---|" + "---|---|---|---|" * len(names)]
    relations = sorted({r for rep in reports.values() for r in rep["per_relation"]})
    for rel in relations:
        cells = []
        for n in names:
            v = reports[n]["per_relation"].get(rel)
            cells.append(f"{v['precision']:.2f} | {v['recall']:.2f} | {v['f1']:.2f} | {v['tp']}/{v['pred']}/{v['gold']}"
                         if v else "– | – | – | –")
        lines.append(f"| {rel} | " + " | ".join(cells) + " |")
    cells = []
    for n in names:
        f = reports[n]["facts"]
        cells.append(f"**{f['precision']:.3f}** | **{f['recall']:.3f}** | **{f['f1']:.3f}** | "
                     f"{f['tp']}/{f['pred']}/{f['gold']}")
    lines += ["| **all facts** | " + " | ".join(cells) + " |", "", "Entities:", ""]
    for n in names:
        e = reports[n]["entities"]
        lines.append(f"- {n}: P {e['precision']:.3f}, R {e['recall']:.3f}, F1 {e['f1']:.3f}, "
                     f"type accuracy {e['type_accuracy']}")
    lines += ["", "Attributes of matched facts:", ""]
    for n in names:
        attrs = ", ".join(f"{k} {a['correct']}/{a['judged']} ({a['accuracy']})"
                          for k, a in sorted(reports[n]["attributes"].items()))
        lines.append(f"- {n}: {attrs}")
    if thresholds:
        lines += ["", "Facts kept at or above a confidence threshold (`build --min-confidence`):", "",
                  "| threshold | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " |",
                  "|---|" + "---|---|---|" * len(names)]
        for t in THRESHOLDS:
            cells = [f"{thresholds[n][t]['precision']:.3f} | {thresholds[n][t]['recall']:.3f} | "
                     f"{thresholds[n][t]['f1']:.3f}" for n in names]
            lines.append(f"| {t} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.dev_report", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "scores.md")
    args = parser.parse_args(argv)
    missing = [SETS[n][0] for n in SETS if not (args.shared / SETS[n][0]).exists()]
    if missing:
        parser.error(f"no development sets under {args.shared} ({', '.join(missing)} missing; pass --shared DIR)")
    reports, thresholds = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (_, gold, _) in SETS.items():
            out = Path(tmp) / name
            build(args.shared, name, out)
            thresholds[name] = at_thresholds(args.shared, out, gold)
            # the main table: what `build` keeps by default
            reports[name] = score(args.shared, out, gold, out / f"facts-{DEFAULT_MIN_CONFIDENCE}.jsonl")
    with atomic_write(args.out) as handle:
        handle.write(render(reports, thresholds))
    for name, rep in reports.items():
        f, e = rep["facts"], rep["entities"]
        print(f"{name}: facts P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f}; "
              f"entities F1={e['f1']:.3f} type accuracy {e['type_accuracy']}")
    print(f"table in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
