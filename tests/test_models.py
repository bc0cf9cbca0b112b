"""The bundled Stanza models: they load offline, and read sentences we wrote as a correct model must."""

from __future__ import annotations

import shutil
import socket

import pytest

from diplograf.extract.models import (
    BUNDLED_DIR,
    FILES,
    ModelError,
    ModelSpec,
    check_folder,
    load_pipeline,
    whole_words,
)
from diplograf.extract.retokenize import Retokenize, split_plus_joined


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("diplograf tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_bundled_models_are_shipped_and_small():
    paths = check_folder(BUNDLED_DIR)
    total = sum(p.stat().st_size for p in paths.values())
    assert total <= 80 * 1024 * 1024, f"bundled models take {total / 2**20:.1f} MiB"
    assert (BUNDLED_DIR / "MODELS.md").is_file()


@pytest.mark.slow
def test_pipeline_loads_offline(no_network):
    nlp = load_pipeline()
    doc = nlp("Presiden Indonesia bertemu Perdana Menteri Jepang.")
    assert len(doc.sentences) == 1


def _sentence(pipeline, text):
    doc = pipeline(text)
    assert len(doc.sentences) == 1, [s.text for s in doc.sentences]
    return doc.sentences[0]


@pytest.mark.slow
def test_plain_clause_heads_and_relations(pipeline):
    s = _sentence(pipeline, "Anak itu membaca buku di perpustakaan.")
    words = {w.text: w for w in s.words}
    root = [w for w in s.words if w.head == 0]
    assert [w.text for w in root] == ["membaca"]
    assert words["membaca"].upos == "VERB"
    assert (words["Anak"].head, words["Anak"].deprel) == (words["membaca"].id, "nsubj")
    assert (words["buku"].head, words["buku"].deprel) == (words["membaca"].id, "obj")
    assert words["di"].deprel == "case"


@pytest.mark.slow
def test_int8_quantises_the_tagger_lemmatiser_and_parser_and_reads_as_well():
    from diplograf.extract.cache import models_tag
    from diplograf.extract.models import QUANTIZED

    nlp = load_pipeline(ModelSpec(int8=True))

    def quantised(name):
        modules = nlp.processors[name]._trainer.model.modules()
        return {type(m).__name__ for m in modules if ".quantized." in type(m).__module__}

    assert QUANTIZED == ("pos", "lemma", "depparse")
    assert {"LSTM", "Linear"} <= quantised("pos")
    assert {"LSTM", "Linear"} <= quantised("depparse")
    assert quantised("ner") == set()  # the NER lost F1 in int8: it stays float
    test_plain_clause_heads_and_relations(nlp)
    assert models_tag(BUNDLED_DIR, int8=True) != models_tag(BUNDLED_DIR)  # never each other's cache entries


@pytest.mark.parametrize("preset", [None, "ACTIVE"])
def test_torch_threads_sleep_while_waiting_unless_the_environment_says(preset):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"} | ({"OMP_WAIT_POLICY": preset}
                                                                          if preset else {})
    code = ("import os, torch; from diplograf.extract.models import use_threads; use_threads(3); "
            "print(os.environ['OMP_WAIT_POLICY'], torch.get_num_threads())")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == [preset or "PASSIVE", "3"]


def _entities(sentence):
    return {(e.text, e.type) for e in sentence.ents}


@pytest.mark.slow
def test_person_full_name_is_one_per_entity(pipeline):
    s = _sentence(pipeline, "Kemarin Joko Widodo bertemu dengan Fumio Kishida di Tokyo.")
    ents = _entities(s)
    assert ("Joko Widodo", "PER") in ents
    assert ("Fumio Kishida", "PER") in ents
    assert ("Tokyo", "LOC") in ents


@pytest.mark.slow
def test_country_is_a_location(pipeline):
    s = _sentence(pipeline, "Indonesia dan Malaysia sepakat memperkuat kerja sama perdagangan.")
    ents = _entities(s)
    assert ("Indonesia", "LOC") in ents and ("Malaysia", "LOC") in ents


@pytest.mark.slow
def test_sentences_and_multiword_tokens(pipeline):
    doc = pipeline("Menteri itu tiba di Jakarta. Ia bertemu dengan presiden. Presiden menyampaikan pidatonya.")
    assert len(doc.sentences) == 3
    clitic = [t for t in doc.sentences[2].tokens if t.text == "pidatonya"]
    assert [w.text for w in clitic[0].words] == ["pidato", "nya"]


@pytest.mark.slow
def test_lexicalised_nya_words_stay_whole(pipeline):
    doc = pipeline("Biasanya dia membaca bukunya, sebaliknya adiknya menulis.")
    words = {t.text: [w.text for w in t.words] for t in doc.sentences[0].tokens}
    assert words["Biasanya"] == ["Biasanya"] and words["sebaliknya"] == ["sebaliknya"]
    assert words["bukunya"] == ["buku", "nya"] and words["adiknya"] == ["adik", "nya"]


def test_retokenize_unflags_only_known_whole_words():
    fix = Retokenize(frozenset({"biasanya"}))
    assert fix([[("Biasanya", True), ("bukunya", True), "dia"]]) == [["Biasanya", ("bukunya", True), "dia"]]
    assert whole_words(BUNDLED_DIR) >= {"biasanya", "sebaliknya", "hanya"}


def test_retokenize_splits_names_joined_by_plus():
    assert split_plus_joined("China+Asia") == ["China", "+", "Asia"]
    assert split_plus_joined("Rusia+Ukraina+Belarus") == ["Rusia", "+", "Ukraina", "+", "Belarus"]
    for kept in ("C++", "C+C5", "A+idn", "idBBB+", "2+3", "+", ("China+Asia", True)):
        assert split_plus_joined(kept) == [kept]
    assert Retokenize()([["menteri", "China+Asia", "Tengah"]]) == [["menteri", "China", "+", "Asia", "Tengah"]]


@pytest.mark.slow
def test_plus_joined_names_are_separate_words(pipeline):
    text = "Menteri luar negeri China+Asia Tengah bertemu di Astana."
    sentence = pipeline(text).sentences[0]
    tokens = {t.text: (t.start_char, t.end_char) for t in sentence.tokens}
    assert tokens["China"] == (20, 25) and tokens["+"] == (25, 26) and tokens["Asia"] == (26, 30)
    assert text[slice(*tokens["Asia"])] == "Asia"
    assert "China+Asia" not in tokens


def test_missing_model_names_the_file_and_the_fix(tmp_path):
    with pytest.raises(ModelError) as err:
        load_pipeline(ModelSpec(folder=tmp_path))
    msg = str(err.value)
    assert str(tmp_path / "tokenize.pt") in msg and "make models" in msg and "--stanza-dir" in msg


def test_a_git_lfs_pointer_is_reported_as_corrupt_before_stanza_loads(tmp_path):
    for name in FILES.values():
        (tmp_path / name).symlink_to(BUNDLED_DIR / name)
    (tmp_path / "depparse.pt").unlink()
    (tmp_path / "depparse.pt").write_bytes(b"version https://git-lfs.github.com/spec/v1\n" + b"x" * 2000)
    with pytest.raises(ModelError, match="corrupt .*depparse.pt"):
        load_pipeline(ModelSpec(folder=tmp_path))


@pytest.mark.slow
def test_a_model_file_torch_cannot_read_is_reported(tmp_path):
    for name in FILES.values():
        shutil.copy(BUNDLED_DIR / name, tmp_path / name)
    (tmp_path / "depparse.pt").write_bytes(b"\x00" * 4096)  # not a torch file at all
    with pytest.raises(ModelError, match="could not load"):
        load_pipeline(ModelSpec(folder=tmp_path))


@pytest.mark.slow
def test_cli_annotate_prints_conllu_with_ner(capsys):
    from diplograf.graph.cli import main

    assert main(["annotate", "Presiden Joko Widodo mengunjungi Jepang."]) == 0
    out = capsys.readouterr().out
    rows = [line.split("\t") for line in out.splitlines() if line and not line.startswith("#")]
    assert rows and all(len(r) == 10 for r in rows)
    assert any("ner=" in r[9] for r in rows)
    assert [r[1] for r in rows if r[6] == "0"] == ["mengunjungi"]


@pytest.mark.slow
def test_official_package_missing_gives_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(ModelError, match="(?s)Stanford's Indonesian package is not usable.*stanza.download"):
        load_pipeline(ModelSpec(package="official"))
