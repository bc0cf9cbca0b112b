"""Bad input: no articles, articles that are not Indonesian, malformed records skipped on request, an
unwritable --out. Each fails before any analysis and leaves earlier outputs whole."""

from __future__ import annotations

import json

import pytest

from diplograf.extract.articles import AUTO_SKIP_FROM, InputError, read_articles, read_inputs
from diplograf.extract.language import keep_indonesian, not_indonesian
from diplograf.graph.cli import main

ENGLISH = ("The foreign minister of Kenya met her counterpart from Peru in Nairobi on Monday, and the two said "
           "that they would work together on trade and on the climate.")
INDONESIAN = ("Menteri Luar Negeri Kenya bertemu dengan mitranya dari Peru di Nairobi pada hari Senin, dan "
              "keduanya mengatakan bahwa mereka akan bekerja sama dalam bidang perdagangan.")


def test_an_empty_jsonl_is_no_input(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(InputError, match="no articles to read"):
        read_articles([empty])


def test_english_reads_as_english_and_indonesian_as_indonesian():
    assert "English" in not_indonesian(ENGLISH)
    assert not_indonesian(INDONESIAN) is None
    assert not_indonesian("Jakarta") is None  # too short to tell: taken as it is


def test_articles_that_are_not_indonesian_are_left_out_with_the_reason(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in (("en", ENGLISH), ("id", INDONESIAN))))
    kept, rejected = keep_indonesian(read_articles([feed]))
    assert [a.id for a in kept] == ["id"]
    assert [r["article"] for r in rejected] == ["en"] and "English" in rejected[0]["reason"]


def test_a_run_of_only_foreign_articles_is_an_error_that_writes_nothing(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "en", "text": ENGLISH}) + "\n")
    out = tmp_path / "out"
    assert main(["build", str(feed), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "no Indonesian article" in err and "feed.jsonl:1: not Indonesian" in err
    assert not out.exists()


def test_on_error_skip_records_bad_records_and_keeps_the_rest(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": INDONESIAN}) + "\n{oops\n" + json.dumps({"id": "b"}) + "\n"
                    + json.dumps({"id": "a", "text": INDONESIAN}) + "\n" + "[" * 100000 + "\n")
    rejected: list[dict] = []
    articles = read_articles([feed], rejected)
    assert [a.id for a in articles] == ["a"]
    assert [r["source"].rsplit(":", 1)[1] for r in rejected] == ["2", "3", "4", "5"]
    reasons = [r["reason"] for r in rejected]
    assert reasons[0].startswith("not valid JSON") and "'text' string" in reasons[1]
    assert "duplicate article id" in reasons[2] and reasons[3].startswith("not valid JSON")
    with pytest.raises(InputError, match=r"feed.jsonl:2: not valid JSON"):
        read_articles([feed])  # stop: today's behaviour, the default


def test_auto_skips_bad_records_in_a_large_feed_and_stops_in_a_small_one(tmp_path):
    good = [json.dumps({"id": f"a{i:03d}", "text": INDONESIAN}) for i in range(AUTO_SKIP_FROM)]
    large, small = tmp_path / "large.jsonl", tmp_path / "small.jsonl"
    large.write_text("\n".join(good[:50] + ["{oops"] + good[50:]) + "\n")
    small.write_text("\n".join(good[:3] + ["{oops"]) + "\n")
    articles, rejected = read_inputs([large])  # auto is the default
    assert len(articles) == AUTO_SKIP_FROM and [r["source"] for r in rejected] == [f"{large}:51"]
    with pytest.raises(InputError, match=r"small.jsonl:4: not valid JSON.*--on-error skip"):
        read_inputs([small])
    assert len(read_inputs([small], "skip")[0]) == 3
    with pytest.raises(InputError, match=r"large.jsonl:51: not valid JSON"):
        read_inputs([large], "stop")
    with pytest.raises(ValueError, match="on_error"):
        read_inputs([small], "ignore")


def test_a_file_that_is_not_utf8_is_skipped_on_request(tmp_path):
    (tmp_path / "good.txt").write_text(INDONESIAN)
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    rejected: list[dict] = []
    assert [a.id for a in read_articles([tmp_path], rejected)] == ["good.txt"]
    assert rejected[0]["source"].endswith("bad.txt") and "not UTF-8" in rejected[0]["reason"]


def test_an_unwritable_out_fails_before_the_analysis(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(INDONESIAN)
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    assert main(["build", str(article), "--out", str(blocker), "--quiet", "--stanza-dir", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert f"--out {blocker}: cannot write there" in err and ".tmp" not in err


@pytest.mark.slow
def test_a_feed_with_bad_and_foreign_records_builds_the_rest_and_lists_them(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "id", "text": INDONESIAN}) + "\n{oops\n"
                    + json.dumps({"id": "en", "text": ENGLISH}) + "\n")
    out = tmp_path / "out"
    assert main(["build", str(feed), "--out", str(out), "--quiet", "--on-error", "skip"]) == 0
    rejected = [json.loads(line) for line in (out / "rejected.jsonl").read_text().splitlines()]
    assert [r["source"].rsplit(":", 1)[1] for r in rejected] == ["2", "3"]
    facts = [json.loads(line) for line in (out / "facts.jsonl").read_text().splitlines()]
    assert facts and {f["article"] for f in facts} == {"id"}


def test_a_second_build_into_a_busy_out_fails_at_once(tmp_path, capsys):
    from diplograf.graph.outputs import out_lock

    article = tmp_path / "a.txt"
    article.write_text(INDONESIAN)
    out = tmp_path / "out"
    out.mkdir()
    with out_lock(out):  # as a first build running would hold it
        assert main(["build", str(article), "--out", str(out), "--quiet"]) == 1
    assert "another diplograf build is writing there" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_a_store_held_by_a_server_fails_before_any_output_is_rewritten(tmp_path, capsys):
    from diplograf.graph.store import open_store

    article = tmp_path / "a.txt"
    article.write_text(INDONESIAN)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# earlier graph\n")
    held = open_store(tmp_path / "store")  # as a running 'diplograf serve --writable' would
    try:
        assert main(["build", str(article), "--out", str(out), "--quiet", "--store", str(tmp_path / "store")]) == 1
    finally:
        del held
    assert "is 'diplograf serve' running on it" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


OUTPUTS = ("graph.ttl", "graph.trig", "facts.jsonl", "entities.jsonl", "rejected.jsonl", "graph.html")


@pytest.mark.slow
def test_a_build_killed_at_any_point_leaves_the_old_outputs_or_the_new_ones(tmp_path):
    import shutil
    import signal
    import subprocess
    import sys
    import time

    from conftest import EXAMPLES

    out, inputs = tmp_path / "out", tmp_path / "inputs"
    shutil.copytree(EXAMPLES, inputs)
    assert main(["build", str(inputs), "--out", str(out), "--quiet", "--no-cache"]) == 0
    old = {name: (out / name).read_bytes() for name in OUTPUTS}
    (inputs / "zz_extra.txt").write_text(INDONESIAN)  # the next build writes other bytes
    reference = tmp_path / "reference"
    assert main(["build", str(inputs), "--out", str(reference), "--quiet", "--no-cache"]) == 0
    new = {name: (reference / name).read_bytes() for name in OUTPUTS}
    changing = [name for name in OUTPUTS if new[name] != old[name]]
    assert changing
    command = [sys.executable, "-c", "import sys; from diplograf.graph.cli import main; sys.exit(main())",
               "build", str(inputs), "--out", str(out), "--quiet", "--no-cache"]
    outcomes = []
    for delay in (0.5, 2.0, 4.0, 6.0, 8.0, 10.0):
        proc = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = {name: (out / name).read_bytes() for name in OUTPUTS}
        state = {name: "old" if now[name] == old[name] else "new" if now[name] == new[name] else "other"
                 for name in changing}
        assert len(set(state.values())) == 1 and "other" not in state.values(), f"killed after {delay} s: {state}"
        outcomes.append(next(iter(state.values())))
        if outcomes[-1] == "new":
            break
    assert "old" in outcomes  # at least one kill landed mid-build
    assert main(["build", str(inputs), "--out", str(out), "--quiet", "--no-cache"]) == 0
    assert not (out / ".staging").exists()
    assert all((out / name).read_bytes() == new[name] for name in OUTPUTS)


def _fuzz_inputs(folder):
    """Bad inputs of every kind the issue lists, each in its own file."""
    import random

    rng = random.Random(5)
    cases = {
        "empty.txt": b"",
        "blank.jsonl": b"\n\n  \n",
        "binary.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "latin1.txt": "Menteri Luar Negeri bertemu di Bogotá, señor.".encode("latin-1"),
        "nested.jsonl": b"[" * 200000 + b"\n",
        "huge-line.jsonl": b'{"id": "h", "text": "' + b"x" * (3 * 1024 * 1024) + b'"}\n',
        "not-object.jsonl": b'["a", "b"]\n42\n"text"\n',
        "bad-date.jsonl": json.dumps({"id": "d", "text": INDONESIAN, "date": "kemarin sore"}).encode() + b"\n",
        "controls.txt": ("\x00\x01\x02\x1b[31m" * 20).encode(),
        "ten-mb.txt": (INDONESIAN + " ").encode() * (10 * 1024 * 1024 // (len(INDONESIAN) + 1)),
    }
    for name, data in cases.items():
        (folder / name).write_bytes(data)
    return cases


@pytest.mark.parametrize("on_error", ["stop", "skip"])
def test_fuzz_bad_inputs_never_trace_back_and_leave_outputs_whole(tmp_path, capsys, on_error):
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    for name in _fuzz_inputs(feeds):
        out = tmp_path / f"out-{name}"
        out.mkdir()
        (out / "graph.ttl").write_text("# earlier graph\n")
        try:
            rc = main(["build", str(feeds / name), "--out", str(out), "--quiet", "--on-error", on_error])
        except SystemExit as exit_:  # argparse
            rc = exit_.code
        err = capsys.readouterr().err
        assert rc == 1 and "diplograf: error:" in err and "Traceback" not in err, (name, rc, err)
        assert str(feeds / name) in err, (name, err)  # the message names the file
        assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"], name
        assert (out / "graph.ttl").read_text() == "# earlier graph\n", name


def test_load_to_a_server_that_is_down_says_so_at_once(tmp_path, capsys):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    quads = tmp_path / "graph.nq"
    quads.write_text('<urn:a> <urn:p> "x" <urn:g> .\n')
    endpoint = f"http://127.0.0.1:{port}/store"
    assert main(["load", str(quads), "--endpoint", endpoint, "--retries", "1", "--backoff", "0.01", "--quiet"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"connection refused at {endpoint}") and "retrying up to 1 times" in err[0]
    error = next(line for line in err if line.startswith("diplograf: error:"))
    assert f"connection refused at {endpoint}" in error and "--user" not in "\n".join(err)
