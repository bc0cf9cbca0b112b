"""Indonesian dates: full dates in text and datelines, and weekdays relative to the article date."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12,
}
WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5,
            "minggu": 6, "ahad": 6}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True)).replace("'", "['’]")

#: "18 Mei 2023", "2 - 3 Juli 2024" (the span keeps its end), "Rabu, 10 Juli 2024 12:15:40 WIB"
FULL_DATE = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?\s+(?P<m>{_MONTH_RE})\.?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE)
#: "(16/6/2025)", "16/06/2025"
NUMERIC_DATE = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
#: "Rabu (3/7)"
WEEKDAY_SHORT = re.compile(rf"\b(?P<wd>{_DAY_RE})\s*\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\)", re.IGNORECASE)
#: "pada hari Rabu", "Rabu lalu", "hari Kamis"
WEEKDAY = re.compile(rf"\b(?:pada\s+)?(?:hari\s+)?(?P<wd>{_DAY_RE})\b(?!\s*\()(?:\s+(?P<rel>lalu|depan|ini))?",
                     re.IGNORECASE)


#: Words before a date that make it the start of a state ("sejak", "mulai"), not the day of an act.
SINCE = re.compile(r"\b(?:sejak|semenjak|mulai)\s+(?:(?:pada|tanggal|hari)\s+)*$", re.IGNORECASE)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_full_date(text: str) -> dt.date | None:
    """The first full date written out in ``text`` (a span gives its first day)."""
    best: tuple[int, dt.date] | None = None
    for regex in (FULL_DATE, NUMERIC_DATE):
        m = regex.search(text)
        if not m:
            continue
        month = MONTHS[m["m"].lower()] if not m["m"].isdigit() else int(m["m"])
        date = _make(int(m["y"]), month, int(m["d"]))
        if date and (best is None or m.start() < best[0]):
            best = (m.start(), date)
    return best[1] if best else None


def resolve_weekday(weekday: int, anchor: dt.date, rel: str | None = None) -> dt.date:
    """The day named ``weekday`` relative to ``anchor``: news report the past, so the most recent
    such day on or before the anchor; "depan" (next) looks forward, "lalu" (last) a week back."""
    if rel == "depan":
        delta = (weekday - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if rel == "lalu" and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def date_mentions(text: str, anchor: dt.date | None) -> list[tuple[int, dt.date]]:
    """(character offset, day) of every expression in ``text`` that fixes a day, in text order."""
    found: list[tuple[int, dt.date]] = []
    spans: list[tuple[int, int]] = []

    def add(m: re.Match, day: dt.date | None) -> None:
        if day and SINCE.search(text[:m.start()]):
            spans.append((m.start(), m.end()))  # "sejak 3 Januari 1992": when a state began, not an act
            return
        if day and not any(a <= m.start() < b for a, b in spans):
            found.append((m.start(), day))
            spans.append((m.start(), m.end()))

    for m in FULL_DATE.finditer(text):
        add(m, _make(int(m["y"]), MONTHS[m["m"].lower()], int(m["d"])))
    for m in NUMERIC_DATE.finditer(text):
        add(m, _make(int(m["y"]), int(m["m"]), int(m["d"])))
    if anchor is not None:
        for m in WEEKDAY_SHORT.finditer(text):
            day = _make(anchor.year, int(m["m"]), int(m["d"]))
            if day and day > anchor + dt.timedelta(days=180):
                day = _make(anchor.year - 1, int(m["m"]), int(m["d"]))
            add(m, day)
        for m in WEEKDAY.finditer(text):
            if m["wd"].lower() == "minggu" and "hari" not in m.group(0).lower():
                continue  # "minggu lalu" is "last week", not Sunday
            wd = WEEKDAYS[m["wd"].lower().replace("’", "'")]
            add(m, resolve_weekday(wd, anchor, (m["rel"] or "").lower() or None))
    return sorted(found)


def date_near(text: str, anchor: dt.date | None, offset: int) -> dt.date | None:
    """The day the words at ``offset`` speak of: the first date expression after them, else the
    last one before them ("tiba pada hari Rabu ... dan menghadiri KTT pada hari Kamis")."""
    found = date_mentions(text, anchor)
    after = [d for pos, d in found if pos >= offset]
    before = [d for pos, d in found if pos < offset]
    return after[0] if after else (before[-1] if before else None)


def sentence_date(text: str, anchor: dt.date | None) -> dt.date | None:
    """The day a sentence speaks of, when it fixes one: a full date, "Rabu (3/7)", or a weekday
    relative to the article date ``anchor``; else None."""
    full = find_full_date(text)
    if full:
        return full
    if anchor is None:
        return None
    m = WEEKDAY_SHORT.search(text)
    if m:
        day = _make(anchor.year, int(m["m"]), int(m["d"]))
        if day and day > anchor + dt.timedelta(days=180):
            day = _make(anchor.year - 1, int(m["m"]), int(m["d"]))
        return day
    for m in WEEKDAY.finditer(text):
        if m["wd"].lower() == "minggu" and "hari" not in m.group(0).lower():
            continue  # "minggu lalu" is "last week", not Sunday
        wd = WEEKDAYS[m["wd"].lower().replace("’", "'")]
        return resolve_weekday(wd, anchor, (m["rel"] or "").lower() or None)
    return None
