"""``diplograf validate``: SHACL (pyshacl) over a graph with the ontology mixed in, reported in plain words."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, Graph, Namespace, URIRef

from diplograf.ontology import ONTOLOGY_FILE, SHAPES_FILE

from .build import PREFIXES

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True, order=True)
class Finding:
    """One SHACL result: ``severity`` is Violation, Warning or Info."""

    severity: str
    focus: str
    path: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        value = f" (found: {self.value})" if self.value else ""
        path = f" {self.path}:" if self.path else ""
        return f"{self.severity}: {self.focus} —{path} {self.message}{value}"


@dataclass
class Report:
    findings: list[Finding]
    triples: int

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations


#: Longest namespace first, so dgid: wins over a shorter prefix of it.
_SHORT = sorted(((str(ns), prefix) for prefix, ns in {**PREFIXES, "sh": SH}.items()), key=lambda x: -len(x[0]))


def _short(term) -> str:
    """An IRI as prefix:rest for reading (not for SPARQL: the rest may hold '/'); literals as they are."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for ns, prefix in _SHORT:
            if term.startswith(ns):
                return f"{prefix}:{term[len(ns):]}"
        return f"<{term}>"
    return str(term)


def validate_graph(data: Graph) -> Report:
    """Validate ``data`` against ``ontology/shapes.ttl`` (warnings are reported, never fatal)."""
    import pyshacl

    shapes = Graph().parse(SHAPES_FILE)
    ontology = Graph().parse(ONTOLOGY_FILE)
    _conforms, results, _text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                                 allow_warnings=True, allow_infos=True)
    findings = set()
    for res in results.subjects(RDF.type, SH.ValidationResult):
        severity = _short(results.value(res, SH.resultSeverity)).split(":")[-1]
        message = str(results.value(res, SH.resultMessage) or "does not conform")
        findings.add(Finding(severity, _short(results.value(res, SH.focusNode)),
                             _short(results.value(res, SH.resultPath)), message,
                             _short(results.value(res, SH.value))))
    return Report(sorted(findings), len(data))


def format_report(report: Report, limit: int = 50) -> str:
    lines = []
    for finding in report.findings[:limit]:
        lines.append(str(finding))
    if len(report.findings) > limit:
        lines.append(f"… and {len(report.findings) - limit} more")
    verdict = "conforms" if report.conforms else "does NOT conform"
    lines.append(f"{report.triples} triples: {verdict} ({len(report.violations)} violation(s), "
                 f"{len(report.warnings)} warning(s))")
    return "\n".join(lines)
