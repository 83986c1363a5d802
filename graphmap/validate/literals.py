"""Typed literals checked against their datatype: a date that exists, a year, a number.

Tables are checked cell by cell as they are read (``ingest.cells``); a graph file (``.ttl``, ``.nt``,
``.jsonld``) given to ``build`` or ``validate`` brings its literals as they are, and Oxigraph and
rdflib keep an ill-typed literal without a word. This module checks each literal of an XSD datatype
against the datatype's lexical space (and the calendar), as Jena's ``riot --validate`` and pySHACL's
``sh:datatype`` do.

>>> from rdflib import XSD
>>> [well_typed(v, XSD.date) for v in ("2023-02-28", "2023-02-29", "2024-02-29", "2023-13-45", "2023-6-1")]
[True, False, True, False, False]
>>> [well_typed(v, XSD.gYear) for v in ("2018", "20x8", "-0044", "18")]
[True, False, True, False]
>>> [well_typed(v, XSD.decimal) for v in ("0.5", "1,5", "-3", ".5", "1e3")]
[True, False, True, True, False]
"""

from __future__ import annotations

import datetime as dt
import re

from rdflib import URIRef
from rdflib.namespace import XSD

from graphmap.problems import Problem
from graphmap.ontology import curie

_TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_DATE = r"(-?(?:[1-9]\d{4,}|\d{4}))-(\d{2})-(\d{2})"
_TIME = r"(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)"
_DOUBLE = r"(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN)"
LEXICAL = {
    XSD.date: re.compile(_DATE + _TZ),
    XSD.dateTime: re.compile(_DATE + "T" + _TIME + _TZ),
    XSD.gYear: re.compile(r"-?(?:[1-9]\d{4,}|\d{4})" + _TZ),
    XSD.gYearMonth: re.compile(r"-?(?:[1-9]\d{4,}|\d{4})-(?:0[1-9]|1[0-2])" + _TZ),
    XSD.decimal: re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"),
    XSD.integer: re.compile(r"[+-]?\d+"),
    XSD.nonNegativeInteger: re.compile(r"\+?\d+|-0+"),
    XSD.positiveInteger: re.compile(r"\+?0*[1-9]\d*"),
    XSD.boolean: re.compile(r"true|false|1|0"),
    XSD.double: re.compile(_DOUBLE),
    XSD.float: re.compile(_DOUBLE),
}
"""The datatypes checked, with their lexical space (XML Schema 1.1 Part 2)."""


def well_typed(lexical: str, datatype: URIRef) -> bool:
    """Whether ``lexical`` is a value of ``datatype`` (any datatype not in :data:`LEXICAL` passes)."""
    pattern = LEXICAL.get(URIRef(str(datatype)))
    if pattern is None:
        return True
    found = pattern.fullmatch(lexical)
    if found is None:
        return False
    if datatype in (XSD.date, XSD.dateTime):
        year, month, day = int(found.group(1)), int(found.group(2)), int(found.group(3))
        try:
            dt.date(year if 1 <= year <= 9999 else 2000, month, day)  # leap years repeat every 400 years
        except ValueError:
            return False
        if datatype == XSD.dateTime:
            hour, minute, second = int(found.group(4)), int(found.group(5)), float(found.group(6))
            if not (hour < 24 and minute < 60 and second < 60 or (hour, minute, second) == (24, 0, 0.0)):
                return False
    return True


def ill_typed(triples):
    """The triples among ``triples`` (rdflib or Oxigraph terms) whose literal object is not of its datatype."""
    for triple in triples:
        obj = triple[2]
        datatype = getattr(obj, "datatype", None)
        if (
            datatype is not None
            and not getattr(obj, "language", None)
            and not well_typed(str(getattr(obj, "value", obj)), URIRef(str(getattr(datatype, "value", datatype))))
        ):
            yield triple


def literal_problems(store, lang: str = "sv", where: dict | None = None) -> list[Problem]:
    """One error per ill-typed literal in ``store`` (a :class:`graphmap.store.Store`), naming the resource
    (or its file and row), the property, the value and its datatype."""
    quads = ((q.subject, q.predicate, q.object) for q in store.raw().quads_for_pattern(None, None, None))
    problems = []
    for s, p, o in ill_typed(quads):
        focus = URIRef(s.value)
        file, row = (where or {}).get(focus, (curie(str(focus)), None))
        problems.append(
            Problem(
                file,
                row,
                curie(p.value),
                "ill_typed",
                "error",
                {"value": o.value, "datatype": curie(o.datatype.value), "focus": str(focus)},
            )
        )
    return problems


__all__ = ["well_typed", "ill_typed", "literal_problems", "LEXICAL"]
