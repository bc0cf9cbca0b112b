"""Fit the confidence model of ``extract/calibration.py`` on the two development sets.

    python tools/calibrate.py [--shared ../shared] [--write] [--report docs/calibration.md]

Runs extraction with raw rule confidences over the seeds and indosum-dev (Stanza's analysis cached as in
``tools/devscore.py``), labels each fact right or wrong with the scorer's own matching, and fits an
L2-regularised logistic regression (numpy, Newton steps). It prints, for held-out articles (5 folds by
article), how often facts in each confidence band were right, under the raw and the calibrated
confidence. ``--write`` stores the weights fitted on all facts in ``extract/data/calibration.tsv``.
Development tooling: not installed with the package.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import devscore  # noqa: E402

L2 = 1.0
FOLDS = 5
BANDS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)


def labelled(shared: Path) -> list[tuple[str, dict[str, float], float, int]]:
    """(article, features, raw confidence, right) for every fact of both development sets."""
    from diplograf.extract import calibration
    from diplograf.extract.articles import read_articles
    from diplograf.extract.pipeline import DEFAULT_COMPONENTS, run

    sys.path.insert(0, str(shared / "eval"))
    import score

    out = []
    for name, (corpus, gold_dir) in devscore.SETS.items():
        gold = score.load_gold(shared / gold_dir)
        articles = read_articles([shared / corpus])
        sentences = devscore.analysed(articles, REPO / ".cache" / "analysis")
        raw = run(articles, sentences, [c for c in DEFAULT_COMPONENTS if c != "calibrate"])
        ents = raw.entities
        for res in raw.articles:
            art = gold.get(score.article_key(res.article.id))
            if art is None:
                continue
            for f in res.facts:
                row = {"subject": ents[f.subject].name, "subject_wikidata": ents[f.subject].wikidata,
                       "object": ents[f.object].name, "object_wikidata": ents[f.object].wikidata,
                       "predicate": f.predicate}
                right = any(g["p"] == f.predicate and score.same_fact(art, g, row) for g in art.facts)
                out.append((f"{name}/{res.article.id}", calibration.features(f, f.confidence, ents),
                            f.confidence, int(right)))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Logistic regression weights (the bias, column 0, is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fold_of(article: str) -> int:
    return int(hashlib.sha256(article.encode()).hexdigest(), 16) % FOLDS


def bands(conf: np.ndarray, y: np.ndarray) -> list[str]:
    lines = []
    for lo, hi in zip(BANDS, BANDS[1:]):
        sel = (conf >= lo) & (conf < hi)
        if sel.any():
            lines.append(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {int(sel.sum())} | {conf[sel].mean():.2f} | "
                         f"{y[sel].mean():.2f} |")
        else:
            lines.append(f"| {lo:.1f}–{min(hi, 1.0):.1f} | 0 | – | – |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--write", action="store_true", help="store the weights in extract/data/calibration.tsv")
    ap.add_argument("--report", type=Path, help="write the held-out reliability tables here (markdown)")
    args = ap.parse_args()

    data = labelled(args.shared)
    names = sorted({k for _, feats, _, _ in data for k in feats} - {"bias"})
    names = ["bias", *names]
    x = np.array([[feats.get(n, 0.0) for n in names] for _, feats, _, _ in data])
    y = np.array([right for *_, right in data], dtype=float)
    raw = np.array([r for _, _, r, _ in data])
    folds = np.array([fold_of(a) for a, *_ in data])

    held = np.zeros(len(y))
    for k in range(FOLDS):
        train = folds != k
        w = fit(x[train], y[train])
        held[~train] = 1 / (1 + np.exp(-x[~train] @ w))
    brier_raw = float(np.mean((raw - y) ** 2))
    brier_cal = float(np.mean((held - y) ** 2))
    lines = [
        f"{len(y)} facts from {len({a for a, *_ in data})} articles of the two development sets, "
        f"{int(y.sum())} right by the gold ({y.mean():.2f}). Held out: each article's facts scored by a model "
        f"fitted on the other folds ({FOLDS} folds by article).",
        "",
        f"Brier score (lower is better): raw rule confidence {brier_raw:.3f}, calibrated {brier_cal:.3f}.",
        "",
        "Raw rule confidence:",
        "",
        "| band | facts | mean confidence | right |", "|---|---|---|---|", *bands(raw, y),
        "",
        "Calibrated (held out):",
        "",
        "| band | facts | mean confidence | right |", "|---|---|---|---|", *bands(held, y),
    ]
    print("\n".join(lines))
    if args.report:
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.write:
        w = fit(x, y)
        body = "".join(f"{n}\t{v:.4f}\n" for n, v in sorted(zip(names, w)))
        path = REPO / "extract" / "data" / "calibration.tsv"
        tmp = path.with_suffix(".tmp")
        tmp.write_text("# Weights of the confidence model (extract/calibration.py), fitted by tools/calibrate.py "
                       "on both development sets.\n# feature\tweight\n" + body, encoding="utf-8")
        tmp.replace(path)
        print(f"wrote {path.relative_to(REPO)} ({len(names)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
