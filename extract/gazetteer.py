"""The gazetteer: countries (ISO codes via pycountry), capitals, organisations, initiatives, regions.

Tables live in ``extract/data/*.tsv``; add a row there, not a branch here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from . import vocabulary
from .lexicon import is_common
from .tables import DATA, norm, slug, table  # noqa: F401  (norm and slug are used from here too)


@dataclass(frozen=True)
class GazEntry:
    key: str
    name: str
    type: str
    wikidata: str | None = None
    iso: str | None = None
    stands_for: str | None = None


@dataclass
class Gazetteer:
    entries: dict[str, GazEntry] = field(default_factory=dict)
    #: normalised alias (as a tuple of tokens) -> entry key
    aliases: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: acronyms that only match in capitals ("AS" is the United States, "as" is not)
    acronyms: set[tuple[str, ...]] = field(default_factory=set)
    max_len: int = 1

    def add(self, entry: GazEntry, alias: str) -> None:
        self.entries.setdefault(entry.key, entry)
        toks = tuple(tokenize_alias(alias))
        if not toks:
            return
        # Stanza sometimes splits "Trans-Pasifik" into "Trans", "-", "Pasifik": the hyphen, stripped as an
        # edge mark in ``match``, is then an empty word
        split = tuple(part for t in toks for part in _hyphen_parts(t))
        for form in {toks, split}:
            self.aliases.setdefault(form, entry.key)
            self.max_len = max(self.max_len, len(form))
        if len(alias) <= 4 and alias.isupper():
            self.acronyms.add(toks)

    def match(self, words: list[str], i: int) -> tuple[int, GazEntry] | None:
        """Longest entry starting at word ``i``: (number of words, entry)."""
        # "-China" in "Kazakhstan -China"; a quote the tokenizer left on a word ("”Indonesia dan ...")
        normed = [norm(w).strip(EDGE_MARKS) for w in words[i:i + self.max_len]]
        for n in range(min(self.max_len, len(words) - i), 0, -1):
            span = words[i:i + n]
            toks = tuple(normed[:n])
            key = self.aliases.get(toks)
            if key is None:
                continue
            if toks in self.acronyms and not all(w.isupper() for w in span):
                continue
            head = span[0].lstrip(EDGE_MARKS)
            if not head[:1].isupper() and not head[:1].isdigit():
                continue  # names are capitalised in news text
            if i == 0 and n == 1 and toks not in self.acronyms and is_common(head):
                continue  # "Lima orang tewas": a sentence's first word is capitalised anyway
            return n, self.entries[key]
        return None


#: Marks a word may carry at its edges that are no part of a name.
EDGE_MARKS = "-–\"'“”„«»"


def _hyphen_parts(token: str) -> list[str]:
    """"trans-pasifik" -> ["trans", "", "pasifik"]: the words of a hyphenated word split, as ``match`` sees them."""
    parts = token.split("-")
    return [p for i, part in enumerate(parts) for p in ([part] if i == 0 else ["", part])] if all(parts) else [token]


def tokenize_alias(alias: str) -> list[str]:
    """Split an alias the way Stanza splits text: words, with hyphens and apostrophes inside."""
    return [norm(t) for t in re.findall(r"\w+(?:[-'’]\w+)*|[^\w\s]", alias)]


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer from the bundled tables (cached)."""
    import pycountry

    gaz = Gazetteer()
    known_iso = set()
    for row in table("countries.tsv", ("iso", "name", "wikidata?", "aliases?", "capitals?", "capital_wikidata?")):
        iso, name, qid, aliases, capitals, cap_qid = row.values()
        country = pycountry.countries.get(alpha_2=iso)
        if country is None:
            raise ValueError(f"{DATA / 'countries.tsv'}: unknown ISO 3166 code {iso!r}")
        known_iso.add(iso)
        entry = GazEntry(f"country:{iso}", name, "Country", qid or None, iso)
        for alias in [name, *aliases.split(";")]:
            if alias:
                gaz.add(entry, alias)
        caps = [c for c in capitals.split(";") if c]
        if caps:
            city = GazEntry(f"city:{slug(caps[0])}", caps[0], "City", cap_qid or None, None, entry.key)
            for cap in caps:
                gaz.add(city, cap)
    for name_of_table in ("organizations.tsv", "regions.tsv"):
        for row in table(name_of_table, ("key", "name", "type", "wikidata?", "aliases?")):
            key, name, etype, qid, aliases = row.values()
            prefix = {"Organization": "org", "Initiative": "initiative", "Region": "region"}[etype]
            entry = GazEntry(f"{prefix}:{key}", name, etype, qid or None)
            for alias in [name, *aliases.split(";")]:
                if alias:
                    gaz.add(entry, alias)
    # Every other ISO 3166 code by its English names, so that no state goes unseen; last, so that a
    # territory the tables list as a region ("Hong Kong", "Guam") stays one.
    for country in pycountry.countries:
        if country.alpha_2 in known_iso:
            continue
        entry = GazEntry(f"country:{country.alpha_2}", getattr(country, "common_name", country.name),
                         "Country", None, country.alpha_2)
        for alias in sorted({country.name, getattr(country, "common_name", country.name)}):
            if tuple(tokenize_alias(alias)) not in gaz.aliases:
                gaz.add(entry, alias)
    return gaz


@functools.lru_cache(maxsize=1)
def longest_role() -> int:
    """The number of words of the longest role phrase."""
    return max(len(k) for k in roles())


@functools.lru_cache(maxsize=1)
def roles() -> dict[tuple[str, ...], str]:
    """Role phrases (normalised token tuples) -> English role label."""
    table: dict[tuple[str, ...], str] = {}
    for label, forms in vocabulary.roles().items():
        for form in forms:
            table[tuple(tokenize_alias(form))] = label
    return table
