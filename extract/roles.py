"""Roles from appositions: "Presiden Kazakhstan Kassym-Jomart Tokayev", "Tokayev, Presiden Kazakhstan"."""

from __future__ import annotations

from dataclasses import dataclass

from .entities import NAME_PARTICLES, ORDINALS, TRIM, title_words
from .gazetteer import longest_role, norm, roles
from .lexicon import honorific_at, is_common
from .records import Mention, Sentence, mention
from .tables import markers
from .vocabulary import roles_flagged

#: Entity types that can employ a role holder.
EMPLOYERS = ("Country", "Organization", "City")


@dataclass
class RoleHolding:
    person: Mention
    role: str  # English label
    employer: Mention | None
    first: int  # first word of the whole apposition
    last: int
    #: the holding listed right before this one with "dan" ("Presiden X dan Menteri Luar Negeri Y"):
    #: people listed together serve the same state unless the text says otherwise
    partner: RoleHolding | None = None


def _role_at(sentence: Sentence, i: int) -> tuple[int, str] | None:
    """(length, label) of the longest role phrase starting at word ``i`` (1-based)."""
    table = roles()
    for n in range(longest_role(), 0, -1):
        if i - 1 + n > len(sentence.words):
            continue
        toks = tuple(norm(w.text) for w in sentence.words[i - 1:i - 1 + n])
        if toks in table:
            return n, table[toks]
    return None


#: Words before a role that make its holder a former one.
FORMER = frozenset({"mantan", "eks", "bekas", "former", "ex"})
#: Nouns before a role that make it the issuer of a document ("Keputusan Presiden", "Peraturan Menteri").
DOCUMENT_NOUNS = frozenset({"keputusan", "peraturan", "instruksi", "keppres", "perpres", "permen", "kepmen",
                            "inpres"})


def _name_run(sentence: Sentence, i: int, taken: set[int]) -> int:
    """Last word of a name starting at word ``i`` that Stanza's NER missed (i-1 if none): capitalised
    words, particles inside ("da", "bin"), and pieces written without a space ("Frank-Walter", "el-Sisi")."""
    words = sentence.words
    j = i
    while j <= len(words) and j not in taken:
        w = words[j - 1]
        text = w.text
        attached = j > i and w.start == words[j - 2].end and any(c.isalpha() for c in text)  # "-Walter"
        hyphenated = any(part[:1].isupper() for part in text.split("-")[1:])  # "el-Sisi"
        if (text[:1].isupper() and text.strip(TRIM)) or hyphenated or attached:
            j += 1
        elif j > i and text.lower() in NAME_PARTICLES:
            j += 1
        else:
            break
    while j - 1 >= i and (words[j - 2].text.lower() in NAME_PARTICLES or words[j - 2].text == "-"):
        j -= 1
    return j - 1


def _shared_employer(sentence: Sentence, mentions: list[Mention], i: int) -> Mention | None:
    """"Penasihat Negara China dan Menteri Luar Negeri Wang Yi": a role right after "dan" shares
    the state that follows the role before it."""
    if i < 3 or sentence.words[i - 2].text.lower() != "dan":
        return None
    before = [m for m in mentions if m.type in EMPLOYERS and m.last == i - 2]
    if before and any(_role_at(sentence, j) for j in range(max(1, before[0].first - 4), before[0].first)):
        return before[0]
    return None


#: Roles posted to another state or body: "Duta Besar Kazakhstan untuk Tiongkok" is "Ambassador to China".
POSTED_ROLES = roles_flagged("posted")
#: Offices of the home state that its press names bare, capitalised, for the one holder it named
#: ("kata Menperin"); not its leaders, whose bare title is as often another state's ("kedua presiden")
BARE_TITLES = roles_flagged("domestic") - roles_flagged("leader")


def _english_name(m: Mention) -> str:
    from .gazetteer import load

    gaz = load()
    entry = gaz.entries.get(m.entity)
    if entry is not None and entry.stands_for:
        entry = gaz.entries[entry.stands_for]  # "Dubes RI di Kairo": Ambassador to Egypt
    return entry.name if entry else m.text


def _after_bracket(sentence: Sentence, j: int) -> int:
    """The word after a short bracketed form at word ``j`` ("(Menhan)", "(AS)"), else ``j``."""
    words = sentence.words
    if j + 2 <= len(words) and words[j - 1].text == "(" and words[j + 1].text == ")":
        return j + 3
    return j


def _gazetteer_mention(sentence: Sentence, j: int, text: str) -> Mention | None:
    """The state or body the gazetteer knows at word ``j``, as a mention."""
    from .gazetteer import load

    hit = load().match([w.text for w in sentence.words], j - 1)
    if hit is None:
        return None
    n, entry = hit
    m = mention(sentence, j, j + n - 1, entry.type, entry.key, "gazetteer")
    m.text = text[m.start:m.end]
    return m


def _body_of_unit(sentence: Sentence, m: Mention, text: str) -> Mention | None:
    """"Pusat Komunikasi Publik Kemendag": a name the tagger gave a body that is a unit's capitalised common
    words and then a body the gazetteer knows; that body, as a mention."""
    if m.type != "Organization" or m.source != "ner":
        return None
    for k in range(m.first + 1, m.last + 1):
        if not (sentence.words[k - 2].text[:1].isupper() and is_common(sentence.words[k - 2].text)):
            return None
        body = _gazetteer_mention(sentence, k, text)
        if body is not None and body.last == m.last and body.type == "Organization":
            return body
    return None


def _holder_before(sentence: Sentence, mentions: list[Mention], i: int) -> Mention | None:
    """The person whose name ends right before word ``i`` or before a comma and linking words
    (``markers.tsv`` ``role-link``: "yang menjabat sebagai", "selaku")."""
    links = markers("role-link")
    k = i - 1
    while k >= 1 and (sentence.words[k - 1].text == "," or norm(sentence.words[k - 1].text) in links) and i - k <= 5:
        k -= 1
    if k == i - 1 or k < 1:  # "Otieno Presiden Kenya": right before it
        k = i - 1
    elif not any(norm(w.text) in links or w.text == "," for w in sentence.words[k:i - 1]):
        return None
    return next((m for m in mentions if m.type == "Person" and m.last == k), None)


def _unit_then_body(sentence: Sentence, at: dict[int, Mention], j: int) -> tuple[Mention, int] | None:
    """"Kepala Pusat Penerangan TNI Mayjen X", "Kepala Keamanan Dalam Negeri Amerika Serikat X": a unit
    or a field named in capitalised common words between a role and the body or state it belongs to,
    the last one right before the holder's name (after a rank). Returns that body and the word after
    it. A word that names a body of its own ("Ketua Pansus Angket KPK X" chairs a committee about the
    KPK; ``markers.tsv`` ``own-body``) ends it."""
    words = sentence.words
    own = markers("own-body")
    k, body, named = j, None, False
    while k <= len(words) and k - j < 8:
        m = at.get(k)
        if m is not None and m.type in ("Organization", "Country") and m.entity:
            body, k = m, m.last + 1
            continue
        w = words[k - 1]
        if norm(w.text) in own:
            return None
        if m is None and w.text[:1].isupper() and body is None and (is_common(w.text) or _unit_word(sentence, k)):
            named = named or not is_common(w.text)
            k += 1
            continue
        break
    if body is None or k == j or (named and body.type != "Organization"):
        return None  # a word of a unit's own name ("Penerangan") names a unit of a body, not of a state
    after = k + honorific_at([w.text for w in words], k - 1)
    person = at.get(after)
    if person is None or person.type != "Person":
        return None
    return body, k


def _unit_word(sentence: Sentence, k: int) -> bool:
    """Word ``k`` may be part of a unit's name though news writes it capitalised most of the time
    ("Penerangan" in "Pusat Penerangan TNI"): no entity to the tagger, no rank ("Jenderal"), no role."""
    return (sentence.word(k).ner == "O" and not honorific_at([w.text for w in sentence.words], k - 1)
            and _role_at(sentence, k) is None)


def _first_of(holdings: list[RoleHolding], person: Mention) -> int:
    """First word of the earliest apposition that names ``person``."""
    return min(h.first for h in holdings if h.person is person)


@dataclass
class Title:
    """A role and its state with no name after them ("Presiden Kazakhstan mengatakan"): a mention of
    whoever the article says holds that role."""

    role: str
    employer: Mention | None  # None: an office of the home state named bare ("Menperin")
    first: int
    last: int


def find_roles(sentence: Sentence, mentions: list[Mention], text: str,
               titles: list[Title] | None = None, nested: list[Mention] | None = None) -> list[RoleHolding]:
    """Role appositions in ``sentence``; adds Person mentions for names the NER missed; titles with
    no name go to ``titles``."""
    at = {m.first: m for m in mentions}
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    out: list[RoleHolding] = []
    pending: list[str] = []
    pending_start = 0
    i = 1
    while i <= len(sentence.words):
        hit = _role_at(sentence, i) if i not in taken else None
        if hit and i > 1 and norm(sentence.words[i - 2].text) in DOCUMENT_NOUNS:
            i += hit[0]  # "Keputusan Menteri Kelautan dan Perikanan No 4/2014": a decree, not a person
            continue
        if not hit:
            i += 1
            continue
        n, label = hit
        if i > 1 and norm(sentence.words[i - 2].text) in FORMER:
            label = f"former {label}"  # "mantan Ketua DPR X": no longer holds it
        j = _after_bracket(sentence, i + n)  # "Menteri Pertahanan (Menhan) Amerika Serikat"
        if j < len(sentence.words) and norm(sentence.words[j - 1].text) in markers("government") \
                and getattr(at.get(j + 1), "type", "") == "Country":
            j += 1  # "Juru bicara pemerintah Kenya X": the government is its state's
        swallowed = next((m for m in mentions if i <= m.first < j <= m.last
                          and (not m.entity or m.type == "Organization")), None)
        if swallowed is not None:  # "Juru Bicara [Kementerian Luar Negeri China]": the title, then China
            mentions.remove(swallowed)
            if nested is not None:
                nested.append(swallowed)  # the ministry stays an entity of the article, not a party
            taken -= set(range(swallowed.first, swallowed.last + 1))
            gaz = _gazetteer_mention(sentence, j, text)
            if gaz is not None:
                mentions.append(gaz)
                taken |= set(range(gaz.first, gaz.last + 1))
            at = {m.first: m for m in mentions}
        employer = at.get(j)
        body = _body_of_unit(sentence, employer, text) if employer is not None else None
        if body is not None:  # "Kepala Pusat Komunikasi Publik Kemendag, X": the head of a unit of the ministry
            label = f"{label} of {text[employer.start:body.start].strip()}"
            mentions.remove(employer)
            if nested is not None:
                nested.append(employer)
            mentions.append(body)
            at = {m.first: m for m in mentions}
            employer = body
        if employer is not None and employer.type in EMPLOYERS:
            j = _after_bracket(sentence, employer.last + 1)  # "Amerika Serikat (AS) James Mattis"
        else:
            employer = None
            unit = _unit_then_body(sentence, at, j)
            if unit is not None:  # "Kepala Pusat Penerangan TNI Mayjen X": the head of a unit of the TNI
                words_of_unit = text[sentence.word(j).start:unit[0].start].strip()
                if unit[0].first > j and not set(norm(words_of_unit).split()) <= ORDINALS | {"pertama"}:
                    label = f"{label} of {words_of_unit}"  # "Presiden Ketiga RI": the third, no unit
                employer, j = unit
        if j < len(sentence.words) and sentence.words[j - 1].text.lower() == "dan" and _role_at(sentence, j + 1):
            if not pending:
                pending_start = i
            pending.append(label)  # "Wakil Perdana Menteri dan Menteri Luar Negeri Y": Y holds both
            i = j + 1
            continue
        post = at.get(j + 1)
        if (j < len(sentence.words) and sentence.words[j - 1].text.lower() in ("untuk", "di", "bagi")
                and post is not None and post.type in ("Country", "Organization", "City") and post.entity
                and label in POSTED_ROLES):
            # "Duta Besar Kazakhstan untuk Tiongkok", "Dubes RI di Kairo": the capital for its state
            label = f"{label} to {_english_name(post)}"
            j = post.last + 1
        words = sentence.words
        if employer is not None and j < len(words) and words[j - 1].text in (",", "("):
            namely = words[j - 1].text == "," and j < len(words) and norm(words[j].text) in markers("namely")
            k = j + 2 if namely else j + 1
            k += honorific_at([w.text for w in words], k - 1)  # "Dubes RI untuk X, I Made ..."
            after = at.get(k)  # "Juru bicara Kementerian Luar Negeri RI, Lucia Vargas",
            closed = after is not None and (words[j - 1].text == "," or (  # "Menlu RI (Sari)", "CEO X, yaitu Y"
                after.last < len(words) and words[after.last].text == ")"))
            if after is not None and after.type == "Person" and closed:
                j = k
                if titles is not None:  # "Presiden Tiongkok, Xi Jinping, ke Kazakhstan": the title is Xi too
                    titles.append(Title(label, employer, i, employer.last))
        j += honorific_at([w.text for w in words], j - 1)  # "Dato Sri", "Jenderal"
        person = at.get(j)
        named = at.get(person.last + 1) if person is not None and person.source == "name_part" else None
        if named is not None and named.type == "Person":
            person = named  # "Juru bicara Otieno Ana Soto": Otieno's spokesperson is Ana Soto
        if person is None and not _role_at(sentence, j):  # "penasihat keamanan nasional Presiden X": X's
            last = _name_run(sentence, j, taken)
            run = sentence.words[j - 1:last]
            follows = at.get(last + 1)
            if follows is not None and follows.type in ("Country", "Organization") and follows.entity:
                last = j - 1  # "Ketua Bawasra RI Adi": the name of a body, not of a person
            if (last >= j and sentence.words[j - 1].upos in ("PROPN", "NOUN", "X", "ADJ")
                    and not is_common(sentence.words[j - 1].text)  # "Kepala Pusat Penerangan": no name
                    and not any(norm(w.text) in title_words() or norm(w.text) in ("no", "nomor")
                                or any(c.isdigit() for c in w.text) for w in run)):
                person = mention(sentence, j, last, "Person", source="role")
                person.text = text[person.start:person.end].strip(TRIM)
                mentions.append(person)
                taken |= set(range(j, last + 1))
                at[j] = person
        if employer is None:
            employer = _shared_employer(sentence, mentions, i)
        if person is not None and person.type == "Person":
            if employer is None and person.last + 2 <= len(words) and words[person.last].text.lower() == "dari":
                origin = at.get(person.last + 2)  # "Ratu Maxima dari Belanda"
                if origin is not None and origin.type == "Country":
                    employer = origin
            start = pending_start if pending else i
            for extra in [*pending, label]:
                out.append(RoleHolding(person, extra, employer, start, person.last))
            pending = []
            prev = [h for h in out[:-1] if h.person is not person]
            if prev and [w.text.lower() for w in sentence.words[prev[-1].last:_first_of(out, person) - 1]] == ["dan"]:
                for h in out:
                    if h.person is person:
                        h.partner = prev[-1]
            i = person.last + 1
            continue
        pending = []
        if employer is None and label not in POSTED_ROLES and j < len(words) and norm(words[j - 1].text) == "di":
            held_at = at.get(j + 1)  # "yang menjadi Executive Chairman di Grup Samudra": the body, never a place
            if held_at is not None and held_at.type == "Organization" and held_at.entity:
                employer = held_at
        # "Tokayev, Presiden Kazakhstan", "X, yang menjabat sebagai Ketua Y", "menunjuk X sebagai Duta
        # Besar Y": a person right before the role, across a comma and linking words only
        before = _holder_before(sentence, mentions, i)
        if employer is not None and before is not None:
            out.append(RoleHolding(before, label, employer, before.first, employer.last))
        elif employer is not None and titles is not None and employer.last == j - 1:
            titles.append(Title(label, employer, i, employer.last))  # "Presiden Kazakhstan mengatakan ..."
        elif (employer is None and before is None and titles is not None and label in BARE_TITLES
              and words[i - 1].text[:1].isupper()):
            titles.append(Title(label, None, i, j - 1))  # "kata Menperin": the home state's minister
        i = j if j > i else i + 1
    mentions.sort(key=lambda m: m.first)
    return out
