"""The build use-case as a library function: ``diplograf build`` is a thin layer over ``build()``.

    from diplograf.graph.api import build
    result = build(["articles.jsonl"], out="out")
    result.graph            # the rdflib graph (union of the article graphs)
    result.extraction       # entities and facts, with their evidence
    result.rejected         # what was skipped, and why
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from diplograf.extract.articles import InputError, read_articles
from diplograf.extract.cache import AnalysisCache, default_folder, models_tag
from diplograf.extract.calibration import DEFAULT_MIN_CONFIDENCE
from diplograf.extract.language import keep_indonesian
from diplograf.extract.models import ModelSpec, load_pipeline, use_threads
from diplograf.extract.records import Article, Extraction


def default_threads() -> int:
    """Torch threads for the analysis when none are asked for: the cores, up to 4."""
    return min(4, os.cpu_count() or 1)


@dataclass
class BuildResult:
    """What a build made."""

    articles: list[Article]
    extraction: Extraction
    graphs: dict[URIRef, Graph]  # one per article
    rejected: list[dict] = field(default_factory=list)  # {"source", "reason"[, "article"]}
    written: list[Path] = field(default_factory=list)  # the files published in ``out``

    @property
    def graph(self) -> Graph:
        """The union of the article graphs, each triple once."""
        from .formats import union

        return union(self.graphs)

    @property
    def words(self) -> int:
        return sum(len(a.text.split()) for a in self.articles)


def build(inputs: Sequence[str | Path], out: str | Path | None = None, *,
          min_confidence: float = DEFAULT_MIN_CONFIDENCE, on_error: str = "stop",
          cache: str | Path | None | bool = True, threads: int | None = None,
          spec: ModelSpec | None = None, formats: Sequence[str] = ("ttl", "trig"), store: str | Path | None = None,
          batch_size: int = 32, progress: Callable[[list[Article]], None] | None = None,
          on_load: Callable[[], None] | None = None, workers: int | None = None,
          scheduler: str | None = None) -> BuildResult:
    """Read ``inputs`` (files or folders of .txt/.jsonl), analyse and extract, and (with ``out``) write
    the graph files, facts.jsonl, entities.jsonl, rejected.jsonl and graph.html there, all published
    together. ``cache``: True for the default folder, a folder, or False for none. ``workers``: analyse
    on a local Dask cluster of that many processes; ``scheduler``: on an existing Dask cluster
    (``tcp://HOST:PORT``); either way the outputs are byte for byte those of one process
    (``diplograf.graph.distributed``). ``threads``: torch threads of the analysis; with ``workers``, shared
    out among them (at least one each); with ``scheduler``, each worker's (default: that machine's
    ``default_threads()``). Bad input raises InputError before any analysis, and leaves earlier outputs
    whole."""
    from .build import build_graphs

    if on_error not in ("stop", "skip"):
        raise ValueError(f"on_error must be 'stop' or 'skip', not {on_error!r}")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers!r}")
    rejected: list[dict] = []
    articles = read_articles(inputs, rejected if on_error == "skip" else None)
    articles, foreign = keep_indonesian(articles)
    rejected += foreign
    if not articles:
        listed = "; ".join(f"{r['source']}: {r['reason']}" for r in rejected[:5])
        more = f"; and {len(rejected) - 5} more" if len(rejected) > 5 else ""
        raise InputError(f"{', '.join(map(str, inputs))}: no Indonesian article to build, nothing written "
                         f"(skipped {len(rejected)}: {listed}{more})")
    out = Path(out) if out is not None else None
    if out is not None:
        _check_writable(out)
    if store:
        from .store import open_store

        handle = open_store(Path(store))  # held by 'serve --writable'? fail now, before any output
        del handle
    spec = spec or ModelSpec()
    folder = default_folder() if cache is True else (Path(cache) if cache else None)
    analysis_cache = AnalysisCache(folder, models_tag(spec.folder, spec.package, spec.int8)) if folder else None
    distributed = bool(workers or scheduler)
    if not scheduler:
        threads = threads or default_threads()
        if workers:
            threads = max(1, threads // workers)

    def load():  # only when an article is not in the cache: a cached rebuild imports no torch
        if on_load:
            on_load()
        use_threads(threads)
        return load_pipeline(spec)

    def analysed() -> Extraction:
        from diplograf.extract.pipeline import extract
        from diplograf.extract.pipeline import run as components

        if not distributed:
            return extract(articles, batch_size=batch_size, progress=progress, cache=analysis_cache, load=load)
        from .distributed import analyse_on

        sentences = analyse_on(articles, analysis_cache, spec, workers=workers, scheduler=scheduler,
                               threads=threads, batch_size=batch_size, progress=progress,
                               on_connect=lambda client: on_load and on_load())
        return components(articles, sentences)

    def run() -> BuildResult:
        extraction = analysed().keep(min_confidence)
        result = BuildResult(articles, extraction, build_graphs(extraction), rejected)
        if out is not None:
            result.written = _publish(result, out, list(formats), store)
        return result

    if out is None:
        return run()
    from .outputs import out_lock

    with out_lock(out):
        return run()


def _check_writable(out: Path) -> None:
    """Fail before any analysis when ``out`` cannot be written (not after minutes of work)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        raise InputError(f"--out {out}: cannot write there ({err.strerror})") from None


def _publish(result: BuildResult, out: Path, formats: list[str], store: str | Path | None) -> list[Path]:
    """Every output into a staging folder, then renamed into ``out`` together."""
    from .formats import write_formats
    from .outputs import entity_rows, fact_rows, staging, write_jsonl
    from .view import write_html

    with staging(out) as stage:
        written = [out / p.name for p in write_formats(result.graphs, stage, formats)]
        write_jsonl(fact_rows(result.extraction), stage / "facts.jsonl")
        write_jsonl(entity_rows(result.extraction), stage / "entities.jsonl")
        write_jsonl(result.rejected, stage / "rejected.jsonl")  # always: empty says nothing was skipped
        write_html(result.extraction, stage / "graph.html")
        written += [out / n for n in ("facts.jsonl", "entities.jsonl", "rejected.jsonl", "graph.html")]
        if store:
            from .store import write_store

            write_store(result.graphs, Path(store))
    return written
