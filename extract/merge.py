"""One event per real event across articles.

The same talks reported by three outlets are one event with three sources: acts (meets, visits,
signs, …) are the same when relation, parties and day agree; standing relations (holds a role,
cooperates on a field, partners) when relation, parties and role agree. Every report keeps its own
sentence and confidence; the shared event gets the combined confidence 1 - prod(1 - c).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .records import Fact, SharedEvent, ordered, relations_flagged

#: Relations that report something done on a day: the acts, and agreeing.
DATED = relations_flagged("dated")
#: Relations that state how things stand; the role tells one from another.
STANDING = relations_flagged("standing")


def event_key(f: Fact) -> str | None:
    """The key two reports of the same real event share; None where a fact cannot be matched safely
    (an act with no day: two visits to the same country are two events)."""
    subj, obj = ordered(f.predicate, f.subject, f.object)
    if f.predicate in DATED and f.date is not None:
        return "|".join((f.predicate, subj, obj, f.date.isoformat()))
    if f.predicate in STANDING:
        return "|".join((f.predicate, subj, obj, f.role or ""))
    return None


def merge(facts: Iterable[Fact]) -> int:
    """Mark the facts that report one event from more than one article; returns how many events."""
    groups: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        key = event_key(f)
        if key is not None:
            groups[key].append(f)
    merged = 0
    for key, reports in sorted(groups.items()):
        if len({f.article for f in reports}) < 2:
            continue
        reports.sort(key=lambda f: (f.article, f.sentence))
        best: dict[str, float] = {}
        for f in reports:
            best[f.article] = max(best.get(f.article, 0.0), f.confidence)
        doubt = 1.0
        for c in best.values():
            doubt *= 1.0 - c
        top = max(reports, key=lambda f: f.confidence)  # the first of equals, in article order
        shared = SharedEvent(
            key=key, sources=len(best), confidence=round(1.0 - doubt, 3),
            place=next((f.place for f in reports if f.place), None),
            role=next((f.role for f in reports if f.role), None), rule=top.rule,
            date_end=max((f.date_end for f in reports if f.date_end), default=None))
        for f in reports:
            f.shared = shared
        merged += 1
    return merged
