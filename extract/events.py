"""Event coding: each fact's PLOVER type, mode and CAMEO code, and its modality.

Both are data: ``data/plover.tsv`` maps a relation (and conditions on the role, the object's type or
the modality) to PLOVER and CAMEO; ``data/modality.tsv`` lists the words that make a statement
planned, proposed, called for or denied. Nothing here knows RDF: the graph turns the codes into IRIs.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .records import Entity, Fact, Sentence
from .tables import DATA, markers, norm, table


@dataclass(frozen=True)
class Coding:
    relation: str
    conditions: tuple[tuple[str, frozenset[str]], ...]
    plover: str
    mode: str | None
    cameo: str | None


@functools.cache
def codings() -> tuple[Coding, ...]:
    out = []
    for n, row in enumerate(table("plover.tsv", ("relation", "conditions", "plover", "mode?", "cameo?")), 1):
        rel, cond, plover, mode, cameo = row.values()
        if not plover:
            raise ValueError(f"{DATA / 'plover.tsv'}: row {n} ({rel!r}) names no PLOVER type")
        conds = []
        for part in filter(None, (c.strip() for c in cond.split(";"))):
            key, _, values = part.partition("=")
            conds.append((key.strip(), frozenset(v.strip() for v in values.split("|"))))
        out.append(Coding(rel, tuple(conds), plover, mode or None, cameo or None))
    return tuple(out)


def code(fact: Fact, entities: dict[str, Entity]) -> Coding | None:
    """The first coding of ``data/plover.tsv`` that fits ``fact`` (None: PLOVER has no type for it)."""
    obj = entities.get(fact.object)
    values = {"role": fact.role or "", "object": obj.type if obj else "", "modality": fact.modality}
    for c in codings():
        if c.relation == fact.predicate and all(values[k] in v for k, v in c.conditions):
            return c
    return None


@functools.cache
def modality_words() -> tuple[tuple[str, frozenset[str], bool], ...]:
    """(modality, words, whether the fact stands) in table order."""
    return tuple((r["modality"], frozenset(norm(w) for w in r["words"].split(";") if w.strip()), r["effect"] != "drop")
                 for r in table("modality.tsv", ("modality", "words", "effect")))


def modality(sentence: Sentence, trigger: int) -> tuple[str, bool]:
    """(modality, whether the fact stands) of the act at word ``trigger`` (1-based; 0: unknown):
    "akan bertemu" is planned, "tidak menandatangani" is denied, "mengusulkan pembentukan" proposed."""
    if not trigger:
        return "asserted", True
    words = sentence.words
    near = {w.index for w in words if w.head == trigger and w.deprel.split(":")[0] in ("advmod", "aux", "mark", "neg")}
    head = words[trigger - 1].head
    near |= set(range(max(1, trigger - 4), trigger))  # the words just before the trigger
    if head and words[trigger - 1].deprel.split(":")[0] in ("xcomp", "ccomp", "advcl", "obj", "nmod"):
        near.add(head)  # "berencana mengunjungi", "menyerukan pembentukan"
    texts = {i: norm(words[i - 1].text) for i in near}
    lemmas = {i: norm(words[i - 1].lemma) for i in near}
    for mod, forms, stands in modality_words():
        for i in sorted(near):
            if texts[i] in forms or (lemmas[i] in forms and mod != "negated"):
                if _stopped(words, i, trigger):
                    continue
                if mod == "negated" and i < len(words) and norm(words[i].text) in NOT_ONLY:
                    continue  # "tak hanya disambut ..., namun juga": not only, but also
                return mod, stands
    return "asserted", True


#: Words after a negation that make it "not only" (the act still happened).
NOT_ONLY = frozenset({"hanya", "sekadar", "cuma", "semata", "semata-mata"})


def _stopped(words, i: int, trigger: int) -> bool:
    """A comma or a clause break between the cue word and the trigger ends the cue's reach; a
    conjunction that is also an adverb, right after a cue verb, is the adverb ("menghentikan
    sementara kerja sama": stopped for now, not "while")."""
    between = words[min(i, trigger):max(i, trigger) - 1]
    adverbs = markers("adverb-conjunction")
    return any(w.text in (",", ";", ".", "\"", "“", "”")
               or (w.upos == "SCONJ" and not (w.index == min(i, trigger) + 1 and norm(w.text) in adverbs))
               for w in between)
