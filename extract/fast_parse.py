"""A faster prediction for Stanza's graph dependency parser that skips work whose output nothing reads.

At prediction Stanza's parser (``GraphParser.predict``, stanza 1.15) scores all n x n (dependent, head)
pairs of a padded batch for each of its 49 relation labels, takes the log-softmax of all of them, and
then reads the label scores of n pairs only: Chu-Liu-Edmonds picks each word's head from the unlabeled
scores, and the label of a word is the best label of the arc to its head. ``predict`` below computes
the same unlabeled scores and the same trees, and the label scores of the chosen arcs only (and, in the
rare sentence where a head gets two subjects or two objects, every arc of that sentence, which Stanza's
repair reads). It also skips the Python Chu-Liu-Edmonds search where the best head of every word
already makes a tree with one root: that tree is the search's answer (``tree_or_none``).

``enable`` installs it on a loaded pipeline (``load_pipeline`` does), for the stanza versions it was
written against and checked with (``TESTED_STANZA``); on any other version, or another kind of parser,
the pipeline keeps Stanza's own prediction. The parses are Stanza's: the same trees, and each label the
best of the same scores, computed for one arc instead of all (the sums may round differently in the
last place; the parses were byte-identical on 373 articles: benchmarks/analysis_benchmark.py --rounds 2
compares both, docs/benchmarks.md).
"""

from __future__ import annotations

import types

import numpy as np

#: Stanza versions whose ``GraphParser.forward``/``decode_graph_predictions`` ``predict`` mirrors.
TESTED_STANZA = ("1.15.0",)


#: How much better than any other head a word's best head must be for ``tree_or_none`` to take it
#: (log-probabilities; far above the rounding of Stanza's float64 search, far below real differences).
MARGIN = 1e-6


def tree_or_none(scores: np.ndarray) -> np.ndarray | None:
    """The tree ``chuliu_edmonds_one_root(scores)`` returns, when the best head of every word already
    makes a tree with one word on the root; None when the search is needed (a cycle, no word or two
    words on the root, or a best head less than ``MARGIN`` above the next). ``scores[d, h]``: word d's
    head is h; row 0 is the root's.

    Why it is that tree: Stanza lowers every root arc by one constant C so large that a tree with k
    words on the root loses k*C (``chuliu_edmonds_one_root``), and Chu-Liu-Edmonds finds the tree of
    the highest total. When each word's best head (each row's maximum, which no other head ties) makes
    a tree with one root, no tree scores as high without C, and every other tree loses at least C with
    it, so it is the one best tree either way."""
    scores = np.array(scores, dtype=np.float64)
    np.fill_diagonal(scores, -np.inf)
    rows = scores[1:]
    if rows.shape[1] < 2:
        return None
    best = np.argmax(rows, axis=1)
    top = rows[np.arange(len(rows)), best]
    rest = rows.copy()
    rest[np.arange(len(rows)), best] = -np.inf
    if not (np.isfinite(top).all() and (top - rest.max(axis=1) > MARGIN).all()):
        return None
    tree = np.concatenate(([0], best))
    if np.count_nonzero(best == 0) != 1:
        return None
    reach = tree.copy()
    for _ in range(max(1, len(tree).bit_length())):  # pointer jumping: 2^k steps up after k rounds
        reach = reach[reach]
    return tree if not reach.any() else None


def decode_tree(scores: np.ndarray) -> np.ndarray:
    """Stanza's ``chuliu_edmonds_one_root(scores)``, without its search where the best heads make a tree."""
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    tree = tree_or_none(scores)
    return chuliu_edmonds_one_root(scores) if tree is None else tree


def applies(model) -> bool:
    """Whether ``predict`` mirrors this parser: a plain graph parser (no arc embedding) of a tested stanza."""
    import stanza
    from stanza.models.depparse.model import GraphParser

    return (stanza.__version__ in TESTED_STANZA and type(model) is GraphParser
            and not model.args.get("use_arc_embedding") and hasattr(model, "deprel"))


def enable(pipeline, on: bool = True) -> bool:
    """Give the pipeline's parser ``predict`` (``on``) or Stanza's own prediction back (not ``on``);
    True when ``predict`` is now in use."""
    processor = pipeline.processors.get("depparse")
    trainer = getattr(processor, "_trainer", None)
    model = getattr(trainer, "model", None)
    if model is None:
        return False
    model.__dict__.pop("predict", None)
    if not on or not applies(model):
        return False
    model.predict = types.MethodType(predict, model)
    return True


def _unlabeled_scores(self, lstm_outputs, word, head):
    """``GraphParser.forward_scores`` of stanza 1.15 without the label scores (in eval mode, dropout is
    the identity, so it is left out)."""
    import torch
    import torch.nn.functional as F

    unlabeled_scores = self.unlabeled(lstm_outputs, lstm_outputs).squeeze(3)
    head_offset = None
    if self.args['linearization'] or self.args['distance']:
        head_offset = (torch.arange(word.size(1), device=head.device).view(1, 1, -1).expand(word.size(0), -1, -1)
                       - torch.arange(word.size(1), device=head.device).view(1, -1, 1).expand(word.size(0), -1, -1))
    if self.args['linearization']:
        lin_scores = self.linearization(lstm_outputs, lstm_outputs).squeeze(3)
        unlabeled_scores += F.logsigmoid(lin_scores * torch.sign(head_offset).float()).detach()
    if self.args['distance']:
        dist_scores = self.distance(lstm_outputs, lstm_outputs).squeeze(3)
        dist_pred = 1 + F.softplus(dist_scores)
        dist_target = torch.abs(head_offset)
        dist_kld = -torch.log((dist_target.float() - dist_pred) ** 2 / 2 + 1)
        unlabeled_scores += dist_kld.detach()
    diag = torch.eye(head.size(-1) + 1, dtype=torch.bool, device=head.device).unsqueeze(0)
    unlabeled_scores.masked_fill_(diag, -float('inf'))
    return unlabeled_scores


def _label_inputs(scorer, lstm_outputs):
    """The two inputs of the label scorer's bilinear form (``DeepBiaffineScorer`` in eval mode, with the
    bias column ``PairwiseBiaffineScorer`` appends): dependents and heads, (N, L, 201) each."""
    import torch

    def biased(x):
        return torch.cat([x, x.new_ones(*x.size()[:-1], 1)], x.dim() - 1)

    return (biased(scorer.hidden_func(scorer.W1(lstm_outputs))),
            biased(scorer.hidden_func(scorer.W2(lstm_outputs))))


def _label_scores(bilinear, dependents, heads):
    """Scores of the labels of the arcs ``dependents[k] <- heads[k]`` ((K, 201) each): the bilinear form
    of ``PairwiseBilinear`` for those K pairs only, (K, labels)."""
    import torch

    intermediate = torch.einsum("KI,IJO->KJO", dependents, bilinear.weight)
    return torch.einsum("KJO,KJ->KO", intermediate, heads) + bilinear.bias


def _violated(tree, deprels) -> bool:
    """Whether a head of ``tree`` has two subjects or two objects (Stanza's repair then runs)."""
    from stanza.models.depparse.head_constraints import find_head_constraint_violations

    return bool(find_head_constraint_violations(tree, deprels))


def predict(self, word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head, deprel,
            word_orig_idx, sentlens, wordlens, text, resolve_head_constraints=False):
    """``GraphParser.predict`` of stanza 1.15 (eval mode), scoring labels only where they are read."""
    import torch
    import torch.nn.functional as F
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.depparse.head_constraints import resolve_head_constraint_violations

    vocab = self.vocab['deprel']
    lstm_outputs = self.embed(word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma,
                              head, deprel, word_orig_idx, sentlens, wordlens, text)
    unlabeled = F.log_softmax(_unlabeled_scores(self, lstm_outputs, word, head), 2).detach().cpu().numpy()
    dependents, heads = _label_inputs(self.deprel, lstm_outputs)
    bilinear = self.deprel.scorer.W_bilin

    trees = [decode_tree(unlabeled[i][:n, :n]) for i, n in enumerate(sentlens)]
    rows = [(i, j, int(t[j])) for i, t in enumerate(trees) for j in range(1, len(t))]
    chosen = np.zeros((0, 0), dtype=np.float32)  # (arcs, labels): the chosen arcs' label scores
    if rows:
        index = torch.tensor(rows, dtype=torch.long, device=dependents.device)
        chosen = _label_scores(bilinear, dependents[index[:, 0], index[:, 1]], heads[index[:, 0], index[:, 2]])
        # Stanza reads the best label of the log-softmax with the repair, of the raw scores without it
        chosen = (F.log_softmax(chosen, 1) if resolve_head_constraints else chosen).detach().cpu().numpy()
    out, k = [], 0
    for i, (n, tree) in enumerate(zip(sentlens, trees)):
        label_ids = [int(np.argmax(chosen[k + j])) for j in range(n - 1)]
        k += n - 1
        if resolve_head_constraints:
            names = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in label_ids])
            if _violated(tree, names):  # Stanza's repair reads every arc's labels
                m = dependents.size(-1)
                every = _label_scores(bilinear, dependents[i, :n].unsqueeze(1).expand(n, n, m).reshape(-1, m),
                                      heads[i, :n].unsqueeze(0).expand(n, n, m).reshape(-1, m))
                every = F.log_softmax(every, 1).view(n, n, -1).detach().cpu().numpy()
                tree, label_ids = resolve_head_constraint_violations(unlabeled[i][:n, :n], every, tree, vocab)
        deprels = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in label_ids])
        heads_of = tree[1:]
        out.append([[heads_of[j], deprels[j]] for j in range(n - 1)])
    return out
