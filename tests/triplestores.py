"""Real triplestore servers for the load tests, started on loopback in a temp folder and killed at will."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import requests

from diplograf.graph.load import make_auth
from diplograf.graph.serve import start_server, wait_until_up

GRAPH_PREFIX = "https://w3id.org/diplograf/graph/"
COUNT_QUADS = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
               f'FILTER (STRSTARTS(STR(?g), "{GRAPH_PREFIX}")) }}')
VIRTUOSO_INI = Path(__file__).resolve().parent / "servers" / "virtuoso.ini"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server process on 127.0.0.1 with its data in ``folder``; ``kill`` is a crash, ``start`` a restart."""

    name = "server"
    auth = None
    gsp = query = ""

    def __init__(self, folder: Path):
        self.folder = folder
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        raise NotImplementedError

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


class Oxigraph(Server):
    """The ``oxigraph`` server from PyPI, as ``diplograf serve --writable`` starts it."""

    name = "oxigraph"

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.port = free_port()
        base = f"http://127.0.0.1:{self.port}"
        self.gsp, self.query = f"{base}/store", f"{base}/query"

    def start(self) -> None:
        log = open(self.folder / "server.log", "ab")  # noqa: SIM115 (the process owns it)
        self.proc = start_server(self.folder / "db", port=self.port, writable=True, stdout=log, stderr=log)
        wait_until_up(self.query.replace("/query", "/"), proc=self.proc)


class Virtuoso(Server):
    """Debian's virtuoso-opensource with a templated ini: SQL and HTTP ports on loopback, dba/dba, Digest."""

    name = "virtuoso"

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.http_port, sql_port = free_port(), free_port()
        base = f"http://127.0.0.1:{self.http_port}"
        self.gsp, self.query = f"{base}/sparql-graph-crud-auth", f"{base}/sparql"
        self.auth = make_auth("dba", "dba", "digest")
        ini = VIRTUOSO_INI.read_text().format(dir=folder, sql_port=sql_port, http_port=self.http_port)
        (folder / "virtuoso.ini").write_text(ini)

    @staticmethod
    def available() -> bool:
        return shutil.which("virtuoso-t") is not None

    def start(self) -> None:
        (self.folder / "virtuoso.lck").unlink(missing_ok=True)  # left behind by a kill
        log = open(self.folder / "server.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(["virtuoso-t", "-f", "-c", str(self.folder / "virtuoso.ini")],
                                     cwd=self.folder, stdout=log, stderr=log)
        deadline = time.time() + 120
        while time.time() < deadline:  # the HTTP listener comes up before the database is ready
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso exited: {(self.folder / 'virtuoso.log').read_text()[-2000:]}")
            try:
                if requests.get(self.query, params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError("virtuoso did not come up in 120 s")
