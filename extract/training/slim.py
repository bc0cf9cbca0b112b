"""Strip a saved Stanza model of what inference does not need (optimizer and scheduler state)."""

from __future__ import annotations

from pathlib import Path

import torch

#: Keys of a Stanza checkpoint that only training uses.
TRAINING_ONLY = ("optimizer", "scheduler", "optimizer_state", "second_optimizer", "scheduler_state")


def slim_model(src: Path, dst: Path) -> int:
    """Write ``src`` to ``dst`` without training-only state; return the bytes written."""
    state = torch.load(src, map_location="cpu", weights_only=False)
    if isinstance(state, dict):
        for key in TRAINING_ONLY:
            state.pop(key, None)
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(dst.name + ".tmp")
    torch.save(state, tmp)
    tmp.replace(dst)
    return dst.stat().st_size
