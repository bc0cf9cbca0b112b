"""Relations between two states (extract/pairs.py, data/pair_cues.tsv) on hand-written parses."""

from __future__ import annotations

from parses import article, facts, run, tokens


def _pair_article():
    return article(
        tokens("Kenya/PROPN/4/nsubj/S-LOC dan/CCONJ/3/cc Peru/PROPN/1/conj/S-LOC sepakat/VERB/0/root "
               "memperluas/VERB/4/xcomp kerja/NOUN/5/obj sama/ADJ/6/fixed perdagangan/NOUN/6/nmod dan/CCONJ/10/cc "
               "pendidikan/NOUN/8/conj ./PUNCT/4/punct"),
        tokens("Kedua/NUM/2/nummod negara/NOUN/3/nsubj menjalin/VERB/0/root hubungan/NOUN/3/obj "
               "diplomatik/ADJ/4/amod sejak/ADP/7/case 1990/NUM/3/obl ./PUNCT/3/punct"),
        tokens("Kenya/PROPN/2/nsubj/S-LOC meningkatkan/VERB/0/root kemitraan/NOUN/2/obj strategis/ADJ/3/amod "
               "dengan/ADP/6/case Peru/PROPN/2/obl/S-LOC ./PUNCT/2/punct"),
        tokens("Hubungan/NOUN/5/nsubj diplomatik/ADJ/1/amod kedua/NUM/4/nummod negara/NOUN/1/nmod "
               "baik/ADJ/0/root ./PUNCT/5/punct"))


def test_cooperation_is_one_fact_per_field_and_agreeing_is_one_fact():
    result = run(_pair_article())
    assert facts(result, "cooperatesOn") == {("Kenya", "Peru", "trade"), ("Kenya", "Peru", "education")}
    assert {(s, o) for s, o, _ in facts(result, "agreesWith")} == {("Kenya", "Peru")}


def test_diplomatic_relations_are_established_only_with_a_verb_that_opens_them():
    result = run(_pair_article())
    established = [f for r in result.articles for f in r.facts if f.predicate == "establishedRelations"]
    assert [(f.sentence, f.subject, f.object, f.role) for f in established] == [(1, "country:KE", "country:PE", "1990")]


def test_a_partnership_carries_its_level_and_symmetric_parties_are_sorted():
    result = run(_pair_article())
    assert facts(result, "partnerOf") == {("Kenya", "Peru", "strategic partnership")}
    for r in result.articles:
        for f in r.facts:
            if f.predicate in ("partnerOf", "cooperatesOn", "agreesWith", "establishedRelations"):
                assert f.key()[2:4] == ("country:KE", "country:PE")


def test_partners_written_as_one_word_after_the_noun_are_partners_and_stay_two_bodies():
    # "Presiden menekankan kemitraan ASEAN-PBB." (the tagger marks only "PBB", and the span stretches over
    # "ASEAN-": the gazetteer's two bodies stay two)
    result = run(article(tokens(
        "Presiden/NOUN/2/nsubj menekankan/VERB/0/root kemitraan/NOUN/2/obj ASEAN/PROPN/3/nmod -/PUNCT/4/punct "
        "PBB/PROPN/4/flat:name/S-ORG ./PUNCT/2/punct")))
    assert {(s, o) for s, o, _ in facts(result, "partnerOf")} == {("ASEAN", "United Nations")}
    # "Presiden menekankan kemitraan ASEAN-PBB dan kerja sama kesehatan.": the cooperation is theirs too
    result = run(article(tokens(
        "Presiden/NOUN/2/nsubj menekankan/VERB/0/root kemitraan/NOUN/2/obj ASEAN/PROPN/3/nmod -/PUNCT/4/punct "
        "PBB/PROPN/4/flat:name/S-ORG dan/CCONJ/8/cc kerja/NOUN/3/conj sama/ADJ/8/fixed kesehatan/NOUN/8/nmod "
        "./PUNCT/2/punct")))
    assert facts(result, "cooperatesOn") == {("ASEAN", "United Nations", "health")}
    # no level and no partners named right after it: no partnership stated
    result = run(article(tokens(
        "ASEAN/PROPN/2/nsubj menekankan/VERB/0/root kemitraan/NOUN/2/obj dengan/ADP/5/case PBB/PROPN/3/nmod "
        "./PUNCT/2/punct")))
    assert not facts(result, "partnerOf")
