"""The faster analysis (extract/fast_parse.py, extract/fast_chars.py) gives Stanza's own parses."""

from __future__ import annotations

import numpy as np
import pytest

from diplograf.extract import fast_parse

NEG = -np.inf


def log_softmax_rows(raw: np.ndarray) -> np.ndarray:
    """Rows of head scores as the parser hands them to Chu-Liu-Edmonds: no self-loops, log-softmax."""
    raw = raw.astype(np.float32).copy()
    np.fill_diagonal(raw, NEG)
    shifted = raw - raw.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def cle(scores: np.ndarray) -> np.ndarray:
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    return chuliu_edmonds_one_root(scores)


def heads_matrix(heads: list[int], strong: float = 5.0) -> np.ndarray:
    """Scores where word d (1-based) prefers head ``heads[d-1]`` by ``strong``."""
    n = len(heads) + 1
    raw = np.zeros((n, n))
    for d, h in enumerate(heads, start=1):
        raw[d, h] = strong
    return log_softmax_rows(raw)


def test_best_heads_that_make_a_tree_are_the_searchs_answer():
    scores = heads_matrix([2, 0, 2, 3])  # 2 is the root's; 1 and 3 hang on 2, 4 on 3
    tree = fast_parse.tree_or_none(scores)
    assert tree is not None and tree.tolist() == [0, 2, 0, 2, 3]
    assert tree.tolist() == cle(scores).tolist()


@pytest.mark.parametrize("heads, why", [
    ([2, 3, 1, 0], "a cycle 1 -> 2 -> 3 -> 1"),
    ([0, 0, 2], "two words on the root"),
    ([2, 3, 1], "no word on the root"),
])
def test_best_heads_that_make_no_tree_go_to_the_search(heads, why):
    scores = heads_matrix(heads)
    assert fast_parse.tree_or_none(scores) is None, why
    assert fast_parse.decode_tree(scores).tolist() == cle(scores).tolist()


def test_a_best_head_tied_with_another_goes_to_the_search():
    raw = np.zeros((4, 4))
    raw[1, 0] = 5.0
    raw[2, 1] = raw[2, 3] = 4.0  # word 2: heads 1 and 3 score the same
    raw[3, 1] = 4.0
    scores = log_softmax_rows(raw)
    assert fast_parse.tree_or_none(scores) is None
    assert fast_parse.decode_tree(scores).tolist() == cle(scores).tolist()


def test_decode_tree_equals_chu_liu_edmonds_on_random_sentences():
    rng = np.random.default_rng(7)
    taken = 0
    for _ in range(400):
        n = int(rng.integers(2, 40))
        raw = rng.normal(size=(n, n)) * rng.choice([0.5, 3.0, 8.0])
        heads = [0] + [int(rng.integers(0, n)) for _ in range(n - 1)]  # a noisy preferred head per word
        raw[np.arange(n), heads] += 6.0
        scores = log_softmax_rows(raw)
        taken += fast_parse.tree_or_none(scores) is not None
        assert fast_parse.decode_tree(scores).tolist() == cle(scores).tolist()
    assert 0 < taken < 400  # both ways were exercised


def test_enable_leaves_a_pipeline_without_a_parser_alone():
    class Pipeline:
        processors = {}

    assert fast_parse.enable(Pipeline()) is False


#: Sentences written for this test (made-up people), with repeated words and a few subjects per verb.
TEXT = ("Menteri Luar Negeri Kenya Amani Otieno bertemu Menteri Luar Negeri Peru Ana Soto di Nairobi pada "
        "Senin. Otieno dan Soto membahas kerja sama perdagangan, pendidikan dan kesehatan kedua negara. "
        "Dewi Lestari, duta besar yang baru, mengatakan bahwa kunjungan itu penting dan bahwa Kenya dan "
        "Peru akan menandatangani perjanjian baru tahun depan. Kami ingin kerja sama ini terus tumbuh, "
        "kata Soto kepada wartawan di Nairobi.")


def parses(doc) -> list[tuple]:
    return [(w.text, w.lemma, w.upos, w.feats, w.head, w.deprel) for s in doc.sentences for w in s.words]


@pytest.mark.slow
def test_the_faster_analysis_gives_stanzas_parses(pipeline):
    from diplograf.extract.models import speed_up

    try:
        speed_up(pipeline, on=False)
        theirs = parses(pipeline(TEXT))
        speed_up(pipeline)
        assert pipeline.processors["depparse"]._trainer.model.__dict__.get("predict") is not None
        ours = parses(pipeline(TEXT))
    finally:
        speed_up(pipeline)
    assert ours == theirs


@pytest.mark.slow
def test_with_stanzas_repair_of_two_subjects_the_parses_are_stanzas(pipeline, monkeypatch):
    """The bundled parser runs without Stanza's repair of a head with two subjects or objects; with it,
    the labels are read from their log-softmax, and where the repair runs it reads every arc's labels.
    Every sentence taken as one to repair, the parses are still Stanza's."""
    from diplograf.extract.models import speed_up

    monkeypatch.setitem(pipeline.processors["depparse"].config, "resolve_head_constraints", True)
    try:
        speed_up(pipeline, on=False)
        theirs = parses(pipeline(TEXT))
        speed_up(pipeline)
        assert parses(pipeline(TEXT)) == theirs
        calls = []
        monkeypatch.setattr(fast_parse, "_violated", lambda tree, names: calls.append(len(names)) or True)
        assert parses(pipeline(TEXT)) == theirs
    finally:
        monkeypatch.undo()
    assert len(calls) == len(pipeline(TEXT).sentences) > 1


@pytest.mark.slow
def test_a_spelling_read_once_per_batch_gives_every_word_the_same_vector(pipeline):
    """The character models' vectors, word by word, are the ones Stanza computes for each word (up to
    the float rounding by which Stanza's own differ when a word sits in another batch)."""
    import torch

    from diplograf.extract import fast_chars
    from diplograf.extract.models import speed_up

    model = pipeline.processors["pos"]._trainer.model
    seen: list[torch.Tensor] = []
    hook = model.charmodel.register_forward_hook(lambda module, args, out: seen.append(out.data.clone()))
    try:
        speed_up(pipeline, on=False)
        pipeline(TEXT)
        assert fast_chars.enable(pipeline) >= 2  # the tagger's and the parser's (and the NER's)
        pipeline(TEXT)
    finally:
        hook.remove()
        speed_up(pipeline)
    assert len(seen) == 2 and seen[0].shape == seen[1].shape
    assert torch.allclose(seen[0], seen[1], rtol=0, atol=1e-5)
