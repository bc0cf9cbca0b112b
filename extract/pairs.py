"""Relations between two states: cooperatesOn (one fact per field), partnerOf, agreesWith.

The pair is the two states a sentence names, or else the pair the article is about (the two states
it names most). Cues, fields and partnership levels live in ``data/*.tsv``.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from .dates import sentence_when, year_hint
from .gazetteer import norm
from .records import Article, Entity, Fact, Mention, Sentence
from .tables import markers, phrase_table, phrases, table


@dataclass(frozen=True)
class Cue:
    relation: str
    phrases: tuple[tuple[str, ...], ...]
    confidence: float
    before: frozenset[str] = frozenset()  # one of these words must stand in the four words before
    after: frozenset[str] = frozenset()  # ... or after the cue

    def holds(self, tokens: list[str], start: int, end: int) -> bool:
        return ((not self.before or bool(self.before & set(tokens[max(0, start - 4):start])))
                and (not self.after or bool(self.after & set(tokens[end:end + 4]))))


@functools.lru_cache(maxsize=1)
def cues() -> list[Cue]:
    out = []
    for row in table("pair_cues.tsv", ("relation", "forms", "confidence", "conditions?")):
        rel, forms, conf = row["relation"], row["forms"], row["confidence"]
        cond = dict(c.split("=", 1) for c in row["conditions"].split(";") if "=" in c)
        out.append(Cue(rel, tuple(phrases(forms)), float(conf),
                       frozenset(cond.get("before", "").split("|")) - {""},
                       frozenset(cond.get("after", "").split("|")) - {""}))
    return out


def fields() -> list[tuple[tuple[str, ...], str]]:
    """(Indonesian phrase, English label), longest phrase first."""
    return phrase_table("fields.tsv")


@functools.lru_cache(maxsize=1)
def levels() -> list[tuple[str, set[str]]]:
    return [(r["label"], {norm(f) for f in r["forms"].split(";")})
            for r in table("partnership_levels.tsv", ("label", "forms"))]


def find_phrases(tokens: list[str], phrases: list[tuple[tuple[str, ...], str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, label) of the phrases in ``tokens``, longest first."""
    taken: set[int] = set()
    out = []
    for phrase, label in phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(tokens[i:i + n]) == phrase and not taken & set(range(i, i + n)):
                out.append((i, i + n, label))
                taken |= set(range(i, i + n))
    return sorted(out)


def _all(tokens: list[str], phrase: tuple[str, ...]) -> list[int]:
    """Every start of ``phrase`` in ``tokens``."""
    n = len(phrase)
    return [i for i in range(len(tokens) - n + 1) if tuple(tokens[i:i + n]) == phrase]


@dataclass
class PairContext:
    """The states of one article: the pair it is about, if any, and whom its people serve."""

    focus: tuple[str, str] | None
    #: person key -> the state they hold a role in ("Dewi dan Morales membahas kerja sama": their states)
    serves: dict[str, str] = field(default_factory=dict)


def state_of(m: Mention, entities: dict[str, Entity]) -> str | None:
    ent = entities.get(m.entity)
    if ent is None:
        return None
    if ent.type == "Country":
        return ent.key
    return ent.stands_for  # a capital for its state


def article_focus(mentions: list[Mention], entities: dict[str, Entity]) -> PairContext:
    counts = Counter(s for m in mentions if (s := state_of(m, entities)))
    top = [k for k, n in counts.most_common(2) if n >= 2]
    return PairContext(tuple(sorted(top)) if len(top) == 2 else None)


def sentence_pair(mentions: list[Mention], entities: dict[str, Entity], ctx: PairContext) -> tuple[str, str] | None:
    states: list[str] = []
    for m in mentions:
        s = state_of(m, entities) or ctx.serves.get(m.entity)
        if s and s not in states:
            states.append(s)
    if len(states) == 2:
        return states[0], states[1]
    if len(states) > 2:  # "Perancis ..., menggeser Inggris dan Jerman": the pair in focus, if named, else none
        return ctx.focus if ctx.focus and set(ctx.focus) <= set(states) else None
    if len(states) == 1 and ctx.focus and states[0] in ctx.focus:
        return ctx.focus
    if not states:
        return ctx.focus
    return None


def hyphen_joined(mentions: list[Mention], first: int, entities: dict[str, Entity]) -> tuple[str, str] | None:
    """Two parties written as one word from word ``first`` (1-based) on: "ASEAN-PBB", "Kenya-Peru"."""
    starts = {m.first: m for m in mentions if m.type in ("Country", "Organization") and m.entity in entities}
    a = starts.get(first)
    b = starts.get(a.last + 2) if a is not None else None
    if a is None or b is None or a.end + 1 != b.start:
        return None
    parties = [state_of(m, entities) or m.entity for m in (a, b)]
    return (parties[0], parties[1]) if parties[0] != parties[1] else None


def partnership_label(tokens: list[str], start: int) -> str:
    """English label of "kemitraan strategis komprehensif permanen" starting at ``start``."""
    if tokens[start:start + 2] == ["mitra", "dagang"]:
        return "trading partner" + (" (largest)" if "terbesar" in tokens[start:start + 4] else "")
    window = set(tokens[start + 1:start + 6])
    found = [label for label, forms in levels() if window & forms]
    return " ".join(found + ["partnership"])


def _clause_after(sentence: Sentence, index: int) -> str | None:
    """The words after ``index`` (0-based) up to the next comma or the end: what was agreed."""
    words = []
    for w in sentence.words[index + 1:]:
        if w.text in (",", ".", ";", "\"", "”"):
            if words:
                break
            continue
        words.append(w.text)
        if len(words) >= 14:
            break
    return " ".join(words) or None


def find_pair_relations(article: Article, sentence: Sentence, mentions: list[Mention],
                        entities: dict[str, Entity], ctx: PairContext) -> list[Fact]:
    tokens = [norm(w.text) for w in sentence.words]
    # "Organisasi Kerja Sama Islam": a cue in the name of a body or an event states nothing; an
    # agreement's name does ("nota kesepahaman tentang kerja sama perikanan")
    named = {i - 1 for m in mentions if m.type in ("Organization", "Event", "Initiative")
             for i in range(m.first, m.last + 1)}
    present = set(tokens)
    found = [(c.relation, i, p, c.confidence) for c in cues() for p in c.phrases if p[0] in present
             for i in [next((k for k in _all(tokens, p) if k not in named and c.holds(tokens, k, k + len(p))), -1)]
             if i >= 0]  # the first occurrence that counts ("anggota OKI ..., sepakat meningkatkan kerja sama")
    if not found:
        return []
    pair = sentence_pair(mentions, entities, ctx)
    joined = [(rel, i, p, c) for rel, i, p, c in found if rel == "partnerOf"
              and hyphen_joined(mentions, i + len(p) + 1, entities)]
    if joined:  # "kemitraan ASEAN-PBB": the partners are named right after the noun, whatever they are
        pair = hyphen_joined(mentions, joined[0][1] + len(joined[0][2]) + 1, entities)
    if pair is None:
        return []
    named = len({st for m in mentions if (st := state_of(m, entities) or ctx.serves.get(m.entity))})
    refers = any(m.source == "group" for m in mentions)
    a, b = pair
    when = sentence_when(sentence.text, article.date, None if article.date else year_hint(article.text))
    facts = []

    def fact(rel: str, role: str | None, conf: float, rule: str) -> None:
        facts.append(Fact(article=article.id, predicate=rel, subject=a, object=b, sentence=sentence.index,
                          evidence=sentence.text, start=sentence.start, end=sentence.end,
                          date=when.day if when else None, date_end=when.last_day if when else None,
                          period=when.period if when else None,
                          role=role, confidence=round(conf, 3), rule=rule, trigger=cue_at + 1))

    seen: set[tuple[str, str | None]] = set()
    for rel, index, phrase, conf in sorted(found, key=lambda f: f[1]):
        cue_at = index
        if rel == "cooperatesOn":
            for _s, _e, label in find_phrases(tokens, fields()):
                if ("cooperatesOn", label) not in seen:
                    seen.add(("cooperatesOn", label))
                    fact("cooperatesOn", label, conf, "cooperatesOn:field")
            if not seen and named >= 2 and " ".join(phrase) in markers("cooperating"):
                # "Kenya dan Peru akan bekerja sama mencari ...": both states named acting together, no field in
                # the table (the noun "kerja sama" with no field mostly names a field the table lacks)
                seen.add(("cooperatesOn", None))
                fact("cooperatesOn", None, conf * 0.8, "cooperatesOn:unnamed-field")
        elif rel == "partnerOf":
            for i, tok in enumerate(tokens):
                if tuple(tokens[i:i + len(phrase)]) == phrase:
                    label = partnership_label(tokens, i)
                    if label == "partnership" and not joined:
                        continue  # "melalui kemitraan": no level named, no partnership stated
                    if ("partnerOf", label) not in seen:
                        seen.add(("partnerOf", label))
                        fact("partnerOf", label, conf, f"partnerOf:{tok}")
        elif rel == "establishedRelations" and (rel, None) not in seen:
            seen.add((rel, None))
            year = next((w.text for w in sentence.words if w.text.isdigit() and len(w.text) == 4), None)
            fact(rel, year, conf, "establishedRelations:hubungan diplomatik")
        elif rel == "agreesWith" and ("agreesWith", None) not in seen and (named >= 2 or refers):
            # agreeing takes two: the sentence names both states, or the pair ("kedua negara sepakat");
            # "X bertekad ..." alone is one party's resolve
            seen.add(("agreesWith", None))
            role = _clause_after(sentence, index + len(phrase) - 1)
            fact("agreesWith", role, conf, f"agreesWith:{' '.join(phrase)}")
    return facts
