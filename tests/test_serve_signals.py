"""``diplograf serve`` stops its oxigraph server when it is stopped, however it is stopped (real processes)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import pytest
import requests

from diplograf.graph.serve import oxigraph_binary, wait_until_up

pytestmark = pytest.mark.slow

SERVE = [sys.executable, "-c", "import sys; from diplograf.graph.cli import main; sys.exit(main())", "serve"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        requests.get(url, timeout=1)
        return True
    except requests.RequestException:
        return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL])
def test_the_server_stops_with_serve(tmp_path, sig):
    oxigraph_binary()  # the server is a dependency: fail loudly if it is missing
    port = _free_port()
    url = f"http://127.0.0.1:{port}/query"
    proc = subprocess.Popen([*SERVE, str(tmp_path / "store"), "--port", str(port), "--writable"],
                            stderr=subprocess.DEVNULL)
    try:
        wait_until_up(url, proc=proc)
        proc.send_signal(sig)
        proc.wait(timeout=15)
        deadline = time.time() + 15
        while _answers(url) and time.time() < deadline:
            time.sleep(0.2)
        assert not _answers(url), f"the server still answers after serve got {sig.name}"
    finally:
        proc.kill()
        proc.wait()


def test_a_second_serve_on_a_busy_store_or_port_says_so(tmp_path):
    port, other = _free_port(), _free_port()
    store = tmp_path / "store"
    first = subprocess.Popen([*SERVE, str(store), "--port", str(port), "--writable"], stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query", proc=first)
        busy = subprocess.run([*SERVE, str(store), "--port", str(other), "--writable"], capture_output=True,
                              text=True, timeout=60)
        assert busy.returncode != 0 and "the store is busy, held by another process" in busy.stderr
        taken = subprocess.run([*SERVE, str(store), "--port", str(port)], capture_output=True, text=True,
                               timeout=60)
        assert taken.returncode != 0 and f"127.0.0.1:{port} is already in use" in taken.stderr
        for run in (busy, taken):  # plain words: no server started, no backtrace, no endpoint announced
            assert "Traceback" not in run.stderr and "backtrace" not in run.stderr.lower()
            assert "SPARQL endpoint" not in run.stderr
        assert _answers(f"http://127.0.0.1:{port}/query")  # the first server is untouched
    finally:
        first.terminate()
        first.wait(timeout=15)
