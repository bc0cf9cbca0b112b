"""The extraction pipeline: small components with one contract each, found through a registry.

Mention components run per article and add mentions; then entities are resolved over the whole
corpus; then fact components run per article and add facts. Register a new component with
``@component("name", phase)`` and add its name to ``DEFAULT_COMPONENTS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from . import calibration, events, gazetteer, memberships, merge, pairs, quotes, relations, roles
from . import entities as ent
from .cache import AnalyseBatches, AnalysisCache, analysed
from .records import (
    ACTS,
    RELATION_TYPES,
    Article,
    ArticleResult,
    Entity,
    Extraction,
    Fact,
    Mention,
    Sentence,
    mention,
    relations_flagged,
)
from .resolve import resolve
from .tables import markers, norm, table
from .vocabulary import roles_flagged

#: Relations where a different role is a different fact (one fact per field, level or post).
ROLE_DISTINCT = relations_flagged("role-distinct")
#: Name -> (phase, function). Phase "mentions": fn(state); phase "facts": fn(state, corpus).
REGISTRY: dict[str, tuple[str, Callable]] = {}
DEFAULT_COMPONENTS = ("ner_gazetteer", "proper_names", "cues", "principals", "roles", "brackets", "name_parts",
                      "titles", "groups", "home_government", "pronouns", "role_facts", "relations", "pairs",
                      "memberships", "events", "event_time", "said_time", "calibrate", "dedupe")


@dataclass
class ArticleState:
    article: Article
    sentences: list[Sentence]
    mentions: dict[int, list[Mention]] = field(default_factory=dict)  # by sentence index
    holdings: list[roles.RoleHolding] = field(default_factory=list)
    titles: dict[int, list[roles.Title]] = field(default_factory=dict)  # by sentence index
    #: names inside other names ("Astana" in "Pusat Kebudayaan Tiongkok di Astana"): entities, never arguments
    nested: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    #: why the components stopped on this article (``run(contain=True)``); "" while they run
    failed: str = ""
    #: where ``sentences`` are while they are not in memory (the mention cache keeps them on disk
    #: between the phases, so a corpus's sentences are never all in memory); None when they are
    stored: Callable[[], list[Sentence]] | None = None


@dataclass
class Corpus:
    """What fact components know of the whole corpus once entities are resolved."""

    entities: dict[str, Entity]
    employers: dict[str, str]  # person key -> the country/organisation a role apposition names


def component(name: str, phase: str):
    def register(fn):
        REGISTRY[name] = (phase, fn)
        return fn
    return register


@component("ner_gazetteer", "mentions")
def _ner_gazetteer(state: ArticleState) -> None:
    from .articles import DATELINE

    gaz = gazetteer.load()
    for s in state.sentences:
        # "Canberra, 12 Maret 2024": a dateline names where the outlet wrote, not an actor or a place of the news
        dateline = bool(DATELINE.match(s.text.strip()))
        state.mentions[s.index] = [] if dateline else ent.find_mentions(s, gaz, state.article.text)


@component("proper_names", "mentions")
def _proper_names(state: ArticleState) -> None:
    for s in state.sentences:
        ent.proper_name_mentions(s, state.mentions[s.index], state.article.text, state.nested)


@component("cues", "mentions")
def _cues(state: ArticleState) -> None:
    for s in state.sentences:
        ent.cue_mentions(s, state.mentions[s.index], state.article.id, state.article.text, state.nested)


@component("principals", "mentions")
def _principals(state: ArticleState) -> None:
    ent.split_principals(state.sentences, state.mentions, state.article.text)


@component("roles", "mentions")
def _roles(state: ArticleState) -> None:
    for s in state.sentences:
        state.titles[s.index] = []
        state.holdings.extend(roles.find_roles(s, state.mentions[s.index], state.article.text, state.titles[s.index],
                                               state.nested))


@component("brackets", "mentions")
def _brackets(state: ArticleState) -> None:
    """"Bambang Santoso (Bams)": the bracketed name is an alias of the one before it."""
    for s in state.sentences:
        ent.bracket_aliases(s, state.mentions[s.index], state.article.text)


@component("name_parts", "mentions")
def _name_parts(state: ArticleState) -> None:
    """A lone surname or given name of a person named in full elsewhere in the article is a mention
    of that person ("Thuong" after "Vo Van Thuong"), even where the NER missed it."""
    all_mentions = [m for ms in state.mentions.values() for m in ms]
    state.mentions.update(ent.name_part_mentions(state.sentences, state.mentions, all_mentions, state.article.text))


@component("titles", "mentions")
def _titles(state: ArticleState) -> None:
    """"Presiden Kazakhstan" with no name: the person the article names as President of Kazakhstan."""
    holders: dict[tuple[str, str], set[str]] = {}
    for h in state.holdings:
        if h.employer is not None and h.employer.entity:
            holders.setdefault((h.role, h.employer.entity), set()).add(h.person.text)
        elif h.employer is None and h.role in DOMESTIC_ROLES:  # "Menteri Perindustrian X": the home state's
            holders.setdefault((h.role, HOME_STATE), set()).add(h.person.text)
    for index, found in state.titles.items():
        for t in found:
            names = holders.get((t.role, t.employer.entity if t.employer is not None else HOME_STATE), set())
            if len(names) != 1:
                continue  # nobody, or more than one person, holds it here
            s = next(x for x in state.sentences if x.index == index)
            m = mention(s, t.first, t.last, "Person", source="title")
            m.text = max(names, key=len)
            ms = state.mentions[index]
            # the state in the title stays an entity of the article ("Presiden Peru, X"), not an argument
            state.nested.extend(x for x in ms if t.first <= x.first and x.last <= t.last and x.entity)
            ms[:] = [x for x in ms if x.last < t.first or x.first > t.last]
            ms.append(m)
            ms.sort(key=lambda x: x.first)


@component("groups", "mentions")
def _groups(state: ArticleState) -> None:
    """"Kedua pemimpin" / "kedua negara": placeholders for the article's pair of leaders or states."""
    for s in state.sentences:
        ent.group_mentions(s, state.mentions[s.index], state.article.text)


@component("home_government", "mentions")
def _home_government(state: ArticleState) -> None:
    """"Pemerintah telah menetapkan ...": in Indonesian news a bare "pemerintah" is Indonesia's government,
    where the article names Indonesia and the sentence names no other state (not "pemerintah daerah",
    "pemerintah Otieno", "pemerintah Kenya")."""
    home = HOME_STATE
    if not any(m.entity == home for ms in state.mentions.values() for m in ms):
        return
    local = markers("local-government")
    for s in state.sentences:
        mentions = state.mentions[s.index]
        if any(m.type == "Country" and m.entity and m.entity != home for m in mentions):
            continue
        taken = {i for m in mentions for i in range(m.first, m.last + 1)}
        for w in s.words:
            if norm(w.text) != "pemerintah" or w.index in taken:
                continue
            nxt = s.words[w.index] if w.index < len(s.words) else None
            if nxt is not None and (nxt.index in taken or norm(nxt.text) in local or nxt.text[:1].isupper()):
                continue
            m = mention(s, w.index, w.index, "Country", home, "home")
            m.text = state.article.text[m.start:m.end]
            mentions.append(m)
        mentions.sort(key=lambda m: m.first)


@component("pronouns", "mentions")
def _pronouns(state: ArticleState) -> None:
    for s in state.sentences:
        ent.pronoun_mentions(s, state.mentions[s.index], state.article.text)


#: Roles whose holders are "the leaders" of their states.
LEADER_ROLES = roles_flagged("leader")
#: Offices of a city or a province.
LOCAL_ROLES = roles_flagged("local")
#: Offices of the Indonesian state, which Indonesian news names without the state.
DOMESTIC_ROLES = roles_flagged("domestic")
#: Offices whose name says they are the home state's ("Panglima TNI").
HOME_ROLES = roles_flagged("home")
#: Offices only a state has: its leaders and its cabinet.
STATE_ROLES = LEADER_ROLES | DOMESTIC_ROLES
#: The state whose press the extractor reads: an office named with no state is this state's.
HOME_STATE = "country:ID"


def article_groups(state: ArticleState, corpus: Corpus) -> dict[str, list[str]]:
    """Members of ``group:leaders`` (the two most-mentioned leaders) and ``group:states``."""
    all_mentions = [m for ms in state.mentions.values() for m in ms]
    counts: dict[str, int] = {}
    for m in all_mentions:
        if m.type == "Person" and not m.entity.startswith("group:"):
            counts[m.entity] = counts.get(m.entity, 0) + 1
    leaders = sorted({h.person.entity for h in state.holdings if h.role in LEADER_ROLES},
                     key=lambda k: (-counts.get(k, 0), k))[:2]
    focus = pairs.article_focus(all_mentions, corpus.entities).focus
    return {"group:leaders": leaders if len(leaders) == 2 else [],
            "group:states": list(focus) if focus else []}


@component("role_facts", "facts")
def _role_facts(state: ArticleState, corpus: Corpus) -> None:
    """holdsRole from appositions; a role with no employer takes the one the person has elsewhere, or,
    for an office of the Indonesian state in an article that names Indonesia, Indonesia."""
    article_entities = {corpus.entities[m.entity].stands_for or m.entity
                        for ms in state.mentions.values() for m in ms if m.entity in corpus.entities}
    for h in state.holdings:
        employer = h.employer.entity if h.employer else corpus.employers.get(h.person.entity)
        home_office = not h.employer and h.role in HOME_ROLES and HOME_STATE in article_entities
        if home_office:
            employer = HOME_STATE  # "Panglima TNI X ... ke AS": the office names its state
        if not h.employer and employer and h.role in STATE_ROLES and corpus.entities[employer].type != "Country":
            employer = None  # "Menko Polhukam Wiranto": a minister of a state, not of the body he chairs elsewhere
        confidence = 0.9 if h.employer or home_office else 0.6
        if not employer and h.partner is not None:  # listed with "dan" after someone of a known state
            p = h.partner
            employer = p.employer.entity if p.employer else corpus.employers.get(p.person.entity)
            confidence = 0.5
        if not employer:
            employer, confidence = _implied_employer(state, corpus, h, article_entities)
        if not employer:
            continue
        if h.role.removeprefix("former ") not in LOCAL_ROLES:  # "Gubernur Jakarta" serves Jakarta
            employer = corpus.entities[employer].stands_for or employer
        s = next(x for x in state.sentences if x.index == h.person.sentence)
        state.facts.append(Fact(
            article=state.article.id, predicate="holdsRole", subject=h.person.entity, object=employer,
            sentence=s.index, evidence=s.text, start=s.start, end=s.end, role=h.role,
            confidence=confidence, rule="holdsRole:apposition"))


def _implied_employer(state: ArticleState, corpus: Corpus, h: roles.RoleHolding,
                      article_entities: set[str]) -> tuple[str | None, float]:
    """The state of a role named with none: the one state its sentence names ("Perdana Menteri Shinzo
    Abe mengatakan Jepang ..."), or, for an office of the Indonesian state, Indonesia where the article
    names it and the sentence names no other state ("Menteri Pariwisata Andi Rahman")."""
    sentence = next(x for x in state.sentences if x.index == h.person.sentence)
    mentions = state.mentions.get(h.person.sentence, [])
    employers = {id(x.employer) for x in state.holdings if x.employer is not None}
    named = {id(m): key for m in mentions
             if m.entity in corpus.entities and (key := pairs.state_of(m, corpus.entities))}
    actors = {key for m in mentions if id(m) in named and id(m) not in employers  # Rutte's in "PM Belanda Mark Rutte"
              and not relations.named_as_place(sentence, mentions, m) for key in [named[id(m)]]
              # "Shinzo Abe mengatakan Jepang ingin ...": the state acts as a subject, not as what is visited
              if any(sentence.word(i).deprel.startswith("nsubj") for i in range(m.first, m.last + 1))}
    if len(actors) == 1:
        return next(iter(actors)), 0.45
    # "Presiden Budi Santoso dan Perdana Menteri Peru Ana Soto": a state that names another holder's
    # employer says nothing of this one's
    others = {key for i, key in named.items() if i not in employers}
    if h.role in DOMESTIC_ROLES and HOME_STATE in article_entities and others <= {HOME_STATE}:
        return HOME_STATE, 0.5
    if h.role in roles.BARE_TITLES and HOME_STATE in others:
        # "Menteri Pariwisata Andi Rahman mendukung kerja sama antara Indonesia dan Peru": a minister
        # named with no state, in a sentence that names the home state, is the home state's
        return HOME_STATE, 0.45
    return None, 0.0


#: Acts between parties of which one at least must be a state, a body or someone holding an office:
#: "Jonatan bertemu Ginting" (a badminton draw) and "Ed Sheeran menyambangi Peru" are no diplomacy.
OFFICIAL_ACTS = relations_flagged("official")


def _official(fact: Fact, corpus: Corpus, office_holders: set[str]) -> bool:
    """Whether a party of ``fact`` is a state or body, or a person known to hold an office."""
    parties = (fact.subject,) if fact.predicate == "visits" else (fact.subject, fact.object)
    return any(corpus.entities[k].type != "Person" or k in office_holders or k in corpus.employers
               for k in parties)


#: Rules whose subject is where an event took place: the city stays a city ("KTT X di Nairobi").
VENUE_RULES = frozenset({"hosts:venue", "hosts:place-of-attended-event"})


@component("relations", "facts")
def _relations(state: ArticleState, corpus: Corpus) -> None:
    groups = article_groups(state, corpus)
    office_holders = {h.person.entity for h in state.holdings}  # with or without a state found
    serves: dict[str, set[str]] = {}
    for f in state.facts:
        if f.predicate == "holdsRole":
            serves.setdefault(f.subject, set()).add(f.object)
    for person, employer in corpus.employers.items():
        serves.setdefault(person, set()).add(corpus.entities[employer].stands_for or employer)
    attended: tuple[Fact, Mention] | None = None  # the last attendance found, and its event's mention
    quoted = quotes.quoted_speakers(state.sentences, state.mentions, state.article.text)
    for s in state.sentences:
        # "Saya bicara dengan X," kata Y: "saya" is Y
        mentions = state.mentions[s.index] + [mention(s, w, w, "Person", key, "speaker")
                                              for (k, w), key in quoted.items() if k == s.index]
        pointers = occasions(s, attended[1]) if attended and s.index - attended[0].sentence <= OCCASION_REACH else []
        groups["group:both"] = named_before(state, s.index)
        found = relations.find_relations(state.article, s, mentions + pointers, groups)
        for fact in found:
            if pointers and fact.object == attended[0].object and fact.date is None and fact.period is None:
                # "Pada kesempatan tersebut, turut hadir X": on the day of that event
                fact.date, fact.date_end, fact.period = attended[0].date, attended[0].date_end, attended[0].period
        found += relations.bilateral_meetings(state.article, s, mentions, serves)
        found += relations.located_in(state.article, s, state.mentions[s.index])
        found += relations.event_venues(state.article, s, state.mentions[s.index])
        for fact in found:
            if fact.subject not in corpus.entities or fact.object not in corpus.entities:
                continue  # a party that is no entity of the corpus (an unresolved group): no fact
            for attr in ("subject", "object"):
                key = getattr(fact, attr)
                # a capital standing for its state as an actor ("Beijing menilai")
                stands_for = corpus.entities[key].stands_for
                if stands_for and fact.predicate not in ("visits", "locatedIn") and fact.rule not in VENUE_RULES:
                    setattr(fact, attr, stands_for)
            if fact.predicate in OFFICIAL_ACTS and not _official(fact, corpus, office_holders):
                continue
            if fact.predicate in ("meets", "visits") and fact.object in serves.get(fact.subject, ()):
                continue  # nobody visits or meets the state they serve ("bertemu dengan mahasiswa Indonesia")
            state.facts.append(fact)
            event = next((m for m in mentions if m.entity == fact.object), None)
            if fact.predicate == "attends" and event is not None:
                attended = (fact, event)


def named_before(state: ArticleState, index: int, reach: int = 3) -> list[str]:
    """"Keduanya" (the two of them): the two people named together in the nearest sentence before ``index``
    that names two, within ``reach`` sentences (one that goes on about one of them is passed over); none
    when a sentence in between names more than two."""
    for k in range(index - 1, max(index - reach, 0) - 1, -1):
        people = list(dict.fromkeys(m.entity for m in state.mentions.get(k, [])
                                    if m.type == "Person" and m.entity and not m.entity.startswith("group:")))
        if len(people) >= 2:
            return people if len(people) == 2 else []
    return []


#: How many sentences back "pada kesempatan tersebut" may find the event an attendance was reported at.
OCCASION_REACH = 5
#: Nouns that with a demonstrative point back at an event ("pada kesempatan tersebut").
OCCASIONS = markers("occasion")


def occasions(sentence: Sentence, event: Mention) -> list[Mention]:
    """"Pada kesempatan tersebut, turut hadir X": a noun of ``markers.tsv`` occasion with a demonstrative
    after it names the event an attendance was reported at last (a mention of it there, for the rules only)."""
    return [mention(sentence, w.index, w.index + 1, event.type, event.entity, "pointer")
            for w in sentence.words[:-1]
            if norm(w.text) in OCCASIONS and norm(sentence.word(w.index + 1).text) in ent.DEMONSTRATIVES]


@component("pairs", "facts")
def _pairs(state: ArticleState, corpus: Corpus) -> None:
    """cooperatesOn / partnerOf / agreesWith between the states a sentence or its article is about."""
    all_mentions = [m for ms in state.mentions.values() for m in ms]
    ctx = pairs.article_focus(all_mentions, corpus.entities)
    ctx.serves = {f.subject: f.object for f in state.facts
                  if f.predicate == "holdsRole" and corpus.entities[f.object].type == "Country"}
    for s in state.sentences:
        state.facts.extend(pairs.find_pair_relations(state.article, s, state.mentions[s.index], corpus.entities, ctx))


@component("memberships", "facts")
def _memberships(state: ArticleState, corpus: Corpus) -> None:
    """memberOf between a state and a body of ``data/memberships.tsv`` named in one sentence, when the
    state belonged to the body on the article's day (``memberships.py``)."""
    for s in state.sentences:
        state.facts.extend(memberships.membership_facts(state.article, s, state.mentions[s.index], corpus.entities))


#: How many sentences back an undated act may take its day from ("Kedua pemimpin menandatangani ...",
#: right after "... pembicaraan mereka pada hari Rabu").
EVENT_TIME_REACH = 3


#: Nouns that point back at the meeting or the visit an article reports (``data/pointers.tsv``): word -> kind.
POINTERS = {norm(w): row["kind"] for row in table("pointers.tsv", ("kind", "words"))
            for w in row["words"].split(";") if w.strip()}
#: Relation -> the kind of pointing noun that names it (``data/relations.tsv``).
KINDS = {r.name: r.pointed_as for r in RELATION_TYPES.values() if r.pointed_as}


@component("event_time", "facts")
def _event_time(state: ArticleState, corpus: Corpus) -> None:
    """An act in a sentence that names no time happened on the day of the act reported just before it."""
    from .dates import normalise

    timeless = {s.index for s in state.sentences if not normalise(s.text, state.article.date)}
    # "Sebagai penutup pertemuan, ...", "Kazakhstan mementingkan kunjungan tersebut, ...": a sentence that
    # points back at the meeting or the visit takes its (first) day
    pointing = {s.index: next(POINTERS[norm(w.text)] for w in s.words[:6] if norm(w.text) in POINTERS)
                for s in state.sentences if any(norm(w.text) in POINTERS and w.index > 1 for w in s.words[:6])}
    same_day = {s.index for s in state.sentences
                if any(p in " ".join(norm(w.text) for w in s.words) for p in markers("same-day"))}
    current: tuple[int, object] | None = None
    last: dict[str, object] = {}
    for f in sorted(state.facts, key=lambda f: (f.sentence, f.trigger)):
        if f.predicate not in merge.DATED or f.modality != "asserted":
            continue  # a planned act has not happened on the day of the last one
        if f.date is not None:
            current = (f.sentence, f.date)
            kind = KINDS.get(f.predicate)
            if kind == "visit":
                last.setdefault(kind, f.date)  # "kunjungan tersebut": the visit, from its first day
            elif kind:
                last[kind] = f.date  # "usai pertemuan": the meeting reported last
        elif f.sentence in timeless and f.period is None:
            if f.sentence in pointing and pointing[f.sentence] in last:
                f.date = last[pointing[f.sentence]]
            elif current is not None and (0 <= f.sentence - current[0] <= EVENT_TIME_REACH
                                          or f.sentence in same_day):  # "di hari yang sama"
                f.date = current[1]
            else:
                continue
            f.rule += "+date-from-context"


#: Relations done by being said (``data/relations.tsv``: stated).
STATED = relations_flagged("stated")


@component("said_time", "facts")
def _said_time(state: ArticleState, corpus: Corpus) -> None:
    """An accord reported in someone's words with no time of its own was reached on the one day the
    article gives for that speaker's words elsewhere ("X mengatakan, A dan B sepakat ..." ... "kata X
    di Nairobi, Kamis (3/8)")."""
    from .dates import when_near, year_hint

    undated = [f for f in state.facts if f.predicate in STATED and f.date is None and f.period is None
               and f.modality == "asserted"]
    if not undated:
        return
    article = state.article
    hint = None if article.date else year_hint(article.text)
    heard: dict[int, dict[str, int]] = {}
    said_on: dict[str, set] = {}
    for s in state.sentences:
        heard[s.index] = quotes.speakers(s, state.mentions.get(s.index, []))
        for who, offset in heard[s.index].items():
            when = when_near(s.text, article.date, offset - s.start, hint)
            if when is not None and when.day is not None:
                said_on.setdefault(who, set()).add(when.day)
    for f in undated:
        days = set().union(*(said_on.get(who, set()) for who in heard.get(f.sentence, {})))
        if len(days) == 1:
            f.date = days.pop()
            f.rule += "+date-of-speech"


@component("events", "facts")
def _events(state: ArticleState, corpus: Corpus) -> None:
    """Modality from the words around each trigger (a denied act is no fact; a planned one says so in
    its role), then the PLOVER type, mode and CAMEO code of ``data/plover.tsv``."""
    by_index = {s.index: s for s in state.sentences}
    kept = []
    for f in state.facts:
        mod, stands = events.modality(by_index[f.sentence], f.trigger)
        if not stands:
            continue
        f.modality = mod
        if mod != "asserted" and f.predicate in ACTS and not f.role:
            f.role = mod
        coding = events.code(f, corpus.entities)
        if coding:
            f.plover, f.mode, f.cameo = coding.plover, coding.mode, coding.cameo
        kept.append(f)
    state.facts = kept


@component("calibrate", "facts")
def _calibrate(state: ArticleState, corpus: Corpus) -> None:
    """Each fact's confidence becomes the probability ``data/calibration.tsv`` gives it (``calibration.py``)."""
    for f in state.facts:
        f.confidence = calibration.calibrated(f, corpus.entities)


@component("dedupe", "facts")
def _dedupe(state: ArticleState, corpus: Corpus) -> None:
    """One fact per statement: the same relation between the same pair with the same role once per
    article, keeping the most confident and most complete reading (the earliest on a tie)."""
    best: dict[tuple, Fact] = {}
    def strength(f: Fact) -> tuple:
        return (f.confidence, f.date is not None, f.place is not None)

    for f in sorted(state.facts, key=lambda f: f.sentence):
        k = f.key()[:5] if f.predicate in ROLE_DISTINCT else f.key()[:4]
        if k not in best or strength(f) > strength(best[k]):
            best[k] = f
    facts = list(best.values())
    held: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "holdsRole" and f.role:
            held.setdefault(f.subject, set()).add(f.role)
    # "Menteri Wang" after "Menteri Luar Negeri Wang Yi": the bare title adds nothing
    facts = [f for f in facts if not (f.predicate == "holdsRole" and f.role and any(
        r != f.role and r.endswith(" " + f.role) for r in held.get(f.subject, ())))]
    state.facts = sorted(facts, key=lambda f: (f.sentence, f.predicate, f.subject, f.object, f.role or ""))


def _where(state: ArticleState, m: Mention) -> bool:
    """A city inside a name is an entity of the article where the name says it is there ("Pusat
    Kebudayaan Tiongkok di Astana"), not where the name is only named after it ("Konvensi Wina");
    states, regions and bodies inside names always are ("KTT China-Asia Tengah")."""
    if m.type != "City":
        return True
    s = next(x for x in state.sentences if x.index == m.sentence)
    return m.first > 1 and s.word(m.first - 1).text.lower() == "di"


def _each(states: list[ArticleState], name: str, call: Callable[[ArticleState], None], contain: bool) -> None:
    """``call`` on each state no component has failed on; with ``contain``, a failure marks the state."""
    for st in states:
        if not st.failed:
            _contained(st, name, call, contain)


def _contained(st: ArticleState, name: str, call: Callable[[ArticleState], None], contain: bool) -> bool:
    """``call(st)``; with ``contain``, a failure marks the state (False) instead of going up."""
    try:
        call(st)
        return True
    except Exception as err:
        if not contain:
            raise
        st.failed = f"extraction failed in '{name}': {type(err).__name__}: {err}"
        return False


def _check(components: Sequence[str]) -> None:
    unknown = [c for c in components if c not in REGISTRY]
    if unknown:
        raise KeyError(f"unknown component(s) {unknown}; registered: {sorted(REGISTRY)}")


def mention_states(articles: Sequence[Article], sentences: Sequence[list[Sentence]],
                   components: Sequence[str] = DEFAULT_COMPONENTS, contain: bool = False) -> list[ArticleState]:
    """The per-article phase: each article's state once its mention components have run (they read
    nothing of the other articles, so ``mention_cache`` may keep their result)."""
    _check(components)
    states = [ArticleState(a, s) for a, s in zip(articles, sentences)]
    for name in components:
        phase, fn = REGISTRY[name]
        if phase == "mentions":
            _each(states, name, fn, contain)
    return states


def finish(states: list[ArticleState], components: Sequence[str] = DEFAULT_COMPONENTS,
           contain: bool = False) -> Extraction:
    """The cross-article phase, on states after ``mention_states``: entities resolved over the corpus,
    then the fact components on each article, then the merge of facts across articles."""
    _check(components)
    by_article = {st.article.id: [m for ms in st.mentions.values() for m in ms] + st.nested
                  for st in states if not st.failed}
    corpus = Corpus(resolve(by_article, gazetteer.load()), {})
    for st in states:
        for h in st.holdings if not st.failed else ():
            if h.employer:
                corpus.employers.setdefault(h.person.entity, h.employer.entity)
    fact_components = [(name, fn) for name in components for phase, fn in [REGISTRY[name]] if phase == "facts"]
    kept: dict[int, list[Mention]] = {}
    for st in states:  # an article at a time (fact components read only their article and the corpus)
        if st.failed or (st.stored and not _contained(st, "facts", _read_sentences, contain)):
            continue
        if all(_contained(st, name, lambda st, fn=fn: fn(st, corpus), contain) for name, fn in fact_components):
            kept[id(st)] = ([m for ms in st.mentions.values() for m in ms
                             if not m.entity.startswith("group:") and m.source != "pronoun"]
                            + [m for m in st.nested if _where(st, m)])
            cited = {f.sentence for f in st.facts}
            st.sentences = [s for s in st.sentences if s.index in cited]  # the evidence: all the outputs read
    failed = [{"source": st.article.path or st.article.id, "reason": st.failed} for st in states if st.failed]
    states = [st for st in states if not st.failed]
    merge.merge(f for st in states for f in st.facts)
    results = [ArticleResult(st.article, st.sentences, kept[id(st)], st.facts) for st in states]
    forget_memos()
    return Extraction(results, corpus.entities, failed)


def forget_memos() -> None:
    """Empty the rules' memos once the facts are found: they fill with the corpus's words and sentences
    (``norm`` up to 131,072 words, ``dates`` up to 8,192 sentences), and nothing after the fact phase
    needs them (a build's memory stays flat with the corpus; docs/benchmarks.md)."""
    from . import dates

    norm.cache_clear()
    dates.forget_memos()


def _read_sentences(st: ArticleState) -> None:
    st.sentences, st.stored = st.stored(), None


def run(articles: Sequence[Article], sentences: Sequence[list[Sentence]],
        components: Sequence[str] = DEFAULT_COMPONENTS, contain: bool = False) -> Extraction:
    """Run the components over analysed articles (``sentences[i]`` belongs to ``articles[i]``). With
    ``contain``, an article a component fails on is left out and listed in ``Extraction.failed`` (one
    article's surprise does not end a corpus run); without, the error goes up."""
    return finish(mention_states(articles, sentences, components, contain), components, contain)


def cached_states(articles: Sequence[Article], cache: AnalysisCache | None, analyse: AnalyseBatches,
                  chunk: int = 32, components: Sequence[str] = DEFAULT_COMPONENTS,
                  contain: bool = False) -> list[ArticleState]:
    """Each article's state after the mention phase: from the mention cache beside ``cache`` where it
    has the article (no analysis read, no mention component run), else from the analysis (``cache``'s,
    else ``analyse``'s, chunk by chunk) and the mention components, run on each chunk as it comes back
    (while ``analyse`` may go on with the next) and kept in the cache."""
    from .mention_cache import MentionCache

    _check(components)
    # the mention components by name and function: one registered in place of another is not the same work
    names = tuple(f"{n}={fn.__module__}.{fn.__qualname__}" for n in components
                  for phase, fn in [REGISTRY[n]] if phase == "mentions")
    mentions = MentionCache.beside(cache) if cache is not None else None
    kept = [mentions.get(a, names) if mentions else None for a in articles]
    found = [ArticleState(a, [], **fields) if fields else None for a, fields in zip(articles, kept)]

    def run_mentions(todo: list[int], sentences: list[list[Sentence]]) -> None:
        for i, st in zip(todo, mention_states([articles[i] for i in todo], sentences, components, contain)):
            found[i] = st
            if mentions and not st.failed:
                st.stored = mentions.put(st, names)
                st.sentences = []  # on disk until the fact phase reads this article's

    missing = [i for i, st in enumerate(found) if st is None]
    analysis = [cache.get(articles[i].text) if cache else None for i in missing]
    run_mentions([i for i, s in zip(missing, analysis) if s is not None], [s for s in analysis if s is not None])
    del analysis
    for todo, sentences in analysed(articles, [i for i in missing if found[i] is None], cache, analyse, chunk):
        run_mentions(todo, sentences)
    return found


def extract(articles: Sequence[Article], pipeline=None, batch_size: int = 32, progress=None,
            cache: AnalysisCache | None = None, load: Callable[[], object] | None = None,
            contain: bool = False) -> Extraction:
    """Articles -> Extraction: Stanza (batched; articles ``cache`` holds are not analysed again), then
    the components. ``progress`` gets the articles done, batch by batch (the cached ones at the end).
    ``pipeline`` is a loaded Stanza pipeline, or ``load`` makes one when the first article that needs
    it comes (a fully cached rebuild loads no model)."""
    from .models import load_pipeline
    from .nlp import analyse

    loaded = [pipeline] if pipeline is not None else []
    fresh: set[str] = set()

    def noted(batches: Iterable[Sequence[Article]]) -> Iterator[Sequence[Article]]:
        for batch in batches:
            fresh.update(a.id for a in batch)
            yield batch

    def stanza_on(batches: Iterable[Sequence[Article]]) -> Iterator[list[list[Sentence]]]:
        if not loaded:
            loaded.append((load or load_pipeline)())
        batches = noted(batches)
        if hasattr(loaded[0], "analyse_batches"):  # worker processes (extract/parallel.py)
            return loaded[0].analyse_batches(batches, batch_size=batch_size, progress=progress)
        return (analyse(loaded[0], batch, batch_size=batch_size, progress=progress) for batch in batches)

    try:
        states = cached_states(articles, cache, stanza_on, chunk=batch_size, contain=contain)
    finally:
        if pipeline is None and loaded and hasattr(loaded[0], "close"):
            loaded[0].close()  # the worker processes end with the analysis
    cached = [a for a in articles if a.id not in fresh]
    if progress and cached:
        progress(cached)
    return finish(states, contain=contain)
