"""Memberships the news takes for granted: a state and a body it belongs to, named in one sentence.

Reporters rarely write that Peru is a member of APEC; they write "Peru berharap APEC membahas perdagangan"
and leave the membership to the reader. ``data/memberships.tsv`` holds who belongs to which intergovernmental
body and since or until when; ``membership_facts`` reads a sentence that names both a state (by its name,
not a pronoun or a group noun) and one of those bodies, and gives ``memberOf`` when the article's date falls
inside the membership. The sentence is the evidence; the rule is ``memberOf:table``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import gazetteer
from .records import Article, Entity, Fact, Mention, Sentence
from .relations import named_as_place
from .tables import DATA, table

TABLE = DATA / "memberships.tsv"
RULE = "memberOf:table"
#: The raw confidence of a membership from the table (calibration.py turns it into the fact's confidence).
CONFIDENCE = 0.8
#: Mentions that name the state in the sentence itself: a pronoun or "kedua negara" may point elsewhere.
NAMING_SOURCES = frozenset({"ner", "gazetteer", "name", "role", "title", "alias", "cue"})


@dataclass(frozen=True)
class Span:
    """One membership: ``since`` and ``until`` bound it where the table gives them."""

    since: dt.date | None = None
    until: dt.date | None = None

    def holds_on(self, day: dt.date | None) -> bool:
        """Whether it held on ``day``; with no day, only a membership the table bounds neither way."""
        if day is None:
            return self.since is None and self.until is None
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


def _span(cell: str, where: str) -> tuple[str, Span]:
    code, _, dates = cell.partition("@")
    if not dates:
        return code, Span()
    since, sep, until = dates.partition("/")
    if not sep:
        raise ValueError(f"{where}: {cell!r}: a membership's dates are FROM/UNTIL (either may be empty)")
    try:
        return code, Span(dt.date.fromisoformat(since) if since else None,
                          dt.date.fromisoformat(until) if until else None)
    except ValueError as err:
        raise ValueError(f"{where}: {cell!r}: {err}") from None


@functools.lru_cache(maxsize=1)
def memberships() -> dict[str, dict[str, tuple[Span, ...]]]:
    """Body entity key -> member state's entity key -> its memberships, from ``data/memberships.tsv``."""
    gaz = gazetteer.load()
    bodies = {key.split(":", 1)[1]: key for key, e in gaz.entries.items() if e.type in ("Organization", "Initiative")}
    out: dict[str, dict[str, tuple[Span, ...]]] = {}
    for row in table(TABLE.name, ("body", "members")):
        where = f"{TABLE}: {row['body']}"
        body = bodies.get(row["body"])
        if body is None:
            raise ValueError(f"{where}: no such body in organizations.tsv")
        members = out.setdefault(body, {})
        for cell in row["members"].split(";"):
            code, span = _span(cell.strip(), where)
            state = f"country:{code}"
            if state not in gaz.entries:
                raise ValueError(f"{where}: unknown ISO 3166 code {code!r}")
            members[state] = members.get(state, ()) + (span,)
    return out


def is_member(state: str, body: str, day: dt.date | None) -> bool:
    """Whether ``state`` belonged to ``body`` on ``day`` according to the table."""
    return any(span.holds_on(day) for span in memberships().get(body, {}).get(state, ()))


def membership_facts(article: Article, sentence: Sentence, mentions: Sequence[Mention],
                     entities: Mapping[str, Entity]) -> list[Fact]:
    """``memberOf`` for each state named in ``sentence`` that belonged, on the article's day, to a body of
    the table the sentence also names. A state named only as a place ("di Peru") is no party: the sentence
    is about a venue. (A body inside an event's name, "KTT ASEAN", is no mention of its own here.)"""
    table_of = memberships()
    bodies = sorted({m.entity for m in mentions if m.entity in table_of})
    states = sorted({m.entity for m in mentions if m.source in NAMING_SOURCES and m.entity in entities
                     and entities[m.entity].type == "Country" and not named_as_place(sentence, list(mentions), m)})
    return [Fact(article=article.id, predicate="memberOf", subject=state, object=body, sentence=sentence.index,
                 evidence=sentence.text, start=sentence.start, end=sentence.end, confidence=CONFIDENCE, rule=RULE)
            for body in bodies for state in states if is_member(state, body, article.date)]
