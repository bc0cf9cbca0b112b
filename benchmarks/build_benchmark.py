"""Build speed and memory: words/s, articles/s, time per stage, the cached rebuild, peak RSS at two
corpus sizes, and (``--workers N``) a build on N Dask worker processes compared byte for byte.

    python benchmarks/build_benchmark.py [--sizes 30,300] [--shared ../shared] [--threads N] [--workers N]
                                         [--baseline REV] [--cached-only CACHE]

``make benchmark-build`` runs ``--sizes 30,300 --workers 2``; ``make benchmark-baseline`` runs
``--sizes 30,300 --baseline 2b45114`` (the code before issue 21).

For each size, a fixed sample (seed 17) of ``../shared/corpus/indosum/articles.jsonl`` (the bundled
examples where ../shared is absent) is built cold into a fresh analysis cache (model loading, Stanza,
diplograf's extraction, graph and outputs timed apart), then again from that cache. diplograf's own share
is printed three ways: the wall time its build process spends not waiting on Stanza (while analysis
processes work, the mention components run on the batches already back), its work after the last batch
(which nothing overlaps), and its CPU seconds among those of the build and its analysis processes. Each build runs in
a process of its own, so its peak RSS (``ru_maxrss``, the high-water mark) is its own. The machine's
load average is printed beside the figures: on a shared machine, compare figures of one run. With
``--baseline REV``, the same samples are also built cold by the code of git revision REV (a temporary
worktree with a venv of its own that reuses this one's packages), through its CLI, in the same run:
both rows and the ratio are printed. With ``--cached-only CACHE``, only the cached builds are measured,
from an existing analysis cache (such as ~/.cache/diplograf): a first build of each sample fills in what
the cache lacks (cold where it lacks all), then the measured build reads everything from it.
A benchmark prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import site
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STAGES = ("models", "stanza", "extraction", "graph and outputs", "view")
#: The stages that are diplograf's own code (the rest is Stanza and its models).
OWN = ("extraction", "graph and outputs", "view")
#: diplograf's own work that nothing overlaps: the extraction after the last analysed batch, the outputs, the view
AFTER = "after the analysis"


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
    from diplograf.extract.models import ModelSpec, load_pipeline, use_threads
    from diplograf.extract.nlp import analyse
    from diplograf.extract.parallel import ProcessAnalyser, analysis_processes
    from diplograf.extract.pipeline import cached_states, finish
    from diplograf.graph.build import ArticleGraphs
    from diplograf.graph.formats import write_formats
    from diplograf.graph.outputs import each_entity_row, each_fact_row, write_jsonl
    from diplograf.graph.view import write_html

    times = {"models": 0.0, "stanza": 0.0}
    loaded = []
    analysis_end: list[float] = []  # when the last analysed batch was read (none: nothing analysed)

    processes = analysis_processes(articles, cache, threads)  # as build decides

    def stanza_on(batches):
        t = time.perf_counter()
        if not loaded:  # as in build: only when an article is not in the cache (a cached rebuild imports no torch)
            if processes > 1:  # worker processes of one thread each, loading their models in parallel
                loaded.append(ProcessAnalyser(ModelSpec(), processes))
            else:
                use_threads(threads)
                loaded.append(load_pipeline())
            times["models"] = time.perf_counter() - t
        if processes > 1:
            results = loaded[0].analyse_batches(batches)
        else:
            results = (analyse(loaded[0], batch) for batch in batches)
        times["stanza"] += time.perf_counter() - t
        return waited(results)

    def waited(results):
        """``results``, the time spent waiting for each counted as Stanza's (what the worker processes
        analyse while this process runs the mention components is not)."""
        while True:
            t = time.perf_counter()
            batch = next(results, None)
            times["stanza"] += time.perf_counter() - t
            if batch is None:
                return
            analysis_end[:] = [time.perf_counter()]
            yield batch

    t = time.perf_counter()
    try:
        states = cached_states(articles, cache, stanza_on)  # the mention cache, else the analysis and the mentions
    finally:
        if processes > 1 and loaded:
            loaded[0].close()
    extraction = finish(states)
    times["extraction"] = time.perf_counter() - t - times["stanza"]
    # what of the extraction no analysis overlaps: after the last batch (all of it when nothing was analysed)
    after = time.perf_counter() - analysis_end[0] if analysis_end else times["extraction"]
    times["stanza"] -= times["models"]
    t = time.perf_counter()
    write_formats(ArticleGraphs(extraction), out, ["ttl", "trig"])  # a graph at a time
    write_jsonl(each_fact_row(extraction), out / "facts.jsonl")
    write_jsonl(each_entity_row(extraction), out / "entities.jsonl")
    times["graph and outputs"] = time.perf_counter() - t
    t = time.perf_counter()
    write_html(extraction, out / "graph.html")
    times["view"] = time.perf_counter() - t
    times[AFTER] = after + times["graph and outputs"] + times["view"]
    return times


def child(job: dict) -> dict:
    """One build, in this process: its stages, wall time and peak RSS."""
    from diplograf.extract.cache import AnalysisCache, models_tag
    from diplograf.extract.models import BUNDLED_DIR

    articles = sample(Path(job["shared"]), job["size"])
    out = Path(job["out"])
    t = time.perf_counter()
    if "workers" in job:  # the whole use-case, as diplograf build runs it
        from diplograf.graph.api import build as api_build

        api_build(articles_file(Path(job["shared"]), articles, out.parent / f"{out.name}.jsonl"), out,
                  cache=job["cache"], threads=job["threads"], workers=job["workers"] or None)
        stages = {}
    else:
        stages = build(articles, AnalysisCache(Path(job["cache"]), models_tag(BUNDLED_DIR)), out, job["threads"])
    return {"total": time.perf_counter() - t, "stages": stages, "workers": job.get("workers"),
            "articles": len(articles), "words": sum(len(a.text.split()) for a in articles),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "load": os.getloadavg()[0],
            "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "cpu_s": _cpu(resource.RUSAGE_SELF), "children_cpu_s": _cpu(resource.RUSAGE_CHILDREN)}


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def articles_file(shared: Path, articles, path: Path) -> list[Path]:
    """The sample's records, as they are in the corpus, in a JSONL file: the input of ``api.build``."""
    corpus = shared / "corpus" / "indosum" / "articles.jsonl"
    if not corpus.exists():
        return [REPO / "examples"]
    ids = {a.id for a in articles}
    with corpus.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as handle:
        handle.writelines(line for line in src if line.strip() and str(json.loads(line).get("id")) in ids)
    return [path]


def run_child(job: dict) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(job)], capture_output=True,
                          text=True, check=False)
    if proc.returncode:
        sys.exit(f"the {job['name']} build failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def baseline_tree(rev: str, folder: Path) -> Path:
    """A worktree of ``rev`` in ``folder`` with a venv of its own: a .pth names this interpreter's
    site-packages (no download), and the old code is installed editable into it, without dependencies.
    Returns the venv's python."""
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "--quiet", str(folder), rev], check=True)
    subprocess.run([sys.executable, "-m", "venv", str(folder / ".venv")], check=True)
    python = folder / ".venv" / "bin" / "python"
    own = Path(subprocess.run([str(python), "-c", "import site; print(site.getsitepackages()[0])"],
                              capture_output=True, text=True, check=True).stdout.strip())
    ours = [p for p in site.getsitepackages() + [q for q in sys.path if q.endswith("site-packages")]
            if Path(p).is_dir()]
    (own / "000-packages.pth").write_text("\n".join(dict.fromkeys(ours)) + "\n", encoding="utf-8")
    pip = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "-e", str(folder)],
                         capture_output=True, text=True, check=False)
    if pip.returncode:
        sys.exit(f"installing {rev} into its venv failed:\n{pip.stdout[-2000:]}{pip.stderr[-2000:]}")
    return python


def drop_tree(folder: Path) -> None:
    subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(folder)], check=False,
                   capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run(["git", "-C", str(REPO), "worktree", "prune"], check=False)


#: Run in the baseline's python: its CLI's cold build of a file, timed, with its peak RSS.
BASELINE_RUN = """
import json, os, resource, sys, time
from diplograf.graph.cli import main
t = time.perf_counter()
code = main(["build", sys.argv[1], "--out", sys.argv[2], "--quiet"])
print(json.dumps({"code": code, "total": time.perf_counter() - t, "load": os.getloadavg()[0],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_baseline(python: Path, job: dict, tmp: Path) -> dict:
    """The baseline's cold build of the sample (the same articles, from the same JSONL lines)."""
    shared, size = Path(job["shared"]), job["size"]
    articles = sample(shared, size)
    [source] = articles_file(shared, articles, tmp / f"baseline-{size}.jsonl")
    proc = subprocess.run([str(python), "-c", BASELINE_RUN, str(source), str(tmp / f"baseline-out-{size}")],
                          capture_output=True, text=True, check=False, cwd=tmp)
    if proc.returncode:
        sys.exit(f"the baseline build failed:\n{proc.stderr[-3000:]}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    return r | {"stages": {}, "articles": len(articles), "words": sum(len(a.text.split()) for a in articles)}


def report(name: str, r: dict) -> None:
    total, words = r["total"], r["words"]
    print(f"{name:18s} {total:7.1f} s  {words / total:7.0f} words/s  {r['articles'] / total:6.2f} articles/s  "
          f"peak RSS {r['rss_mb']:6.0f} MB  (load {r['load']:.1f})"
          + (f"; a worker's peak RSS {r['worker_rss_mb']:.0f} MB" if r.get("workers") else "")
          + (f"; analysed in worker processes, the largest's peak RSS {r['worker_rss_mb']:.0f} MB"
             if not r.get("workers") and r.get("worker_rss_mb", 0) > 100 else ""))
    if r["stages"]:
        stages = {k: v for k, v in r["stages"].items() if k != AFTER}
        own = sum(stages.get(s, 0.0) for s in OWN)
        print("                   " + ", ".join(f"{k} {v:.1f} s ({v / total:.0%})" for k, v in stages.items())
              + f"; diplograf's own share {own / total:.1%}")
        cpu, children = r.get("cpu_s", 0.0), r.get("children_cpu_s", 0.0)
        print(f"                   diplograf's own work after the analysis (overlapped by nothing) "
              f"{r['stages'].get(AFTER, 0.0):.1f} s ({r['stages'].get(AFTER, 0.0) / total:.1%} of the wall time); "
              f"CPU: the build process {cpu:.1f} s of {cpu + children:.1f} s with its analysis processes "
              f"({cpu / (cpu + children):.1%})")


def same_outputs(a: Path, b: Path) -> str:
    names = sorted(p.name for p in a.iterdir() if p.is_file())
    differ = [n for n in names if not (b / n).is_file() or (a / n).read_bytes() != (b / n).read_bytes()]
    return "byte-identical" if not differ else "DIFFERENT: " + ", ".join(differ)


def one_size(args, size: int, threads: int, tmp: Path, old_python: Path | None) -> tuple[float | None, float]:
    """The builds of one sample size, printed; returns the peak RSS of its cold (None with
    ``--cached-only``) and its cached build."""
    base = {"shared": str(args.shared), "size": size, "threads": threads}
    if args.cached_only:
        job = base | {"cache": str(args.cached_only.expanduser())}
        run_child(job | {"name": "filling the cache", "out": f"{tmp}/fill-{size}"})
        r = run_child(job | {"name": "cached", "out": f"{tmp}/cached-{size}"})
        print(f"-- {r['articles']} articles, {r['words']} words")
        report("cached", r)
        return None, r["rss_mb"]
    runs = {}
    for name in ("cold", "cached"):
        runs[name] = run_child(base | {"name": name, "cache": f"{tmp}/cache-{size}", "out": f"{tmp}/{name}-{size}"})
    print(f"-- {runs['cold']['articles']} articles, {runs['cold']['words']} words")
    for name, r in runs.items():
        report(name, r)
    print(f"cached rebuild {runs['cold']['total'] / runs['cached']['total']:.1f}x faster than cold")
    if old_python is not None:
        old, new = run_baseline(old_python, base, tmp), runs["cold"]
        report(f"cold, {args.baseline}", old)
        print(f"cold build {old['total'] / new['total']:.2f}x faster than {args.baseline}'s (words/s "
              f"{old['words'] / old['total']:.0f} -> {new['words'] / new['total']:.0f}); cached rebuild "
              f"{old['total'] / runs['cached']['total']:.1f}x faster than its cold build")
    if args.workers and size == min(int(s) for s in args.sizes.split(",")):
        # diplograf build: one process (from the cache above), N workers
        run_child(base | {"name": "one process", "cache": f"{tmp}/cache-{size}", "out": f"{tmp}/one-{size}",
                          "workers": 0})
        r = run_child(base | {"name": "workers", "cache": f"{tmp}/cache-w-{size}", "out": f"{tmp}/workers-{size}",
                              "workers": args.workers})
        report(f"cold, {args.workers} workers", r)
        same = same_outputs(tmp / f"one-{size}", tmp / f"workers-{size}")
        print(f"outputs of {args.workers} workers vs one process: {same}")
    return runs["cold"]["rss_mb"], runs["cached"]["rss_mb"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="30,300", help="corpus sizes, comma-separated (default: 30,300)")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--threads", type=int, default=None, help="default: what build uses")
    ap.add_argument("--workers", type=int, default=0,
                    help="also a cold build on N Dask worker processes, at the smallest size, compared byte for byte")
    ap.add_argument("--baseline", metavar="REV",
                    help="also build each sample cold with the code of git revision REV (e.g. 2b45114, before "
                         "issue 21), in a temporary worktree, and print both rows and the ratio")
    ap.add_argument("--cached-only", type=Path, metavar="CACHE",
                    help="measure only the cached builds, from the analysis cache folder CACHE (e.g. "
                         "~/.cache/diplograf); what it lacks is analysed into it first, unmeasured")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0
    from diplograf.extract.models import default_threads

    threads = args.threads or default_threads()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{threads} thread(s), {os.cpu_count()} core(s); sizes {sizes}")
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        old_python = None
        try:
            if args.baseline:
                print(f"baseline: {args.baseline} in a temporary worktree", flush=True)
                old_python = baseline_tree(args.baseline, Path(tmp) / "baseline")
            for size in sizes:
                peaks[size] = one_size(args, size, threads, Path(tmp), old_python)
        finally:
            if args.baseline:
                drop_tree(Path(tmp) / "baseline")
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        for i, name in enumerate(("cold", "cached")):
            if peaks[small][i] is None:
                continue
            print(f"peak RSS {name}: {peaks[small][i]:.0f} MB at {small} articles, {peaks[large][i]:.0f} MB at "
                  f"{large} ({peaks[large][i] / peaks[small][i] - 1:+.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
