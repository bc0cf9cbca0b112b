"""Analysis in worker processes of one torch thread each (``extract/parallel.py``, ``build --processes``)."""

from __future__ import annotations

import sys
import time

import pytest

from diplograf.extract import parallel
from diplograf.extract.cache import AnalysisCache
from diplograf.extract.parallel import PROCESS_MIN_WORDS, analysis_processes, split
from diplograf.extract.records import Article

from conftest import EXAMPLES


def _articles(*sizes: int) -> list[Article]:
    return [Article(id=f"a{i}", text=" ".join(["kata"] * n)) for i, n in enumerate(sizes)]


def test_articles_are_split_in_order_into_runs_of_about_as_many_characters():
    articles = _articles(10, 10, 10, 10)
    assert [[a.id for a in run] for run in split(articles, 2)] == [["a0", "a1"], ["a2", "a3"]]
    assert [[a.id for a in run] for run in split(_articles(40, 5, 5, 5), 2)] == [["a0"], ["a1", "a2", "a3"]]
    assert [a for run in split(articles, 3) for a in run] == articles
    assert split(_articles(7), 4) == [_articles(7)] and split([], 2) == []


def test_processes_by_default_only_for_enough_uncached_words_and_more_than_one_thread(tmp_path):
    big = _articles(PROCESS_MIN_WORDS)
    assert analysis_processes(big, None, 2) == 2
    assert analysis_processes(big, None, 1) == 1
    assert analysis_processes(_articles(PROCESS_MIN_WORDS - 1), None, 4) == 1
    cache = AnalysisCache(tmp_path, "tag")
    cache.put(big[0].text, [])
    assert analysis_processes(big, cache, 2) == 1  # all of it is in the cache: nothing to analyse


def test_workers_are_forked_until_torch_runs_here(monkeypatch):
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    assert parallel.start_method() == "fork"
    monkeypatch.setitem(sys.modules, "torch", object())
    assert parallel.start_method() == "spawn"


def _no_models(spec) -> None:
    """A worker's start without models (the test below reads no text)."""


def _ids(articles: list[Article], batch_size: int) -> list[list[str]]:
    time.sleep(0.02 * len(articles))  # a worker's analysis takes time
    return [[a.id] for a in articles]


def test_batches_go_to_the_processes_ahead_of_the_caller_and_come_back_in_order(monkeypatch):
    monkeypatch.setattr(parallel, "start_method", lambda: "fork")  # the workers run this module's doubles
    monkeypatch.setattr(parallel, "_start", _no_models)
    monkeypatch.setattr(parallel, "_analyse", _ids)
    batches = [[Article(id=f"b{k}-{i}", text="kata " * (i + 1)) for i in range(4)] for k in range(5)]
    analyser = parallel.ProcessAnalyser(None, 2, ahead=2)
    given: list[list[str]] = []
    submit = analyser.pool.submit

    def recorded(fn, run, *args):
        given.append([a.id for a in run])
        return submit(fn, run, *args)

    analyser.pool.submit = recorded
    heard: list[list[str]] = []
    try:
        results = analyser.analyse_batches(batches, progress=lambda run: heard.append([a.id for a in run]))
        assert given == []  # nothing is analysed before the first batch is wanted
        first = next(results)
        assert given == [[a.id for a in run] for batch in batches[:3] for run in split(batch, 2)]  # 2 ahead, +1
        assert [first, *results] == [[[a.id] for a in batch] for batch in batches]
        assert heard == given == [[a.id for a in run] for batch in batches for run in split(batch, 2)]
    finally:
        analyser.close()


@pytest.mark.slow
def test_two_analysis_processes_give_the_bytes_of_one(tmp_path, capsys):
    from diplograf.graph.api import build
    from diplograf.graph.cli import main

    one = build([EXAMPLES], tmp_path / "one", cache=False, processes=1, batch_size=2)
    seen = []
    build([EXAMPLES], tmp_path / "two", cache=False, processes=2, batch_size=2, progress=seen.extend)
    assert sorted(a.id for a in seen) == sorted(a.id for a in one.articles)
    assert main(["build", str(EXAMPLES), "--out", str(tmp_path / "cli"), "--processes", "2", "--no-cache"]) == 0
    assert "loading the Stanza models (bundled, 2 analysis processes of 1 thread each)" in capsys.readouterr().err
    for path in one.written:
        for other in (tmp_path / "two", tmp_path / "cli"):
            assert (other / path.name).read_bytes() == path.read_bytes(), (other, path.name)
