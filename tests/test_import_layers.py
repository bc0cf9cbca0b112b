"""The import graph of the code: no cycle anywhere, data flows extract -> ontology -> graph, and the
installed runtime never imports the development tooling (devtools/). Read from the source, not run."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
#: folder -> the module name it has once installed (devtools/ is run from a checkout)
PACKAGES = {"extract": "diplograf.extract", "ontology": "diplograf.ontology", "graph": "diplograf.graph",
            "devtools": "devtools"}


def _modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for folder, name in PACKAGES.items():
        for path in (REPO / folder).rglob("*.py"):
            parts = list(path.relative_to(REPO / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join([name, *parts])] = (path, path.name == "__init__.py")
    return out


def import_graph() -> nx.DiGraph:
    """Module -> every module of ours it imports, at the top or inside a function."""
    modules = _modules()
    g = nx.DiGraph()
    g.add_nodes_from(modules)
    for name, (path, is_package) in modules.items():
        package = name if is_package else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                # "from . import x" imports the module x where there is one, else a name of the package
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in modules else module for a in node.names]
            else:
                continue
            g.add_edges_from((name, t) for t in targets if t in modules and t != name)
    return g


def test_no_import_cycle():
    cycles = list(nx.simple_cycles(import_graph()))
    assert not cycles, f"import cycles: {cycles}"


def test_layers_extract_ontology_graph_and_devtools_outside():
    g = import_graph()
    rank = {"diplograf.extract": 0, "diplograf.ontology": 1, "diplograf.graph": 2, "devtools": 3}

    def layer(module: str) -> int:
        return next(r for prefix, r in rank.items() if module == prefix or module.startswith(prefix + "."))

    upward = [(a, b) for a, b in g.edges if layer(b) > layer(a)]
    assert not upward, f"imports against the flow extract -> ontology -> graph (-> devtools): {upward}"


def test_the_graph_sees_a_cycle_and_a_devtools_import_where_there_is_one(tmp_path, monkeypatch):
    """The checks above can fail: a cycle written into a copy of two modules is found."""
    for folder in PACKAGES:
        (tmp_path / folder).mkdir()
    (tmp_path / "extract" / "a.py").write_text("from .b import x\n", encoding="utf-8")
    (tmp_path / "extract" / "b.py").write_text("def f():\n    from . import a\n", encoding="utf-8")
    (tmp_path / "graph" / "c.py").write_text("import devtools.d\n", encoding="utf-8")
    (tmp_path / "devtools" / "d.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    g = import_graph()
    assert list(nx.simple_cycles(g)) in ([["diplograf.extract.a", "diplograf.extract.b"]],
                                         [["diplograf.extract.b", "diplograf.extract.a"]])
    assert ("diplograf.graph.c", "devtools.d") in g.edges
