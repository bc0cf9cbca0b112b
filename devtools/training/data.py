"""Build the training mixes for the Indonesian Stanza models from ../shared/data.

The mix (see extract/models/id/MODELS.md for why):

* lemma: CSUI train + PUD (current UD conventions, with lemmas);
* tokenize, mwt: those plus GSD v2.1 train rewritten to current GSD conventions (``gsd21``);
* pos, depparse: those plus GSD v2.1 train (4,477 sentences) rewritten to current GSD conventions
  (``gsd21``), XPOS blanked;
* where ../shared holds the current GSD train file, it takes v2.1's place, as it is (``gsd_train``);
* dev for everything: current GSD dev; test: GSD test (CSUI test is scored end to end too);
* ner: IndoNLU NERGrit + NERP and idner-news-2k, labels mapped by ``NER_LABEL_MAP``.

Nothing here is ever trained on a file whose test score we report.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .gsd21 import NYA_STEMS, NYA_WHOLE, convert_sentence, join_whole_words

#: The treebank name the Stanza scripts see (short name ``id_diplo``).
TREEBANK = "UD_Indonesian-Diplo"
SHORT = "id_diplo"

#: One label set for the diplomatic graph; a source label absent here becomes ``O``.
NER_LABEL_MAP: dict[str, str] = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "LOC": "LOC", "PLACE": "LOC", "PLC": "LOC",
    "ORG": "ORG", "ORGANISATION": "ORG", "IND": "ORG",
    "EVT": "EVENT",
    # FNB (food and beverage, NERP) has no place in a diplomatic graph: mapped to O.
}

#: (source folder, train, dev, test) of each NER set under data/ner.
NER_SETS = {
    "nergrit": ("indonlu/nergrit_ner-grit", "train_preprocess.txt", "valid_preprocess.txt", "test_preprocess.txt"),
    "nerp": ("indonlu/nerp_ner-prosa", "train_preprocess.txt", "valid_preprocess.txt", "test_preprocess.txt"),
    "idner": ("idner-news-2k", "train.txt", "dev.txt", "test.txt"),
}


def read_conllu(path: Path) -> Iterator[list[str]]:
    """Yield sentences of a CoNLL-U file as lists of lines (comments included)."""
    block: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if line.strip():
                block.append(line)
            elif block:
                yield block
                block = []
    if block:
        yield block


def clean_sentence(block: list[str], prefix: str, index: int, blank_xpos: bool,
                   blank_feats: bool = False) -> list[str]:
    """Give the sentence a unique id and, for mixed sets, blank the XPOS (and FEATS) column."""
    out = [f"# sent_id = {prefix}-{index}"]
    for line in block:
        if line.startswith("#"):
            if line.startswith("# text =") or line.startswith("# text="):
                out.append(line)
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"{prefix}: sentence {index}: malformed CoNLL-U line {line!r}")
        if blank_xpos and cols[0].isdigit():
            cols[4] = "_"
        if blank_feats and cols[0].isdigit():
            cols[5] = "_"
        out.append("\t".join(cols))
    return out


def write_conllu(path: Path, sources: Iterable[tuple[str, Path]], blank_xpos: bool,
                 blank_feats: bool = False, whole_words: bool = False) -> int:
    """Concatenate CoNLL-U files into ``path``; return the sentence count. GSD v2.1 sentences
    (prefix ``gsd21``) are first rewritten to current GSD conventions (``gsd21.convert_sentence``);
    with ``whole_words``, lexicalised -nya words of the others are joined (``gsd21.join_whole_words``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for prefix, src in sources:
            for i, block in enumerate(read_conllu(src)):
                if prefix == "gsd21":
                    block = convert_sentence(block)
                elif whole_words:
                    block = join_whole_words(block)
                out.write("\n".join(clean_sentence(block, prefix, i, blank_xpos, blank_feats)) + "\n\n")
                count += 1
    tmp.replace(path)
    return count


#: Tags of lexicalised -nya forms ("biasanya", "sebaliknya"); a noun, verb or adjective with -nya
#: is a host + clitic that the converter may have missed, unless its stem ends in "nya" ("bertanya").
WHOLE_TAGS = {"ADV", "SCONJ", "CCONJ", "DET", "NUM", "AUX", "PART"}


def whole_word_lexicon(conllu: Path, min_count: int = 3) -> list[str]:
    """``gsd21.NYA_WHOLE`` and the lower-cased tokens that end like host + -nya but are never split in
    ``conllu``, occur there at least ``min_count`` times and are tagged as function words or
    adverbs: the tokenizer's MWT flag on them is undone at run time (``diplograf.extract.models``)."""
    whole: Counter[str] = Counter()
    tags: dict[str, Counter[str]] = {}
    split: set[str] = set()
    for block in read_conllu(conllu):
        last = 0
        for line in block:
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0]:
                split.add(cols[1].lower())
                last = int(cols[0].split("-")[1])
            elif cols[0].isdigit() and int(cols[0]) > last:
                form = cols[1].lower()
                whole[form] += 1
                tags.setdefault(form, Counter())[cols[3]] += 1
    return sorted(NYA_WHOLE - {"nya"} | {
        w for w, n in whole.items()
        if n >= min_count and w not in split and w.endswith("nya") and w.isalpha()
        and (tags[w].most_common(1)[0][0] in WHOLE_TAGS or w.endswith(NYA_STEMS))})


def ud_sources(shared: Path) -> dict[str, Path]:
    ud = shared / "data" / "ud"
    return {
        "gsd_train": ud / "UD_Indonesian-GSD" / "id_gsd-ud-train.conllu",  # optional, see gsd_train
        "gsd21_train": ud / "UD_Indonesian-GSD-v2.1" / "id-ud-train.conllu",
        "gsd_dev": ud / "UD_Indonesian-GSD" / "id_gsd-ud-dev.conllu",
        "gsd_test": ud / "UD_Indonesian-GSD" / "id_gsd-ud-test.conllu",
        "csui_train": ud / "UD_Indonesian-CSUI" / "id_csui-ud-train.conllu",
        "csui_test": ud / "UD_Indonesian-CSUI" / "id_csui-ud-test.conllu",
        "pud": ud / "UD_Indonesian-PUD" / "id_pud-ud-test.conllu",
    }


def gsd_train(src: dict[str, Path]) -> tuple[str, Path]:
    """GSD's training sentences for the mixes: the current train file where ../shared has one (the
    same sentences in GSD's own current annotation: taken as it is), else v2.1, which ``write_conllu``
    rewrites (prefix ``gsd21``)."""
    return ("gsd", src["gsd_train"]) if src["gsd_train"].exists() else ("gsd21", src["gsd21_train"])


def build_treebanks(shared: Path, work: Path) -> dict[str, int]:
    """Write the UD mixes Stanza's prepare scripts read; return sentence counts."""
    src = ud_sources(shared)
    gsd = gsd_train(src)
    needed = {k: p for k, p in src.items() if k not in ("gsd_train", "gsd21_train")} | {f"{gsd[0]}_train": gsd[1]}
    missing = [str(p) for p in needed.values() if not p.exists()]
    if missing:
        raise FileNotFoundError("training data missing: " + ", ".join(missing))
    counts = {"gsd_current": int(gsd[0] == "gsd")}
    # The "tok" mix: current conventions only (MWT, lemmas, features).
    tok = work / "ud_tok" / TREEBANK
    counts["tok_train"] = write_conllu(
        tok / f"{SHORT}-ud-train.conllu", [("csui", src["csui_train"]), ("pud", src["pud"])], blank_xpos=True)
    # The "seg" mix: tokens, sentences and multi-word tokens learn from all three (GSD as gsd_train gives it).
    seg = work / "ud_seg" / TREEBANK
    counts["seg_train"] = write_conllu(
        seg / f"{SHORT}-ud-train.conllu", [gsd, ("csui", src["csui_train"]), ("pud", src["pud"])],
        blank_xpos=True, whole_words=True)
    # The "syn" mix: adds GSD for tagging and parsing.
    syn = work / "ud_syn" / TREEBANK
    counts["syn_train"] = write_conllu(
        syn / f"{SHORT}-ud-train.conllu", [gsd, ("csui", src["csui_train"]), ("pud", src["pud"])], blank_xpos=True)
    for root in (tok, seg, syn):
        for split, key in (("dev", "gsd_dev"), ("test", "gsd_test")):
            # The tagger picks its best model on the dev file. With FEATS there, it would pick by
            # AllTags, which is mostly UFeats (GSD v2.1 trains none); without, Stanza picks by UPOS.
            counts[split] = write_conllu(root / f"{SHORT}-ud-{split}.conllu", [(key, src[key])], blank_xpos=True,
                                         blank_feats=root is syn and split == "dev")
    return counts


def read_bio(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences of a token-per-line BIO file (token first, tag last)."""
    sent: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            line = line.strip()
            if not line:
                if sent:
                    yield sent
                    sent = []
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            if len(cols) < 2:
                raise ValueError(f"{path}:{lineno}: expected 'token<TAB>tag', got {line!r}")
            sent.append((cols[0], cols[-1]))
    if sent:
        yield sent


def map_tag(tag: str) -> str:
    """Map one BIO tag onto diplograf's label set (unknown types become O)."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = NER_LABEL_MAP.get(label.upper())
    return f"{prefix.upper()}-{mapped}" if mapped else "O"


def fix_bio(tags: list[str]) -> list[str]:
    """Repair I- tags that follow O or another type (they become B-)."""
    out = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def bio_to_stanza(sentences: Iterable[list[tuple[str, str]]]) -> list[list[dict[str, str]]]:
    doc = []
    for sent in sentences:
        tags = fix_bio([map_tag(t) for _, t in sent])
        doc.append([{"text": w, "ner": t} for (w, _), t in zip(sent, tags)])
    return doc


def build_ner(shared: Path, work: Path) -> dict[str, int]:
    """Write Stanza NER json: the merged train/dev and one test file per source set."""
    base = shared / "data" / "ner"
    out_dir = work / "ner"
    out_dir.mkdir(parents=True, exist_ok=True)
    merged: dict[str, list] = {"train": [], "dev": []}
    counts = {}
    for name, (folder, train, dev, test) in NER_SETS.items():
        for split, fname in (("train", train), ("dev", dev), ("test", test)):
            doc = bio_to_stanza(read_bio(base / folder / fname))
            counts[f"{name}_{split}"] = len(doc)
            if split == "test":
                _write_json(out_dir / f"id_{name}.test.json", doc)
            else:
                merged[split].extend(doc)
    _write_json(out_dir / "id_diplo.train.json", merged["train"])
    _write_json(out_dir / "id_diplo.dev.json", merged["dev"])
    # Stanza's run_ner also wants a test file of the merged name: the cased news set stands in.
    _write_json(out_dir / "id_diplo.test.json", bio_to_stanza(read_bio(base / NER_SETS["idner"][0] / "test.txt")))
    return counts


def _write_json(path: Path, doc: list) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def vector_corpus(shared: Path) -> Iterator[list[str]]:
    """All Indonesian text we have, tokenised on whitespace/punctuation, for word2vec."""
    import re

    token_re = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]", re.UNICODE)
    for path in sorted((shared / "data" / "text").glob("*-ID-*.txt")):
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                toks = token_re.findall(line)
                if toks:
                    yield toks
    src = ud_sources(shared)
    for key in ("gsd21_train", "gsd_dev", "csui_train", "pud"):  # never a reported test file
        for block in read_conllu(src[key]):
            words = [c.split("\t")[1] for c in block if not c.startswith("#") and c.split("\t")[0].isdigit()]
            if words:
                yield words
    base = shared / "data" / "ner"
    for folder, train, dev, _test in NER_SETS.values():
        for fname in (train, dev):
            for sent in read_bio(base / folder / fname):
                yield [w for w, _ in sent]
