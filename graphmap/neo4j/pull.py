"""Pull a dataset (or every current dataset) from Neo4j back into an RDF graph.

The inverse of :mod:`graphmap.neo4j.push`: labels -> ``rdf:type``, relationships -> IRI-valued
triples, properties -> literals with their language and datatype. A node contributes what the
claims of the versions asked for state (each dataset's own labels and values, whatever another
dataset says about the same node) plus what was added to the shared node in Neo4j Browser (its
properties other than ``iri`` and ``datasets``, its labels that no claim states), so edits made
there come back.
"""

from __future__ import annotations

from rdflib import Graph, URIRef

from graphmap.neo4j.connect import Connection
from graphmap.neo4j.model import BASE_LABEL, CLAIM_LABEL, CLAIMS, model
from graphmap.neo4j.project import node_triples
from graphmap.neo4j.upgrade import upgrade
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
    rows = conn.read(
        "MATCH (d:GraphmapDataset) WHERE d.current IS NOT NULL "
        "RETURN d.name AS name, d.current AS current, d.claims IS NULL AS old ORDER BY name"
    )
    if any(r["old"] for r in rows):
        upgrade(conn)
    if dataset is None:
        return [r["current"] for r in rows]
    for r in rows:
        if r["name"] == dataset:
            return [r["current"]]
    raise UnknownDataset(dataset, [r["name"] for r in rows])


# every visible node with its shared part and its claims: whole for the versions asked for, else only
# the labels (a label on the node that no claim states was added by hand)
NODES = (
    f"MATCH (n:{BASE_LABEL}) WHERE any(v IN n.datasets WHERE v IN $live) "
    "RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props, "
    f"[(c:{CLAIM_LABEL})-[:{CLAIMS}]->(n) | CASE WHEN c._token IN $live THEN properties(c) "
    "ELSE {_labels: c._labels} END] AS claims"
)


def pull(conn: Connection, dataset: str | None = None) -> Graph:
    """The current version of ``dataset`` (all datasets if None) as an rdflib Graph."""
    m = model()
    tokens = current_tokens(conn, dataset)
    g = bind_prefixes(Graph())
    for row in conn.read(NODES, live=tokens):
        claims = row["claims"]
        stated = {label for claim in claims for label in claim.get("_labels") or []}
        parts: list[tuple] = [(set(row["labels"]) - stated - {BASE_LABEL}, row["props"])]
        parts += [(claim.get("_labels") or [], claim) for claim in claims if claim.get("_token") in tokens]
        for labels, props in parts:
            for triple in node_triples(row["iri"], labels, props, m):
                g.add(triple)
    rels = conn.read(
        "MATCH (s:Resource)-[x]->(o:Resource) WHERE any(v IN x.datasets WHERE v IN $live) "
        "OR (x.datasets IS NULL AND any(v IN s.datasets WHERE v IN $live) "
        "AND any(v IN o.datasets WHERE v IN $live)) "
        "RETURN s.iri AS s, type(x) AS t, o.iri AS o",
        live=tokens,
    )
    for row in rels:
        pred = m.predicate_of_type.get(row["t"])
        if pred:
            g.add((URIRef(row["s"]), URIRef(pred), URIRef(row["o"])))
    return g
