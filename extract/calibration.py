"""Calibrated confidence: a small logistic model over the evidence each fact has.

A rule gives a fact a raw confidence (its row in ``data/triggers.tsv``, lowered where an argument came
from proximity rather than the parse). ``tools/calibrate.py`` fits a logistic model on the development
gold that maps that raw confidence, the relation, the modality and the types of the two parties to the
probability that the fact is right; its weights live in ``data/calibration.tsv``. Without that file the
raw confidence stands.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping

from .records import Entity, Fact
from .tables import DATA

WEIGHTS = DATA / "calibration.tsv"
#: What ``build`` keeps by default: facts the model gives at least this (``docs/calibration.md``).
DEFAULT_MIN_CONFIDENCE = 0.7


def _logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def features(fact: Fact, raw: float, entities: Mapping[str, Entity]) -> dict[str, float]:
    """The evidence the model weighs, as named features (absent ones are 0)."""
    out = {"bias": 1.0, "raw": _logit(raw), f"relation={fact.predicate}": 1.0}
    if fact.modality != "asserted":
        out["modality=not-asserted"] = 1.0
    for side, key in (("subject", fact.subject), ("object", fact.object)):
        ent = entities.get(key)
        if ent is not None:
            out[f"{side}={ent.type}"] = 1.0
    if fact.date is not None:
        out["dated"] = 1.0
    return out


@functools.cache
def weights() -> dict[str, float] | None:
    """Feature -> weight from ``data/calibration.tsv``, or None when it is absent."""
    if not WEIGHTS.exists():
        return None
    out = {}
    with open(WEIGHTS, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            name, _, value = line.rstrip("\n").partition("\t")
            try:
                out[name] = float(value)
            except ValueError:
                raise ValueError(f"{WEIGHTS}:{lineno}: expected 'feature<TAB>weight', got {line!r}") from None
    return out


def probability(feats: Mapping[str, float], w: Mapping[str, float]) -> float:
    """The model's probability for one fact's features."""
    z = sum(w.get(name, 0.0) * value for name, value in feats.items())
    return 1 / (1 + math.exp(-z))


def calibrated(fact: Fact, entities: Mapping[str, Entity]) -> float:
    """The calibrated confidence of ``fact`` (its raw confidence where no model is fitted)."""
    w = weights()
    if w is None:
        return fact.confidence
    return round(probability(features(fact, fact.confidence, entities), w), 3)
