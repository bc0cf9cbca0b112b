"""diplograf's use-cases as library functions; every ``diplograf`` command is a thin layer over one.

    from diplograf.graph.api import build, load, query, validate
    result = build(["articles.jsonl"], out="out", store="out/store")
    result.graph            # the rdflib graph (union of the article graphs)
    result.extraction       # entities and facts, with their evidence
    result.rejected         # what was skipped, and why
    query("out/store", file="meetings").records(typed=True)   # an Answer: rows, booleans or triples
    validate("out/store").conforms                             # a Report of SHACL findings
    load("out/graph.trig", "http://127.0.0.1:7878/store")     # a LoadReport: graphs, triples, requests
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef

from diplograf.extract.articles import InputError, read_inputs
from diplograf.extract.cache import AnalysisCache, default_folder, models_tag
from diplograf.extract.calibration import DEFAULT_MIN_CONFIDENCE
from diplograf.extract.language import keep_indonesian
from diplograf.extract.models import ModelSpec, default_threads, load_pipeline, use_threads
from diplograf.extract.parallel import analysis_processes
from diplograf.extract.records import Article, Extraction

if TYPE_CHECKING:  # the results of query, validate and load; their modules load only when called
    from .load import LoadReport
    from .query import Answer
    from .validate import Report


@dataclass
class BuildResult:
    """What a build made."""

    articles: list[Article]
    extraction: Extraction
    graphs: Mapping[URIRef, Graph]  # one per article, in IRI order, each built when asked for (ArticleGraphs)
    rejected: list[dict] = field(default_factory=list)  # {"source", "reason"[, "article"]}
    written: list[Path] = field(default_factory=list)  # the files published in ``out``
    #: the triples written (``out``): distinct ones (the union), and in all article graphs together
    triples: int | None = None
    graph_triples: int | None = None

    @property
    def graph(self) -> Graph:
        """The union of the article graphs, each triple once."""
        from .formats import union

        return union(self.graphs)

    @property
    def words(self) -> int:
        return sum(len(a.text.split()) for a in self.articles)


def build(inputs: Sequence[str | Path], out: str | Path | None = None, *,
          min_confidence: float = DEFAULT_MIN_CONFIDENCE, on_error: str = "auto",
          cache: str | Path | None | bool = True, threads: int | None = None,
          spec: ModelSpec | None = None, formats: Sequence[str] = ("ttl", "trig"), store: str | Path | None = None,
          batch_size: int = 32, progress: Callable[[list[Article]], None] | None = None,
          on_load: Callable[[int], None] | None = None, workers: int | None = None,
          scheduler: str | None = None, on_total: Callable[[int], None] | None = None,
          processes: int | None = None) -> BuildResult:
    """Read ``inputs`` (files or folders of .txt/.jsonl), analyse and extract, and (with ``out``) write
    the graph files, facts.jsonl, entities.jsonl, rejected.jsonl and graph.html there, all published
    together. ``cache``: True for the default folder, a folder, or False for none. ``workers``: analyse
    on a local Dask cluster of that many processes; ``scheduler``: on an existing Dask cluster
    (``tcp://HOST:PORT``); either way the outputs are byte for byte those of one process
    (``diplograf.graph.distributed``). ``threads``: torch threads of the analysis; with ``workers``, shared
    out among them (at least one each); with ``scheduler``, each worker's (default: that machine's
    ``default_threads()``). ``processes``: without Dask, analyse in that many worker processes of one
    torch thread each (``diplograf.extract.parallel``); by default ``threads`` of them when at least
    ``PROCESS_MIN_WORDS`` words are not in the cache, else one process. ``on_total`` hears the words to
    analyse once the inputs are read; ``on_load`` hears, before the models load, how many analysis
    processes will load them;
    ``progress`` the articles done, batch by batch. Bad input raises InputError before any analysis, and
    leaves earlier outputs whole."""
    from .build import ArticleGraphs

    if workers is not None and workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers!r}")
    articles, rejected = read_inputs(inputs, on_error)
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
    if on_total:
        on_total(sum(len(a.text.split()) for a in articles))
    distributed = bool(workers or scheduler)
    contain = on_error != "stop"  # a rule that fails on one article leaves it out (listed), not the run
    if not scheduler:
        threads = threads or default_threads()
        if workers:
            threads = max(1, threads // workers)
    if processes is None:
        processes = 1 if distributed else analysis_processes(articles, analysis_cache, threads)
    elif processes < 1:
        raise ValueError(f"processes must be 1 or more, not {processes!r}")

    def load():  # only when an article is not in the cache: a cached rebuild imports no torch
        if distributed:
            from .distributed import DaskAnalyser

            return DaskAnalyser(spec, workers=workers, scheduler=scheduler, threads=threads,
                                on_connect=lambda client: on_load and on_load(1))
        if on_load:
            on_load(processes)
        if processes > 1:
            from diplograf.extract.parallel import ProcessAnalyser

            return ProcessAnalyser(spec, processes)
        use_threads(threads)
        return load_pipeline(spec)

    def analysed() -> Extraction:
        from diplograf.extract.pipeline import extract

        return extract(articles, batch_size=batch_size, progress=progress, cache=analysis_cache, load=load,
                       contain=contain)

    def run() -> BuildResult:
        extraction = analysed().keep(min_confidence)
        done = {r.article.id for r in extraction.articles}  # not those a rule failed on (listed as rejected)
        result = BuildResult([a for a in articles if a.id in done], extraction, ArticleGraphs(extraction),
                             rejected + extraction.failed)
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
    from .outputs import each_entity_row, each_fact_row, staging, write_jsonl
    from .view import write_html

    def count(name: URIRef, g: Graph) -> None:
        result.graph_triples = (result.graph_triples or 0) + len(g)

    def distinct(n: int) -> None:
        result.triples = n

    with staging(out) as stage:
        written = [out / p.name for p in write_formats(result.graphs, stage, formats, also=[count],
                                                        distinct=distinct)]
        write_jsonl(each_fact_row(result.extraction), stage / "facts.jsonl")
        write_jsonl(each_entity_row(result.extraction), stage / "entities.jsonl")
        write_jsonl(result.rejected, stage / "rejected.jsonl")  # always: empty says nothing was skipped
        write_html(result.extraction, stage / "graph.html")
        written += [out / n for n in ("facts.jsonl", "entities.jsonl", "rejected.jsonl", "graph.html")]
        if store:
            from .store import write_store

            write_store(result.graphs, Path(store))
    return written


# ---------------------------------------------------------------- query, validate, load


def query(target: str | Path | Graph, text: str | None = None, *, file: str | Path | None = None,
          bind: dict[str, str] | None = None, auth=None) -> Answer:
    """Run SPARQL over ``target`` (a graph file, a store folder, an endpoint URL or an rdflib graph such
    as ``build(...).graph``): ``text``, or the .rq ``file`` (a path or a shipped query's name), its
    parameters set from ``bind``. Raises QueryError for a source that cannot be read, a bad parameter
    value or a query that is not valid SPARQL."""
    from .query import GraphSource, QueryError, bind_params, find_query, open_source

    if file is not None:
        text = find_query(str(file)).read_text(encoding="utf-8")
    if not text:
        raise QueryError("give a query text, or a .rq file (--file NAME)")
    source = GraphSource(target) if isinstance(target, Graph) else open_source(str(target), auth=auth)
    return source.query(bind_params(text, dict(bind or {})))


def validate(target: str | Path, auth=None) -> Report:
    """SHACL-validate what ``query`` reads (a graph file of any syntax, a store folder, an endpoint URL)."""
    from .query import read_graph
    from .validate import validate_graph

    return validate_graph(read_graph(str(target), auth=auth))


def load(graph: str | Path, endpoint: str, *, graph_iri: str | None = None, auth=None, retries: int = 5,
         backoff: float = 0.5, timeout: float = 120.0, batch_size: int = 50_000,
         progress: Callable[[int], object] | None = None, on_total: Callable[[int], object] | None = None,
         on_graph: Callable[[int, int, str], object] | None = None,
         notice: Callable[[str], object] | None = None) -> LoadReport:
    """PUT every named graph of ``graph`` (graph.trig / graph.nq, a build folder or a store folder) to the
    Graph Store ``endpoint``, replacing each; ``graph_iri`` names the graph of a file without named graphs.
    ``on_total`` hears the number of triples to send before any is; ``on_graph(number, count, iri)`` each
    graph before it is sent; ``progress`` each batch sent.
    Raises LoadError when the server refuses or stays away (rerunning resumes: graphs are replaced)."""
    from .load import GraphStoreClient, load_graphs, read_named_graphs

    graphs = read_named_graphs(Path(graph), default_graph=graph_iri)
    if on_total:
        on_total(sum(len(lines) for lines in graphs.values()))
    client = GraphStoreClient(endpoint, auth=auth, retries=retries, backoff=backoff, timeout=timeout, notice=notice)
    return load_graphs(graphs, client, batch_size=batch_size, progress=progress, on_graph=on_graph)
