"""Databases written before claims: converted once, by the first push, pull, query or status.

Before claims (:mod:`graphmap.neo4j.model`) a shared node held the literals and labels of every
dataset itself, and ``_owners`` (``"D|prefLabel_sv"``, ``"D|:Municipality"``) named the datasets
that stated each; where two datasets stated different values the node kept the last push's. The
conversion gives every current version a claim on each of its nodes with what that dataset owned
(the value the node holds), leaves on the node only what no dataset owned (edits made in Neo4j
Browser), removes the tokens of unfinished pushes (they have no claims) and marks each dataset
``claims = true``. It can run again after an interruption: a claim that exists is not created twice.
"""

from __future__ import annotations

from graphmap.neo4j.connect import Connection
from graphmap.neo4j.model import BASE_LABEL, CLAIM_LABEL, CLAIMS
from graphmap.neo4j.writes import DROP_NODES, DROP_RELS, batches, drain, ensure_schema

OLD = "MATCH (d:GraphmapDataset) WHERE d.claims IS NULL RETURN d.name AS name, d.current AS current ORDER BY name"
OLD_NODES = (
    f"MATCH (n:{BASE_LABEL}) WHERE n._owners IS NOT NULL OR any(v IN n.datasets WHERE v IN $tokens) "
    "RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props"
)
# the node is locked before the claims are looked at, so two conversions at once create one claim
CLAIM = (
    f"UNWIND $rows AS r MATCH (n:{BASE_LABEL} {{iri: r.iri}}) SET n._lock = true REMOVE n._lock "
    f"WITH n, r WHERE NOT EXISTS {{ MATCH (:{CLAIM_LABEL} {{_token: r.token}})-[:{CLAIMS}]->(n) }} "
    f"CREATE (c:{CLAIM_LABEL})-[:{CLAIMS}]->(n) SET c = r.props, c._token = r.token, c._labels = r.labels"
)
STRIP = f"UNWIND $rows AS r MATCH (n:{BASE_LABEL} {{iri: r.iri}}) SET n += r.props"
STALE = (
    f"MATCH (n:{BASE_LABEL}) UNWIND n.datasets AS v WITH DISTINCT v WHERE NOT v IN $live "
    f"AND NOT EXISTS {{ MATCH (c:{CLAIM_LABEL} {{_token: v}}) }} RETURN collect(v) AS stale"
)


def upgrade(conn: Connection, batch_size: int = 5000) -> int:
    """Convert the datasets written before claims; return how many there were (0: nothing to do)."""
    old = conn.read(OLD)
    if not old:
        return 0
    ensure_schema(conn)
    tokens = {row["current"]: row["name"] for row in old if row["current"]}
    claims, strips = [], []
    for row in conn.read(OLD_NODES, tokens=list(tokens)):
        node_claims, strip = convert_node(row["iri"], set(row["labels"]) - {BASE_LABEL}, row["props"], tokens)
        claims += node_claims
        strips += [strip] if strip else []
    for statement, rows in ((CLAIM, claims), (STRIP, strips)):
        for part in batches(rows, batch_size):
            conn.write(statement, rows=part)
    live = [
        row["current"]
        for row in conn.read("MATCH (d:GraphmapDataset) WHERE d.current IS NOT NULL RETURN d.current AS current")
    ]
    for token in sorted(conn.read(STALE, live=live)[0]["stale"]):
        for statement in (DROP_RELS, DROP_NODES):
            drain(conn, statement, token, batch_size)
    conn.write(
        "UNWIND $names AS name MATCH (d:GraphmapDataset {name: name}) SET d.claims = true",
        names=[row["name"] for row in old],
    )
    return len(old)


def convert_node(iri: str, labels: set, props: dict, tokens: dict[str, str]) -> tuple[list, dict | None]:
    """One node written before claims -> (its claims, the properties to remove from it or None).

    >>> claims, strip = convert_node("x", {"Actor", "Extra"}, {"iri": "x", "datasets": ["a@1", "b@2"],
    ...     "prefLabel_sv": "X", "fte": "1.50", "_datatypes": ["fte=xsd:decimal"], "note_sv": "by hand",
    ...     "_owners": ["a|prefLabel_sv", "a|:Actor", "b|fte", "b|prefLabel_sv"]}, {"a@1": "a", "b@2": "b"})
    >>> [(c["token"], c["labels"], c["props"]) for c in claims]
    [('a@1', ['Actor'], {'prefLabel_sv': 'X'}), ('b@2', [], {'prefLabel_sv': 'X', 'fte': '1.50', '_datatypes': ['fte=xsd:decimal']})]
    >>> strip["props"]
    {'_datatypes': None, '_owners': None, 'fte': None, 'prefLabel_sv': None}
    """
    owners = props.get("_owners") or []
    owned = {entry.partition("|")[2] for entry in owners}
    datatypes = props.get("_datatypes") or []
    claims = []
    for token in sorted(set(props.get("datasets") or []) & set(tokens)):
        mine = {entry.partition("|")[2] for entry in owners if entry.partition("|")[0] == tokens[token]}
        values = {k: v for k, v in props.items() if k in mine}
        kinds = [entry for entry in datatypes if entry.partition("=")[0] in values]
        claims.append(
            {
                "iri": iri,
                "token": token,
                "labels": sorted(label for label in labels if f":{label}" in mine),
                "props": {**values, **({"_datatypes": kinds} if kinds else {})},
            }
        )
    if "_owners" not in props:
        return claims, None
    remove: dict[str, list | None] = {k: None for k in sorted(props) if k in owned or k == "_owners"}
    left = [entry for entry in datatypes if entry.partition("=")[0] not in owned]
    if datatypes:
        remove["_datatypes"] = left or None
    return claims, {"iri": iri, "props": dict(sorted(remove.items()))}
