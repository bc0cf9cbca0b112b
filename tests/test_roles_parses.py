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
