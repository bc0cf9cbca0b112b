"""The data tables of ``extract/data/``: tab-separated, '#' comments, phrases ';'-separated."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@functools.lru_cache(maxsize=1 << 17)
def norm(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form used for lookups (memoised: rules ask for the same
    few thousand words millions of times)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return " ".join(text.casefold().split())


def slug(text: str) -> str:
    """Stable ASCII slug for keys and IRIs."""
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-") or "x"


def rows(name: str) -> Iterator[list[str]]:
    """The rows of ``data/<name>`` as lists of stripped cells."""
    with open(DATA / name, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                yield [c.strip() for c in line.rstrip("\n").split("\t")]


def phrases(forms: str) -> list[tuple[str, ...]]:
    """"kerja sama;kolaborasi" -> [("kerja", "sama"), ("kolaborasi",)] (normalised)."""
    return [tuple(norm(f).split()) for f in forms.split(";") if f.strip()]


@functools.cache
def phrase_table(name: str) -> list[tuple[tuple[str, ...], str]]:
    """(phrase, label) of a two-column table "label<TAB>forms", longest phrase first."""
    out = [(p, label) for label, forms, *_ in rows(name) for p in phrases(forms)]
    return sorted(out, key=lambda x: -len(x[0]))


@functools.cache
def markers(use: str) -> frozenset[str]:
    """The words of one row of ``data/markers.tsv`` (normalised; phrases space-joined)."""
    for row in rows("markers.tsv"):
        if row[0] == use:
            return frozenset(" ".join(p) for p in phrases(row[1]))
    raise KeyError(f"{DATA / 'markers.tsv'}: no row for {use!r}")
