"""``make evaluate-models``: test scores of the bundled models with Stanza's own scorers.

UD: end to end from raw text (tokens, sentences, words, UPOS, UFeats, lemmas, UAS, LAS F1 by the
CoNLL 2018 scorer) on GSD test and CSUI test. NER: entity F1 per type on each NER test set, on
the gold tokens, counting only the types each set annotates. Usage::

    python -m devtools.evaluate [--shared ../shared] [--stanza-dir DIR] [--json FILE] [--tag-oracle]

``--tag-oracle`` adds what the tagger's errors cost the parser (``tag_oracle.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from diplograf.extract.models import BUNDLED_DIR, ModelSpec, load_pipeline

from . import tag_oracle
from .training import data

#: Stanza's published end-to-end scores for Indonesian (its performance page), for comparison.
STANZA_PUBLISHED = {
    "GSD": {"Tokens": 99.88, "Sentences": 93.04, "Words": 99.64, "UPOS": 94.16, "UFeats": 95.58,
            "Lemmas": 98.28, "UAS": 87.05, "LAS": 80.83},
    "CSUI": {"Tokens": 99.65, "Sentences": 90.76, "UPOS": 95.90, "Lemmas": 96.36, "UAS": 83.22, "LAS": 78.55},
}
UD_METRICS = ("Tokens", "Sentences", "Words", "UPOS", "UFeats", "Lemmas", "UAS", "LAS")
UD_TESTS = {"GSD": "gsd_test", "CSUI": "csui_test"}


def raw_text(conllu: Path) -> str:
    """The treebank's sentences as running text (sentences joined by a space, as in a paragraph)."""
    texts = []
    for block in data.read_conllu(conllu):
        for line in block:
            if line.startswith("# text =") or line.startswith("# text="):
                texts.append(line.split("=", 1)[1].strip())
                break
    return " ".join(texts)


def evaluate_ud(pipeline, gold: Path) -> dict[str, float]:
    from stanza.models.common.utils import ud_scores  # the CoNLL 2018 shared task scorer
    doc = pipeline(raw_text(gold))
    with tempfile.NamedTemporaryFile("w", suffix=".conllu", delete=False, encoding="utf-8") as tmp:
        tmp.write(f"{doc:C}" + "\n\n")
    try:
        scores = ud_scores(str(gold), tmp.name)
    finally:
        Path(tmp.name).unlink()
    return {m: round(100 * scores[m].f1, 2) for m in UD_METRICS}


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans of a BIO/BIOES tag sequence."""
    out, start, label = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if start is not None and (prefix in ("O", "B", "S") or lab != label):
            out.add((start, i - 1, label))
            start = None
        if prefix in ("B", "S") or (prefix in ("I", "E") and start is None):
            start, label = i, lab
        if prefix in ("E", "S") and start is not None:
            out.add((start, i, label))
            start = None
    return out


def evaluate_ner(pipeline, test_json: Path) -> dict[str, dict[str, float]]:
    sents = json.loads(test_json.read_text(encoding="utf-8"))
    doc = pipeline([[t["text"] for t in s] for s in sents])
    annotated = {t["ner"].split("-", 1)[1] for s in sents for t in s if t["ner"] != "O"}
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold_s, sys_s in zip(sents, doc.sentences):
        gold = spans([t["ner"] for t in gold_s])
        # a set that never annotates a type (EVENT in NERGrit) cannot judge predictions of it
        pred = {s for s in spans([t.ner for t in sys_s.tokens]) if s[2] in annotated}
        for s in pred:
            (tp if s in gold else fp)[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
    out = {}
    for label in sorted(set(tp) | set(fp) | set(fn)) + ["ALL"]:
        t = sum(tp.values()) if label == "ALL" else tp[label]
        p_ = sum(fp.values()) if label == "ALL" else fp[label]
        n = sum(fn.values()) if label == "ALL" else fn[label]
        prec = t / (t + p_) if t + p_ else 0.0
        rec = t / (t + n) if t + n else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = {"P": round(100 * prec, 2), "R": round(100 * rec, 2), "F1": round(100 * f1, 2), "n": t + n}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.evaluate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--stanza-dir", type=Path, default=BUNDLED_DIR)
    parser.add_argument("--json", type=Path, help="also write the scores here")
    parser.add_argument("--skip-ud", action="store_true")
    parser.add_argument("--skip-ner", action="store_true")
    parser.add_argument("--tag-oracle", action="store_true",
                        help="LAS on the gold words behind our tags, gold tags, and each confusion put right")
    parser.add_argument("--int8", action="store_true",
                        help="score the models after int8 dynamic quantisation (models.quantize)")
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        parser.error(f"no test data at {args.shared / 'data'} (pass --shared DIR)")
    spec = ModelSpec(folder=args.stanza_dir, int8=args.int8)
    results: dict = {"ud": {}, "ner": {}}
    if not args.skip_ud:
        pipe = load_pipeline(spec, ("tokenize", "mwt", "pos", "lemma", "depparse"))
        src = data.ud_sources(args.shared)
        print(f"{'UD test (end to end)':22s} " + " ".join(f"{m:>9s}" for m in UD_METRICS))
        for name, key in UD_TESTS.items():
            t0 = time.time()
            scores = evaluate_ud(pipe, src[key])
            results["ud"][name] = scores
            print(f"{name + ' diplograf':22s} " + " ".join(f"{scores[m]:9.2f}" for m in UD_METRICS)
                  + f"   ({time.time() - t0:.0f} s)")
            pub = STANZA_PUBLISHED[name]
            print(f"{name + ' Stanza published':22s} " + " ".join(
                f"{pub[m]:9.2f}" if m in pub else f"{'-':>9s}" for m in UD_METRICS))
    if args.tag_oracle:
        pipe = load_pipeline(spec, ("tokenize", "pos", "lemma", "depparse"), tokenize_pretokenized=True,
                             depparse_pretagged=True)
        src = data.ud_sources(args.shared)
        for name, key in UD_TESTS.items():
            result = tag_oracle.run(pipe, src[key])
            results.setdefault("tag_oracle", {})[name] = {"upos": result.upos, "las": result.las}
            print(tag_oracle.report(name, result))
    if not args.skip_ner:
        pipe = load_pipeline(spec, ("tokenize", "ner"), tokenize_pretokenized=True)
        with tempfile.TemporaryDirectory() as tmp:
            counts = data.build_ner(args.shared, Path(tmp))
            for name in data.NER_SETS:
                scores = evaluate_ner(pipe, Path(tmp) / "ner" / f"id_{name}.test.json")
                results["ner"][name] = scores
                per = "  ".join(f"{lab} {s['F1']:.2f}" for lab, s in scores.items() if lab != "ALL")
                print(f"NER {name:8s} ({counts[name + '_test']} sentences): F1 {scores['ALL']['F1']:.2f}  [{per}]")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
