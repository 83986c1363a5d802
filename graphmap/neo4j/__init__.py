"""Neo4j backend: push the RDF graph as a named dataset, run the named queries in Cypher, pull back.

from graphmap.neo4j import Settings, connect, push, pull, run_cypher_query
with connect(Settings.from_env()) as conn:          # NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD
    push(conn, kg.graph, "bundled")
    rows = run_cypher_query(conn, "support", area="funktionshinder", municipality="Umeå").present()
    graph = pull(conn, "bundled")
"""

from graphmap.neo4j.connect import Connection, Neo4jUnavailable, Settings, connect
from graphmap.neo4j.model import ModelError, model
from graphmap.neo4j.pull import UnknownDataset, pull
from graphmap.neo4j.push import DEFAULT_DATASET, PushError, PushResult, push
from graphmap.neo4j.query import run_cypher_query
from graphmap.neo4j.status import status

__all__ = [
    "Connection",
    "Neo4jUnavailable",
    "Settings",
    "connect",
    "ModelError",
    "model",
    "UnknownDataset",
    "pull",
    "DEFAULT_DATASET",
    "PushError",
    "PushResult",
    "push",
    "run_cypher_query",
    "status",
]
