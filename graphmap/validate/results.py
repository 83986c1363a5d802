"""SHACL results as readable problems, whichever validator found them.

Each result becomes a :class:`~graphmap.problems.Problem` naming the resource
(and, through the ingest row map, the file and row it came from), the property, what is
wrong and how to fix it. The compiled validator (:mod:`graphmap.validate.compiled`) and
the pySHACL reference (:mod:`graphmap.validate.reference`) both report through here, so
their problems compare equal.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from graphmap.i18n import LANGS, t
from graphmap.i18n.catalogue import INGEST
from graphmap.problems import Problem
from graphmap.ontology import SH, curie

# How to fix a SHACL result, by constraint component, in each language: the catalogue's
# "ingest.shacl_fix.<component>" texts (graphmap.i18n.catalogue.INGEST).
FIX = {
    lang: {
        str(SH[key.rsplit(".", 1)[-1] + "ConstraintComponent"]): t(key, lang)
        for key in INGEST
        if key.startswith("ingest.shacl_fix.")
    }
    for lang in LANGS
}


@dataclass
class ValidationReport:
    """Whether the data conforms, and every problem (errors and warnings).

    >>> report = ValidationReport(True, [])
    >>> report.conforms, report.errors
    (True, [])
    """

    conforms: bool
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def result_problem(
    focus, path, component: str, severity, messages: dict, value, lang: str = "sv", where: dict | None = None
) -> Problem:
    """One SHACL result as a readable problem.

    ``messages`` maps language ("" for none) to the shape's sh:message; ``where`` maps
    resource IRIs to (file, row) so that the problem names the row.

    >>> from graphmap.ontology import GM, ID
    >>> skr = ID["actor/skr"]
    >>> p = result_problem(skr, GM.level, str(SH.MinCountConstraintComponent), SH.Violation,
    ...                    {"en": "An actor needs a level."}, None, "en", {skr: ("skr/actors", 3)})
    >>> p.file, p.row, p.column, p.severity, p.params["message"], p.params["fix"]
    ('skr/actors', 3, 'gm:level', 'error', 'An actor needs a level.', 'Fill in the value.')
    """
    severity = "warning" if severity != SH.Violation else "error"
    message = messages.get(lang) or messages.get("") or messages.get("en") or component.rsplit("#", 1)[-1]
    if value is not None:
        message += f' ("{curie(str(value))}")'
    file, row = (where or {}).get(focus, (curie(str(focus)), None))
    return Problem(
        file,
        row,
        curie(str(path)) if path is not None else None,
        "shacl",
        severity,
        {"message": message, "fix": FIX.get(lang, FIX["en"]).get(component, ""), "focus": str(focus)},
    )


def row_index(rows) -> dict[URIRef, tuple[str, int]]:
    """Map each resource to the first (file, row) it came from, for messages.

    ``rows`` are ingest rows: (dataset, table, row number, IRI).

    >>> a = URIRef("https://example.org/a")
    >>> row_index([("fyrbodal", "actors", 2, a), ("skr", "actors", 7, a)])[a]
    ('fyrbodal/actors', 2)
    """
    index: dict[URIRef, tuple[str, int]] = {}
    for dataset, table, number, iri in rows:
        index.setdefault(iri, (f"{dataset}/{table}", number))
    return index


__all__ = ["ValidationReport", "result_problem", "row_index", "FIX"]
