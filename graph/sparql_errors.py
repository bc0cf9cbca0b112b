"""A SPARQL syntax error in plain words, with the line and column in the query as the user wrote it.

Parsers report a token dump ("expected one of LATERAL, SERVICE, [_]") at a position that is often the
furthest point they tried, and rdflib's at the start of the whole clause. The commonest mistakes are
found here by a scan that knows strings, IRIs and comments (an unclosed or unmatched bracket or
quote, an undeclared prefix) and located exactly; anything else is parsed by pyoxigraph and its
position shown with the line and a caret, without the list of tokens.
"""

from __future__ import annotations

import re

from diplograf.ontology.namespaces import QUERY_PREFIXES, with_prefixes

_OPEN = {"{": "}", "(": ")", "[": "]"}
_CLOSE = {v: k for k, v in _OPEN.items()}
#: An IRI reference: '<' then no space, quote, bracket or brace up to '>'. A '<' not followed by one is
#: the less-than operator.
_IRIREF = re.compile(r'<[^\x00-\x20<>"{}|^`\\]*>')
_PREFIXED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%\\]|\s|$)")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


def describe(query: str, engine_message: str = "") -> str | None:
    """``query``'s first syntax error in plain words ("line 3, column 14: this '{' is never closed"),
    with the line and a caret; None when the scan and pyoxigraph both find the query well formed."""
    masked, problem = _mask(query)
    if problem is None:
        problem = _brackets(masked) or _undeclared_prefix(masked) or _parsers(query)
    if problem is None:
        return None
    offset, words = problem
    return _at(query, offset, words)


def _mask(query: str) -> tuple[str, tuple[int, str] | None]:
    """``query`` with strings, IRIs and comments blanked (same length, newlines kept), and an unclosed
    string if there is one."""
    out = list(query)
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            end = query.find("\n", i)
            end = n if end < 0 else end
            out[i:end] = " " * (end - i)
            i = end
        elif c == "<" and (m := _IRIREF.match(query, i)):
            out[i + 1:m.end() - 1] = " " * (m.end() - i - 2)
            i = m.end()
        elif c in "'\"":
            quote = query[i:i + 3] if query[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and not query.startswith(quote, j):
                if query[j] == "\\":
                    j += 1
                elif query[j] == "\n" and len(quote) == 1:
                    break
                j += 1
            if j >= n or not query.startswith(quote, j):
                return "".join(out), (i, "this string is never closed (its quote has no partner on the line)")
            end = j + len(quote)
            out[i + len(quote):j] = " " * (j - i - len(quote))
            i = end
        else:
            i += 1
    return "".join(out), None


def _brackets(masked: str) -> tuple[int, str] | None:
    stack: list[tuple[str, int]] = []
    for i, c in enumerate(masked):
        if c in _OPEN:
            stack.append((c, i))
        elif c in _CLOSE:
            if not stack:
                return i, f"this '{c}' closes nothing (no '{_CLOSE[c]}' before it is open)"
            opened, at = stack.pop()
            if _OPEN[opened] != c:  # the opener is the likelier slip: point there
                return at, f"this '{opened}' is never closed (a '{c}' at {_where(masked, i)} comes first)"
    if stack:
        opened, at = stack[-1]
        return at, f"this '{opened}' is never closed (a '{_OPEN[opened]}' is missing)"
    return None


def _undeclared_prefix(masked: str) -> tuple[int, str] | None:
    declared = {m.group(1) or "" for m in _DECLARED.finditer(masked)} | set(QUERY_PREFIXES)
    for m in _PREFIXED.finditer(masked):
        prefix = m.group(1) or ""
        if prefix in declared or re.search(r"\b(PREFIX|BASE)\s+$", masked[max(0, m.start() - 20):m.start()], re.I):
            continue
        return m.start(), (f"unknown prefix '{prefix}:' (declare it with PREFIX {prefix}: <…>, or use one of "
                           f"{', '.join(sorted(QUERY_PREFIXES))})")
    return None


def _parsers(query: str) -> tuple[int, str] | None:
    """Where pyoxigraph (on an empty store: nothing runs over data) and rdflib's parser stop reading.

    pyoxigraph's position is exact when it is inside a line, but often the end of the query (the
    furthest it tried); rdflib's is the start of the element it could not read. Neither's token list
    is shown."""
    import pyoxigraph as ox
    from rdflib.plugins.sparql.parser import parseQuery

    if re.search(r"\bSERVICE\b", query, re.IGNORECASE):
        return None  # an empty store would still call the service
    full = with_prefixes(query)
    added = len(full) - len(query)  # the undeclared common prefixes, put in front
    exact = None
    try:
        ox.Store().query(full)
    except SyntaxError as err:
        m = re.match(r"error at (\d+):(\d+)", str(err))
        lines = full.split("\n")
        if m and 1 <= int(m.group(1)) <= len(lines) and int(m.group(2)) <= len(lines[int(m.group(1)) - 1]):
            line, column = int(m.group(1)), int(m.group(2))
            exact = sum(len(x) + 1 for x in lines[:line - 1]) + column - 1 - added
            if not full[exact + added:].strip() or exact < 0:
                exact = None
        else:
            exact = -1  # a syntax error, position unknown
    except Exception:  # noqa: BLE001 - well formed; it may still fail on an empty store
        return None
    else:
        return None
    if exact is None or exact < 0:
        try:
            parseQuery(full)
        except Exception as err:  # noqa: BLE001 - pyparsing's ParseException, or a prefix error
            loc = getattr(err, "loc", None)
            if isinstance(loc, int) and loc >= added:
                exact = loc - added
    if exact is None or exact < 0:
        return len(query.rstrip()), "the query ends before it is complete"
    near = query[exact:].split(None, 1)[0] if query[exact:].strip() else ""
    return exact, f"the query cannot be read from here (at '{near[:30]}')"


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _at(query: str, offset: int, words: str) -> str:
    start = query.rfind("\n", 0, offset) + 1
    end = query.find("\n", offset)
    text = query[start:end if end >= 0 else len(query)]
    caret = " " * len(text[:offset - start].expandtabs()) + "^"
    return f"SPARQL syntax error at {_where(query, offset)}: {words}\n    {text.expandtabs()}\n    {caret}"
