"""Neo4j backend: push the RDF graph as a named dataset, run the named queries in Cypher, pull back.

>>> from graphmap.neo4j import connect, push, pull, run_cypher_query, status   # doctest: +SKIP
"""
from graphmap.neo4j.connect import Connection, Neo4jUnavailable, Settings, connect
from graphmap.neo4j.model import ModelError, model
from graphmap.neo4j.pull import UnknownDataset, pull
from graphmap.neo4j.push import DEFAULT_DATASET, PushError, PushResult, push

__all__ = ["Connection", "Neo4jUnavailable", "Settings", "connect", "ModelError", "model", "UnknownDataset", "pull",
           "DEFAULT_DATASET", "PushError", "PushResult", "push"]
