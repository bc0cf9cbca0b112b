"""The rules' memos are emptied once an extraction's facts are found: they fill with the corpus's words
and sentences, and a build's memory must stay flat with the corpus (issue 21)."""

from __future__ import annotations

from parses import article, entities, run, tokens

from diplograf.extract import dates, pipeline
from diplograf.extract.tables import norm

ROWS = tokens("Menteri/PROPN/3/nsubj Amani/PROPN/1/flat:name/B-PER Otieno/PROPN/2/flat:name/E-PER "
              "bertemu/VERB/0/root Duta/PROPN/4/obj Besar/PROPN/5/flat:name Dewi/PROPN/5/flat:name/B-PER "
              "Lestari/PROPN/7/flat:name/E-PER di/ADP/10/case Nairobi/PROPN/4/obl/S-LOC pada/ADP/12/case "
              "2/NUM/4/obl Juni/PROPN/12/flat 2024/NUM/12/nummod ./PUNCT/4/punct")


def _memos() -> tuple[int, int]:
    return norm.cache_info().currsize, dates._normalise.cache_info().currsize


def test_the_memos_fill_during_the_rules_and_are_empty_after(monkeypatch):
    filled = []
    forget = pipeline.forget_memos
    monkeypatch.setattr(pipeline, "forget_memos", lambda: (filled.append(_memos()), forget()))
    first = run(article(ROWS))
    assert filled and all(n > 0 for n in filled[0])  # the rules used both
    assert _memos() == (0, 0)
    again = run(article(ROWS))  # emptied memos change nothing that is found
    assert entities(again) == entities(first) and "Dewi Lestari" in entities(first)
    found = [(f.predicate, f.subject, f.object, f.date) for r in first.articles for f in r.facts]
    assert found == [(f.predicate, f.subject, f.object, f.date) for r in again.articles for f in r.facts]
    assert any(p == "meets" and day and day.month == 6 for p, _, _, day in found)
