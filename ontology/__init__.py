"""diplograf.ontology: the diplomatic ontology (OWL, Turtle), its terms as code, and IRI minting."""

from pathlib import Path

from .terms import DIPLO, RELATION_CLASS, RELATION_PROPERTY

ONTOLOGY_FILE = Path(__file__).resolve().parent / "diplo.ttl"

__all__ = ["DIPLO", "ONTOLOGY_FILE", "RELATION_CLASS", "RELATION_PROPERTY"]
