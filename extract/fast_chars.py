"""Stanza's character model, run once per distinct word of a batch instead of once per word.

The tagger and the parser read each word's spelling with a character LSTM (``CharacterModel``, 400
units), word by word: a word's vector depends on its characters only. In a batch of news text about
six words in ten repeat one seen before ("yang", "dan", "di", names), so ``forward`` below runs the
LSTM on the distinct words of the batch and gives each word its spelling's vector; the rest is
Stanza's ``CharacterModel.forward`` (stanza 1.15). ``enable`` installs it on the character models of a
loaded pipeline, for the tested stanza versions only (``fast_parse.TESTED_STANZA``).
"""

from __future__ import annotations

import types

#: Processors whose model reads spellings with a ``CharacterModel`` (as ``charmodel``).
PROCESSORS = ("pos", "depparse", "ner")


def _char_models(pipeline):
    for name in PROCESSORS:
        processor = pipeline.processors.get(name)
        if processor is None:
            continue
        trainers = [getattr(processor, "_trainer", None), *getattr(processor, "trainers", [])]
        for trainer in trainers:
            model = getattr(trainer, "model", None)
            char = getattr(model, "charmodel", None)
            if char is not None:
                yield char


def applies(char_model) -> bool:
    """Whether ``forward`` mirrors this character model: stanza's ``CharacterModel`` of a tested version."""
    import stanza
    from stanza.models.common.char_model import CharacterModel

    from .fast_parse import TESTED_STANZA

    return stanza.__version__ in TESTED_STANZA and type(char_model) is CharacterModel


def enable(pipeline, on: bool = True) -> int:
    """Give the character models of the pipeline ``forward`` (``on``) or Stanza's own back; returns
    how many now use ``forward``."""
    count = 0
    for char in {id(c): c for c in _char_models(pipeline)}.values():
        char.__dict__.pop("forward", None)
        if on and applies(char):
            char.forward = types.MethodType(forward, char)
            count += 1
    return count


def forward(self, chars, chars_mask, word_orig_idx, sentlens, wordlens):
    """``CharacterModel.forward`` of stanza 1.15 (eval mode: dropout is the identity) over the distinct
    rows of ``chars`` (the words of the batch, longest first, padded with 0)."""
    import torch
    from stanza.models.common.utils import tensor_unsort
    from torch.nn.utils.rnn import pack_padded_sequence, pack_sequence, pad_packed_sequence

    distinct, inverse = torch.unique(chars, dim=0, return_inverse=True)
    lengths = torch.zeros(len(distinct), dtype=torch.long).scatter_(
        0, inverse.cpu(), torch.as_tensor(wordlens, dtype=torch.long))
    order = torch.sort(lengths, descending=True, stable=True).indices
    chars, wordlens = distinct[order.to(distinct.device)], lengths[order].tolist()

    embs = self.dropout(self.char_emb(chars))
    batch_size = embs.size(0)
    embs = pack_padded_sequence(embs, wordlens, batch_first=True)
    layers = self.num_dir * self.args['char_num_layers']
    output = self.charlstm(embs, wordlens, hx=(
        self.charlstm_h_init.expand(layers, batch_size, self.args['char_hidden_dim']).contiguous(),
        self.charlstm_c_init.expand(layers, batch_size, self.args['char_hidden_dim']).contiguous()))
    if self.attn:
        char_reps = output[0]
        weights = torch.sigmoid(self.char_attn(self.dropout(char_reps.data)))
        char_reps = type(char_reps)(char_reps.data * weights, char_reps.batch_sizes)
        char_reps, _ = pad_packed_sequence(char_reps, batch_first=True)
        res = char_reps.sum(1)
    else:
        h, c = output[1]
        res = h[-2:].transpose(0, 1).contiguous().view(batch_size, -1)

    # each word of the batch, in its place, gets its spelling's vector
    by_spelling = torch.empty_like(res)
    by_spelling[order.to(res.device)] = res
    res = by_spelling[inverse]

    res = tensor_unsort(res, word_orig_idx)
    res = pack_sequence(res.split(sentlens))
    if self.pad:
        res = pad_packed_sequence(res, batch_first=True)[0]
    return res
