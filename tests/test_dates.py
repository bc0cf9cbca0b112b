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


FRIDAY = dt.date(2024, 7, 5)


def _one(text, anchor=FRIDAY, hint=None):
    from diplograf.extract.dates import normalise

    found = normalise(text, anchor, hint)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,day", [
    ("Menlu tiba Rabu (3/7) malam.", dt.date(2024, 7, 3)),
    ("Mereka bertemu pada hari Rabu.", dt.date(2024, 7, 3)),
    ("Kedua menteri bertemu Rabu lalu.", dt.date(2024, 7, 3)),
    ("Ia akan berkunjung Selasa depan.", dt.date(2024, 7, 9)),
    ("Jumat lalu ia tiba.", dt.date(2024, 6, 28)),  # "lalu" on the day itself is a week back
    ("Pertemuan digelar (16/6/2025).", dt.date(2025, 6, 16)),
    ("Delegasi tiba kemarin.", dt.date(2024, 7, 4)),
    ("Presiden pada Senin kemarin bertemu Menlu.", dt.date(2024, 7, 1)),  # the weekday, not "kemarin" alone
    ("Forum dibuka pada 9 Juni.", dt.date(2024, 6, 9)),
    ("Forum ditutup pada 30 Desember.", dt.date(2023, 12, 30)),  # news report the past: last December
])
def test_days_relative_to_the_article_date(text, day):
    assert _one(text).day == day


@pytest.mark.parametrize("text,period", [
    ("Hubungan diplomatik dibuka pada 1992.", "1992"),
    ("Xi berkunjung pada September 2022.", "2022-09"),
    ("Tahun Pariwisata diluncurkan pada Maret lalu.", "2024-03"),
    ("KTT berikutnya digelar pada Januari.", "2024-01"),
    ("Ia menghadiri rapat pekan lalu.", "2024-W26"),
    ("Kunjungan itu dijadwalkan bulan depan.", "2024-08"),
    ("Kerja sama meningkat tahun lalu.", "2023"),
])
def test_periods_when_no_day_is_named(text, period):
    when = _one(text)
    assert when.day is None and when.period == period


def test_weekday_must_agree_with_the_day_it_names():
    # 3/7 was a Wednesday in 2024 but a Tuesday in 2025: written "Rabu (3/7)" early in 2025, it is 2024's
    when = _one("Rabu (3/7)", dt.date(2025, 2, 1))
    assert when.day == dt.date(2024, 7, 3) and when.day.weekday() == 2
    assert _one("Kamis (3/7)", dt.date(2025, 8, 1)).day == dt.date(2025, 7, 3)


def test_a_span_keeps_its_end_and_since_marks_a_start():
    when = _one("KTT berlangsung 2–3 Juli 2024 di Astana.")
    assert (when.day, when.last_day) == (dt.date(2024, 7, 2), dt.date(2024, 7, 3))
    assert _one("Penerbangan dibuka mulai 1 Juni 2022.").since


def test_a_span_of_days_without_the_year_starts_on_its_first_day():
    when = _one("Konferensi itu digelar di Nairobi pada 23-24 Oktober mendatang.", anchor=dt.date(2025, 10, 20))
    assert (when.day, when.last_day) == (dt.date(2025, 10, 23), dt.date(2025, 10, 24))
    assert _one("Ia tiba pada 3 hingga 5 Juli lalu.", anchor=dt.date(2025, 8, 1)).day == dt.date(2025, 7, 3)


def test_a_day_without_year_takes_the_articles_year_when_the_article_has_no_date():
    assert _one("Ia tiba pada 9 Juni.", anchor=None, hint=2022).day == dt.date(2022, 6, 9)
