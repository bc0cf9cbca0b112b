"""The confidence model: features, the weights table, and the threshold build applies by default."""

from __future__ import annotations

import pytest
from parses import article, run

from diplograf.extract import calibration
from diplograf.extract.records import Entity, Fact

ENTITIES = {"country:KE": Entity("country:KE", "Kenya", "Country"),
            "country:PE": Entity("country:PE", "Peru", "Country")}


def _fact(**kw) -> Fact:
    return Fact(article="a", predicate="supports", subject="country:KE", object="country:PE", sentence=0,
                evidence="", start=0, end=0, **kw)


def test_features_name_the_relation_the_modality_and_the_party_types():
    feats = calibration.features(_fact(modality="planned"), 0.6, ENTITIES)
    assert {"bias", "raw", "relation=supports", "modality=not-asserted", "subject=Country",
            "object=Country"} <= set(feats)
    assert "modality=not-asserted" not in calibration.features(_fact(), 0.6, ENTITIES)


def test_the_model_ranks_a_stronger_rule_and_an_asserted_fact_higher():
    w = {"bias": 0.0, "raw": 1.0, "modality=not-asserted": -1.0}
    weak, strong = (calibration.probability(calibration.features(_fact(), c, ENTITIES), w) for c in (0.5, 0.9))
    planned = calibration.probability(calibration.features(_fact(modality="planned"), 0.9, ENTITIES), w)
    assert weak < strong and planned < strong


def test_the_fitted_table_drives_the_pipeline(monkeypatch):
    # "Kenya mendukung Peru." with every weight 0 but the bias: every fact gets sigmoid(bias)
    monkeypatch.setattr(calibration, "weights", lambda: {"bias": 2.0})
    result = run(article([("Kenya", "PROPN", 2, "nsubj", "S-LOC"), ("mendukung", "VERB", 0, "root", "O"),
                          ("Peru", "PROPN", 2, "obj", "S-LOC")]))
    confidences = {f.confidence for r in result.articles for f in r.facts}
    assert confidences == {0.881}


def test_without_a_table_the_rule_confidence_stands(monkeypatch):
    monkeypatch.setattr(calibration, "weights", lambda: None)
    assert calibration.calibrated(_fact(confidence=0.42), ENTITIES) == 0.42


def test_a_malformed_table_names_the_file_and_the_line(tmp_path, monkeypatch):
    bad = tmp_path / "calibration.tsv"
    bad.write_text("# header\nbias\t1.0\nraw\tlots\n", encoding="utf-8")
    monkeypatch.setattr(calibration, "WEIGHTS", bad)
    calibration.weights.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"calibration.tsv:3"):
            calibration.weights()
    finally:
        calibration.weights.cache_clear()


def test_every_weight_of_the_bundled_table_is_a_feature_the_code_makes():
    from diplograf.extract.records import SYMMETRIC

    w = calibration.weights()
    assert w is not None and w["raw"] > 0  # a stronger rule never lowers the confidence
    relations = {"holdsRole", "locatedIn", "hosts", "visits", "meets", "attends", "signs", "supports", "memberOf",
                 "inaugurates", *SYMMETRIC}
    types = {"Person", "Country", "City", "Region", "Organization", "Event", "Agreement", "Initiative", "Project"}
    known = {"bias", "raw", "dated", "modality=not-asserted", *(f"relation={r}" for r in relations),
             *(f"{side}={t}" for side in ("subject", "object") for t in types)}
    assert set(w) <= known, set(w) - known


def test_build_keeps_only_facts_at_the_default_threshold_unless_told(tmp_path):
    from diplograf.graph.cli import make_parser

    args = make_parser().parse_args(["build", "x.txt"])
    assert args.min_confidence == calibration.DEFAULT_MIN_CONFIDENCE
    result = run(article([("Kenya", "PROPN", 2, "nsubj", "S-LOC"), ("mendukung", "VERB", 0, "root", "O"),
                          ("Peru", "PROPN", 2, "obj", "S-LOC")]))
    kept = [f for r in result.keep(args.min_confidence).articles for f in r.facts]
    assert all(f.confidence >= calibration.DEFAULT_MIN_CONFIDENCE for f in kept)
