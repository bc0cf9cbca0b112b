"""Stanza's analysis in worker processes of one torch thread each.

On a CPU, one process with two torch threads analyses barely more words a second than with one, while
two processes of one thread each analyse about 1.6 times as many (docs/benchmarks.md). ``ProcessAnalyser``
starts the processes once, each loading the models once, and shares every batch of articles out among
them, a few batches ahead of the caller, so that a process never waits on the other or on what the caller
does with a batch read (cache it, run the mention components); the sentences come back in the articles'
order, the same as one process gives.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .cache import AnalysisCache
from .records import Article, Sentence

_PIPELINE = None  # the worker process's own Stanza pipeline

#: Below this many words to analyse, one process: each more loads its own models (time and memory).
PROCESS_MIN_WORDS = 5_000
#: How many batches the processes are given before the caller reads the first: enough that neither process
#: waits on the other or on the caller; few, so that the sentences waiting to be read stay few.
AHEAD = 3


def analysis_processes(articles: Sequence[Article], cache: AnalysisCache | None, threads: int) -> int:
    """How many processes analyse by default: ``threads`` of one torch thread each, which analyse more than
    ``threads`` threads sharing one process (docs/benchmarks.md), when at least ``PROCESS_MIN_WORDS`` words
    are not in ``cache``; else one."""
    todo = sum(len(a.text.split()) for a in articles if not (cache and cache.has(a.text)))
    return threads if threads > 1 and todo >= PROCESS_MIN_WORDS else 1


def _start(spec) -> None:
    global _PIPELINE
    from .models import load_pipeline, use_threads

    use_threads(1)
    _PIPELINE = load_pipeline(spec)


def _analyse(articles: list[Article], batch_size: int) -> list[list[Sentence]]:
    from .nlp import analyse

    return analyse(_PIPELINE, articles, batch_size=batch_size)


def split(articles: Sequence[Article], parts: int) -> list[list[Article]]:
    """``articles`` cut into at most ``parts`` runs, in order, of about as many characters each."""
    total = sum(len(a.text) for a in articles)
    out: list[list[Article]] = [[]]
    done = 0
    for a in articles:
        if out[-1] and len(out) < parts and done >= total * len(out) / parts:
            out.append([])
        out[-1].append(a)
        done += len(a.text)
    return [p for p in out if p]


def start_method() -> str:
    """Fork while this process has not started torch (a build never has: its workers load the models), so
    that a script calling ``build`` needs no ``if __name__ == "__main__"`` guard; spawn once torch runs
    here, whose threads do not survive a fork."""
    return "fork" if "torch" not in sys.modules and "fork" in multiprocessing.get_all_start_methods() else "spawn"


class ProcessAnalyser:
    """``processes`` worker processes that analyse articles with the models of ``spec``."""

    def __init__(self, spec, processes: int, ahead: int = AHEAD) -> None:
        self.processes = processes
        self.ahead = ahead
        self.pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context(start_method()),
                                        initializer=_start, initargs=(spec,))

    def analyse_batches(self, batches: Iterable[Sequence[Article]], batch_size: int = 32,
                        progress: Callable[[list[Article]], None] | None = None) -> Iterator[list[list[Sentence]]]:
        """The sentences of each article of each of ``batches``, batch by batch in order (``AnalyseBatches``).
        Each batch is cut into the runs of ``split``, one task each; ``ahead`` batches are given to the
        processes before the caller reads the first, and one more each time it reads one, so that a process
        takes the next task as soon as it is free, whatever the other does or the caller does with what it
        read. ``progress`` hears of each run as its batch is read."""
        batches = iter(batches)
        pending: deque[list[tuple[list[Article], Future]]] = deque()

        def submit() -> None:
            batch = next(batches, None)
            if batch is not None:
                pending.append([(run, self.pool.submit(_analyse, run, batch_size))
                                for run in split(batch, self.processes)])

        try:
            for _ in range(self.ahead):
                submit()
            while pending:
                out: list[list[Sentence]] = []
                for run, future in pending.popleft():
                    out.extend(future.result())
                    if progress:
                        progress(run)
                submit()
                yield out
        finally:  # stopped or failed: what was given ahead is not wanted
            for tasks in pending:
                for _, future in tasks:
                    future.cancel()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)
