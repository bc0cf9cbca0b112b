"""The controlled vocabularies of the extractor, as plain data: roles and fields of cooperation.

Each entry is an English label (what ``facts.jsonl`` writes in ``role``) with its Indonesian forms
(``data/roles.tsv``, ``data/fields.tsv``). The ontology turns them into SKOS concepts.
"""

from __future__ import annotations

import functools

from .tables import rows


@functools.cache
def roles() -> dict[str, list[str]]:
    """English role label -> its Indonesian forms, in table order."""
    return {label: [f.strip() for f in forms.split(";") if f.strip()] for label, forms, *_ in rows("roles.tsv")}


@functools.cache
def role_flags() -> dict[str, frozenset[str]]:
    """English role label -> its flags in ``data/roles.tsv`` (leader, posted, domestic, local, home)."""
    return {label: frozenset(f.strip() for f in (rest[0] if rest else "").split(",") if f.strip())
            for label, _, *rest in rows("roles.tsv")}


def roles_flagged(flag: str) -> frozenset[str]:
    """The role labels that carry ``flag`` (a flag of ``data/roles.tsv``)."""
    return frozenset(label for label, flags in role_flags().items() if flag in flags)


@functools.cache
def fields() -> dict[str, list[str]]:
    """English field label -> its Indonesian forms, in table order."""
    return {label: [f.strip() for f in forms.split(";") if f.strip()] for label, forms, *_ in rows("fields.tsv")}


def base_role(label: str) -> str | None:
    """The vocabulary role a label names: "Ambassador to China" -> "Ambassador"; None if unknown."""
    table = roles()
    label = label.removeprefix("former ")  # "former Chairman": the Chairman concept
    if label in table:
        return label
    head = label.split(" to ", 1)[0]
    return head if head in table else None
