"""Fixes of the tokenizer's output, applied as Stanza's tokenize postprocessor.

Stanza hands the postprocessor each sentence's tokens (a plain string, or ``(text, True)`` for a
token its tokenizer flagged as a multi-word token) and rebuilds the character offsets from what
comes back, so a rule may also split a token. Each rule maps one token to one or more tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Token = str | tuple[str, bool]

#: "China+Asia", "Rusia+Ukraina": two words of two or more letters joined by "+" (news writes
#: groupings of states this way). "C++", "A+idn" and ratings such as "idBBB+" are not matched.
_PLUS_JOINED = re.compile(r"[^\W\d_]{2,}(?:\+[^\W\d_]{2,})+")


def split_plus_joined(token: Token) -> list[Token]:
    """ "China+Asia" -> "China", "+", "Asia"; any other token unchanged."""
    if isinstance(token, str) and _PLUS_JOINED.fullmatch(token):
        parts = token.split("+")
        return [piece for part in parts[:-1] for piece in (part, "+")] + [parts[-1]]
    return [token]


class Retokenize:
    """Stanza tokenize postprocessor: the rules below, in order, on every token.

    ``whole_words``: lexicalised "-nya" words ("biasanya", "sebaliknya": not "biasa" + "nya") that
    stay one word when the tokenizer flags them as host + clitic."""

    def __init__(self, whole_words: frozenset[str] = frozenset()) -> None:
        self.whole_words = whole_words
        self.rules: list[Callable[[Token], list[Token]]] = [self.keep_whole, split_plus_joined]

    def keep_whole(self, token: Token) -> list[Token]:
        if isinstance(token, tuple) and token[0].lower() in self.whole_words:
            return [token[0]]
        return [token]

    def __call__(self, sentences: list[list[Token]]) -> list[list[Token]]:
        out = []
        for sentence in sentences:
            tokens = list(sentence)
            for rule in self.rules:
                tokens = [fixed for token in tokens for fixed in rule(token)]
            out.append(tokens)
        return out
