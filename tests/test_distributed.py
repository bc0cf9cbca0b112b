"""Analysis on Dask workers (``build --workers/--scheduler``): a real LocalCluster of two worker
processes, the real models, outputs compared byte for byte with a one-process build."""

from __future__ import annotations

import pytest

from diplograf.graph import distributed
from diplograf.graph.api import build
from diplograf.graph.distributed import ClusterError, connect

from conftest import EXAMPLES


def test_an_unreachable_scheduler_is_named():
    pytest.importorskip("distributed")
    with pytest.raises(ClusterError, match=r"--scheduler tcp://127\.0\.0\.1:9: no Dask scheduler answers"):
        with connect(scheduler="tcp://127.0.0.1:9", timeout=1):
            pass


def test_workers_must_be_one_or_more(tmp_path):
    with pytest.raises(ValueError, match="workers must be 1 or more"):
        build([EXAMPLES], tmp_path, workers=0)


def _loaded_pipeline() -> int:
    return id(next(iter(distributed._LOADED.values()))) if distributed._LOADED else 0


@pytest.mark.slow
def test_dask_builds_are_byte_identical_to_one_process(tmp_path):
    """Two articles a batch spreads the five examples over both workers; each loads the models once;
    the client keeps the analyses and the mentions; a rebuild from the cache needs no cluster at all."""
    LocalCluster = pytest.importorskip("distributed").LocalCluster
    from distributed import Client

    from diplograf.graph.cli import main

    one = build([EXAMPLES], tmp_path / "one", cache=False, batch_size=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit=0,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        cache = tmp_path / "cache"
        seen = []
        remote = build([EXAMPLES], tmp_path / "remote", cache=cache, batch_size=2,
                       scheduler=cluster.scheduler_address, progress=seen.extend)
        first = client.run(_loaded_pipeline)
        assert len(first) == 2 and all(first.values()), "both workers analysed a batch"
        again = build([EXAMPLES], tmp_path / "again", cache=False, batch_size=2, scheduler=cluster.scheduler_address)
        assert client.run(_loaded_pipeline) == first, "the models stay loaded between builds"
    assert sorted(a.id for a in seen) == sorted(a.id for a in one.articles)
    assert len(list((cache / "analysis").glob("*/*/*.json"))) == len(one.articles)
    # the client ran the mention components and kept them, as a one-process build does
    assert len(list((cache / "mentions").glob("*/*/*.pickle"))) == len(one.articles)
    assert main(["build", str(EXAMPLES), "--out", str(tmp_path / "cli"), "--workers", "2", "--batch-size", "2",
                 "--no-cache", "--quiet"]) == 0
    cached = build([EXAMPLES], tmp_path / "cached", cache=cache, batch_size=2, scheduler="tcp://127.0.0.1:9")
    assert [p.name for p in one.written] == ["graph.ttl", "graph.trig", "facts.jsonl", "entities.jsonl",
                                              "rejected.jsonl", "graph.html"]
    assert b"diplo:" in (tmp_path / "one" / "graph.ttl").read_bytes()
    for path in one.written:
        for other in (remote, again, cached):
            assert path.read_bytes() == (other.written[0].parent / path.name).read_bytes(), (path.name, other)
        assert path.read_bytes() == (tmp_path / "cli" / path.name).read_bytes(), path.name
