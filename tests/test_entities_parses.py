"""Entities on hand-written parses: each class of mistake seen on real news, as a rule test that runs in
milliseconds. Names and places here are made up or general; none comes from a development article."""

from __future__ import annotations

from parses import article, entities, facts, run, tokens

from diplograf.extract.articles import clean_text
from diplograf.extract.resolve import names_same_person


def test_name_variants_are_one_person():
    assert names_same_person("Sari Wulandari", "Sari W Wulandari")
    assert names_same_person("Sari WP Wulandari", "Sari Wijaya Putri Wulandari")  # initials stand for names
    assert names_same_person("Wulandari", "Sari Wulandari")
    assert not names_same_person("Sari Wulandari", "Sari Wulandari")  # not a fuller form of itself
    assert not names_same_person("Kim Jong Nam", "Kim Jong Un")
    assert not names_same_person("Sari B Wulandari", "Sari Wijaya Wulandari")  # the initial disagrees


def test_a_person_named_in_several_forms_is_one_entity_named_by_its_most_used_form():
    a = article([("Sari", "PROPN", "B-PER"), ("W", "PROPN", "I-PER"), ("Wulandari", "PROPN", "E-PER"),
                 ("tiba", "VERB", "O"), (".", "PUNCT", "O")], article_id="a")
    b = article([("Sari", "PROPN", "B-PER"), ("Wulandari", "PROPN", "E-PER"), ("tiba", "VERB", "O")],
                [("Sari", "PROPN", "B-PER"), ("Wulandari", "PROPN", "E-PER"), ("pulang", "VERB", "O")],
                [("Wulandari", "PROPN", "S-PER"), ("tersenyum", "VERB", "O")], article_id="b")
    result = run(a, b)
    people = {m.entity for r in result.articles for m in r.mentions if m.type == "Person"}
    assert people == {"person:sari-wulandari"}
    assert result.entities["person:sari-wulandari"].name == "Sari Wulandari"
    assert "Sari W Wulandari" in result.entities["person:sari-wulandari"].aliases


def test_a_bracketed_nickname_or_acronym_is_an_alias_here_and_in_other_articles():
    a = article([("Presiden", "PROPN", "O"), ("Bambang", "PROPN", "B-PER"), ("Santoso", "PROPN", "E-PER"),
                 ("(", "PUNCT", "O"), ("Bams", "PROPN", "S-PER"), (")", "PUNCT", "O"), ("berpidato", "VERB", "O")],
                [("Gerakan", "PROPN", "B-ORG"), ("Rakyat", "PROPN", "I-ORG"), ("Bersatu", "PROPN", "E-ORG"),
                 ("(", "PUNCT", "O"), ("GRB", "PROPN", "S-ORG"), (")", "PUNCT", "O"), ("menolak", "VERB", "O")],
                article_id="a")
    b = article([("Bams", "PROPN", "S-PER"), ("mengkritik", "VERB", "O"), ("GRB", "PROPN", "S-ORG")], article_id="b")
    c = article([("Anggota", "PROPN", "O"), ("DPR", "PROPN", "S-ORG"), ("Hadi", "PROPN", "B-PER"),
                 ("Wijaya", "PROPN", "E-PER"), ("(", "PUNCT", "O"), ("PKRB", "PROPN", "S-ORG"), (")", "PUNCT", "O"),
                 ("menolak", "VERB", "O")], article_id="c")
    result = run(a, b, c)
    keys = {(m.text, m.entity) for r in result.articles for m in r.mentions}
    assert ("Bams", "person:bambang-santoso") in keys  # a nickname, here and in another article
    assert ("GRB", "org:gerakan-rakyat-bersatu") in keys  # an acronym, in its own article
    assert not any(k in result.entities for k in ("person:bams", "org:gerakan-rakyat-bersatu-grb"))
    assert ("PKRB", "org:pkrb") in keys  # a party in brackets after a person is no name of theirs


def test_cue_words_fix_types_and_lowercase_words_leave_the_name():
    result = run(article(
        [("Ia", "PRON", "O"), ("tiba", "VERB", "O"), ("di", "ADP", "O"), ("kota", "NOUN", "B-LOC"),
         ("Sukamaju", "PROPN", "E-LOC"), ("dekat", "ADJ", "O"), ("Laut", "PROPN", "B-LOC"),
         ("Kirana", "PROPN", "E-LOC"), ("di", "ADP", "O"), ("Provinsi", "PROPN", "B-LOC"),
         ("Tanjung", "PROPN", "I-LOC"), ("Merah", "PROPN", "E-LOC")],
        [("Menurut", "ADP", "O"), ("lembaga", "NOUN", "O"), ("survei", "NOUN", "O"), ("Polstat", "PROPN", "S-PER"),
         (",", "PUNCT", "O"), ("pulau", "NOUN", "B-LOC"), ("Lorem", "PROPN", "E-LOC"), ("ramai", "ADJ", "O")]))
    found = entities(result)
    assert found.get("Sukamaju") == "City"  # "kota" is no part of the name
    assert found.get("Laut Kirana") == "Region"  # a sea
    assert found.get("Tanjung Merah") == "Region"  # "Provinsi X" names the province X
    assert found.get("Polstat") == "Organization"
    assert found.get("Lorem") == "Region"
    assert not any(name[:1].islower() for name in found)


def test_capitalised_common_words_and_titles_are_not_people():
    result = run(article(
        [("Menteri", "PROPN", "O"), ("Pariwisata", "PROPN", "S-PER"), ("Andi", "PROPN", "B-PER"),
         ("Rahman", "PROPN", "E-PER"), ("memuji", "VERB", "O"), ("Kepala", "PROPN", "O"), ("Pusat", "PROPN", "B-PER"),
         ("Penerangan", "PROPN", "E-PER"), (".", "PUNCT", "O")],
        [("Kami", "PRON", "S-PER"), ("datang", "VERB", "O"), ("ke", "ADP", "O"), ("Indonesia", "PROPN", "S-LOC")]))
    people = {name for name, etype in entities(result).items() if etype == "Person"}
    assert people == {"Andi Rahman"}
    # an office of the Indonesian state named without the state, in an article that names Indonesia
    assert ("Andi Rahman", "Indonesia", "Tourism Minister") in facts(result, "holdsRole")


def test_honorifics_and_ranks_are_not_part_of_a_name():
    result = run(article([("Menteri", "PROPN", "O"), ("Luar", "PROPN", "O"), ("Negeri", "PROPN", "O"),
                          ("Malaysia", "PROPN", "S-LOC"), ("Dato", "PROPN", "S-PER"), ("Sri", "PROPN", "O"),
                          ("Hamid", "PROPN", "B-PER"), ("Yusof", "PROPN", "E-PER"), ("hadir", "VERB", "O")]))
    assert {n for n, t in entities(result).items() if t == "Person"} == {"Hamid Yusof"}
    assert ("Hamid Yusof", "Malaysia", "Foreign Minister") in facts(result, "holdsRole")


def test_a_person_glued_to_the_body_before_is_split_from_it():
    result = run(article([("Juru", "NOUN", "O"), ("Bicara", "PROPN", "O"), ("Kementerian", "PROPN", "B-ORG"),
                          ("Luar", "PROPN", "I-ORG"), ("Negeri", "PROPN", "I-ORG"), ("Chile", "PROPN", "I-ORG"),
                          ("Ana", "PROPN", "I-ORG"), ("Morales", "PROPN", "E-ORG"), ("membantah", "VERB", "O")]))
    assert entities(result).get("Ana Morales") == "Person"
    assert ("Ana Morales", "Chile", "Foreign Ministry Spokesperson") in facts(result, "holdsRole")


def test_a_title_then_state_then_comma_names_the_holder():
    result = run(article([("Juru", "NOUN", "O"), ("bicara", "NOUN", "O"), ("Kementerian", "PROPN", "O"),
                          ("Luar", "PROPN", "O"), ("Negeri", "PROPN", "O"), ("Peru", "PROPN", "S-LOC"),
                          (",", "PUNCT", "O"), ("Lucia", "PROPN", "B-PER"), ("Vargas", "PROPN", "E-PER"),
                          (",", "PUNCT", "O"), ("mengatakan", "VERB", "O")]))
    assert ("Lucia Vargas", "Peru", "Foreign Ministry Spokesperson") in facts(result, "holdsRole")


def test_outlets_web_names_venues_and_currencies_are_not_entities():
    result = run(article(
        [("Dilansir", "VERB", "O"), ("Kabarkota.com", "PROPN", "S-ORG"), (",", "PUNCT", "O"),
         ("acara", "NOUN", "O"), ("di", "ADP", "O"), ("Kompleks", "PROPN", "B-LOC"), ("Istana", "PROPN", "I-LOC"),
         ("Negara", "PROPN", "E-LOC"), ("bernilai", "VERB", "O"), ("5", "NUM", "O"), ("juta", "NUM", "O"),
         ("dolar", "NOUN", "O"), ("AS", "PROPN", "S-LOC")],
        [("Berita", "NOUN", "O"), ("Kilat", "PROPN", "B-ORG"), ("TV", "PROPN", "E-ORG"), ("melaporkan", "VERB", "O")]))
    assert entities(result) == {}


def test_a_cue_noun_names_a_thing_only_when_a_name_follows():
    result = run(article(
        [("Kedua", "NUM", "O"), ("negara", "NOUN", "O"), ("menandatangani", "VERB", "O"), ("perjanjian", "NOUN", "O"),
         ("bilateral", "ADJ", "O"), ("usai", "ADP", "O"), ("pertemuan", "NOUN", "O"), ("Bambang", "PROPN", "B-PER"),
         ("Santoso", "PROPN", "E-PER")],
        [("Ia", "PRON", "O"), ("hadir", "VERB", "O"), ("dalam", "ADP", "O"), ("Konferensi", "PROPN", "O"),
         ("Tingkat", "PROPN", "O"), ("Tinggi", "PROPN", "O"), ("(", "PUNCT", "O"), ("KTT", "PROPN", "O"),
         (")", "PUNCT", "O"), ("ASEAN", "PROPN", "S-ORG"), ("-", "PUNCT", "O"), ("Jepang", "PROPN", "S-LOC"),
         ("ke", "ADP", "O"), ("-", "PUNCT", "O"), ("12", "NUM", "O"), ("tahun", "NOUN", "O"), ("2025", "NUM", "O")]))
    found = entities(result)
    assert not any(t in ("Agreement", "Event") and not n.startswith("Konferensi") for n, t in found.items()), found
    assert found.get("Konferensi Tingkat Tinggi (KTT) ASEAN-Jepang ke-12") == "Event", found


def test_a_conference_named_in_english_after_a_lowercase_cue_keeps_its_own_name_and_acronym():
    result = run(article(tokens(
        "Ia/PRON/2/nsubj hadir/VERB/0/root dalam/ADP/4/case acara/NOUN/2/obl konferensi/NOUN/4/compound "
        "Lake/PROPN/5/nmod Victoria/PROPN/6/flat:name Fisheries/PROPN/6/flat:name conference/PROPN/6/flat:name "
        "on/PROPN/6/flat:name illegal/PROPN/6/flat:name fishing/PROPN/6/flat:name (/PUNCT/14/punct "
        "LVFOs/PROPN/6/appos )/PUNCT/14/punct di/ADP/17/case Lima/PROPN/4/nmod/S-LOC")))
    found = entities(result)
    assert found.get("Lake Victoria Fisheries conference on illegal fishing (LVFOs)") == "Event", found
    assert not any(n.lower().startswith("konferensi") for n in found), found


def test_a_dateline_with_a_double_dash_is_no_text():
    text = clean_text("Jakarta, CNN Indonesia -- Presiden Bambang Santoso tiba di Lima.")
    assert text.startswith(" " * 26 + "Presiden")
    assert len(text) == len("Jakarta, CNN Indonesia -- Presiden Bambang Santoso tiba di Lima.")


def test_min_confidence_keeps_only_the_facts_at_or_above_it():
    result = run(article([("Menteri", "PROPN", "O"), ("Luar", "PROPN", "O"), ("Negeri", "PROPN", "O"),
                          ("Peru", "PROPN", "S-LOC"), ("Lucia", "PROPN", "B-PER"), ("Vargas", "PROPN", "E-PER"),
                          ("hadir", "VERB", "O")]))
    confidences = [f.confidence for r in result.articles for f in r.facts]
    assert confidences, "the apposition gives a holdsRole fact"
    assert result.keep(0.0) is result
    assert [f for r in result.keep(max(confidences) + 0.01).articles for f in r.facts] == []
    assert len([f for r in result.keep(min(confidences)).articles for f in r.facts]) == len(confidences)


def test_min_confidence_outside_0_to_1_is_a_usage_error(capsys):
    import pytest

    from diplograf.graph.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["build", "nothing.txt", "--min-confidence", "1.5"])
    assert stop.value.code == 2
    assert "expected a number from 0 to 1" in capsys.readouterr().err


def test_brand_like_names_are_organisations_and_initials_join_a_name():
    result = run(article([("Menurut", "ADP", "O"), ("CodeForge", "PROPN", "S-PER"), (",", "PUNCT", "O"),
                          ("McAllister", "PROPN", "S-PER"), ("dan", "CCONJ", "O"), ("Rudi", "PROPN", "B-PER"),
                          ("P", "PROPN", "E-PER"), (".", "PUNCT", "O"), ("Hartono", "PROPN", "S-PER"),
                          ("hadir", "VERB", "O")]))
    found = entities(result)
    assert found == {"CodeForge": "Organization", "McAllister": "Person", "Rudi P. Hartono": "Person"}, found


def test_a_decree_a_body_and_a_local_office_are_read_as_such():
    result = run(article(
        [("Keputusan", "NOUN", "O"), ("Menteri", "PROPN", "O"), ("Pertanian", "PROPN", "O"), ("No", "PROPN", "O"),
         ("4/2014", "NUM", "O"), ("berlaku", "VERB", "O")],
        [("Ketua", "PROPN", "O"), ("Bawasra", "PROPN", "O"), ("RI", "PROPN", "O"), ("Adi", "PROPN", "B-PER"),
         ("Wirawan", "PROPN", "E-PER"), ("menjawab", "VERB", "O")],
        [("Gubernur", "PROPN", "O"), ("Jakarta", "PROPN", "S-LOC"), ("Rina", "PROPN", "B-PER"),
         ("Kusuma", "PROPN", "E-PER"), ("hadir", "VERB", "O"), ("di", "ADP", "O"), ("Indonesia", "PROPN", "S-LOC")]))
    people = {n for n, t in entities(result).items() if t == "Person"}
    assert people == {"Adi Wirawan", "Rina Kusuma"}, people  # no "No", no "Bawasra"
    roles = facts(result, "holdsRole")
    assert ("Rina Kusuma", "Jakarta", "Governor") in roles, roles  # the city, not the state it is capital of


def test_a_title_and_its_state_read_as_a_body_is_the_title():
    result = run(article([("Dubes", "PROPN", "B-ORG"), ("RI", "PROPN", "E-ORG"), ("di", "ADP", "O"),
                          ("Kairo", "PROPN", "S-LOC"), ("Hadi", "PROPN", "B-PER"), ("Pranoto", "PROPN", "E-PER"),
                          ("menjelaskan", "VERB", "O")]))
    assert "Organization" not in entities(result).values()
    assert ("Hadi Pranoto", "Indonesia", "Ambassador to Egypt") in facts(result, "holdsRole")


def test_a_generic_acronym_names_what_its_own_article_spells_out():
    def embassy(city: str, article_id: str):
        return article([("Kedutaan", "PROPN", "O"), ("Besar", "PROPN", "O"), ("RI", "PROPN", "S-LOC"),
                        ("(", "PUNCT", "O"), ("KBRI", "PROPN", "O"), (")", "PUNCT", "O"), ("di", "ADP", "O"),
                        (city, "PROPN", "S-LOC"), ("buka", "VERB", "O")],
                       [("KBRI", "PROPN", "S-ORG"), ("mengimbau", "VERB", "O")], article_id=article_id)

    result = run(embassy("Kairo", "a"), embassy("Tokyo", "b"))
    by_article = {r.article.id: {m.text: m.entity for m in r.mentions} for r in result.articles}
    assert by_article["a"]["KBRI"] == by_article["a"]["Kedutaan Besar RI (KBRI) di Kairo"]
    assert by_article["b"]["KBRI"] == by_article["b"]["Kedutaan Besar RI (KBRI) di Tokyo"]
    assert by_article["a"]["KBRI"] != by_article["b"]["KBRI"]


def test_a_surname_the_parser_joins_to_a_name_belongs_to_it():
    # "Menlu Malaysia Dato Sri Hamid Aman hadir": the NER stops before "Aman", which is also a common word
    result = run(article([("Menlu", "PROPN", 0, "root", "O"), ("Malaysia", "PROPN", 1, "flat:name", "S-LOC"),
                          ("Dato", "PROPN", 1, "flat:name", "O"), ("Sri", "PROPN", 3, "flat:name", "B-PER"),
                          ("Wira", "PROPN", 4, "flat:name", "E-PER"), ("Aman", "PROPN", 5, "flat:name", "O"),
                          ("hadir", "VERB", 1, "acl", "O")]))
    assert {n for n, t in entities(result).items() if t == "Person"} == {"Wira Aman"}


def test_ships_are_no_people():
    result = run(article([("KRI", "PROPN", "B-PER"), ("Bima", "PROPN", "E-PER"), ("berlayar", "VERB", "O"),
                          ("bersama", "ADP", "O"), ("kapal", "NOUN", "O"), ("perang", "NOUN", "O"),
                          ("Ranger", "PROPN", "S-PER")]))
    assert entities(result) == {}


def test_a_former_holder_is_marked_and_a_bracket_does_not_open_a_name():
    result = run(article([("mantan", "ADJ", "O"), ("Ketua", "PROPN", "O"), ("DPR", "PROPN", "S-ORG"),
                          ("Budi", "PROPN", "B-PER"), ("Harsono", "PROPN", "E-PER"), ("dan", "CCONJ", "O"),
                          ("Kepala", "PROPN", "O"), ("Badan", "PROPN", "B-ORG"), ("Kreatif", "PROPN", "E-ORG"),
                          ("(", "PUNCT", "O"), ("Bekraf", "PROPN", "B-PER"), (")", "PUNCT", "I-PER"),
                          ("Tri", "PROPN", "I-PER"), ("Munaf", "PROPN", "E-PER"), ("hadir", "VERB", "O")]))
    roles = facts(result, "holdsRole")
    assert ("Budi Harsono", "House of Representatives of Indonesia", "former Chairman") in roles, roles
    # the bracketed acronym is a known agency: the body takes its gazetteer name
    assert ("Tri Munaf", "Creative Economy Agency of Indonesia", "Head") in roles, roles


def test_review_cases_names_that_look_like_titles_places_or_bodies_stay_whole():
    result = run(article(
        [("Presiden", "PROPN", "O"), ("Korea", "PROPN", "B-LOC"), ("Selatan", "PROPN", "E-LOC"),
         ("Park", "PROPN", "B-PER"), ("Geun-hye", "PROPN", "E-PER"), ("bertemu", "VERB", "O"),
         ("Wali", "PROPN", "O"), ("Kota", "PROPN", "O"),
         ("Tri", "PROPN", "B-PER"), ("Wulandari", "PROPN", "E-PER")],
        [("Peneliti", "NOUN", "O"), ("Indonesia", "PROPN", "B-ORG"), ("Corruption", "PROPN", "I-ORG"),
         ("Watch", "PROPN", "E-ORG"), ("mengkritik", "VERB", "O")]))
    found = entities(result)
    assert found.get("Park Geun-hye") == "Person" and found.get("Tri Wulandari") == "Person", found
    assert found.get("Indonesia Corruption Watch") == "Organization", found


def test_a_visited_state_is_not_the_state_a_role_serves():
    result = run(article([("Presiden", "PROPN", 3, "nsubj", "O"), ("Bambang", "PROPN", 1, "flat:name", "S-PER"),
                          ("mengunjungi", "VERB", 0, "root", "O"), ("Australia", "PROPN", 3, "obj", "S-LOC")]))
    assert not any(o == "Australia" for _, o, _ in facts(result, "holdsRole"))
    assert ("Bambang", "Australia", None) in facts(result, "visits")


def test_a_role_of_a_states_government_serves_that_state():
    # "Juru bicara pemerintah Kenya Amani Otieno mengatakan ..."
    result = run(article(tokens(
        "Juru/NOUN/7/nsubj bicara/NOUN/1/compound pemerintah/NOUN/1/nmod Kenya/PROPN/3/nmod/S-LOC "
        "Amani/PROPN/1/appos/B-PER Otieno/PROPN/5/flat:name/E-PER mengatakan/VERB/0/root")))
    assert facts(result, "holdsRole") == {("Amani Otieno", "Kenya", "Spokesperson")}


def test_a_role_after_the_name_across_linking_words():
    # "Amani Otieno, yang menjabat sebagai Menteri Luar Negeri Kenya, tiba."
    result = run(article(tokens(
        "Amani/PROPN/12/nsubj/B-PER Otieno/PROPN/1/flat:name/E-PER ,/PUNCT/1/punct yang/PRON/5/nsubj "
        "menjabat/VERB/1/acl:relcl sebagai/ADP/7/case Menteri/PROPN/5/obl Luar/PROPN/7/flat Negeri/PROPN/7/flat "
        "Kenya/PROPN/7/flat:name/S-LOC ,/PUNCT/1/punct tiba/VERB/0/root")))
    assert facts(result, "holdsRole") == {("Amani Otieno", "Kenya", "Foreign Minister")}


def test_a_person_before_a_role_with_other_words_between_holds_nothing():
    # "Amani Otieno bertemu Menteri Luar Negeri Kenya." : a meeting, not an apposition
    result = run(article([("Amani", "PROPN", 3, "nsubj", "B-PER"), ("Otieno", "PROPN", 1, "flat:name", "E-PER"),
                          ("bertemu", "VERB", 0, "root", "O"), ("Menteri", "PROPN", 3, "obj", "O"),
                          ("Luar", "PROPN", 4, "flat", "O"), ("Negeri", "PROPN", 4, "flat", "O"),
                          ("Kenya", "PROPN", 4, "flat:name", "S-LOC")]))
    assert facts(result, "holdsRole") == set()


def test_a_club_named_after_a_city_is_not_the_united_states():
    # "Juventus ingin membeli pemain dari AS Roma." / "Presiden AS Amani Otieno tiba."
    result = run(article([("Juventus", "PROPN", "S-ORG"), ("ingin", "ADV", "O"), ("membeli", "VERB", "O"),
                          ("pemain", "NOUN", "O"), ("dari", "ADP", "O"), ("AS", "PROPN", "B-ORG"),
                          ("Roma", "PROPN", "E-ORG")]),
                 article([("Presiden", "PROPN", "O"), ("AS", "PROPN", "S-LOC"), ("Amani", "PROPN", "B-PER"),
                          ("Otieno", "PROPN", "E-PER"), ("tiba", "VERB", "O")], article_id="u"))
    names = {m.text: m.type for r in result.articles for m in r.mentions}
    assert "Rome" not in entities(result) and names.get("AS") == "Country"
    assert sum(m.text == "AS" for r in result.articles for m in r.mentions) == 1


def test_the_head_of_a_unit_serves_the_body_named_after_the_unit_but_not_a_committee_about_it():
    # "Kepala Keamanan Dalam Negeri Kenya Amani Otieno mengatakan ..." / "Ketua Pansus Angket KPK Dewi Lestari ..."
    unit = run(article([("Kepala", "PROPN", 8, "nsubj", "O"), ("Keamanan", "PROPN", 1, "flat", "O"),
                        ("Dalam", "PROPN", 1, "flat", "O"), ("Negeri", "PROPN", 1, "flat", "O"),
                        ("Kenya", "PROPN", 1, "flat", "S-LOC"), ("Amani", "PROPN", 1, "flat:name", "B-PER"),
                        ("Otieno", "PROPN", 6, "flat:name", "E-PER"), ("mengatakan", "VERB", 0, "root", "O")]))
    assert facts(unit, "holdsRole") == {("Amani Otieno", "Kenya", "Head of Keamanan Dalam Negeri")}
    # "Presiden Ketiga Kenya Amani Otieno": the third president, no unit
    third = run(article([("Presiden", "PROPN", 6, "nsubj", "O"), ("Ketiga", "PROPN", 1, "flat", "O"),
                         ("Kenya", "PROPN", 1, "flat", "S-LOC"), ("Amani", "PROPN", 1, "flat:name", "B-PER"),
                         ("Otieno", "PROPN", 4, "flat:name", "E-PER"), ("wafat", "VERB", 0, "root", "O")]))
    assert facts(third, "holdsRole") == {("Amani Otieno", "Kenya", "President")}
    committee = run(article([("Ketua", "PROPN", 7, "nsubj", "O"), ("Pansus", "PROPN", 1, "flat", "O"),
                             ("Angket", "PROPN", 1, "flat", "O"), ("KPK", "PROPN", 1, "flat", "S-ORG"),
                             ("Dewi", "PROPN", 1, "flat:name", "B-PER"), ("Lestari", "PROPN", 5, "flat:name", "E-PER"),
                             ("menegaskan", "VERB", 0, "root", "O")]))
    assert not any(o == "Corruption Eradication Commission of Indonesia" for _, o, _ in facts(committee, "holdsRole"))


def test_a_cue_then_bertajuk_names_what_follows():
    # "Ana Soto hadir dalam konferensi bertajuk Ketahanan Pangan Kenya di Nairobi."
    result = run(article(tokens(
        "Ana/PROPN/3/nsubj/B-PER Soto/PROPN/1/flat/E-PER hadir/VERB/0/root dalam/ADP/5/case konferensi/NOUN/3/obl "
        "bertajuk/VERB/5/acl Ketahanan/PROPN/6/obj Pangan/PROPN/7/flat Kenya/PROPN/7/flat/S-LOC "
        "di/ADP/11/case Nairobi/PROPN/3/obl/S-LOC")))
    assert entities(result).get("Ketahanan Pangan Kenya") == "Event", entities(result)
    assert ("Ana Soto", "Ketahanan Pangan Kenya", None) in facts(result, "attends")


def test_a_generational_suffix_ends_a_persons_name():
    # "Jenderal Joseph Kamau, Jr. tiba di Lima."
    result = run(article(tokens(
        "Jenderal/PROPN/6/nsubj Joseph/PROPN/1/flat:name/B-PER Kamau/PROPN/2/flat:name/E-PER ,/PUNCT/5/punct "
        "Jr./PROPN/1/appos tiba/VERB/0/root di/ADP/8/case Lima/PROPN/6/obl/S-LOC")))
    assert "Joseph Kamau, Jr." in entities(result), entities(result)
