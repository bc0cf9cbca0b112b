"""The training-data preparation: GSD v2.1 rewritten to current conventions, the NER label map.

The sentences are written by the project in the style of the v2.1 annotation."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.training import data, gsd21

# Rows: id, form, upos, head, deprel, as GSD v2.1 annotates them (no lemmas, no features).
V21_ROWS = [
    (1, "Menteri", "NOUN", 5, "nsubj"),
    (2, "Retno", "PROPN", 1, "flat"),
    (3, "Marsudi", "PROPN", 2, "flat"),
    (4, "telah", "ADV", 5, "advmod"),
    (5, "menyampaikan", "VERB", 0, "root"),
    (6, "pesannya", "NOUN", 5, "obj"),
    (7, "kepada", "ADP", 10, "case"),
    (8, "salah", "DET", 10, "det"),
    (9, "satu", "DET", 8, "fixed"),
    (10, "delegasi", "NOUN", 5, "obl"),
    (11, "yang", "PRON", 12, "nsubj"),
    (12, "hadir", "VERB", 10, "acl"),
    (13, "di", "ADP", 14, "case"),
    (14, "kota", "NOUN", 12, "obl"),
    (15, "-", "PUNCT", 16, "punct"),
    (16, "kota", "NOUN", 14, "compound:plur"),
    (17, "besar", "ADJ", 14, "amod"),
    (18, ".", "PUNCT", 5, "punct"),
]


def v21_block(rows=V21_ROWS, text="Menteri Retno Marsudi telah menyampaikan pesannya ...") -> list[str]:
    lines = [f"# text = {text}"]
    for ident, form, upos, head, deprel in rows:
        lines.append("\t".join([str(ident), form, "_", upos, "_", "_", str(head), deprel, "_", "_"]))
    return lines


def parse(lines: list[str]) -> tuple[dict[str, list[str]], list[list[str]]]:
    words = {}
    ranges = []
    for line in lines:
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 10, line
        if "-" in cols[0]:
            ranges.append(cols)
        else:
            words[cols[0]] = cols
    return words, ranges


def by_form(words: dict[str, list[str]]) -> dict[str, list[str]]:
    return {w[1]: w for w in words.values()}


def test_v21_sentence_is_rewritten_to_current_gsd():
    words, ranges = parse(gsd21.convert_sentence(v21_block()))
    w = by_form(words)
    ids = [int(i) for i in words]
    assert ids == list(range(1, len(ids) + 1)), "ids are renumbered 1..n"
    # -nya split off under a multi-word token, possessor of its noun
    assert ranges == [["6-7", "pesannya", "_", "_", "_", "_", "_", "_", "_", "_"]]
    assert w["pesan"][0] == "6" and w["nya"][3:8] == ["PRON", "_", "_", "6", "nmod:poss"]
    # name parts: flat:name inside the name, nmod after the common noun
    assert w["Marsudi"][7] == "flat:name" and w["Marsudi"][6] == w["Retno"][0]
    assert w["Retno"][7] == "nmod" and w["Retno"][6] == w["Menteri"][0]
    # auxiliaries
    assert (w["telah"][3], w["telah"][7]) == ("AUX", "aux")
    # "salah satu delegasi": salah -> satu -> delegasi
    assert (w["salah"][3], w["salah"][6], w["salah"][7]) == ("ADJ", w["satu"][0], "advmod")
    assert (w["satu"][3], w["satu"][6], w["satu"][7]) == ("NUM", w["delegasi"][0], "nummod")
    # relative clause with "yang"
    assert w["hadir"][7] == "acl:relcl"
    # reduplicated plural is one word; its dependents follow it
    assert "kota-kota" in w and "-" not in w
    assert w["besar"][6] == w["kota-kota"][0] and w["di"][6] == w["kota-kota"][0]
    # every head points at an existing word
    assert all(x[6] == "0" or x[6] in words for x in words.values())


def test_nya_on_verbs_and_lexicalised_words():
    rows = [
        (1, "Dokumen", "NOUN", 2, "nsubj:pass"),
        (2, "ditandatanganinya", "VERB", 0, "root"),
        (3, "dan", "CCONJ", 4, "cc"),
        (4, "membacakannya", "VERB", 2, "conj"),
        (5, "hanya", "ADV", 6, "advmod"),
        (6, "sekali", "ADV", 4, "advmod"),
    ]
    words, ranges = parse(gsd21.convert_sentence(v21_block(rows, "...")))
    forms = [w[1] for w in words.values()]
    assert forms == ["Dokumen", "ditandatangani", "nya", "dan", "membacakan", "nya", "hanya", "sekali"]
    assert [r[1] for r in ranges] == ["ditandatanganinya", "membacakannya"]
    nyas = [w for w in words.values() if w[1] == "nya"]
    assert [(n[6], n[7]) for n in nyas] == [("2", "obl:agent"), ("5", "obj")]
    assert words["4"][6] == "5" and words["5"][6] == "2", "dependents follow the renumbered host"


def test_untuk_before_a_verb_is_a_marker_before_a_noun_a_case():
    rows = [
        (1, "datang", "VERB", 0, "root"),
        (2, "untuk", "ADP", 3, "case"),
        (3, "membahas", "VERB", 1, "advcl"),
        (4, "untuk", "ADP", 5, "case"),
        (5, "rakyat", "NOUN", 3, "obl"),
    ]
    words, _ = parse(gsd21.convert_sentence(v21_block(rows, "...")))
    assert (words["2"][3], words["2"][7]) == ("SCONJ", "mark")
    assert (words["4"][3], words["4"][7]) == ("ADP", "case")


def test_adjectival_relative_clause_and_secara_adverbs():
    rows = [
        (1, "Kerja", "NOUN", 5, "nsubj:pass"),
        (2, "sama", "NOUN", 1, "compound"),
        (3, "yang", "PRON", 4, "nsubj"),
        (4, "erat", "ADJ", 1, "amod"),
        (5, "disepakati", "VERB", 0, "root"),
        (6, "secara", "ADP", 5, "case"),
        (7, "resmi", "ADJ", 5, "amod"),
        (8, "secara", "ADP", 9, "case"),
        (9, "bertahap", "ADJ", 5, "xcomp"),
        (10, "baru", "ADJ", 1, "amod"),
    ]
    words, _ = parse(gsd21.convert_sentence(v21_block(rows, "...")))
    assert words["4"][7] == "acl:relcl", "an adjective with 'yang' is a relative clause"
    assert words["10"][7] == "amod", "a bare adjective stays amod"
    assert (words["6"][6], words["6"][7]) == ("7", "case:adv"), "secara hangs on its adjective"
    assert (words["7"][6], words["7"][7]) == ("5", "advmod")
    assert (words["8"][6], words["8"][7], words["9"][7]) == ("9", "case:adv", "advmod")


def test_syn_mix_converts_only_gsd21(tmp_path: Path):
    src = tmp_path / "v21.conllu"
    src.write_text("\n".join(v21_block()) + "\n\n", encoding="utf-8")
    out = tmp_path / "mix.conllu"
    assert data.write_conllu(out, [("gsd21", src), ("csui", src)], blank_xpos=True) == 2
    blocks = list(data.read_conllu(out))
    assert "6-7\tpesannya" in "\n".join(blocks[0])  # converted
    assert "6\tpesannya" in "\n".join(blocks[1])  # any other source is left as it is
    assert blocks[0][0] == "# sent_id = gsd21-0"


def test_ner_labels_map_onto_one_set_and_bio_is_repaired():
    assert [data.map_tag(t) for t in ("B-PERSON", "I-PPL", "B-PLC", "I-IND", "B-EVT", "B-FNB", "O")] == [
        "B-PER", "I-PER", "B-LOC", "I-ORG", "B-EVENT", "O", "O"]
    assert data.fix_bio(["O", "I-PER", "I-PER", "I-LOC", "B-ORG"]) == ["O", "B-PER", "I-PER", "B-LOC", "B-ORG"]


@pytest.mark.slow
def test_treebank_mixes_from_the_shared_data(shared: Path, tmp_path: Path):
    counts = data.build_treebanks(shared, tmp_path)
    syn = tmp_path / "ud_syn" / data.TREEBANK
    tok = tmp_path / "ud_tok" / data.TREEBANK

    def cols(path: Path) -> list[list[str]]:
        return [line.split("\t") for block in data.read_conllu(path) for line in block if not line.startswith("#")]

    syn_train = cols(syn / f"{data.SHORT}-ud-train.conllu")
    assert counts["syn_train"] == counts["tok_train"] + 4477
    assert all(c[4] == "_" for c in syn_train), "XPOS is blanked in the mixed set"
    assert sum(c[1] == "nya" for c in syn_train) > 1000, "GSD v2.1 -nya is split off"
    assert not any(c[7] == "compound:plur" for c in syn_train[:1000]), "v2.1 relabelled"
    # the tagger's dev file has no FEATS (it then picks its best model by UPOS); test files keep them
    assert all(c[5] == "_" for c in cols(syn / f"{data.SHORT}-ud-dev.conllu"))
    assert any(c[5] != "_" for c in cols(syn / f"{data.SHORT}-ud-test.conllu"))
    assert any(c[5] != "_" for c in cols(tok / f"{data.SHORT}-ud-dev.conllu"))


def test_lexicalised_nya_is_joined_for_the_tokenizer():
    block = [
        "# text = Negara lainnya hadir.",
        "1\tNegara\tnegara\tNOUN\t_\t_\t4\tnsubj\t_\t_",
        "2-3\tlainnya\t_\t_\t_\t_\t_\t_\t_\t_",
        "2\tlain\tlain\tADJ\t_\t_\t1\tamod\t_\t_",
        "3\tnya\tnya\tPRON\t_\t_\t2\tdet\t_\t_",
        "4\thadir\thadir\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No",
        "5\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_",
    ]
    words, ranges = parse(gsd21.join_whole_words(block))
    assert ranges == []
    assert [(w[0], w[1], w[6]) for w in words.values()] == [
        ("1", "Negara", "3"), ("2", "lainnya", "1"), ("3", "hadir", "0"), ("4", ".", "3")]
    kept = block[:1] + [line.replace("lainnya", "bukunya") for line in block[1:]]
    assert gsd21.join_whole_words(kept) == kept, "a real host + clitic stays split"


def test_hyphen_between_names_is_attached_and_stems_in_nya_stay_whole():
    block = v21_block([
        (1, "Jalur", "NOUN", 0, "root"),
        (2, "Bengkong", "PROPN", 1, "flat"),
        (3, "-", "PUNCT", 4, "punct"),
        (4, "Batam", "PROPN", 2, "flat"),
        (5, "ialah", "AUX", 1, "cop"),
        (6, "bertanya", "VERB", 1, "acl"),
    ], "Jalur Bengkong - Batam ialah bertanya")
    out = gsd21.convert_sentence(block)
    assert "# text = Jalur Bengkong-Batam ialah bertanya" in out
    words, ranges = parse(out)
    assert ranges == [] and [w[1] for w in words.values()] == ["Jalur", "Bengkong", "-", "Batam", "ialah", "bertanya"]


def test_slim_drops_optimizer_and_halves_weights_that_load_back(tmp_path: Path):
    import torch

    from devtools.training.slim import slim_model

    torch.manual_seed(0)
    layer = torch.nn.LSTM(8, 16)
    src, dst = tmp_path / "model.pt", tmp_path / "slim.pt"
    torch.save({"model": layer.state_dict(), "optimizer": {"state": torch.zeros(1000)}, "config": {"a": 1}}, src)
    slim_model(src, dst, half=True)
    state = torch.load(dst, weights_only=False)
    assert "optimizer" not in state and state["config"] == {"a": 1}
    assert {t.dtype for t in state["model"].values()} == {torch.float16}
    back = torch.nn.LSTM(8, 16)
    back.load_state_dict(state["model"])  # copied back into float32 parameters
    x = torch.randn(5, 1, 8)
    assert next(back.parameters()).dtype == torch.float32
    assert torch.allclose(back(x)[0], layer(x)[0], atol=1e-2)
    assert dst.stat().st_size < src.stat().st_size / 2


def test_both_profiles_train_the_parser_without_feats_and_scale(monkeypatch):
    from devtools.training.work import PROFILES, step_args

    assert set(PROFILES) == {"cpu", "gpu"}
    for profile in PROFILES:
        assert "--no_ufeats" in step_args("depparse", profile)
    gpu = step_args("depparse", "gpu")
    assert gpu[gpu.index("--max_steps") + 1] == "3000"
    monkeypatch.setenv("DIPLOGRAF_TRAIN_SCALE", "0.5")
    gpu = step_args("depparse", "gpu")
    assert gpu[gpu.index("--max_steps") + 1] == "1500"
    assert gpu[gpu.index("--second_optim_start_step") + 1] == "1000"


def _tiny_shared(root: Path, current_gsd: bool, v21: bool = True) -> Path:
    """A ../shared tree whose every treebank file is one sentence written here."""
    sentence = "\n".join(v21_block()) + "\n\n"
    for key, path in data.ud_sources(root).items():
        if (key == "gsd_train" and not current_gsd) or (key == "gsd21_train" and not v21):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sentence, encoding="utf-8")
    return root


def test_current_gsd_train_takes_the_place_of_v21(tmp_path: Path):
    def syn_mix(shared: Path) -> tuple[dict, list[str], list[list[str]]]:
        work = tmp_path / shared.name / "work"
        counts = data.build_treebanks(shared, work)
        syn = work / "ud_syn" / data.TREEBANK / f"{data.SHORT}-ud-train.conllu"
        blocks = list(data.read_conllu(syn))
        return counts, [b[0] for b in blocks], blocks

    counts, ids, blocks = syn_mix(_tiny_shared(tmp_path / "old", current_gsd=False))
    assert counts["gsd_current"] == 0 and ids[0] == "# sent_id = gsd21-0"
    assert "6-7\tpesannya" in "\n".join(blocks[0]), "v2.1 is rewritten"

    counts, ids, blocks = syn_mix(_tiny_shared(tmp_path / "new", current_gsd=True, v21=False))
    assert counts["gsd_current"] == 1 and ids[0] == "# sent_id = gsd-0"
    assert "6\tpesannya" in "\n".join(blocks[0]), "the current file is taken as it is"
    assert not any(i.startswith("# sent_id = gsd21") for i in ids)


def test_missing_gsd_train_names_the_file(tmp_path: Path):
    shared = _tiny_shared(tmp_path, current_gsd=False, v21=False)
    with pytest.raises(FileNotFoundError, match="id-ud-train.conllu"):
        data.build_treebanks(shared, tmp_path / "work")


def test_no_v21_sentences_need_no_lemmatiser(tmp_path: Path):
    from devtools.training.recipe import lemmatise_gsd21
    from devtools.training.work import Work

    work = Work(root=tmp_path, shared=tmp_path)  # no trained lemmatizer here: it must not be asked for
    train = tmp_path / "ud_syn" / data.TREEBANK / f"{data.SHORT}-ud-train.conllu"
    assert data.write_conllu(train, [("gsd", _tiny_shared(tmp_path / "s", True) / "data" / "ud" /
                                      "UD_Indonesian-GSD" / "id_gsd-ud-train.conllu")], blank_xpos=True) == 1
    before = train.read_text(encoding="utf-8")
    assert lemmatise_gsd21(work) == 0
    assert train.read_text(encoding="utf-8") == before
