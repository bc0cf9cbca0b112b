"""Stanza's parser trainer continued from a trained model on new data, with that model's vocabulary.

    python -m devtools.training.tune_parser --continue_from MODEL [stanza.models.parser args]

Stanza's ``--continue_from`` builds the vocabulary afresh from the training file. On a file that
differs from the one the model learned from (other tags, a few other words), the ids of words,
lemmas, tags and relations shift under the loaded weights; the relation labels come out permuted
(on our retagged data 47 of 53 relations kept their id, 17 of 21 tags, 352 of 2,044 lemmas). This
runs the same trainer, ``stanza.models.parser``, with the dataset's vocabulary taken from MODEL
(words the model never saw read as unknown, as at run time).
"""

from __future__ import annotations

import sys


def model_vocab(path: str):
    """The vocabulary saved with a Stanza parser model."""
    import torch
    from stanza.models.pos.vocab import MultiVocab

    state = torch.load(path, map_location="cpu", weights_only=False)
    return MultiVocab.load_state_dict(state["vocab"])


def use_vocab(vocab) -> None:
    """Make every parser dataset Stanza builds from now on read with ``vocab``."""
    from stanza.models.depparse import data

    data.Dataset.init_vocab = lambda self, rows: vocab


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--continue_from" not in argv:
        print("tune_parser: --continue_from MODEL is required", file=sys.stderr)
        return 2
    from stanza.models import parser

    use_vocab(model_vocab(argv[argv.index("--continue_from") + 1]))
    parser.main(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
