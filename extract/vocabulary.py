"""The controlled vocabularies of the extractor, as plain data: roles and fields of cooperation.

Each entry is an English label (what ``facts.jsonl`` writes in ``role``) with its Indonesian forms
(``data/roles.tsv``, ``data/fields.tsv``). The ontology turns them into SKOS concepts.
"""

from __future__ import annotations

import functools

from .tables import DATA, TableError, flags, table

#: The flags a role may carry in ``data/roles.tsv`` (its header says what each means).
ROLE_FLAGS = frozenset({"leader", "posted", "domestic", "local", "home"})


@functools.cache
def _role_rows() -> list[dict[str, str]]:
    out = table("roles.tsv", ("label", "forms", "flags?"))
    for row in out:
        unknown = flags(row["flags"]) - ROLE_FLAGS
        if unknown:
            raise TableError(f"{DATA / 'roles.tsv'}: {row['label']}: unknown flag(s) {', '.join(sorted(unknown))} "
                             f"(known: {', '.join(sorted(ROLE_FLAGS))})")
    return out


@functools.cache
def roles() -> dict[str, list[str]]:
    """English role label -> its Indonesian forms, in table order."""
    return {row["label"]: [f.strip() for f in row["forms"].split(";") if f.strip()] for row in _role_rows()}


@functools.cache
def role_flags() -> dict[str, frozenset[str]]:
    """English role label -> its flags in ``data/roles.tsv`` (``ROLE_FLAGS``)."""
    return {row["label"]: flags(row["flags"]) for row in _role_rows()}


def roles_flagged(flag: str) -> frozenset[str]:
    """The role labels that carry ``flag``, one of ``ROLE_FLAGS``."""
    if flag not in ROLE_FLAGS:
        raise KeyError(f"no role flag {flag!r} (known: {', '.join(sorted(ROLE_FLAGS))})")
    return frozenset(label for label, fl in role_flags().items() if flag in fl)


@functools.cache
def fields() -> dict[str, list[str]]:
    """English field label -> its Indonesian forms, in table order."""
    return {row["label"]: [f.strip() for f in row["forms"].split(";") if f.strip()]
            for row in table("fields.tsv", ("label", "forms"))}


def base_role(label: str) -> str | None:
    """The vocabulary role a label names: "Ambassador to China" -> "Ambassador", "Head of Pusat Penerangan"
    (the head of a unit) -> "Head"; None if unknown."""
    table = roles()
    label = label.removeprefix("former ")  # "former Chairman": the Chairman concept
    if label in table:
        return label
    head = label.split(" to ", 1)[0]
    if head in table:
        return head
    parts = head.split(" of ")
    return next((" of ".join(parts[:k]) for k in range(len(parts) - 1, 0, -1) if " of ".join(parts[:k]) in table), None)
