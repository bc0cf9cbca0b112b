"""Roles on hand-written parses (data/roles.tsv and its flags): who holds which office of which state,
read in milliseconds. Names are made up; the states are general."""

from __future__ import annotations

from parses import article, facts, run, tokens


def test_a_role_its_state_and_the_name_after_them_are_one_holding():
    result = run(article(
        tokens("Menteri/PROPN/6/nsubj Luar/PROPN/1/flat Negeri/PROPN/1/flat Peru/PROPN/1/nmod/S-LOC "
               "Ana/PROPN/1/appos/B-PER Soto/PROPN/5/flat/E-PER berbicara/VERB/0/root ./PUNCT/7/punct"),
        tokens("Presiden/PROPN/6/nsubj Kenya/PROPN/1/nmod/S-LOC Amani/PROPN/1/appos/B-PER Otieno/PROPN/3/flat/E-PER "
               "juga/ADV/6/advmod hadir/VERB/0/root ./PUNCT/6/punct")))
    assert facts(result, "holdsRole") == {("Ana Soto", "Peru", "Foreign Minister"),
                                          ("Amani Otieno", "Kenya", "President")}


def test_a_posted_role_names_where_it_is_held_and_serves_its_own_state():
    ambassador = tokens("Duta/PROPN/6/nsubj Besar/PROPN/1/flat Kenya/PROPN/1/nmod/S-LOC untuk/ADP/5/case "
                        "Peru/PROPN/1/nmod/S-LOC Dewi/PROPN/1/appos/B-PER Lestari/PROPN/6/flat/E-PER "
                        "tiba/VERB/0/root ./PUNCT/8/punct")
    holdings = facts(run(article(ambassador)), "holdsRole")
    # "Ambassador" is flagged posted: "untuk Peru" is where the post is, Kenya whom it serves
    assert holdings == {("Dewi Lestari", "Kenya", "Ambassador to Peru")}


def test_the_two_leaders_are_the_holders_of_leader_roles():
    result = run(article(
        tokens("Presiden/PROPN/5/nsubj Kenya/PROPN/1/nmod/S-LOC Amani/PROPN/1/appos/B-PER Otieno/PROPN/3/flat/E-PER "
               "tiba/VERB/0/root di/ADP/7/case Peru/PROPN/5/obl/S-LOC ./PUNCT/5/punct"),
        tokens("Ia/PRON/2/nsubj disambut/VERB/0/root oleh/ADP/4/case Presiden/PROPN/2/obl Peru/PROPN/4/nmod/S-LOC "
               "Ana/PROPN/4/appos/B-PER Soto/PROPN/6/flat/E-PER ./PUNCT/2/punct"),
        tokens("Kedua/NUM/2/nummod pemimpin/NOUN/3/nsubj bertemu/VERB/0/root di/ADP/5/case Lima/PROPN/3/obl/S-LOC "
               "pada/ADP/7/case 2/NUM/3/obl Juli/PROPN/7/flat 2024/NUM/7/flat ./PUNCT/3/punct")))
    assert facts(result, "meets") == {("Amani Otieno", "Ana Soto", None)}  # "kedua pemimpin": both presidents
    assert facts(result, "hosts") == {("Ana Soto", "Amani Otieno", None)}
    assert facts(result, "visits") == {("Amani Otieno", "Peru", None)}
    meeting = next(f for r in result.articles for f in r.facts if f.predicate == "meets")
    assert meeting.date.isoformat() == "2024-07-02" and meeting.place == "city:lima"


def test_a_minister_is_no_leader_so_the_two_leaders_are_not_found():
    result = run(article(
        tokens("Presiden/PROPN/5/nsubj Kenya/PROPN/1/nmod/S-LOC Amani/PROPN/1/appos/B-PER Otieno/PROPN/3/flat/E-PER "
               "tiba/VERB/0/root ./PUNCT/5/punct"),
        tokens("Menteri/PROPN/6/nsubj Luar/PROPN/1/flat Negeri/PROPN/1/flat Peru/PROPN/1/nmod/S-LOC "
               "Ana/PROPN/1/appos/B-PER Soto/PROPN/5/flat/E-PER berbicara/VERB/0/root ./PUNCT/7/punct"),
        tokens("Kedua/NUM/2/nummod pemimpin/NOUN/3/nsubj bertemu/VERB/0/root di/ADP/5/case Nairobi/PROPN/3/obl/S-LOC "
               "./PUNCT/3/punct")))
    assert facts(result, "meets") == set()


def test_a_spokesperson_of_a_person_named_in_full_elsewhere_is_the_name_after_the_principal():
    # "Presiden Kenya Amani Otieno tiba." / "Juru bicara Otieno Ana Soto mengatakan Kenya siap."
    result = run(article(
        tokens("Presiden/PROPN/4/nsubj Kenya/PROPN/1/flat/S-LOC Amani/PROPN/1/flat/B-PER "
               "Otieno/PROPN/3/flat:name/E-PER tiba/VERB/0/root"),
        tokens("Juru/NOUN/6/nsubj bicara/NOUN/1/compound Otieno/PROPN/1/nmod/B-PER Ana/PROPN/3/flat:name/I-PER "
               "Soto/PROPN/3/flat:name/E-PER mengatakan/VERB/0/root Kenya/PROPN/8/nsubj/S-LOC siap/ADJ/6/ccomp")))
    roles = facts(result, "holdsRole")
    assert ("Ana Soto", "Kenya", "Spokesperson") in roles, roles
    assert not any(s == "Amani Otieno" and r == "Spokesperson" for s, _, r in roles), roles


def test_a_name_a_title_introduces_after_a_comma_is_a_person_even_when_tagged_a_place():
    # "Duta Besar Kenya, Amani Otieno, hadir." -- the tagger read "Amani Otieno" as a place
    result = run(article(tokens(
        "Duta/PROPN/7/nsubj Besar/PROPN/1/flat Kenya/PROPN/1/nmod/S-LOC ,/PUNCT/5/punct Amani/PROPN/1/appos/B-LOC "
        "Otieno/PROPN/5/flat/E-LOC hadir/VERB/0/root ./PUNCT/7/punct")))
    assert facts(result, "holdsRole") == {("Amani Otieno", "Kenya", "Ambassador")}


def test_an_honorific_between_the_comma_and_the_name_keeps_the_holding():
    # "Dubes Kenya untuk Peru, I Made Wirawan, hadir." (Balinese "I" opens the name)
    result = run(article(tokens(
        "Dubes/PROPN/10/nsubj Kenya/PROPN/1/flat/S-LOC untuk/ADP/4/case Peru/PROPN/1/nmod/S-LOC ,/PUNCT/7/punct "
        "I/NUM/7/nummod Made/PROPN/1/appos/B-PER Wirawan/PROPN/7/flat/E-PER ,/PUNCT/7/punct hadir/VERB/0/root "
        "./PUNCT/10/punct")))
    assert facts(result, "holdsRole") == {("Made Wirawan", "Kenya", "Ambassador to Peru")}


def test_the_head_of_a_unit_of_a_known_body_holds_the_role_in_the_body():
    # "kata Kepala Pusat Komunikasi Publik Kemendag, Dewi Lestari." -- the tagger took the unit and the
    # ministry as one name
    result = run(article(tokens(
        "Itu/PRON/2/nsubj penting/ADJ/0/root ,/PUNCT/4/punct kata/VERB/2/parataxis Kepala/PROPN/4/nsubj "
        "Pusat/PROPN/5/flat/B-ORG Komunikasi/PROPN/6/flat/I-ORG Publik/PROPN/7/flat/I-ORG "
        "Kemendag/PROPN/8/flat/E-ORG ,/PUNCT/11/punct Dewi/PROPN/5/appos/B-PER Lestari/PROPN/11/flat/E-PER "
        "./PUNCT/2/punct")))
    assert facts(result, "holdsRole") == {
        ("Dewi Lestari", "Ministry of Trade of Indonesia", "Head of Pusat Komunikasi Publik")}


def test_a_units_own_capitalised_name_between_a_role_and_a_body_keeps_the_body():
    # "Kepala Pusat Penerangan TNI Mayjen Dewi Lestari mengatakan ..." ("Penerangan" is no common word)
    result = run(article(tokens(
        "Kepala/NOUN/7/nsubj Pusat/PROPN/1/flat:name Penerangan/PROPN/1/flat:name TNI/PROPN/1/flat:name/S-ORG "
        "Mayjen/PROPN/4/flat:name/B-PER Dewi/PROPN/5/flat:name/I-PER Lestari/PROPN/6/flat:name/E-PER "
        "mengatakan/VERB/0/root ./PUNCT/8/punct")))
    assert facts(result, "holdsRole") == {
        ("Dewi Lestari", "Indonesian National Armed Forces", "Head of Pusat Penerangan")}


def test_such_a_word_before_a_state_or_a_rank_is_no_unit():
    # "Menteri Pemuda Republik Kenya Ana Soto hadir." -- "Republik" is part of how the state is named
    result = run(article(tokens(
        "Menteri/PROPN/7/nsubj Pemuda/PROPN/1/flat Republik/PROPN/1/flat Kenya/PROPN/1/flat/S-LOC "
        "Ana/PROPN/1/flat/B-PER Soto/PROPN/5/flat/E-PER hadir/VERB/0/root ./PUNCT/7/punct")))
    assert not any(r and "Republik" in r for _, _, r in facts(result, "holdsRole"))
    # "Kepala Pusat Penerangan Jenderal TNI Ana Soto hadir." -- a rank ends a unit's name
    result = run(article(tokens(
        "Kepala/NOUN/7/nsubj Pusat/PROPN/1/flat:name Penerangan/PROPN/1/flat:name Jenderal/PROPN/1/flat:name "
        "TNI/PROPN/1/flat:name/S-ORG Ana/PROPN/1/flat:name/B-PER Soto/PROPN/6/flat:name/E-PER "
        "hadir/VERB/0/root ./PUNCT/8/punct")))
    assert not any(r and "Jenderal" in r for _, _, r in facts(result, "holdsRole"))
