"""The reference validator: pySHACL on an rdflib graph (shapes in ``ontology/shapes.ttl``).

Builds never run it (they run :mod:`graphmap.validate.compiled`, ~40x faster at a million
triples); the tests and ``benchmarks/scale.py`` compare the compiled validator with it.
pySHACL is imported here only, so importing :mod:`graphmap.validate` does not load it.

>>> from rdflib import Graph
>>> shacl(Graph()).conforms
True
"""

from __future__ import annotations

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import RDF

from graphmap.ontology import SH, ontology_graph, shapes_graph
from graphmap.validate.results import ValidationReport, result_problem


def shacl(graph: Graph, lang: str = "sv", where: dict | None = None) -> ValidationReport:
    """Validate ``graph`` with pySHACL (no inference; the ontology supplies the class hierarchy).

    ``where`` maps resource IRIs to (file, row) so that messages name the row.
    """
    conforms, results, _text = shacl_validate(
        graph,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        allow_warnings=True,
        meta_shacl=False,
    )
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        messages = {m.language or "": str(m) for m in results.objects(result, SH.resultMessage)}
        problems.append(
            result_problem(
                results.value(result, SH.focusNode),
                results.value(result, SH.resultPath),
                str(results.value(result, SH.sourceConstraintComponent)),
                results.value(result, SH.resultSeverity),
                messages,
                results.value(result, SH.value),
                lang,
                where,
            )
        )
    problems.sort(key=lambda p: (p.file, p.row or 0, p.column or ""))
    return ValidationReport(bool(conforms), problems)


__all__ = ["shacl"]
