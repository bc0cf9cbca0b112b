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


def slug(text: str, *, iri: bool = False) -> str:
    """Stable ASCII slug: the one rule for entity keys and IRI path segments. Keys (the default) are
    lowercase words joined by "-" ("Xi Jinping" -> "xi-jinping"); IRI segments (``iri=True``) keep
    case, dots and underscores ("country:CN" names <…/country/CN>, "a_1.txt" <…/article/a_1.txt>)."""
    if iri:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "x"
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-") or "x"


def rows(name: str) -> Iterator[list[str]]:
    """The rows of ``data/<name>`` as lists of stripped cells."""
    for _, cells in _numbered_rows(name):
        yield cells


def _numbered_rows(name: str) -> Iterator[tuple[int, list[str]]]:
    with open(DATA / name, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip() and not line.startswith("#"):
                yield number, [c.strip() for c in line.rstrip("\n").split("\t")]


class TableError(ValueError):
    """A data table whose rows do not have the columns it declares; the message names the file and line."""


def table(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of ``data/<name>`` as {column: cell}, for the declared ``columns``; a column whose name
    ends in "?" is optional (trailing, "" where absent; the "?" is not part of the key). A row with a
    missing required cell, an empty first cell or more cells than declared is a ``TableError``."""
    required = sum(1 for c in columns if not c.endswith("?"))
    keys = [c.removesuffix("?") for c in columns]
    out = []
    for number, cells in _numbered_rows(name):
        if not cells[0] or not required <= len(cells) <= len(keys):
            raise TableError(f"{DATA / name}, line {number}: {len(cells)} cell(s) where the table declares "
                             f"{', '.join(columns)} (tab-separated)")
        out.append(dict(zip(keys, cells + [""] * (len(keys) - len(cells)))))
    return out


def flags(cell: str) -> frozenset[str]:
    """"leader,domestic" -> {"leader", "domestic"}."""
    return frozenset(f.strip() for f in cell.split(",") if f.strip())


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
    for row in table("markers.tsv", ("use", "words")):
        if row["use"] == use:
            return frozenset(" ".join(p) for p in phrases(row["words"]))
    raise KeyError(f"{DATA / 'markers.tsv'}: no row for {use!r}")
