"""An accord reported in someone's words takes the day the article gives for those words elsewhere."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from parses import article, run, tokens

# "Menteri Luar Negeri Ana Soto mengatakan, Kenya bersama Peru sepakat meningkatkan kerja sama."
LEAD = tokens("Menteri/NOUN/6/nsubj Luar/NOUN/1/nmod Negeri/PROPN/1/flat:name Ana/PROPN/1/flat:name/B-PER "
              "Soto/PROPN/1/flat:name/E-PER mengatakan/VERB/0/root ,/PUNCT/6/punct Kenya/PROPN/11/nsubj/S-LOC "
              "bersama/ADP/10/case Peru/PROPN/8/nmod/S-LOC sepakat/VERB/6/ccomp meningkatkan/VERB/11/ccomp "
              "kerja/NOUN/12/obj sama/ADJ/13/amod ./PUNCT/6/punct")
# "Kerja sama itu penting, tutur Soto di Nairobi, Kamis (3/8)."
LATER = tokens("Kerja/NOUN/4/nsubj sama/ADJ/1/amod itu/DET/1/det penting/ADJ/0/root ,/PUNCT/6/punct "
               "tutur/VERB/4/parataxis Soto/PROPN/6/nsubj/S-PER di/ADP/9/case Nairobi/PROPN/6/obl/S-LOC "
               ",/PUNCT/11/punct Kamis/PROPN/6/obl:tmod (/PUNCT/13/punct 3/8/NUM/11/appos )/PUNCT/13/punct "
               "./PUNCT/4/punct")
# "Kerja sama itu penting, tutur Dewi Lestari, Kamis (3/8)." -- another speaker
OTHER = tokens("Kerja/NOUN/4/nsubj sama/ADJ/1/amod itu/DET/1/det penting/ADJ/0/root ,/PUNCT/6/punct "
               "tutur/VERB/4/parataxis Dewi/PROPN/6/nsubj/B-PER Lestari/PROPN/7/flat:name/E-PER ,/PUNCT/10/punct "
               "Kamis/PROPN/6/obl:tmod (/PUNCT/12/punct 3/8/NUM/10/appos )/PUNCT/12/punct ./PUNCT/4/punct")


def _accords(*rows) -> list:
    art, sentences = article(*rows)
    art = replace(art, date=dt.date(2017, 8, 5))
    result = run((art, sentences))
    return [f for r in result.articles for f in r.facts if f.predicate == "agreesWith"]


def test_an_undated_accord_in_a_speakers_words_takes_the_day_of_those_words():
    accords = _accords(LEAD, LATER)
    assert [f.date for f in accords] == [dt.date(2017, 8, 3)], accords
    assert "+date-of-speech" in accords[0].rule


def test_the_day_of_another_speakers_words_is_not_the_day_of_the_accord():
    accords = _accords(LEAD, OTHER)
    assert [f.date for f in accords] == [None], accords
