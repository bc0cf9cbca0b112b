"""The per-article analysis on Dask workers: ``build --workers N`` (a local cluster) or
``build --scheduler tcp://HOST:PORT`` (an existing dask.distributed cluster).

Only Stanza's analysis, nearly all of a cold build's time, leaves the client. The client reads the
caches, sends the articles it lacks to the workers in the same batches a one-process build makes
(``DaskAnalyser``, the analyser ``extract`` is given), caches the sentences that come back, runs the
mention components on each batch as it comes and the rest of the extraction and the cross-article merge
itself, over the articles in input order: the outputs are byte for byte those of a one-process build.
Each worker process loads the models once (on its first batch) and keeps them for the next ones.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from diplograf.extract.cache import models_tag
from diplograf.extract.models import BUNDLED_DIR, ModelError, ModelSpec
from diplograf.extract.records import Article, Sentence


class ClusterError(OSError):
    """The Dask cluster cannot be reached, or a worker cannot analyse; the message says which (an
    OSError, so that the command line reports it as it does an unreachable file or server)."""


#: One pipeline per worker process, loaded by its first batch: (spec, threads) -> pipeline.
_LOADED: dict[tuple, object] = {}
_LOCK = threading.Lock()


def _portable(spec: ModelSpec) -> tuple[str | None, str, bool, bool]:
    """``spec`` as it travels to a worker: the bundled models as None ('those of the worker's own
    install'), not as the client's path, which a worker on another machine may not have."""
    return (None if spec.folder == BUNDLED_DIR else str(spec.folder)), spec.package, spec.use_gpu, spec.int8


def analyse_batch(articles: Sequence[Article], portable: tuple[str | None, str, bool, bool], threads: int | None,
                  batch_size: int) -> tuple[str, list[list[Sentence]]]:
    """Runs on a worker: the sentences of ``articles``, and the tag of the models that read them (the
    client checks it against its own). ``threads``: torch threads, None for the worker machine's
    default. One batch at a time per process (Stanza's pipeline is not shared between threads)."""
    from diplograf.extract.nlp import analyse

    folder, package, use_gpu, int8 = portable
    spec = ModelSpec(Path(folder) if folder else BUNDLED_DIR, package, use_gpu, int8)
    with _LOCK:
        key = (spec, threads)
        if key not in _LOADED:
            from diplograf.extract.models import default_threads, load_pipeline, use_threads


            use_threads(threads or default_threads())
            _LOADED.clear()
            _LOADED[key] = load_pipeline(spec)
        return models_tag(spec.folder, spec.package, spec.int8), analyse(_LOADED[key], articles, batch_size=batch_size)


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None, timeout: float = 30) -> Iterator[object]:
    """A ``distributed.Client``: on ``scheduler``'s cluster (waiting ``timeout`` seconds for it), or on a
    local cluster of ``workers`` processes (one thread each), closed when the block ends."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--workers and --scheduler need dask.distributed: "
                           "pip install 'diplograf[scale]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout=f"{timeout}s")
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"--scheduler {scheduler}: no Dask scheduler answers there ({err})") from None
        with client:
            yield client
        return
    if not workers or workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers!r}")
    # memory_limit=0: the models alone take more than Dask's share of a small machine, and Dask would
    # pause a worker whose process is over 80 % of its limit, whatever the data it holds.
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit=0,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


#: How many batches each worker thread is given ahead of the one the client waits for: enough that no
#: worker waits on the client, few, so that the sentences waiting to be read stay few.
AHEAD_PER_WORKER = 2


class DaskAnalyser:
    """Stanza on Dask workers, as ``extract`` asks for it (``analyse_batches``): ``connect(workers,
    scheduler)`` is opened when made (``extract`` makes one only when an article is missing from the
    cache) and closed by ``close``. The client keeps the analysis cache, the mention cache and the rest
    of the extraction, as a one-process build does."""

    def __init__(self, spec: ModelSpec, *, workers: int | None = None, scheduler: str | None = None,
                 threads: int | None = None, on_connect: Callable[[object], None] | None = None) -> None:
        self.tag = models_tag(spec.folder, spec.package, spec.int8)
        self.portable = _portable(spec)
        self.threads = threads
        self._connection = connect(workers, scheduler)
        self.client = self._connection.__enter__()
        if on_connect:
            on_connect(self.client)

    def analyse_batches(self, batches: Iterable[Sequence[Article]], batch_size: int = 32,
                        progress: Callable[[list[Article]], None] | None = None) -> Iterator[list[list[Sentence]]]:
        """The sentences of each article of each of ``batches``, batch by batch in order (``AnalyseBatches``),
        each batch a task; ``AHEAD_PER_WORKER`` tasks a worker thread are out before the client waits on the
        first. ``progress`` hears of each batch as it is read. A stop cancels the tasks not read."""
        batches = iter(batches)
        ahead = AHEAD_PER_WORKER * max(1, sum(self.client.nthreads().values()))
        pending: deque[tuple[list[Article], object]] = deque()

        def submit() -> None:
            batch = next(batches, None)
            if batch is not None:
                batch = list(batch)
                pending.append((batch, self.client.submit(analyse_batch, batch, self.portable, self.threads,
                                                          batch_size, pure=False)))

        try:
            for _ in range(ahead):
                submit()
            while pending:
                batch, future = pending.popleft()
                try:
                    their_tag, sentences = future.result()
                except ModelError:
                    raise
                except Exception as err:  # a worker that died, or failed to import diplograf
                    raise ClusterError(f"a Dask worker failed to analyse articles {batch[0].id}..{batch[-1].id}: "
                                       f"{type(err).__name__}: {err}") from err
                future.release()  # the workers may forget this batch now: they hold only unread ones
                if their_tag != self.tag:
                    raise ClusterError(f"a Dask worker has other models or another diplograf (models tag "
                                       f"{their_tag}, here {self.tag}): install the same diplograf on every worker")
                submit()
                if progress:
                    progress(batch)
                yield sentences
        finally:
            for _, future in pending:  # stopped early (an error, Ctrl-C): the rest is not wanted
                future.cancel()

    def close(self) -> None:
        self._connection.__exit__(None, None, None)
