"""Personal data: what it is, how to leave it out, and where it would go.

Personal data are the resources marked ``gm:personalData true`` (the rows of the ``persons``
table: ``foaf:Person``), every triple that points at them, and the values of the properties the
ontology marks ``gm:personalData true`` (``foaf:name``, ``foaf:mbox``, ``org:holds``).

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import FOAF
>>> g = Graph()
>>> p = URIRef("https://w3id.org/graphmap/id/x/persons/p1")
>>> _ = g.add((p, GM.personalData, Literal(True))); _ = g.add((p, FOAF.name, Literal("Anna Andersson")))
>>> len(strip_personal(g)), sorted(personal_strings(g))
(0, ['Anna Andersson'])
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDF

from graphmap.i18n import t
from graphmap.ontology import GM, bind_prefixes, ontology_graph

# where personal data would go: OUTPUTS rows are (output, by default sv, by default en, how to include it sv,
# how to include it en); the "by default" texts are the catalogue's "privacy.default.<command>"
_OUTPUTS = [
    ("graphmap query / support / gaps / chain", "query", "–"),
    ("graphmap viz (karta)", "viz", "--include-personal"),
    ("graphmap report (rapport)", "report", "--include-personal"),
    ("graphmap export data", "export", "--include-personal"),
    ("graphmap new-region / export ontology", "new-region", "–"),
    ("graphmap serve (webb och /sparql)", "serve", "--include-personal"),
    ("graphmap neo4j push", "neo4j", "--without-personal"),
    ("graphmap build (out/graphmap.ttl)", "build", "--include-personal"),
]
OUTPUTS = [
    (output, t(f"privacy.default.{key}", "sv"), t(f"privacy.default.{key}", "en"), include, include)
    for output, key, include in _OUTPUTS
]


@lru_cache(maxsize=1)
def personal_predicates() -> frozenset:
    """Properties the ontology marks as personal data (foaf:name, foaf:mbox, org:holds)."""
    onto = ontology_graph()
    return frozenset(s for s in onto.subjects(GM.personalData, Literal(True)) if s != FOAF.Person)  # a class


def personal_resources(graph: Graph) -> set:
    """Resources that are personal data: marked ``gm:personalData true`` or typed foaf:Person."""
    marked = {s for s, o in graph.subject_objects(GM.personalData) if isinstance(o, Literal) and o.toPython() is True}
    return marked | set(graph.subjects(RDF.type, FOAF.Person))


def strip_personal(graph: Graph) -> Graph:
    """A copy of ``graph`` without personal resources, triples pointing at them, or personal values."""
    people = personal_resources(graph)
    preds = personal_predicates()
    out = bind_prefixes(Graph())
    for s, p, o in graph:
        if s in people or o in people or p in preds:
            continue
        out.add((s, p, o))
    return out


def personal_strings(graph: Graph) -> set[str]:
    """Every name and e-mail address in the data (for scanning outputs)."""
    values = set()
    for p in personal_predicates():
        for o in graph.objects(None, p):
            if isinstance(o, Literal):
                values.add(str(o))
            elif isinstance(o, URIRef) and str(o).startswith("mailto:"):
                values.update({str(o)[7:], str(o)})
    return values


@dataclass
class PersonalField:
    resource: str
    field: str
    value: str
    source: str


def inventory(graph: Graph) -> list[PersonalField]:
    """Every personal field in the data, with the resource it belongs to and its source: the persons'
    fields, and a personal value wherever else it is (a respondent's name on a round's answer).

    >>> from rdflib.namespace import DCTERMS
    >>> g = Graph(); a = URIRef("https://w3id.org/graphmap/id/x/answers/a1")
    >>> _ = g.add((a, GM.respondentName, Literal("Anna Andersson"))); _ = g.add((a, DCTERMS.source, URIRef("urn:s")))
    >>> [(f.field.rsplit("#", 1)[-1], f.value, f.source) for f in inventory(g)]
    [('respondentName', 'Anna Andersson', 'urn:s')]
    """
    from rdflib.namespace import DCTERMS

    rows = []
    preds = sorted(personal_predicates(), key=str)
    holders = personal_resources(graph) | {s for p in preds for s in graph.subjects(p, None)}
    for resource in sorted(holders, key=str):
        source = graph.value(resource, DCTERMS.source)
        for p in preds:
            for o in graph.objects(resource, p):
                rows.append(PersonalField(str(resource), str(p), str(o), str(source or "")))
    return rows
