"""``make models``: the reproducible recipe from ../shared/data to diplograf's Stanza models.

Every step is resumable: a finished step leaves its output and is skipped next time (Stanza's
run_* scripts skip a model that exists; the parser also resumes from its checkpoint), and the
wall time of each step is kept in ``<work>/times.json`` for the model card. Usage::

    python -m devtools.training [--work build/models] [--shared ../shared] [STEP ...]
    python -m devtools.training --list

Steps run one after another in the order of ``STEPS``; ``--lanes 2`` runs the tagger/NER lane
beside the tokenizer/lemma/parser lane, one thread each (two Stanza trainers with default threads
thrash on two cores). ``--profile gpu`` (the default where torch sees a GPU) trains the bundled
full-size tagger and parser; ``--profile cpu`` trains capped, slim ones that fit this 2-core machine.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import sys
import threading
import time
from pathlib import Path

from diplograf.extract.models import WHOLE_WORDS

from . import data, tuning
from .work import (
    BUNDLE,
    LEMMA_COL,
    MODEL_DIR,
    PROFILES,
    REPO,
    Work,
    forget,
    is_done,
    predict_column,
    py,
    run,
    step_args,
    trained_model,
    write_blocks,
)

#: Models stored as float16 by ``export`` (the two full-size ones; see slim.py).
HALF = ("pos", "depparse")


# --- the steps -------------------------------------------------------------------------------

def step_data(work: Work) -> Path:
    (work.root / "stanza_resources").mkdir(parents=True, exist_ok=True)
    (work.root / "stanza_resources" / "resources.json").write_text("{}")
    counts = data.build_treebanks(work.shared, work.root)
    counts.update(data.build_ner(work.shared, work.root))
    out = work.root / "data_counts.json"
    out.write_text(json.dumps(counts, indent=1, sort_keys=True))
    return out


def step_vectors(work: Work) -> Path:
    """word2vec skip-gram, 100 d, on all Indonesian training text, in Stanza's pretrain format."""
    from gensim.models import Word2Vec

    sentences = list(data.vector_corpus(work.shared))
    model = Word2Vec(sentences=sentences, vector_size=100, window=5, min_count=3, sg=1, epochs=10,
                     workers=work.threads, seed=1)
    txt = work.root / "pretrain" / "id_diplo.vectors.txt"
    txt.parent.mkdir(parents=True, exist_ok=True)
    model.wv.save_word2vec_format(str(txt), binary=False)
    run(work, "vectors", py("stanza.models.common.convert_pretrain", str(work.pretrain), str(txt), "-1"))
    (work.root / "pretrain" / "stats.json").write_text(json.dumps(
        {"sentences": len(sentences), "tokens": sum(map(len, sentences)), "vocab": len(model.wv)}, indent=1))
    return work.pretrain


def _prepare(work: Work, kind: str, ud: str, *extra: str) -> None:
    run(work, f"prepare_{kind}", py(f"stanza.utils.datasets.prepare_{kind}_treebank", data.TREEBANK, *extra), ud=ud)


def _train(work: Work, name: str, runner: str, ud: str, pretrain: bool, *extra: str) -> None:
    cmd = py(f"stanza.utils.training.run_{runner}", data.TREEBANK if name != "ner" else data.SHORT,
              "--save_dir", str(work.saved / name), "--save_name", BUNDLE[name])
    # No charlm (it would be downloaded); --force because an unfinished step (no done marker) may
    # have left its best-so-far model, which Stanza would otherwise take as finished.
    cmd += (["--no_charlm"] if name != "mwt" else []) + ["--force"]
    if pretrain:
        cmd += ["--wordvec_pretrain_file", str(work.pretrain)]
    run(work, name, cmd + [*extra, *step_args(name, work.profile)], ud=ud)


#: Stanza model -> (prepare script or None, run_* script, UD mix, word vectors?, prepare options).
MODEL_STEPS: dict[str, tuple[str | None, str, str, bool, tuple[str, ...]]] = {
    "tokenize": ("tokenizer", "tokenizer", "ud_seg", False, ()),
    "mwt": ("mwt", "mwt", "ud_seg", False, ()),
    "lemma": ("lemma", "lemma", "ud_tok", False, ("--gold",)),
    "pos": ("pos", "pos", "ud_syn", True, ()),
    "depparse": ("depparse", "depparse", "ud_syn", True, ("--gold",)),
    "ner": (None, "ner", "ud_syn", True, ()),  # NER data comes from step_data
}



def lemmatiser(work: Work) -> list[str]:
    """The predictor arguments of our trained lemmatizer (see ``predict_column``)."""
    model = trained_model(work, "lemma")
    return ["stanza.models.lemmatizer", "--save_dir", str(model.parent), "--save_name", model.name]


def lemmatise_gsd21(work: Work) -> int:
    """Give the GSD v2.1 sentences of the syntax mix the lemmas of our own lemmatizer.

    v2.1 has no lemmas, and the parser embeds lemmas: a sentence with "_" lemmas would be known to
    come from GSD v2.1 and one with lemmas from CSUI/PUD, and text at run time (lemmatised by the
    pipeline) would always be parsed the CSUI way. Returns the number of sentences lemmatised."""
    train = work.root / "ud_syn" / data.TREEBANK / f"{data.SHORT}-ud-train.conllu"
    blocks = list(data.read_conllu(train))
    gsd21 = [i for i, b in enumerate(blocks) if b[0].startswith("# sent_id = gsd21-")]
    if not gsd21:  # the current GSD train file has lemmas of its own (data.gsd_train)
        return 0
    src, out = work.root / "data" / "gsd21-lemma.in.conllu", work.root / "data" / "gsd21-lemma.out.conllu"
    write_blocks(src, [blocks[i] for i in gsd21])
    predict_column(work, "lemmatise_gsd21", lemmatiser(work), src, out, LEMMA_COL)
    for i, lemmatised in zip(gsd21, data.read_conllu(out)):
        blocks[i] = lemmatised
    write_blocks(train, blocks)
    return len(gsd21)


#: A step -> the steps built on its model, which a new model of it makes stale.
BUILT_ON = {"pos": ("depparse_tune",), "depparse": ("depparse_tune",)}

#: The steps whose model replaces another's in the bundle, when done.
TUNED = {"depparse": "depparse_tune"}



def train_model(work: Work, name: str) -> Path:
    """Prepare the data of one Stanza model with stanza.utils.datasets and train it with its run_* script."""
    prepare, runner, ud, pretrain, options = MODEL_STEPS[name]
    if name == "depparse":
        lemmatise_gsd21(work)
    if prepare:
        _prepare(work, prepare, ud, *options)
    _train(work, name, runner, ud, pretrain)
    return work.saved / name / BUNDLE[name]


def step_export(work: Work) -> Path:
    """Copy the models into the package, stripped of optimizer state."""
    from .slim import slim_model

    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    for name, fname in BUNDLE.items():
        src = work.pretrain if name == "pretrain" else work.saved / name / fname
        if name in TUNED and is_done(work, TUNED[name]):
            src = work.saved / TUNED[name] / fname
        if not src.exists():
            raise FileNotFoundError(f"export: {src} is missing; run the '{name}' step first")
        slim_model(src, MODEL_DIR / fname, half=name in HALF)
    seg_train = work.root / "ud_seg" / data.TREEBANK / f"{data.SHORT}-ud-train.conllu"
    lexicon = "\n".join(data.whole_word_lexicon(seg_train)) + "\n"
    (MODEL_DIR / WHOLE_WORDS).write_text(lexicon, encoding="utf-8")
    shutil.copy(work.root / "times.json", MODEL_DIR / "training-times.json")
    return MODEL_DIR


#: name -> (function, lane). Order matters within a lane; a done step leaves a marker in <work>/done/.
STEPS = {
    "data": (step_data, 0),
    "vectors": (step_vectors, 0),
    "tokenize": (functools.partial(train_model, name="tokenize"), 1),
    "mwt": (functools.partial(train_model, name="mwt"), 1),
    "lemma": (functools.partial(train_model, name="lemma"), 1),
    "depparse": (functools.partial(train_model, name="depparse"), 1),  # wants the lemmatizer
    "pos": (functools.partial(train_model, name="pos"), 2),
    "ner": (functools.partial(train_model, name="ner"), 2),
    "depparse_tune": (tuning.step_depparse_tune, 3),  # wants the tagger and the parser
    "export": (step_export, 3),
}




def _record(work: Work, name: str, seconds: float) -> None:
    with _LOCK:
        path = work.root / "times.json"
        times = json.loads(path.read_text()) if path.exists() else {}
        times[name] = {"seconds": round(seconds, 1), "threads": work.threads, "profile": work.profile,
                       "device": _device(), "finished": time.strftime("%Y-%m-%d %H:%M:%S")}
        path.write_text(json.dumps(times, indent=1, sort_keys=True))
        (work.root / "done").mkdir(parents=True, exist_ok=True)
        (work.root / "done" / name).write_text("ok\n")


_LOCK = threading.Lock()


def run_step(work: Work, name: str, force: bool = False) -> None:
    if is_done(work, name) and not force:
        print(f"[{name}] done already, skipped ({work.root / 'done' / name})", flush=True)
        return
    for stale in BUILT_ON.get(name, ()):
        forget(work, stale)
    start = time.time()
    print(f"[{name}] starting at {time.strftime('%H:%M:%S')}", flush=True)
    func = STEPS[name][0]
    out = func(work)
    _record(work, name, time.time() - start)
    print(f"[{name}] finished in {time.time() - start:.0f} s -> {out}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.training", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("steps", nargs="*", help="steps to run (default: all); see --list")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "models", help="working folder (ignored by git)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared data folder")
    parser.add_argument("--lanes", type=int, choices=(1, 2), default=1, help="run two training lanes at once")
    parser.add_argument("--threads", type=int, help="torch threads per trainer (default: 2, or 1 with --lanes 2)")
    parser.add_argument("--profile", choices=sorted(PROFILES),
                        help="step counts and model sizes: 'gpu' (the bundled models' full sizes) or 'cpu' "
                             "(capped, slim); default: gpu where torch sees one, else cpu")
    parser.add_argument("--force", action="store_true", help="re-run steps already done")
    parser.add_argument("--list", action="store_true", help="list the steps and whether they are done")
    args = parser.parse_args(argv)
    work = Work(args.work, args.shared, threads=args.threads or (1 if args.lanes == 2 else 2),
                profile=args.profile or _default_profile())
    if args.list:
        for name in STEPS:
            print(f"{name:14s} {'done' if is_done(work, name) else '-'}")
        return 0
    if not (args.shared / "data").exists():
        parser.error(f"no training data at {args.shared / 'data'} (pass --shared DIR)")
    print(f"profile: {work.profile}", flush=True)
    wanted = args.steps or list(STEPS)
    unknown = [s for s in wanted if s not in STEPS]
    if unknown:
        parser.error(f"unknown step(s): {', '.join(unknown)}; known: {', '.join(STEPS)}")
    lanes = {n: [s for s in wanted if STEPS[s][1] == n] for n in range(4)}
    try:
        for name in lanes[0]:
            run_step(work, name, args.force)
        if args.lanes == 2:
            _two_lanes(work, lanes[1], lanes[2], args.force)
        else:
            for name in lanes[1] + lanes[2]:
                run_step(work, name, args.force)
        for name in lanes[3]:
            run_step(work, name, args.force)
    except (RuntimeError, FileNotFoundError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


def _device() -> str:
    """Where the steps train: the GPU's name, or "cpu"."""
    import torch

    return torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu"


def _default_profile() -> str:
    import torch

    return "gpu" if torch.cuda.is_available() else "cpu"


def _two_lanes(work: Work, first: list[str], second: list[str], force: bool) -> None:
    errors: list[BaseException] = []

    def lane(names: list[str]) -> None:
        try:
            for name in names:
                run_step(work, name, force)
        except BaseException as err:  # reported after both lanes stop
            errors.append(err)

    threads = [threading.Thread(target=lane, args=(n,)) for n in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError("; ".join(str(e) for e in errors))
