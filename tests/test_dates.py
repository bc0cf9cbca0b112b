import datetime as dt

import pytest

from diplograf.extract.dates import find_full_date, resolve_weekday, sentence_date

THURSDAY = dt.date(2023, 5, 18)


@pytest.mark.parametrize("text,expected", [
    ("18 Mei 2023", dt.date(2023, 5, 18)),
    ("Rabu, 10 Juli 2024 12:15:40 WIB", dt.date(2024, 7, 10)),
    ("pada (16/6/2025) lalu", dt.date(2025, 6, 16)),
    ("KTT pada 2-3 Juli 2024", dt.date(2024, 7, 2)),
    ("tahun 1992", None),
])
def test_full_dates(text, expected):
    assert find_full_date(text) == expected


def test_weekday_is_the_most_recent_such_day():
    assert resolve_weekday(2, THURSDAY) == dt.date(2023, 5, 17)  # Rabu -> the day before
    assert resolve_weekday(3, THURSDAY) == THURSDAY  # Kamis -> the same day
    assert resolve_weekday(3, THURSDAY, "lalu") == dt.date(2023, 5, 11)
    assert resolve_weekday(1, THURSDAY, "depan") == dt.date(2023, 5, 23)


def test_sentence_dates_relative_to_the_article():
    assert sentence_date("Kedua pemimpin bertemu pada hari Rabu di Xi'an.", THURSDAY) == dt.date(2023, 5, 17)
    assert sentence_date("Menlu tiba Rabu (3/7) malam.", dt.date(2024, 7, 5)) == dt.date(2024, 7, 3)
    assert sentence_date("Ia berkunjung minggu lalu.", THURSDAY) is None  # a week, not Sunday
    assert sentence_date("Tanpa tanggal.", THURSDAY) is None
    assert sentence_date("pada hari Rabu", None) is None
