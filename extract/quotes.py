"""Who speaks inside quotation marks: "saya" in a quote is the person the article says said it.

News quotes a speaker and names them after the closing mark ("... Saya bicara dengan X," kata Y.), often
after several quoted sentences; "-nya" on the verb of saying ("tuturnya") is the person named last before
the quote opened.
"""

from __future__ import annotations

from .records import Mention, Sentence, Word
from .tables import markers, norm

#: Quotation marks; news opens quotes with any of them, so each one toggles.
QUOTE_MARKS = '"“”'
#: How many words after the closing mark the verb of saying may come ("," kata Y / ", ujar Y").
ATTRIBUTION_REACH = 3


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotes of ``text``; an unclosed last one is left out."""
    marks = [i for i, c in enumerate(text) if c in QUOTE_MARKS]
    return list(zip(marks[0::2], marks[1::2]))


def subject_of(verb: Word, sentence: Sentence, mentions: list[Mention]) -> Mention | None:
    """The person mention that is the subject of ``verb`` ("Menteri X mengatakan", "..., tutur X")."""
    people = [m for m in mentions if m.type == "Person" and m.entity]
    for subj in sentence.children(verb.index):
        if subj.deprel.split(":")[0] != "nsubj":
            continue
        span = {subj.index} | {c.index for c in sentence.children(subj.index)
                               if c.deprel.split(":")[0] in ("flat", "appos")}
        who = next((m for m in people if any(m.first <= i <= m.last for i in span)), None)
        if who is not None:
            return who
    return None


def speakers(sentence: Sentence, mentions: list[Mention]) -> dict[str, int]:
    """Who speaks in a sentence: entity key -> character offset of the verb of saying (``markers.tsv``:
    speech) whose subject names that person ("Menteri X mengatakan, ...", "..., tutur X di Nairobi")."""
    speech = markers("speech")
    out: dict[str, int] = {}
    for verb in sentence.words:
        if norm(verb.text) in speech and verb.upos in ("VERB", "NOUN"):
            who = subject_of(verb, sentence, mentions)
            if who is not None:
                out.setdefault(who.entity, verb.start)
    return out


def _speaker(verb: Word, sentence: Sentence, mentions: list[Mention], before: list[Mention]) -> str | None:
    """The person a verb of saying names as speaker: its subject, or for "-nya" ("tuturnya") the person
    named last before the quote."""
    who = subject_of(verb, sentence, mentions)
    if who is not None:
        return who.entity
    if any(norm(c.text) == "nya" and not c.deprel.startswith("nsubj") for c in sentence.children(verb.index)) \
            and not any(c.deprel.startswith("nsubj") for c in sentence.children(verb.index)):
        people = [m.entity for m in before if m.type == "Person" and m.entity and not m.entity.startswith("group:")]
        return people[-1] if people else None
    return None


def quoted_speakers(sentences: list[Sentence], mentions: dict[int, list[Mention]],
                    text: str) -> dict[tuple[int, int], str]:
    """(sentence index, word index) of each first-person word ("saya") inside a quote -> the entity key of
    the person the attribution after the quote names."""
    speech, first_person = markers("speech"), markers("first-person")
    everyone = sorted((m for ms in mentions.values() for m in ms), key=lambda m: m.start)
    out: dict[tuple[int, int], str] = {}
    for opening, closing in quote_spans(text):
        said = next((s for s in sentences if s.start <= closing < s.end + 1), None)
        if said is None:
            continue
        after = [w for w in said.words if w.start > closing][:ATTRIBUTION_REACH]
        verb = next((w for w in after if norm(w.text) in speech), None)
        before = [m for m in everyone if m.end <= opening]
        speaker = _speaker(verb, said, mentions.get(said.index, []), before) if verb is not None else None
        if speaker is None:
            continue
        for s in sentences:
            for w in s.words:
                if opening < w.start < closing and norm(w.text) in first_person and w.upos == "PRON":
                    out[(s.index, w.index)] = speaker
    return out
