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


def encode(term):
    """An rdflib term as JSON (what the build cache keeps of a query's rows); :func:`decode` undoes it.

    >>> from rdflib import Literal, URIRef
    >>> terms = [URIRef("urn:x"), Literal("2"), Literal("3", datatype=URIRef("urn:int")), Literal("Umeå", lang="sv"), None]
    >>> [decode(encode(t)) for t in terms] == terms
    True
    """
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ["i", str(term)]
    if isinstance(term, BNode):
        return ["b", str(term)]
    if isinstance(term, Literal):
        return ["l", str(term), str(term.datatype) if term.datatype else None, term.language]
    raise TypeError(f"cannot encode {term!r}")


def decode(item):
    """The rdflib term :func:`encode` wrote."""
    if item is None:
        return None
    kind, value = item[0], item[1]
    if kind == "i":
        return URIRef(value)
    if kind == "b":
        return BNode(value)
    return Literal(value, datatype=URIRef(item[2]) if item[2] else None, lang=item[3])


class TripleIndex:
    """Triples read from Turtle files by Oxigraph, indexed for the few reads a lookup table needs
    (``subjects``, ``objects``, ``value``, as on an rdflib Graph), without an rdflib Graph's cost.

    >>> from rdflib import URIRef
    >>> idx = TripleIndex.parse([b'<urn:a> <urn:p> "x"@sv , "y"@en . <urn:b> <urn:p> <urn:a> .'])
    >>> sorted(map(str, idx.objects(URIRef("urn:a"), URIRef("urn:p")))), list(idx.subjects(URIRef("urn:p"), URIRef("urn:a")))
    (['x', 'y'], [rdflib.term.URIRef('urn:b')])
    """

    def __init__(self, triples):
        self._out: dict = {}
        self._in: dict = {}
        for s, p, o in triples:
            self._out.setdefault(s, {}).setdefault(p, []).append(o)
            self._in.setdefault((p, o), []).append(s)

    @classmethod
    def parse(cls, texts, fmt=None) -> "TripleIndex":
        memo: dict = {}

        def term(t):
            if t not in memo:
                memo[t] = from_ox(t)
            return memo[t]

        fmt = fmt or ox.RdfFormat.TURTLE
        return cls(
            (term(q.subject), term(q.predicate), term(q.object)) for text in texts for q in ox.parse(text, format=fmt)
        )

    def subjects(self, predicate, obj):
        return iter(self._in.get((predicate, obj), ()))

    def objects(self, subject, predicate):
        return iter(self._out.get(subject, {}).get(predicate, ()))

    def value(self, subject, predicate, default=None):
        found = self._out.get(subject, {}).get(predicate)
        return found[0] if found else default
