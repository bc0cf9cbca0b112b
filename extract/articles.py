"""Reading articles: ``.txt`` files, folders of them, and ``.jsonl`` with {id, title, date, source, url, text}."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .dates import find_full_date
from .records import Article


class InputError(ValueError):
    """Bad input: the message names the file (and line) and the problem."""


#: Lines that are page furniture, not news text (matched on the whole stripped line).
BOILERPLATE = re.compile(
    r"^(?:komentar|berita lainnya|berita terkait|baca juga\b.*|banner|iklan|advertisement|"
    r"(?:foto|penulis|editor|pewarta|reporter|sumber|caption)\s*[:：].*|"
    r"(?:bagikan|share)(?:\s+\w+)?|tags?\s*:.*|loading\.*|scroll to continue.*)$",
    re.IGNORECASE)
#: A dateline alone on its line: "18 Mei 2023", "Rabu, 10 Juli 2024 12:15:40 WIB", "Jakarta, 9 Mei 2023".
DATELINE = re.compile(
    r"^(?:[A-Z][\w’'. -]{0,30},\s*)?(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu),?\s*)?"
    r"\d{1,2}\s+\w+\.?\s+\d{4}(?:[,\s]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:WIB|WITA|WIT)?)?\s*$",
    re.IGNORECASE)


#: A dateline opening a paragraph: "XI'AN –", "Berlin —", "JAKARTA (Antara) -".
DATELINE_PREFIX = re.compile(
    r"^(\s*[A-Z][\w’'.]*(?:\s+[A-Z][\w’'.]*){0,3}"  # the city: "XI'AN", "Kuala Lumpur"
    r"(?:\s*,?\s*(?:\([^)]{1,40}\)|(?:[A-Z][a-z']+,?\s+)?\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}"  # "(ANTARA)", "3 Maret 2025"
    r"|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}))?"  # the outlet: "Radio X"
    r"\s*(?:[—–-]{1,2})\s*)(?=[A-Z\"“])")  # "Jakarta, CNN Indonesia --", "JAKARTA (Pos Kota) –"
#: A line that is only a name of two to four words: a byline ("Eko Satrio Wibowo").
BYLINE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}$")


def clean_text(text: str) -> str:
    """Blank out boilerplate lines and dateline prefixes with spaces, so that character offsets
    stay those of the file."""
    text = text.replace("\r", " ").replace("\ufeff", " ")
    out = []
    for line in text.split("\n"):
        if BOILERPLATE.match(line.strip()) or BYLINE.match(line.strip()):
            line = " " * len(line)
        else:
            line = DATELINE_PREFIX.sub(lambda m: " " * len(m.group(1)), line, count=1)
        out.append(line)
    return "\n".join(out)


def dateline_date(text: str, lines: int = 3) -> dt.date | None:
    """The article date from a dateline in its first lines, if any."""
    for line in text.strip().split("\n")[:lines]:
        line = line.strip()
        if DATELINE.match(line) or (len(line) < 60 and find_full_date(line)):
            date = find_full_date(line)
            if date:
                return date
    return None


#: The longest article diplograf analyses (about 150,000 words, minutes of analysis on a CPU).
MAX_ARTICLE_CHARS = 1_000_000


def article_from_text(text: str, article_id: str, path: str | None = None, **meta) -> Article:
    """Build an Article from raw text and optional metadata (a metadata date wins over a dateline)."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"{path or article_id}: {len(text):,} characters, more than the {MAX_ARTICLE_CHARS:,} "
                         "an article may have (a whole feed in one record?); split it")
    clean = clean_text(text)
    if not clean.strip():
        raise InputError(f"{path or article_id}: the article has no text")
    date = meta.pop("date", None)
    if isinstance(date, str) and date:
        try:
            date = dt.date.fromisoformat(date[:10])
        except ValueError:
            date = find_full_date(date)
            if date is None:
                raise InputError(f"{path or article_id}: unreadable date {meta!r}") from None
    return Article(id=article_id, text=clean, date=date or dateline_date(clean) or prefix_date(text), path=path,
                   **meta)


def prefix_date(text: str, lines: int = 3) -> dt.date | None:
    """The date of a dateline opening a paragraph ("Nairobi, 3 Maret 2025 -- ..."), which cleaning blanks."""
    for line in [x for x in text.split("\n") if x.strip()][:lines]:
        m = DATELINE_PREFIX.match(line)
        if m and (date := find_full_date(m.group(1))):
            return date
    return None


def read_txt(path: Path) -> Article:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    return article_from_text(text, path.name, path=str(path))


def read_jsonl(path: Path, rejected: list[dict] | None = None) -> Iterator[Article]:
    """The articles of a JSONL file, one object a line; with ``rejected``, a bad line is recorded there
    (``{"source": "file:line", "reason": ...}``) and skipped instead of stopping the run."""
    seen: set[str] = set()
    with open(path, encoding="utf-8", errors="strict") as handle:
        lineno = 0
        while True:
            try:
                line = handle.readline()
            except UnicodeDecodeError as err:
                raise InputError(f"{path}: not UTF-8 text ({err.reason}) after line {lineno}") from None
            if not line:
                break
            lineno += 1
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                yield _record(line, where, path, lineno, seen)
            except InputError as err:
                if rejected is None:
                    raise
                rejected.append({"source": where, "reason": str(err).removeprefix(f"{where}: ")})


def _record(line: str, where: str, path: Path, lineno: int, seen: set[str]) -> Article:
    """One JSONL line as an Article."""
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        raise InputError(f"{where}: not valid JSON ({getattr(err, 'msg', 'nested too deeply')})") from None
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise InputError(f"{where}: each line needs an object with a 'text' string")
    art_id = str(rec.get("id") or f"{path.stem}-{lineno}")
    if art_id in seen:
        raise InputError(f"{where}: duplicate article id {art_id!r}")
    seen.add(art_id)
    meta = {k: rec.get(k) for k in ("title", "source", "url") if isinstance(rec.get(k), str) and rec.get(k)}
    return article_from_text(rec["text"], art_id, path=where, date=rec.get("date"), **meta)


def read_articles(paths: Iterable[str | Path], rejected: list[dict] | None = None) -> list[Article]:
    """Read every article under ``paths`` (files or folders), sorted by id; ids must be unique. With
    ``rejected``, a bad file or record is recorded there and skipped; an input with no article at all
    is an error either way."""
    articles: list[Article] = []
    paths = list(paths)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl") and p.is_file())
            if not files:
                raise InputError(f"{path}: no .txt or .jsonl files in this folder")
        elif path.is_file():
            files = [path]
        else:
            raise InputError(f"{path}: no such file or folder")
        for file in files:
            try:
                if file.suffix == ".jsonl":
                    articles.extend(read_jsonl(file, rejected))
                elif file.suffix == ".txt":
                    articles.append(read_txt(file))
                else:
                    raise InputError(f"{file}: unsupported input (use .txt or .jsonl)")
            except InputError as err:
                if rejected is None or file.suffix not in (".txt", ".jsonl"):
                    raise
                rejected.append({"source": str(file), "reason": str(err).removeprefix(f"{file}: ")})
    ids: dict[str, str] = {}
    for art in articles:
        if art.id in ids:
            raise InputError(f"{art.path}: article id {art.id!r} also comes from {ids[art.id]}")
        ids[art.id] = art.path or art.id
    if not articles:
        skipped = f" ({len(rejected)} rejected)" if rejected else ""
        raise InputError(f"{', '.join(str(p) for p in paths)}: no articles to read{skipped}")
    return sorted(articles, key=lambda a: a.id)


#: what a bad file or JSONL record does: stop the run, skip it, or "auto"
ON_ERROR = ("auto", "stop", "skip")
#: with "auto", an input of at least this many records skips bad ones (one bad line in a large feed must
#: not stop the run); a smaller one stops at the first, as a hand-made input is better fixed than skipped
AUTO_SKIP_FROM = 100


def read_inputs(paths: Iterable[str | Path], on_error: str = "auto") -> tuple[list[Article], list[dict]]:
    """The articles under ``paths`` and the bad files or records skipped (source, reason), by ``on_error``."""
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, not {on_error!r}")
    if on_error == "stop":
        return read_articles(paths), []
    rejected: list[dict] = []
    articles = read_articles(paths, rejected)
    if on_error == "auto" and rejected and len(articles) + len(rejected) < AUTO_SKIP_FROM:
        first = rejected[0]
        raise InputError(f"{first['source']}: {first['reason']} (an input under {AUTO_SKIP_FROM} articles stops "
                         "at a bad record; --on-error skip skips it)")
    return articles, rejected
