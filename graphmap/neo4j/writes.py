"""The batched writes a push and the upgrade of an older database share: the schema, rows in
batches, and a removal statement run batch by batch until nothing is left.
"""

from __future__ import annotations

from graphmap.neo4j.connect import Connection
from graphmap.neo4j.model import BASE_LABEL, CLAIM_LABEL

SCHEMA = [
    f"CREATE CONSTRAINT graphmap_resource_iri IF NOT EXISTS FOR (n:{BASE_LABEL}) REQUIRE n.iri IS UNIQUE",
    "CREATE CONSTRAINT graphmap_dataset_name IF NOT EXISTS FOR (d:GraphmapDataset) REQUIRE d.name IS UNIQUE",
    f"CREATE INDEX graphmap_claim_token IF NOT EXISTS FOR (c:{CLAIM_LABEL}) ON (c._token)",
]


def ensure_schema(conn: Connection) -> None:
    for statement in SCHEMA:
        conn.write(statement)


def batches(rows: list, size: int):
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


# a removal in batches: drop the token from each holder, delete what no version holds any more
DROP = (
    "SET {v}.datasets = [v IN {v}.datasets WHERE v <> $t] "
    "WITH {v}, size({v}.datasets) = 0 AS gone, 1 AS one "
    "FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | {delete} {v}) "
    "RETURN count(one) AS seen, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS deleted"
)
DROP_RELS = "MATCH ()-[x]->() WHERE $t IN x.datasets WITH x LIMIT $n " + DROP.format(v="x", delete="DELETE")
# a token without claims (written before claims existed, see graphmap.neo4j.upgrade)
DROP_NODES = "MATCH (n:Resource) WHERE $t IN n.datasets WITH n LIMIT $n " + DROP.format(v="n", delete="DETACH DELETE")


def drain(conn: Connection, statement: str, token: str, batch_size: int) -> tuple[int, list]:
    """Run a batched removal statement until a batch comes back short; return how many were deleted
    and the ``[iri, labels]`` it found no claim stating any more."""
    deleted, unstated = 0, []
    while True:
        row = conn.write(statement, t=token, n=batch_size)[0]
        deleted += row["deleted"]
        unstated += row.get("unstated", [])
        if row["seen"] < batch_size:
            return deleted, unstated


__all__ = ["SCHEMA", "ensure_schema", "batches", "drain", "DROP_RELS", "DROP_NODES"]
