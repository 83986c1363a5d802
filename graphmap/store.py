"""The embedded store: Oxigraph (pyoxigraph) in process, behind one small interface.

Chosen by measurement (``benchmarks/store_vs_rdflib.py``, its numbers in ``benchmarks/README.md``):
on the named queries pyoxigraph answers 54–3,500× faster than rdflib's memory store, and parses
N-Triples 13× faster.

>>> from rdflib import Graph
>>> store = Store.from_graph(Graph())
>>> len(store)
0
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from graphmap.terms import from_ox, to_ox


class Store:
    """An in-memory (or on-disk, with ``path``) Oxigraph store with bound-parameter SELECT queries."""

    def __init__(self, path: Path | None = None):
        self._store = ox.Store(str(path)) if path else ox.Store()

    @classmethod
    def from_graph(cls, graph: Graph, path: Path | None = None) -> "Store":
        store = cls(path)
        store._store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)
        return store

    @classmethod
    def from_ntriples(cls, data: bytes, path: Path | None = None, lenient: bool = True) -> "Store":
        """Load N-Triples with Oxigraph's own parser (13× faster than rdflib's parser, ``benchmarks/README.md``).

        ``lenient`` skips Oxigraph's IRI validation, for text serialised from an rdflib
        graph (rdflib accepts some IRIs that Oxigraph's strict parser rejects).
        """
        store = cls(path)
        store._store.load(data, format=ox.RdfFormat.N_TRIPLES, lenient=lenient)
        return store

    def __len__(self) -> int:
        return len(self._store)

    def select(self, sparql: str, bindings: dict | None = None) -> tuple[list[str], list[dict]]:
        """Run a SELECT; ``bindings`` maps variable names to rdflib terms (bound, not pasted).

        Returns the variable names and the rows as dicts of rdflib terms.
        """
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items() if v is not None}
        result = self._store.query(sparql, substitutions=subs)
        if not isinstance(result, ox.QuerySolutions):
            raise ValueError("Store.select runs SELECT queries only")
        names = [v.value for v in result.variables]
        terms: dict = {None: None}  # results repeat the same IRIs: convert each once

        def term(t):
            try:
                return terms[t]
            except KeyError:
                value = terms[t] = from_ox(t)
                return value

        rows = [{n: term(sol[n]) for n in names} for sol in result]
        return names, rows

    def pairs(self, predicate: str):
        """(subject, object) of every triple with ``predicate``, as plain strings: an IRI's text, a
        literal's lexical form. What an answer computed in Python reads (no rdflib term is made).

        >>> from rdflib import Graph, URIRef
        >>> g = Graph().add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")))
        >>> list(Store.from_graph(g).pairs("urn:b"))
        [('urn:a', 'urn:c')]
        """
        for q in self._store.quads_for_pattern(None, ox.NamedNode(predicate), None):
            yield q.subject.value, q.object.value  # type: ignore[union-attr]  # no RDF-star triple is stored

    def subjects(self, predicate: str, obj: str) -> list[str]:
        """The subjects (plain IRIs) of ``predicate`` with the IRI ``obj``, e.g. every municipality."""
        quads = self._store.quads_for_pattern(None, ox.NamedNode(predicate), ox.NamedNode(obj))
        return [q.subject.value for q in quads]  # type: ignore[union-attr]  # no RDF-star triple is stored

    def raw(self) -> ox.Store:
        """The pyoxigraph store itself (for serving it or dumping it)."""
        return self._store

    def view(self) -> "GraphView":
        """A read-only view with the rdflib ``Graph`` reading methods (no copy)."""
        return GraphView(self._store)


class GraphView:
    """Read the store through the few rdflib ``Graph`` methods that lookups use.

    ``Labels`` and ``Resolver`` read a graph with ``subjects``, ``objects``, ``value`` and
    ``subject_objects``; this lets them read the store without building an rdflib Graph
    (which costs ~10 µs per triple at a million triples).

    >>> from rdflib import URIRef
    >>> view = Store().view()
    >>> list(view.subjects(URIRef("https://x.se/p"), URIRef("https://x.se/o")))
    []
    """

    def __init__(self, store: ox.Store):
        self._store = store

    def triples(self, pattern):
        s, p, o = (None if t is None else to_ox(t) for t in pattern)
        for q in self._store.quads_for_pattern(s, p, o):
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)

    def __iter__(self):
        return self.triples((None, None, None))

    def __len__(self) -> int:
        return len(self._store)

    def __contains__(self, triple) -> bool:
        return next(iter(self.triples(triple)), None) is not None

    def subjects(self, predicate=None, obj=None):
        return (s for s, _p, _o in self.triples((None, predicate, obj)))

    def objects(self, subject=None, predicate=None):
        return (o for _s, _p, o in self.triples((subject, predicate, None)))

    def predicates(self, subject=None, obj=None):
        return (p for _s, p, _o in self.triples((subject, None, obj)))

    def subject_objects(self, predicate=None):
        return ((s, o) for s, _p, o in self.triples((None, predicate, None)))

    def value(self, subject=None, predicate=None, object=None, default=None):
        for s, p, o in self.triples((subject, predicate, object)):
            return o if object is None else (s if subject is None else p)
        return default


def serialize(store: Store, fmt: str = "turtle") -> bytes:
    """The store's triples as Turtle or N-Triples, written by Oxigraph (fast at any size).

    >>> from rdflib import Graph, URIRef
    >>> g = Graph().add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")))
    >>> serialize(Store.from_graph(g), "nt")
    b'<urn:a> <urn:b> <urn:c> .\\n'
    """
    from graphmap.ontology import PREFIXES

    formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
    prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt == "turtle" else None
    data = store.raw().dump(format=formats[fmt], from_graph=ox.DefaultGraph(), prefixes=prefixes)
    assert data is not None  # no output given: the bytes are returned
    return data
