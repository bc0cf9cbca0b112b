import datetime as dt
import json

import pytest

from diplograf.extract.articles import InputError, read_articles


def test_txt_dateline_boilerplate_and_offsets(tmp_path):
    raw = "Rabu, 10 Juli 2024 12:15:40 WIB\nMenlu bertemu.\nKomentar\nBerita Lainnya\nFoto: Antara\nAkhir.\n"
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    [art] = read_articles([path])
    assert art.id == "a.txt"
    assert art.date == dt.date(2024, 7, 10)
    assert "Komentar" not in art.text and "Berita Lainnya" not in art.text and "Antara" not in art.text
    # boilerplate is blanked, not removed: offsets stay those of the file
    assert len(art.text) == len(raw)
    assert art.text.index("Akhir.") == raw.index("Akhir.")


def test_jsonl_metadata_date_wins(tmp_path):
    rec = {"id": "x1", "title": "T", "date": "2024-03-12", "source": "S", "url": "http://e/x",
           "text": "9 Mei 2020\nIsi."}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    [art] = read_articles([path])
    assert (art.id, art.title, art.source, art.date) == ("x1", "T", "S", dt.date(2024, 3, 12))


@pytest.mark.parametrize("content,message", [
    ("{not json\n", "line 1: not valid JSON"),
    ('{"id": "a"}\n', "needs an object with a 'text'"),
    ('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "duplicate article id 'a'"),
])
def test_bad_jsonl_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_articles([path])
    assert str(path) in str(err.value) and message.split(": ")[-1] in str(err.value)


def test_missing_and_binary_inputs(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_articles([tmp_path / "nope.txt"])
    bad = tmp_path / "latin.txt"
    bad.write_bytes(b"Caf\xe9 \xff")
    with pytest.raises(InputError, match="latin.txt: not UTF-8"):
        read_articles([bad])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no .txt or .jsonl"):
        read_articles([empty])


def test_dateline_prefix_is_blanked_but_not_a_phrase_with_a_dash(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("XI’AN – Presiden tiba.\nKuala Lumpur — Menlu bertemu.\nSabuk dan Jalan - inisiatif besar.\n")
    [art] = read_articles([path])
    lines = art.text.split("\n")
    assert lines[0].strip() == "Presiden tiba." and lines[1].strip() == "Menlu bertemu."
    assert lines[2] == "Sabuk dan Jalan - inisiatif besar."


def test_a_dated_dateline_prefix_is_blanked_and_dates_the_article(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("Nairobi, 3 Maret 2025 -- Presiden Kenya tiba.\nIa bertemu Menlu, Senin, 3 Maret.\n")
    [art] = read_articles([path])
    assert art.text.split("\n")[0].strip() == "Presiden Kenya tiba."
    assert str(art.date) == "2025-03-03"
