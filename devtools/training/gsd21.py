"""Bring the GSD v2.1 training file to the current GSD conventions (UD v2.9 revision and later).

The current GSD train file cannot be obtained here; the v2.1 file holds the same sentences with the
annotation of 2018. Its differences from current GSD dev were counted (UPOS and deprel per form, per
head/dependent tag pair) and the systematic ones are rewritten here, so that the tagger and parser
do not learn two conventions for the same words:

* ``-nya`` enclitics are split off as their own syntactic word (a multi-word token): ``nmod:poss``
  of a noun, ``obj`` of an active verb, ``obl:agent`` of a ``di-`` passive; so are ``-kah`` and
  ``-lah`` after question words and pronouns ("Apakah", "Inilah": PART, ``advmod:emph``);
* modal and aspect words (``akan``, ``telah``, ``dapat`` ...) tagged ADV/advmod become AUX/aux;
* ``flat`` splits into ``flat:name`` (name parts) and ``nmod`` (a name after a common noun:
  "kecamatan Kejajar"); possessors tagged ``det`` become ``nmod`` (``nmod:poss`` for pronouns);
* relative clauses with ``yang`` become ``acl:relcl``, adjectival ones ("yang besar", v2.1 ``amod``)
  included; "secara" + adjective: the adjective ``advmod``, ``secara`` its ``case:adv``;
* "salah satu X": ``salah`` advmod of ``satu``, ``satu`` nummod of X;
* reduplicated plurals written as three tokens ("kota - kota") become one word, as since v2.8;
  the sentence text is rebuilt from the tokens to match, with hyphens between names or numbers
  attached as news writes them ("Bengkong-Batam");
* "untuk", "dengan" ... before a verb are SCONJ/mark, not ADP/case;
* a few function words change tag (ordinals are ADJ/amod, ``tetapi``/``tapi`` CCONJ/cc, ``yaitu``
  ADP/case, "/" PUNCT).

The rewrite is deterministic and never touches a test file.
"""

from __future__ import annotations

import re

ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)

#: Modal/aspect words that current GSD tags AUX with deprel aux (v2.1: ADV, advmod).
AUXILIARIES = frozenset(
    "akan telah dapat bisa sudah ingin harus mampu mungkin sedang boleh seharusnya".split())

#: form -> (UPOS, deprel or None to keep) where current GSD tags a function word differently.
RETAG = {
    "tetapi": ("CCONJ", "cc"), "tapi": ("CCONJ", "cc"), "namun": ("CCONJ", "cc"),
    "yaitu": ("ADP", "case"),
    "/": ("PUNCT", "punct"),
    "mana": ("PRON", None), "apa": ("PRON", None), "sesuatu": ("PRON", None), "diri": ("PRON", None),
    "dimana": ("SCONJ", None), "sebagian": ("NOUN", None), "sendiri": ("DET", "det"),
}

#: Words ending in -nya that are not host + enclitic (adverbs, connectives, lexicalised forms).
NYA_WHOLE = frozenset(
    "hanya lainnya akhirnya sebelumnya biasanya umumnya berikutnya sebenarnya selanjutnya "
    "semestinya seharusnya sebaliknya diantaranya kesemuanya khususnya misalnya awalnya contohnya "
    "sesungguhnya bahwasanya agaknya rupanya nampaknya tampaknya kiranya mestinya sayangnya "
    "setidaknya sekurangnya selebihnya seolah-olahnya nya".split())

#: Prepositions that current GSD tags SCONJ/mark when they introduce a verb ("untuk membangun").
VERB_MARKERS = frozenset({"untuk", "dengan", "sebelum", "seperti"})

#: Stems that end in "nya" themselves: "bertanya" is ber- + tanya, not a host + -nya.
NYA_STEMS = ("tanya", "punya")

ORDINAL = re.compile(r"^(pertama|ke(dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|"
                     r"\w+belas|\w+puluh|seratus|\d+))$", re.IGNORECASE)


def _renumber(rows: list[list[str]], ranges: dict[int, list[str]]) -> list[str]:
    """Lines of a sentence from word rows (ids may be stale) and multi-word ranges keyed by the
    index of their first word in ``rows``."""
    new_id = {row[ID]: str(i + 1) for i, row in enumerate(rows)}
    new_id["0"] = "0"
    lines = []
    for i, row in enumerate(rows):
        if i in ranges:
            span = ranges[i]
            lines.append("\t".join([f"{i + 1}-{i + int(span[0])}", span[1], *["_"] * 7, span[2]]))
        out = list(row)
        out[ID] = new_id[row[ID]]
        out[HEAD] = new_id[row[HEAD]]
        lines.append("\t".join(out))
    return lines


def _children(rows: list[list[str]], ident: str) -> list[list[str]]:
    return [r for r in rows if r[HEAD] == ident]


def _merge_reduplication(rows: list[list[str]]) -> list[list[str]]:
    """"kota - kota" (compound:plur over a hyphen) -> one word "kota-kota"."""
    i = 0
    while i + 2 < len(rows):
        a, dash, b = rows[i], rows[i + 1], rows[i + 2]
        if dash[FORM] == "-" and b[DEPREL] == "compound:plur" and b[HEAD] == a[ID]:
            a[FORM] = f"{a[FORM]}-{b[FORM]}"
            misc = [m for m in b[MISC].split("|") if m != "_"]
            a[MISC] = "|".join(misc) or "_"
            for r in rows:
                if r[HEAD] in (dash[ID], b[ID]):
                    r[HEAD] = a[ID]
            del rows[i + 1:i + 3]
        i += 1
    return rows


def _relabel(rows: list[list[str]]) -> None:
    by_id = {r[ID]: r for r in rows}
    for r in rows:
        form = r[FORM].lower()
        head = by_id.get(r[HEAD])
        rel = r[DEPREL]
        if form in AUXILIARIES and r[UPOS] == "ADV" and rel == "advmod":
            r[UPOS], r[DEPREL] = "AUX", "aux"
        elif (form in VERB_MARKERS and rel == "case" and head is not None
              and head[UPOS] == "VERB"):
            r[UPOS], r[DEPREL] = "SCONJ", "mark"
        elif form in RETAG:
            upos, deprel = RETAG[form]
            r[UPOS] = upos
            if deprel and rel not in ("root", "conj"):
                r[DEPREL] = deprel
        elif ORDINAL.match(form) and r[UPOS] in ("NUM", "DET"):
            r[UPOS] = "ADJ"
            if rel in ("nummod", "det"):
                r[DEPREL] = "amod"
        elif rel == "flat" and head is not None:
            if r[UPOS] == "PROPN" and head[UPOS] == "PROPN":
                r[DEPREL] = "flat:name"
            elif r[UPOS] == "PROPN" and head[UPOS] == "NOUN":
                r[DEPREL] = "nmod"
        elif rel == "det" and r[UPOS] in ("NOUN", "PROPN"):
            r[DEPREL] = "nmod"
        elif rel == "det" and r[UPOS] == "PRON":
            r[DEPREL] = "nmod:poss"
        elif rel in ("acl", "amod") and any(c[FORM].lower() == "yang" for c in _children(rows, r[ID])):
            r[DEPREL] = "acl:relcl"  # "desa yang besar": v2.1 amod, current GSD a relative clause
    _secara(rows)
    # "salah satu X"
    for i, r in enumerate(rows[:-1]):
        nxt = rows[i + 1]
        if r[FORM].lower() == "salah" and nxt[FORM].lower() == "satu" and nxt[HEAD] == r[ID]:
            nxt[HEAD], nxt[UPOS], nxt[DEPREL] = r[HEAD], "NUM", "nummod"
            r[HEAD], r[UPOS], r[DEPREL] = nxt[ID], "ADJ", "advmod"
            for c in rows:
                if c[HEAD] == r[ID] and c is not nxt:
                    c[HEAD] = nxt[HEAD]


#: Hosts of the emphatic enclitics that current GSD splits off ("Apakah" -> "Apa" + "kah").
KAH_HOSTS = frozenset("apa siapa bagaimana mana mengapa kapan berapa bukan ada benar dimana".split())
#: Not "ia": "ialah" is a copula.
LAH_HOSTS = frozenset("ini itu dia mereka kami kita saya sini situ disini disitu".split())


def _clitic(row: list[str]) -> tuple[str, str, str] | None:
    """(host form, clitic form, deprel of the clitic) when the v2.1 token is host + enclitic."""
    form = row[FORM]
    low = form.lower()
    if (low.endswith("nya") and len(low) > 5 and low not in NYA_WHOLE and "-" not in low
            and not low.endswith(NYA_STEMS) and row[UPOS] in ("NOUN", "VERB")):
        if row[UPOS] == "NOUN":
            rel = "nmod:poss"
        elif low.startswith("di"):
            rel = "obl:agent"
        else:
            rel = "obj"
        return form[:-3], form[-3:], rel
    if (low.endswith("kah") and low[:-3] in KAH_HOSTS) or (low.endswith("lah") and low[:-3] in LAH_HOSTS):
        return form[:-3], form[-3:], "advmod:emph"
    return None


def _split_clitics(rows: list[list[str]]) -> tuple[list[list[str]], dict[int, list[str]]]:
    """Split "bukunya" into "buku" + "nya" under a multi-word token; return rows and ranges."""
    out: list[list[str]] = []
    ranges: dict[int, list[str]] = {}
    for r in rows:
        split = _clitic(r)
        if split is None:
            out.append(r)
            continue
        host_form, clitic_form, rel = split
        host = list(r)
        host[FORM] = host_form
        host[MISC] = "_"
        upos = "PRON" if clitic_form.lower() == "nya" else "PART"
        clitic = [f"{r[ID]}.{clitic_form}", clitic_form, "_", upos, "_", "_", r[ID], rel, "_", "_"]
        ranges[len(out)] = ["2", r[FORM], r[MISC]]
        out.extend([host, clitic])
    return out, ranges


def _text(lines: list[str]) -> str:
    """The sentence text rebuilt from its tokens and SpaceAfter=No."""
    parts: list[str] = []
    skip_to = 0
    for line in lines:
        cols = line.split("\t")
        if "-" in cols[ID]:
            skip_to = int(cols[ID].split("-")[1])
        elif int(cols[ID]) <= skip_to:
            continue
        parts.append(cols[FORM] + ("" if "SpaceAfter=No" in cols[MISC] else " "))
    return "".join(parts).strip()


def _secara(rows: list[list[str]]) -> None:
    """"secara resmi": the adjective is ``advmod`` of the predicate and ``secara`` its ``case:adv``.

    v2.1 hangs ``secara`` on the verb beside the adjective, or makes the adjective ``xcomp``/``acl``."""
    for i, r in enumerate(rows[:-1]):
        adj = rows[i + 1]
        if r[FORM].lower() != "secara" or r[DEPREL] != "case" or adj[UPOS] != "ADJ":
            continue
        if r[HEAD] != adj[ID] and adj[HEAD] == r[HEAD]:
            r[HEAD] = adj[ID]
        if r[HEAD] == adj[ID]:
            r[DEPREL] = "case:adv"
            if adj[DEPREL] in ("amod", "xcomp", "acl", "advcl"):
                adj[DEPREL] = "advmod"


def _attach_hyphens(rows: list[list[str]]) -> None:
    """v2.1 text spaces every hyphen ("Bengkong - Batam"); news writes "Bengkong-Batam", which CSUI
    tokenizes as three tokens. Between two names or numbers, the hyphen is attached on both sides."""
    for i in range(1, len(rows) - 1):
        prev, dash, nxt = rows[i - 1], rows[i], rows[i + 1]
        if dash[FORM] == "-" and prev[UPOS] in ("PROPN", "NUM") and nxt[UPOS] in ("PROPN", "NUM"):
            for row in (prev, dash):
                misc = [m for m in row[MISC].split("|") if m not in ("_", "SpaceAfter=No")]
                row[MISC] = "|".join(["SpaceAfter=No", *misc])


def convert_sentence(block: list[str]) -> list[str]:
    """One v2.1 sentence (comment and word lines) in current GSD conventions."""
    comments = [line for line in block if line.startswith("#")]
    rows = [line.split("\t") for line in block if not line.startswith("#")]
    rows = [r for r in rows if r[ID].isdigit()]  # v2.1 GSD has no ranges or empty nodes
    rows = _merge_reduplication(rows)
    _attach_hyphens(rows)
    _relabel(rows)
    rows, ranges = _split_clitics(rows)
    lines = _renumber(rows, ranges)
    comments = [c for c in comments if not c.startswith("# text")] + [f"# text = {_text(lines)}"]
    return comments + lines


def join_whole_words(block: list[str]) -> list[str]:
    """Undo the split of lexicalised -nya words ("lain" + "nya" -> "lainnya") that CSUI and PUD
    sometimes make and GSD never does, so that the tokenizer learns one convention."""
    comments = [line for line in block if line.startswith("#")]
    lines = [line.split("\t") for line in block if not line.startswith("#")]
    if not any("-" in c[ID] and c[FORM].lower() in NYA_WHOLE for c in lines):
        return block
    rows: list[list[str]] = []
    ranges: dict[int, list[str]] = {}
    absorbed: dict[str, str] = {}  # id of a dropped word -> id of the word that stands for the range
    dropped_head: dict[str, str] = {}
    pending: list[str] | None = None
    for cols in lines:
        if "-" in cols[ID]:
            first, last = (int(x) for x in cols[ID].split("-"))
            if cols[FORM].lower() in NYA_WHOLE:
                pending = cols
            else:
                ranges[len(rows)] = [str(last - first + 1), cols[FORM], cols[MISC]]
            continue
        if "." in cols[ID]:
            continue
        if pending is not None:
            first, last = (int(x) for x in pending[ID].split("-"))
            if int(cols[ID]) == first:
                cols = list(cols)
                cols[FORM], cols[MISC] = pending[FORM], pending[MISC]
                rows.append(cols)
                continue
            absorbed[cols[ID]] = str(first)
            dropped_head[str(first)] = cols[HEAD]
            if int(cols[ID]) == last:
                pending = None
            continue
        rows.append(cols)
    for r in rows:
        if r[HEAD] in absorbed and absorbed[r[HEAD]] == r[ID]:  # the host depended on its own clitic
            r[HEAD] = dropped_head[r[ID]]
        while r[HEAD] in absorbed:
            r[HEAD] = absorbed[r[HEAD]]
    return comments + _renumber(rows, ranges)
