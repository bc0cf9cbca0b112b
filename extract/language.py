"""Is an article Indonesian? A function-word count, enough to keep English (or other) text out of a
pipeline whose models and rules read Indonesian only (``data/language.tsv``)."""

from __future__ import annotations

import functools
import re

from .records import Article
from .tables import table

#: Fewer words than this are too few to judge: such a text is taken as it is.
MIN_WORDS = 12
#: The share of Indonesian function words below which a text is not Indonesian.
MIN_SHARE = 0.05
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.cache
def function_words() -> dict[str, frozenset[str]]:
    """Language code -> its function words."""
    return {row["code"]: frozenset(w.strip().lower() for w in row["words"].split(";") if w.strip())
            for row in _languages()}


@functools.cache
def language_names() -> dict[str, str]:
    """Language code -> its name."""
    return {row["code"]: row["language"] for row in _languages()}


def _languages() -> list[dict[str, str]]:
    return table("language.tsv", ("code", "language", "words"))


def shares(text: str) -> dict[str, float]:
    """Language code -> the share of the text's words that are its function words."""
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return {lang: 0.0 for lang in function_words()}
    return {lang: sum(w in table for w in words) / len(words) for lang, table in function_words().items()}


def not_indonesian(text: str) -> str | None:
    """Why ``text`` is not Indonesian (e.g. "reads as English: 31% English function words, 2% Indonesian"),
    or None when it is, or is too short to tell."""
    if len(WORD.findall(text)) < MIN_WORDS:
        return None
    share = shares(text)
    ind = share.pop("id")
    best = max(share, key=share.get) if share else None
    if ind >= MIN_SHARE and (best is None or ind >= share[best]):
        return None
    if best is not None and share[best] > ind:
        name = language_names()[best]
        return f"not Indonesian (reads as {name}: {share[best]:.0%} {name} function words, {ind:.0%} Indonesian)"
    return f"not Indonesian ({ind:.0%} Indonesian function words)"


def keep_indonesian(articles: list[Article]) -> tuple[list[Article], list[dict]]:
    """The Indonesian articles, and a ``{"source", "reason"}`` row for each one left out."""
    kept, rejected = [], []
    for art in articles:
        why = not_indonesian(art.text)
        if why:
            rejected.append({"source": art.path or art.id, "article": art.id, "reason": why})
        else:
            kept.append(art)
    return kept, rejected
