"""The tag oracle of ``make evaluate-models --tag-oracle``, on the real bundled models."""

from __future__ import annotations

import pytest

from devtools import tag_oracle
from diplograf.extract.models import load_pipeline

SENTENCES = [
    ["Presiden", "Indonesia", "bertemu", "dengan", "Perdana", "Menteri", "Jepang", "di", "Tokyo", "."],
    ["Kedua", "negara", "menandatangani", "perjanjian", "kerja", "sama", "perdagangan", "."],
    ["Menteri", "itu", "akan", "mengunjungi", "Vietnam", "pada", "bulan", "depan", "."],
]


def test_confusions_fall_in_one_class_each():
    assert tag_oracle.confusion_class("NOUN", "NOUN") is None
    assert tag_oracle.confusion_class("NOUN", "PROPN") == tag_oracle.confusion_class("PROPN", "NOUN") == "NOUN / PROPN"
    assert tag_oracle.confusion_class("VERB", "ADJ") == "ADJ / NOUN, VERB"
    assert tag_oracle.confusion_class("NUM", "PUNCT") == tag_oracle.OTHER


def test_only_the_fixed_class_gets_the_gold_tag():
    assert tag_oracle.parser_tag("PROPN", "NOUN", set()) == "NOUN"
    assert tag_oracle.parser_tag("PROPN", "NOUN", {"NOUN / PROPN"}) == "PROPN"
    assert tag_oracle.parser_tag("ADJ", "NOUN", {"NOUN / PROPN"}) == "NOUN"
    assert tag_oracle.parser_tag("NUM", "PUNCT", {tag_oracle.OTHER}) == "NUM"


@pytest.fixture(scope="module")
def oracle_pipeline():
    return load_pipeline(processors=("tokenize", "pos", "lemma", "depparse"), tokenize_pretokenized=True,
                         depparse_pretagged=True)


def _own_parse_as_gold(tmp_path, flip_first_noun: bool):
    """Our own analysis of SENTENCES written as a treebank (optionally with one NOUN made PROPN)."""
    doc = load_pipeline(processors=("tokenize", "mwt", "pos", "lemma", "depparse"),
                        tokenize_pretokenized=True)(SENTENCES)
    if flip_first_noun:
        next(w for s in doc.sentences for w in s.words if w.upos == "NOUN").upos = "PROPN"
    path = tmp_path / "gold.conllu"
    path.write_text(f"{doc:C}\n\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_own_parse_scores_full_marks(oracle_pipeline, tmp_path):
    gold = _own_parse_as_gold(tmp_path, flip_first_noun=False)
    result = tag_oracle.run(oracle_pipeline, gold)
    assert result.words == sum(map(len, SENTENCES))
    assert result.upos == 100.0 and not result.confusions
    assert result.las["our tags"] == result.las["gold tags"] == 100.0


@pytest.mark.slow
def test_a_wrong_tag_is_counted_in_its_class(oracle_pipeline, tmp_path):
    gold = _own_parse_as_gold(tmp_path, flip_first_noun=True)
    result = tag_oracle.run(oracle_pipeline, gold)
    assert dict(result.confusions) == {("PROPN", "NOUN"): 1}
    assert result.errors("NOUN / PROPN") == 1 and result.errors(tag_oracle.OTHER) == 0
    assert result.upos == round(100 * (1 - 1 / result.words), 2)
    assert result.las["our tags"] == 100.0, "the tags the parser reads are ours: the gold heads are its own"
    assert set(result.las) == {"our tags", "gold tags", *(f"fix {c}" for c in [*tag_oracle.CLASSES, "other"])}
    line = next(x for x in tag_oracle.report("test", result).splitlines() if "fix NOUN / PROPN" in x)
    assert line.endswith(", 1 words)")
