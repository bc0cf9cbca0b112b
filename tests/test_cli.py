"""The command line as a new user meets it: help, exit codes, --bind, SPARQL errors, validate, JSON, annotate.

Fast: the graph is the hand-made sample extraction's (no Stanza), written as files and a store.
"""

from __future__ import annotations

import argparse
import json
import re

import pytest
from rdflib import Graph
from sample_extraction import sample_extraction

from diplograf.graph import api
from diplograf.graph.build import build_graphs
from diplograf.graph.cli import main, make_parser
from diplograf.graph.formats import WRITERS, write_formats
from diplograf.graph.query import QueryError, bind_params, find_query, query_params
from diplograf.graph.store import write_store
from diplograf.ontology import QUERIES_DIR

from conftest import REPO


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    graphs = build_graphs(sample_extraction())
    write_formats(graphs, folder, list(WRITERS))
    write_store(graphs, folder / "store")
    return folder


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _error(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


# ---------------------------------------------------------------- help, -o, --version


def test_short_out_option_and_version(capsys):
    assert make_parser().parse_args(["build", "x.txt", "-o", "elsewhere"]).out.name == "elsewhere"
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert re.fullmatch(r"diplograf \d+\.\d+\.\d+\S*\n", capsys.readouterr().out)


def test_help_is_plain_text_and_shows_every_default(capsys):
    parser = make_parser()
    for name, sub in {"": parser, **_subparsers(parser)}.items():
        text = sub.format_help()
        assert "`" not in text, f"reStructuredText in the help of {name or 'diplograf'}"
        for action in sub._actions:
            if not action.option_strings or action.default in (None, False, [], argparse.SUPPRESS):
                continue
            if action.nargs == 0:  # --help, --version
                continue
            assert _shown_default(text, action), f"{name} {action.option_strings[-1]}: no default in --help"


def _shown_default(text: str, action: argparse.Action) -> bool:
    """The option's entry in the formatted help (its lines up to the next option) says its default."""
    options = text[text.index("\noptions:"):]
    entries = re.split(r"\n(?=  -)", options)
    flag = action.option_strings[-1]
    entry = next(e for e in entries if re.match(rf"(-\S+ \S+, )?{re.escape(flag)}\b", e.strip()))
    return "default" in " ".join(entry.split())


def test_readme_synopsis_names_every_command_and_option():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Commands"):readme.index("## Development")]
    synopsis = {m.group(1): m.group(0) for m in re.finditer(r"^    diplograf (\w+) .*$", section, re.MULTILINE)}
    subs = _subparsers(make_parser())
    assert set(synopsis) == set(subs), "README's synopsis and the commands differ"
    for name, sub in subs.items():
        for action in sub._actions:
            for flag in action.option_strings:
                if flag in ("-h", "--help"):
                    continue
                assert re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", synopsis[name]), \
                    f"README's synopsis of '{name}' lacks {flag}"
    assert "diplograf --version" in section


# ---------------------------------------------------------------- exit codes


@pytest.mark.parametrize("argv", [["frob"], ["query"], ["query", "g.ttl", "--format", "xml"],
                                  ["validate", "g.ttl", "--limit", "many"], ["build"]])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "usage: diplograf" in _error(capsys)


def test_runtime_errors_exit_1_with_a_plain_message(out, tmp_path, capsys):
    not_a_store = tmp_path / "folder"
    not_a_store.mkdir()
    (not_a_store / "notes.txt").write_text("x")
    bad_rdf = tmp_path / "bad.ttl"
    bad_rdf.write_text("this is not < turtle")
    cases = {
        "no such graph file": ["query", str(tmp_path / "missing.ttl"), "ASK { ?s ?p ?o }"],
        "not a store": ["query", str(not_a_store), "ASK { ?s ?p ?o }"],
        "not a readable RDF file": ["validate", str(bad_rdf)],
        "SPARQL syntax error": ["query", str(out / "store"), "SELECT ?s WHERE { ?s ?p }"],
        "no such query file": ["query", str(out / "graph.ttl"), "--file", "no-such-query"],
        "give a query": ["query", str(out / "graph.ttl")],
        "no such file or folder": ["build", str(tmp_path / "no-articles"), "-o", str(tmp_path / "o")],
    }
    for words, argv in cases.items():
        assert main(argv) == 1, argv
        err = _error(capsys)
        assert err.startswith("diplograf: error: ") and words in err, (argv, err)


# ---------------------------------------------------------------- shipped queries and --bind


def test_shipped_queries_have_no_fixed_defaults_and_declare_their_parameters():
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        blocks = re.findall(r"VALUES\s+\?(\w+)\s*\{([^}]*)\}", text)
        assert all(body.strip() == "UNDEF" for _, body in blocks), f"{path.name} binds a default: {blocks}"
        assert {name for name, _ in blocks} == {p.name for p in query_params(text)}, path.name
    assert sorted(p.name for p in query_params(find_query("events-between-countries").read_text())) == \
        ["a", "b", "from", "to"]


@pytest.mark.parametrize("target", ["graph.trig", "store"])
def test_shipped_queries_run_over_everything_when_unbound(out, target):
    source = str(out / target)
    for name in ("events-between-countries", "cooperation-fields"):
        everything = api.query(source, file=name).records()
        assert everything, f"{name} with nothing bound gave no rows"
    between = api.query(source, file="events-between-countries").records()
    bound = api.query(source, file="events-between-countries", bind={"a": "country/ID", "b": "country/MY"}).records()
    assert bound and set(map(str, bound)) <= set(map(str, between))
    # one end of the period bound: the undated events drop out, the dated ones after it stay
    since = api.query(source, file="events-between-countries", bind={"from": "2024-01-09"}).records()
    assert since and all(r["when"] >= "2024-01-09" for r in since)
    assert len(since) < len(between)
    assert api.query(source, file="cooperation-fields").records() == \
        api.query(source, file="cooperation-fields", bind={"a": "country/MY", "b": "country/ID"}).records()


def test_readme_lists_each_shipped_query_with_its_parameters():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Commands"):readme.index("## Development")]
    rows = dict(re.findall(r"^\s*\| `([\w-]+)` \|.*\| ([^|]*) \|$", section, re.MULTILINE))
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        assert path.stem in rows, f"README's query table lacks {path.stem}"
        params = query_params(path.read_text(encoding="utf-8"))
        listed = set(re.findall(r"`(\w+)`", rows[path.stem]))
        assert listed == {p.name for p in params}, (path.stem, rows[path.stem])
        for p in params:
            assert p.kind in rows[path.stem], (path.stem, p)


@pytest.mark.parametrize("bind, expected", [("a=Indonesia", "takes an IRI: country/ID"),
                                            ("from=March", "takes a date as YYYY-MM-DD"),
                                            ("to=2024-02-30", "takes a date as YYYY-MM-DD"),
                                            ("b=<not an iri>", "not a valid IRI"),
                                            ("c=country/ID", "parameters: ?from, ?to, ?a, ?b"),
                                            ("country/ID", "write NAME=VALUE")])
def test_a_bad_bind_value_says_what_form_is_expected(out, capsys, bind, expected):
    assert main(["query", str(out / "store"), "--file", "events-between-countries", "--bind", bind]) == 1
    err = _error(capsys)
    assert expected in err and err.count("\n") == 1, err


def test_bind_accepts_every_documented_form_of_an_iri():
    text = find_query("cooperation-fields").read_text()
    iri = "<https://w3id.org/diplograf/id/country/ID>"
    for value in ("country/ID", "dgid:country/ID", iri, iri[1:-1]):
        assert f"VALUES ?a {{ {iri} }}" in bind_params(text, {"a": value}), value
    with pytest.raises(QueryError, match="takes an IRI"):
        bind_params(text, {"a": "2024-01-01"})


# ---------------------------------------------------------------- SPARQL errors in plain words


@pytest.mark.parametrize("target", ["graph.ttl", "store"])
@pytest.mark.parametrize("text, where, words", [
    ("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER (?o = 1\n}", "line 3, column 10", "this '(' is never closed"),
    ("SELECT ?s WHERE { ?s ?p ?o } }", "line 1, column 30", "this '}' closes nothing"),
    ('SELECT ?s WHERE {\n  ?s rdfs:label "Kenya }', "line 2, column 17", "this string is never closed"),
    ("SELECT ?s WHERE {\n  ?s ex:partner ?o }", "line 2, column 6", "unknown prefix 'ex:'"),
    ("SELECT ?s WHERE { ?s a diplo:Meeting }\nLIMT 4", "line 2, column 1", "cannot be read from here (at 'LIMT')"),
    ("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER (?o = ) }", "line 3, column 3", "at 'FILTER'"),
])
def test_sparql_syntax_errors_in_plain_words_with_line_and_column(out, capsys, target, text, where, words):
    assert main(["query", str(out / target), text]) == 1
    err = _error(capsys)
    first = err.splitlines()[0]
    assert f"SPARQL syntax error at {where}: " in first and words in first, err
    assert "expected" not in err.lower() and "[_]" not in err and "SelectQuery" not in err, err
    line, column = map(int, re.search(r"line (\d+), column (\d+)", where).groups())
    shown, caret = err.splitlines()[1:3]
    assert shown == "    " + text.splitlines()[line - 1]
    assert caret == " " * (4 + column - 1) + "^"


# ---------------------------------------------------------------- validate reads what query reads


def test_validate_accepts_what_query_accepts(out, capsys):
    counts = {}
    for target in ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "store"):
        report = api.validate(out / target)
        assert report.conforms, (target, report.violations)
        counts[target] = report.triples
        assert main(["validate", str(out / target)]) == 0
        assert capsys.readouterr().out.strip().endswith("(0 violation(s), 0 warning(s))")
    assert len(set(counts.values())) == 1, counts


# ---------------------------------------------------------------- --format json for every query form


@pytest.mark.parametrize("target", ["graph.trig", "store"])
def test_json_for_every_query_form_keeps_numbers_as_numbers(out, capsys, target):
    source = str(out / target)

    def run(text: str):
        assert main(["query", source, text, "--format", "json"]) == 0
        return json.loads(capsys.readouterr().out)

    rows = run("SELECT ?country (COUNT(*) AS ?n) (1.5 AS ?x) (true AS ?yes) ?c WHERE { ?c a diplo:Country ; "
               "rdfs:label ?country } GROUP BY ?country ?c ORDER BY ?country")
    assert rows[0] == {"country": "Indonesia", "n": 1, "x": 1.5, "yes": True,
                       "c": "https://w3id.org/diplograf/id/country/ID"}
    assert run("ASK { ?s a diplo:Country }") == {"boolean": True}
    constructed = run("CONSTRUCT { ?c diplo:n 2 ; rdfs:label ?l } WHERE { ?c a diplo:Country ; rdfs:label ?l }")
    assert {node["@id"]: node["https://w3id.org/diplograf/ontology#n"][0]["@value"] for node in constructed} == {
        "https://w3id.org/diplograf/id/country/ID": 2, "https://w3id.org/diplograf/id/country/MY": 2}
    described = run("DESCRIBE <https://w3id.org/diplograf/id/country/MY>")
    assert Graph().parse(data=json.dumps(described), format="json-ld"), "DESCRIBE gave no JSON-LD triples"
    owl_time = run(find_query("owl-time").read_text())
    assert any("http://www.w3.org/2006/time#inXSDDate" in node for node in owl_time)


# ---------------------------------------------------------------- annotate


def test_annotate_a_path_that_does_not_exist_says_so(tmp_path, capsys):
    for missing in (str(tmp_path / "article.txt"), "berita.txt", "articles/berita"):
        assert main(["annotate", missing]) == 1
        assert f"{missing}: no such file" in _error(capsys)
    assert main(["annotate", str(tmp_path)]) == 1
    assert "is a folder" in _error(capsys)


# ---------------------------------------------------------------- the CLI is a layer over the API


def test_query_and_validate_commands_call_the_api(out, capsys, monkeypatch):
    calls = []
    real_query, real_validate = api.query, api.validate
    monkeypatch.setattr(api, "query", lambda *a, **kw: calls.append(("query", a, kw)) or real_query(*a, **kw))
    monkeypatch.setattr(api, "validate", lambda *a, **kw: calls.append(("validate", a)) or real_validate(*a, **kw))
    assert main(["query", str(out / "store"), "--file", "roles", "--bind", "x=1"]) == 1  # roles has no ?x
    assert main(["query", str(out / "store"), "--file", "roles"]) == 0
    assert main(["validate", str(out / "store")]) == 0
    capsys.readouterr()
    assert [c[0] for c in calls] == ["query", "query", "validate"]
    assert calls[1][2]["file"] == "roles" and calls[0][2]["bind"] == {"x": "1"}


def test_api_query_returns_typed_answers(out):
    answer = api.query(out / "store", file="roles")
    assert answer.kind == "SELECT" and answer.vars == ["person", "role", "of", "articles"]
    assert all(isinstance(r["articles"], int) for r in answer.records(typed=True))
    assert all(isinstance(r["articles"], str) for r in answer.records())
    assert api.query(out / "graph.ttl", "ASK { ?s a diplo:Person }").boolean is True
    assert api.query(out / "graph.ttl", file="owl-time").kind == "CONSTRUCT"
    in_memory = api.query(Graph().parse(out / "graph.ttl"), file="roles")  # build(...).graph, say
    assert in_memory.records(typed=True) == answer.records(typed=True)
    with pytest.raises(QueryError, match="give a query"):
        api.query(out / "graph.ttl")
