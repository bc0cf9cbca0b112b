"""Load time and query latency on synthetic diplograf graphs: embedded pyoxigraph store vs plain rdflib.

    python benchmarks/store_benchmark.py [--triples 1000000] [--repeat 5] [--skip-rdflib] [--only NAMES]

The synthetic corpus is made of extraction records (made-up articles: 30 countries with capitals,
500 people, 20 organisations; roles, meetings, visits, signings, cooperation, memberships) turned
into RDF by diplograf's own graph builder and N-Quads writer, so it has exactly the shape of a real
build: one named graph per article, entity descriptions repeated in every article graph that uses
them. Every shipped competency query is timed. Prints a table of figures; nothing is asserted
(timings live here, never in unit tests).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from diplograf.extract.records import Article, ArticleResult, Entity, Fact, Mention
from diplograf.graph.build import build_article_graph
from diplograf.graph.formats import nquads_lines
from diplograf.graph.query import GraphSource, StoreSource, bind_params, find_query
from diplograf.graph.store import bulk_load_nquads
from diplograf.ontology.iris import article_graph_iri

COUNTRIES = [a + b for a in "ABCDE" for b in "ABCDEF"]  # 30 made-up ISO-like codes
FIELDS = ["energi", "perdagangan", "pendidikan", "pertahanan", "kesehatan", "pariwisata"]
ROLES = ["Presiden", "Perdana Menteri", "Menteri Luar Negeri", "Duta Besar"]
FACTS_PER_ARTICLE = 12


def synthetic_entities(seed: int = 7) -> tuple[dict[str, Entity], dict[str, str]]:
    """30 countries with capitals (standing for them), 500 people, 20 organisations; each person's country."""
    rnd = random.Random(seed)
    ents: dict[str, Entity] = {}
    home: dict[str, str] = {}
    for code in COUNTRIES:
        ents[f"country:{code}"] = Entity(f"country:{code}", f"Negara {code}", "Country", iso=code,
                                         aliases={f"Negara {code}"})
        ents[f"city:ibukota-{code.lower()}"] = Entity(f"city:ibukota-{code.lower()}", f"Ibukota {code}", "City",
                                                     stands_for=f"country:{code}", aliases={f"Ibukota {code}"})
    for i in range(500):
        ents[f"person:p-{i}"] = Entity(f"person:p-{i}", f"Tokoh {i}", "Person", aliases={f"Tokoh {i}"})
        home[f"person:p-{i}"] = rnd.choice(COUNTRIES)
    for i in range(20):
        ents[f"org:o-{i}"] = Entity(f"org:o-{i}", f"Organisasi {i}", "Organization", aliases={f"Organisasi {i}"})
    return ents, home


def synthetic_articles(n_articles: int, ents: dict[str, Entity], home: dict[str, str], seed: int = 7):
    """``n_articles`` ArticleResults with every relation diplograf emits (deterministic for a seed)."""
    rnd = random.Random(seed)
    people = [k for k in ents if k.startswith("person:")]
    day0 = dt.date(2015, 1, 1)
    for a in range(n_articles):
        art_id = f"synthetic-{a:06d}.txt"
        text = " ".join(f"Kalimat sintetis {a} {i}." for i in range(FACTS_PER_ARTICLE))
        art = Article(id=art_id, text=text, date=day0 + dt.timedelta(days=a % 3650), title=f"Berita {a}")
        facts: list[Fact] = []
        mentions: list[Mention] = []

        def fact(i: int, pred: str, subj: str, obj: str, text=text, art_id=art_id, facts=facts, mentions=mentions,
                 **kw) -> None:
            sentence = text.split(". ")[i].rstrip(".") + "."
            start = text.index(sentence)
            facts.append(Fact(art_id, pred, subj, obj, i, sentence, start, start + len(sentence),
                              confidence=0.8, rule=f"{pred}:synthetic", **kw))
            for key in (subj, obj):
                mentions.append(Mention(i, 1, 2, ents[key].name, start, start + 5, ents[key].type, key))

        for i in range(FACTS_PER_ARTICLE):
            p, q = rnd.sample(people, 2)
            mine, theirs = f"country:{home[p]}", f"country:{home[q]}"
            kind = i % 6
            date = day0 + dt.timedelta(days=(a + i) % 3650)
            if kind == 0:
                fact(i, "holdsRole", p, mine, role=rnd.choice(ROLES))
            elif kind == 1:
                fact(i, "meets", p, q, date=date, place=f"city:ibukota-{home[q].lower()}")
            elif kind == 2:
                fact(i, "visits", p, theirs, date=date)
            elif kind == 3:
                key = f"agreement:{art_id}-{i}"
                ents[key] = Entity(key, f"nota kesepahaman {a}-{i}", "Agreement", aliases={"nota kesepahaman"})
                fact(i, "signs", p, key, date=date)
            elif kind == 4:
                if mine != theirs:
                    fact(i, "cooperatesOn", mine, theirs, role=rnd.choice(FIELDS))
            else:
                fact(i, "memberOf", mine, f"org:o-{rnd.randrange(20)}")
        yield ArticleResult(art, [], mentions, facts)


def synthetic_quads(n_articles: int, seed: int = 7):
    """N-Quads lines of ``n_articles`` synthetic articles, built and written by diplograf's own code."""
    ents, home = synthetic_entities(seed)
    for res in synthetic_articles(n_articles, ents, home, seed):
        graph = build_article_graph(res, ents)
        yield from nquads_lines({article_graph_iri(res.article.id): graph})


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


PAIR = {"a": "country/AB", "b": "country/CD"}
QUERIES = {
    "meetings of one person": ("SELECT ?other ?date WHERE { ?e diplo:relation diplo:meets ; "
                               "diplo:actor <https://w3id.org/diplograf/id/person/p-17> ; diplo:target ?other ; "
                               "diplo:date ?date } ORDER BY ?date"),
    "events per relation": "SELECT ?r (COUNT(?e) AS ?n) WHERE { ?e diplo:relation ?r } GROUP BY ?r ORDER BY ?r",
    **{f"{name}.rq": bind_params(find_query(name).read_text(), params) for name, params in [
        ("meetings", {}), ("agreements-signed", {}), ("memberships", {}), ("roles", {}),
        ("events-between-countries", PAIR), ("cooperation-fields", PAIR), ("most-connected", {})]},
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000, help="about this many triples (default: 1M)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query; the median is printed")
    ap.add_argument("--skip-rdflib", action="store_true", help="embedded store only")
    ap.add_argument("--only", default="", help="comma-separated query names to run (default: all)")
    args = ap.parse_args(argv)

    per_article = statistics.mean(sum(1 for _ in synthetic_quads(1, seed)) for seed in range(5))
    n_articles = max(1, round(args.triples / per_article))
    with tempfile.TemporaryDirectory(prefix="diplograf-bench-") as tmp:
        nq = Path(tmp) / "graph.nq"
        t0 = time.perf_counter()
        with nq.open("w", encoding="utf-8") as handle:
            n_quads = 0
            for line in synthetic_quads(n_articles):
                handle.write(line)
                n_quads += 1
        print(f"synthetic corpus: {n_articles} articles, {n_quads:,} quads, {nq.stat().st_size / 1e6:.0f} MB N-Quads "
              f"(generated in {time.perf_counter() - t0:.1f} s)")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")

        rows = []
        import pyoxigraph as ox

        t0 = time.perf_counter()
        store_dir = Path(tmp) / "store"
        store = ox.Store(str(store_dir))
        bulk_load_nquads(store, nq)
        store.flush()
        del store
        load_ox = time.perf_counter() - t0
        src_ox = StoreSource(store_dir)
        rows.append(("load", "pyoxigraph bulk load (persistent, + union graph)", load_ox, None))

        src_rdf = None
        if not args.skip_rdflib:
            before = rss_mb()
            t0 = time.perf_counter()
            src_rdf = GraphSource(nq)
            load_rdf = time.perf_counter() - t0
            rows.append(("load", f"rdflib parse (in memory, +{rss_mb() - before:.0f} MB peak RSS)", load_rdf, None))

        chosen = [q.strip() for q in args.only.split(",") if q.strip()] or list(QUERIES)
        for name in chosen:
            text = QUERIES[name]
            secs, ans = timed(lambda t=text: src_ox.query(t), args.repeat)
            rows.append((name, "pyoxigraph store", secs, len(ans.rows)))
            if src_rdf is not None:
                secs, ans = timed(lambda t=text: src_rdf.query(t), max(1, min(args.repeat, 2)))
                rows.append((name, "rdflib", secs, len(ans.rows)))

    print(f"{'what':32s} {'engine':48s} {'seconds':>9s} {'rows':>6s}")
    for what, engine, secs, n in rows:
        print(f"{what:32s} {engine:48s} {secs:9.3f} {'' if n is None else n:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
