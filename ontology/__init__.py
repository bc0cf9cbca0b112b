"""diplograf.ontology: the diplomatic ontology (OWL, Turtle), its SHACL shapes, its terms as code, IRIs."""

from pathlib import Path

from .terms import CAMEO, DIPLO, PLOVER, RELATION_CLASS, RELATION_PROPERTY

HERE = Path(__file__).resolve().parent
ONTOLOGY_FILE = HERE / "diplo.ttl"
SHAPES_FILE = HERE / "shapes.ttl"
PLOVER_FILE = HERE / "plover.ttl"  # PLOVER and CAMEO as SKOS concept schemes
QUERIES_DIR = HERE / "queries"

__all__ = ["CAMEO", "DIPLO", "ONTOLOGY_FILE", "PLOVER", "PLOVER_FILE", "QUERIES_DIR", "RELATION_CLASS",
           "RELATION_PROPERTY", "SHAPES_FILE"]
