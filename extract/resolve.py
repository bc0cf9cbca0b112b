"""One entity per real thing: mentions resolved to keys within and across articles, and full names."""

from __future__ import annotations

import functools
import re
from collections import Counter

from .entities import PREFIX, anaphoric, name_tokens
from .gazetteer import Gazetteer, norm, slug
from .records import Entity, Mention


def resolve(mentions_by_article: dict[str, list[Mention]], gaz: Gazetteer) -> dict[str, Entity]:
    """Give every mention an entity key; one Entity per real thing within and across articles."""
    entities: dict[str, Entity] = {}
    person_names: dict[str, str] = {}  # slug of a full name -> full name, over all articles
    spelled: dict[str, dict[str, str]] = {}  # "jokowi" -> {slug: "Joko Widodo"}, from every article that says so
    for mentions in mentions_by_article.values():
        for m in mentions:
            if m.type == "Person" and len(m.text.split()) > 1:
                person_names.setdefault(slug(m.text), m.text)
            if m.alias_of and m.type == "Person":  # "KBRI" is whichever embassy its own article names
                spelled.setdefault(norm(m.text), {}).setdefault(slug(m.alias_of), m.alias_of)
    # a short form names one thing across the corpus only where every article that spells it out agrees
    # ("Bams"); "KBRI" is the embassy of Indonesia in whichever city each article names
    long_forms = {short: next(iter(forms.values())) for short, forms in spelled.items() if len(forms) == 1}
    all_full = sorted(person_names.values())
    uses = Counter(slug(m.text) for ms in mentions_by_article.values() for m in ms
                   if m.type == "Person" and len(m.text.split()) > 1)

    # a fuller form of a name holds its first word, and a shorter form of it begins with one of its words:
    # indexes by word keep the comparisons to the names that could match (all pairs grow with the square)
    having: dict[str, list[str]] = {}
    opening: dict[str, list[str]] = {}
    for c in all_full:
        toks = name_tokens(c)
        for t in dict.fromkeys(toks):
            having.setdefault(t, []).append(c)
        if toks:
            opening.setdefault(toks[0], []).append(c)

    @functools.cache
    def canonical(name: str) -> str:
        """One name for all the forms of a person's name over the corpus: the fullest form found
        ("Sari WP Wulandari" for "Sari Wulandari") stands for its group, which is named by its most used
        form ("Sari Wulandari")."""
        toks = name_tokens(name)
        full = _full_name(name, having.get(toks[0], []) if toks else [], unique=True) or name
        pool = sorted({c for t in name_tokens(full) for c in opening.get(t, ())})
        group = [c for c in pool if c == full or names_same_person(c, full)]
        return max(group, key=lambda c: (uses[slug(c)], len(c), c)) if group else full

    full_slugs = set(person_names)
    for mentions in mentions_by_article.values():
        for m in mentions:  # "Lucia Vargas" read as a place, "SBY" as a body, where the corpus names the person
            if m.source == "ner" and not m.entity and m.type in ("City", "Organization") and (
                    slug(m.text) in full_slugs or norm(m.text) in long_forms):
                m.type = "Person"
        local_full = sorted({m.text for m in mentions if m.type == "Person"}, key=lambda t: (-len(t), t))
        # this article's own short forms first, then those the whole corpus agrees on
        forms = long_forms | {norm(m.text): m.alias_of for m in sorted(mentions, key=lambda m: m.start) if m.alias_of}

        local_named = sorted({m.text for m in mentions if m.type in ("Event", "Initiative") and not m.entity
                              and not anaphoric(m.text)}, key=lambda t: (-len(t), t))
        last_event: str | None = None
        last_person: str | None = None
        last_agreement: dict[str, str] = {}  # the first word of an agreement's name -> the one named last
        for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
            if m.source == "pronoun":  # "ia", "dia", "beliau": the person named last
                m.entity = last_person or "group:unresolved"
                continue
            if m.type == "Event" and m.source == "cue" and anaphoric(m.text):
                m.entity = last_event or "group:unresolved"  # "KTT tersebut": the summit named before
                if last_event:
                    entities[last_event].aliases.add(m.text)
                continue
            if m.type == "Agreement" and m.source == "cue" and anaphoric(m.text):
                # "resolusi itu": the resolution named last in the article (an agreement of the same kind)
                m.entity = last_agreement.get(norm(m.text).split()[0], "group:unresolved")
                continue
            if m.entity.startswith("group:"):  # expanded per article in the fact phase
                continue
            if m.entity.startswith("agreement:"):  # agreements are scoped to their article
                last_agreement[norm(m.text).split()[0]] = m.entity
                ent = entities.setdefault(m.entity, Entity(m.entity, m.text, m.type))
            elif m.entity:  # gazetteer
                entry = gaz.entries[m.entity]
                ent = entities.setdefault(m.entity, Entity(m.entity, entry.name, entry.type, entry.wikidata,
                                                           entry.iso, stands_for=entry.stands_for))
                if entry.stands_for:  # the state a capital stands for is a known entity too
                    state = gaz.entries[entry.stands_for]
                    entities.setdefault(state.key, Entity(state.key, state.name, state.type, state.wikidata, state.iso))
            elif m.type == "Person":
                name = forms.get(norm(m.text), m.text)
                full = canonical(_full_name(name, local_full) or name)
                m.entity = f"person:{slug(full)}"
                ent = entities.setdefault(m.entity, Entity(m.entity, full, "Person"))
            else:
                # "KTT China-Asia Tengah" after "Konferensi Tingkat Tinggi (KTT) China-Asia Tengah ke-2"
                name = forms.get(norm(m.text), m.text)
                name = (_longer_name(name, local_named) if m.type in ("Event", "Initiative") else None) or name
                m.entity = f"{PREFIX[m.type]}:{slug(name)}"
                entry = gaz.entries.get(m.entity)  # "Lima" opening a sentence is still the capital
                ent = entities.setdefault(m.entity, Entity(m.entity, entry.name, entry.type, entry.wikidata, entry.iso,
                                                           stands_for=entry.stands_for) if entry else
                                          Entity(m.entity, name, m.type))
            if m.type == "Event":
                last_event = m.entity
            if m.type == "Person":
                last_person = m.entity
            ent.aliases.add(m.text)
    return entities


def _longer_name(name: str, candidates: list[str]) -> str | None:
    """The longest candidate that contains ``name``'s words as one run ("KTT China-Asia Tengah" in
    "Konferensi Tingkat Tinggi (KTT) China-Asia Tengah ke-2", not "Tahun Pariwisata Kazakhstan" in
    "Tahun Pariwisata Tiongkok di Kazakhstan")."""
    toks = re.findall(r"\w+", norm(name))
    found = []
    for c in candidates:
        ctoks = re.findall(r"\w+", norm(c))
        if len(ctoks) > len(toks) and any(ctoks[i:i + len(toks)] == toks for i in range(len(ctoks) - len(toks) + 1)):
            found.append(c)
    return max(found, key=len) if found else None


def names_same_person(short: str, long: str) -> bool:
    """Whether ``long`` is a fuller form of the person ``short`` names: every word of it ("Xi" in
    "Xi Jinping", "Sari Wulandari" in "Sari WP Wulandari"), or the same first and last name with middle
    names given as initials ("Rudi P. Hartono" / "Rudi Pratama Hartono", "Sari WP Wulandari" /
    "Sari Wijaya Putri Wulandari")."""
    s, lo = name_tokens(short), name_tokens(long)
    if set(s) < set(lo):
        return True
    if len(s) < 2 or len(lo) <= 2 or s[0] != lo[0] or s[-1] != lo[-1] or s == lo:
        return False
    initials = "".join(t[0] for t in lo[1:-1])
    middle = "".join(t if len(t) <= 3 else "\0" for t in s[1:-1])  # only initials may stand for names
    if "\0" in middle or len(middle) > len(initials):
        return False
    it = iter(initials)
    return all(c in it for c in middle)  # the initials in order


def _full_name(name: str, candidates: list[str], unique: bool = False) -> str | None:
    """The longest candidate that is a fuller form of the person ``name`` ("Xi" -> "Xi Jinping");
    with ``unique``, None unless the candidates that are name one person (each a form of the longest)."""
    found = [c for c in candidates if names_same_person(name, c)]
    if not found:
        return None
    best = max(found, key=lambda c: (len(name_tokens(c)), len(c), c))
    if unique and any(c != best and not names_same_person(c, best) and slug(c) != slug(best) for c in found):
        return None
    return best
