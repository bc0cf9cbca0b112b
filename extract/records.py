"""Plain records that flow out of ``diplograf.extract`` (no RDF here)."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field

from .tables import DATA, TableError, flags, table

#: The flags a relation may carry in ``data/relations.tsv`` (its header says what each means).
RELATION_FLAGS = frozenset({"symmetric", "act", "dated", "standing", "role-distinct", "official", "stated"})


@dataclass(frozen=True)
class RelationType:
    """One row of ``data/relations.tsv``: a relation of the facts contract and its properties."""

    name: str
    event_class: str  # its event class in diplo.ttl ("Meeting")
    flags: frozenset[str]
    pointed_as: str  # the kind of noun that points back at it ("meeting"), "" if none


def _relation_types() -> dict[str, RelationType]:
    out = {}
    for row in table("relations.tsv", ("relation", "class", "flags", "pointed?")):
        unknown = flags(row["flags"]) - RELATION_FLAGS
        if unknown:
            raise TableError(f"{DATA / 'relations.tsv'}: {row['relation']}: unknown flag(s) "
                             f"{', '.join(sorted(unknown))} (known: {', '.join(sorted(RELATION_FLAGS))})")
        out[row["relation"]] = RelationType(row["relation"], row["class"], flags(row["flags"]), row["pointed"])
    return out


#: The 14 relation types of the facts contract, in table order, with their properties.
RELATION_TYPES: dict[str, RelationType] = _relation_types()
RELATIONS = tuple(RELATION_TYPES)


def relations_flagged(flag: str) -> frozenset[str]:
    """The relations that carry ``flag`` in ``data/relations.tsv``."""
    if flag not in RELATION_FLAGS:
        raise KeyError(f"no relation flag {flag!r} (known: {', '.join(sorted(RELATION_FLAGS))})")
    return frozenset(r.name for r in RELATION_TYPES.values() if flag in r.flags)


SYMMETRIC = relations_flagged("symmetric")
#: Relations that report an act (done on a day, or planned) rather than how things stand.
ACTS = relations_flagged("act")


def ordered(predicate: str, subject: str, obj: str) -> tuple[str, str]:
    """The parties of a fact in the order that keys it: a symmetric relation's in sorted order."""
    return (obj, subject) if predicate in SYMMETRIC and obj < subject else (subject, obj)


#: Entity types of the contract.
ENTITY_TYPES = ("Person", "Country", "City", "Region", "Organization", "Event", "Agreement",
                "Initiative", "Project")


@dataclass(frozen=True)
class Article:
    """One input article. ``id`` is the file name (or the JSONL id) and keys everything else."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None


@dataclass(slots=True)
class Word:
    """One syntactic word of a sentence, as Stanza read it (1-based ``index``, ``head`` 0 = root). Slotted,
    its strings interned: a corpus holds a hundred thousand of them (docs/benchmarks.md, memory)."""

    index: int
    text: str
    lemma: str
    upos: str
    feats: str | None
    head: int
    deprel: str
    start: int  # character offsets in the article text
    end: int
    ner: str = "O"  # BIOES tag of the token the word belongs to

    def __post_init__(self) -> None:
        for name in ("text", "lemma", "upos", "feats", "deprel", "ner"):
            value = getattr(self, name)
            if type(value) is str:
                setattr(self, name, sys.intern(value))


@dataclass
class Sentence:
    index: int
    text: str
    start: int
    end: int
    words: list[Word] = field(default_factory=list)

    def children(self, head: int) -> list[Word]:
        return [w for w in self.words if w.head == head]

    def word(self, index: int) -> Word:
        return self.words[index - 1]


@dataclass(slots=True)
class Mention:
    """A span of words naming an entity; ``first``/``last`` are 1-based word indexes."""

    sentence: int
    first: int
    last: int
    text: str
    start: int
    end: int
    type: str
    entity: str = ""  # key of the canonical Entity, set by the resolver
    source: str = "ner"  # ner | gazetteer | role
    #: the longer name this one abbreviates where the text says so: "Bams" in "Bambang Santoso (Bams)"
    alias_of: str | None = None


def mention(sentence: Sentence, first: int, last: int, etype: str, key: str = "", source: str = "ner") -> Mention:
    """A mention of words ``first``..``last`` (1-based) of ``sentence``, with their character offsets."""
    ws = sentence.words[first - 1:last]
    return Mention(sentence.index, first, last, "", ws[0].start, ws[-1].end, etype, key, source)


@dataclass
class Entity:
    """One real thing; ``key`` is stable across articles (the IRI is minted from it)."""

    key: str
    name: str
    type: str
    wikidata: str | None = None
    iso: str | None = None
    aliases: set[str] = field(default_factory=set)
    stands_for: str | None = None  # a capital's country key


@dataclass
class SharedEvent:
    """One real event reported by several articles: what all its reports agree on."""

    key: str  # stable: relation, parties and the day (acts) or the role (standing relations)
    sources: int  # how many articles report it
    confidence: float  # 1 - prod(1 - c) over the articles' readings
    place: str | None
    role: str | None
    rule: str
    date_end: dt.date | None = None


@dataclass
class Fact:
    """One relation read from one sentence, with its evidence."""

    article: str
    predicate: str
    subject: str  # entity key
    object: str  # entity key
    sentence: int
    evidence: str
    start: int
    end: int
    date: dt.date | None = None
    date_end: dt.date | None = None  # the last day of a span ("2–3 Juli 2024")
    period: str | None = None  # the month, year or ISO week when the text fixes no day ("2022-09")
    place: str | None = None  # entity key
    role: str | None = None
    confidence: float = 0.5
    rule: str = ""
    trigger: int = 0  # word index (1-based) of the word that stated it; 0 when no single word did
    modality: str = "asserted"  # asserted | planned | proposed | called for
    plover: str | None = None  # PLOVER event type ("CONSULT"), from extract/events.py
    mode: str | None = None  # PLOVER mode ("visit", "phone", "multilateral")
    cameo: str | None = None  # CAMEO code ("042")
    #: the real event this fact reports, shared by every article that reports it (``extract/merge.py``)
    shared: SharedEvent | None = None

    def key(self) -> tuple:
        subj, obj = ordered(self.predicate, self.subject, self.object)
        return (self.article, self.predicate, subj, obj, self.role or "", self.sentence)


@dataclass
class ArticleResult:
    article: Article
    sentences: list[Sentence]  # those its facts cite (their evidence): a corpus's sentences are not kept
    mentions: list[Mention]
    facts: list[Fact]


@dataclass
class Extraction:
    """Everything ``extract`` found in a set of articles."""

    articles: list[ArticleResult]
    entities: dict[str, Entity]
    #: articles left out because a rule failed on them ({"source", "reason"}), with ``run(contain=True)``
    failed: list[dict] = field(default_factory=list)

    def keep(self, min_confidence: float) -> Extraction:
        """The same extraction with only the facts whose confidence is at least ``min_confidence``."""
        if min_confidence <= 0:
            return self
        return Extraction([ArticleResult(r.article, r.sentences, r.mentions,
                                         [f for f in r.facts if f.confidence >= min_confidence])
                           for r in self.articles], self.entities, self.failed)
