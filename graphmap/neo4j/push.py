"""Push the RDF graph to Neo4j as a named dataset: idempotent, scoped, atomic for readers.

How a push of dataset ``D`` works (version ``D@n``):

1. Constraints and indexes first (``:Resource(iri)`` and ``:GraphmapDataset(name)`` unique).
2. Leftovers of an earlier failed push of ``D`` (tokens ``D@k`` other than the current one)
   are removed.
3. Staging, in managed transactions of up to ``batch_size`` rows (``UNWIND … MERGE``, several
   statements per transaction: the fresh nodes, the seen nodes, one per relationship type):
   every node and relationship of the new version gets the token ``D@n`` in its ``datasets``
   list. Nodes that no reader can see yet also get their labels and properties now. Readers
   only see nodes and relationships whose ``datasets`` hold a *current* token (the ``current``
   of a ``:GraphmapDataset``), so nothing staged is visible.
4. Switch, in one transaction: ``D``'s pointer moves to ``D@n``, and the labels/properties of
   nodes that readers already see (shared with the old version or with another dataset) are
   updated – only those that change, so it stays small for a re-push.
5. Cleanup, batched: the old token is removed; nodes and relationships without a token are
   deleted.

A push that fails in 3 leaves the previous version current and intact; the next push cleans
up and completes. Nodes may belong to several datasets (a municipality, SKR …): a property or
label is owned by the datasets that state it (``_owners``: ``"D|prefLabel_sv"``,
``"D|:Municipality"``), so re-pushing ``D`` removes only what ``D`` alone stated.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from graphmap.neo4j.connect import Connection, at_least
from graphmap.neo4j.model import BASE_LABEL, Model, model
from graphmap.neo4j.project import PropertyGraph, to_property_graph

DEFAULT_DATASET = "bundled"
BATCH_SIZE = 1000
DATASET_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,62}")

SCHEMA = [
    f"CREATE CONSTRAINT graphmap_resource_iri IF NOT EXISTS FOR (n:{BASE_LABEL}) REQUIRE n.iri IS UNIQUE",
    "CREATE CONSTRAINT graphmap_dataset_name IF NOT EXISTS FOR (d:GraphmapDataset) REQUIRE d.name IS UNIQUE",
]

# The staging plans are unique-index seeks whatever the statistics say; without this the first push
# after a large change of the data replans all of them (one per relationship type: ~1.5 s of server
# CPU for the 41 types of synth scale 1, more than the staging itself).
STAGE_PREFIX = "CYPHER replan=skip "

LIVE = "MATCH (d:GraphmapDataset) WHERE d.current IS NOT NULL RETURN collect(d.current) AS live"


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
    updated_visible: int = 0
    removed_nodes: int = 0
    removed_relationships: int = 0
    timings: dict = field(default_factory=dict)


def check_dataset(name: str) -> str:
    if not DATASET_RE.fullmatch(name or ""):
        raise PushError("dataset", name)
    return name


def ensure_schema(conn: Connection) -> None:
    for statement in SCHEMA:
        conn.write(statement)


def live_tokens(conn: Connection) -> list[str]:
    return conn.read(LIVE)[0]["live"]


def _batches(rows: list, size: int):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


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
    return (f"UNWIND $rows AS r MATCH ({first}:{BASE_LABEL} {{iri: r[0]}}) "
            f"UNWIND r[1] AS iri MATCH ({other}:{BASE_LABEL} {{iri: iri}}) MERGE (s)-[x:`{rel_type}`]->(o) "
            "SET x.datasets = CASE WHEN $token IN coalesce(x.datasets, []) THEN x.datasets "
            "ELSE coalesce(x.datasets, []) + $token END")


def _staging_jobs(pg: PropertyGraph, plan: dict, visible: set, m: Model, dynamic: bool) -> list:
    """``(cypher, rows, shape)`` in write order: nodes, then relationships (their ends exist by then).

    A row is one node or one relationship; ``shape(rows)`` is the ``$rows`` parameter of a batch.
    Fresh nodes take one statement on Neo4j 5.26+ (labels as a parameter, checked against the
    ontology here), else one per label set. Relationships of one type are grouped by the end with
    fewer distinct nodes: the concept "stated" of 2,000 CONFIDENCE links is looked up once per
    batch, not 2,000 times, and its IRI is sent once.
    """
    jobs = []
    merge = (f"UNWIND $rows AS r MERGE (n:{BASE_LABEL} {{iri: r.iri}}) "
             "SET n += r.props, n.datasets = coalesce(n.datasets, []) + $token")
    if dynamic:
        rows = [{**row, "labels": [m.check_label(label) for label in labels]}
                for labels, group in sorted(plan["fresh"].items()) for row in group]
        jobs.append((merge + " SET n:$(r.labels)", rows, list))
    else:
        for labels, rows in sorted(plan["fresh"].items()):
            jobs.append((merge + (f" SET n{_label_text(labels, m)}" if labels else ""), rows, list))
    jobs.append((f"UNWIND $rows AS iri MATCH (n:{BASE_LABEL} {{iri: iri}}) "
                 "SET n.datasets = coalesce(n.datasets, []) + $token", sorted(visible & set(pg.nodes)), list))
    for rel_type, pairs in pg.rels.items():
        by_object = len({o for _s, o in pairs}) < len({s for s, _o in pairs})
        rows = sorted((o, s) for s, o in pairs) if by_object else sorted(pairs)
        jobs.append((_rel_statement(m.check_type(rel_type), by_object), rows, _grouped))
    return jobs


def _grouped(pairs: list) -> list:
    """``[(a, b1), (a, b2), (c, d)]`` -> ``[[a, [b1, b2]], [c, [d]]]`` (pairs sorted by their first item)."""
    out = []
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
            part = rows[i:i + size - n]
            current.append((cypher, shape(part)))
            n += len(part)
            i += len(part)
            if n == size:
                txs.append(current)
                current, n = [], 0
    if current:
        txs.append(current)
    return txs


def _run_all(tx, statements: list, token: str) -> None:
    for cypher, rows in statements:
        tx.run(STAGE_PREFIX + cypher, rows=rows, token=token).consume()


def push(conn: Connection, graph, dataset: str = DEFAULT_DATASET, *, batch_size: int = BATCH_SIZE,
         one_by_one: bool = False, progress: Callable[[str, int, int], None] | None = None,
         fail_after_batches: int | None = None) -> PushResult:
    """Push ``graph`` (an rdflib Graph) as ``dataset``, replacing that dataset's previous version.

    ``progress(phase, done, total)`` is called after every batch. ``one_by_one`` writes one row
    per transaction (the baseline of ``benchmarks/neo4j_push.py``). ``fail_after_batches`` makes
    the push raise after that many staging batches (for tests of atomicity).
    """
    import time
    m = model()
    check_dataset(dataset)
    pg = to_property_graph(graph, m)          # validates labels/types before any Cypher is built
    t0 = time.perf_counter()
    ensure_schema(conn)

    # -- state: the dataset pointer, leftovers of failed pushes
    state = conn.read("OPTIONAL MATCH (d:GraphmapDataset {name: $name}) RETURN d.current AS current, "
                      "d.version AS version, d.last AS last", name=dataset)[0]
    current, last = state["current"], state["last"] or state["version"] or 0
    version = last + 1
    token = f"{dataset}@{version}"
    _remove_tokens(conn, dataset, keep=current, batch_size=batch_size * 5)
    conn.write("MERGE (d:GraphmapDataset {name: $name}) SET d.staging = $token, d.last = $version",
               name=dataset, token=token, version=version)
    live = live_tokens(conn)

    # -- what readers see now of the nodes involved
    existing = _read_nodes(conn, list(pg.nodes), current, batch_size * 5)
    visible = {iri for iri, n in existing.items() if any(v in live for v in n["datasets"] or [])}
    plan = _plan(pg, existing, visible, dataset, m)
    t1 = time.perf_counter()

    # -- staging
    txs = _transactions(_staging_jobs(pg, plan, visible, m, _dynamic_labels(conn.version)),
                        1 if one_by_one else batch_size)
    with conn.session() as session:
        for done, statements in enumerate(txs):
            if fail_after_batches is not None and done >= fail_after_batches:
                raise RuntimeError(f"injected failure after {done} batches")
            session.execute_write(_run_all, statements, token)
            if progress:
                progress("stage", done + 1, len(txs))
    t2 = time.perf_counter()

    # -- switch, one transaction
    def switch(tx):
        row = tx.run("MATCH (d:GraphmapDataset {name: $name}) RETURN d.current AS current, d.staging AS staging",
                     name=dataset).single()
        if row["current"] != current or row["staging"] != token:
            raise PushError("concurrent", dataset)
        for (add, remove), rows in plan["update"].items():
            text = ("UNWIND $rows AS r MATCH (n:Resource {iri: r.iri}) WITH n, r, n.datasets AS ds "
                    "SET n = r.props SET n.iri = r.iri, n.datasets = ds")
            if add:
                text += f" SET n{_label_text(add, m)}"
            if remove:
                text += f" REMOVE n{_label_text(remove, m)}"
            tx.run(text, rows=rows).consume()
        tx.run("MATCH (d:GraphmapDataset {name: $name}) SET d.current = $token, d.version = $version, "
               "d.previous = $current, d.staging = null, d.pushed_at = datetime(), d.nodes = $nodes, "
               "d.relationships = $rels", name=dataset, token=token, version=version, current=current,
               nodes=len(pg.nodes), rels=pg.relationship_count).consume()

    with conn.session() as session:
        session.execute_write(switch)
    t3 = time.perf_counter()

    # -- cleanup of the old version
    removed_n = removed_r = 0
    if current:
        removed_r, removed_n = _drop_token(conn, current, batch_size * 5)
    t4 = time.perf_counter()
    return PushResult(dataset, version, int(current.rsplit("@", 1)[1]) if current else None, len(pg.nodes),
                      pg.relationship_count, len(txs), sum(len(r) for r in plan["update"].values()),
                      removed_n, removed_r,
                      {"read": t1 - t0, "stage": t2 - t1, "switch": t3 - t2, "cleanup": t4 - t3})


def _read_nodes(conn: Connection, iris: list[str], current: str | None, size: int) -> dict[str, dict]:
    """Labels, properties and tokens of the given nodes and of every node of the current version."""
    query = ("UNWIND $iris AS iri MATCH (n:Resource {iri: iri}) "
             "RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props")
    out = {}
    for batch in _batches(iris, size):
        for row in conn.read(query, iris=batch):
            out[row["iri"]] = _node_state(row)
    if current:
        for row in conn.read("MATCH (n:Resource) WHERE $t IN n.datasets "
                             "RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props", t=current):
            out.setdefault(row["iri"], _node_state(row))
    return out


def _node_state(row) -> dict:
    props = dict(row["props"])
    return {"labels": set(row["labels"]) - {BASE_LABEL}, "datasets": props.pop("datasets", None) or [],
            "owners": props.pop("_owners", None) or [], "props": {k: v for k, v in props.items() if k != "iri"}}


def _owned(owners, dataset):
    mine, others = set(), set()
    for entry in owners:
        ds, _sep, what = entry.partition("|")
        (mine if ds == dataset else others).add(what)
    return mine, others


def _plan(pg: PropertyGraph, existing: dict, visible: set, dataset: str, m: Model) -> dict:
    """Split the nodes into fresh ones (written while staging) and visible ones that change (switch)."""
    fresh: dict[tuple, list] = defaultdict(list)
    update: dict[tuple, list] = defaultdict(list)
    for iri, node in pg.nodes.items():
        props = node.full_props()
        owners = sorted([f"{dataset}|{k}" for k in props if k != "_datatypes"] +
                        [f"{dataset}|:{label}" for label in node.labels])
        if iri not in visible:
            fresh[tuple(sorted(node.labels))].append({"iri": iri, "props": {**props, "_owners": owners}})
            continue
        row = _merge(iri, existing[iri], node.labels, props, dataset)
        if row:
            update[row[0]].append(row[1])
    for iri in visible - set(pg.nodes):
        if iri in existing and any(e.startswith(f"{dataset}|") for e in existing[iri]["owners"]):
            row = _merge(iri, existing[iri], set(), {}, dataset)
            if row:
                update[row[0]].append(row[1])
    return {"fresh": fresh, "update": update}


def _merge(iri: str, state: dict, labels: set, props: dict, dataset: str):
    """New (labels, properties, owners) of a node readers see; None if nothing changes."""
    mine, others = _owned(state["owners"], dataset)
    old = dict(state["props"])
    new = {k: v for k, v in old.items() if k not in mine or k in others}
    new.pop("_datatypes", None)
    old_dt = [e for e in old.get("_datatypes", []) or [] if e.split("=", 1)[0] in new]
    new.update({k: v for k, v in props.items() if k != "_datatypes"})
    dts = {e.split("=", 1)[0]: e for e in old_dt}
    for k in props:
        dts.pop(k, None)
    dts.update({e.split("=", 1)[0]: e for e in props.get("_datatypes", [])})
    if dts:
        new["_datatypes"] = sorted(dts.values())
    owners = sorted({e for e in state["owners"] if not e.startswith(f"{dataset}|")}
                    | {f"{dataset}|{k}" for k in props if k != "_datatypes"}
                    | {f"{dataset}|:{label}" for label in labels})
    new["_owners"] = owners
    other_labels = {w[1:] for w in others if w.startswith(":")}
    unowned = {lb for lb in state["labels"] if lb not in {w[1:] for w in mine | others if w.startswith(":")}}
    want = set(labels) | other_labels | unowned
    add = tuple(sorted(want - state["labels"]))
    remove = tuple(sorted(state["labels"] - want))
    old_cmp = {**old, "_owners": sorted(state["owners"])}
    if not add and not remove and _same(new, old_cmp):
        return None
    return (add, remove), {"iri": iri, "props": new}


def _same(a: dict, b: dict) -> bool:
    if set(a) != set(b):
        return False
    return all(_norm(a[k]) == _norm(b[k]) for k in a)


def _norm(v):
    if isinstance(v, list):
        return [_norm(x) for x in v]
    if hasattr(v, "iso_format"):
        return v.iso_format()
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def _remove_tokens(conn: Connection, dataset: str, keep: str | None, batch_size: int) -> None:
    """Remove tokens of ``dataset`` other than ``keep`` (leftovers of a failed push)."""
    stale = conn.read("MATCH (n:Resource) UNWIND n.datasets AS v WITH DISTINCT v "
                      "WHERE v STARTS WITH $prefix AND v <> coalesce($keep, '') RETURN collect(v) AS stale",
                      prefix=f"{dataset}@", keep=keep)[0]["stale"]
    stale_rels = conn.read("MATCH ()-[x]->() WHERE x.datasets IS NOT NULL UNWIND x.datasets AS v WITH DISTINCT v "
                           "WHERE v STARTS WITH $prefix AND v <> coalesce($keep, '') RETURN collect(v) AS stale",
                           prefix=f"{dataset}@", keep=keep)[0]["stale"]
    for token in sorted(set(stale) | set(stale_rels)):
        _drop_token(conn, token, batch_size)


_DROP = ("SET {v}.datasets = [v IN {v}.datasets WHERE v <> $t] "
         "WITH {v}, size({v}.datasets) = 0 AS gone, 1 AS one "
         "FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | {delete} {v}) "
         "RETURN count(one) AS seen, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS deleted")
_DROP_RELS = "MATCH ()-[x]->() WHERE $t IN x.datasets WITH x LIMIT $n " + _DROP.format(v="x", delete="DELETE")
_DROP_NODES = "MATCH (n:Resource) WHERE $t IN n.datasets WITH n LIMIT $n " + _DROP.format(v="n", delete="DETACH DELETE")


def _drain(conn: Connection, statement: str, token: str, batch_size: int) -> int:
    """Run a batched removal statement until a batch comes back short; return how many were deleted."""
    deleted = 0
    while True:
        row = conn.write(statement, t=token, n=batch_size)[0]
        deleted += row["deleted"]
        if row["seen"] < batch_size:
            return deleted


def _drop_token(conn: Connection, token: str, batch_size: int) -> tuple[int, int]:
    """Remove ``token`` everywhere, deleting what no dataset holds any more. Returns (rels, nodes) deleted."""
    rels = _drain(conn, _DROP_RELS, token, batch_size)
    return rels, _drain(conn, _DROP_NODES, token, batch_size)

