"""Loading the seeds' graph into real servers (oxigraph, Virtuoso) on loopback, querying it back, crashing them.

``make test`` installs Virtuoso (Debian's virtuoso-opensource) when run as root; the oxigraph server
comes from PyPI with diplograf.
"""

from __future__ import annotations

import threading

import pytest
from triplestores import COUNT_QUADS, Oxigraph, Virtuoso

from diplograf.graph.cli import main
from diplograf.graph.load import GraphStoreClient, LoadError, load_graphs, read_named_graphs
from diplograf.graph.query import EndpointSource, StoreSource, bind_params, find_query
from diplograf.ontology import QUERIES_DIR

pytestmark = pytest.mark.slow

PARAMS = {"a": "country/CN", "b": "country/KZ"}


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request, tmp_path_factory):
    if request.param == "virtuoso" and not Virtuoso.available():
        pytest.skip("virtuoso-t is not installed (make test installs Debian's virtuoso-opensource as root)")
    srv = (Oxigraph if request.param == "oxigraph" else Virtuoso)(tmp_path_factory.mktemp(request.param))
    srv.start()
    yield srv
    srv.stop()


def _auth_args(srv) -> list[str]:
    return ["--user", "dba", "--password", "dba", "--auth", "digest"] if srv.name == "virtuoso" else []


def _quads(srv) -> int:
    return int(EndpointSource(srv.query).query(COUNT_QUADS).rows[0][0])


def _expected(seeds_build) -> int:
    return len((seeds_build / "graph.nq").read_text().splitlines())


def _answer(source, path) -> list[tuple]:
    text = path.read_text(encoding="utf-8")
    if "VALUES ?a" in text:
        text = bind_params(text, PARAMS)
    answer = source.query(text)
    if answer.kind == "CONSTRUCT":  # compare triples, not one server's way of writing them
        from rdflib import Graph

        return sorted(Graph().parse(data=answer.triples, format="nt"))
    rows = [tuple(r) for r in answer.rows]
    if "SELECT DISTINCT" in text:
        # Virtuoso 7 can repeat a row of a DISTINCT query whose OPTIONAL part is unbound; the answer is a set
        rows = list(set(rows))
    return sorted(rows, key=lambda t: tuple("" if x is None else str(x) for x in t))


def test_load_query_back_and_reload_without_duplicates(server, seeds_build, capsys):
    args = ["load", str(seeds_build / "graph.trig"), "--endpoint", server.gsp, "--quiet", *_auth_args(server)]
    assert main(args) == 0
    assert _quads(server) == _expected(seeds_build)
    # every competency question gets the embedded store's answer
    local = StoreSource(seeds_build / "store")
    remote = EndpointSource(server.query)
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        assert _answer(remote, path) == _answer(local, path), path.name
    assert _answer(remote, find_query("roles"))  # not vacuous: the seeds name people with roles
    # reloading replaces each article graph: nothing is duplicated
    assert main(args) == 0
    assert _quads(server) == _expected(seeds_build)


def test_refusal_is_reported_at_once(server, seeds_build, capsys):
    if server.name == "virtuoso":  # a wrong password
        endpoint, args, expect = server.gsp, ["--user", "dba", "--password", "wrong", "--auth", "digest"], "HTTP 401"
    else:  # the query endpoint is not a Graph Store
        endpoint, args, expect = server.query, [], "refused graph"
    assert main(["load", str(seeds_build / "graph.trig"), "--endpoint", endpoint, "--quiet", "--retries", "3",
                 *args]) == 1
    err = capsys.readouterr().err
    assert expect in err and "tries" not in err  # a refusal is not retried


def test_progress_names_each_graph_before_it_is_sent(server, seeds_build):
    graphs = read_named_graphs(seeds_build / "graph.trig")
    told: list[tuple[int, int, str, int]] = []
    sent: list[int] = []
    load_graphs(graphs, GraphStoreClient(server.gsp, auth=server.auth), batch_size=100, progress=sent.append,
                on_graph=lambda number, count, iri: told.append((number, count, iri, sum(sent))))
    assert [(n, c, iri) for n, c, iri, _ in told] == [(n, len(graphs), iri) for n, iri in enumerate(graphs, 1)]
    # told before: when graph k is named, only the graphs before it have been sent
    before = [sum(len(graphs[iri]) for iri in list(graphs)[:n - 1]) for n, _, _, _ in told]
    assert [done for *_, done in told] == before


def test_server_killed_mid_load_then_resumed(server, seeds_build):
    graphs = read_named_graphs(seeds_build / "graph.trig")
    expected = sum(len(lines) for lines in graphs.values())
    sent = []

    def crash_after_some(n: int) -> None:
        sent.append(n)
        if len(sent) == 4:
            server.kill()

    client = GraphStoreClient(server.gsp, auth=server.auth, retries=2, backoff=0.05, timeout=10)
    with pytest.raises(LoadError) as info:
        load_graphs(graphs, client, batch_size=100, progress=crash_after_some)
    message = str(info.value)
    assert "down or not answering after 3 tries" in message
    assert f"of {len(graphs)} graphs were loaded; run the same command again" in message
    assert info.value.unreachable
    server.start()
    report = load_graphs(graphs, GraphStoreClient(server.gsp, auth=server.auth), batch_size=100)
    assert report.graphs == len(graphs) and report.triples == expected
    assert _quads(server) == _expected(seeds_build)


def test_retry_with_backoff_outlasts_a_restart(server, seeds_build):
    graphs = read_named_graphs(seeds_build / "graph.nq")
    sent = []
    restarter: list[threading.Thread] = []

    def crash_and_restart(n: int) -> None:
        sent.append(n)
        if len(sent) == 3:
            server.kill()
            restarter.append(threading.Timer(1.0, server.start))
            restarter[0].start()

    client = GraphStoreClient(server.gsp, auth=server.auth, retries=9, backoff=0.2, timeout=10)
    report = load_graphs(graphs, client, batch_size=100, progress=crash_and_restart)
    restarter[0].join()
    assert report.retries >= 1 and report.graphs == len(graphs)
    assert _quads(server) == _expected(seeds_build)


def test_serve_command_answers_like_the_embedded_store(seeds_build):
    """`diplograf serve` on a built store: every shipped query answers as the store does, labels once."""
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from triplestores import free_port

    from diplograf.graph.serve import wait_until_up

    port = free_port()
    exe = Path(sys.executable).parent / "diplograf"
    proc = subprocess.Popen([str(exe), "serve", str(seeds_build / "store"), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", proc=proc)
        remote, local = EndpointSource(f"http://127.0.0.1:{port}/query"), StoreSource(seeds_build / "store")
        for path in sorted(QUERIES_DIR.glob("*.rq")):
            assert _answer(remote, path) == _answer(local, path), path.name
        # the default graph is the kept union: an entity's label comes once, not once per article
        labels = "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?d) WHERE { ?s rdfs:label ?l }"
        n, d = remote.query(labels).rows[0]
        assert int(n) == int(d) > 0
        # read-only: a load is refused
        with pytest.raises(LoadError) as refused:
            GraphStoreClient(f"http://127.0.0.1:{port}/store", retries=0).send(
                "PUT", "https://w3id.org/diplograf/graph/x", "<urn:a> <urn:b> <urn:c> .\n")
        assert "is a read-only server" in str(refused.value)  # what happened comes first
        assert "--user" not in str(refused.value)  # no credentials hint for a read-only server
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "read-only" in err
