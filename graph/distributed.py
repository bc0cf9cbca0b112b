"""The per-article analysis on Dask workers: ``build --workers N`` (a local cluster) or
``build --scheduler tcp://HOST:PORT`` (an existing dask.distributed cluster).

Only Stanza's analysis, nearly all of a cold build's time, leaves the client. The client reads the
cache, sends the articles it lacks to the workers in the same batches a one-process build makes, puts
the sentences that come back into the cache, and runs the extraction and the cross-article merge
itself, over the articles in input order: the outputs are byte for byte those of a one-process build.
Each worker process loads the models once (on its first batch) and keeps them for the next ones.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from diplograf.extract.cache import AnalysisCache, chunks, models_tag
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


def analyse_on(articles: Sequence[Article], cache: AnalysisCache | None, spec: ModelSpec, *,
               workers: int | None = None, scheduler: str | None = None, threads: int | None = None,
               batch_size: int = 32, progress: Callable[[list[Article]], None] | None = None,
               on_connect: Callable[[object], None] | None = None) -> list[list[Sentence]]:
    """The sentences of each of ``articles``: from ``cache`` where it has them, the others analysed on
    Dask workers (``connect(workers, scheduler)``, opened only when an article is missing from the
    cache), ``batch_size`` articles a task, each batch cached as soon as it is back. ``progress`` gets
    the articles of each batch as it comes back (the cached ones first); ``on_connect`` the client."""
    found: list[list[Sentence] | None] = [cache.get(a.text) if cache else None for a in articles]
    todo = [i for i, s in enumerate(found) if s is None]
    cached = [a for a, s in zip(articles, found) if s is not None]
    if progress and cached:
        progress(cached)
    if not todo:
        return [s or [] for s in found]
    from distributed import as_completed

    tag = models_tag(spec.folder, spec.package, spec.int8)
    portable = _portable(spec)
    parts = chunks(articles, todo, batch_size)
    with connect(workers, scheduler) as client:
        if on_connect:
            on_connect(client)
        pending = {client.submit(analyse_batch, [articles[i] for i in part], portable, threads, batch_size,
                                 pure=False): part for part in parts}
        try:
            for future in as_completed(list(pending)):
                part = pending.pop(future)
                try:
                    their_tag, sentences = future.result()
                except ModelError:
                    raise
                except Exception as err:  # a worker that died, or failed to import diplograf
                    raise ClusterError(f"a Dask worker failed to analyse articles {articles[part[0]].id}.."
                                       f"{articles[part[-1]].id}: {type(err).__name__}: {err}") from err
                future.release()  # the workers may forget this batch now: they hold only unread ones
                if their_tag != tag:
                    raise ClusterError(f"a Dask worker has other models or another diplograf (models tag "
                                       f"{their_tag}, here {tag}): install the same diplograf on every worker")
                for i, s in zip(part, sentences):
                    found[i] = s
                    if cache:
                        cache.put(articles[i].text, s)
                if progress:
                    progress([articles[i] for i in part])
        finally:
            for future in pending:  # stopped early (an error, Ctrl-C): the rest is not wanted
                future.cancel()
    return [s or [] for s in found]

