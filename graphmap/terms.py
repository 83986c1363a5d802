"""Terms between the two RDF libraries: rdflib's (files, SHACL, exports) and Oxigraph's (the store).

>>> from rdflib import Literal
>>> from_ox(to_ox(Literal("Umeå", lang="sv"))) == Literal("Umeå", lang="sv")
True
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef


def to_ox(term):
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r}")


def from_ox(term):
    """pyoxigraph term -> rdflib term (None stays None)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value if term.datatype else None
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            dt = None
        return Literal(term.value, datatype=URIRef(dt) if dt else None)
    raise TypeError(f"cannot convert {term!r}")
