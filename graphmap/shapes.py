"""Generate the SHACL shapes (``ontology/shapes.ttl``) from the table schema.

The schema in :mod:`graphmap.schema` is the one description of the tables; the
shapes are derived from it so the two never drift. Regenerate with::

    python -m graphmap.shapes > ontology/shapes.ttl

and ``tests/test_ontology.py`` checks the committed file matches.
"""

from __future__ import annotations

import sys

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from graphmap.ontology import GM, ORG, SH, SKOS, bind_prefixes, expand
from graphmap.schema import TABLES, Column, Table
from graphmap.vocab import vocabularies

SHAPES = URIRef("https://w3id.org/graphmap/shapes")
TARGET_CLASS = {
    "actors": GM.Actor,
    "networks": ORG.Organization,
    "kommun": GM.Municipality,
    "sources": GM.SourceDocument,
    "posts": ORG.Post,
    "rounds": GM.MappingRound,
}


class _Ids:
    """Deterministic blank-node ids, so that the generated file is byte-for-byte stable."""

    count = 0

    @classmethod
    def new(cls) -> BNode:
        cls.count += 1
        return BNode(f"b{cls.count:04d}")


def _list(g: Graph, items) -> BNode:
    head = _Ids.new()
    items = list(items)
    nodes = [head] + [_Ids.new() for _ in items[1:]]
    for i, item in enumerate(items):
        g.add((nodes[i], RDF.first, item))
        g.add((nodes[i], RDF.rest, nodes[i + 1] if i + 1 < len(items) else RDF.nil))
    return head


def _or(g: Graph, alternatives: list[tuple]) -> BNode:
    nodes = []
    for pred, obj in alternatives:
        n = _Ids.new()
        g.add((n, pred, obj))
        nodes.append(n)
    return _list(g, nodes)


def _property(g: Graph, shape: URIRef, table: Table, col: Column, required: bool | None = None) -> None:
    assert col.predicate is not None, col.name  # the shapes cover the columns that become triples
    p = _Ids.new()
    g.add((shape, SH.property, p))
    g.add((p, SH.path, expand(col.predicate)))
    g.add((p, SH.name, Literal(col.name)))
    required = col.required if required is None else required
    if required:
        g.add((p, SH.minCount, Literal(1)))
    single = not col.many and col.kind not in ("text",) and col.name not in ("source",)
    if single:
        g.add((p, SH.maxCount, Literal(1)))
    kind = col.kind
    if kind == "text":
        if col.lang:
            g.add((p, SH.datatype, RDF.langString))
            g.add((p, SH.uniqueLang, Literal(True)))
        else:
            g.add((p, SH.datatype, XSD.string))
    elif kind in ("vocab", "vocabs"):
        assert col.vocab, col.name  # schema.py gives every vocabulary column its scheme
        g.add((p, SH["class"], SKOS.Concept))
        g.add((p, SH["in"], _list(g, [c.iri for c in vocabularies().concepts(col.vocab)])))
    elif kind in ("ref", "refs"):
        g.add((p, SH.nodeKind, SH.IRI))
        classes = sorted({TARGET_CLASS[t] for t in col.targets})
        if len(classes) == 1:
            g.add((p, SH["class"], classes[0]))
        else:
            g.add((p, SH["or"], _or(g, [(SH["class"], c) for c in classes])))
    elif kind == "places":
        g.add((p, SH["or"], _or(g, [(SH["class"], GM.Municipality), (SH["class"], GM.County)])))
    elif kind == "lan":
        g.add((p, SH["class"], GM.County))
    elif kind == "decimal":
        g.add((p, SH.datatype, XSD.decimal))
        if col.name == "fte":
            g.add((p, SH.minInclusive, Literal(0)))
            g.add((p, SH.maxInclusive, Literal(1)))
    elif kind == "date":
        g.add((p, SH["or"], _or(g, [(SH.datatype, XSD.date), (SH.datatype, XSD.gYearMonth), (SH.datatype, XSD.gYear)])))
    elif kind == "year":
        g.add((p, SH.datatype, XSD.gYear))
    elif kind in ("url", "email"):
        g.add((p, SH.nodeKind, SH.IRI))
        if kind == "email":
            g.add((p, SH.pattern, Literal("^mailto:")))
    g.add((p, SH.message, Literal(f"{table.name}.{col.name}: {col.help_sv}", lang="sv")))
    g.add((p, SH.message, Literal(f"{table.name}.{col.name}: {col.help_en}", lang="en")))


def generate() -> Graph:
    _Ids.count = 0
    g = bind_prefixes(Graph())
    g.add((SHAPES, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")))
    for table in TABLES:
        shape = GM[f"{table.name.capitalize()}Shape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, expand(table.rdf_class)))
        for col in table.columns:
            if col.predicate:
                # reference actors (municipalities, regions) carry no 'types' column row but do carry actorType
                _property(g, shape, table, col)
    _reference_shapes(g)
    return g


def _reference_shapes(g: Graph) -> None:
    for cls, pattern, name in ((GM.Municipality, r"^\d{4}$", "kommunkod"), (GM.County, r"^\d{2}$", "lanskod")):
        shape = GM[f"{cls.split('#')[-1]}CodeShape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, cls))
        p = _Ids.new()
        g.add((shape, SH.property, p))
        for pred, obj in (
            (SH.path, GM.scbCode),
            (SH.minCount, Literal(1)),
            (SH.maxCount, Literal(1)),
            (SH.datatype, XSD.string),
            (SH.pattern, Literal(pattern)),
            (SH.name, Literal(name)),
        ):
            g.add((p, pred, obj))
        g.add((p, SH.message, Literal(f"{name}: SCB-kod med inledande nolla", lang="sv")))
        g.add((p, SH.message, Literal(f"{name}: SCB code with its leading zero", lang="en")))
    concept = GM.ConceptShape
    g.add((concept, RDF.type, SH.NodeShape))
    g.add((concept, SH.targetClass, SKOS.Concept))
    p = _Ids.new()
    g.add((concept, SH.property, p))
    for pred, obj in (
        (SH.path, SKOS.prefLabel),
        (SH.minCount, Literal(2)),
        (SH.uniqueLang, Literal(True)),
        (SH.datatype, RDF.langString),
    ):
        g.add((p, pred, obj))
    g.add((p, SH.message, Literal("Begreppet behöver en svensk och en engelsk etikett", lang="sv")))
    g.add((p, SH.message, Literal("A concept needs a Swedish and an English label", lang="en")))


def turtle() -> str:
    """The shapes as Turtle text (stable: same schema, same bytes)."""
    return generate().serialize(format="turtle")


if __name__ == "__main__":
    sys.stdout.write(turtle())
