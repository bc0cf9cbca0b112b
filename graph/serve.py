"""``diplograf serve``: the oxigraph server (PyPI package ``oxigraph``) on a store, on loopback.

Endpoints, for a server on 127.0.0.1:7878: SPARQL queries at ``/query``, updates at ``/update``
(with ``--writable``), the Graph Store protocol at ``/store`` (what ``diplograf load`` pushes to).
Queries see the union of all article graphs as their default graph: the de-duplicated union
diplograf keeps in its stores (see ``store``), or for a store without one (a new, empty store
served ``--writable`` as a load target) the server's union of the named graphs. Writes to a
served store's named graphs do not update a kept union; rebuild with ``--store`` for that.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .store import StoreError


def oxigraph_binary() -> str:
    """The ``oxigraph`` executable installed beside this Python (or on PATH)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the oxigraph server is not installed: pip install oxigraph")
    return found


def server_command(store: Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False) -> list[str]:
    mode = "serve" if writable else "serve-read-only"
    command = [oxigraph_binary(), mode, "--location", str(store), "--bind", f"{host}:{port}"]
    return command if _keeps_union(Path(store)) else [*command, "--union-default-graph"]


def _keeps_union(store: Path) -> bool:
    from .store import has_union_graph, open_store

    if not store.is_dir():
        return False
    handle = open_store(store, read_only=True)
    try:
        return has_union_graph(handle)
    finally:
        del handle


def start_server(store: Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                 **popen) -> subprocess.Popen:
    """Start the server in the background (the caller stops it), once the port is free and, for a
    writable server, the store is not held by another process: either is said in plain words here
    rather than by the server's own error after it started."""
    if not writable and not Path(store).is_dir():
        raise StoreError(f"{store}: no such store folder (create one with 'diplograf build … --store {store}')")
    check_port_free(host, port)
    if writable:
        _check_not_held(Path(store))
    env = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0", **popen.pop("env", {})}
    return subprocess.Popen(server_command(store, host, port, writable), env=env, **popen)


def check_port_free(host: str, port: int) -> None:
    """StoreError when something already listens on ``host:port``."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do: TIME_WAIT is free
        try:
            probe.bind((host, port))
        except OSError as err:
            raise StoreError(f"{host}:{port} is already in use ({err.strerror}): is another server running "
                             "there? Choose another with --port") from None


def _check_not_held(store: Path) -> None:
    """StoreError when another process (a writable server, a build) holds the store's lock."""
    from .store import open_store

    if store.is_dir():
        try:
            handle = open_store(store)
        except StoreError as err:
            raise StoreError(f"{store}: the store is busy, held by another process: {err}") from None
        del handle


def die_with_parent() -> None:
    """A ``preexec_fn``: on Linux, ask the kernel to send the child SIGTERM when its parent dies, so that
    a killed ``diplograf serve`` (even by SIGKILL) never leaves an orphan server holding the store. The
    kernel watches the thread that started the child: start it from a thread that lives as long as the
    server (``serve`` starts it from the main thread)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG


def stop_on_signals(proc: subprocess.Popen) -> None:
    """SIGTERM, SIGHUP (and SIGINT, as KeyboardInterrupt) stop the server with the process that serves it."""
    import signal

    def stop(signum, _frame):
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)


def wait_until_up(url: str, timeout: float = 30.0, proc: subprocess.Popen | None = None) -> None:
    """Poll ``url`` until it answers (any HTTP status); raise StoreError after ``timeout`` seconds."""
    import time

    import requests

    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise StoreError(f"the server exited with code {proc.returncode} before answering at {url}")
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise StoreError(f"nothing answered at {url} within {timeout:.0f} s")
