"""The graph a server shows when personal data is not asked for.

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import FOAF
>>> from graphmap.ontology import GM
>>> g = Graph()
>>> p, post = URIRef("urn:p"), URIRef("urn:post")
>>> g.add((p, GM.personalData, Literal(True))); g.add((p, FOAF.name, Literal("A B")))  # doctest: +ELLIPSIS
<Graph ...>
>>> g.add((post, URIRef("urn:heldBy"), p)); g.add((post, URIRef("urn:x"), Literal(1)))  # doctest: +ELLIPSIS
<Graph ...>
>>> sorted(str(t[1]) for t in public_graph(g))
['urn:x']
"""
from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import FOAF

from graphmap.ontology import GM

PERSONAL_PREDICATES = (FOAF.name, FOAF.mbox, FOAF.mbox_sha1sum, FOAF.phone, FOAF.givenName, FOAF.familyName)


def personal_resources(graph: Graph) -> set:
    """Resources marked ``gm:personalData true``."""
    return {s for s, o in graph.subject_objects(GM.personalData)
            if isinstance(o, Literal) and str(o).lower() in ("true", "1")}


def public_graph(graph: Graph) -> Graph:
    """A copy without personal resources, any triple pointing to them, and name/e-mail triples.

    Uses the project's one definition (:func:`graphmap.privacy.strip_personal`: also the
    properties the ontology marks personal, e.g. ``org:holds``) when it is installed.
    """
    try:
        from graphmap.privacy import strip_personal
    except ImportError:
        strip_personal = None
    if strip_personal is not None:
        return strip_personal(graph)
    personal = personal_resources(graph)
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True)
    for s, p, o in graph:
        if s in personal or o in personal or p in PERSONAL_PREDICATES:
            continue
        out.add((s, p, o))
    return out
