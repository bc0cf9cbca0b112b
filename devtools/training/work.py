"""What the training steps share: the working folder of a run, the bundle's file names, each step's
Stanza arguments by profile, running a Stanza script with its log, and rewriting a CoNLL-U column with a
model's predictions. ``recipe.py`` (the steps, in order) and ``tuning.py`` (the parser's tuning) build on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import data

REPO = Path(__file__).resolve().parents[2]
#: Where ``export`` puts the models: the bundle the installed package loads (extract/models/id).
MODEL_DIR = REPO / "extract" / "models" / "id"

#: Bundled file name of each processor's model, as the pipeline loader expects it.
BUNDLE = {
    "tokenize": "tokenize.pt",
    "mwt": "mwt.pt",
    "pos": "pos.pt",
    "lemma": "lemma.pt",
    "depparse": "depparse.pt",
    "ner": "ner.pt",
    "pretrain": "pretrain.pt",
}

#: Capped CPU schedules and slim sizes: each fits a 2-core machine in well under an hour.
#: ``$DIPLOGRAF_TRAIN_SCALE`` multiplies every step count.
CPU_ARGS: dict[str, list[str]] = {
    "tokenize": ["--steps", "{steps:1600}", "--eval_steps", "200"],
    "mwt": ["--num_epoch", "30"],
    "lemma": ["--num_epoch", "{steps:12}"],
    "pos": ["--max_steps", "{steps:2000}", "--eval_interval", "150", "--batch_size", "64",
            "--hidden_dim", "200", "--char_hidden_dim", "200", "--word_emb_dim", "50",
            "--deep_biaff_hidden_dim", "200", "--max_steps_before_stop", "600"],
    "depparse": ["--max_steps", "{steps:2400}", "--eval_interval", "200", "--batch_size", "1500",
                 "--hidden_dim", "200", "--char_hidden_dim", "200", "--word_emb_dim", "50",
                 "--deep_biaff_hidden_dim", "200", "--num_layers", "2", "--checkpoint_interval", "100",
                 "--max_steps_before_stop", "1000", "--second_optim_start_step", "1100",
                 # FEATS would tell the parser which treebank a sentence came from (GSD v2.1 has none)
                 # and it would parse every featured sentence the CSUI way: leave them out.
                 "--no_ufeats"],
    "ner": ["--max_steps", "{steps:6000}", "--eval_interval", "500", "--batch_size", "32",
            "--hidden_dim", "200", "--char_hidden_dim", "50", "--max_steps_no_improve", "2500"],
}

#: The bundled tagger and parser: Stanza's full sizes (tagger all defaults; parser hidden 400,
#: 3 layers, char 400, batch 5000 words) with the parser's deprel scorer at 200 (400 would add
#: 24 MB to the bundle); Adadelta for 2,000 steps, then Adam from the best model. Trained on a GPU
#: (MODELS.md has the times); on a CPU the same schedule runs many hours.
GPU_ARGS: dict[str, list[str]] = CPU_ARGS | {
    "pos": ["--max_steps", "{steps:1400}", "--eval_interval", "100", "--max_steps_before_stop", "3000"],
    "depparse": ["--max_steps", "{steps:3000}", "--eval_interval", "100", "--deep_biaff_hidden_dim", "200",
                 "--checkpoint_interval", "500", "--max_steps_before_stop", "1000",
                 "--second_optim_start_step", "{steps:2000}", "--no_ufeats"],
}

#: The parser's tuning on our tagger's tags (``tuning.py``): Adam from the trained parser, on its
#: training and dev files retagged by our tagger, so that it learns not to trust a wrong tag. The
#: same schedule for both profiles; the model sizes come from "depparse" (``shape_args``).
DEPPARSE_TUNE_ARGS = ["--max_steps", "{steps:300}", "--eval_interval", "{steps:50}",
                      "--checkpoint_interval", "{steps:50}",
                      # Stanza steps its scheduler at each dev evaluation: a warmup would hold lr at 0 until then
                      "--second_warmup_steps", "0", "--max_steps_before_stop", "1000",
                      "--second_optim_start_step", "1"]
for _profile in (CPU_ARGS, GPU_ARGS):
    _profile["depparse_tune"] = DEPPARSE_TUNE_ARGS

PROFILES = {"cpu": CPU_ARGS, "gpu": GPU_ARGS}

#: Flags of the "depparse" step that fix the parser's shape; the tuning run must repeat them.
SHAPE_FLAGS = ("--hidden_dim", "--char_hidden_dim", "--word_emb_dim", "--deep_biaff_hidden_dim",
               "--num_layers", "--batch_size")


@dataclass
class Work:
    """Paths of one training run."""

    root: Path
    shared: Path
    threads: int = 2
    profile: str = "cpu"
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.root = self.root.resolve()
        self.shared = self.shared.resolve()
        self.log = self.root / "logs"

    @property
    def pretrain(self) -> Path:
        return self.root / "pretrain" / "id_diplo.pretrain.pt"

    @property
    def saved(self) -> Path:
        return self.root / "saved_models"

    def env(self, ud: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update({
            "UDBASE": str(self.root / ud),
            "DATA_ROOT": str(self.root / "data"),
            "NER_DATA_DIR": str(self.root / "ner"),
            "STANZA_RESOURCES_DIR": str(self.root / "stanza_resources"),
            "OMP_NUM_THREADS": str(self.threads),
            "MKL_NUM_THREADS": str(self.threads),
            "PYTHONUNBUFFERED": "1",
            # the steps run devtools modules (tune_parser) in subprocesses started in the work folder
            "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p),
        })
        return env


def step_args(name: str, profile: str = "cpu") -> list[str]:
    scale = float(os.environ.get("DIPLOGRAF_TRAIN_SCALE", "1"))
    out = []
    for arg in PROFILES[profile][name]:
        if arg.startswith("{steps:"):
            arg = str(max(1, int(int(arg[7:-1]) * scale)))
        out.append(arg)
    return out


def run(work: Work, name: str, cmd: list[str], ud: str = "ud_syn") -> None:
    work.log.mkdir(parents=True, exist_ok=True)
    logfile = work.log / f"{name}.log"
    print(f"[{name}] {' '.join(cmd)}\n[{name}] log: {logfile}", flush=True)
    with open(logfile, "a", encoding="utf-8") as log:
        log.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(cmd)}\n")
        log.flush()
        proc = subprocess.run(cmd, cwd=work.root, env=work.env(ud), stdout=log, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        tail = logfile.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
        raise RuntimeError(f"step {name} failed (exit {proc.returncode}); last lines of {logfile}:\n" + "\n".join(tail))


def py(module: str, *args: str) -> list[str]:
    return [sys.executable, "-m", module, *args]


LEMMA_COL, UPOS_COL = 2, 3


def _is_word(line: str) -> bool:
    """A CoNLL-U word line (not a comment, a multi-word range or an empty node)."""
    return not line.startswith("#") and line.split("\t")[0].isdigit()


def take_column(block: list[str], predicted: list[str], col: int, who: str) -> tuple[list[str], int]:
    """The lines of ``block`` with column ``col`` of each word taken from ``predicted`` (the same
    sentence as a Stanza model wrote it back); returns them and how many values changed."""
    values = [line.split("\t")[col] for line in predicted if _is_word(line)]
    out, k, changed = [], 0, 0
    for line in block:
        if _is_word(line):
            if k >= len(values):
                raise RuntimeError(f"{who}: word count differs in sentence {block[0]}")
            cols = line.split("\t")
            changed += cols[col] != values[k]
            cols[col] = values[k]
            line = "\t".join(cols)
            k += 1
        out.append(line)
    if k != len(values):
        raise RuntimeError(f"{who}: word count differs in sentence {block[0]}")
    return out, changed


def write_blocks(path: Path, blocks: list[list[str]]) -> None:
    """Write CoNLL-U sentences to ``path`` through a temporary file (never a half-written file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("".join("\n".join(b) + "\n\n" for b in blocks), encoding="utf-8")
    tmp.replace(path)


def predict_column(work: Work, who: str, predictor: list[str], src: Path, dst: Path, col: int) -> tuple[int, int]:
    """Copy the CoNLL-U file ``src`` to ``dst`` with column ``col`` as a Stanza model predicts it.

    ``predictor``: the model's module and arguments (``--mode predict`` and the model files); every
    other column is kept. Returns (values changed, words)."""
    raw = dst.with_name(dst.name + ".predicted")
    dst.parent.mkdir(parents=True, exist_ok=True)
    run(work, who, py(*predictor, "--mode", "predict", "--eval_file", str(src), "--output_file", str(raw),
                        "--shorthand", data.SHORT))
    original, predicted = list(data.read_conllu(src)), list(data.read_conllu(raw))
    if len(original) != len(predicted):
        raise RuntimeError(f"{who}: {len(predicted)} sentences back from the model for {len(original)} in {src}")
    changed = words = 0
    blocks = []
    for gold, pred in zip(original, predicted):
        rows, diff = take_column(gold, pred, col, f"{who} ({src})")
        changed += diff
        words += sum(1 for line in rows if _is_word(line))
        blocks.append(rows)
    write_blocks(dst, blocks)
    raw.unlink()
    return changed, words


def trained_model(work: Work, name: str) -> Path:
    """The model file a training step saved; a clear error when that step has not run."""
    model = work.saved / name / BUNDLE[name]
    if not model.exists():
        raise FileNotFoundError(f"{model} is missing; run the '{name}' step first")
    return model


def shape_args(profile: str, name: str) -> list[str]:
    """The model-size flags of the profile's tagger or parser (with their values), and
    ``--no_ufeats``: a run that continues a trained model must repeat them."""
    args = PROFILES[profile][name]
    out = []
    for i, arg in enumerate(args):
        if arg in SHAPE_FLAGS:
            out += [arg, args[i + 1]]
        elif arg == "--no_ufeats":
            out.append(arg)
    return out


def forget(work: Work, name: str) -> None:
    """Drop a step's done marker and saved model, so that it runs afresh and export skips it."""
    (work.root / "done" / name).unlink(missing_ok=True)
    shutil.rmtree(work.saved / name, ignore_errors=True)


def is_done(work: Work, name: str) -> bool:
    marker = work.root / "done" / name
    return marker.exists()
