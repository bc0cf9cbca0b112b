"""Relations from the dependency parse, driven by the rule table ``data/triggers.tsv``."""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, replace

from .dates import when_near, year_hint
from .entities import copular_predicate, predicate_type
from .records import SYMMETRIC, Article, Fact, Mention, Sentence, Word
from .tables import DATA, markers, norm, table

PLACE_TYPES = ("City", "Country", "Region")


@dataclass(frozen=True)
class Rule:
    relation: str
    triggers: tuple[tuple[str, ...], ...]
    subject: str
    objects: tuple[str, ...]
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    role: str | None
    confidence: float


@functools.lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    out = []
    with open(DATA / "triggers.tsv", encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = (line.rstrip("\n").split("\t") + [""] * 8)[:8]
            rel, trig, subj, objs, stypes, otypes, role, conf = cols
            if not conf:
                raise ValueError(f"{DATA / 'triggers.tsv'}:{lineno}: expected 8 tab-separated columns")
            out.append(Rule(rel, tuple(tuple(t.split()) for t in trig.split(";") if t), subj,
                            tuple(objs.split("|")), tuple(stypes.split("|")), tuple(otypes.split("|")),
                            role or None, float(conf)))
    return tuple(out)


def _trigger_hits(sentence: Sentence) -> list[tuple[Rule, Word]]:
    """(rule, first word of the trigger) for each trigger; at one word the table's first rule of each
    relation wins (a passive verb shares its lemma with the active one), and rules of other relations
    are tried too ("berbicara dengan X" is a talk, "berbicara dalam KTT" attending it)."""
    words = sentence.words
    index = _trigger_index()
    hits = []
    for i, w in enumerate(words):
        text, lemma = norm(w.text), norm(w.lemma)
        candidates = index.get(text, []) + (index.get(lemma, []) if lemma != text else [])
        matched: set[str] = set()
        for _, rule, trigger in sorted(candidates, key=lambda c: c[0]):
            if rule.relation not in matched and _matches(words[i:i + len(trigger)], trigger):
                hits.append((rule, w))
                matched.add(rule.relation)
    return hits


@functools.lru_cache(maxsize=1)
def _trigger_index() -> dict[str, list[tuple[int, Rule, tuple[str, ...]]]]:
    """First word of each trigger -> (rule's place in the table, rule, trigger)."""
    index: dict[str, list[tuple[int, Rule, tuple[str, ...]]]] = {}
    for order, rule in enumerate(rules()):
        for trigger in rule.triggers:
            index.setdefault(trigger[0], []).append((order, rule, trigger))
    return index


def _matches(span: list[Word], trigger: tuple[str, ...]) -> bool:
    return len(span) == len(trigger) and all(
        norm(x.text) == t or norm(x.lemma) == t for x, t in zip(span, trigger))


@functools.cache
def _party_or_title() -> frozenset[str]:
    """Party nouns and role titles: the heads under which a person is a party ("kunjungan Presiden X")."""
    from .entities import title_words

    return party_nouns() | title_words()


@functools.cache
def party_nouns() -> frozenset[str]:
    """Common nouns whose modifier is a party to the act (``data/party_nouns.tsv``)."""
    rows = table("party_nouns.tsv", ("words",))
    return frozenset(norm(w) for row in rows for w in row["words"].split(";") if w.strip())


def has_own_subject(sentence: Sentence, verb: Word) -> bool:
    """Whether a verb has a subject of its own, not a relative pronoun ("para pejabat ... menggelar X"):
    it takes no party from the clause above or from nearby."""
    return verb.upos == "VERB" and any(c.deprel.split(":")[0] == "nsubj" and c.upos != "PRON"
                                       for c in sentence.children(verb.index))


class _Args:
    """Finds the mentions that fill a trigger's slots."""

    def __init__(self, sentence: Sentence, mentions: list[Mention]):
        self.s = sentence
        self.mentions = mentions
        self.by_word = {i: m for m in mentions for i in range(m.first, m.last + 1)}

    def subtree(self, head: int, into_phrases: bool = True) -> list[int]:
        """Word indices under ``head``; without ``into_phrases``, prepositional phrases below the head
        are left out ("kunjungan empat harinya ke Kazakhstan": Kazakhstan is not who visits)."""
        out, todo = [], [head]
        while todo:
            i = todo.pop()
            out.append(i)
            for w in self.s.words:
                if w.head == i and w.index not in out and (
                        into_phrases or not any(c.deprel == "case" for c in self.s.children(w.index))):
                    todo.append(w.index)
        return sorted(out)

    def mention_for(self, word: int, types: tuple[str, ...]) -> Mention | None:
        """The mention a slot's head word stands for: the head's own or one in its subtree, the
        type listed first preferred ("Kanselir Jerman Olaf Scholz": the person, not the state)."""
        found = [self.by_word[i] for i in self.subtree(word, into_phrases=False) if i in self.by_word]
        found = [m for m in found if m.type in types and not self._inside_a_name(m)]
        own = self.by_word.get(word)
        # the head word's own mention first ("mendarat di Mombasa, Kenya": Mombasa, not Kenya);
        # else the type listed first ("Kanselir Jerman Olaf Scholz": the person under the title)
        found.sort(key=lambda m: (m is not own, types.index(m.type), abs(m.first - word)))
        return found[0] if found else None

    def _inside_a_name(self, m: Mention) -> bool:
        """"pameran Kenya Classic Bus Show": a state's name that opens a longer name the parser
        chains to it (capitalised words that are no mention of their own) stands for no party."""
        if m.type != "Country":
            return False
        tail = [w for w in self.subtree(m.last, into_phrases=False) if w > m.last]
        named = [w for w in tail if self.s.word(w).deprel.startswith("flat") and w not in self.by_word
                 and self.s.word(w).text[:1].isupper()]
        return len(named) >= 2  # one capitalised word may be the parser's slip ("Kenya Sabtu": in Kenya on Saturday)

    def with_conj(self, word: Word) -> list[Word]:
        """``word`` and the words coordinated with it; a plural noun that lists its members ("negara-negara
        sekutu, yaitu A, B dan C", "berbagai negara termasuk A dan B") stands for them instead."""
        members = self._listed(word)
        out: list[Word] = []
        for w in members or [word]:
            out += [w] + [c for c in self.s.words if c.head == w.index and c.deprel == "conj"]
        return out

    def _listed(self, word: Word) -> list[Word]:
        """The members a common noun lists after a listing word (``markers.tsv``): its appositions or
        modifiers introduced by "yaitu"/"seperti", or the object of its "termasuk"."""
        if word.upos not in ("NOUN", "PROPN") or word.index in self.by_word:
            return []
        listing = markers("listing")
        out = []
        for c in self.s.children(word.index):
            rel = c.deprel.split(":")[0]
            marked = {norm(x.text) for x in self.s.children(c.index) if x.deprel in ("case", "mark", "cc")}
            lead = [norm(self.s.word(k).text) for k in range(max(word.index + 1, c.index - 2), c.index)]
            marked |= {lead[-1], " ".join(lead[-2:])} if lead else set()
            if rel in ("appos", "nmod") and marked & listing and c.index in self.by_word:
                out.append(c)
            elif rel == "acl" and norm(c.text) in listing:
                out += [x for x in self.s.children(c.index) if x.deprel == "obj" and x.index in self.by_word]
        return out

    def fill(self, trigger: Word, slot: str, types: tuple[str, ...], nominal_object: bool = False) -> list[Mention]:
        anchors = [trigger]
        word = trigger
        if trigger.upos == "NOUN" and trigger.head:
            word = self.s.word(trigger.head)
            anchors.append(word)  # "mengadakan pembicaraan": the light verb
        if slot == "nsubj" and not has_own_subject(self.s, trigger):
            # "X tiba di A ... dan menghadiri B", "X bertemu ..., dan menyaksikan peluncuran B":
            # coordinated verbs share X (a verb with a subject of its own does not)
            while word.head and word.deprel in ("conj", "xcomp", "advcl") and len(anchors) < 4:
                word = self.s.word(word.head)
                anchors.append(word)
        if slot == "nsubj" and trigger.deprel.split(":")[0] in ("xcomp", "advcl") and trigger.head:
            # object control: "mengatakan Australia mendukung X", "meminta Jepang membantu", "mendorong
            # wisatawan Tiongkok mengunjungi X": the matrix verb's object is who does the open clause
            for child in self.s.children(trigger.head):
                if child.deprel == "obj" and child.index < trigger.index:
                    m = self.mention_for(child.index, types)
                    if m is not None:
                        return [m]
        for k, anchor in enumerate(anchors):
            out = self._fill_at(anchor, trigger, slot, types, nominal_object)
            if out:
                return out
            if k == 0 and slot == "nsubj" and trigger.upos == "VERB":
                out = self._just_before(trigger, types)
                if out:
                    return out
        return []

    def _just_before(self, trigger: Word, types: tuple[str, ...]) -> list[Mention]:
        """"dengan Presiden Tokayev secara pribadi menyapa Xi": a verb with no subject of its own takes
        the party named right before it, across adverbs only."""
        i = trigger.index - 1
        while i >= 1 and i not in self.by_word and self.s.word(i).upos in ("ADV", "ADP", "ADJ", "AUX", "PART") \
                and trigger.index - i <= 4:
            i -= 1
        m = self.by_word.get(i)
        return [m] if m is not None and m.type in types and m.type == "Person" else []

    def _cases(self, word: Word) -> list[str]:
        """The prepositions (``case`` dependents) of ``word``, lower-cased."""
        return [c.text.lower() for c in self.s.children(word.index) if c.deprel == "case"]

    def _case_child(self, word: Word, slot: str) -> list[Word]:
        """Nominal dependents of ``word`` introduced by the preposition ``slot``."""
        out: list[Word] = []
        for child in self.s.children(word.index):
            if child.deprel.split(":")[0] in ("obl", "nmod") and slot in self._cases(child):
                out.extend(self.with_conj(child))
        return out

    @staticmethod
    def _nearest_subject(anchor: Word, children: list[Word]) -> Word | None:
        """A predicate has one subject: where the parser gives two ("Atas undangan Presiden X, Y,
        Z melakukan kunjungan": the appositive Y read as a subject too), the one nearest wins."""
        subjects = [c for c in children if c.deprel.split(":")[0] == "nsubj"]
        return min(subjects, key=lambda c: abs(c.index - anchor.index), default=None)

    def _fill_at(self, anchor: Word, trigger: Word, slot: str, types: tuple[str, ...],
                 nominal_object: bool = False) -> list[Mention]:
        heads: list[Word] = []
        children = self.s.children(anchor.index)
        subject = self._nearest_subject(anchor, children)
        # "memberikan dukungan penuh kepada Indonesia": the light verb carries the nominal's preposition
        light = (trigger.upos == "NOUN" and anchor.index == trigger.head
                 and trigger.deprel.split(":")[0] == "obj")
        for child in children:
            if child.index == trigger.index:
                continue  # "bahwa kunjungan X ke Y mencerminkan ...": the trigger is not its own subject
            rel = child.deprel.split(":")[0]
            if rel == "nsubj" and child is not subject:
                continue
            bare_modifier = (anchor is trigger and trigger.upos == "NOUN" and rel in ("nmod", "compound", "flat")
                             and not any(c.deprel == "case" for c in self.s.children(child.index)))
            if slot == "nsubj" and rel == "nsubj" and child.text.lower() == "yang" and anchor.head \
                    and anchor.deprel.startswith("acl"):
                heads.append(self.s.word(anchor.head))  # "Kanada, yang didukung oleh X": Canada
            elif slot == "nsubj" and rel == "nsubj":
                heads.extend(self.with_conj(child))
            elif slot == "nsubj" and bare_modifier and not nominal_object:
                heads.extend(self.with_conj(child))  # "kunjungan Presiden Xi ke ...": the visitor
            elif slot == "nmod" and bare_modifier:
                heads.extend(self.with_conj(child))  # "peresmian Pusat Kebudayaan X": what is opened
            elif slot == "obj" and rel == "obj" and anchor is trigger:
                heads.extend(self.with_conj(child))
            elif slot not in ("nsubj", "obj", "nmod") and rel == "obj" and anchor is trigger \
                    and trigger.upos == "VERB" and child.index == trigger.index + 1 and child.index not in self.by_word:
                heads.extend(self._case_child(child, slot))  # "menginjakkan kaki di X": the phrase's own noun
            elif slot not in ("nsubj", "obj", "nmod") and rel in ("obl", "nmod") and (anchor is trigger or light):
                if slot in self._cases(child):
                    heads.extend(self.with_conj(child))
                elif bare_modifier or (anchor is trigger and trigger.upos == "NOUN" and rel == "nmod"):
                    # "kunjungan empat harinya ke Kazakhstan", "perjalanan selama sepekan ke X": "ke" hangs
                    # off the duration
                    heads.extend(self._case_child(child, slot))
        out = []
        for h in heads:
            m = self.mention_for(h.index, types) or self._agent_of(h, types)
            if m is not None and m.type == "Person" and not m.first <= h.index <= m.last and h.upos == "NOUN" \
                    and not {norm(h.text), norm(h.lemma)} & _party_or_title():
                continue  # "menerima umpan Joni": a pass, not a guest
            if m and m not in out:
                out.append(m)
        return out

    def _agent_of(self, noun: Word, types: tuple[str, ...]) -> Mention | None:
        """"kampanye yang dilancarkan oleh X", "delegasi yang dipimpin oleh X": a common noun that names no
        party stands for the agent of a passive clause that makes it X's own (``markers.tsv``: authored)."""
        if noun.upos != "NOUN" or noun.index in self.by_word:
            return None
        for clause in self.s.children(noun.index):
            if not (clause.deprel.startswith("acl") and norm(clause.text) in AUTHORED):
                continue
            for agent in [clause] + [c for c in self.s.children(clause.index) if c.deprel.split(":")[0] == "xcomp"]:
                for child in self._case_child(agent, "oleh"):
                    m = self.mention_for(child.index, types)
                    if m is not None:
                        return m
        return None

    def _names_employer(self, m: Mention, starts: dict[int, Mention]) -> bool:
        """"Presiden Tiongkok Xi", "Presiden Tiongkok, Xi Jinping": the state before a person's name."""
        nxt = starts.get(m.last + 1)
        if nxt is None and m.last < len(self.s.words) and self.s.word(m.last + 1).text == ",":
            nxt = starts.get(m.last + 2)
        return getattr(nxt, "type", "") == "Person"

    def nearest(self, trigger: Word, types: tuple[str, ...], left: bool, exclude: list[Mention],
                within: set[int] | None = None) -> list[Mention]:
        """Surface fallback: the closest mention of a wanted type on one side of the trigger (among
        the words ``within``, if given), with any mention joined to it by "dan"."""
        starts = {m.first: m for m in self.mentions}
        cands = [m for m in self.mentions if m.type in types and m not in exclude and not self._inside_a_name(m)
                 and (within is None or m.first in within)
                 and ((m.last < trigger.index) if left else (m.first > trigger.index))
                 # "Raja Yordania Abdullah II": the state names the person's employer, not a party
                 and not (m.type != "Person" and self._names_employer(m, starts))]
        if not cands:
            return []
        cands.sort(key=lambda m: -m.last if left else m.first)
        out = [cands[0]]
        for other in cands[1:]:
            a, b = sorted((out[-1], other), key=lambda m: m.first)
            between = [w.text.lower() for w in self.s.words[a.last:b.first - 1]]
            if between in (["dan"], [","], ["serta"]):
                out.append(other)
            else:
                break
        return out


#: Verbs whose subject watches an act rather than doing it ("menyaksikan penandatanganan").
WITNESS_VERBS = markers("witness")
#: Passive verbs whose agent makes the noun they describe its own ("kampanye yang dilancarkan oleh X").
AUTHORED = markers("authored")
#: Nouns after "di" that name the audience of an act ("di hadapan X").
AUDIENCE = markers("audience")


def _group_at(sentence: Sentence, trigger: Word, etype: str, key: str) -> Mention:
    """A mention of the article's pair (expanded later), standing at the trigger word."""
    return Mention(sentence.index, trigger.index, trigger.index, trigger.text, trigger.start, trigger.end,
                   etype, key, "group")


def _possessed(sentence: Sentence, trigger: Word) -> bool:
    """"kunjungannya", "kunjungan kenegaraannya": a nominal trigger (or its modifier) with "-nya" (his/her)."""
    def nya(w: Word) -> bool:
        return w.text.lower().endswith("nya") and not w.lemma.lower().endswith("nya")

    return nya(trigger) or any(nya(c) or (c.text.lower() == "nya" and c.deprel.startswith("nmod"))
                               for c in sentence.children(trigger.index))


def _possessed_by_them(sentence: Sentence, trigger: Word) -> bool:
    """"pembicaraan mereka": the noun right before "mereka" (their)."""
    return trigger.index < len(sentence.words) and sentence.word(trigger.index + 1).text.lower() == "mereka"


#: Prepositions before a state that make it a place: not who acts, belongs or is served by a role.
PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari", "menuju", "dalam"})


def named_as_place(sentence: Sentence, mentions: list[Mention], m: Mention) -> bool:
    """"di Mesir", "ke Peru", "Lima, Peru": a state named as where, not who."""
    before = sentence.word(m.first - 1).text.lower() if m.first > 1 else ""
    if before in PLACE_PREPOSITIONS:
        return True
    prev = [x for x in mentions if x.last == m.first - 2]
    return before == "," and bool(prev) and prev[0].type in ("City", "Region")


def one_place(m: Mention) -> bool:
    """A mention of one known place: not a group ("di kedua negara": in both states, no one place)."""
    return m.type in PLACE_TYPES and bool(m.entity) and not m.entity.startswith("group:")


def place_of(sentence: Sentence, mentions: list[Mention], exclude: list[Mention]) -> Mention | None:
    """The first place introduced by "di" in the sentence that is not an argument."""
    for m in mentions:
        if one_place(m) and m not in exclude and m.first > 1:
            if sentence.words[m.first - 2].text.lower() == "di":
                return m
    return None


def expand(found: list[Mention], groups: dict[str, list[str]]) -> list[Mention]:
    """Replace a group mention ("kedua pemimpin") by one mention per member of the group."""
    out = []
    for m in found:
        if m.entity in groups:
            out.extend(replace(m, entity=key) for key in groups[m.entity])
        else:
            out.append(m)
    return out


def find_relations(article: Article, sentence: Sentence, mentions: list[Mention],
                   groups: dict[str, list[str]] | None = None) -> list[Fact]:
    """Facts of the trigger rules in one sentence (holdsRole comes from roles.py); ``groups`` gives
    the members of group mentions."""
    groups = groups or {}
    args = _Args(sentence, mentions)
    facts: list[Fact] = []
    for rule, trigger in _trigger_hits(sentence):
        hint = None if article.date else year_hint(article.text)
        when = when_near(sentence.text, article.date, trigger.start - sentence.start, hint)
        if any(m.first <= trigger.index <= m.last and m.type in ("Event", "Agreement") for m in mentions):
            continue  # "pertemuan" inside the name of a meeting is no trigger
        nominal_object = "nmod" in rule.objects
        subjects: list[Mention] = []
        for slot in rule.subject.split("|"):  # "penandatanganan ... antara X dan Y"
            subjects = args.fill(trigger, slot, rule.subject_types, nominal_object)
            if subjects:
                break
        if trigger.upos == "NOUN" and _possessed(sentence, trigger) and "Person" in rule.subject_types and not any(
                m.first in args.subtree(trigger.index) for m in subjects):
            # "kunjungan kenegaraannya ke Tiongkok": "-nya" is the person named last before it, not the
            # subject of the clause around
            subjects = [m for m in mentions if m.type == "Person" and m.last < trigger.index][-1:] or subjects
        conf = rule.confidence
        leaders = groups.get("group:leaders") or []
        others = {m.entity for m in mentions if m.type == "Person"} - set(leaders)
        if trigger.upos == "NOUN" and _possessed_by_them(sentence, trigger) and leaders and not others:
            # "pembicaraan mereka": the talks of the two leaders the article is about
            subjects = [_group_at(sentence, trigger, "Person", "group:leaders")]
        witnessed = trigger.head and norm(sentence.word(trigger.head).lemma) in WITNESS_VERBS
        if witnessed and rule.relation == "signs" and groups.get("group:states"):
            # "kedua pemimpin menyaksikan penandatanganan ...": witnesses do not sign; their states do
            subjects = [_group_at(sentence, trigger, "Country", "group:states")]
        passive = rule.subject.split("|")[0] not in ("nsubj", "obj")  # "disambut oleh X": the agent comes after
        by_syntax = bool(subjects)
        # "para pejabat dari 40 negara menggelar X": a verb whose own subject names no party has no party
        # to take from nearby
        if not subjects and not (passive and trigger.upos == "VERB") and not has_own_subject(sentence, trigger):
            # the nearest party inside the clause the trigger belongs to; a passive verb with no agent
            # ("telah resmi diluncurkan di Kenya") names nobody who acted
            clause = trigger.head if trigger.head and trigger.deprel.split(":")[0] not in ("root", "parataxis") \
                else trigger.index
            while trigger.upos == "NOUN" and clause and sentence.word(clause).upos != "VERB" \
                    and sentence.word(clause).head:  # a nominal act's clause is that of the verb above it
                clause = sentence.word(clause).head
            subjects = args.nearest(trigger, rule.subject_types, left=not passive, exclude=[],
                                    within=set(args.subtree(clause)))
            by_syntax = any(m.entity.startswith("group:") for m in subjects)  # "Kedua negara ... saling"
            conf *= 0.8
        objects: list[Mention] = []
        for slot in rule.objects:
            objects = args.fill(trigger, slot, rule.object_types, nominal_object)
            if objects:
                break
        if not objects and trigger.upos == "NOUN" and not (rule.relation in SYMMETRIC and len(subjects) > 1):
            # "X dan Y membahas ...": the two subjects are the parties; no object is to be looked for.
            # Otherwise, for a nominal trigger, the nearest one inside its own phrase ("penandatanganan
            # lebih dari 10 kesepakatan"), never a name merely near it
            objects = args.nearest(trigger, rule.object_types, left=passive, exclude=subjects,
                                   within=set(args.subtree(trigger.index)))
            conf *= 0.85
        subjects, objects = expand(subjects, groups), expand(objects, groups)
        pairs = [(s, o) for s in subjects for o in objects if s.entity != o.entity]
        if not pairs and len(subjects) > 1 and by_syntax:  # "X dan Y bertemu": the subjects the parse gives
            if rule.relation in SYMMETRIC:
                pairs = [(a, b) for a, b in itertools.combinations(subjects, 2) if a.entity != b.entity]
            elif trigger.index > 1 and sentence.word(trigger.index - 1).text.lower() == "saling":
                # "saling mendukung": each supports the other
                pairs = [(a, b) for a, b in itertools.permutations(subjects, 2) if a.entity != b.entity]
        place = place_of(sentence, mentions, [m for p in pairs for m in p])
        for subj, obj in pairs:
            if subj.entity.startswith("group:") or obj.entity.startswith("group:"):
                continue  # a group whose members the article does not name
            facts.append(Fact(
                article=article.id, predicate=rule.relation, subject=subj.entity, object=obj.entity,
                sentence=sentence.index, evidence=sentence.text, start=sentence.start, end=sentence.end,
                date=when.day if when else None, date_end=when.last_day if when else None,
                period=when.period if when else None, place=place.entity if place else None, role=rule.role,
                confidence=round(conf, 3), rule=f"{rule.relation}:{trigger.text.lower()}", trigger=trigger.index))
    facts += [replace(f, predicate="hosts", subject=f.place, object=f.object, place=None,
                      confidence=round(f.confidence * 0.8, 3), rule="hosts:place-of-attended-event")
              for f in facts if f.predicate == "attends" and f.place]  # "tiba di X untuk menghadiri KTT"
    facts += _audience(sentence, mentions, args, [f for f in facts if f.predicate == "attends"])
    return facts


def _audience(sentence: Sentence, mentions: list[Mention], args: _Args, attended: list[Fact]) -> list[Fact]:
    """"disampaikan X dalam KTT Y di hadapan A dan B": the people an act at an event is done before
    (``markers.tsv``: audience) attend the event too."""
    out: list[Fact] = []
    for f in attended:
        trigger = sentence.word(f.trigger) if f.trigger else None
        if trigger is None or trigger.upos != "VERB":
            continue
        for obl in sentence.children(trigger.index):
            if obl.deprel.split(":")[0] != "obl" or norm(obl.text) not in AUDIENCE \
                    or "di" not in args._cases(obl):
                continue
            under = set(args.subtree(obl.index))
            for m in mentions:
                if m.type == "Person" and m.entity and m.first in under and m.entity != f.subject \
                        and not m.entity.startswith("group:"):
                    out.append(replace(f, subject=m.entity, confidence=round(f.confidence * 0.9, 3),
                                       rule="attends:audience"))
    return out


#: Phrases that name a meeting of two parties ("pertemuan bilateral").
BILATERAL = [tuple(p.split()) for p in markers("bilateral-meeting")]


def bilateral_meetings(article: Article, sentence: Sentence, mentions: list[Mention],
                       serves: dict[str, set[str]]) -> list[Fact]:
    """"komitmen Presiden A dan Perdana Menteri B dalam pertemuan bilateral", "tutur A di hadapan Menlu B
    usai melakukan pertemuan bilateral": a bilateral meeting in a sentence that names exactly two people,
    who serve different states, is their meeting."""
    toks = [norm(w.text) for w in sentence.words]
    cue = next((i for i in range(len(toks)) for p in BILATERAL if tuple(toks[i:i + len(p)]) == p), None)
    if cue is None:
        return []
    people = list(dict.fromkeys(m.entity for m in mentions if m.type == "Person" and m.entity
                                and not m.entity.startswith("group:")))
    if len(people) != 2 or not all(serves.get(p) for p in people) or serves[people[0]] & serves[people[1]]:
        return []
    hint = None if article.date else year_hint(article.text)
    when = when_near(sentence.text, article.date, sentence.words[cue].start - sentence.start, hint)
    return [Fact(article=article.id, predicate="meets", subject=people[0], object=people[1],
                 sentence=sentence.index, evidence=sentence.text, start=sentence.start, end=sentence.end,
                 date=when.day if when else None, date_end=when.last_day if when else None,
                 period=when.period if when else None, confidence=0.6, rule="meets:bilateral", trigger=cue + 1)]


def event_venues(article: Article, sentence: Sentence, mentions: list[Mention]) -> list[Fact]:
    """"KTT X di Nairobi, Kenya", "konferensi yang digelar di Lima": the place right after an event
    hosts it (the first place named: a city before its state)."""
    facts = []
    venue = markers("venue")
    words = sentence.words
    by_first = {m.first: m for m in mentions}
    for m in mentions:
        if m.type != "Event" or not m.entity:
            continue
        j = m.last + 1  # 1-based index of the word after the event
        if j <= len(words) and words[j - 1].text == "(":  # "(KTT)"
            while j <= len(words) and words[j - 1].text != ")":
                j += 1
            j += 1
        if j <= len(words) and norm(words[j - 1].text) == "yang":
            j += 1
            while j <= len(words) and norm(words[j - 1].text) in ("akan", "telah", "sudah", "sedang", "baru"):
                j += 1
            if j > len(words) or norm(words[j - 1].text) not in venue:
                continue
            j += 1
        elif j <= len(words) and norm(words[j - 1].text) in venue:
            j += 1
        if j > len(words) or norm(words[j - 1].text) != "di":
            continue
        place = by_first.get(j + 1)
        if place is None or not one_place(place):
            continue
        hint = None if article.date else year_hint(article.text)
        when = when_near(sentence.text, article.date, m.start - sentence.start, hint)
        facts.append(Fact(article=article.id, predicate="hosts", subject=place.entity, object=m.entity,
                          sentence=sentence.index, evidence=sentence.text, start=sentence.start,
                          end=sentence.end, date=when.day if when else None,
                          date_end=when.last_day if when else None, period=when.period if when else None,
                          confidence=0.6, rule="hosts:venue", trigger=m.first))
    return facts


def located_in(article: Article, sentence: Sentence, mentions: list[Mention]) -> list[Fact]:
    """"Xi'an, Provinsi Shaanxi", "Labuan Bajo, Nusa Tenggara Timur": a place, a comma, a larger place."""
    facts = []
    listed = {"dan", "serta", "hingga", "atau", ","}

    def joined(x: Mention, y: Mention) -> bool:  # only a comma or "dan" between two mentions
        gap = [w.text.lower() for w in sentence.words[x.last:y.first - 1]]
        return bool(gap) and all(t in listed for t in gap)

    for k, (a, b) in enumerate(zip(mentions, mentions[1:])):
        if a.type not in ("City", "Region") or b.type not in ("Region", "Country") or a.entity == b.entity \
                or not (one_place(a) and one_place(b)) \
                or "home" in (a.source, b.source):  # a bare "pemerintah" is the state acting, not a place
            continue
        nxt = mentions[k + 2] if k + 2 < len(mentions) else None
        prev = mentions[k - 1] if k > 0 else None
        if (nxt is not None and nxt.type == b.type and joined(b, nxt)) or (
                prev is not None and prev.type == a.type == b.type and joined(prev, a)):
            continue  # "Sumatera, Jawa, Sulawesi dan NTT", "Makassar, Jawa Barat, Jawa Tengah": a list
        lead = [norm(w.text) for w in sentence.words[max(0, a.first - 3):a.first - 1]]
        enumerated = lead and (lead[-1] in markers("listing") or " ".join(lead[-2:]) in markers("listing"))
        if enumerated and nxt is not None and nxt.type in PLACE_TYPES and joined(b, nxt):
            continue  # "seperti Sorong, Teluk Bintuni, Kaimana dan Fakfak": an enumeration goes on
        between = [w.text.lower() for w in sentence.words[a.last:b.first - 1]]
        if between and between[0] == "," and all(t in (",", "provinsi", "negara bagian", "kabupaten") for t in between):
            facts.append(Fact(article=article.id, predicate="locatedIn", subject=a.entity, object=b.entity,
                              sentence=sentence.index, evidence=sentence.text, start=sentence.start,
                              end=sentence.end, confidence=0.7, rule="locatedIn:apposition"))
    by_word = {i: m for m in mentions for i in range(m.first, m.last + 1)}
    for a in mentions:  # "Kilindi adalah kota terbesar di Kenya": where the predicate puts it
        pred = copular_predicate(sentence, a.first, a.last) if a.type in ("City", "Region") and one_place(a) else None
        if pred is None or predicate_type(sentence, a.first, a.last) not in ("City", "Region"):
            continue
        for child in sentence.children(pred.index):
            b = by_word.get(child.index)
            if child.deprel.split(":")[0] == "nmod" and b is not None and b.type in ("Region", "Country") \
                    and one_place(b) and b.entity != a.entity \
                    and "di" in [c.text.lower() for c in sentence.children(child.index) if c.deprel == "case"]:
                facts.append(Fact(article=article.id, predicate="locatedIn", subject=a.entity, object=b.entity,
                                  sentence=sentence.index, evidence=sentence.text, start=sentence.start,
                                  end=sentence.end, confidence=0.7, rule="locatedIn:predicate"))
    return facts
