"""The embedded triplestore: a persistent pyoxigraph store, one named graph per article.

``diplograf build … --store out/store`` writes into it; ``diplograf query out/store …`` and the
notebooks read it without re-parsing Turtle; ``diplograf serve out/store`` puts the oxigraph server
on it. Writing an article's graph replaces that graph wholesale, so rebuilding is idempotent.

The store's default graph holds the union of the article graphs, each triple once. An entity's
description is repeated in every article graph that mentions it; a query over the named graphs'
union (bag semantics in oxigraph, Virtuoso…) would meet it once per article and joins on entity
facts would multiply. Queries against the default graph see set semantics, as rdflib does, and
stay fast; ``GRAPH ?g { … }`` still reaches each article's own graph.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from .formats import sorted_lines


class StoreError(OSError):
    """A store folder that cannot be opened (missing, locked by a server, not a store)."""


def open_store(path: Path, read_only: bool = False):
    import pyoxigraph as ox

    path = Path(path)
    if read_only and not path.is_dir():
        raise StoreError(f"{path}: no such store folder (create one with 'diplograf build … --store {path}')")
    if read_only and not (path / "CURRENT").is_file():
        raise StoreError(f"{path}: a folder but not a store (write one with 'diplograf build … --store {path}', "
                         "or give a graph file such as out/graph.trig)")
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as err:
        hint = " (is 'diplograf serve' running on it? stop it first)" if "lock" in str(err).lower() else ""
        raise StoreError(f"{path}: cannot open the store{hint}: {err}") from err


def has_union_graph(store) -> bool:
    """Whether the default graph holds the materialised union (a store diplograf wrote)."""
    import pyoxigraph as ox

    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None


def replace_graph(store, name: URIRef, g: Graph) -> int:
    """Replace the named graph ``name`` by ``g`` and keep the union graph in step; returns len(g)."""
    import pyoxigraph as ox

    data = "".join(sorted_lines(g))
    target = ox.NamedNode(str(name))
    default = ox.DefaultGraph()
    for old in list(store.quads_for_pattern(None, None, None, target)):
        others = store.quads_for_pattern(old.subject, old.predicate, old.object, None)
        if not any(q.graph_name not in (target, default) for q in others):
            store.remove(ox.Quad(old.subject, old.predicate, old.object, default))
    store.update(f"DROP SILENT GRAPH <{name}>")
    store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=target)
    store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=default)
    return len(g)


def write_store(graphs: dict[URIRef, Graph], path: Path) -> int:
    """Replace each article graph in the store at ``path``; returns the number of triples written.

    A new (empty) store is bulk-loaded; an existing one has its article graphs replaced one by one.
    """
    from .formats import nquads_lines

    store = open_store(path)
    if next(iter(store.named_graphs()), None) is None and not has_union_graph(store):
        bulk_load_nquads(store, "".join(nquads_lines(graphs)))
        store.flush()
        return sum(len(g) for g in graphs.values())
    total = sum(replace_graph(store, name, g) for name, g in graphs.items())
    store.flush()
    return total


def bulk_load_nquads(store, nquads: str | Path) -> None:
    """Bulk-load N-Quads (text, or a file path) into an empty store, plus their union graph."""
    import pyoxigraph as ox

    source = {"path": str(nquads)} if isinstance(nquads, Path) else {"input": nquads}
    store.bulk_load(format=ox.RdfFormat.N_QUADS, **source)
    triples = (ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(format=ox.RdfFormat.N_QUADS, **source))
    store.bulk_extend(triples)
