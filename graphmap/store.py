"""The embedded store: Oxigraph (pyoxigraph) in process, behind one small interface.

Chosen by measurement (``benchmarks/store_vs_rdflib.py``): on the named queries
pyoxigraph answers 20–900× faster than rdflib's memory store, and loads N-Triples
about 10× faster.

>>> from rdflib import Graph
>>> store = Store.from_graph(Graph())
>>> len(store)
0
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef


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


class Store:
    """An in-memory (or on-disk, with ``path``) Oxigraph store with bound-parameter SELECT queries."""

    def __init__(self, path: Path | None = None):
        self._store = ox.Store(str(path)) if path else ox.Store()

    @classmethod
    def from_graph(cls, graph: Graph, path: Path | None = None) -> "Store":
        store = cls(path)
        store._store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)
        return store

    def __len__(self) -> int:
        return len(self._store)

    def select(self, sparql: str, bindings: dict | None = None) -> tuple[list[str], list[dict]]:
        """Run a SELECT; ``bindings`` maps variable names to rdflib terms (bound, not pasted).

        Returns the variable names and the rows as dicts of rdflib terms.
        """
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items() if v is not None}
        result = self._store.query(sparql, substitutions=subs)
        names = [v.value for v in result.variables]
        rows = [{n: from_ox(sol[n]) for n in names} for sol in result]
        return names, rows

    def ask(self, sparql: str) -> bool:
        return bool(self._store.query(sparql))

    def raw(self) -> ox.Store:
        """The pyoxigraph store itself (for serving it or dumping it)."""
        return self._store
