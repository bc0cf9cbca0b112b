"""Relations on hand-written parses: what the extractor makes of a parser's known slips."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from diplograf.extract import pipeline
from diplograf.extract.records import Article, Sentence, Word

# "Atas undangan Perdana Menteri Malaysia, Anwar Ibrahim, Presiden Joko Widodo melakukan kunjungan
# ke Malaysia." as a parser reads it when it takes the appositive (Anwar Ibrahim) for a second subject.
ROWS = [  # text, upos, head, deprel, ner
    ("Atas", "ADP", 2, "case", "O"),
    ("undangan", "NOUN", 13, "obl", "O"),
    ("Perdana", "PROPN", 2, "nmod", "O"),
    ("Menteri", "PROPN", 3, "flat:name", "O"),
    ("Malaysia", "PROPN", 3, "flat:name", "S-LOC"),
    (",", "PUNCT", 2, "punct", "O"),
    ("Anwar", "PROPN", 13, "nsubj", "B-PER"),
    ("Ibrahim", "PROPN", 7, "flat:name", "E-PER"),
    (",", "PUNCT", 2, "punct", "O"),
    ("Presiden", "PROPN", 13, "nsubj", "O"),
    ("Joko", "PROPN", 10, "flat:name", "B-PER"),
    ("Widodo", "PROPN", 11, "flat:name", "E-PER"),
    ("melakukan", "VERB", 0, "root", "O"),
    ("kunjungan", "NOUN", 13, "obj", "O"),
    ("ke", "ADP", 16, "case", "O"),
    ("Malaysia", "PROPN", 14, "nmod", "S-LOC"),
    (".", "PUNCT", 13, "punct", "O"),
]


def _sentence(rows: list[tuple[str, str, int, str, str]]) -> tuple[str, Sentence]:
    text, words = "", []
    for i, (form, upos, head, deprel, ner) in enumerate(rows, 1):
        if text and form not in (",", "."):
            text += " "
        words.append(Word(i, form, form.lower(), upos, None, head, deprel, len(text), len(text) + len(form), ner))
        text += form
    return text, Sentence(0, text, 0, len(text), words)


def test_of_two_subjects_the_nearest_is_the_visitor():
    text, sentence = _sentence(ROWS)
    result = pipeline.run([Article(id="t1", text=text)], [[sentence]])
    visits = {(f.subject, f.object) for r in result.articles for f in r.facts if f.predicate == "visits"}
    assert any(s.startswith("person:joko-widodo") for s, _ in visits), visits
    assert not any(s.startswith("person:anwar-ibrahim") for s, _ in visits), visits


# --- precision on real news: each class of wrong fact, on a hand-written parse -------------------------

from parses import article, entities, facts, run, tokens  # noqa: E402


def test_a_relative_clause_passive_supports_the_noun_it_modifies():
    # "Kanada, yang didukung oleh Meksiko, mendorong rencana itu."
    result = run(article([("Kanada", "PROPN", 6, "nsubj", "S-LOC"), (",", "PUNCT", 4, "punct", "O"),
                          ("yang", "PRON", 4, "nsubj:pass", "O"), ("didukung", "VERB", 1, "acl:relcl", "O"),
                          ("oleh", "ADP", 6, "case", "O"), ("Meksiko", "PROPN", 4, "obl", "S-LOC"),
                          ("mendorong", "VERB", 0, "root", "O"), ("rencana", "NOUN", 7, "obj", "O")]))
    assert facts(result, "supports") == {("Mexico", "Canada", None)}


def test_no_object_from_a_name_that_merely_stands_near_the_trigger():
    # "Ana Morales mengunjungi pabrik itu, sementara Peru menolak." : Peru is not visited
    result = run(article([("Ana", "PROPN", 3, "nsubj", "B-PER"), ("Morales", "PROPN", 1, "flat:name", "E-PER"),
                          ("mengunjungi", "VERB", 0, "root", "O"), ("pabrik", "NOUN", 3, "obj", "O"),
                          ("itu", "DET", 4, "det", "O"), (",", "PUNCT", 9, "punct", "O"),
                          ("sementara", "SCONJ", 9, "mark", "O"), ("Peru", "PROPN", 9, "nsubj", "S-LOC"),
                          ("menolak", "VERB", 3, "advcl", "O")]))
    assert facts(result, "visits") == set()


def _pair_sentence(*forms_ner: tuple[str, str]):
    return [(form, "PROPN" if ner != "O" else "NOUN", ner) for form, ner in forms_ner]


def test_a_cue_inside_the_name_of_a_body_states_no_cooperation():
    result = run(article(_pair_sentence(("Turki", "S-LOC"), ("dan", "O"), ("Mesir", "S-LOC"), ("membahas", "O"),
                                        ("perdagangan", "O"), ("di", "O"), ("KTT", "O"), ("Organisasi", "B-ORG"),
                                        ("Kerja", "I-ORG"), ("Sama", "I-ORG"), ("Islam", "E-ORG"))))
    assert facts(result, "cooperatesOn") == set()
    # the same cue outside the name states it
    said = run(article(_pair_sentence(("Turki", "S-LOC"), ("dan", "O"), ("Mesir", "S-LOC"), ("anggota", "O"),
                                      ("Organisasi", "B-ORG"), ("Kerja", "I-ORG"), ("Sama", "I-ORG"),
                                      ("Islam", "E-ORG"), ("sepakat", "O"), ("meningkatkan", "O"), ("kerja", "O"),
                                      ("sama", "O"), ("perdagangan", "O"))))
    assert {r for _, _, r in facts(said, "cooperatesOn")} == {"trade"}


def test_stopped_cooperation_is_no_cooperation():
    result = run(article(_pair_sentence(("Indonesia", "S-LOC"), ("menghentikan", "O"), ("kerja", "O"), ("sama", "O"),
                                        ("pertahanan", "O"), ("dengan", "O"), ("Australia", "S-LOC"))))
    assert facts(result, "cooperatesOn") == set()


def test_an_agreement_as_a_document_is_no_agreeing_and_relations_must_be_established():
    no = run(article(_pair_sentence(("Jepang", "S-LOC"), ("membahas", "O"), ("kesepakatan", "O"), ("yang", "O"),
                                    ("ditinggalkan", "O"), ("Amerika", "S-LOC")),
                     _pair_sentence(("Turki", "S-LOC"), ("menunda", "O"), ("hubungan", "O"), ("diplomatik", "O"),
                                    ("dengan", "O"), ("Belanda", "S-LOC"))))
    assert facts(no, "agreesWith") == set() and facts(no, "establishedRelations") == set()
    yes = run(article(_pair_sentence(("Jepang", "S-LOC"), ("dan", "O"), ("Peru", "S-LOC"), ("mencapai", "O"),
                                     ("kesepakatan", "O"), ("untuk", "O"), ("membuka", "O"), ("pasar", "O")),
                      _pair_sentence(("Chili", "S-LOC"), ("dan", "O"), ("Peru", "S-LOC"), ("menjalin", "O"),
                                     ("hubungan", "O"), ("diplomatik", "O"))))
    assert {(s, o) for s, o, _ in facts(yes, "agreesWith")} in ({("Japan", "Peru")}, {("Peru", "Japan")})
    assert len(facts(yes, "establishedRelations")) == 1


def test_a_light_verb_carries_the_preposition_of_its_nominal():
    # "Iran memberikan dukungan penuh kepada Indonesia."
    result = run(article([("Iran", "PROPN", 2, "nsubj", "S-LOC"), ("memberikan", "VERB", 0, "root", "O"),
                          ("dukungan", "NOUN", 2, "obj", "O"), ("penuh", "ADJ", 3, "amod", "O"),
                          ("kepada", "ADP", 6, "case", "O"), ("Indonesia", "PROPN", 2, "obl", "S-LOC"),
                          (".", "PUNCT", 2, "punct", "O")]))
    assert facts(result, "supports") == {("Iran", "Indonesia", None)}


def test_places_listed_together_are_not_inside_each_other():
    result = run(article([("Operasi", "NOUN", "O"), ("di", "ADP", "O"), ("Sumatera", "PROPN", "S-LOC"),
                          (",", "PUNCT", "O"), ("Jawa", "PROPN", "S-LOC"), (",", "PUNCT", "O"),
                          ("Sulawesi", "PROPN", "S-LOC"), ("dan", "CCONJ", "O"), ("Bali", "PROPN", "S-LOC")],
                         [("Ia", "PRON", "O"), ("tinggal", "VERB", "O"), ("di", "ADP", "O"),
                          ("Garut", "PROPN", "S-LOC"), (",", "PUNCT", "O"), ("Jawa", "PROPN", "B-LOC"),
                          ("Barat", "PROPN", "E-LOC")]))
    assert {(s, o) for s, o, _ in facts(result, "locatedIn")} == {("Garut", "West Java")}


def test_a_person_under_a_common_noun_is_no_guest_and_sport_is_no_diplomacy():
    # "Rudi menerima umpan Joni." / "Rudi bertemu Joni di final."
    result = run(article([("Rudi", "PROPN", 2, "nsubj", "S-PER"), ("menerima", "VERB", 0, "root", "O"),
                          ("umpan", "NOUN", 2, "obj", "O"), ("Joni", "PROPN", 3, "nmod", "S-PER")],
                         [("Rudi", "PROPN", 2, "nsubj", "S-PER"), ("bertemu", "VERB", 0, "root", "O"),
                          ("Joni", "PROPN", 2, "obj", "S-PER"), ("di", "ADP", 5, "case", "O"),
                          ("final", "NOUN", 2, "obl", "O")]))
    assert facts(result, "hosts") == set() and facts(result, "meets") == set()
    # the same meeting between office holders stands
    official = run(article([("Menteri", "PROPN", 3, "nsubj", "O"), ("Rudi", "PROPN", 1, "flat:name", "S-PER"),
                            ("bertemu", "VERB", 0, "root", "O"), ("Duta", "PROPN", 3, "obj", "O"),
                            ("Besar", "PROPN", 4, "flat:name", "O"), ("Joni", "PROPN", 4, "flat:name", "S-PER")]))
    assert {(s, o) for s, o, _ in facts(official, "meets")} in ({("Rudi", "Joni")}, {("Joni", "Rudi")})


def test_his_visit_is_the_visit_of_the_person_named_before_not_of_the_speaker():
    # "Menlu Peru Ana bertemu Presiden Bolivia Rui dan mengatakan bahwa kunjungannya ke Chili penting."
    rows = [("Menlu", "PROPN", 4, "nsubj", "O"), ("Peru", "PROPN", 1, "flat:name", "S-LOC"),
            ("Ana", "PROPN", 1, "flat:name", "S-PER"), ("bertemu", "VERB", 0, "root", "O"),
            ("Presiden", "PROPN", 4, "obj", "O"), ("Bolivia", "PROPN", 5, "flat:name", "S-LOC"),
            ("Rui", "PROPN", 5, "flat:name", "S-PER"), ("dan", "CCONJ", 9, "cc", "O"),
            ("mengatakan", "VERB", 4, "conj", "O"), ("bahwa", "SCONJ", 15, "mark", "O"),
            ("kunjungan", "NOUN", 15, "nsubj", "O"), ("nya", "PRON", 11, "nmod:poss", "O"),
            ("ke", "ADP", 14, "case", "O"), ("Chili", "PROPN", 11, "nmod", "S-LOC"),
            ("penting", "ADJ", 9, "ccomp", "O")]
    visits = {(s, o) for s, o, _ in facts(run(article(rows)), "visits")}
    assert visits == {("Rui", "Chile")}, visits  # not Ana, the speaker


def test_nobody_visits_or_meets_the_state_they_serve():
    # "Menlu Peru Ana bertemu dengan mahasiswa Peru."
    rows = [("Menlu", "PROPN", 5, "nsubj", "O"), ("Peru", "PROPN", 1, "flat:name", "S-LOC"),
            ("Ana", "PROPN", 1, "flat:name", "B-PER"), ("Lopes", "PROPN", 3, "flat:name", "E-PER"),
            ("bertemu", "VERB", 0, "root", "O"), ("dengan", "ADP", 7, "case", "O"),
            ("mahasiswa", "NOUN", 5, "obl", "O"), ("Peru", "PROPN", 7, "nmod", "S-LOC")]
    assert facts(run(article(rows)), "meets") == set()


# --- recall on real news: argument lists, venues, passives --------------------------------------------

def test_a_plural_noun_that_lists_its_members_stands_for_them():
    # "Menteri Luar Negeri Chile Ana Soto berangkat dalam perjalanan ke negara-negara mitra di Afrika Timur,
    # yaitu Kenya, Uganda dan Tanzania.": the members are visited, not the region named nearest
    rows = tokens(
        "Menteri/PROPN/7/nsubj Luar/PROPN/1/flat Negeri/PROPN/1/flat Chile/PROPN/1/flat:name/S-LOC "
        "Ana/PROPN/1/flat:name/B-PER Soto/PROPN/5/flat:name/E-PER berangkat/VERB/0/root dalam/ADP/9/case "
        "perjalanan/NOUN/7/obl ke/ADP/11/case negara-negara/NOUN/9/nmod mitra/NOUN/11/compound di/ADP/14/case "
        "Afrika/PROPN/12/nmod/B-LOC Timur/PROPN/14/flat:name/E-LOC ,/PUNCT/18/punct yaitu/ADP/18/case "
        "Kenya/PROPN/11/appos/S-LOC ,/PUNCT/20/punct Uganda/PROPN/18/conj/S-LOC dan/CCONJ/22/cc "
        "Tanzania/PROPN/18/conj/S-LOC ./PUNCT/7/punct")
    result = run(article(rows))
    assert facts(result, "visits") == {("Ana Soto", "Kenya", None), ("Ana Soto", "Uganda", None),
                                       ("Ana Soto", "Tanzania", None)}


def test_termasuk_lists_the_members_of_those_who_support():
    # "Kenya, yang didukung oleh berbagai negara termasuk Peru dan Chile, mengajukan usulan itu."
    result = run(article([("Kenya", "PROPN", 12, "nsubj", "S-LOC"), (",", "PUNCT", 4, "punct", "O"),
                          ("yang", "PRON", 4, "nsubj:pass", "O"), ("didukung", "VERB", 1, "acl:relcl", "O"),
                          ("oleh", "ADP", 7, "case", "O"), ("berbagai", "DET", 7, "det", "O"),
                          ("negara", "NOUN", 4, "obl", "O"), ("termasuk", "VERB", 7, "acl", "O"),
                          ("Peru", "PROPN", 8, "obj", "S-LOC"), ("dan", "CCONJ", 11, "cc", "O"),
                          ("Chile", "PROPN", 9, "conj", "S-LOC"), ("mengajukan", "VERB", 0, "root", "O"),
                          ("usulan", "NOUN", 12, "obj", "O")]))
    assert facts(result, "supports") == {("Peru", "Kenya", None), ("Chile", "Kenya", None)}


def test_the_place_right_after_an_event_hosts_it_and_a_capital_stays_a_city():
    # "Para menteri berkumpul dalam Forum Samudra yang digelar di Nairobi, Kenya, Senin (3/6)."
    art, sents = article([("Para", "DET", 2, "det", "O"), ("menteri", "NOUN", 3, "nsubj", "O"),
                          ("berkumpul", "VERB", 0, "root", "O"), ("dalam", "ADP", 5, "case", "O"),
                          ("Forum", "NOUN", 3, "obl", "B-EVENT"), ("Samudra", "PROPN", 5, "flat:name", "E-EVENT"),
                          ("yang", "PRON", 8, "nsubj:pass", "O"), ("digelar", "VERB", 5, "acl:relcl", "O"),
                          ("di", "ADP", 10, "case", "O"), ("Nairobi", "PROPN", 8, "obl", "S-LOC"),
                          (",", "PUNCT", 12, "punct", "O"), ("Kenya", "PROPN", 10, "appos", "S-LOC"),
                          (",", "PUNCT", 14, "punct", "O"), ("Senin", "PROPN", 8, "obl:tmod", "O"),
                          ("(", "PUNCT", 16, "punct", "O"), ("3/6", "NUM", 14, "nmod", "O"),
                          (")", "PUNCT", 16, "punct", "O")])
    result = run((replace(art, date=dt.date(2024, 6, 4)), sents))
    hosts = [f for r in result.articles for f in r.facts if f.predicate == "hosts"]
    assert [(result.entities[f.subject].name, result.entities[f.object].type) for f in hosts] == [("Nairobi", "Event")]
    assert str(hosts[0].date) == "2024-06-03"


def test_no_venue_without_a_place_right_after_the_event():
    # "Forum Samudra membahas kerja sama di Kenya." : the cooperation is in Kenya, the forum is not said to be
    result = run(article([("Forum", "NOUN", 3, "nsubj", "B-EVENT"), ("Samudra", "PROPN", 1, "flat:name", "E-EVENT"),
                          ("membahas", "VERB", 0, "root", "O"), ("kerja", "NOUN", 3, "obj", "O"),
                          ("sama", "ADJ", 4, "compound", "O"), ("di", "ADP", 7, "case", "O"),
                          ("Kenya", "PROPN", 3, "obl", "S-LOC")]))
    assert facts(result, "hosts") == set()


def test_the_agent_of_a_passive_speech_attends_the_event_it_was_given_in():
    # "Hal itu disampaikan Presiden Kenya Amani Otieno dalam Forum Samudra."
    result = run(article([("Hal", "NOUN", 3, "nsubj:pass", "O"), ("itu", "DET", 1, "det", "O"),
                          ("disampaikan", "VERB", 0, "root", "O"), ("Presiden", "NOUN", 3, "obj", "O"),
                          ("Kenya", "PROPN", 4, "nmod", "S-LOC"), ("Amani", "PROPN", 4, "nmod", "B-PER"),
                          ("Otieno", "PROPN", 6, "flat:name", "E-PER"), ("dalam", "ADP", 9, "case", "O"),
                          ("Forum", "NOUN", 3, "obl", "B-EVENT"), ("Samudra", "PROPN", 9, "flat:name", "E-EVENT")]))
    assert {(s, o) for s, o, _ in facts(result, "attends")} == {("Amani Otieno", "Forum Samudra")}


def test_a_spokesperson_of_a_known_ministry_serves_its_state():
    # "Juru Bicara Kementerian Luar Negeri RI, Dewi Lestari, mengatakan ..."
    result = run(article(tokens(
        "Juru/NOUN/11/nsubj Bicara/NOUN/1/compound Kementerian/PROPN/1/nmod/B-ORG Luar/PROPN/3/flat/I-ORG "
        "Negeri/PROPN/3/flat/I-ORG RI/PROPN/3/flat:name/E-ORG ,/PUNCT/8/punct Dewi/PROPN/1/appos/B-PER "
        "Lestari/PROPN/8/flat:name/E-PER ,/PUNCT/8/punct mengatakan/VERB/0/root")))
    assert facts(result, "holdsRole") == {("Dewi Lestari", "Indonesia", "Foreign Ministry Spokesperson")}


def test_two_named_states_cooperating_on_a_field_not_in_the_table_still_cooperate():
    # "Kenya dan Peru akan bekerja sama mencari kapal itu."
    result = run(article([("Kenya", "PROPN", 5, "nsubj", "S-LOC"), ("dan", "CCONJ", 3, "cc", "O"),
                          ("Peru", "PROPN", 1, "conj", "S-LOC"), ("akan", "AUX", 5, "aux", "O"),
                          ("bekerja", "VERB", 0, "root", "O"), ("sama", "ADV", 5, "advmod", "O"),
                          ("mencari", "VERB", 5, "xcomp", "O"), ("kapal", "NOUN", 7, "obj", "O")]))
    assert {frozenset((s, o)) for s, o, _ in facts(result, "cooperatesOn")} == {frozenset(("Kenya", "Peru"))}


def _launched(*agent: tuple) -> list[tuple]:
    # "Tahun Pariwisata Peru telah resmi diluncurkan di Kenya [oleh Chile]."
    return [("Tahun", "NOUN", 6, "nsubj:pass", "O"), ("Pariwisata", "NOUN", 1, "compound", "O"),
            ("Peru", "PROPN", 1, "nmod", "S-LOC"), ("telah", "AUX", 6, "aux", "O"),
            ("resmi", "ADV", 6, "advmod", "O"), ("diluncurkan", "VERB", 0, "root", "O"), ("di", "ADP", 8, "case", "O"),
            ("Kenya", "PROPN", 6, "obl", "S-LOC"), *agent]


def test_a_passive_with_no_agent_names_nobody_who_acted():
    assert facts(run(article(_launched())), "inaugurates") == set()
    with_agent = _launched(("oleh", "ADP", 10, "case", "O"), ("Chile", "PROPN", 6, "obl:agent", "S-LOC"))
    assert {s for s, _, _ in facts(run(article(with_agent)), "inaugurates")} == {"Chile"}


def test_a_membership_belongs_to_the_state_it_names_not_to_whoever_supports_it():
    # "Kenya mendukung keanggotaan Uganda di ASEAN."
    result = run(article([("Kenya", "PROPN", 2, "nsubj", "S-LOC"), ("mendukung", "VERB", 0, "root", "O"),
                          ("keanggotaan", "NOUN", 2, "obj", "O"), ("Uganda", "PROPN", 3, "nmod", "S-LOC"),
                          ("di", "ADP", 6, "case", "O"), ("ASEAN", "PROPN", 3, "nmod", "S-ORG")]))
    assert facts(result, "memberOf") == {("Uganda", "ASEAN", None)}


def test_a_named_cue_with_a_demonstrative_is_the_event_named_before():
    # "KTT Samudra digelar di Nairobi." / "Presiden Kenya Amani Otieno menghadiri konferensi tersebut."
    first = [("KTT", "PROPN", 3, "nsubj:pass", "O"), ("Samudra", "PROPN", 1, "flat:name", "O"),
             ("digelar", "VERB", 0, "root", "O"), ("di", "ADP", 5, "case", "O"),
             ("Nairobi", "PROPN", 3, "obl", "S-LOC")]
    second = [("Presiden", "NOUN", 5, "nsubj", "O"), ("Kenya", "PROPN", 1, "nmod", "S-LOC"),
              ("Amani", "PROPN", 1, "nmod", "B-PER"), ("Otieno", "PROPN", 3, "flat:name", "E-PER"),
              ("menghadiri", "VERB", 0, "root", "O"), ("konferensi", "NOUN", 5, "obj", "O"),
              ("tersebut", "DET", 6, "det", "O")]
    result = run(article(first, second))
    assert {(s, o) for s, o, _ in facts(result, "attends")} == {("Amani Otieno", "KTT Samudra")}
    assert {(s, o) for s, o, _ in facts(result, "hosts")} == {("Nairobi", "KTT Samudra")}


def test_a_bare_conference_names_no_event():
    # "Presiden Kenya Amani Otieno berbicara dalam konferensi pers." : a press conference, no summit
    result = run(article([("Presiden", "NOUN", 5, "nsubj", "O"), ("Kenya", "PROPN", 1, "nmod", "S-LOC"),
                          ("Amani", "PROPN", 1, "nmod", "B-PER"), ("Otieno", "PROPN", 3, "flat:name", "E-PER"),
                          ("berbicara", "VERB", 0, "root", "O"), ("dalam", "ADP", 7, "case", "O"),
                          ("konferensi", "NOUN", 5, "obl", "O"), ("pers", "NOUN", 7, "compound", "O")]))
    assert facts(result, "attends") == set()


def _meeting(guest_country: str, guest: tuple[str, str], shift: int = 0) -> list[tuple]:
    """"Presiden Kenya Amani Otieno bertemu Presiden <country> <guest>", its words numbered from ``shift`` + 1."""
    rows = [("Presiden", "NOUN", 5, "nsubj", "O"), ("Kenya", "PROPN", 1, "nmod", "S-LOC"),
            ("Amani", "PROPN", 1, "nmod", "B-PER"), ("Otieno", "PROPN", 3, "flat:name", "E-PER"),
            ("bertemu", "VERB", 0, "root", "O"), ("Presiden", "NOUN", 5, "obj", "O"),
            (guest_country, "PROPN", 6, "nmod", "S-LOC"), (guest[0], "PROPN", 6, "nmod", "B-PER"),
            (guest[1], "PROPN", 8, "flat:name", "E-PER")]
    return [(t, u, h + shift if h else 0, d, n) for t, u, h, d, n in rows]


def test_the_same_day_is_the_day_of_the_act_reported_before_however_far_back():
    # "... bertemu Presiden Peru Luis Paredes, Senin (3/6)." / three sentences with no act /
    # "Di hari yang sama ... bertemu Presiden Chile Ana Soto."
    first = _meeting("Peru", ("Luis", "Paredes")) + [
        (",", "PUNCT", 11, "punct", "O"), ("Senin", "PROPN", 5, "obl:tmod", "O"), ("(", "PUNCT", 13, "punct", "O"),
        ("3/6", "NUM", 11, "nmod", "O"), (")", "PUNCT", 13, "punct", "O")]
    filler = [("Cuaca", "NOUN", 2, "nsubj", "O"), ("cerah", "ADJ", 0, "root", "O")]
    last = [("Di", "ADP", 2, "case", "O"), ("hari", "NOUN", 9, "obl", "O"), ("yang", "PRON", 4, "nsubj", "O"),
            ("sama", "ADJ", 2, "acl", "O")] + _meeting("Chile", ("Ana", "Soto"), shift=4)
    art, sents = article(first, filler, filler, filler, last)
    result = run((replace(art, date=dt.date(2024, 6, 4)), sents))
    dates = {result.entities[f.object].name: str(f.date) for r in result.articles for f in r.facts
             if f.predicate == "meets"}
    assert dates == {"Luis Paredes": "2024-06-03", "Ana Soto": "2024-06-03"}


def _exhibition(*places: tuple) -> list[tuple]:
    """"Pameran itu akan digelar di kota lain seperti <places>"."""
    return [("Pameran", "NOUN", 4, "nsubj:pass", "O"), ("itu", "DET", 1, "det", "O"), ("akan", "AUX", 4, "aux", "O"),
            ("digelar", "VERB", 0, "root", "O"), ("di", "ADP", 6, "case", "O"), ("kota", "NOUN", 4, "obl", "O"),
            ("lain", "ADJ", 6, "amod", "O"), ("seperti", "ADP", 9, "case", "O"), *places]


def test_places_listed_after_seperti_are_not_inside_each_other():
    # "... seperti Jambi, Lampung, Nairobi dan Gorontalo": a list; "... seperti Nairobi, Kenya.": a city in its state
    listed = _exhibition(("Jambi", "PROPN", 6, "nmod", "S-LOC"), (",", "PUNCT", 11, "punct", "O"),
                         ("Lampung", "PROPN", 9, "conj", "S-LOC"), (",", "PUNCT", 13, "punct", "O"),
                         ("Nairobi", "PROPN", 9, "conj", "S-LOC"), ("dan", "CCONJ", 15, "cc", "O"),
                         ("Gorontalo", "PROPN", 9, "conj", "S-LOC"))
    assert facts(run(article(listed)), "locatedIn") == set()
    one = _exhibition(("Nairobi", "PROPN", 6, "nmod", "S-LOC"), (",", "PUNCT", 11, "punct", "O"),
                      ("Kenya", "PROPN", 9, "appos", "S-LOC"))
    assert facts(run(article(one)), "locatedIn") == {("Nairobi", "Kenya", None)}


def _designates(subject: list[tuple], *, also: list[tuple] | None = None) -> list[list[tuple]]:
    """"<subject> telah menetapkan 2 KEK, yaitu KEK Lamu dan KEK Kisumu." (after a sentence naming Indonesia)"""
    n = len(subject)
    rows = [*subject, ("telah", "AUX", n + 2, "aux", "O"), ("menetapkan", "VERB", 0, "root", "O"),
            ("2", "NUM", n + 4, "nummod", "O"), ("KEK", "PROPN", n + 2, "obj", "O"),
            (",", "PUNCT", n + 2, "punct", "O"),
            ("yaitu", "ADP", n + 7, "case", "O"), ("KEK", "PROPN", n + 4, "appos", "O"),
            ("Lamu", "PROPN", n + 7, "flat:name", "O"), ("dan", "CCONJ", n + 10, "cc", "O"),
            ("KEK", "PROPN", n + 7, "conj", "O"), ("Kisumu", "PROPN", n + 10, "flat:name", "O")]
    return [[("Indonesia", "PROPN", 2, "nsubj", "S-LOC"), ("tumbuh", "VERB", 0, "root", "O")], rows, *(also or [])]


def test_a_bare_pemerintah_in_indonesian_news_is_indonesia_and_a_listed_object_is_each_member():
    bare = _designates([("Pemerintah", "NOUN", 3, "nsubj", "O")])
    assert {(s, o) for s, o, _ in facts(run(article(*bare)), "inaugurates")} == {
        ("Indonesia", "KEK Lamu"), ("Indonesia", "KEK Kisumu")}
    local = _designates([("Pemerintah", "NOUN", 4, "nsubj", "O"), ("daerah", "NOUN", 1, "compound", "O")])
    assert facts(run(article(*local)), "inaugurates") == set()  # a local government is not the state


def test_states_that_have_an_agreement_are_its_parties():
    # "Kenya dan Peru sudah memiliki perjanjian kerja sama di bidang pariwisata."
    result = run(article(tokens(
        "Kenya/PROPN/5/nsubj/S-LOC dan/CCONJ/3/cc Peru/PROPN/1/conj/S-LOC sudah/ADV/5/advmod memiliki/VERB/0/root "
        "perjanjian/NOUN/5/obj kerja/NOUN/6/compound sama/ADJ/7/amod di/ADP/10/case bidang/NOUN/6/nmod "
        "pariwisata/NOUN/10/compound")))
    assert {s for s, _, _ in facts(result, "signs")} == {"Kenya", "Peru"}


def test_a_bare_ministers_title_is_the_minister_named_before_and_a_statement_at_an_event_attends_it():
    # "Menteri Perindustrian Dewi Lestari tiba di Nairobi." / "..., kata Menperin pada acara Business Forum
    # Kenya-Peru di Nairobi."
    named = tokens("Menteri/PROPN/4/nsubj Perindustrian/PROPN/1/flat Dewi/PROPN/1/flat/B-PER "
                   "Lestari/PROPN/3/flat/E-PER tiba/VERB/0/root di/ADP/7/case Nairobi/PROPN/5/obl/S-LOC")
    said = tokens("Kerja/NOUN/3/nsubj sama/ADJ/1/amod penting/ADJ/0/root ,/PUNCT/5/punct kata/VERB/3/parataxis "
                  "Menperin/PROPN/5/nsubj pada/ADP/8/case acara/NOUN/5/obl Business/PROPN/8/nmod/B-ORG "
                  "Forum/PROPN/9/flat:name/I-ORG Kenya/PROPN/9/flat:name/E-ORG -/PUNCT/13/punct "
                  "Peru/PROPN/11/flat:name/S-LOC di/ADP/15/case Nairobi/PROPN/8/nmod/S-LOC")
    result = run(article(named, said))
    assert entities(result).get("Business Forum Kenya-Peru") == "Event"  # the pair it joins is in its name
    assert facts(result, "attends") == {("Dewi Lestari", "Business Forum Kenya-Peru", None)}
    assert ("Nairobi", "Business Forum Kenya-Peru") in {(s, o) for s, o, _ in facts(result, "hosts")}


def test_a_bare_leaders_title_stays_a_group():
    # "Kedua presiden kemudian mengadakan pembicaraan." names no one president
    result = run(article(
        tokens("Presiden/PROPN/2/nsubj Amani/PROPN/1/flat/B-PER Otieno/PROPN/2/flat:name/E-PER tiba/VERB/0/root"),
        tokens("Kedua/NUM/2/nummod presiden/NOUN/4/nsubj kemudian/ADV/4/advmod mengadakan/VERB/0/root "
               "pembicaraan/NOUN/4/obj")))
    people = [m for r in result.articles for m in r.mentions if m.type == "Person"]
    assert all(m.source != "title" for m in people), people


def test_an_office_named_for_the_home_state_serves_it_and_a_minister_beside_the_home_state_is_its():
    # "Panglima TNI Jenderal Budi Santoso ditolak masuk ke Peru."
    army = tokens("Panglima/PROPN/5/nsubj:pass TNI/PROPN/1/flat Jenderal/PROPN/1/flat Budi/PROPN/1/flat/B-PER "
                  "Santoso/PROPN/4/flat:name/E-PER ditolak/VERB/0/root masuk/VERB/6/xcomp ke/ADP/9/case "
                  "Peru/PROPN/7/obl/S-LOC")
    # "Menteri Pariwisata Dewi Lestari mendukung kerja sama antara Indonesia dan Peru."
    minister = tokens("Menteri/PROPN/5/nsubj Pariwisata/PROPN/1/flat Dewi/PROPN/1/flat/B-PER "
                      "Lestari/PROPN/3/flat:name/E-PER mendukung/VERB/0/root kerja/NOUN/5/obj sama/ADJ/6/amod "
                      "antara/ADP/9/case Indonesia/PROPN/6/nmod/S-LOC dan/CCONJ/11/cc Peru/PROPN/9/conj/S-LOC")
    roles = facts(run(article(army, minister)), "holdsRole")
    assert ("Budi Santoso", "Indonesia", "Commander of the Indonesian National Armed Forces") in roles, roles
    assert ("Dewi Lestari", "Indonesia", "Tourism Minister") in roles, roles
    assert not any(o == "Peru" for _, o, _ in roles), roles


def test_a_police_rank_after_kapolri_is_not_the_name():
    # "Kapolri Jenderal Pol Budi Santoso hadir." / "Indonesia aman."
    result = run(article(tokens("Kapolri/PROPN/6/nsubj Jenderal/PROPN/1/flat Pol/PROPN/1/flat Budi/PROPN/1/flat/B-PER "
                                "Santoso/PROPN/4/flat:name/E-PER hadir/VERB/0/root"),
                         tokens("Indonesia/PROPN/2/nsubj/S-LOC aman/ADJ/0/root")))
    assert facts(result, "holdsRole") == {("Budi Santoso", "Indonesia", "Chief of the Indonesian National Police")}


def test_a_role_then_yaitu_introduces_its_holder():
    # "Otieno menemui CEO Zentara, yaitu Ana Soto."
    result = run(article(tokens(
        "Otieno/PROPN/2/nsubj/S-PER menemui/VERB/0/root CEO/PROPN/2/obj Zentara/PROPN/3/flat/S-ORG "
        ",/PUNCT/7/punct yaitu/ADV/7/advmod Ana/PROPN/3/appos/B-PER Soto/PROPN/7/flat/E-PER")))
    assert ("Ana Soto", "Zentara", "Chief Executive") in facts(result, "holdsRole"), facts(result, "holdsRole")


def test_cooperation_stopped_for_now_is_no_cooperation():
    # "Kenya menghentikan sementara kerja sama di bidang pertahanan dengan Peru."
    result = run(article(tokens(
        "Kenya/PROPN/2/nsubj/S-LOC menghentikan/VERB/0/root sementara/SCONJ/4/mark kerja/NOUN/2/obj "
        "sama/ADJ/4/amod di/ADP/7/case bidang/NOUN/4/nmod pertahanan/NOUN/7/compound dengan/ADP/10/case "
        "Peru/PROPN/4/nmod/S-LOC")))
    assert facts(result, "cooperatesOn") == set()


def test_in_both_countries_is_no_place():
    # "Kenya dan Peru bertemu." / "Otieno menghadiri KTT ASEAN di kedua negara."  ("di kedua negara": no one place)
    result = run(article(
        tokens("Kenya/PROPN/4/nsubj/S-LOC dan/CCONJ/3/cc Peru/PROPN/1/conj/S-LOC bertemu/VERB/0/root"),
        tokens("Otieno/PROPN/2/nsubj/S-PER menghadiri/VERB/0/root KTT/PROPN/2/obj ASEAN/PROPN/3/flat/S-ORG "
               "di/ADP/7/case kedua/NUM/7/nummod negara/NOUN/2/obl")))
    assert not any(f.place and f.place.startswith("group:") for r in result.articles for f in r.facts)
    assert all(s != "group:states" for s, _, _ in facts(result, "hosts"))


def test_those_an_act_at_an_event_is_done_before_attend_it():
    # "Hal itu disampaikan Presiden Kenya Amani Otieno dalam Forum Samudra di hadapan Perdana Menteri
    # Peru Ana Soto."
    result = run(article(tokens(
        "Hal/NOUN/3/nsubj:pass itu/DET/1/det disampaikan/VERB/0/root Presiden/NOUN/3/obj Kenya/PROPN/4/nmod/S-LOC "
        "Amani/PROPN/4/nmod/B-PER Otieno/PROPN/6/flat:name/E-PER dalam/ADP/9/case Forum/NOUN/3/obl/B-EVENT "
        "Samudra/PROPN/9/flat:name/E-EVENT di/ADP/12/case hadapan/NOUN/3/obl Perdana/PROPN/12/compound "
        "Menteri/PROPN/13/flat:name Peru/PROPN/13/flat:name/S-LOC Ana/PROPN/13/flat:name/B-PER "
        "Soto/PROPN/16/flat:name/E-PER ./PUNCT/3/punct")))
    assert {(s, o) for s, o, _ in facts(result, "attends")} == {("Amani Otieno", "Forum Samudra"),
                                                                ("Ana Soto", "Forum Samudra")}


# "Menteri Amani Otieno berbicara dalam Forum Samudra di Nairobi, Rabu (12/7)."
_SPOKE_AT = ("Menteri/NOUN/4/nsubj Amani/PROPN/1/flat:name/B-PER Otieno/PROPN/2/flat:name/E-PER "
             "berbicara/VERB/0/root dalam/ADP/6/case Forum/NOUN/4/obl/B-EVENT Samudra/PROPN/6/flat:name/E-EVENT "
             "di/ADP/9/case Nairobi/PROPN/4/obl/S-LOC ,/PUNCT/11/punct Rabu/PROPN/4/obl:tmod "
             "(/PUNCT/13/punct 12/7/NUM/11/appos )/PUNCT/13/punct ./PUNCT/4/punct")
# "Pada kesempatan tersebut, turut hadir Presiden Peru Ana Soto." (the parser takes the subject for an object)
_ALSO_THERE = ("Pada/ADP/2/case kesempatan/NOUN/6/obl tersebut/DET/2/det ,/PUNCT/2/punct turut/ADV/6/advmod "
               "hadir/VERB/0/root Presiden/PROPN/6/obj Peru/PROPN/7/flat:name/S-LOC Ana/PROPN/7/flat:name/B-PER "
               "Soto/PROPN/9/flat:name/E-PER ./PUNCT/6/punct")
_FILLER = "Kerja/NOUN/3/nsubj sama/ADJ/1/amod berlanjut/VERB/0/root ./PUNCT/3/punct"


def test_on_that_occasion_is_the_event_an_attendance_was_last_reported_at_and_its_day():
    art, sentences = article(tokens(_SPOKE_AT), tokens(_FILLER), tokens(_ALSO_THERE))
    result = run((replace(art, date=dt.date(2017, 7, 14)), sentences))
    attends = {(result.entities[f.subject].name, result.entities[f.object].name, f.date)
               for r in result.articles for f in r.facts if f.predicate == "attends"}
    assert attends == {("Amani Otieno", "Forum Samudra", dt.date(2017, 7, 12)),
                       ("Ana Soto", "Forum Samudra", dt.date(2017, 7, 12))}
    # with no attendance reported before, "kesempatan tersebut" names no event
    art, sentences = article(tokens(_FILLER), tokens(_ALSO_THERE))
    assert not facts(run((art, sentences)), "attends")


def test_a_noun_made_its_own_by_a_passive_agent_stands_for_that_agent():
    # "Kampanye yang dilancarkan oleh Kenya, yang didukung oleh Peru, berhasil."
    result = run(article(tokens(
        "Kampanye/NOUN/11/nsubj yang/PRON/3/nsubj:pass dilancarkan/VERB/1/acl:relcl oleh/ADP/5/case "
        "Kenya/PROPN/3/obl/S-LOC ,/PUNCT/7/punct yang/PRON/8/nsubj:pass didukung/VERB/1/acl:relcl "
        "oleh/ADP/10/case Peru/PROPN/8/obl/S-LOC berhasil/VERB/0/root ./PUNCT/11/punct")))
    assert {(s, o) for s, o, _ in facts(result, "supports")} == {("Peru", "Kenya")}
    # "Ana Soto mengunjungi markas yang diblokir oleh Kenya.": blocking makes the headquarters nobody's own
    result = run(article(tokens(
        "Ana/PROPN/3/nsubj/B-PER Soto/PROPN/1/flat:name/E-PER mengunjungi/VERB/0/root markas/NOUN/3/obj "
        "yang/PRON/6/nsubj:pass diblokir/VERB/4/acl:relcl oleh/ADP/8/case Kenya/PROPN/6/obl/S-LOC "
        "./PUNCT/3/punct")))
    assert not facts(result, "visits")


def test_that_resolution_is_the_one_named_before_and_who_submits_it_sponsors_it():
    result = run(article(
        # "Majelis Umum membahas resolusi tentang status kota Nairobi."
        tokens("Majelis/PROPN/3/nsubj Umum/PROPN/1/flat:name membahas/VERB/0/root resolusi/NOUN/3/obj "
               "tentang/ADP/6/case status/NOUN/4/nmod kota/NOUN/6/nmod Nairobi/PROPN/7/flat:name/S-LOC "
               "./PUNCT/3/punct"),
        # "Resolusi itu diajukan oleh Peru."
        tokens("Resolusi/NOUN/3/nsubj:pass itu/DET/1/det diajukan/VERB/0/root oleh/ADP/5/case "
               "Peru/PROPN/3/obl/S-LOC ./PUNCT/3/punct")))
    assert facts(result, "supports") == {("Peru", "resolusi tentang status kota Nairobi", "sponsor")}
    # a kind named in two words names one of its own: "Kenya menandatangani nota kesepahaman ini."
    result = run(article(tokens("Kenya/PROPN/2/nsubj/S-LOC menandatangani/VERB/0/root nota/NOUN/2/obj "
                                "kesepahaman/NOUN/3/compound ini/DET/3/det ./PUNCT/2/punct")))
    assert {(s, o) for s, o, _ in facts(result, "signs")} == {("Kenya", "nota kesepahaman")}
    # with no resolution named before, "resolusi itu" is none
    result = run(article(tokens("Resolusi/NOUN/3/nsubj:pass itu/DET/1/det diajukan/VERB/0/root "
                                "oleh/ADP/5/case Peru/PROPN/3/obl/S-LOC ./PUNCT/3/punct")))
    assert not facts(result, "supports")


# "Presiden Kenya Amani Otieno memuji Presiden Peru Ana Soto."
_PRAISED = ("Presiden/PROPN/5/nsubj Kenya/PROPN/1/flat:name/S-LOC Amani/PROPN/1/flat:name/B-PER "
            "Otieno/PROPN/3/flat:name/E-PER memuji/VERB/0/root Presiden/PROPN/5/obj Peru/PROPN/6/flat:name/S-LOC "
            "Ana/PROPN/6/flat:name/B-PER Soto/PROPN/8/flat:name/E-PER ./PUNCT/5/punct")
# "Dia juga memuji Dewi Lestari dan Joni Kamau." -- more than two people
_MORE = ("Dia/PRON/3/nsubj juga/ADV/3/advmod memuji/VERB/0/root Dewi/PROPN/3/obj/B-PER Lestari/PROPN/4/flat:name/E-PER "
         "dan/CCONJ/7/cc Joni/PROPN/4/conj/B-PER Kamau/PROPN/7/flat:name/E-PER ./PUNCT/3/punct")
# "Keduanya bertemu di Nairobi."
_BOTH_MET = ("Kedua/ADJ/3/nsubj nya/PRON/1/nmod:poss bertemu/VERB/0/root di/ADP/5/case Nairobi/PROPN/3/obl/S-LOC "
             "./PUNCT/3/punct")


def test_the_two_of_them_are_the_two_people_named_together_just_before():
    result = run(article(tokens(_PRAISED), tokens(_FILLER), tokens(_BOTH_MET)))
    assert {(s, o) for s, o, _ in facts(result, "meets")} == {("Amani Otieno", "Ana Soto")}
    # a sentence in between that names more than two people leaves "keduanya" unresolved
    result = run(article(tokens(_PRAISED), tokens(_MORE), tokens(_BOTH_MET)))
    assert not facts(result, "meets")


def test_a_name_the_copula_calls_a_city_is_a_city_and_lies_where_the_predicate_puts_it():
    # "Kilindi adalah kota terbesar di Kenya." (the tagger took Kilindi for a person)
    result = run(article(tokens(
        "Kilindi/PROPN/3/nsubj/S-PER adalah/AUX/3/cop kota/NOUN/0/root terbesar/ADJ/3/amod di/ADP/6/case "
        "Kenya/PROPN/3/nmod/S-LOC ./PUNCT/3/punct")))
    assert entities(result)["Kilindi"] == "City"
    assert {(s, o) for s, o, _ in facts(result, "locatedIn")} == {("Kilindi", "Kenya")}


def test_a_verb_phrase_trigger_carries_the_place_its_own_noun_takes():
    # "Presiden Ana Soto menginjakkan kaki di Nairobi." ("di Nairobi" hangs off "kaki")
    result = run(article(tokens(
        "Presiden/PROPN/4/nsubj Ana/PROPN/1/flat:name/B-PER Soto/PROPN/2/flat:name/E-PER menginjakkan/VERB/0/root "
        "kaki/NOUN/4/obj di/ADP/7/case Nairobi/PROPN/5/nmod/S-LOC ./PUNCT/4/punct")))
    assert {(s, o) for s, o, _ in facts(result, "visits")} == {("Ana Soto", "Nairobi")}


def test_a_state_that_opens_a_longer_name_is_no_party():
    # "Pameran Kenya Classic Bus, yang ambil bagian dalam Forum Samudra, dibuka." -- the exhibition takes
    # part, not Kenya; and "ambil bagian dalam" takes its event from the phrase's own noun
    result = run(article(tokens(
        "Pameran/NOUN/12/nsubj:pass Kenya/PROPN/1/nmod/S-LOC Classic/PROPN/2/flat:name Bus/PROPN/3/flat:name "
        ",/PUNCT/7/punct yang/PRON/7/nsubj ambil/VERB/1/acl:relcl bagian/NOUN/7/obj dalam/ADP/10/case "
        "Forum/NOUN/8/nmod/B-EVENT Samudra/PROPN/10/flat:name/E-EVENT dibuka/VERB/0/root ./PUNCT/12/punct")))
    assert not facts(result, "attends")
    # "Kenya, yang ambil bagian dalam Forum Samudra, ..." -- a state on its own takes part
    result = run(article(tokens(
        "Kenya/PROPN/8/nsubj:pass/S-LOC ,/PUNCT/4/punct yang/PRON/4/nsubj ambil/VERB/1/acl:relcl "
        "bagian/NOUN/4/obj dalam/ADP/7/case Forum/NOUN/5/nmod/B-EVENT Samudra/PROPN/7/flat:name/E-EVENT "
        "dibuka/VERB/0/root ./PUNCT/8/punct")))
    assert {(s, o) for s, o, _ in facts(result, "attends")} == {("Kenya", "Forum Samudra")}



def test_keduanya_is_the_two_of_them_only_as_a_subject():
    from parses import sentence

    from diplograf.extract.entities import group_mentions

    # "Keduanya bertemu di Nairobi." / "Ana Soto tiba untuk kunjungan resmi keduanya." (her second visit)
    for rows, expected in ((_BOTH_MET, ["group:both"]),
                           ("Ana/PROPN/3/nsubj/B-PER Soto/PROPN/1/flat:name/E-PER tiba/VERB/0/root "
                            "untuk/ADP/5/case kunjungan/NOUN/3/obl resmi/ADJ/5/amod kedua/ADJ/5/amod "
                            "nya/PRON/5/nmod:poss ./PUNCT/3/punct", [])):
        text, s = sentence(tokens(rows))
        found = []
        group_mentions(s, found, text)
        assert [m.entity for m in found] == expected, rows


def test_a_verb_with_a_subject_of_its_own_takes_no_party_from_the_clause_above():
    # "Presiden Kenya Amani Otieno bersumpah, sementara para pejabat menggelar Forum Samudra di Nairobi."
    result = run(article(tokens(
        "Presiden/PROPN/5/nsubj Kenya/PROPN/1/flat:name/S-LOC Amani/PROPN/1/flat:name/B-PER "
        "Otieno/PROPN/3/flat:name/E-PER bersumpah/VERB/0/root ,/PUNCT/10/punct sementara/SCONJ/10/mark "
        "para/DET/9/det pejabat/NOUN/10/nsubj menggelar/VERB/5/advcl Forum/NOUN/10/obj/B-EVENT "
        "Samudra/PROPN/11/flat:name/E-EVENT ./PUNCT/5/punct")))
    assert not {(s, o) for s, o, _ in facts(result, "hosts") if s in ("Kenya", "Amani Otieno")}
    # "Kenya menggelar Forum Samudra.": a state that holds an event hosts it
    result = run(article(tokens("Kenya/PROPN/2/nsubj/S-LOC menggelar/VERB/0/root Forum/NOUN/2/obj/B-EVENT "
                                "Samudra/PROPN/3/flat:name/E-EVENT ./PUNCT/2/punct")))
    assert {(s, o) for s, o, _ in facts(result, "hosts")} == {("Kenya", "Forum Samudra")}


def test_the_presence_of_a_person_is_that_person_as_a_subject():
    # "Kehadiran Ana Soto ke Nairobi menemui Presiden Amani Otieno." (a subject of its own: no party from nearby)
    result = run(article(tokens(
        "Kehadiran/NOUN/6/nsubj Ana/PROPN/1/nmod/B-PER Soto/PROPN/2/flat:name/E-PER ke/ADP/5/case "
        "Nairobi/PROPN/1/nmod/S-LOC menemui/VERB/0/root Presiden/PROPN/6/obj Amani/PROPN/7/flat:name/B-PER "
        "Otieno/PROPN/8/flat:name/E-PER ./PUNCT/6/punct")))
    assert {frozenset((s, o)) for s, o, _ in facts(result, "meets")} == {frozenset(("Amani Otieno", "Ana Soto"))}


def test_a_bilateral_meeting_is_the_meeting_of_the_two_people_of_two_states_named_with_it():
    arrived = tokens("Presiden/PROPN/4/nsubj Kenya/PROPN/1/flat:name/S-LOC Amani/PROPN/1/flat:name/B-PER "
                     "Otieno/PROPN/3/flat:name/E-PER tiba/VERB/0/root ./PUNCT/5/punct")
    # "Itu penting, tutur Otieno di hadapan Menlu Peru Ana Soto usai melakukan pertemuan bilateral."
    said = ("Itu/PRON/2/nsubj penting/ADJ/0/root ,/PUNCT/4/punct tutur/VERB/2/parataxis Otieno/PROPN/4/nsubj/S-PER "
            "di/ADP/7/case hadapan/NOUN/4/obl Menlu/PROPN/7/nmod Peru/PROPN/8/flat:name/S-LOC "
            "Ana/PROPN/8/flat:name/B-PER Soto/PROPN/10/flat:name/E-PER usai/ADP/13/mark melakukan/VERB/4/advcl "
            "pertemuan/NOUN/13/obj bilateral/ADJ/14/amod ./PUNCT/2/punct")
    result = run(article(arrived, tokens(said)))
    assert {frozenset((s, o)) for s, o, _ in facts(result, "meets")} == {frozenset(("Amani Otieno", "Ana Soto"))}
    # two people of one state: no meeting read from the phrase alone
    one_state = said.replace("Peru/PROPN/8/flat:name/S-LOC", "Kenya/PROPN/8/flat:name/S-LOC")
    result = run(article(arrived, tokens(one_state)))
    assert not facts(result, "meets")
