"""The derived support layer in Neo4j: what :mod:`graphmap.answers.support` derives at build time,
written by a push beside the projected graph so that ``support.cypher`` reads it instead of
deriving it again.

One ``(:SupportReach:GraphmapDerived)`` node per distinct row of the layer and area, carrying the
row's fields as properties under their column names (``actor``, ``role`` (a list: one answer row
per role), ``level``, ``kind``, …, as :func:`graphmap.answers.support.fields` gives them, plain
IRIs and values), the area asked for (``area``), the row's level order (``lorder``, the answer's
order) and where it reaches: ``municipalities`` (the IRIs of the municipalities it reaches), or
``national: true`` for a national actor's row (every municipality of the dataset). A new field of
a layer row becomes a new property here with no change but ``support.cypher``'s RETURN.

The nodes hold the version token in ``_token`` (as a claim does): a push stages them under its new
token, its switch makes them current with the rest of the dataset, and the cleanup deletes the old
version's. They are not ``:Resource`` nodes and have no relationships, so the stated graph is
untouched: a pull (which reads ``:Resource`` nodes and the relationships between them) leaves
them out, and the label ``GraphmapDerived`` says why.

Why rows with a list of municipalities (rather than relationships from each municipality): the
same row reaches many municipalities (the bundled data: 1,488 local rows reach 17,637
municipality × area cells), so a row is stored once; ``support`` seeks one area's rows in the
``(_token, area)`` index (at most a few hundred) and tests membership in a list, with no
traversal, and the rows never touch the shared nodes other datasets write to.

>>> from graphmap.answers.support import SupportLayer
>>> layer = SupportLayer(["a"], {"m1": "c", "m2": "c"}, {("a", "m1"): [(1, "x", "lv", "k", "d", "a", None, "coverage",
...     None, "hel", "s", None)], ("a", "m2"): [(1, "x", "lv", "k", "d", "a", None, "coverage", None, "hel", "s", None)]},
...     {"a": [(0, "n", "nat", "k", "d", "a", None, "national", None, "hel", "s", None)]}, roles={"x": ["r1", "r2"]})
>>> [(r["actor"], r.get("role"), r.get("municipalities"), r.get("national")) for r in reach_rows(layer)]
[('x', ['r1', 'r2'], ['m1', 'm2'], None), ('n', None, None, True)]
"""

from __future__ import annotations

from graphmap.answers import support
from graphmap.answers.support import SupportLayer

LABEL = "SupportReach"
DERIVED_LABEL = "GraphmapDerived"  # what graphmap derives from the graph; never pulled back

SCHEMA = [f"CREATE INDEX graphmap_support_reach IF NOT EXISTS FOR (r:{LABEL}) ON (r._token, r.area)"]

# staging: one node per row, under the push's new token (no reader sees it before the switch)
STAGE = f"UNWIND $rows AS r CREATE (x:{LABEL}:{DERIVED_LABEL}) SET x = r, x._token = $token"

# cleanup of one version, in batches (graphmap.neo4j.writes.drain)
DROP = (
    f"MATCH (x:{LABEL} {{_token: $t}}) WITH x, 1 AS one LIMIT $n DELETE x "
    "RETURN count(one) AS seen, count(one) AS deleted"
)

# the versions of a dataset that have derived rows (leftovers of a failed push are found by these too)
TOKENS = f"MATCH (x:{LABEL}) WHERE x._token STARTS WITH $prefix RETURN collect(DISTINCT x._token) AS tokens"


def reach_rows(layer: SupportLayer) -> list[dict]:
    """The layer as node rows: one per area and distinct row, in the layer's order (local rows
    first, by area), with the municipalities it reaches; national rows (``national: true``) only
    where the layer has municipalities (as :meth:`SupportLayer.rows`)."""
    reached: dict[tuple, list[str]] = {}
    for (area, municipality), rows in sorted(layer.local.items()):
        for row in rows:
            reached.setdefault((area, row), []).append(municipality)
    out = [_node(layer, area, row) | {"municipalities": sorted(set(ms))} for (area, row), ms in reached.items()]
    if layer.county_of:
        out += [_node(layer, area, row) | {"national": True} for area, rows in layer.national.items() for row in rows]
    return out


def _node(layer: SupportLayer, area: str, row: tuple) -> dict:
    values = {"area": area, "lorder": row[support.LORDER]} | support.fields(layer, row)
    return {k: v for k, v in values.items() if v is not None and v != []}


__all__ = ["LABEL", "DERIVED_LABEL", "SCHEMA", "STAGE", "DROP", "TOKENS", "reach_rows"]
