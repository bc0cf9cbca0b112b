"""``make seeds-report``: build the seed articles of ../shared and write their scores as Markdown.

    python -m diplograf.graph.seeds_report [--shared ../shared] [--out docs/seeds.md]

Runs ``diplograf build`` on ``shared/corpus/seeds`` and ``shared/eval/score.py`` on the result, and
writes a per-relation P/R/F1 table with the totals (development data: never a target to hard-code).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .cli import main as cli_main
from .outputs import atomic_write

REPO = Path(__file__).resolve().parents[1]


def score(shared: Path, out: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / "gold-seeds"),
         str(out / "facts.jsonl"), "--entities", str(out / "entities.jsonl"), "--json"],
        capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def render(rep: dict) -> str:
    lines = ["# Scores on the seed articles", "",
             "Regenerate with `make seeds-report` (builds `../shared/corpus/seeds`, scores with "
             "`../shared/eval/score.py`). The seeds are development data: rules must not name their people "
             "or places.", "",
             "| relation | precision | recall | F1 | true pos. | predicted | gold |", "|---|---|---|---|---|---|---|"]
    for rel, v in rep["per_relation"].items():
        lines.append(f"| {rel} | {v['precision']:.2f} | {v['recall']:.2f} | {v['f1']:.2f} | {v['tp']} | "
                     f"{v['pred']} | {v['gold']} |")
    f, e = rep["facts"], rep["entities"]
    lines.append(f"| **all facts** | **{f['precision']:.3f}** | **{f['recall']:.3f}** | **{f['f1']:.3f}** | "
                 f"{f['tp']} | {f['pred']} | {f['gold']} |")
    lines += ["", f"Entities: P {e['precision']:.3f}, R {e['recall']:.3f}, F1 {e['f1']:.3f}, "
              f"type accuracy {e['type_accuracy']}.", "", "Attributes of matched facts:", ""]
    for name, a in sorted(rep["attributes"].items()):
        lines.append(f"- {name}: {a['correct']}/{a['judged']} correct ({a['accuracy']})")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m diplograf.graph.seeds_report", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "seeds.md")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus" / "seeds").is_dir():
        parser.error(f"no seed articles under {args.shared} (pass --shared DIR)")
    with tempfile.TemporaryDirectory() as tmp:
        if cli_main(["build", str(args.shared / "corpus" / "seeds"), "--out", tmp, "--quiet"]) != 0:
            return 1
        rep = score(args.shared, Path(tmp))
    with atomic_write(args.out) as handle:
        handle.write(render(rep))
    f = rep["facts"]
    print(f"facts P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f}; table in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
