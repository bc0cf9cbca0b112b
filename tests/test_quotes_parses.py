"""Quotes: "saya" inside quotation marks is the person the attribution after them names."""

from __future__ import annotations

from parses import article, facts, run, tokens

from diplograf.extract.quotes import quote_spans

ARRIVED = tokens("Menteri/PROPN/4/nsubj Amani/PROPN/1/flat/B-PER Otieno/PROPN/2/flat/E-PER tiba/VERB/0/root "
                 "di/ADP/6/case Nairobi/PROPN/4/obl/S-LOC ./PUNCT/4/punct")
QUOTE = ('"/PUNCT/3/punct Saya/PRON/3/nsubj bertemu/VERB/0/root dengan/ADP/5/case Presiden/PROPN/3/obl '
         "Peru/PROPN/5/flat/S-LOC Ana/PROPN/5/flat/B-PER Soto/PROPN/7/flat/E-PER ,/PUNCT/3/punct "
         '"/PUNCT/3/punct ')


def test_saya_in_a_quote_is_the_speaker_named_after_it():
    said = tokens(QUOTE + "kata/VERB/3/parataxis Otieno/PROPN/11/nsubj/S-PER ./PUNCT/3/punct")
    assert {(s, o) for s, o, _ in facts(run(article(ARRIVED, said)), "meets")} == {("Amani Otieno", "Ana Soto")}


def test_tuturnya_is_the_person_named_last_before_the_quote():
    said = tokens(QUOTE + "tutur/VERB/3/parataxis nya/PRON/11/nmod:poss ./PUNCT/3/punct")
    assert {(s, o) for s, o, _ in facts(run(article(ARRIVED, said)), "meets")} == {("Amani Otieno", "Ana Soto")}


def test_a_quote_no_one_is_said_to_have_said_has_no_speaker():
    said = tokens(QUOTE + "menurut/ADP/12/case laporan/NOUN/3/obl itu/DET/12/det ./PUNCT/3/punct")
    assert not facts(run(article(ARRIVED, said)), "meets")


def test_quote_marks_pair_up_in_order_and_an_unclosed_one_is_left_out():
    assert quote_spans('a "b" c “d” "e') == [(2, 4), (8, 10)]
