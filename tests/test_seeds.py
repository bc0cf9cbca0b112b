"""The real path on ../shared/corpus/seeds (five news articles), scored with ../shared/eval/score.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from diplograf.graph.cli import main

from conftest import read_jsonl

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_build(shared, tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-out")
    assert main(["build", str(shared / "corpus" / "seeds"), "--out", str(out), "--quiet"]) == 0
    return out


def _score(shared, out) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / "gold-seeds"),
         str(out / "facts.jsonl"), "--entities", str(out / "entities.jsonl"), "--json"],
        capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def test_seed_entities_and_roles(seeds_build):
    ents = read_jsonl(seeds_build / "entities.jsonl")
    names = {(e["article"][:3], e["type"], e["name"]) for e in ents}
    assert ("000", "Person", "Kassym-Jomart Tokayev") in names
    assert ("000", "Country", "China") in names and ("000", "Country", "Kazakhstan") in names
    china = next(e for e in ents if e["article"].startswith("000") and e["name"] == "China")
    assert "Tiongkok" in china["aliases"] and china["wikidata"] == "Q148"
    facts = read_jsonl(seeds_build / "facts.jsonl")
    roles = {(f["subject"], f["object"], f["role"]) for f in facts if f["predicate"] == "holdsRole"}
    assert ("Kassym-Jomart Tokayev", "Kazakhstan", "President") in roles


def test_seed_scores_reach_the_floor(shared, seeds_build):
    scores = _score(shared, seeds_build)
    assert scores["entities"]["f1"] >= FLOOR["entities"]
    assert scores["facts"]["f1"] >= FLOOR["facts"]


#: Regression floors: what this version measured on the seeds (facts F1 0.72, entities F1 0.67)
#: less a margin for model retrains. Raise them as extraction improves.
FLOOR = {"entities": 0.6, "facts": 0.65}
