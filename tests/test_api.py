"""The library API under the CLI: ``diplograf.graph.api.build``."""

from __future__ import annotations

import pytest

from diplograf.graph.api import build

from conftest import EXAMPLES

pytestmark = pytest.mark.slow


def test_build_in_memory_writes_nothing_and_returns_graph_and_records(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = build([EXAMPLES])
    assert len(result.articles) == len(list(EXAMPLES.glob("*.txt")))
    facts = [f for r in result.extraction.articles for f in r.facts]
    assert facts and all(f.confidence >= 0.7 for f in facts)
    assert len(result.graph) > 0 and result.written == []
    assert list(tmp_path.iterdir()) == []


def test_build_to_a_folder_matches_the_cli(tmp_path):
    from diplograf.graph.cli import main

    result = build([EXAMPLES], tmp_path / "api")
    assert main(["build", str(EXAMPLES), "--out", str(tmp_path / "cli"), "--quiet"]) == 0
    assert [p.name for p in result.written] == ["graph.ttl", "graph.trig", "facts.jsonl", "entities.jsonl",
                                                 "rejected.jsonl", "graph.html"]
    for path in result.written:
        assert path.read_bytes() == (tmp_path / "cli" / path.name).read_bytes(), path.name
