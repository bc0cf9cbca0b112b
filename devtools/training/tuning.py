"""The tuning of the trained parser on our tagger's tags: recipe step ``depparse_tune``.

Trained on gold tags, the parser trusts every tag; at run time it reads our tagger's. The tuning
continues Stanza's parser trainer from the trained parser, with its vocabulary (``tune_parser.py``),
on its training and dev files with the UPOS of our tagger (UPOS only; Stanza's ``--predicted``
preparation would blank the lemmas the parser embeds).
"""

from __future__ import annotations

import json
from pathlib import Path

from . import data
from .work import BUNDLE, UPOS_COL, Work, forget, is_done, predict_column, py, run, shape_args, step_args, trained_model


def tagger(work: Work) -> list[str]:
    """The predictor arguments of our trained tagger, for ``predict_column``."""
    model = trained_model(work, "pos")
    return ["stanza.models.tagger", "--save_dir", str(model.parent), "--save_name", model.name,
            "--wordvec_pretrain_file", str(work.pretrain)]


def _prepared(work: Work, model: str, split: str) -> Path:
    path = work.root / "data" / model / f"{data.SHORT}.{split}.in.conllu"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; run the '{model}' step first")
    return path


def parser_data(work: Work) -> Path:
    """``data/depparse_tune``: the parser's training and dev files with our tagger's UPOS."""
    out = work.root / "data" / "depparse_tune"
    stats = {}
    for split in ("train", "dev"):
        changed, words = predict_column(work, "retag", tagger(work), _prepared(work, "depparse", split),
                                        out / f"{data.SHORT}.{split}.in.conllu", UPOS_COL)
        stats[split] = {"changed": changed, "words": words}
    (out / "retag.json").write_text(json.dumps(stats, indent=1, sort_keys=True))
    return out


def _fresh_copy(model: Path, dst: Path) -> None:
    """Copy a parser model with its training history cleared.

    Stanza reloads the best model from --save_dir when it switches to Adam (at step 1 here) and
    saves a new best only above every dev score in the history: the gold-tag scores of the first
    training would outrank every score on predicted tags, and no tuned model would be kept."""
    import torch

    state = torch.load(model, map_location="cpu", weights_only=False)
    state.update({"dev_score_history": [], "global_step": 0, "last_best_step": 0})
    tmp = dst.with_name(dst.name + ".tmp")
    torch.save(state, tmp)
    tmp.replace(dst)


def step_depparse_tune(work: Work) -> Path:
    """Continue the trained parser on ``parser_data`` (Adam, lr 2·10⁻⁴), best dev kept.

    Trained on gold tags only, the parser lost 5 LAS on GSD test behind the tagger (80.8 -> 75.7 on
    gold words); here it learns the tagger's errors. Resumes from its checkpoint."""
    base = trained_model(work, "depparse")
    if is_done(work, "depparse_tune"):  # run again (--force): start afresh, not from the old checkpoint
        forget(work, "depparse_tune")
    tuned = parser_data(work)
    out = work.saved / "depparse_tune"
    out.mkdir(parents=True, exist_ok=True)
    if not (out / "depparse_checkpoint.pt").exists():
        _fresh_copy(base, out / BUNDLE["depparse"])
    run(work, "depparse_tune", py(
        "devtools.training.tune_parser", "--mode", "train", "--lang", "id", "--shorthand", data.SHORT,
        "--train_file", str(tuned / f"{data.SHORT}.train.in.conllu"),
        "--eval_file", str(tuned / f"{data.SHORT}.dev.in.conllu"),
        "--wordvec_pretrain_file", str(work.pretrain), "--continue_from", str(base),
        "--save_dir", str(out), "--save_name", BUNDLE["depparse"],
        *shape_args(work.profile, "depparse"), *step_args("depparse_tune", work.profile)))
    return out / BUNDLE["depparse"]

