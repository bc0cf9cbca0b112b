"""The per-article cache of the mention components: a rebuild of unchanged articles runs only the
cross-article steps, writes the same bytes, and finds the mentions again when a rule table changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from parses import article, tokens
from test_build_parses import COOPERATION, MEETING, _seeded

from diplograf.extract import mention_cache, pipeline
from diplograf.extract.cache import AnalysisCache
from diplograf.extract.mention_cache import MentionCache, rules_tag
from diplograf.extract.records import Article
from diplograf.graph.cli import main


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The ids of the articles whose mention components ran."""
    ran: list[str] = []
    real = pipeline.mention_states

    def spy(articles, *args, **kwargs):
        ran.extend(a.id for a in articles)
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(pipeline, "mention_states", spy)
    return ran


def _build(inputs: Path, cache: Path, out: Path) -> dict[str, bytes]:
    assert main(["build", str(inputs), "--out", str(out), "--cache", str(cache), "--quiet",
                 "--formats", "ttl,nt,nq,trig,jsonld"]) == 0
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_a_rebuild_runs_no_mention_component_and_writes_the_same_bytes(tmp_path, counted):
    inputs, cache = _seeded(tmp_path)
    first = _build(inputs, cache, tmp_path / "one")
    assert sorted(counted) == ["a.txt", "b.txt"]
    assert len(list((cache / "mentions").rglob("*.pickle"))) == 2
    counted.clear()
    assert _build(inputs, cache, tmp_path / "two") == first
    assert counted == []  # every article's mentions came from the cache
    (inputs / "c.txt").write_text((inputs / "a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    _build(inputs, cache, tmp_path / "three")
    assert counted == ["c.txt"], "same text, another article: its own entry"


def test_a_changed_rule_table_finds_the_mentions_again_with_the_same_analysis(tmp_path, counted, monkeypatch):
    code = tmp_path / "extract"
    shutil.copytree(mention_cache.HERE, code, ignore=shutil.ignore_patterns("models", "__pycache__"))
    monkeypatch.setattr(mention_cache, "HERE", code)
    mention_cache._code_tag.cache_clear()
    inputs, cache = _seeded(tmp_path)
    first = _build(inputs, cache, tmp_path / "one")
    counted.clear()
    with (code / "data" / "cues.tsv").open("a", encoding="utf-8") as handle:
        handle.write("# a comment is a change too\n")
    mention_cache._code_tag.cache_clear()
    try:
        assert _build(inputs, cache, tmp_path / "two") == first
    finally:
        mention_cache._code_tag.cache_clear()
    assert sorted(counted) == ["a.txt", "b.txt"], "a rule table changed: the mention components ran again"
    assert len(list((cache / "mentions").iterdir())) == 2  # one folder per tag of the rules
    assert len(list((cache / "analysis").rglob("*.json"))) == 2  # the analysis was not redone


def test_the_rules_tag_follows_the_code_and_every_table(tmp_path):
    (tmp_path / "data" / "sub").mkdir(parents=True)
    (tmp_path / "rules.py").write_text("X = 1\n")
    table = tmp_path / "data" / "sub" / "roles.tsv"
    table.write_text("role\tflags\n")
    tags = {rules_tag(tmp_path)}
    table.write_text("role\tflags\npresident\tleader\n")
    tags.add(rules_tag(tmp_path))
    (tmp_path / "rules.py").write_text("X = 2\n")
    tags.add(rules_tag(tmp_path))
    assert len(tags) == 3 and rules_tag(tmp_path) in tags


def test_an_entry_is_the_state_after_the_mention_phase_and_an_unreadable_one_is_dropped(tmp_path):
    art, sentences = article(tokens(MEETING.format(day=2)), tokens(COOPERATION), article_id="k.txt")
    names = ("ner_gazetteer=x",)
    cache = MentionCache(tmp_path, "models", "rules")
    assert cache.get(art, names) is None
    [state] = pipeline.mention_states([art], [sentences])
    cache.put(state, names)
    fields = cache.get(Article(id="k.txt", text=art.text, path="elsewhere/k.txt"), names)
    assert fields is not None  # the file it came from is not the key
    back = pipeline.ArticleState(art, [], **fields)
    assert (back.mentions, back.holdings, back.titles, back.nested) == (state.mentions, state.holdings,
                                                                        state.titles, state.nested)
    assert back.sentences == [] and back.stored() == sentences  # the sentences wait on disk
    held = [h.person for h in back.holdings]  # a holder is one of the mentions (the resolver keys both)
    assert held and all(any(p is m for ms in back.mentions.values() for m in ms) for p in held)
    assert cache.get(art, ("ner_gazetteer=y",)) is None  # other components
    assert MentionCache(tmp_path, "models", "other rules").get(art, names) is None
    assert MentionCache.beside(AnalysisCache(tmp_path, "models"), "rules").get(art, names) is not None
    [entry] = cache.folder.rglob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:40])  # as a disk full or a crash would leave it
    assert cache.get(art, names) is None and not entry.exists()


def test_the_mention_components_run_on_each_chunk_as_it_comes_back_and_a_stop_keeps_them(tmp_path, counted):
    parsed = [article(tokens(MEETING.format(day=d)), article_id=f"a{d}") for d in range(1, 6)]
    articles = [a for a, _ in parsed]
    parses = {a.text: s for a, s in parsed}
    cache = AnalysisCache(tmp_path, "m")
    cache.put(articles[0].text, parses[articles[0].text])  # analysed before: only its mentions to find
    asked: list[tuple[list[str], list[str]]] = []

    def analyse(batches):  # reads a batch when the next result is wanted, as one process does
        for batch in batches:
            asked.append((sorted(counted), [a.id for a in batch]))
            if batch[0].id == "a4" and len(asked) == 2 and not (cache.folder.parent.parent / "stop").exists():
                (cache.folder.parent.parent / "stop").touch()
                raise KeyboardInterrupt  # the user stops the build
            yield [parses[a.text] for a in batch]

    with pytest.raises(KeyboardInterrupt):
        pipeline.cached_states(articles, cache, analyse, chunk=2)
    assert asked == [(["a1"], ["a2", "a3"]), (["a1", "a2", "a3"], ["a4", "a5"])]  # each chunk's mentions at once
    mentions = MentionCache.beside(cache)
    assert len(list(mentions.folder.rglob("*.pickle"))) == 3  # the stopped build kept the chunks it had done
    counted.clear()
    states = pipeline.cached_states(articles, cache, analyse, chunk=2)
    assert counted == ["a4", "a5"]  # the rest, analysed and found now
    whole = pipeline.mention_states(articles, [parses[a.text] for a in articles])
    assert [(st.mentions, st.holdings, st.titles, st.nested) for st in states] == \
        [(st.mentions, st.holdings, st.titles, st.nested) for st in whole]
