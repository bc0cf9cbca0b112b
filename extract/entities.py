"""Entity mentions: Stanza NER, the gazetteer, cue nouns, English names, brackets, groups and pronouns.

One entity per real thing is made of them in ``resolve.py``."""

from __future__ import annotations

import functools
import re

from .gazetteer import Gazetteer, norm, slug
from .lexicon import all_common, honorific_at
from .records import Mention, Sentence, Word, mention
from .tables import flags, markers, phrase_table, phrases, table

#: Stanza NER label -> entity type of the contract.
NER_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "City", "EVENT": "Event"}
#: Key prefix of each entity type.
PREFIX = {"Person": "person", "Country": "country", "City": "city", "Region": "region",
          "Organization": "org", "Event": "event", "Agreement": "agreement",
          "Initiative": "initiative", "Project": "project"}
#: Words that may sit inside a person's name although not capitalised.
NAME_PARTICLES = {"bin", "binti", "da", "de", "del", "van", "von", "al", "el", "la", "le", "dos"}
TRIM = ".,;:!?\"'()[]“”‘’-–—"
#: Words that make a name a news outlet (``data/media.tsv``).
OUTLET_WORDS = {norm(w) for row in table("media.tsv", ("kind", "words")) for w in row["words"].split(";") if w.strip()}
#: Words after a noun that point back ("KTT tersebut", "resolusi itu").
DEMONSTRATIVES = markers("demonstrative")
#: Words that open the name of a venue, not a city ("Istana Merdeka", "Hotel Indonesia", "Gedung Putih").
VENUE_WORDS = markers("venue-head")
#: English heads that end the name of a building or site.
VENUE_HEADS_LAST = markers("venue-head-last")
#: Words before a state's name that make it part of a currency's name ("dolar AS", "dolar Singapura").
CURRENCY_WORDS = markers("currency")



def ner_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(first, last, label) of each NER entity, from the BIOES tags of the words (1-based); pieces
    written without a space between them ("Kassym" "-" "Jomart Tokayev") are one name."""
    spans = _bioes_spans(sentence)
    words = sentence.words
    merged: list[tuple[int, int, str]] = []
    for first, last, label in spans:
        if merged:
            pf, pl, plab = merged[-1]
            gap = words[pl:first - 1]  # the words between the two spans
            joined = all(w.text in "-–'’" for w in gap) and all(
                a.end == b.start for a, b in zip(words[pl - 1:first - 1], words[pl:first]))
            initial = label == "PER" and [w.text for w in gap] == ["."] and _is_initial(words[pl - 1]) \
                and words[pl - 1].end == gap[0].start  # "Dewi K. Sari", "Rudi P. Hartono"
            if plab == label and (joined or initial):
                merged[-1] = (pf, last, label)
                continue
        merged.append((first, last, label))
    return [_over_hyphens(words, *span) for span in merged]


#: Name prefixes after which a capital is part of a person's name ("McAllister", "DiCaprio", "LeBron").
NAME_PREFIXES = ("mc", "mac", "o'", "di", "de", "le", "la", "van", "von", "du", "da")


def _looks_like_a_brand(word: str) -> bool:
    """An acronym of three letters or more ("GKMT"), capitals then small letters ("NETwatch"), or a capital
    inside a word that no name prefix explains ("CodeForge", not "McAllister")."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 3 and word.isupper():
        return True
    if len(word) > 2 and word[0].isupper() and word[1].isupper() and any(c.islower() for c in word):
        return True
    inner = [i for i, (a, b) in enumerate(zip(word, word[1:]), 1) if a.islower() and b.isupper()]
    return bool(inner) and word[:inner[0]].lower() not in NAME_PREFIXES


def _name_tail(sentence: Sentence, first: int, last: int, taken: set[int]) -> int:
    """Stretch a person's span over the capitalised words the parser hangs on it as parts of one name
    (``flat:name``): "Sri Hamid" + "Aman", where the NER left out a surname that is also a common word."""
    words = sentence.words
    while last < len(words):
        w = words[last]
        if (w.index in taken or w.deprel != "flat:name" or not first <= w.head <= last
                or not w.text[:1].isupper() or w.upos != "PROPN"):
            break
        last += 1
    return _name_suffix(words, last)


def _name_suffix(words: list[Word], last: int) -> int:
    """The last word of a name with its generational suffix ("Joseph Kamau, Jr.", "Amani Otieno Jr"):
    ``markers.tsv`` ``name-suffix``, after a comma or not, with its period."""
    k = last + 1 if last < len(words) and words[last].text == "," else last  # 0-based: the suffix's place
    if k < len(words) and norm(words[k].text).rstrip(".") in markers("name-suffix") and words[k].text[:1].isupper():
        last = k + 1
        if last < len(words) and words[last].text == "." and words[last].start == words[last - 1].end:
            last += 1
    return last


def _join_initials(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """"Rudi P" + "." + "Hartono": two person mentions split at a middle initial are one name."""
    out: list[Mention] = []
    words = sentence.words
    for m in sorted(mentions, key=lambda x: x.first):
        prev = out[-1] if out else None
        if (prev is not None and prev.type == m.type == "Person" and not prev.entity and not m.entity
                and m.first == prev.last + 2 and words[prev.last].text == "." and _is_initial(words[prev.last - 1])):
            out[-1] = mention(sentence, prev.first, m.last, "Person", source=prev.source)
            continue
        out.append(m)
    return out


def _is_initial(word: Word) -> bool:
    """A middle initial: "K" in "Dewi K. Sari", "WP" in "Sari WP Wulandari"."""
    return 1 <= len(word.text) <= 2 and word.text.isalpha() and word.text.isupper()


def _over_hyphens(words: list[Word], first: int, last: int, label: str) -> tuple[int, int, str]:
    """Stretch a span over hyphenated pieces the tagger left out: "Abdel Fattah el" + "-Sisi",
    "Indo-" + "Pasifik" (the tokenizer cuts "el-Sisi" into three tokens, as UD does)."""
    def glued(i: int) -> bool:  # words i-1, i, i+1 (1-based) written as one: "X-Y"
        if not 1 < i < len(words):
            return False
        before, hyphen, after = words[i - 2], words[i - 1], words[i]
        return hyphen.text in ("-", "–") and before.end == hyphen.start and hyphen.end == after.start

    while last + 2 <= len(words) and glued(last + 1) and words[last + 1].ner == "O" \
            and words[last + 1].text[:1].isalpha():
        last += 2
    while first - 2 >= 1 and glued(first - 1) and words[first - 3].ner == "O" and words[first - 3].text[:1].isupper():
        first -= 2
    return first, last, label


def _bioes_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    spans = []
    start = None
    label = ""
    for w in sentence.words:
        tag = w.ner
        if tag == "O" or "-" not in tag:
            start = None
            continue
        prefix, lab = tag.split("-", 1)
        if prefix in ("B", "S") or start is None or lab != label:
            start, label = w.index, lab
        if prefix in ("E", "S"):
            spans.append((start, w.index, label))
            start = None
    return spans


def gazetteer_mentions(sentence: Sentence, gaz: Gazetteer) -> list[Mention]:
    words = [w.text for w in sentence.words]
    out, i = [], 0
    while i < len(words):
        hit = gaz.match(words, i)
        if hit and i > 0 and norm(words[i - 1]) in CURRENCY_WORDS:
            i += hit[0]  # "dolar AS": a currency, not the state
            continue
        if hit:
            n, entry = hit
            if entry.stands_for and _acts(sentence, sentence.words[i]) and not _after_local_role(words, i):
                entry = gaz.entries[entry.stands_for]  # "Beijing menilai": the capital for its state
            out.append(mention(sentence, i + 1, i + n, entry.type, entry.key, "gazetteer"))
            i += n
        else:
            i += 1
    return out


def _after_role(words: list[Word], i: int) -> bool:
    """Whether a role phrase ends right before word ``i`` (0-based): "Wali Kota | Tri Rismaharini"."""
    from .gazetteer import longest_role, roles

    table = roles()
    return any(tuple(norm(w.text) for w in words[i - n:i]) in table for n in range(1, longest_role() + 1) if i - n >= 0)


def _after_titled_comma(words: list[Word], i: int) -> bool:
    """Whether word ``i`` (0-based) follows a role, a comma between ("Juru Bicara, X"), or a role and the
    capitalised name of whom it serves ("Duta Besar Kenya, X", "Menteri Luar Negeri Afrika Selatan, X")."""
    if i < 2 or words[i - 1].text != ",":
        return False
    j = i - 1  # the comma
    for k in range(0, 4):
        if k and not words[j - k].text[:1].isupper():
            return False
        if j - k >= 1 and _after_role(words, j - k):
            return True
    return False


def _after_local_role(words: list[str], i: int) -> bool:
    """"Gubernur Jakarta", "Wali Kota Tokyo": the city a local office serves, not its state."""
    from .gazetteer import roles
    from .vocabulary import roles_flagged

    local, table = roles_flagged("local"), roles()
    return any(table.get(tuple(norm(w) for w in words[i - n:i])) in local for n in (1, 2, 3) if i - n >= 0)


def _acts(sentence: Sentence, word: Word) -> bool:
    """Whether a place name acts as an agent or owner ("Beijing menilai", "dukungan Beijing kepada"),
    so that a capital stands for its state, rather than being a place (an object, or after "di")."""
    rel = word.deprel.split(":")[0]
    cases = [c.text.lower() for c in sentence.children(word.index) if c.deprel == "case"]
    if rel == "conj" and word.head:  # "antara Beijing dan Astana": as the first conjunct is
        return _acts(sentence, sentence.word(word.head))
    return (rel == "nsubj" or (rel == "nmod" and not cases and word.deprel != "nmod:tmod")
            or "antara" in cases)  # "relasi antara Beijing dan Astana": the two states


def _is_outlet(sentence: Sentence, first: int, last: int) -> bool:
    words = {norm(w.text) for w in sentence.words[first - 1:last]}
    return bool(words & OUTLET_WORDS)


@functools.cache
def type_cues() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """where ("before", "strip", "head") -> [(phrase, type)], longest phrase first (``data/type_cues.tsv``)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {"before": [], "strip": [], "head": []}
    for etype, forms, where in (r.values() for r in table("type_cues.tsv", ("type", "words", "where"))):
        out[where].extend((p, etype) for p in phrases(forms))
    for cues_ in out.values():
        cues_.sort(key=lambda x: -len(x[0]))
    return out


def _cue_at(words: list[Word], i: int, where: str, before: bool = False) -> tuple[int, str] | None:
    """(length, type) of the cue phrase of kind ``where`` that starts at word ``i`` (0-based), or with
    ``before`` that ends right before it."""
    for phrase, etype in type_cues()[where]:
        n = len(phrase)
        lo = i - n if before else i
        if lo >= 0 and lo + n <= len(words) and tuple(norm(w.text) for w in words[lo:lo + n]) == phrase:
            return n, etype
    return None


def _typed_span(sentence: Sentence, first: int, last: int, etype: str) -> tuple[int, int, str] | None:
    """A NER span's bounds and type once the words around it are read: lowercase words the NER took
    in are cut ("pulau Pasifik", "ujar Netanyahu"), and cue words fix the type ("kota Tarakan",
    "Provinsi Papua", "Laut Jawa", "lembaga survei Polstat"). None when nothing of a name is left, or
    when the name is of a thing with no type in the graph ("KRI Nanggala", "kapal perang USS X")."""
    words = sentence.words
    while first <= last and not words[first - 1].text[:1].isupper() and not words[first - 1].text[:1].isdigit():
        cut = _cue_at(words, first - 1, "before")
        if cut and first + cut[0] - 1 < last and etype in ("City", "Person", "Organization"):
            etype = cut[1]  # "kota Tarakan" inside the span
        first += 1
    closing = [k for k in range(first, last + 1) if words[k - 1].text == ")" and not any(
        words[x - 1].text == "(" for x in range(first, k))]
    if closing:  # "(Bekraf) Triawan Munaf" read from inside the brackets: the name starts after them
        first = closing[-1] + 1
    for k in range(first + 1, last + 1):  # "Perserikatan Bangsa-Bangsa terhadap Korut": the name ends before
        w = words[k - 1]
        if (w.upos == "ADP" and w.text.islower() and w.text not in NAME_PARTICLES | NAME_LINKS and w.text != "di") or (
                w.text == "(" and not any(x.text == ")" for x in words[k:last])):
            last = k - 1
            break
    while last >= first and not any(c.isalnum() for c in words[last - 1].text):
        last -= 1
    if first > last:
        return None
    if etype in ("City", "Person", "Organization"):
        strip = _cue_at(words, first - 1, "strip")
        head = _cue_at(words, first - 1, "head")
        before = _cue_at(words, first - 1, "before", before=True)
        if strip and first + strip[0] <= last and etype != "Organization":
            first, etype = first + strip[0], strip[1]  # "Provinsi Shaanxi": the region is "Shaanxi"
        elif head and first < last and (etype != "Organization" or head[1] == "none"):
            etype = head[1]  # "Laut Jawa", "Semenanjung Korea"; "KRI Nanggala" (a ship)
        elif before and not (etype == "Person" and (first < last or _after_role(words, first - 1))):
            etype = before[1]  # "lembaga survei Polstat", "kota Tarakan" ("Wali Kota X" is a mayor)
        elif etype != "Person" and _after_titled_comma(words, first - 1):
            etype = "Person"  # "Duta Besar Kenya, Amani Otieno": the name a title introduces
        else:
            etype = predicate_type(sentence, first, last) or etype  # "Kilindi adalah kota terbesar di ..."
    return None if etype == "none" else (first, last, etype)


def copular_predicate(sentence: Sentence, first: int, last: int) -> Word | None:
    """The noun a name is the subject of through a copula: "kota" in "X adalah kota terbesar di Y"."""
    inside = range(first, last + 1)
    head = next((w for w in sentence.words[first - 1:last] if w.head not in inside), None)
    if head is None or head.deprel.split(":")[0] != "nsubj" or not head.head:
        return None
    pred = sentence.word(head.head)
    if pred.upos != "NOUN" or not any(c.deprel == "cop" for c in sentence.children(pred.index)):
        return None
    return pred


def predicate_type(sentence: Sentence, first: int, last: int) -> str | None:
    """The type the copular predicate of a name gives it, read with the cue words that go before a name
    (``type_cues.tsv``: before): "X adalah kota ..." is a city as "kota X" is."""
    pred = copular_predicate(sentence, first, last)
    hit = _cue_at(sentence.words, pred.index - 1, "before") if pred is not None else None
    return hit[1] if hit else None


def find_mentions(sentence: Sentence, gaz: Gazetteer, text: str) -> list[Mention]:
    """All entity mentions of one sentence, without overlaps; ``text`` is the article text."""
    gaz_ms = gazetteer_mentions(sentence, gaz)
    taken = {i for m in gaz_ms for i in range(m.first, m.last + 1)}
    out = list(gaz_ms)
    for first, last, label in ner_spans(sentence):
        etype = NER_TYPES.get(label)
        if etype is None:
            continue
        if first > 1 and norm(sentence.words[first - 2].text) in CURRENCY_WORDS:
            continue  # "dolar AS": a currency
        typed = _typed_span(sentence, first, last, etype)
        if typed is None:
            continue
        first, last, etype = typed
        inside = [m for m in gaz_ms if m.first >= first and m.last <= last]
        person = _person_after(sentence, inside, first, last) if etype == "Organization" else None
        if person is not None:  # "Kedutaan Besar AS Ana Morales": the embassy, then a person
            out.append(person)
            taken |= set(range(person.first, person.last + 1))
            last = person.first - 1
        if etype == "Person":
            last = _name_tail(sentence, first, last, taken)
            # "Presiden Kazakhstan Kassym-Jomart Tokayev": keep the name after the last gazetteer word.
            if inside:
                first = max(m.last for m in inside) + 1
            first = _skip_roles(sentence, first, last)
            if first > last:
                continue
        elif inside and etype in ("City", "Region"):
            continue  # the gazetteer knows this place better
        elif etype == "Organization" and _skip_roles(sentence, first, last) > first and all(
                any(m.first <= k <= m.last for m in inside)
                for k in range(_skip_roles(sentence, first, last), last + 1)):
            continue  # "Dubes RI", "Perwakilan Perdagangan AS": a title and its state, no body
        elif len(inside) > 1 and all(m.type == "Organization" for m in inside) \
                and sum(w.upos != "PUNCT" for w in sentence.words[first - 1:last]) \
                <= sum(m.last - m.first + 1 for m in inside):
            continue  # the gazetteer's bodies cover it: "ASEAN-PBB" is two bodies, not a third ("DPR-RI" is one)
        elif inside and (last - first + 1) <= sum(m.last - m.first + 1 for m in inside):
            continue
        span = set(range(first, last + 1))
        if span & taken:
            if etype in ("Organization", "Event") and not any(
                    m.first < first or m.last > last for m in gaz_ms if set(range(m.first, m.last + 1)) & span):
                out = [m for m in out if not (m.first >= first and m.last <= last)]
            else:
                continue
        span_words = [w.text for w in sentence.words[first - 1:last]]
        if etype == "Person" and len(span_words) == 1 and _looks_like_a_brand(span_words[0]):
            etype = "Organization"  # "CodeForge", "NETwatch", "GKMT": no person writes a name like that
        if etype == "Person" and (all_common(span_words) or norm(span_words[0]) in INSTITUTION_WORDS or (
                len(span_words) == 1 and norm(span_words[0]) in title_words())):
            continue  # "Pariwisata", "Pusat Penerangan", "Kami": common words, capitalised
        if etype in ("Organization", "Person") and _is_outlet(sentence, first, last):
            continue  # news outlets are sources, not actors
        if etype in ("City", "Organization") and _is_venue(span_words):
            continue  # "Istana Kepresidenan Ak Orda", "Sapphire Tower": where a ceremony was held
        out.append(mention(sentence, first, last, etype))
        taken |= span
    out = _join_initials(sentence, out)
    for m in out:
        raw = text[m.start:m.end]
        m.text = raw.strip(TRIM) or raw
        if raw.endswith(".") and m.text.split()[-1].lower() in markers("name-suffix"):
            m.text += "."  # "Joseph Kamau, Jr.": the suffix keeps its period
    skip = not_entities()
    out = _without_clubs(sentence, out)
    return sorted((m for m in out if norm(m.text) not in skip and not WEB_NAME.search(m.text)), key=lambda m: m.first)


def _without_clubs(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """"AS Roma": a club prefix (``markers.tsv`` ``club-prefix``) glued to a city names a club, not the
    United States and Rome."""
    prefixes = markers("club-prefix")
    words = sentence.words
    drop: set[int] = set()
    for m in mentions:
        place = [x for x in mentions if x.first == m.last + 1 and x.type == "City"]  # not "AS Rusia"
        if m.first == m.last and words[m.first - 1].text in {p.upper() for p in prefixes} and place:
            drop |= {id(m), id(place[0])}  # "Presiden AS Joe Biden": a person follows, no club
    return [m for m in mentions if id(m) not in drop]


@functools.cache
def title_words() -> frozenset[str]:
    """Words of role titles (both languages), cue nouns and English name heads: "Kementerian Luar
    Negeri", "Secretary", "Council" are never a person's name."""
    from .gazetteer import roles

    out = {t for phrase in roles() for t in phrase}
    out |= {norm(t) for label in roles().values() for t in re.findall(r"[\w`'-]+", label)}
    out |= {t for phrase, _, _ in cues() for t in phrase}
    out |= set(name_heads()) | INSTITUTION_WORDS
    return frozenset(out)


#: Words that open the name of an institution: a "person" named so is the institution ("Pusat Penerangan").
INSTITUTION_WORDS = frozenset({"kementerian", "kedutaan", "departemen", "dewan", "komisi", "badan", "majelis",
                               "direktorat", "kantor", "sekretariat", "markas", "meeting", "ministers", "kejaksaan",
                               "kepolisian", "pengadilan", "mahkamah", "dinas", "biro", "deputi", "pusat", "unit",
                               "divisi", "seksi", "ministry", "office", "department"})


def _person_after(sentence: Sentence, inside: list[Mention], first: int, last: int) -> Mention | None:
    """A person's name the NER glued to the organisation before it ("Kementerian Luar Negeri China Lucia
    Vargas", "PBB Park Sang Woo"): the proper nouns after the last state or body the gazetteer knows in
    the span, not all of them common words and none a word of a title or an institution's name."""
    if not inside:
        return None
    opens = norm(sentence.words[first - 1].text) in INSTITUTION_WORDS or norm(sentence.words[first - 1].text) in {
        phrase[0] for phrase, _, _ in cues()}
    if not (opens or any(m.type == "Organization" and m.entity for m in inside)):
        return None  # "Indonesia Corruption Watch", "Jakarta Globe": a name with a place in it
    start = max(m.last for m in inside) + 1
    tail = sentence.words[start - 1:last]
    if (not 1 <= len(tail) <= 4 or not all(w.upos == "PROPN" and w.text[:1].isupper() for w in tail)
            or all_common([w.text for w in tail]) or any(norm(w.text) in title_words() for w in tail)):
        return None
    return mention(sentence, start, last, "Person")


#: Web addresses and handles: "CNNIndonesia.com", "@theresamay" are sources, not entities.
WEB_NAME = re.compile(r"\.(?:com|co|id|net|org|tv)\b|@\w", re.IGNORECASE)


def _is_venue(words: list[str]) -> bool:
    """A building or site: its Indonesian head first ("Kompleks Istana Kepresidenan") or its English
    head last ("Sapphire Tower", "Harbour Arena")."""
    return bool(words) and (norm(words[0]) in VENUE_WORDS or norm(words[-1]) in VENUE_HEADS_LAST)


def _skip_roles(sentence: Sentence, first: int, last: int) -> int:
    """First word of a name after the roles and honorifics before it ("Menteri Luar Negeri Malaysia
    Dato Sri Hamid Aman")."""
    from .gazetteer import longest_role, roles

    table = roles()
    texts = [w.text for w in sentence.words]
    for back in (2, 1):  # "Dato | Sri Hamid Yusof": an honorific begun before the span ends inside it
        n = honorific_at(texts, first - 1 - back) if first - 1 - back >= 0 else 0
        if n > back:
            first += n - back
            break
    while first <= last:
        n = honorific_at(texts, first - 1)
        if n:
            first += n
            continue
        for n in range(min(longest_role(), last - first + 1), 0, -1):
            toks = tuple(norm(w.text) for w in sentence.words[first - 1:first - 1 + n])
            if toks in table:
                first += n
                break
        else:
            return first
    return first


@functools.cache
def cues() -> list[tuple[tuple[str, ...], str, frozenset[str]]]:
    """(cue phrase, entity type, options), longest phrase first, from ``data/cues.tsv``."""
    from .tables import phrases

    out = [(p, row["type"], flags(row["options"])) for row in table("cues.tsv", ("type", "words", "options?"))
           for p in phrases(row["words"])]
    return sorted(out, key=lambda x: -len(x[0]))


@functools.cache
def _cues_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str, frozenset[str]]]]:
    """``cues()`` indexed by their first word, each list longest phrase first."""
    index: dict[str, list[tuple[tuple[str, ...], str, frozenset[str]]]] = {}
    for cue in cues():
        index.setdefault(cue[0][0], []).append(cue)
    return index


#: Parts of speech that end a cue phrase ("perjanjian kerja sama perikanan | di Jakarta").
PHRASE_STOP = {"PUNCT", "VERB", "AUX", "SCONJ", "CCONJ", "PRON", "DET", "ADV", "PART"}
PHRASE_LINKS = {"tentang", "mengenai", "soal", "antara", "di", "bidang", "ke-"}


#: Types of a mention a name may contain and still name on its own ("Partai Komunis China" in
#: "Kongres Nasional ke-20 Partai Komunis China", "Astana" in "Pusat Kebudayaan Tiongkok di Astana").
NESTABLE = ("Organization", "City", "Region")


def trim_name(raw: str) -> str:
    """A mention's text without the punctuation around it, keeping a bracket the name opened."""
    text = raw.strip(TRIM)
    if text.count("(") > text.count(")") and raw.rstrip().rstrip(TRIM.replace(")", "")).endswith(")"):
        text += ")"
    return text or raw


def cue_mentions(sentence: Sentence, mentions: list[Mention], article_id: str, text: str,
                 nested: list[Mention] | None = None) -> list[Mention]:
    """Agreements and events named by a cue noun and the words after it ("nota kesepahaman
    tentang kerja sama perikanan", "KTT ASEAN ke-42"); replaces mentions they swallow (those
    that name something on their own go to ``nested``)."""
    words = sentence.words
    toks = [norm(w.text) for w in words]
    by_first = _cues_by_first_word()
    i = 1
    while i <= len(words):
        hit = None
        for phrase, etype, opts in by_first.get(toks[i - 1], ()):
            if tuple(toks[i - 1:i - 1 + len(phrase)]) == phrase:
                hit = (len(phrase), etype, opts)
                break
        if not hit or any(m.first <= i <= m.last and m.type in ("Event", "Agreement") for m in mentions):
            i += 1
            continue
        n, etype, opts = hit
        named_as = i + n < len(words) and toks[i + n - 1] in markers("naming") and words[i + n].text[:1].isupper()
        if named_as:  # "acara bertajuk Forum Bisnis Kenya": the name is what follows
            n += 1
        last = _cue_phrase_end(words, i + n - 1, i, opts)
        if ("named" in opts or (etype == "Agreement" and n == 1)) and last == i + n - 1 and last < len(words) \
                and norm(words[last].text) in DEMONSTRATIVES:
            # "konferensi tersebut", "resolusi itu": the one named before (a bare "konferensi" names none; a
            # kind named in two words, "nota kesepahaman ini", names one of its own)
            last += 1
        for x in mentions:  # a name that starts inside the phrase belongs to it whole
            if i < x.first <= last < x.last and x.source == "name":
                last = x.last
        person = min((x.first for x in mentions if x.type == "Person" and i + n - 1 < x.first <= last), default=0)
        if person:  # "juru bicara Kedutaan Besar AS Ana Morales": the name ends the embassy's
            last = person - 1
        m = mention(sentence, i + n if named_as else _own_name_start(words, i, n, last), last, etype, source="cue")
        m.text = trim_name(text[m.start:m.end])
        parties = {x.first for x in mentions if x.type in ("Person", "Country")}
        if not anaphoric(m.text) and not _names_something(words, i, n, last, etype, opts, parties):
            i = last + 1  # "proyek energi", "forum internasional", "perjanjian bilateral": no name
            continue
        inside = [x for x in mentions if x.first >= i and x.last <= last]
        overlap = [x for x in mentions if x not in inside and not (x.last < i or x.first > last)]
        if overlap:
            i = last + 1
            continue
        for x in inside:
            mentions.remove(x)
            if (nested is not None and x.type in NESTABLE and x.source in ("gazetteer", "ner", "name")
                    and x.first > i + n - 1):
                nested.append(x)
        m.entity = f"{PREFIX[etype]}:{slug(article_id)}-{slug(m.text)}" if etype == "Agreement" else ""
        mentions.append(m)
        short = _bracketed_acronym(words, i + n, last)
        if short is not None and etype != "Agreement":  # "Kedutaan Besar RI (KBRI) di Kairo": KBRI too
            alias = mention(sentence, short, short, etype, source="alias")
            alias.text, alias.alias_of = text[alias.start:alias.end], m.text
            mentions.append(alias)
        mentions.sort(key=lambda x: x.first)
        i = last + 1
    return mentions


def _acronym(text: str) -> bool:
    """An acronym, in capitals or with a plural "s" ("KTT", "G20", "NGOs")."""
    core = text[:-1] if len(text) > 2 and text.endswith("s") else text
    return core.isupper() and core[:1].isalpha()


def _own_name_start(words: list[Word], i: int, n: int, last: int) -> int:
    """Where a cued name starts: after a lowercase cue when the name carries its own English head
    ("konferensi Lake Victoria Water Conference" is the conference named in
    English, the Indonesian cue only says what it is); at the cue otherwise ("KTT ASEAN")."""
    rest = words[i + n - 1:last]
    heads = name_heads()
    if (words[i - 1].text[:1].islower() and rest and rest[0].text[:1].isupper()
            and any(heads.get(norm(w.text)) == "Event" for w in rest)):
        return i + n
    return i


def _bracketed_acronym(words: list[Word], first: int, last: int) -> int | None:
    """Word index of an acronym in brackets inside a name, after the words it abbreviates ("Kedutaan
    Besar RI (KBRI) di Kairo"); None for one that only abbreviates the cue ("Konferensi Tingkat Tinggi
    (KTT) APEC": ``first`` is the word after the cue)."""
    for k in range(first + 1, last - 1):  # k: the "(" word, 1-based
        if words[k - 1].text == "(" and words[k + 1].text == ")" and _acronym(words[k].text):
            return k + 1
    return None


def _names_something(words: list[Word], i: int, n: int, last: int, etype: str, opts: frozenset[str],
                     parties: set[int]) -> bool:
    """Whether the phrase a cue opens at word ``i`` (``n`` words of cue, 1-based, ending at ``last``)
    names one thing rather than a kind of thing: a capitalised word after the cue ("KTT ASEAN"), right
    after it for ``proper`` cues; an agreement may instead be described in two words or more ("nota
    kesepahaman tentang kerja sama perikanan", not "perjanjian bilateral") or be of a kind named in
    two words ("pernyataan bersama", "nota kesepahaman"); a ``named`` cue ("pertemuan",
    "sidang") lists no parties and, unless written as a title, does not go on with a person or a
    state (``parties``: the first words of their mentions) ("Pertemuan
    Dirjen Imigrasi ASEAN", not "pertemuan Trump" or "Pertemuan Korsel dan Korut")."""
    rest = words[i + n - 1:last]
    capitalised = any(w.text[:1].isupper() for w in rest)
    if "proper" in opts and not (rest and rest[0].text[:1].isupper()):
        return False
    titled = i > 1 and words[i - 1].text[:1].isupper()
    if "named" in opts and (any(w.text.lower() in ("dan", "antara", "dengan") for w in rest)
                            or (not titled and rest and rest[0].index in parties)):
        return False
    return capitalised or (etype == "Agreement" and (len(rest) >= 2 or n >= 2))


def _starts_cue(words: list[Word], i: int) -> bool:
    """Whether a cue phrase starts at word ``i`` (1-based)."""
    return any(all(norm(w.text) == p for w, p in zip(words[i - 1:i - 1 + len(c)], c)) and i - 1 + len(c) <= len(words)
               for c, _, _ in cues())


def _cue_phrase_end(words: list[Word], last: int, first: int, opts: frozenset[str]) -> int:
    """Last word (1-based) of the name a cue opens at ``first``; the cue itself ends at ``last``."""
    cue = words[first - 1].text
    titled = cue[:1].isupper() and not cue.isupper()  # "Universitas ...", written as a title
    while last < len(words) and last - first < 14:
        w = words[last]
        nxt = words[last + 1] if last + 1 < len(words) else None
        glued = w.start == words[last - 1].end
        if glued and (w.text[:1] in "-–+" and len(w.text) > 1 or (
                w.text in ("-", "–", "+") and nxt is not None and nxt.start == w.end)):
            last += 1  # "KTT Tiongkok-Asia Tengah", "China+Asia Tengah", however the tokenizer cut it
            continue
        if w.text == "(" and last + 2 < len(words) and words[last + 2].text == ")" and _acronym(words[last + 1].text):
            last += 3  # "Konferensi Tingkat Tinggi (KTT) China-Asia Tengah", "... Fisheries Organizations (LVFOs)"
            continue
        if w.text == "(":
            break  # "Komisi Atlet Negara Bagian Nevada (Nevada State Athletic Commission)": another name
        low = w.text.lower()
        if low == "ke" and nxt is not None and nxt.start == w.end and nxt.text[:1] in "-–":
            last += 1  # "KTT ASEAN ke-44", however the tokenizer cut it
            continue
        if low in ("kali", "tahun", "bulan", "pekan", "minggu") and nxt is not None and nxt.text.lower() in (
                "ini", "itu", "lalu", "depan", "mendatang"):
            break  # "KTT ... kali ini", "KTT ... tahun ini": when, not part of the name
        numbered = last >= 2 and words[last - 2].text.lower().rstrip(".") in ("nomor", "no", "nr")
        if low == "tahun" and nxt is not None and nxt.text.isdigit() and not numbered:
            break  # "Konferensi Asia Afrika tahun 1955": the year is when ("Nomor 2334 Tahun 2016" is a name)
        if (titled and low == "dan" and nxt is not None and nxt.text[:1].isupper()
                and words[last - 1].text[:1].isupper() and not _starts_cue(words, last + 2)):
            last += 1  # "Universitas Bahasa dan Budaya Beijing"
            continue
        if (low == "di" and "di" in opts and nxt is not None and nxt.text[:1].isupper()
                and norm(words[last - 1].text) not in name_heads()):
            last += 1  # "Pusat Kebudayaan Tiongkok di Astana", not "cabang X University di Y"
            continue
        stative = w.upos == "VERB" and low.startswith("ter")  # "energi terbarukan"
        if (w.upos in PHRASE_STOP and not stative) or (w.upos == "ADP" and low not in PHRASE_LINKS):
            break
        if not w.text[:1].isalnum():
            break
        if low == "di" and not (nxt and nxt.text.lower() == "bidang"):
            break
        last += 1
    return last


def name_part_mentions(sentences: list[Sentence], by_sentence: dict[int, list[Mention]], mentions: list[Mention],
                       text: str) -> dict[int, list[Mention]]:
    """Add Person mentions for single capitalised words that are part of a full name in the article."""
    parts: set[str] = set()
    full: set[str] = set()
    for m in mentions:
        if m.type == "Person" and len(m.text.split()) > 1:
            full.add(norm(m.text))
            parts |= {norm(p) for p in m.text.replace("-", " ").split() if len(p) > 1 and p[:1].isupper()}
    if not parts:
        return by_sentence
    for m in mentions:  # "Tokayev" read as an organisation where the article names Kassym-Jomart Tokayev
        if m.source == "ner" and m.type in ("Organization", "City") and norm(m.text) in parts | full:
            m.type = "Person"
    for s in sentences:
        taken = {i for m in by_sentence[s.index] for i in range(m.first, m.last + 1)}
        for w in s.words:
            if w.index not in taken and w.text[:1].isupper() and norm(w.text) in parts:
                m = mention(s, w.index, w.index, "Person", source="name_part")
                m.text = text[m.start:m.end]
                by_sentence[s.index].append(m)
        by_sentence[s.index].sort(key=lambda m: m.first)
    return by_sentence


def split_principals(sentences: list[Sentence], by_sentence: dict[int, list[Mention]], text: str) -> None:
    """"Juru bicara Otieno Ana Soto": a person's span that opens with the surname of another person the
    article names in full ("Amani Otieno") is that person, then the one named ("Ana Soto")."""
    people = [m for ms in by_sentence.values() for m in ms if m.type == "Person"]
    surnames = {norm(m.text.split()[-1]): norm(m.text) for m in people if len(m.text.split()) > 1}
    for s in sentences:
        ms = by_sentence[s.index]
        for m in [x for x in ms if x.type == "Person"]:
            words = m.text.split()
            owner = surnames.get(norm(words[0])) if len(words) >= 3 and m.first < m.last else None
            if owner is None or owner == norm(m.text):
                continue
            principal = mention(s, m.first, m.first, "Person", source="name_part")
            named = mention(s, m.first + 1, m.last, "Person", source=m.source)
            for x in (principal, named):
                x.text = text[x.start:x.end].strip(TRIM)
            ms[:] = sorted([x for x in ms if x is not m] + [principal, named], key=lambda x: x.first)


#: Types whose names may be followed by another name of theirs in brackets.
BRACKETED_NAMES = ("Person", "Organization", "Event", "Initiative", "Agreement")


@functools.lru_cache(maxsize=1 << 16)
def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a name, normalised."""
    return tuple(re.findall(r"\w+", norm(name)))


def _nickname(short: str, name: str) -> bool:
    """"Bams" for "Bambang Santoso", "SBY" for "Susilo Bambang Yudhoyono"; not a party or a club in brackets
    after a name ("Charles Honoris (PDIP)")."""
    toks = name_tokens(name)
    s = norm(short)
    return len(toks) > 1 and (s == "".join(t[0] for t in toks) or any(
        len(t) >= 3 and s.startswith(t[:3]) for t in toks))


def bracket_aliases(sentence: Sentence, mentions: list[Mention], text: str) -> None:
    """"Bambang Santoso (Bams)", "Organisasi Papua Merdeka (OPM)", "Pusat Kajian Maritim ASEAN (AMC
    Centre)": a one-word name, or one opened by an acronym, in brackets right after a name is another
    name of the same thing, here and wherever the corpus uses it."""
    words = sentence.words
    by_first = {m.first: m for m in mentions}
    for a in sorted(mentions, key=lambda m: m.first):
        i = a.last + 1  # the "(" word
        if a.type not in BRACKETED_NAMES or i + 2 > len(words) or words[i - 1].text != "(":
            continue
        inner = words[i]
        b = by_first.get(i + 1)
        if b is not None and b.last + 1 <= len(words) and words[b.last].text == ")" and b.last > i + 1 \
                and b.text[:1].isupper() and b.text.split()[0].isupper():
            pass  # "Pusat Kajian Maritim ASEAN (AMC Centre)": a longer name, opened by an acronym
        elif words[i + 1].text != ")":
            continue
        elif b is None:
            if not inner.text[:1].isupper() or any(m.first <= i + 1 <= m.last for m in mentions) or (
                    a.type == "Person" and not _nickname(inner.text, a.text)):
                continue  # "Xi Jinping (CMG)": a photo credit, not a name of his
            b = mention(sentence, i + 1, i + 1, a.type, source="alias")
            b.text = text[b.start:b.end]
            mentions.append(b)
        elif b.last != i + 1:
            continue
        if a.entity and not b.entity:
            b.entity, b.type = a.entity, a.type
        elif b.entity and not a.entity and a.type != "Person" and b.type in ("Organization", "Initiative"):
            a.entity, a.type = b.entity, b.type  # "Tentara Nasional Indonesia (TNI)": the acronym is known
        elif not a.entity and not b.entity and ((a.type == "Person" and _nickname(b.text, a.text))
                                                or (a.type != "Person" and b.text.split()[0].isupper())):
            b.type, b.alias_of = a.type, a.text
    mentions.sort(key=lambda m: m.first)


def anaphoric(name: str) -> bool:
    """"KTT tersebut", "pertemuan puncak itu", a bare "KTT": a summit named before, not a new one."""
    all_toks = norm(name).split()
    toks = tuple(t for t in all_toks if t not in DEMONSTRATIVES)
    demonstrative = len(toks) < len(all_toks)
    return not toks or any(toks == cue and (demonstrative or (etype == "Event" and "named" not in opts))
                           for cue, etype, opts in cues())


def group_phrases() -> list[tuple[tuple[str, ...], str]]:
    """(phrase, kind) of ``data/groups.tsv``, longest first; kind is "leaders", "states" or "both"."""
    return phrase_table("groups.tsv")


#: Entity keys of the two groups; the fact phase expands them into the article's pair.
GROUP_TYPES = {"leaders": "Person", "states": "Country", "both": "Person"}


def group_mentions(sentence: Sentence, mentions: list[Mention], text: str) -> None:
    """"Kedua pemimpin", "kedua negara": mentions keyed ``group:leaders`` / ``group:states``."""
    toks = [norm(w.text) for w in sentence.words]
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    for phrase, kind in group_phrases():
        n = len(phrase)
        for i in range(len(toks) - n + 1):
            span = set(range(i + 1, i + n + 1))
            if kind == "both" and not sentence.words[i].deprel.startswith("nsubj"):
                continue  # "Keduanya bertemu": the two of them; "kunjungan resmi keduanya": their second visit
            if tuple(toks[i:i + n]) == phrase and not span & taken:
                m = mention(sentence, i + 1, i + n, GROUP_TYPES[kind], f"group:{kind}", "group")
                m.text = text[m.start:m.end]
                mentions.append(m)
                taken |= span
    mentions.sort(key=lambda m: m.first)


#: Third-person pronouns that refer to a person.
PRONOUNS = {"ia", "dia", "beliau"}


def pronoun_mentions(sentence: Sentence, mentions: list[Mention], text: str) -> None:
    """"Ia", "dia", "beliau": Person mentions resolved to the person named last (``resolve``)."""
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    for w in sentence.words:
        if w.index not in taken and w.text.lower() in PRONOUNS and w.upos in ("PRON", "X"):
            m = mention(sentence, w.index, w.index, "Person", source="pronoun")
            m.text = text[m.start:m.end]
            mentions.append(m)
    mentions.sort(key=lambda m: m.first)


def name_heads() -> dict[str, str]:
    """English head word (normalised) -> entity type, from ``data/name_heads.tsv``."""
    return {p[0]: etype for p, etype in phrase_table("name_heads.tsv") if len(p) == 1}


#: Lowercase words that may sit inside an English proper name ("Language and Culture University").
NAME_LINKS = {"and", "of", "for", "the", "&", "de", "on"}
#: Ordinals after a name that make it a different thing ("Luban Workshop kedua").
ORDINALS = {"kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan", "kesepuluh"}


def _capitalised(w: Word) -> bool:
    return w.text[:1].isupper() and w.upos in ("PROPN", "NOUN", "X", "ADJ", "NUM")


def _pair_after(words: list[Word], last: int) -> int:
    """The last word of an event's name that goes on with the pair it joins, written with a hyphen
    right after the head ("Business Forum Kenya-Peru"); ``last`` (1-based, the head) otherwise."""
    k = last  # 0-based: the word after the head
    if k + 2 < len(words) and words[k + 1].text in ("-", "–") and words[k + 1].start == words[k].end \
            and words[k + 2].start == words[k + 1].end and _capitalised(words[k]) and _capitalised(words[k + 2]):
        return k + 3
    return last


def proper_name_mentions(sentence: Sentence, mentions: list[Mention], text: str,
                         nested: list[Mention] | None = None) -> None:
    """Institutions and projects named the English way, head last ("Astana International University",
    "China-Kazakhstan (Lianyungang) Logistics Cooperation Base"): the name replaces the places and
    pieces the gazetteer and the NER found inside it."""
    heads = name_heads()
    words = sentence.words
    found: list[Mention] = []
    for w in words:
        etype = heads.get(norm(w.text))
        if etype is None or not w.text[:1].isupper() or (found and found[-1].last >= w.index) or any(
                m.type == "Person" and m.first <= w.index <= m.last for m in mentions):
            continue  # "Park Geun-hye": a person's name, not a park
        first = w.index
        j = w.index - 1
        depth = 0  # brackets closed and not yet opened, walking back
        while j >= 1:
            x = words[j - 1]
            glued = x.end == words[j].start
            if x.text == "(" and depth == 0:
                break  # "Pusat Kajian Maritim ASEAN (AMC Centre)": the name starts inside
            if x.text in ("(", ")"):
                depth += 1 if x.text == ")" else -1
                first = j
            elif _capitalised(x) or (glued and x.text in "-–"):
                first = j
            elif x.text.lower() in NAME_LINKS and j > 1 and _capitalised(words[j - 2]):
                first = j
            else:
                break
            j -= 1
        while first < w.index and (words[first - 1].text.lower() in NAME_LINKS or words[first - 1].text in "()-–"):
            first += 1
        if first == w.index:
            continue  # a lone head word is no name
        last = w.index
        if etype == "Event":
            last = _pair_after(words, last)
        if last < len(words) and words[last].text.lower() in ORDINALS:
            last += 1
        if _is_outlet(sentence, first, last):
            continue  # "Thomson Reuters Foundation", "CNN International": outlets, not actors
        m = mention(sentence, first, last, etype, source="name")
        m.text = text[m.start:m.end].strip(TRIM)
        found.append(m)
    for m in found:
        if nested is not None:  # "Astana" in "Astana International University" names the city too
            nested.extend(x for x in mentions if m.first <= x.first and x.last <= m.last and x.type == "City")
        mentions[:] = [x for x in mentions if x.last < m.first or x.first > m.last]
        mentions.append(m)
    mentions.sort(key=lambda x: x.first)


@functools.cache
def not_entities() -> frozenset[str]:
    """Names that are never entities of the graph (``data/not_entities.tsv``)."""
    return frozenset(norm(row["name"]) for row in table("not_entities.tsv", ("name",)))
