"""``diplograf build`` end to end in well under a second: the analysis comes from a cache seeded with
hand-written parses, so no model loads, and every stage after Stanza runs as in a real build."""

from __future__ import annotations

from pathlib import Path

import pytest
from parses import article, tokens
from rdflib import RDF, Graph

from diplograf.extract.articles import read_articles
from diplograf.extract.cache import AnalysisCache, models_tag
from diplograf.extract.models import BUNDLED_DIR
from diplograf.graph.cli import main
from diplograf.ontology import DIPLO

from conftest import read_jsonl

MEETING = ("Presiden/PROPN/5/nsubj Kenya/PROPN/1/nmod/S-LOC Amani/PROPN/1/appos/B-PER Otieno/PROPN/3/flat/E-PER "
           "bertemu/VERB/0/root dengan/ADP/7/case Presiden/PROPN/5/obl Peru/PROPN/7/nmod/S-LOC "
           "Ana/PROPN/7/appos/B-PER Soto/PROPN/9/flat/E-PER di/ADP/12/case Nairobi/PROPN/5/obl/S-LOC "
           "pada/ADP/14/case {day}/NUM/5/obl Juli/PROPN/14/flat 2024/NUM/14/flat ./PUNCT/5/punct")
COOPERATION = ("Kenya/PROPN/4/nsubj/S-LOC dan/CCONJ/3/cc Peru/PROPN/1/conj/S-LOC sepakat/VERB/0/root "
               "memperluas/VERB/4/xcomp kerja/NOUN/5/obj sama/ADJ/6/fixed perdagangan/NOUN/6/nmod ./PUNCT/4/punct")


def _seeded(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of two articles and a cache that holds their parses."""
    inputs, cache_dir = tmp_path / "in", tmp_path / "cache"
    inputs.mkdir()
    cache = AnalysisCache(cache_dir, models_tag(BUNDLED_DIR))
    texts = []
    for name, rows in (("a.txt", [tokens(MEETING.format(day=1)), tokens(COOPERATION)]),
                       ("b.txt", [tokens(MEETING.format(day=1))])):
        art, sentences = article(*rows, article_id=name)
        (inputs / name).write_text(art.text, encoding="utf-8")
        cache.put(art.text, sentences)
        texts.append(art.text)
    assert [a.text for a in read_articles([inputs])] == texts, "the build must find every parse in the cache"
    return inputs, cache_dir


def test_a_cached_build_writes_facts_graph_and_provenance(tmp_path):
    inputs, cache = _seeded(tmp_path)
    out = tmp_path / "out"
    assert main(["build", str(inputs), "--out", str(out), "--cache", str(cache), "--quiet"]) == 0
    facts = read_jsonl(out / "facts.jsonl")
    found = {(f["article"], f["predicate"], f["subject"], f["object"], f["role"]) for f in facts}
    assert ("a.txt", "meets", "Amani Otieno", "Ana Soto", None) in found
    assert ("b.txt", "meets", "Amani Otieno", "Ana Soto", None) in found
    assert ("a.txt", "cooperatesOn", "Kenya", "Peru", "trade") in found
    g = Graph().parse(out / "graph.ttl")
    assert len(set(g.subjects(RDF.type, DIPLO.Meeting))) == 1, "one meeting, reported twice"
    for ev in set(g.subjects(DIPLO.evidence, None)):
        for evid in g.objects(ev, DIPLO.evidence):
            name = str(g.value(g.value(evid, DIPLO.sourceArticle), DIPLO.fileName))
            start, end = int(g.value(evid, DIPLO.startOffset)), int(g.value(evid, DIPLO.endOffset))
            assert (inputs / name).read_text(encoding="utf-8")[start:end] == str(g.value(evid, DIPLO.sentenceText))


def test_a_cached_build_is_byte_identical_run_after_run(tmp_path):
    inputs, cache = _seeded(tmp_path)
    for out in ("one", "two"):
        assert main(["build", str(inputs), "--out", str(tmp_path / out), "--cache", str(cache), "--quiet"]) == 0
    for path in sorted((tmp_path / "one").iterdir()):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


def test_a_build_logged_to_a_file_says_how_far_it_is_in_words(tmp_path, capsys):
    inputs, cache = _seeded(tmp_path)
    words = sum(len((inputs / n).read_text(encoding="utf-8").split()) for n in ("a.txt", "b.txt"))
    assert main(["build", str(inputs), "--out", str(tmp_path / "out"), "--cache", str(cache)]) == 0
    err = capsys.readouterr().err  # not a terminal: tqdm draws nothing, the log gets a line
    assert f"analysed {words:,} words of {words:,} (100%)" in err, err


def test_log_progress_tells_share_rate_and_time_left_every_while():
    from diplograf.graph.cli import LogProgress

    now, lines = [0.0], []
    log = LogProgress("analysed", "words", every=30, clock=lambda: now[0], write=lines.append)
    log.total = 1000
    for _ in range(9):
        now[0] += 10
        log.update(100)
    assert lines[0] == "analysed 300 words of 1,000 (30%), 10 words/s, about 1 min left"
    assert len(lines) == 3  # a line every 30 s, not every batch
    log.update(100)
    assert lines[-1].startswith("analysed 1,000 words of 1,000 (100%)")  # and one at the end


def test_a_rule_that_fails_on_one_article_leaves_it_out_listed_and_builds_the_rest(tmp_path, monkeypatch):
    from diplograf.extract import pipeline

    inputs, cache = _seeded(tmp_path)
    phase, located = pipeline.REGISTRY["relations"]

    def fails_on_b(state, corpus):
        if state.article.id == "b.txt":
            raise KeyError("group:somewhere")
        located(state, corpus)

    monkeypatch.setitem(pipeline.REGISTRY, "relations", (phase, fails_on_b))
    out = tmp_path / "out"
    assert main(["build", str(inputs), "--out", str(out), "--cache", str(cache), "--quiet", "--on-error", "skip"]) == 0
    assert {f["article"] for f in read_jsonl(out / "facts.jsonl")} == {"a.txt"}
    [row] = read_jsonl(out / "rejected.jsonl")
    assert row["source"].endswith("b.txt") and "extraction failed in 'relations': KeyError" in row["reason"]
    with pytest.raises(KeyError):  # --on-error stop: the error itself, nothing published
        main(["build", str(inputs), "--out", str(tmp_path / "stopped"), "--cache", str(cache), "--quiet",
              "--on-error", "stop"])
    assert not (tmp_path / "stopped" / "facts.jsonl").exists()
