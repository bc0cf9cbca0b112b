"""The per-article analysis cache: what it returns, what it skips, and what it survives."""

from __future__ import annotations

import pytest
from parses import sentence

from diplograf.extract.cache import AnalysisCache, analyse_cached, chunks
from diplograf.extract.records import Article

TEXT = "Menteri Luar Negeri Kenya bertemu mitranya."


def _analysis(text: str):
    return [sentence([(w, "PROPN", "O") for w in text.rstrip(".").split()])[1]]


def test_an_entry_comes_back_as_it_went_in_and_only_for_its_models(tmp_path):
    cache = AnalysisCache(tmp_path, "models-a")
    assert cache.get(TEXT) is None
    cache.put(TEXT, _analysis(TEXT))
    assert cache.get(TEXT) == _analysis(TEXT)
    assert AnalysisCache(tmp_path, "models-b").get(TEXT) is None  # other models: analyse again
    assert cache.get(TEXT + " ") is None  # other text: analyse again


def test_an_unreadable_entry_is_dropped_and_analysed_again(tmp_path):
    cache = AnalysisCache(tmp_path, "m")
    cache.put(TEXT, _analysis(TEXT))
    [entry] = cache.folder.rglob("*.json")
    entry.write_text('[{"i": 0, "t": "Menteri')  # as a disk full or a crash would leave it
    assert cache.get(TEXT) is None and not entry.exists()


def test_only_the_missing_articles_are_analysed_a_chunk_at_a_time(tmp_path):
    cache = AnalysisCache(tmp_path, "m")
    articles = [Article(id=str(i), text=f"Kenya bertemu Peru {i}.") for i in range(5)]
    cache.put(articles[1].text, _analysis(articles[1].text))
    calls: list[list[str]] = []

    def analyse(todo):
        calls.append([a.id for a in todo])
        return [_analysis(a.text) for a in todo]

    sentences, analysed = analyse_cached(articles, cache, analyse, chunk=2)
    assert calls == [["0", "2"], ["3", "4"]] and analysed == 4
    assert sentences == [_analysis(a.text) for a in articles]
    calls.clear()
    assert analyse_cached(articles, cache, analyse)[1] == 0 and calls == []  # all cached: no analysis at all


def test_chunks_are_bounded_in_articles_and_in_characters():
    articles = [Article(id=str(i), text="x" * n) for i, n in enumerate([10, 10, 10, 95, 10, 10, 10])]
    assert chunks(articles, range(7), 3, max_chars=100) == [[0, 1, 2], [3], [4, 5, 6]]  # a long one alone
    assert chunks(articles, [0, 2, 4, 5], 2, max_chars=15) == [[0], [2], [4], [5]]
    assert chunks(articles, range(7), 32) == [list(range(7))]  # news-sized batches stay whole
    assert chunks(articles, [], 32) == []


def test_a_failed_chunk_keeps_the_chunks_done_before_it(tmp_path):
    cache = AnalysisCache(tmp_path, "m")
    articles = [Article(id=str(i), text=f"Kenya bertemu Peru {i}.") for i in range(4)]

    def analyse(todo):
        if todo[0].id == "2":
            raise KeyboardInterrupt  # the user stops the build
        return [_analysis(a.text) for a in todo]

    with pytest.raises(KeyboardInterrupt):
        analyse_cached(articles, cache, analyse, chunk=2)
    assert [cache.get(a.text) is not None for a in articles] == [True, True, False, False]
    assert not list(cache.folder.rglob("*.tmp"))


@pytest.mark.slow
def test_a_cached_rebuild_loads_no_model_and_writes_the_same_bytes(tmp_path):
    from diplograf.extract.models import BUNDLED_DIR
    from diplograf.graph.cli import main

    from conftest import EXAMPLES

    cache, first, second = tmp_path / "cache", tmp_path / "first", tmp_path / "second"
    assert main(["build", str(EXAMPLES), "--out", str(first), "--quiet", "--cache", str(cache)]) == 0
    # models that look the same to the cache (names, sizes) but are zeros: loading them would fail, so
    # only the cache can serve this build
    fake = tmp_path / "zeros"
    fake.mkdir()
    for model in BUNDLED_DIR.iterdir():
        with open(fake / model.name, "wb") as handle:
            handle.truncate(model.stat().st_size)
    assert main(["build", str(EXAMPLES), "--out", str(second), "--quiet", "--cache", str(cache),
                 "--stanza-dir", str(fake)]) == 0
    for name in ("graph.ttl", "facts.jsonl", "entities.jsonl"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
