"""The per-article analysis cache: what it returns, what it skips, and what it survives."""

from __future__ import annotations

import pytest
from parses import sentence

from diplograf.extract.cache import AnalysisCache, analyse_cached, analyse_long, analysed, chunks, pieces
from diplograf.extract.records import Article, Sentence, Word

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


#: A long article of made-up news: lines of several lengths, a blank line, a line with only spaces.
LONG = "\n".join(
    [f"Amani Otieno bertemu Ana Soto di Nairobi pada hari ke-{i}. Mereka membahas kerja sama {i * 7}."
     + (" Dewi Lestari ikut hadir." * (i % 3)) for i in range(12)]
    + ["", "   ", "Kenya dan Peru menandatangani perjanjian baru."])


def _by_line(todo: list[Article]) -> list[list[Sentence]]:
    """An analysis double with real offsets: each line a sentence, each run of non-spaces a word."""
    import re

    out = []
    for a in todo:
        sentences, pos = [], 0
        for line in a.text.split("\n"):
            words = [Word(k + 1, m.group(), m.group(), "X", None, 0, "root", pos + m.start(), pos + m.end(), "O")
                     for k, m in enumerate(re.finditer(r"\S+", line))]
            if words:
                sentences.append(Sentence(len(sentences), line.strip(), words[0].start, words[-1].end, words))
            pos += len(line) + 1
        out.append(sentences)
    return out


def test_pieces_are_whole_lines_of_bounded_length_that_make_the_text():
    for limit in (1, 40, 120, 500, 10**6):
        cut = pieces(LONG, limit)
        assert "".join(LONG[a:b] for a, b in cut) == LONG
        assert all(b == len(LONG) or LONG[b - 1] == "\n" for _, b in cut)  # a piece ends at a line's end
        assert all(b - a <= limit or "\n" not in LONG[a:b].rstrip("\n") for a, b in cut)  # or is one line
    assert len(pieces(LONG, 10**6)) == 1 and len(pieces(LONG, 200)) > 5


def test_a_long_article_analysed_in_pieces_is_the_article_analysed_whole_with_progress_per_piece(tmp_path):
    article = Article(id="long", text=LONG)
    heard: list[int] = []

    def analyse(todo):
        heard.append(sum(len(a.text.split()) for a in todo))  # what a progress bar over words hears
        return _by_line(todo)

    assert analyse_long(article, analyse, max_chars=200) == _by_line([article])[0]
    assert len(heard) == len(pieces(LONG, 200)) and sum(heard) == len(LONG.split())
    short = Article(id="short", text="Kenya bertemu Peru.")
    heard.clear()
    found, n = analyse_cached([short, article], AnalysisCache(tmp_path, "m"), analyse, max_chars=500,
                              piece_chars=200)
    assert found == _by_line([short, article]) and n == 2
    assert heard[0] == 3 and len(heard) == 1 + len(pieces(LONG, 200))  # the short one, then piece by piece


def test_chunks_come_back_in_order_each_cached_first_while_the_analyser_reads_ahead(tmp_path):
    cache = AnalysisCache(tmp_path, "m")
    articles = [Article(id="s0", text="Kenya bertemu Peru."), Article(id="long", text=LONG),
                Article(id="s1", text="Amani Otieno tiba."), Article(id="s2", text="Ana Soto pulang.")]
    taken: list[list[str]] = []

    def ahead(batches):  # takes every batch before it gives back the first, as worker processes may
        batches = list(batches)
        taken.extend([a.id for a in batch] for batch in batches)
        return iter([_by_line(batch) for batch in batches])

    given = {}
    for part, done in analysed(articles, [0, 1, 2, 3], cache, ahead, chunk=2, max_chars=500, piece_chars=200):
        assert [cache.get(articles[i].text) for i in part] == done  # cached before it is given
        given.update(zip(part, done))
    assert taken == [["s0"]] + [["long"]] * len(pieces(LONG, 200)) + [["s1", "s2"]]
    assert [given[i] for i in range(4)] == _by_line(articles)
    assert list(analysed(articles, [], cache, ahead)) == [] and len(taken) == len(pieces(LONG, 200)) + 2


@pytest.mark.slow
def test_stanza_reads_a_long_article_in_pieces_as_it_reads_it_whole(pipeline):
    from diplograf.extract.nlp import analyse

    article = Article(id="long", text=LONG)
    whole = analyse(pipeline, [article])[0]
    assert analyse_long(article, lambda todo: analyse(pipeline, todo), max_chars=300) == whole
    assert len(whole) > 12


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
