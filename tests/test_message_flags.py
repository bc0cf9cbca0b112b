"""Every ``--flag`` that a message of the CLI's modules names is a real option of ``diplograf``."""

import argparse
import ast
import re
from pathlib import Path

from diplograf.graph.cli import make_parser

GRAPH = Path(__file__).resolve().parent.parent / "graph"
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def _options(parser: argparse.ArgumentParser) -> set[str]:
    found: set[str] = set()
    for action in parser._actions:
        found.update(o for o in action.option_strings if o.startswith("--"))
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _options(sub)
    return found


def _named_flags(source: str) -> set[str]:
    """Flags named inside longer strings (a lone "--flag" constant is an argv item for another program)."""
    flags: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and not FLAG.fullmatch(node.value):
            flags.update(FLAG.findall(node.value))
    return flags


def test_messages_name_only_real_flags():
    options = _options(make_parser())
    modules = [p for p in sorted(GRAPH.glob("*.py"))
               if p.name == "cli.py" or "ArgumentParser(" not in p.read_text(encoding="utf-8")]
    wrong = {f"{p.name}: {flag}" for p in modules for flag in _named_flags(p.read_text(encoding="utf-8"))
             if flag not in options}
    assert not wrong, sorted(wrong)


def test_the_check_sees_a_wrong_flag():
    assert _named_flags('raise E(f"{path}: give --graph IRI to load it")') == {"--graph"}
    assert "--graph" not in _options(make_parser())
