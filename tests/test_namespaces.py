"""One prefix table (ontology/namespaces.py): graphs, outputs, queries and the ontology's files agree on it."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from diplograf.graph.build import PREFIXES, new_graph
from diplograf.graph.query import QUERY_PREFIXES, open_source, with_prefixes
from diplograf.graph.store import write_store
from diplograf.ontology import ONTOLOGY_FILE, PLOVER_FILE, QUERIES_DIR, SHAPES_FILE
from diplograf.ontology import namespaces as ns
from diplograf.ontology.concepts import role_iri
from diplograf.ontology.iris import article_graph_iri, entity_iri, segment

DECLARED = re.compile(r"^\s*@?prefix\s+([A-Za-z][\w-]*):\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE)


def test_graphs_and_queries_use_the_one_table():
    assert PREFIXES is ns.PREFIXES
    assert QUERY_PREFIXES == {p: str(n) for p, n in ns.PREFIXES.items()}
    bound = dict(new_graph().namespaces())
    for prefix, namespace in ns.PREFIXES.items():
        assert str(bound[prefix]) == str(namespace), prefix
    assert len({str(n) for n in ns.PREFIXES.values()}) == len(ns.PREFIXES), "one prefix per namespace"


def test_the_ontologys_files_declare_the_tables_prefixes():
    files = [ONTOLOGY_FILE, SHAPES_FILE, PLOVER_FILE, *sorted(QUERIES_DIR.glob("*.rq"))]
    seen = set()
    for path in files:
        for prefix, iri in DECLARED.findall(path.read_text(encoding="utf-8")):
            assert prefix in ns.PREFIXES, f"{path.name}: prefix {prefix}: is not in ontology/namespaces.py"
            assert iri == str(ns.PREFIXES[prefix]), f"{path.name}: {prefix}: <{iri}>"
            seen.add(prefix)
    assert {"diplo", "prov", "sh", "skos"} <= seen


def test_a_store_answers_a_query_with_role_and_field_prefixes_undeclared(tmp_path):
    g = new_graph()
    person = entity_iri("person:ana-soto")
    g.add((person, ns.DIPLO.roleConcept, role_iri("President")))
    g.add((person, ns.DIPLO.field, ns.FIELD.trade))
    g.add((person, ns.SCHEMA.name, Literal("Ana Soto")))
    write_store({article_graph_iri("a.txt"): g}, tmp_path / "store")
    source = open_source(str(tmp_path / "store"))
    answer = source.query("SELECT ?e { ?e diplo:roleConcept role:President ; diplo:field field:trade }")
    assert answer.rows == [[str(person)]]
    assert "PREFIX role: <https://w3id.org/diplograf/role/>" in with_prefixes("ASK { ?e ?p role:King }")


def test_one_slug_rule_for_keys_and_iri_segments():
    from diplograf.extract.tables import slug

    assert slug("Xi Jinping") == "xi-jinping" and slug("Dewi Lestari-Otieno!") == "dewi-lestari-otieno"
    assert segment("CN") == slug("CN", iri=True) == "CN"
    assert segment("seeds_01.txt") == "seeds_01.txt" and segment("São Tomé") == "Sao-Tome"
    assert entity_iri("country:KE") == URIRef(str(ns.ID) + "country/KE")
    assert role_iri("Prime Minister") == ns.ROLE["Prime-Minister"]
