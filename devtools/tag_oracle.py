"""What the tagger's errors cost the parser: LAS on a treebank's gold words behind our tags, behind
gold tags, and behind our tags with one class of confusion put right at a time.

The words are the treebank's and the lemmas our lemmatizer's (as at run time); only UPOS varies, so
each gain is what a tagger that never made that confusion would bring. ``make evaluate-models``
prints it with ``--tag-oracle``.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

#: Confusion classes, a gold/predicted pair of tag sets each (either way round); a confusion
#: belongs to the first class that holds it, and to "other" when none does.
CLASSES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "NOUN / PROPN": (frozenset({"NOUN"}), frozenset({"PROPN"})),
    "ADJ / NOUN, VERB": (frozenset({"ADJ"}), frozenset({"NOUN", "VERB"})),
    "NOUN / VERB": (frozenset({"NOUN"}), frozenset({"VERB"})),
    "ADP / SCONJ, ADV": (frozenset({"ADP"}), frozenset({"SCONJ", "ADV"})),
    "DET, PRON / PRON, NOUN": (frozenset({"DET", "PRON"}), frozenset({"PRON", "NOUN"})),
    "ADV / NOUN, ADJ, AUX, VERB": (frozenset({"ADV"}), frozenset({"NOUN", "ADJ", "AUX", "VERB"})),
}
OTHER = "other"


def confusion_class(gold: str, pred: str) -> str | None:
    """The class of a tagging error (None when the tag is right)."""
    if gold == pred:
        return None
    for name, (a, b) in CLASSES.items():
        if (gold in a and pred in b) or (gold in b and pred in a):
            return name
    return OTHER


@dataclass
class OracleResult:
    words: int
    upos: float  #: our tagger's accuracy on the gold words
    confusions: Counter  #: (gold, predicted) -> count
    las: dict[str, float]  #: "our tags", "gold tags", then "fix <class>" for each class

    def errors(self, name: str) -> int:
        return sum(n for (g, p), n in self.confusions.items() if confusion_class(g, p) == name)


def run(pipeline, gold_path: Path) -> OracleResult:
    """Oracle on ``gold_path`` with a pipeline of tokenize, pos, lemma, depparse loaded with
    ``tokenize_pretokenized=True, depparse_pretagged=True``."""
    from stanza.utils.conll import CoNLL

    gold = CoNLL.conll2doc(str(gold_path))
    tagged = pipeline([[w.text for w in s.words] for s in gold.sentences])
    pairs = [[(g.upos, p.upos, p.lemma) for g, p in zip(gs.words, ps.words)]
             for gs, ps in zip(gold.sentences, tagged.sentences)]
    confusions = Counter((g, p) for sent in pairs for g, p, _ in sent if g != p)
    words = sum(map(len, pairs))
    las = {"our tags": _las(pipeline, gold_path, pairs, set()),
           "gold tags": _las(pipeline, gold_path, pairs, {*CLASSES, OTHER})}
    for name in [*CLASSES, OTHER]:
        las[f"fix {name}"] = _las(pipeline, gold_path, pairs, {name})
    return OracleResult(words, round(100 * (1 - sum(confusions.values()) / words), 2), confusions, las)


def parser_tag(gold: str, pred: str, fixed: set[str]) -> str:
    """The UPOS the parser reads: ours, or gold where our error is of a ``fixed`` class."""
    return gold if confusion_class(gold, pred) in fixed else pred


def _las(pipeline, gold_path: Path, pairs: list, fixed: set[str]) -> float:
    """LAS of the parser behind our tags, with the confusions of the ``fixed`` classes made gold."""
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(str(gold_path))
    for sent, tags in zip(doc.sentences, pairs):
        for word, (g, p, lemma) in zip(sent.words, tags):
            word.upos = parser_tag(g, p, fixed)
            word.lemma, word.xpos, word.feats, word.head, word.deprel = lemma, None, None, None, None
    doc = pipeline.processors["depparse"].process(doc)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "parsed.conllu"
        out.write_text(f"{doc:C}\n\n", encoding="utf-8")
        return round(100 * ud_scores(str(gold_path), str(out))["LAS"].f1, 2)


def report(name: str, result: OracleResult) -> str:
    base = result.las["our tags"]
    lines = [f"{name}: gold words, our lemmas; tagger UPOS {result.upos:.2f} "
             f"({sum(result.confusions.values())} of {result.words} words wrong)",
             f"  {'our tags':34s} LAS {base:6.2f}", f"  {'gold tags':34s} LAS {result.las['gold tags']:6.2f}"
             f"  ({result.las['gold tags'] - base:+.2f})"]
    for cls in [*CLASSES, OTHER]:
        las = result.las[f"fix {cls}"]
        lines.append(f"  {'fix ' + cls:34s} LAS {las:6.2f}  ({las - base:+.2f}, {result.errors(cls)} words)")
    top = ", ".join(f"{g}->{p} {n}" for (g, p), n in result.confusions.most_common(8))
    lines.append(f"  most frequent (gold->ours): {top}")
    return "\n".join(lines)
