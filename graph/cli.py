"""The diplograf command line: articles to a knowledge graph, and SPARQL, SHACL and triplestores over it.

    diplograf build examples/ --out out --store out/store   # articles -> RDF, facts.jsonl, graph.html, a store
    diplograf annotate "Presiden Joko Widodo bertemu Xi Jinping."   # Stanza's reading as CoNLL-U
    diplograf query out/store 'SELECT ?s WHERE { ?s a diplo:Meeting }' --format csv
    diplograf query out/store --file events-between-countries --bind a=country/ID --bind from=2024-01-01
    diplograf validate out/store                            # SHACL, in plain words
    diplograf serve out/store --port 7878                   # SPARQL endpoint on 127.0.0.1
    diplograf load out/graph.trig --endpoint http://127.0.0.1:7878/store

Exit status: 0 done, 1 failed (the message says why; validate: the graph violates a shape), 2 a usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

from diplograf.extract.articles import AUTO_SKIP_FROM, ON_ERROR, InputError
from diplograf.extract.cache import default_folder
from diplograf.extract.calibration import DEFAULT_MIN_CONFIDENCE
from diplograf.extract.models import BUNDLED_DIR, ModelError, ModelSpec, default_threads, load_pipeline
from diplograf.extract.parallel import PROCESS_MIN_WORDS
from diplograf.ontology import QUERIES_DIR

from .load import LoadError
from .query import QueryError, format_answer
from .store import StoreError


def _model_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stanza-dir", type=Path, default=BUNDLED_DIR,
                   help="folder with the Stanza model files (default: the models bundled with diplograf)")
    p.add_argument("--stanza-package", choices=("bundled", "official"), default="bundled",
                   help="'official': Stanford's downloaded Indonesian package for tokenize..depparse, "
                        "with diplograf's NER on top")


def _spec(args) -> ModelSpec:
    return ModelSpec(folder=args.stanza_dir, package=args.stanza_package)


def _confidence(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}")
    return value


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return int(text)


class LogProgress:
    """Progress for a log rather than a terminal: a line every ``every`` seconds with the share done, the
    rate and the time left (tqdm draws nothing where stderr is not a terminal)."""

    def __init__(self, verb: str, unit: str, every: float = 30.0, clock=time.monotonic, write=None) -> None:
        self.verb, self.unit, self.every, self.clock = verb, unit, every, clock
        self.write = write or (lambda line: print(line, file=sys.stderr, flush=True))
        self.total = 0
        self.done = 0
        self.start = self.last = clock()

    def update(self, n: int) -> None:
        self.done += n
        now = self.clock()
        if now - self.last >= self.every or (self.total and self.done >= self.total):
            self.last = now
            self.write(self.line(now))

    def line(self, now: float) -> str:
        rate = self.done / max(now - self.start, 1e-9)
        said = f"{self.verb} {self.done:,} {self.unit}"
        if self.total:
            left = max(self.total - self.done, 0) / max(rate, 1e-9)
            said += (f" of {self.total:,} ({100 * self.done / self.total:.0f}%), {rate:,.0f} {self.unit}/s, "
                     f"about {left / 60:.0f} min left")
        return said


def cmd_build(args) -> int:
    from tqdm import tqdm

    from .api import build
    from .formats import parse_formats
    from .outputs import entity_rows

    t0 = time.time()
    try:
        formats = parse_formats(args.formats)
    except ValueError as err:
        raise InputError(f"--formats: {err}") from err
    loud = not args.quiet
    spec = _spec(args)
    bar = tqdm(desc="analysing", unit=" words", unit_scale=True, file=sys.stderr, disable=args.quiet or None)
    log = LogProgress("analysed", "words") if loud and bar.disable else None  # not a terminal: a line a while

    def total(words: int) -> None:
        bar.total = words
        bar.refresh()
        if log:
            log.total = words

    def progress(done) -> None:
        words = sum(len(a.text.split()) for a in done)
        bar.update(words)
        if log:
            log.update(words)

    def announce(processes: int = 1) -> None:
        if loud and args.scheduler:
            print(f"analysing on the Dask cluster at {args.scheduler}", file=sys.stderr)
        elif loud and args.workers:
            print(f"analysing on {args.workers} local worker process(es), each loading the Stanza models",
                  file=sys.stderr)
        elif loud:
            how = (f"{processes} analysis processes of 1 thread each" if processes > 1
                   else f"{args.threads} thread(s)")
            print(f"loading the Stanza models ({spec.package}, {how})", file=sys.stderr)

    with bar:
        result = build(args.inputs, args.out, min_confidence=args.min_confidence, on_error=args.on_error,
                       cache=False if args.no_cache else args.cache, threads=args.threads, spec=spec,
                       formats=formats, store=args.store, batch_size=args.batch_size, progress=progress,
                       on_load=announce, workers=args.workers, scheduler=args.scheduler, on_total=total,
                       processes=args.processes)
    for row in result.rejected:
        print(f"skipped {row['source']}: {row['reason']}", file=sys.stderr)
    if not loud:
        return 0
    extraction, out = result.extraction, args.out
    n_facts = sum(len(r.facts) for r in extraction.articles)
    n_triples, in_graphs = result.triples, result.graph_triples  # counted as the outputs were written
    seconds = time.time() - t0
    print(f"\n{len(result.articles)} articles -> {len(extraction.entities)} entities, {n_facts} facts, "
          f"{n_triples} triples in {len(result.graphs)} article graphs, {seconds:.1f} s "
          f"({result.words / max(seconds, 1e-9):,.0f} words/s)"
          + (f"; skipped {len(result.rejected)} (see {out / 'rejected.jsonl'})" if result.rejected else ""))
    rows = len(entity_rows(extraction))
    drawn = len({k for r in extraction.articles for f in r.facts for k in (f.subject, f.object)})
    print(f"  (counted once each; entities.jsonl has {rows} rows, one per entity per article naming it; "
          f"graph.html draws the {drawn} entities in facts; load sends {in_graphs} triples, as an entity's "
          "facts repeat in each article graph naming it)")
    by_rel = Counter(f.predicate for r in extraction.articles for f in r.facts)
    for rel, n in sorted(by_rel.items()):
        print(f"  {rel:22s} {n}")
    print(f"\noutputs in {out}/: " + "  ".join(p.name for p in result.written))
    if args.store:
        print(f"store: {args.store} ({len(result.graphs)} article graphs written, each replacing any earlier one)")
    target = args.store or result.written[0]
    print(f"try: diplograf query {target} "
          "'SELECT ?a ?b ?date WHERE { ?e a diplo:Meeting ; diplo:actor/rdfs:label ?a ; "
          "diplo:target/rdfs:label ?b . OPTIONAL { ?e diplo:date ?date } }'")
    return 0


#: An argument with no space that ends like a file name, or has a folder in it, is meant as a path.
_LOOKS_LIKE_A_PATH = re.compile(r"\S*(/|\\)\S*|\S+\.(txt|text|md|conllu|jsonl?)", re.IGNORECASE)


def cmd_annotate(args) -> int:
    source = Path(args.text)
    if source.is_dir():
        raise InputError(f"annotate: {source} is a folder; give a text file or the text itself")
    if source.is_file():
        text = source.read_text(encoding="utf-8")
    elif _LOOKS_LIKE_A_PATH.fullmatch(args.text.strip()):
        raise InputError(f"annotate: {args.text}: no such file (to annotate these words as text, add a space "
                         "or a full stop: they read as a path)")
    else:
        text = args.text
    if not text.strip():
        raise InputError("annotate: nothing to annotate (empty text)")
    doc = load_pipeline(_spec(args))(text)
    sys.stdout.write(f"{doc:C}" + "\n\n")
    return 0


def _auth(args):
    from .load import make_auth

    password = args.password if args.password is not None else os.environ.get("DIPLOGRAF_PASSWORD")
    return make_auth(args.user, password, args.auth)


def _bindings(items: list[str]) -> dict[str, str]:
    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise QueryError(f"--bind {item!r}: write NAME=VALUE, e.g. --bind a=country/ID")
        params[name.lstrip("?")] = value
    return params


def cmd_query(args) -> int:
    from .api import query

    answer = query(args.graph, args.query, file=args.file, bind=_bindings(args.bind), auth=_auth(args))
    print(format_answer(answer, args.format))
    return 0


def cmd_validate(args) -> int:
    from .api import validate
    from .validate import format_report

    report = validate(args.graph, auth=_auth(args))
    print(format_report(report, limit=args.limit))
    return 0 if report.conforms else 1


def cmd_serve(args) -> int:
    from .serve import die_with_parent, start_server, stop_on_signals, wait_until_up

    where = f"http://{args.host}:{args.port}"
    proc = start_server(args.store, args.host, args.port, writable=args.writable, preexec_fn=die_with_parent)
    stop_on_signals(proc)
    try:
        wait_until_up(f"{where}/", proc=proc)
        print(f"SPARQL endpoint {where}/query (Graph Store: {where}/store"
              f"{', writable' if args.writable else ', read-only'}); Ctrl-C stops it", file=sys.stderr)
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait()
        return 0
    except StoreError:  # it never answered: stop it rather than leave it starting
        proc.terminate()
        proc.wait()
        raise


def cmd_load(args) -> int:
    from tqdm import tqdm

    from .api import load

    with tqdm(desc="loading", unit="triple", file=sys.stderr, disable=args.quiet or None) as bar:
        def total(n: int) -> None:
            bar.total = n
            bar.refresh()

        def on_graph(number: int, count: int, iri: str) -> None:
            bar.set_description(f"graph {number}/{count}")
            bar.set_postfix_str(iri.rsplit("/", 1)[-1], refresh=True)

        report = load(args.graph, args.endpoint, graph_iri=args.graph_iri, auth=_auth(args), retries=args.retries,
                      backoff=args.backoff, timeout=args.timeout, batch_size=args.batch_size, on_total=total,
                      on_graph=on_graph, progress=bar.update, notice=lambda m: print(m, file=sys.stderr))
    if not args.quiet:
        print(f"loaded {report.graphs} graphs, {report.triples} triples into {args.endpoint} in "
              f"{report.seconds:.1f} s ({report.requests} requests, {report.retries} retries); "
              f"{report.distinct} distinct, as build counts them: an entity's facts are in every article graph "
              "that mentions it")
    return 0


def _auth_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", help="user name for the endpoint")
    p.add_argument("--password", help="password (default: $DIPLOGRAF_PASSWORD)")
    p.add_argument("--auth", choices=("basic", "digest"), default="basic",
                   help="HTTP auth scheme (default: basic; Virtuoso wants digest)")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplograf")
    except PackageNotFoundError:
        return "unknown (not installed)"


class _Help(argparse.HelpFormatter):
    """Every option's default shown, unless its help already says it."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if ("default" in text or default in (None, False, [], argparse.SUPPRESS)
                or not action.option_strings or action.nargs == 0):
            return text
        return f"{text} (default: %(default)s)"


class _MainHelp(argparse.RawDescriptionHelpFormatter, _Help):
    """The module docstring's examples, as laid out."""


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diplograf", description=__doc__, formatter_class=_MainHelp)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=lambda **kw: argparse.ArgumentParser(formatter_class=_Help, **kw))

    b = sub.add_parser("build", help="build the knowledge graph from articles",
                       description="Read .txt/.jsonl articles (files or folders) and write graph.ttl, "
                                   "facts.jsonl, entities.jsonl and graph.html into --out.")
    b.add_argument("inputs", nargs="+", type=Path, help=".txt or .jsonl files, or folders of them")
    b.add_argument("-o", "--out", type=Path, default=Path("out"), help="output folder (default: out)")
    b.add_argument("--batch-size", type=int, default=32, help="articles per Stanza call (default: 32)")
    b.add_argument("--formats", default="ttl,trig",
                   help="RDF files to write, comma-separated from ttl, nt, nq, trig, jsonld (default: ttl,trig)")
    b.add_argument("--store", type=Path, help="also write into this pyoxigraph store folder (one graph per article, "
                                              "replaced on rebuild)")
    b.add_argument("--min-confidence", type=_confidence, default=DEFAULT_MIN_CONFIDENCE, metavar="C",
                   help=f"keep only facts whose calibrated confidence is at least C, 0..1 (default: "
                        f"{DEFAULT_MIN_CONFIDENCE}; 0 keeps all; docs/scores.md gives precision and recall at "
                        "several thresholds)")
    b.add_argument("--cache", type=Path, default=default_folder(), metavar="DIR",
                   help="keep Stanza's analysis of each article here and reuse it when the same text comes "
                        "again with the same models: a rebuild analyses only new or changed articles; and the "
                        "mentions the rules found in each, reused while the rule tables and code are unchanged "
                        "(default: %(default)s, or $DIPLOGRAF_CACHE; delete the folder to clear it)")
    b.add_argument("--no-cache", action="store_true", help="analyse every article, read and write no cache")
    b.add_argument("--threads", type=int, default=default_threads(), metavar="N",
                   help="CPU threads for the neural analysis (default: %(default)s, the cores up to 4; "
                        "use fewer when other work shares the machine); with 2 or more and at least "
                        f"{PROCESS_MIN_WORDS:,} words to analyse, that many worker processes of one thread each, "
                        "which analyse more than threads sharing one process (each loads the models: about "
                        "1.5 GB of memory a process)")
    cluster = b.add_mutually_exclusive_group()
    cluster.add_argument("--processes", type=_positive, metavar="N",
                   help="analyse in N worker processes of one thread each whatever the input's size; "
                        "--processes 1: one process of --threads threads")
    cluster.add_argument("--workers", type=_positive, metavar="N",
                   help="analyse on N local worker processes (Dask), --threads shared out among them; the "
                        "outputs are byte for byte those of one process (docs/scale.md; needs diplograf[scale])")
    cluster.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="analyse on an existing dask.distributed cluster, --threads torch threads in each "
                        "worker; the cache, extraction and merge stay here (docs/scale.md)")
    b.add_argument("--on-error", choices=ON_ERROR, default="auto",
                   help="a malformed file or JSONL record: stop with its name and line, or skip it and list it "
                        "in OUT/rejected.jsonl with the reason; auto (default) skips in inputs of "
                        f"{AUTO_SKIP_FROM} articles or more and stops in smaller ones. Articles that are not "
                        "Indonesian are always skipped and listed there")
    b.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    _model_args(b)
    b.set_defaults(func=cmd_build)

    a = sub.add_parser("annotate", help="print Stanza's analysis as CoNLL-U (NER in MISC)",
                       description="Annotate TEXT (or the file it names) and print CoNLL-U.")
    a.add_argument("text", help="Indonesian text, or a path to a text file")
    _model_args(a)
    a.set_defaults(func=cmd_annotate)

    q = sub.add_parser("query", help="run SPARQL over a graph file, a store or an endpoint",
                       description="Run a SPARQL query over GRAPH: a graph file (Turtle, TriG, N-Triples, N-Quads, "
                                   "JSON-LD), a store folder (build --store) or a SPARQL endpoint URL. Named graphs "
                                   "are queried as one union. The prefixes diplo, rdf, rdfs, xsd, skos, schema, prov, "
                                   "owl, dgid, dggraph, time, plover and cameo may be used without declaring them.")
    q.add_argument("graph", help="graph file, store folder or http(s) endpoint URL")
    q.add_argument("query", nargs="?", help="the SPARQL query text")
    shipped = ", ".join(sorted(p.stem for p in QUERIES_DIR.glob("*.rq")))
    q.add_argument("--file", help=f"read the query from this .rq file, or name a shipped one: {shipped} "
                                  "(ontology/queries/; see docs/sparql.md)")
    q.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                   help="set a query parameter (its 'VALUES ?NAME {…}' block), e.g. --bind a=country/ID "
                        "--bind from=2024-01-01; repeatable. An IRI is written country/ID, dgid:country/ID or "
                        "<https://…>, a date YYYY-MM-DD. Unbound, a shipped query's parameter matches anything")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="output format; json: SELECT rows as objects (numbers as numbers), ASK as "
                        "{\"boolean\": …}, CONSTRUCT and DESCRIBE as JSON-LD")
    _auth_args(q)
    q.set_defaults(func=cmd_query)

    v = sub.add_parser("validate", help="check a graph against diplograf's SHACL shapes",
                       description="Validate GRAPH (what query reads: a graph file of any syntax, a store folder "
                                   "or an endpoint URL) with pyshacl against ontology/shapes.ttl, the ontology "
                                   "mixed in. Prints each finding in plain words; exits 1 on violations "
                                   "(warnings alone exit 0).")
    v.add_argument("graph", help="graph file (out/graph.ttl, out/graph.trig…), store folder or http(s) endpoint URL")
    v.add_argument("--limit", type=int, default=50, help="print at most this many findings (default: 50)")
    _auth_args(v)
    v.set_defaults(func=cmd_validate)

    s = sub.add_parser("serve", help="serve a store as a SPARQL endpoint on loopback (oxigraph server)",
                       description="Run the oxigraph server on STORE: queries at /query (the union of the article "
                                   "graphs is the default graph), the Graph Store protocol at /store.")
    s.add_argument("store", type=Path, help="the store folder (build --store)")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=7878, help="port (default: 7878)")
    s.add_argument("--writable", action="store_true", help="accept updates and loads (default: read-only)")
    s.set_defaults(func=cmd_serve)

    ld = sub.add_parser("load", help="push the graphs to a SPARQL 1.1 Graph Store endpoint",
                        description="Send every named graph of GRAPH (graph.trig or graph.nq, a build folder or a "
                                    "store folder) to a Graph Store endpoint: PUT replaces each article's graph, so "
                                    "reloading is idempotent. Retries with backoff; Basic or Digest auth.")
    ld.add_argument("graph", type=Path, help="graph.trig / graph.nq, a build output folder or a store folder")
    ld.add_argument("--endpoint", required=True,
                    help="Graph Store URL, e.g. http://127.0.0.1:7878/store (oxigraph) or "
                         "http://127.0.0.1:8890/sparql-graph-crud-auth (Virtuoso)")
    ld.add_argument("--graph-iri", help="named graph for a file without named graphs (.ttl, .nt)")
    ld.add_argument("--batch-size", type=int, default=50_000, help="triples per request (default: 50000)")
    ld.add_argument("--retries", type=int, default=5, help="retries per request on errors (default: 5)")
    ld.add_argument("--backoff", type=float, default=0.5, help="first retry delay in seconds, doubled each time")
    ld.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for one request (default: 120)")
    ld.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    _auth_args(ld)
    ld.set_defaults(func=cmd_load)
    return parser


#: The exit status of a command that cannot do its work (argparse exits 2 on a usage error).
FAILED = 1


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # "diplograf query … | head": the reader left; not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("diplograf: interrupted", file=sys.stderr)
        return 130
    except (InputError, ModelError, QueryError, LoadError, StoreError, OSError) as err:
        print(f"diplograf: error: {err}", file=sys.stderr)
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
