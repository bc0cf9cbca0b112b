"""Shared fixtures: the real bundled Stanza models, the examples' build, ../shared when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def analysis_cache(tmp_path_factory) -> Path:
    """Builds in the tests cache their analyses in a folder of the run, never in the user's ~/.cache."""
    import os

    folder = tmp_path_factory.mktemp("analysis-cache")
    os.environ["DIPLOGRAF_CACHE"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip(f"{SHARED} is absent: the shared development data is only on developer machines and CI")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    """The bundled Indonesian pipeline, loaded offline (a missing model fails, it does not skip)."""
    from diplograf.extract.models import load_pipeline

    return load_pipeline()


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def examples_build(tmp_path_factory) -> Path:
    """``diplograf build examples`` run once through the real CLI; returns the output folder."""
    from diplograf.graph.cli import main

    out = tmp_path_factory.mktemp("examples-out")
    assert main(["build", str(EXAMPLES), "--out", str(out), "--quiet"]) == 0
    return out


@pytest.fixture(scope="session")
def example_facts(examples_build) -> list[dict]:
    return read_jsonl(examples_build / "facts.jsonl")


@pytest.fixture(scope="session")
def seeds_build(shared, tmp_path_factory) -> Path:
    """``diplograf build`` of ../shared/corpus/seeds with every RDF format and a store, run once."""
    from diplograf.graph.cli import main

    out = tmp_path_factory.mktemp("seeds-out")
    assert main(["build", str(shared / "corpus" / "seeds"), "--out", str(out), "--quiet",
                 "--formats", "ttl,nt,nq,trig,jsonld", "--store", str(out / "store")]) == 0
    return out


@pytest.fixture(scope="session")
def seeds_facts(seeds_build) -> list[dict]:
    return read_jsonl(seeds_build / "facts.jsonl")


@pytest.fixture(scope="session")
def indosum_dev_build(shared, tmp_path_factory) -> Path:
    """``diplograf build`` of the 36 real development articles (../shared/corpus/indosum/dev.jsonl), run once."""
    from diplograf.graph.cli import main

    out = tmp_path_factory.mktemp("indosum-dev-out")
    assert main(["build", str(shared / "corpus" / "indosum" / "dev.jsonl"), "--out", str(out), "--quiet"]) == 0
    return out
