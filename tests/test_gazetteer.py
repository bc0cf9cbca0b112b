from diplograf.extract.gazetteer import load, roles


def _match(text):
    gaz = load()
    words = text.split()
    out, i = [], 0
    while i < len(words):
        hit = gaz.match(words, i)
        if hit:
            out.append(hit[1].key)
            i += hit[0]
        else:
            i += 1
    return out


def test_aliases_map_to_one_country_with_iso_code():
    assert _match("Tiongkok China RRT Cina") == ["country:CN"] * 4
    entry = load().entries["country:CN"]
    assert (entry.iso, entry.wikidata) == ("CN", "Q148")


def test_acronyms_only_in_capitals():
    assert _match("Presiden AS tiba") == ["country:US"]
    assert _match("sama as biasa") == []


def test_capital_stands_for_its_state_and_multiword_names():
    assert _match("Beijing menilai") == ["city:beijing"]
    assert load().entries["city:beijing"].stands_for == "country:CN"
    assert _match("KTT Asia Tengah di Korea Selatan") == ["region:CENTRAL-ASIA", "country:KR"]


def test_every_iso_country_is_known():
    # pycountry fills in what the Indonesian table lacks, by English name
    assert _match("Presiden Chad") == ["country:TD"]


def test_organisations_and_initiatives():
    assert _match("PBB dan Organisasi Kerja Sama Shanghai") == ["org:UN", "org:SCO"]
    assert _match("inisiatif Sabuk dan Jalan") == ["initiative:BRI"]


def test_role_table_has_longest_forms():
    table = roles()
    assert table[("menteri", "luar", "negeri")] == "Foreign Minister"
    assert table[("menlu",)] == "Foreign Minister"
    assert table[("presiden",)] == "President"


def test_a_quote_the_tokenizer_left_on_a_name_is_no_part_of_it():
    assert _match("”Kenya dan Peru sudah") == ["country:KE", "country:PE"]
    assert _match("“Peru”") == ["country:PE"]


def test_a_hyphenated_name_matches_when_the_tokenizer_splits_it():
    # "Asia-Pasifik" as Stanza sometimes gives it: "Asia", "-", "Pasifik"
    assert _match("forum Asia - Pasifik") == ["region:ASIA-PACIFIC"]
    assert _match("Presiden Guinea - Bissau") == ["country:GW"]
    assert _match("forum Asia-Pasifik") == ["region:ASIA-PACIFIC"]
