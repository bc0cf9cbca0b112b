"""Stanza's analysis alone: words/s and CPU seconds per processor over real articles, with a dump of
every parse to compare two configurations byte for byte.

    python benchmarks/analysis_benchmark.py [--shared ../shared] [--input FILE] [--articles 30] [--skip 0]
        [--threads 1] [--stanza-only] [--rounds 1] [--dump PREFIX]

``--stanza-only`` runs Stanza's own code (``extract.models.speed_up`` undone: extract/fast_parse.py and
extract/fast_chars.py not applied); with
``--rounds 2`` or more the two configurations alternate in one process (same models, same articles),
so that the figures of a shared machine compare. ``--dump`` writes every word of every sentence
(index, text, lemma, upos, feats, head, deprel, offsets, ner), one tab-separated line each, to
PREFIX.fast.tsv and PREFIX.stanza.tsv (the last round of each). ``--input``: a .jsonl or a folder of
articles instead of the IndoSum corpus.
Development tooling: not installed with the package.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def read_sample(shared: Path, count: int, skip: int, source: Path | None = None):
    """``count`` articles of ``source`` (else the IndoSum corpus; the bundled examples without it) after
    the first ``skip``."""
    from diplograf.extract.articles import read_articles

    corpus = shared / "corpus" / "indosum" / "articles.jsonl"
    articles = read_articles([source or (corpus if corpus.exists() else REPO / "examples")])
    return articles[skip:skip + count]


class Timer:
    """CPU and wall seconds of each processor of a Stanza pipeline, by wrapping its ``bulk_process``."""

    def __init__(self, pipeline):
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        for name, processor in pipeline.processors.items():
            self._wrap(name, processor)

    def _wrap(self, name, processor):
        original = processor.bulk_process

        def timed(docs, *args, **kwargs):
            c, w = time.process_time(), time.perf_counter()
            try:
                return original(docs, *args, **kwargs)
            finally:
                self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - c
                self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - w

        processor.bulk_process = timed

    def reset(self):
        self.cpu.clear()
        self.wall.clear()


def dump(results, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for sentences in results:
            for s in sentences:
                for w in s.words:
                    handle.write("\t".join(map(str, (w.index, w.text, w.lemma, w.upos, w.feats, w.head,
                                                     w.deprel, w.start, w.end, w.ner))) + "\n")
                handle.write("\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--input", type=Path, help="articles (.jsonl or folder) instead of the IndoSum corpus")
    ap.add_argument("--articles", type=int, default=30)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=1, help="rounds; from 2 on, alternating fast and Stanza's own")
    ap.add_argument("--stanza-only", action="store_true", help="Stanza's own code only")
    ap.add_argument("--dump", help="write the parses to PREFIX.fast.tsv / PREFIX.stanza.tsv")
    args = ap.parse_args()

    from diplograf.extract.models import load_pipeline, speed_up, use_threads
    from diplograf.extract.nlp import analyse

    use_threads(args.threads)
    articles = read_sample(args.shared, args.articles, args.skip, args.input)
    words = sum(len(a.text.split()) for a in articles)
    t = time.perf_counter()
    pipeline = load_pipeline()
    print(f"{len(articles)} articles, {words:,} words; models loaded in {time.perf_counter() - t:.1f} s; "
          f"{args.threads} torch thread(s); load {os.getloadavg()[0]:.2f}", flush=True)
    timer = Timer(pipeline)
    for r in range(args.rounds):
        fast = not args.stanza_only and (args.rounds == 1 or r % 2 == 0)
        speed_up(pipeline, fast)
        timer.reset()
        c, w = time.process_time(), time.perf_counter()
        results = analyse(pipeline, articles)
        c, w = time.process_time() - c, time.perf_counter() - w
        stages = ", ".join(f"{k} {v:.1f}" for k, v in timer.cpu.items())
        if args.dump:
            dump(results, Path(f"{args.dump}.{'fast' if fast else 'stanza'}.tsv"))
        print(f"{'fast ' if fast else 'stanza'}: {words / w:6.0f} words/s wall, {words / c:6.0f} words per CPU s "
              f"(wall {w:.1f} s, CPU {c:.1f} s; CPU s: {stages}); load {os.getloadavg()[0]:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
