"""Strip a saved Stanza model of what inference does not need (optimizer and scheduler state).

With ``half=True`` the weights are also stored as float16: Stanza loads them with
``load_state_dict``, which copies them back into its float32 parameters, so a model costs half the
bytes on disk and in the wheel at no measurable loss (MODELS.md gives the scores of the half files).
"""

from __future__ import annotations

from pathlib import Path

import torch

#: Keys of a Stanza checkpoint that only training uses.
TRAINING_ONLY = ("optimizer", "scheduler", "optimizer_state", "second_optimizer", "scheduler_state", "criterion")
#: Keys under which Stanza keeps a model's weights (taggers, parsers, NER: 'model'; charlm: 'state_dict').
WEIGHTS = ("model", "state_dict")


def _halve(value: object) -> object:
    if isinstance(value, torch.Tensor) and value.dtype == torch.float32:
        return value.half()
    if isinstance(value, dict):
        return {k: _halve(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_halve(v) for v in value]
    return value


def slim_model(src: Path, dst: Path, half: bool = False) -> int:
    """Write ``src`` to ``dst`` without training-only state; return the bytes written."""
    state = torch.load(src, map_location="cpu", weights_only=False)
    if isinstance(state, dict):
        for key in TRAINING_ONLY:
            state.pop(key, None)
        if half:
            for key in WEIGHTS:
                if key in state:
                    state[key] = _halve(state[key])
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(dst.name + ".tmp")
    torch.save(state, tmp)
    tmp.replace(dst)
    return dst.stat().st_size
