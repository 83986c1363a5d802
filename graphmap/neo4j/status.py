"""What a Neo4j server holds: its version, the datasets (current version, counts) and nodes per label."""

from __future__ import annotations

from graphmap.neo4j.connect import Connection
from graphmap.neo4j.pull import current_tokens


def status(conn: Connection) -> dict:
    """``{"version", "edition", "uri", "datasets": [...], "labels": [{"label", "nodes"}]}`` (current versions only)."""
    datasets = conn.read(
        "MATCH (d:GraphmapDataset) RETURN d.name AS name, d.version AS version, d.nodes AS nodes, "
        "d.relationships AS relationships, toString(d.pushed_at) AS pushed_at, d.staging AS staging ORDER BY name"
    )
    live = current_tokens(conn)
    labels = conn.read(
        "MATCH (n:Resource) WHERE any(v IN n.datasets WHERE v IN $live) "
        "UNWIND labels(n) AS label RETURN label, count(*) AS nodes ORDER BY label",
        live=live,
    )
    return {
        "version": conn.version,
        "edition": conn.edition,
        "uri": conn.settings.uri,
        "datasets": datasets,
        "labels": labels,
    }
