"""Linked data: every IRI graphmap mints resolves on the web app, by content negotiation.

The IRIs are ``https://w3id.org/graphmap/<path>``; the w3id redirect (``docs/w3id/.htaccess``) sends
``<path>`` to the server, and the server answers for ``/id/…``, ``/def`` and ``/vocab/…``:

- ``/id/…`` and ``/vocab/…`` name things (an actor, a municipality, a fact, a concept), not
  documents. An RDF client (Turtle, N-Triples, JSON-LD, RDF/XML by ``Accept``) gets the thing's
  statements directly, 200 with ``Content-Location: <path>.ttl`` (…) naming the document they are
  and ``Vary: Accept``, so ``curl -H 'Accept: text/turtle'`` prints them without following a
  redirect; a browser gets ``303 See Other`` to a page about the thing (the actor's, network's or
  municipality's page; a page listing the statements for other things), as the W3C note *Cool URIs
  for the Semantic Web* describes. The documents ``<path>.ttl`` / ``.nt`` / ``.jsonld`` / ``.rdf`` /
  ``.html`` answer 200.
- ``/def`` is the ontology, a document whose terms are hash IRIs (``/def#Actor``): answered
  directly (HTML documentation or RDF), with ``Vary: Accept`` and ``Content-Location``.
- An IRI the graph does not know is 404.

What is described is the resource's own statements (the subject's triples and the blank nodes
under them; a concept scheme with its concepts), from the served graph (no personal data unless
the server was started with it).

>>> negotiate("text/html,application/xhtml+xml,*/*;q=0.8"), negotiate("text/turtle"), negotiate("*/*")
('html', 'ttl', 'ttl')
>>> negotiate("application/ld+json;q=0.9, application/n-triples"), negotiate("image/png")
('nt', None)
"""

from __future__ import annotations

import json

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from graphmap.ontology import BASE, bind_prefixes, curie, ontology_graph
from graphmap.serve.sparql_worker import accepted

MEDIA = {
    "ttl": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml",
    "html": "text/html; charset=utf-8",
}
"""Document extension -> media type of each representation."""
ACCEPTED = {
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdf",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
SERIALIZER = {"ttl": "turtle", "nt": "nt11", "jsonld": "json-ld", "rdf": "xml"}
PAGES = {"id/actor/": "/aktor/", "id/network/": "/natverk/", "id/kommun/": "/kommun/"}
"""IRI path prefix -> the web app's page for that kind of thing (the HTML a browser gets)."""


def negotiate(accept: str) -> str | None:
    """The representation (``html``, ``ttl``, ``nt``, ``jsonld``, ``rdf``) ``accept`` prefers; Turtle for
    ``*/*`` or no header; None when nothing offered is acceptable (406)."""
    if not accept.strip():
        return "ttl"
    for media in accepted(accept):
        if media in ACCEPTED:
            return ACCEPTED[media]
        if media in ("*/*", "text/*", "application/*"):
            return "ttl"
    return None


def describe(graph: Graph, iri: URIRef) -> Graph:
    """The statements about ``iri`` in ``graph``: its own triples, the blank nodes under them, and for a
    concept scheme the triples of its concepts."""
    out = bind_prefixes(Graph())
    todo, seen = [iri], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for s, p, o in graph.triples((node, None, None)):
            out.add((s, p, o))
            if isinstance(o, BNode):
                todo.append(o)
        if node == iri:
            todo.extend(graph.subjects(SKOS.inScheme, iri))
    return out


def ontology_document() -> Graph:
    """What ``/def`` serves: the OWL ontology, the vocabularies and the shapes' terms."""
    return ontology_graph()


def serialize(graph: Graph, ext: str) -> bytes:
    """``graph`` in the representation ``ext`` (JSON-LD with graphmap's context inline)."""
    if ext == "jsonld":
        from graphmap.ontology_export import jsonld_context

        text = graph.serialize(format="json-ld", context=jsonld_context()["@context"], auto_compact=True)
        return json.dumps(json.loads(text), ensure_ascii=False, indent=1).encode("utf-8")
    return graph.serialize(format=SERIALIZER[ext], encoding="utf-8")


def page_of(path: str) -> str | None:
    """The web app's own page for an IRI path (``id/actor/skr`` -> ``/aktor/skr``), if it has one."""
    for prefix, page in PAGES.items():
        if path.startswith(prefix) and "/" not in path[len(prefix) :]:
            return page + path[len(prefix) :]
    return None


def rows(graph: Graph, iri: URIRef, lang: str) -> list[tuple[str, str, str | None]]:
    """(predicate, value, link) rows of a resource's statements for its HTML page: links to local
    paths for graphmap's own IRIs, values as text (the template escapes them)."""
    out = []
    for _s, p, o in sorted(graph.triples((iri, None, None)), key=lambda t: (curie(str(t[1])), str(t[2]))):
        if (
            isinstance(o, Literal)
            and o.language
            and o.language != lang
            and any(x.language == lang for x in graph.objects(iri, p) if isinstance(x, Literal))
        ):
            continue
        link = None
        if isinstance(o, URIRef):
            text = curie(str(o))
            link = "/" + str(o)[len(BASE) :] if str(o).startswith(BASE) else str(o)
        else:
            text = str(o)
        out.append((curie(str(p)), text, link))
    return out


__all__ = ["negotiate", "describe", "serialize", "page_of", "rows", "ontology_document", "MEDIA"]
