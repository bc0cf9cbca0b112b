"""The ``diplograf`` command line: build, annotate, query.

    diplograf build examples/ --out out          # articles -> graph.ttl, facts.jsonl, entities.jsonl, graph.html
    diplograf annotate "Presiden Joko Widodo bertemu Xi Jinping."   # Stanza's reading as CoNLL-U
    diplograf query out/graph.ttl 'SELECT ?s WHERE { ?s a diplo:Meeting }' --format csv
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from diplograf.extract.articles import InputError, read_articles
from diplograf.extract.models import BUNDLED_DIR, ModelError, ModelSpec, load_pipeline

from .query import QueryError, format_result, load_graph, run_query

#: Prefixes every query may use without declaring them.
QUERY_PREFIXES = """PREFIX diplo: <https://w3id.org/diplograf/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""


def _model_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stanza-dir", type=Path, default=BUNDLED_DIR,
                   help="folder with the Stanza model files (default: the models bundled with diplograf)")
    p.add_argument("--stanza-package", choices=("bundled", "official"), default="bundled",
                   help="'official': Stanford's downloaded Indonesian package for tokenize..depparse, "
                        "with diplograf's NER on top")


def _spec(args) -> ModelSpec:
    return ModelSpec(folder=args.stanza_dir, package=args.stanza_package)


def cmd_build(args) -> int:
    from tqdm import tqdm

    from diplograf.extract.pipeline import extract

    from .build import build_graph
    from .outputs import entity_rows, fact_rows, write_jsonl, write_turtle
    from .view import write_html

    t0 = time.time()
    articles = read_articles(args.inputs)
    if not args.quiet:
        print(f"read {len(articles)} article(s)", file=sys.stderr)
    pipeline = load_pipeline(_spec(args))
    with tqdm(total=len(articles), desc="analysing", unit="article", file=sys.stderr,
              disable=args.quiet or None) as bar:
        extraction = extract(articles, pipeline, batch_size=args.batch_size, progress=bar.update)
    graph = build_graph(extraction)
    out: Path = args.out
    write_turtle(graph, out / "graph.ttl")
    n_facts = write_jsonl(fact_rows(extraction), out / "facts.jsonl")
    n_ents = write_jsonl(entity_rows(extraction), out / "entities.jsonl")
    write_html(extraction, out / "graph.html")
    if args.quiet:
        return 0
    by_rel = Counter(f.predicate for r in extraction.articles for f in r.facts)
    print(f"\n{len(articles)} articles -> {len(extraction.entities)} entities, {n_facts} facts, "
          f"{len(graph)} triples in {time.time() - t0:.1f} s")
    for rel, n in sorted(by_rel.items()):
        print(f"  {rel:22s} {n}")
    print(f"\noutputs in {out}/: graph.ttl  facts.jsonl ({n_facts})  entities.jsonl ({n_ents})  graph.html")
    print(f"try: diplograf query {out / 'graph.ttl'} "
          "'SELECT ?a ?b ?date WHERE { ?e a diplo:Meeting ; diplo:actor/rdfs:label ?a ; "
          "diplo:target/rdfs:label ?b . OPTIONAL { ?e diplo:date ?date } }'")
    return 0


def cmd_annotate(args) -> int:
    source = Path(args.text)
    text = source.read_text(encoding="utf-8") if source.is_file() else args.text
    if not text.strip():
        raise InputError("annotate: nothing to annotate (empty text)")
    doc = load_pipeline(_spec(args))(text)
    sys.stdout.write(f"{doc:C}" + "\n\n")
    return 0


def cmd_query(args) -> int:
    if args.file:
        query = Path(args.file).read_text(encoding="utf-8")
    elif args.query:
        query = args.query
    else:
        raise QueryError("give a query as an argument or with --file q.rq")
    graph = load_graph(args.graph)
    if "prefix" not in query.lower():
        query = QUERY_PREFIXES + query
    print(format_result(run_query(graph, query), args.format))
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diplograf", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build the knowledge graph from articles",
                       description="Read .txt/.jsonl articles (files or folders) and write graph.ttl, "
                                   "facts.jsonl, entities.jsonl and graph.html into --out.")
    b.add_argument("inputs", nargs="+", type=Path, help=".txt or .jsonl files, or folders of them")
    b.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    b.add_argument("--batch-size", type=int, default=32, help="articles per Stanza call (default: 32)")
    b.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    _model_args(b)
    b.set_defaults(func=cmd_build)

    a = sub.add_parser("annotate", help="print Stanza's analysis as CoNLL-U (NER in MISC)",
                       description="Annotate TEXT (or the file it names) and print CoNLL-U.")
    a.add_argument("text", help="Indonesian text, or a path to a text file")
    _model_args(a)
    a.set_defaults(func=cmd_annotate)

    q = sub.add_parser("query", help="run SPARQL over a graph file",
                       description="Run a SPARQL query over GRAPH (Turtle, N-Triples, JSON-LD…). "
                                   "Common prefixes (diplo, rdfs, skos, schema, prov, xsd) are predeclared "
                                   "when the query declares none.")
    q.add_argument("graph", type=Path, help="the graph file, e.g. out/graph.ttl")
    q.add_argument("query", nargs="?", help="the SPARQL query text")
    q.add_argument("--file", help="read the query from this .rq file")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    q.set_defaults(func=cmd_query)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except (InputError, ModelError, QueryError, OSError) as err:
        print(f"diplograf: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
