"""Validation: SHACL (pySHACL, shapes in ``ontology/shapes.ttl``) turned into readable problems.

Each SHACL result becomes a :class:`~graphmap.ingest.problems.Problem` naming the
resource (and, through the ingest row map, the file and row it came from), the
property, what is wrong and how to fix it.
"""
from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graphmap.ingest.problems import Problem
from graphmap.ontology import SH, curie, ontology_graph, shapes_graph

FIX = {
    "sv": {
        str(SH.MinCountConstraintComponent): "Fyll i värdet.",
        str(SH.MaxCountConstraintComponent): "Ange bara ett värde.",
        str(SH.DatatypeConstraintComponent): "Ändra till rätt format.",
        str(SH.ClassConstraintComponent): "Hänvisa till en resurs av rätt typ.",
        str(SH.InConstraintComponent): "Välj ett värde ur listan.",
        str(SH.PatternConstraintComponent): "Ändra till rätt format.",
        str(SH.NodeKindConstraintComponent): "Ändra till rätt sorts värde.",
        str(SH.OrConstraintComponent): "Ändra till rätt sorts värde.",
        str(SH.MinInclusiveConstraintComponent): "Skriv ett tal i intervallet.",
        str(SH.MaxInclusiveConstraintComponent): "Skriv ett tal i intervallet.",
        str(SH.UniqueLangConstraintComponent): "Ange högst ett värde per språk.",
    },
    "en": {
        str(SH.MinCountConstraintComponent): "Fill in the value.",
        str(SH.MaxCountConstraintComponent): "Give one value only.",
        str(SH.DatatypeConstraintComponent): "Use the right format.",
        str(SH.ClassConstraintComponent): "Refer to a resource of the right type.",
        str(SH.InConstraintComponent): "Pick a value from the list.",
        str(SH.PatternConstraintComponent): "Use the right format.",
        str(SH.NodeKindConstraintComponent): "Use the right kind of value.",
        str(SH.OrConstraintComponent): "Use the right kind of value.",
        str(SH.MinInclusiveConstraintComponent): "Write a number in the range.",
        str(SH.MaxInclusiveConstraintComponent): "Write a number in the range.",
        str(SH.UniqueLangConstraintComponent): "Give at most one value per language.",
    },
}


@dataclass
class ValidationReport:
    conforms: bool
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def shacl(graph: Graph, lang: str = "sv", where: dict | None = None) -> ValidationReport:
    """Validate ``graph`` with pySHACL (no inference; the ontology supplies the class hierarchy).

    ``where`` maps resource IRIs to (file, row) so that messages name the row.
    """
    conforms, results, _text = shacl_validate(graph, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
                                              inference="none", allow_warnings=True, meta_shacl=False)
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        messages = {m.language or "": str(m) for m in results.objects(result, SH.resultMessage)}
        problems.append(result_problem(
            results.value(result, SH.focusNode), results.value(result, SH.resultPath),
            str(results.value(result, SH.sourceConstraintComponent)), results.value(result, SH.resultSeverity),
            messages, results.value(result, SH.value), lang, where))
    problems.sort(key=lambda p: (p.file, p.row or 0, p.column or ""))
    return ValidationReport(bool(conforms), problems)


def result_problem(focus, path, component: str, severity, messages: dict, value, lang: str = "sv",
                   where: dict | None = None) -> Problem:
    """One SHACL result as a readable problem (shared by pySHACL and :mod:`graphmap.validate_fast`).

    ``messages`` maps language ("" for none) to the shape's sh:message.
    """
    severity = "warning" if severity != SH.Violation else "error"
    message = messages.get(lang) or messages.get("") or messages.get("en") or component.rsplit("#", 1)[-1]
    if value is not None:
        message += f' ("{curie(str(value))}")'
    file, row = (where or {}).get(focus, (curie(str(focus)), None))
    return Problem(file, row, curie(str(path)) if path is not None else None, "shacl", severity,
                   {"message": message, "fix": FIX.get(lang, FIX["en"]).get(component, ""), "focus": str(focus)})


def row_index(rows) -> dict[URIRef, tuple[str, int]]:
    """Map each resource to the first (file, row) it came from, for messages."""
    index: dict[URIRef, tuple[str, int]] = {}
    for dataset, table, number, iri in rows:
        index.setdefault(iri, (f"{dataset}/{table}", number))
    return index
