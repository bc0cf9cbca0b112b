"""The tuning of the trained parser (recipe step ``depparse_tune``).

The sentences are written by the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograf.extract.models import BUNDLED_DIR

# Written by the project: (form, lemma, gold UPOS, head, deprel).
TAGGED = [
    [("Presiden", "presiden", "NOUN", 3, "nsubj"), ("Joko", "Joko", "PROPN", 1, "flat:name"),
     ("mengunjungi", "kunjung", "VERB", 0, "root"), ("Jepang", "Jepang", "PROPN", 3, "obj"),
     (".", ".", "PUNCT", 3, "punct")],
    [("Kedua", "dua", "NUM", 2, "nummod"), ("menteri", "menteri", "NOUN", 3, "nsubj"),
     ("menandatangani", "tanda tangan", "VERB", 0, "root"), ("perjanjian", "janji", "NOUN", 3, "obj"),
     ("dagang", "dagang", "NOUN", 4, "compound"), (".", ".", "PUNCT", 3, "punct")],
]


def conllu(sentences: list, upos: str | None = None, prefix: str = "t", lemma: str | None = None) -> str:
    """CoNLL-U of TAGGED-like sentences; ``upos`` and ``lemma`` replace every tag or lemma when given."""
    lines = []
    for n, sent in enumerate(sentences):
        lines.append(f"# sent_id = {prefix}{n}")
        for i, (form, lem, tag, head, rel) in enumerate(sent, 1):
            lines.append("\t".join([str(i), form, lemma or lem, upos or tag, "_", "_", str(head), rel, "_", "_"]))
        lines.append("")
    return "\n".join(lines) + "\n"


def bundled_work(tmp_path: Path):
    """A training folder whose trained tagger and vectors are the bundled ones."""
    from devtools.training.work import BUNDLE, Work

    work = Work(tmp_path / "work", tmp_path)
    (work.saved / "pos").mkdir(parents=True)
    (work.saved / "pos" / BUNDLE["pos"]).symlink_to(BUNDLED_DIR / "pos.pt")
    work.pretrain.parent.mkdir(parents=True)
    work.pretrain.symlink_to(BUNDLED_DIR / "pretrain.pt")
    return work


def test_the_tuned_parser_keeps_the_shape_of_its_profile():
    from devtools.training.work import shape_args, step_args

    cpu = shape_args("cpu", "depparse")
    assert cpu[cpu.index("--num_layers") + 1] == "2" and cpu[cpu.index("--batch_size") + 1] == "1500"
    gpu = shape_args("gpu", "depparse")
    assert gpu == ["--deep_biaff_hidden_dim", "200", "--no_ufeats"], "gpu: Stanza's sizes but the scorer"
    assert "--max_steps" not in cpu + gpu, "schedules are not shape"
    tune = step_args("depparse_tune", "gpu")
    assert tune[tune.index("--second_optim_start_step") + 1] == "1", "Adam from the first step"


@pytest.mark.slow
def test_retag_gives_the_taggers_upos_and_keeps_lemmas_and_trees(tmp_path: Path):
    from devtools.training.tuning import tagger
    from devtools.training.work import UPOS_COL, predict_column

    work = bundled_work(tmp_path)
    src, dst = tmp_path / "train.conllu", tmp_path / "tuned" / "train.conllu"
    # every tag wrong on purpose: X is never what the tagger says for these words
    src.write_text(conllu(TAGGED, upos="X"), encoding="utf-8")
    changed, words = predict_column(work, "retag", tagger(work), src, dst, UPOS_COL)
    assert (changed, words) == (11, 11)
    rows = [line.split("\t") for line in dst.read_text(encoding="utf-8").splitlines() if line and line[0].isdigit()]
    gold = [w for sent in TAGGED for w in sent]
    assert [(r[1], r[2], r[6], r[7]) for r in rows] == [(f, lem, str(h), rel) for f, lem, _, h, rel in gold]
    tags = {r[1]: r[3] for r in rows}
    assert tags["mengunjungi"] == tags["menandatangani"] == "VERB" and tags["."] == "PUNCT"
    assert tags["Jepang"] == "PROPN" and tags["perjanjian"] == "NOUN"
    assert not list(dst.parent.glob("*.predicted")), "the model's raw output is removed"


def test_tuning_reads_new_data_with_the_models_vocabulary(monkeypatch):
    from stanza.models.depparse import data as stanza_data
    from stanza.utils.conll import CoNLL

    from devtools.training.tune_parser import model_vocab, use_vocab

    monkeypatch.setattr(stanza_data.Dataset, "init_vocab", stanza_data.Dataset.init_vocab)
    doc = CoNLL.conll2doc(input_str=conllu(TAGGED[1:]))
    args = {"sample_train": 1.0, "pretrain": False, "word_cutoff": 0, "shorthand": "id_diplo"}
    fresh = stanza_data.Dataset(doc, args, None).vocab
    vocab = model_vocab(str(BUNDLED_DIR / "depparse.pt"))
    assert fresh["deprel"].unit2id("obj") != vocab["deprel"].unit2id("obj"), "a fresh vocabulary renumbers"
    use_vocab(vocab)
    tuned = stanza_data.Dataset(doc, args, None).vocab
    assert tuned is vocab
    for rel in ("nsubj", "obj", "compound", "root"):
        assert tuned["deprel"].unit2id(rel) == vocab["deprel"].unit2id(rel)


def test_a_new_tagger_or_parser_makes_the_tuned_parser_stale(tmp_path: Path):
    from devtools.training.recipe import BUILT_ON
    from devtools.training.work import Work, forget, is_done

    work = Work(tmp_path / "work", tmp_path)
    (work.root / "done").mkdir(parents=True)
    (work.root / "done" / "depparse_tune").write_text("ok\n")
    (work.saved / "depparse_tune").mkdir(parents=True)
    (work.saved / "depparse_tune" / "depparse_checkpoint.pt").write_bytes(b"old run")
    (work.saved / "depparse").mkdir()
    assert BUILT_ON["pos"] == BUILT_ON["depparse"] == ("depparse_tune",)
    forget(work, "depparse_tune")
    assert not is_done(work, "depparse_tune"), "export would take the stale tuned parser"
    assert not (work.saved / "depparse_tune").exists(), "the tuning would resume the old checkpoint"
    assert (work.saved / "depparse").exists()
    forget(work, "depparse_tune")  # nothing left to forget: no error


@pytest.mark.slow
def test_tuning_runs_on_a_small_mix(tmp_path: Path, monkeypatch):
    """The step end to end on two training and three dev sentences, one training step: the data,
    the command Stanza's trainer takes, a model that keeps the trained one's vocabulary."""
    from devtools.training import data, tuning
    from devtools.training.tune_parser import model_vocab
    from devtools.training.work import BUNDLE

    monkeypatch.setenv("DIPLOGRAF_TRAIN_SCALE", "0.001")
    work = bundled_work(tmp_path)
    work.profile = "gpu"
    (work.saved / "depparse").mkdir()
    (work.saved / "depparse" / BUNDLE["depparse"]).symlink_to(BUNDLED_DIR / "depparse.pt")
    for split, sentences in (("train", TAGGED), ("dev", TAGGED + TAGGED[:1])):
        path = work.root / "data" / "depparse" / f"{data.SHORT}.{split}.in.conllu"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(conllu(sentences, upos="X", prefix=f"{split}-", lemma="L"), encoding="utf-8")
    model = tuning.step_depparse_tune(work)
    theirs = model_vocab(str(BUNDLED_DIR / "depparse.pt"))
    assert model_vocab(str(model))["deprel"].state_dict() == theirs["deprel"].state_dict()
    folder = work.root / "data" / "depparse_tune"
    train = list(data.read_conllu(folder / f"{data.SHORT}.train.in.conllu"))
    dev = list(data.read_conllu(folder / f"{data.SHORT}.dev.in.conllu"))
    assert (len(train), len(dev)) == (2, 3)
    rows = [line.split("\t") for block in train + dev for line in block if line[0].isdigit()]
    assert "X" not in {r[3] for r in rows} and "VERB" in {r[3] for r in rows}, "retagged by our tagger"
    assert {r[2] for r in rows} == {"L"}, "lemmas kept"
    assert json.loads((folder / "retag.json").read_text())["dev"] == {"changed": 16, "words": 16}
