"""Pull a dataset (or every current dataset) from Neo4j back into an RDF graph.

The inverse of :mod:`graphmap.neo4j.push`: labels -> ``rdf:type``, relationships -> IRI-valued
triples, properties -> literals with their language and datatype. For one dataset, a shared
node contributes the labels and properties that dataset stated (``_owners``) plus any added
later in Neo4j Browser (no owner), so edits made there come back.
"""
from __future__ import annotations

from rdflib import Graph, URIRef

from graphmap.neo4j.connect import Connection
from graphmap.neo4j.model import BASE_LABEL, model
from graphmap.neo4j.project import node_triples
from graphmap.ontology import bind_prefixes


class UnknownDataset(LookupError):
    def __init__(self, name: str, known: list[str]):
        self.name, self.known = name, known
        super().__init__(name)

    def message(self, lang: str = "sv") -> str:
        from graphmap.i18n import t
        return t("neo4j.unknown_dataset", lang, name=repr(self.name), known=", ".join(self.known) or "-")


def current_tokens(conn: Connection, dataset: str | None = None) -> list[str]:
    """The current version tokens: of one dataset, or of all; raise UnknownDataset."""
    rows = conn.read("MATCH (d:GraphmapDataset) WHERE d.current IS NOT NULL "
                     "RETURN d.name AS name, d.current AS current ORDER BY name")
    if dataset is None:
        return [r["current"] for r in rows]
    for r in rows:
        if r["name"] == dataset:
            return [r["current"]]
    raise UnknownDataset(dataset, [r["name"] for r in rows])


def pull(conn: Connection, dataset: str | None = None) -> Graph:
    """The current version of ``dataset`` (all datasets if None) as an rdflib Graph."""
    m = model()
    tokens = current_tokens(conn, dataset)
    g = bind_prefixes(Graph())
    nodes = conn.read("MATCH (n:Resource) WHERE any(v IN n.datasets WHERE v IN $live) "
                      "RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props", live=tokens)
    for row in nodes:
        labels, props = set(row["labels"]) - {BASE_LABEL}, dict(row["props"])
        if dataset is not None:
            labels, props = _own_part(labels, props, dataset)
        for triple in node_triples(row["iri"], labels, props, m):
            g.add(triple)
    rels = conn.read("MATCH (s:Resource)-[x]->(o:Resource) WHERE any(v IN x.datasets WHERE v IN $live) "
                     "OR (x.datasets IS NULL AND any(v IN s.datasets WHERE v IN $live) "
                     "AND any(v IN o.datasets WHERE v IN $live)) "
                     "RETURN s.iri AS s, type(x) AS t, o.iri AS o", live=tokens)
    for row in rels:
        pred = m.predicate_of_type.get(row["t"])
        if pred:
            g.add((URIRef(row["s"]), URIRef(pred), URIRef(row["o"])))
    return g


def _own_part(labels: set, props: dict, dataset: str):
    owners = props.get("_owners") or []
    mine, owned = set(), set()
    for entry in owners:
        ds, _sep, what = entry.partition("|")
        owned.add(what)
        if ds == dataset:
            mine.add(what)
    keep_labels = {lb for lb in labels if f":{lb}" in mine or f":{lb}" not in owned}
    keep = {k: v for k, v in props.items() if k.startswith("_") or k in ("iri", "datasets") or k in mine
            or k not in owned}
    return keep_labels, keep
