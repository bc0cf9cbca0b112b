"""``diplograf load``: push named graphs to any SPARQL 1.1 Graph Store HTTP Protocol endpoint.

Each article graph is sent with PUT (which replaces the graph wholesale, so loading twice changes
nothing), then, if it is larger than one batch, with POSTs that append the rest. Connection errors,
timeouts and 429/5xx answers are retried with exponential backoff; a refusal (4xx) stops at once.
When the server stays down, the error says how many graphs made it; rerunning the command resumes
safely because every graph is replaced, never appended twice.

Tested against the ``oxigraph`` server (endpoint ``http://HOST:PORT/store``) and Virtuoso
(``http://HOST:PORT/sparql-graph-crud-auth`` with Digest auth).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

RETRY_STATUS = {408, 429, 500, 502, 503, 504}


class LoadError(RuntimeError):
    """The endpoint refused, or stayed unreachable after every retry; the message says what to do."""

    def __init__(self, message: str, unreachable: bool = False):
        super().__init__(message)
        self.unreachable = unreachable


@dataclass
class LoadReport:
    """What a load sent. ``triples`` counts each graph's own; ``distinct`` the triples of their union (the
    build's count): an entity's facts repeat in every article graph that mentions it."""

    graphs: int = 0
    triples: int = 0
    distinct: int = 0
    requests: int = 0
    retries: int = 0
    seconds: float = 0.0


def make_auth(user: str | None, password: str | None, kind: str = "basic"):
    """requests' auth object for Basic or Digest, or None without a user."""
    if not user:
        return None
    from requests.auth import HTTPBasicAuth, HTTPDigestAuth

    if kind not in ("basic", "digest"):
        raise ValueError(f"unknown auth scheme {kind!r}: use basic or digest")
    return (HTTPDigestAuth if kind == "digest" else HTTPBasicAuth)(user, password or "")


# ---------------------------------------------------------------- reading what to load


def read_named_graphs(path: Path, default_graph: str | None = None) -> dict[str, list[str]]:
    """Named graph IRI -> its triples as N-Triples lines, from a TriG/N-Quads file, a triples file
    (all into ``default_graph``), a ``diplograf build`` output folder or a pyoxigraph store folder."""
    import pyoxigraph as ox

    path = Path(path)
    if path.is_dir():
        for name in ("graph.nq", "graph.trig"):
            if (path / name).is_file():
                return read_named_graphs(path / name, default_graph)
        return _store_graphs(path)
    if not path.is_file():
        raise LoadError(f"{path}: no such file")
    try:
        quads = ox.parse(path=str(path))
        graphs: dict[str, list[str]] = {}
        for q in quads:
            if isinstance(q.graph_name, ox.DefaultGraph):
                if not default_graph:
                    raise LoadError(f"{path}: has triples outside named graphs; give --graph-iri IRI to load them "
                                    "into one graph, or load graph.trig / graph.nq (one graph per article)")
                name = default_graph
            else:
                name = q.graph_name.value
            graphs.setdefault(name, []).append(f"{q.subject} {q.predicate} {q.object} .\n")
    except (SyntaxError, ValueError) as err:
        raise LoadError(f"{path}: not a readable RDF file ({err})") from err
    return dict(sorted(graphs.items()))


def _store_graphs(path: Path) -> dict[str, list[str]]:
    from .store import open_store

    store = open_store(path, read_only=True)
    graphs: dict[str, list[str]] = {}
    for q in store.quads_for_pattern(None, None, None, None):
        if hasattr(q.graph_name, "value"):
            graphs.setdefault(q.graph_name.value, []).append(f"{q.subject} {q.predicate} {q.object} .\n")
    if not graphs:
        raise LoadError(f"{path}: neither a build folder (graph.nq / graph.trig) nor a store with named graphs")
    return dict(sorted(graphs.items()))


# ---------------------------------------------------------------- sending


@dataclass
class GraphStoreClient:
    """One endpoint, one HTTP session, the retry policy."""

    endpoint: str
    auth: object = None
    retries: int = 5
    backoff: float = 0.5
    timeout: float = 120.0
    content_type: str = "text/turtle"  # N-Triples is Turtle; every server takes it
    #: told at once, in plain words, when a request first fails and retries begin
    notice: Callable[[str], object] | None = None

    def __post_init__(self) -> None:
        import requests

        self.session = requests.Session()
        self.report = LoadReport()

    def send(self, method: str, graph: str, body: str) -> None:
        import requests

        last: str = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.report.retries += 1
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                resp = self.session.request(method, self.endpoint, params={"graph": graph},
                                            data=body.encode("utf-8"), auth=self.auth, timeout=self.timeout,
                                            headers={"Content-Type": f"{self.content_type}; charset=utf-8"})
            except (requests.ConnectionError, requests.Timeout) as err:
                last = self._plain(err)
                self._tell(attempt, last)
                continue
            self.report.requests += 1
            if resp.status_code in RETRY_STATUS:
                last = f"HTTP {resp.status_code}: {resp.text[:200]}"
                self._tell(attempt, f"{self.endpoint} answered HTTP {resp.status_code}")
                continue
            if resp.status_code >= 400:
                raise LoadError(self._refusal(resp, graph))
            return
        raise LoadError(f"{self.endpoint}: the server is down or not answering after {self.retries + 1} tries "
                        f"({last})", unreachable=True)

    def _refusal(self, resp, graph: str) -> str:
        """What the server said, in plain words first; a hint about credentials only after it."""
        said = " ".join(resp.text[:300].split())
        if "read-only" in said.lower() or "read only" in said.lower():
            return (f"{self.endpoint} is a read-only server: it refused graph <{graph}> (HTTP {resp.status_code}). "
                    "Load into a writable endpoint (diplograf serve --writable)")
        message = f"{self.endpoint} refused graph <{graph}> with HTTP {resp.status_code}: {said or resp.reason}"
        if resp.status_code in (401, 403):
            message += (". Hint: check --user/--password and --auth (Virtuoso wants digest and a user with "
                        "SPARQL_UPDATE)")
        return message

    def _plain(self, err) -> str:
        """What went wrong, in plain words first ("connection refused at URL"), the library's words after."""
        import requests

        if isinstance(err, requests.Timeout):
            return f"no answer from {self.endpoint} within {self.timeout:.0f} s"
        words = "connection refused" if "refused" in str(err).lower() else "cannot connect"
        return f"{words} at {self.endpoint} ({type(err).__name__})"

    def _tell(self, attempt: int, what: str) -> None:
        if attempt == 0 and self.notice is not None and self.retries:
            self.notice(f"{what}; retrying up to {self.retries} times (backoff from {self.backoff} s)")


def load_graphs(graphs: dict[str, list[str]], client: GraphStoreClient, batch_size: int = 50_000,
                progress: Callable[[int], object] | None = None,
                on_graph: Callable[[int, int, str], object] | None = None) -> LoadReport:
    """PUT each graph (replacing it), POST the rest of a large one in batches; returns what was done.

    ``on_graph(number, count, iri)`` is told before each graph is sent (numbered from 1), so that
    progress can name the graph it is on; ``progress(triples)`` after each batch."""
    t0 = time.time()
    report = client.report
    report.distinct = len(set().union(*graphs.values()))
    for number, (name, lines) in enumerate(graphs.items(), 1):
        if on_graph:
            on_graph(number, len(graphs), name)
        try:
            for i, batch in enumerate(_batches(lines, batch_size)):
                client.send("PUT" if i == 0 else "POST", name, "".join(batch))
                report.triples += len(batch)
                if progress:
                    progress(len(batch))
        except LoadError as err:
            if not err.unreachable:
                raise
            raise LoadError(f"{err}\n{report.graphs} of {len(graphs)} graphs were loaded; run the same command "
                            "again when the server is back: every graph is replaced, so nothing is duplicated",
                            unreachable=True) from err
        report.graphs += 1
    report.seconds = time.time() - t0
    return report


def _batches(lines: list[str], size: int) -> Iterable[list[str]]:
    if not lines:
        yield []
        return
    for start in range(0, len(lines), max(1, size)):
        yield lines[start:start + size]
