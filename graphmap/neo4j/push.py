"""Push the RDF graph to Neo4j as a named dataset: idempotent, scoped, atomic for readers, and
safe beside pushes of other datasets, at the same time or not.

The model (:mod:`graphmap.neo4j.model`): one shared ``:Resource`` node per IRI, one
``:GraphmapClaim`` per dataset version and node holding what that version states about it (its
labels and literals), relationships shared with the versions that state them in ``datasets``.

How a push of dataset ``D`` works (version ``D@n``):

1. Constraints and indexes first (``:Resource(iri)`` and ``:GraphmapDataset(name)`` unique,
   ``:GraphmapClaim(_token)``).
2. Leftovers of an earlier failed push of ``D`` (tokens ``D@k`` other than the current one)
   are removed.
3. Staging, in managed transactions of up to ``batch_size`` rows (``UNWIND … MERGE``, several
   statements per transaction: the nodes, one per relationship type): every node gets the token
   ``D@n`` in its ``datasets`` list and a new claim ``D@n``, every relationship the token; then
   the derived support layer's rows (:mod:`graphmap.neo4j.derived`), each with ``_token: D@n``.
   Readers only see nodes and relationships whose ``datasets`` hold a *current* token (the
   ``current`` of a ``:GraphmapDataset``) and read claims by token, so nothing staged is visible.
   A node this push creates gets its labels at once (no reader can see it); an existing node
   that lacks a label of its new claim is noted for the switch.
4. Switch, in one transaction: ``D``'s pointer moves to ``D@n``, the noted labels are added,
   and labels that only ``D``'s old version stated are removed from nodes readers still see.
5. Cleanup, batched: the old version's derived rows and claims are deleted and the old token removed; nodes and
   relationships without a token are deleted, and labels no remaining claim states removed.

A push that fails in 3 leaves the previous version current and intact; the next push cleans
up and completes.

Pushes of different datasets at the same time never write a value computed from what they read
in another transaction: a claim is created, never overwritten; ``datasets`` grows or shrinks in
one ``SET x.datasets = … x.datasets …`` (Neo4j locks the node or relationship before reading a
property the SET depends on); labels are only added in place; a label is removed only after the
node is locked (``SET n._lock = true REMOVE n._lock``) and no claim of any dataset states it.
Two pushes of the same dataset at once: the second switch fails (``PushError("concurrent")``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from graphmap.neo4j import derived
from graphmap.neo4j.connect import Connection, at_least
from graphmap.neo4j.model import BASE_LABEL, CLAIM_LABEL, CLAIMS, Model, model
from graphmap.neo4j.project import PropertyGraph, to_property_graph
from graphmap.neo4j.upgrade import upgrade
from graphmap.neo4j.writes import DROP_RELS, batches, drain, ensure_schema

if TYPE_CHECKING:
    from graphmap.answers.support import SupportLayer

DEFAULT_DATASET = "bundled"
BATCH_SIZE = 1000
DATASET_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,62}")

# The staging plans are unique-index seeks whatever the statistics say; without this the first push
# after a large change of the data replans all of them (one per relationship type: ~1.5 s of server
# CPU for the 41 types of synth scale 1, more than the staging itself).
STAGE_PREFIX = "CYPHER replan=skip "


class PushError(ValueError):
    def __init__(self, code: str, detail: str = ""):
        self.code, self.detail = code, detail
        super().__init__(f"{code}: {detail}")

    def message(self, lang: str = "sv") -> str:
        from graphmap.i18n import t

        return t(f"neo4j.push_{self.code}", lang, d=self.detail)


@dataclass
class PushResult:
    dataset: str
    version: int
    previous: int | None
    nodes: int
    relationships: int
    batches: int
    updated_visible: int = 0  # nodes whose labels the switch changed
    removed_nodes: int = 0
    removed_relationships: int = 0
    timings: dict = field(default_factory=dict)
    derived_rows: int = 0  # rows of the derived support layer written (graphmap.neo4j.derived)


def check_dataset(name: str) -> str:
    if not DATASET_RE.fullmatch(name or ""):
        raise PushError("dataset", name)
    return name


def _label_text(labels, m: Model) -> str:
    return "".join(f":`{m.check_label(label)}`" for label in sorted(labels))


def _dynamic_labels(version: str) -> bool:
    """Neo4j 5.26 and later set labels from a value (``SET n:$(r.labels)``).

    >>> _dynamic_labels("5.26.31"), _dynamic_labels("5.20.0"), _dynamic_labels("2025.06.0")
    (True, False, True)
    """
    return at_least(version, (5, 26))


def _rel_statement(rel_type: str, by_object: bool) -> str:
    """MERGE of relationships of one type; a row is ``[iri, [iri of the other end, …]]``.

    The shared end is looked up once per row, the other ends once each (unique index seeks).
    """
    first, other = ("o", "s") if by_object else ("s", "o")
    return (
        f"UNWIND $rows AS r MATCH ({first}:{BASE_LABEL} {{iri: r[0]}}) "
        f"UNWIND r[1] AS iri MATCH ({other}:{BASE_LABEL} {{iri: iri}}) MERGE (s)-[x:`{rel_type}`]->(o) "
        "SET x.datasets = CASE WHEN $token IN coalesce(x.datasets, []) THEN x.datasets "
        "ELSE coalesce(x.datasets, []) + $token END"
    )


def _node_statement(set_labels: str) -> str:
    """MERGE of nodes with a new claim each; ``set_labels`` runs only on the nodes it creates."""
    return (
        f"UNWIND $rows AS r MERGE (n:{BASE_LABEL} {{iri: r.iri}}) "
        + (f"ON CREATE {set_labels} " if set_labels else "")
        + "SET n.datasets = coalesce(n.datasets, []) + $token "
        f"CREATE (c:{CLAIM_LABEL})-[:{CLAIMS}]->(n) SET c = r.props, c._token = $token, c._labels = r.labels "
        "WITH n, [label IN r.labels WHERE NOT label IN labels(n)] AS lacking WHERE lacking <> [] "
        "RETURN n.iri AS iri, lacking"
    )


def _staging_jobs(pg: PropertyGraph, m: Model, dynamic: bool) -> list:
    """``(cypher, rows, shape)`` in write order: nodes, then relationships (their ends exist by then).

    A row is one node or one relationship; ``shape(rows)`` is the ``$rows`` parameter of a batch.
    The nodes take one statement on Neo4j 5.26+ (labels as a parameter, checked against the
    ontology here), else one per label set; it returns ``[iri, labels]`` for existing nodes
    that lack labels of their new claim. Relationships of one type are grouped by the end with
    fewer distinct nodes: the concept "stated" of 2,000 CONFIDENCE links is looked up once per
    batch, not 2,000 times, and its IRI is sent once.
    """
    by_labels: dict[tuple, list] = defaultdict(list)
    for iri, node in sorted(pg.nodes.items()):
        labels = sorted(m.check_label(label) for label in node.labels)
        by_labels[tuple(labels)].append({"iri": iri, "labels": labels, "props": node.full_props()})
    if dynamic:
        rows = sorted((row for group in by_labels.values() for row in group), key=lambda row: row["iri"])
        jobs: list[tuple[str, list, Callable[[list], list]]] = [(_node_statement("SET n:$(r.labels)"), rows, list)]
    else:
        jobs = [
            (_node_statement(f"SET n{_label_text(labels, m)}" if labels else ""), rows, list)
            for labels, rows in sorted(by_labels.items())
        ]
    for rel_type, pairs in pg.rels.items():
        by_object = len({o for _s, o in pairs}) < len({s for s, _o in pairs})
        rows = sorted((o, s) for s, o in pairs) if by_object else sorted(pairs)
        jobs.append((_rel_statement(m.check_type(rel_type), by_object), rows, _grouped))
    return jobs


def _grouped(pairs: list) -> list:
    """``[(a, b1), (a, b2), (c, d)]`` -> ``[[a, [b1, b2]], [c, [d]]]`` (pairs sorted by their first item)."""
    out: list = []
    for a, b in pairs:
        if out and out[-1][0] == a:
            out[-1][1].append(b)
        else:
            out.append([a, [b]])
    return out


def _transactions(jobs: list, size: int) -> list:
    """Cut the jobs into transactions of at most ``size`` rows; one transaction may run several statements."""
    txs, current, n = [], [], 0
    for cypher, rows, shape in jobs:
        i = 0
        while i < len(rows):
            part = rows[i : i + size - n]
            current.append((cypher, shape(part)))
            n += len(part)
            i += len(part)
            if n == size:
                txs.append(current)
                current, n = [], 0
    if current:
        txs.append(current)
    return txs


def _run_all(tx, statements: list, token: str) -> list:
    """Run one transaction's statements; the rows they return (``[iri, labels]`` lacking)."""
    out: list = []
    for cypher, rows in statements:
        out.extend(record.values() for record in tx.run(STAGE_PREFIX + cypher, rows=rows, token=token))
    return out


def push(
    conn: Connection,
    graph,
    dataset: str = DEFAULT_DATASET,
    *,
    batch_size: int = BATCH_SIZE,
    one_by_one: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
    fail_after_batches: int | None = None,
    layer: SupportLayer | None = None,
) -> PushResult:
    """Push ``graph`` (an rdflib Graph) as ``dataset``, replacing that dataset's previous version.

    The derived support layer goes with it (:mod:`graphmap.neo4j.derived`): ``layer``, the one
    the build derived from ``graph`` (``kg.support_layer``), or else derived here from ``graph``.

    ``progress(phase, done, total)`` is called after every batch. ``one_by_one`` writes one row
    per transaction (the baseline of ``benchmarks/neo4j_push.py``). ``fail_after_batches`` makes
    the push raise after that many staging batches (for tests of atomicity).
    """
    import time

    m = model()
    check_dataset(dataset)
    pg = to_property_graph(graph, m)  # validates labels/types before any Cypher is built
    if layer is None:
        from graphmap.api import KnowledgeGraph

        layer = KnowledgeGraph(graph).support_layer
    reach = derived.reach_rows(layer)
    t0 = time.perf_counter()
    ensure_schema(conn)
    for statement in derived.SCHEMA:
        conn.write(statement)
    upgrade(conn, batch_size * 5)

    # -- state: the dataset pointer, leftovers of failed pushes
    state = conn.read(
        "OPTIONAL MATCH (d:GraphmapDataset {name: $name}) RETURN d.current AS current, "
        "d.version AS version, d.last AS last",
        name=dataset,
    )[0]
    current, last = state["current"], state["last"] or state["version"] or 0
    version = last + 1
    token = f"{dataset}@{version}"
    _remove_tokens(conn, dataset, keep=current, batch_size=batch_size * 5)
    conn.write(
        "MERGE (d:GraphmapDataset {name: $name}) SET d.staging = $token, d.last = $version, d.claims = true",
        name=dataset,
        token=token,
        version=version,
    )

    # -- the labels the current version states that the new one does not (the current claims do not change)
    dropped = _dropped_labels(pg, _claimed_labels(conn, current), m)
    t1 = time.perf_counter()

    # -- staging
    jobs = _staging_jobs(pg, m, _dynamic_labels(conn.version)) + [(derived.STAGE, reach, list)]
    txs = _transactions(jobs, 1 if one_by_one else batch_size)
    lacking: dict[str, set] = defaultdict(set)  # label -> nodes readers may see that lack it
    with conn.session() as session:
        for done, statements in enumerate(txs):
            if fail_after_batches is not None and done >= fail_after_batches:
                raise RuntimeError(f"injected failure after {done} batches")
            for iri, labels in session.execute_write(_run_all, statements, token):
                for label in labels:
                    lacking[label].add(iri)
            if progress:
                progress("stage", done + 1, len(txs))
    t2 = time.perf_counter()

    # -- switch, one transaction
    def switch(tx):
        row = tx.run(
            "MATCH (d:GraphmapDataset {name: $name}) RETURN d.current AS current, d.staging AS staging", name=dataset
        ).single()
        if row["current"] != current or row["staging"] != token:
            raise PushError("concurrent", dataset)
        for label, iris in sorted(lacking.items()):
            tx.run(
                f"UNWIND $iris AS iri MATCH (n:{BASE_LABEL} {{iri: iri}}) SET n{_label_text([label], m)}",
                iris=sorted(iris),
            ).consume()
        _unstate(tx, dropped, current, m)
        tx.run(
            "MATCH (d:GraphmapDataset {name: $name}) SET d.current = $token, d.version = $version, "
            "d.previous = $current, d.staging = null, d.pushed_at = datetime(), d.nodes = $nodes, "
            "d.relationships = $rels",
            name=dataset,
            token=token,
            version=version,
            current=current,
            nodes=len(pg.nodes),
            rels=pg.relationship_count,
        ).consume()

    with conn.session() as session:
        session.execute_write(switch)
    t3 = time.perf_counter()

    # -- cleanup of the old version
    removed_n = removed_r = 0
    if current:
        removed_r, removed_n = _drop_token(conn, current, batch_size * 5)
    t4 = time.perf_counter()
    changed = set().union(*lacking.values(), *dropped.values())
    return PushResult(
        dataset,
        version,
        int(current.rsplit("@", 1)[1]) if current else None,
        len(pg.nodes),
        pg.relationship_count,
        len(txs),
        len(changed),
        removed_n,
        removed_r,
        {"read": t1 - t0, "stage": t2 - t1, "switch": t3 - t2, "cleanup": t4 - t3},
        len(reach),
    )


def _claimed_labels(conn: Connection, token: str | None) -> dict[str, list[str]]:
    """The labels each claim of version ``token`` states: iri -> labels."""
    if not token:
        return {}
    rows = conn.read(
        f"MATCH (c:{CLAIM_LABEL} {{_token: $t}})-[:{CLAIMS}]->(n:{BASE_LABEL}) "
        "RETURN n.iri AS iri, c._labels AS labels",
        t=token,
    )
    return {row["iri"]: row["labels"] or [] for row in rows}


def _dropped_labels(pg: PropertyGraph, old: dict[str, list[str]], m: Model) -> dict[str, set]:
    """label -> nodes whose old claim states it and whose new one (if any) does not."""
    out: dict[str, set] = defaultdict(set)
    for iri, labels in old.items():
        node = pg.nodes.get(iri)
        for label in set(labels) - (node.labels if node else set()):
            out[m.check_label(label)].add(iri)
    return out


def _unstate(tx, by_label: dict[str, set], gone_token: str | None, m: Model) -> None:
    """Remove each label from its nodes unless a claim other than ``gone_token``'s states it.

    The node is locked before the claims are read, so a claim another push creates meanwhile is
    either seen here or sees the label gone (and the push adds it back at its switch). Nodes that
    only ``gone_token`` holds are left alone: nobody sees them and the cleanup deletes them.
    """
    for label, iris in sorted(by_label.items()):
        tx.run(
            f"UNWIND $iris AS iri MATCH (n:{BASE_LABEL} {{iri: iri}}) WHERE n{_label_text([label], m)} "
            "AND any(v IN n.datasets WHERE v <> $gone) SET n._lock = true REMOVE n._lock "
            f"WITH n WHERE NOT EXISTS {{ MATCH (c:{CLAIM_LABEL})-[:{CLAIMS}]->(n) "
            f"WHERE c._token <> $gone AND $label IN c._labels }} REMOVE n{_label_text([label], m)}",
            iris=sorted(iris),
            gone=gone_token or "",
            label=label,
        ).consume()


def _remove_tokens(conn: Connection, dataset: str, keep: str | None, batch_size: int) -> None:
    """Remove versions of ``dataset`` other than ``keep`` (leftovers of a failed push or cleanup).

    They are found by their claims (an index seek): staging writes the claims before any
    relationship, and the cleanup deletes them after the relationships.
    """
    stale = conn.read(
        f"MATCH (c:{CLAIM_LABEL}) WHERE c._token STARTS WITH $prefix AND c._token <> coalesce($keep, '') "
        "RETURN collect(DISTINCT c._token) AS stale",
        prefix=f"{dataset}@",
        keep=keep,
    )[0]["stale"]
    stale += conn.read(derived.TOKENS, prefix=f"{dataset}@")[0]["tokens"]
    for token in sorted(set(stale) - {keep}):
        _drop_token(conn, token, batch_size)


# a claim and its node's token go together; the node is deleted with its last token, else the labels
# only this claim stated are returned (and removed by _unstate, which locks and checks again)
_DROP_CLAIMS = (
    f"MATCH (c:{CLAIM_LABEL} {{_token: $t}}) WITH c LIMIT $n "
    f"OPTIONAL MATCH (c)-[:{CLAIMS}]->(n:{BASE_LABEL}) "
    "WITH c, n, c._labels AS stated, 1 AS one DETACH DELETE c "
    "SET n.datasets = [v IN n.datasets WHERE v <> $t] "
    "WITH n, stated, one, n IS NOT NULL AND size(n.datasets) = 0 AS gone "
    "WITH n, gone, one, CASE WHEN n IS NULL OR gone THEN null ELSE "
    f"[n.iri, [label IN stated WHERE NOT EXISTS {{ MATCH (o:{CLAIM_LABEL})-[:{CLAIMS}]->(n) "
    "WHERE label IN o._labels }]] END AS pair "
    "FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DETACH DELETE n) "
    "RETURN count(one) AS seen, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS deleted, "
    "collect(CASE WHEN pair[1] <> [] THEN pair END) AS unstated"
)


def _drop_token(conn: Connection, token: str, batch_size: int) -> tuple[int, int]:
    """Remove version ``token`` everywhere, deleting what no dataset holds any more. Returns (rels, nodes) deleted."""
    m = model()
    drain(conn, derived.DROP, token, batch_size)  # first: a failed cleanup leaves them findable (derived.TOKENS)
    rels, _none = drain(conn, DROP_RELS, token, batch_size)
    nodes, unstated = drain(conn, _DROP_CLAIMS, token, batch_size)
    by_label: dict[str, set] = defaultdict(set)
    for iri, labels in unstated:
        for label in labels:
            by_label[m.check_label(label)].add(iri)
    with conn.session() as session:
        for label, iris in sorted(by_label.items()):
            for part in batches(sorted(iris), batch_size):
                session.execute_write(_unstate, {label: part}, token, m)
    return rels, nodes
