"""Plain records that flow out of ``diplograf.extract`` (no RDF here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: The 14 relation types of the facts contract (../shared/eval/README.md).
RELATIONS = (
    "holdsRole", "meets", "visits", "attends", "hosts", "signs", "agreesWith", "cooperatesOn",
    "supports", "memberOf", "partnerOf", "establishedRelations", "inaugurates", "locatedIn",
)
SYMMETRIC = frozenset({"meets", "agreesWith", "cooperatesOn", "partnerOf", "establishedRelations"})
#: Relations that report an act (done on a day, or planned) rather than how things stand.
ACTS = frozenset({"meets", "visits", "attends", "hosts", "signs", "inaugurates"})

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


@dataclass
class Word:
    """One syntactic word of a sentence, as Stanza read it (1-based ``index``, ``head`` 0 = root)."""

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


@dataclass
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
        subj, obj = self.subject, self.object
        if self.predicate in SYMMETRIC and obj < subj:
            subj, obj = obj, subj
        return (self.article, self.predicate, subj, obj, self.role or "", self.sentence)


@dataclass
class ArticleResult:
    article: Article
    sentences: list[Sentence]
    mentions: list[Mention]
    facts: list[Fact]


@dataclass
class Extraction:
    """Everything ``extract`` found in a set of articles."""

    articles: list[ArticleResult]
    entities: dict[str, Entity]

    def keep(self, min_confidence: float) -> Extraction:
        """The same extraction with only the facts whose confidence is at least ``min_confidence``."""
        if min_confidence <= 0:
            return self
        return Extraction([ArticleResult(r.article, r.sentences, r.mentions,
                                         [f for f in r.facts if f.confidence >= min_confidence])
                           for r in self.articles], self.entities)
