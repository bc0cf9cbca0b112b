"""Indonesian dates: a normaliser in front of dateparser, relative to the article date.

The normaliser finds what Indonesian news writes ("18 Mei 2023", "2–3 Juli 2024", "(16/6/2025)",
"Rabu (3/7)", "pada hari Rabu", "Rabu lalu", "Selasa depan", "kemarin", "pekan lalu", "September 2022",
"Januari", "1992", "tahun lalu") and resolves each against the article's date; absolute dates are
parsed by dateparser from the normalised text. Each expression becomes a ``When``: the day when the
text fixes one (with the last day of a span), else the period it names ("2022-09", "1992", "2024-W27").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12,
}
#: Only full month names stand alone ("pada Januari"); "Mar" or "Jun" alone are too ambiguous.
FULL_MONTHS = {k: v for k, v in MONTHS.items()
               if k in ("januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
                        "september", "oktober", "november", "nopember", "desember")}
WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5,
            "minggu": 6, "ahad": 6}
#: Days relative to the article date.
RELATIVE_DAYS = {"kemarin lusa": -2, "kemarin": -1, "hari ini": 0, "besok": 1, "esok": 1, "lusa": 2}
#: "pekan lalu", "bulan depan", "tahun ini": (unit, offset).
RELATIVE_UNITS = {"lalu": -1, "kemarin": -1, "silam": -1, "ini": 0, "depan": 1, "mendatang": 1}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_MONTH_RE = "|".join(sorted(FULL_MONTHS, key=len, reverse=True))
_DAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True)).replace("'", "['’]")
_UNIT_REL = "|".join(RELATIVE_UNITS)

#: "18 Mei 2023", "2 - 3 Juli 2024" (the span keeps its end), "Rabu, 10 Juli 2024 12:15:40 WIB"
FULL_DATE = re.compile(
    rf"\b(?:(?P<wd>{_DAY_RE}),?\s+)?(?P<d>\d{{1,2}})(?:\s*(?:[-–]|hingga|sampai|s\.d\.?)\s*(?P<d2>\d{{1,2}}))?"
    rf"\s+(?P<m>{_MONTH_RE})\.?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE)
#: "(16/6/2025)", "16/06/2025", "16-6-2025"
NUMERIC_DATE = re.compile(r"\b(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})\b")
#: "Rabu (3/7)"
WEEKDAY_SHORT = re.compile(rf"\b(?P<wd>{_DAY_RE})\s*\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\)", re.IGNORECASE)
#: "pada hari Rabu", "Rabu lalu", "hari Kamis", "Selasa depan"
WEEKDAY = re.compile(rf"\b(?:pada\s+)?(?:hari\s+)?(?P<wd>{_DAY_RE})\b(?!\s*\()(?:\s+(?P<rel>lalu|depan|ini|kemarin))?",
                     re.IGNORECASE)
RELATIVE_DAY = re.compile(r"\b(?P<rel>kemarin lusa|kemarin|hari ini|besok|esok|lusa)\b", re.IGNORECASE)
#: "pekan lalu", "minggu depan", "bulan lalu", "tahun ini"
RELATIVE_UNIT = re.compile(rf"\b(?P<unit>pekan|minggu|bulan|tahun)\s+(?P<rel>{_UNIT_REL})\b", re.IGNORECASE)
#: "September 2022", "bulan Januari 2024"
MONTH_YEAR = re.compile(rf"\b(?:bulan\s+)?(?P<m>{_FULL_MONTH_RE})\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
#: "pada 9 Juni", "tanggal 3 Juli", "pada 23-24 Oktober": a day (or days) and month without the year
DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})(?:\s*(?:[-–]|hingga|sampai|s\.d\.?)\s*(?P<d2>\d{{1,2}}))?"
                       rf"\s+(?P<m>{_FULL_MONTH_RE})\b(?!\s*\d)", re.IGNORECASE)
#: "pada Januari", "bulan Maret lalu", "awal Februari": a month without its year (the most recent one)
MONTH = re.compile(rf"\b(?:pada|bulan|awal|akhir|pertengahan|sejak|hingga)\s+(?:bulan\s+)?(?P<m>{_FULL_MONTH_RE})\b"
                   rf"(?!\s+\d)(?:\s+(?P<rel>lalu|depan|ini|mendatang))?", re.IGNORECASE)
#: "pada 1992", "tahun 2005", "sejak 2014": a year alone
YEAR = re.compile(r"\b(?:pada|tahun|sejak|hingga|dalam|awal|akhir|pertengahan)\s+(?:tahun\s+)?"
                  r"(?P<y>(?:19|20)\d\d)\b(?![/.\-]\d)", re.IGNORECASE)
#: Words that put a bare month or weekday in the future ("berencana berkunjung pada Januari").
FUTURE = re.compile(r"\b(?:akan|berencana|dijadwalkan|direncanakan|rencananya|bakal|hendak|mendatang)\b", re.IGNORECASE)
#: Words before a date that make it the start of a state ("sejak", "mulai"), not the day of an act.
SINCE = re.compile(r"\b(?:sejak|semenjak|mulai)\s+(?:(?:pada|tanggal|hari|bulan|tahun)\s+)*$", re.IGNORECASE)


@dataclass(frozen=True)
class When:
    """One time expression of a text: ``start``/``end`` character offsets; ``day`` when the text fixes
    one (``last_day``: the end of a span); else ``period`` ("2022-09", "1992", "2024-W27")."""

    start: int
    end: int
    day: dt.date | None = None
    last_day: dt.date | None = None
    period: str | None = None
    since: bool = False  # "sejak 1992": when a state began, not the time of an act


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str) -> dt.date | None:
    """An absolute date, normalised to "D M YYYY" with the Indonesian month name, read by dateparser."""
    import dateparser

    got = dateparser.parse(text, languages=["id"], settings={
        "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True})
    return got.date() if got else None


def _weekday(name: str) -> int:
    return WEEKDAYS[name.lower().replace("’", "'")]


def resolve_weekday(weekday: int, anchor: dt.date, rel: str | None = None) -> dt.date:
    """The day named ``weekday`` relative to ``anchor``: news report the past, so the most recent
    such day on or before the anchor; "depan" (next) looks forward, "lalu" (last) strictly back."""
    if rel == "depan":
        delta = (weekday - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if rel in ("lalu", "kemarin") and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def _short_date(day: int, month: int, weekday: int | None, anchor: dt.date) -> dt.date | None:
    """"Rabu (3/7)": the year is the article's unless that puts the day far in the future; where the
    weekday is written, the year whose calendar agrees with it wins."""
    years = [anchor.year, anchor.year - 1, anchor.year + 1]
    cands = [d for y in years if (d := _make(y, month, day))]
    if weekday is not None:
        agreeing = [d for d in cands if d.weekday() == weekday]
        cands = agreeing or cands
    near = [d for d in cands if d <= anchor + dt.timedelta(days=180)]
    return (near or cands or [None])[0]


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + by
    return n // 12, n % 12 + 1


def normalise(text: str, anchor: dt.date | None, year_hint: int | None = None) -> list[When]:
    """Every time expression in ``text``, in text order; relative ones need the article date ``anchor``.
    Without it, ``year_hint`` (the year the article writes its full dates in) completes "pada 9 Juni"."""
    return list(_normalise(text, anchor, year_hint))


@functools.lru_cache(maxsize=8192)
def _normalise(text: str, anchor: dt.date | None, year_hint: int | None) -> tuple[When, ...]:
    """``normalise``, once per sentence and anchor: several rules ask for the times of one sentence."""
    found: list[When] = []

    def free(m: re.Match) -> bool:
        return not any(w.start < m.end() and m.start() < w.end for w in found)

    def add(m: re.Match, **kw) -> None:
        if free(m):
            found.append(When(m.start(), m.end(), since=bool(SINCE.search(text[:m.start()])), **kw))

    for m in FULL_DATE.finditer(text):
        first = _dateparser(f"{m['d']} {m['m']} {m['y']}")
        last = _dateparser(f"{m['d2']} {m['m']} {m['y']}") if m["d2"] else None
        if first:
            add(m, day=first, last_day=last if last and last > first else None)
    for m in NUMERIC_DATE.finditer(text):
        day = _dateparser(f"{m['d']}/{m['m']}/{m['y']}")
        if day:
            add(m, day=day)
    for m in MONTH_YEAR.finditer(text):
        add(m, period=f"{int(m['y']):04d}-{MONTHS[m['m'].lower()]:02d}")
    for m in YEAR.finditer(text):
        span = re.search(r"(?:19|20)\d\d", m.group(0))
        if span and free(m):
            found.append(When(m.start() + span.start(), m.end(), period=m["y"],
                              since=m.group(0).lower().startswith("sejak")))
    for m in DAY_MONTH.finditer(text):
        month, day_no = MONTHS[m["m"].lower()], int(m["d"])
        if anchor is not None:
            day = _make(anchor.year, month, day_no)
            if day and day > anchor + dt.timedelta(days=31):
                day = _make(anchor.year - 1, month, day_no)  # news report the past
        else:
            day = _make(year_hint, month, day_no) if year_hint else None
        last = _make(day.year, month, int(m["d2"])) if day and m["d2"] else None
        if day:
            add(m, day=day, last_day=last if last and last > day else None)
    if anchor is None:
        return sorted(found, key=lambda w: w.start)
    for m in WEEKDAY_SHORT.finditer(text):
        day = _short_date(int(m["d"]), int(m["m"]), _weekday(m["wd"]), anchor)
        if day:
            add(m, day=day)
    for m in RELATIVE_UNIT.finditer(text):
        unit, by = m["unit"].lower(), RELATIVE_UNITS[m["rel"].lower()]
        if unit in ("pekan", "minggu"):
            add(m, period=_iso_week(anchor + dt.timedelta(weeks=by)))
        elif unit == "bulan":
            y, mo = _shift_month(anchor.year, anchor.month, by)
            add(m, period=f"{y:04d}-{mo:02d}")
        else:
            add(m, period=str(anchor.year + by))
    for m in WEEKDAY.finditer(text):  # before "kemarin" alone: "Senin kemarin" is Monday
        if m["wd"].lower() == "minggu" and "hari" not in m.group(0).lower():
            continue  # "minggu lalu" is "last week", not Sunday
        rel = (m["rel"] or "").lower() or ("depan" if FUTURE.search(text[:m.start()]) else None)
        add(m, day=resolve_weekday(_weekday(m["wd"]), anchor, rel))
    for m in RELATIVE_DAY.finditer(text):
        add(m, day=anchor + dt.timedelta(days=RELATIVE_DAYS[m["rel"].lower()]))
    for m in MONTH.finditer(text):
        month = MONTHS[m["m"].lower()]
        rel = (m["rel"] or "").lower() or ("depan" if FUTURE.search(text[:m.start()]) else "")
        year = anchor.year
        if rel in ("depan", "mendatang"):
            year += month <= anchor.month
        elif month > anchor.month or (rel == "lalu" and month == anchor.month):
            year -= 1  # the most recent such month
        add(m, period=f"{year:04d}-{month:02d}")
    return tuple(sorted(found, key=lambda w: w.start))


@functools.lru_cache(maxsize=256)
def year_hint(text: str) -> int | None:
    """The year of the latest full date an article writes out (for dates it writes without a year)."""
    days = [w.day for w in normalise(text, None) if w.day]
    return max(days).year if days else None


def forget_memos() -> None:
    """Empty the memos of this module (a corpus's sentences fill them up to their bounds)."""
    for memo in (_dateparser, _normalise, year_hint):
        memo.cache_clear()


def find_full_date(text: str) -> dt.date | None:
    """The first full date written out in ``text`` (a span gives its first day)."""
    return next((w.day for w in normalise(text, None) if w.day), None)


def when_near(text: str, anchor: dt.date | None, offset: int, hint: int | None = None) -> When | None:
    """The time the words at ``offset`` speak of: the first expression after them, else the last one
    before them ("tiba pada hari Rabu ... dan menghadiri KTT pada hari Kamis"); a day is preferred
    to a period on the same side."""
    found = [w for w in normalise(text, anchor, hint) if not w.since]
    after = [w for w in found if w.start >= offset]
    before = [w for w in found if w.start < offset][::-1]
    for side in (after, before):
        if side:
            return next((w for w in side if w.day), side[0])
    return None


def sentence_when(text: str, anchor: dt.date | None, hint: int | None = None) -> When | None:
    """The time a sentence speaks of: its first expression that fixes a day, else its first period."""
    found = normalise(text, anchor, hint)
    return next((w for w in found if w.day), None) or next((w for w in found if w.period), None)


def sentence_date(text: str, anchor: dt.date | None) -> dt.date | None:
    """The day a sentence speaks of, when it fixes one (a full date, "Rabu (3/7)", a weekday
    relative to the article date ``anchor``); else None."""
    when = sentence_when(text, anchor)
    return when.day if when else None
