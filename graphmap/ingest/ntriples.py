"""A fast N-Triples writer for the triples ingest emits (rdflib terms in plain tuples).

rdflib's own serialiser goes through a Graph (~10 µs per triple); this writes the lines
directly, caching each IRI's text, for loading the embedded store.
"""

from __future__ import annotations

import re

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD  # noqa: F401  (RDF: doctest)

from graphmap.ingest.gcpause import paused_gc

_ESCAPE = re.compile(r'["\\\n\r]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def _literal_nt(term: Literal) -> str:
    text = str(term)
    if _ESCAPE.search(text):
        text = _ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)
    if term.language:
        return f'"{text}"@{term.language}'
    datatype = term.datatype
    if datatype is not None and datatype != XSD.string:
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


def ntriples(triples, unique: bool = True) -> bytes:
    """Serialise rdflib-term triples as N-Triples fast (IRIs cached; duplicates dropped if ``unique``).

    >>> ntriples([(URIRef("https://x.se/a"), RDF.type, Literal('sa "hej"', lang="sv"))])
    b'<https://x.se/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "sa \\\\"hej\\\\""@sv .\\n'
    >>> t = (BNode("b1"), URIRef("https://x.se/n"), Literal("2", datatype=XSD.integer))
    >>> ntriples([t, t]), ntriples([t, t], unique=False).count(b"\\n")
    (b'_:b1 <https://x.se/n> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .\\n', 2)
    """
    nodes: dict = {}
    get = nodes.get
    lines: list[str] = []
    append = lines.append
    c: str | None
    with paused_gc():
        for s, p, o in triples:
            a = get(s)
            if a is None:
                a = nodes[s] = _node_nt(s)
            b = get(p)
            if b is None:
                b = nodes[p] = _node_nt(p)
            if type(o) is Literal:
                c = _literal_nt(o)
            else:
                c = get(o)
                if c is None:
                    c = nodes[o] = _node_nt(o)
            append(f"{a} {b} {c} .\n")
        return "".join(dict.fromkeys(lines) if unique else lines).encode("utf-8")


def _node_nt(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return _literal_nt(term)


__all__ = ["ntriples"]
