"""Push throughput to Neo4j: batched ``UNWIND … MERGE`` transactions vs one write per row.

Both are measured in the same run, on the same graph, into an emptied database, and the ratio is
printed. The graph is the largest available: ``graphmap.synth`` at ``--scale`` if present,
else the bundled dataset.

    python benchmarks/neo4j_push.py                 # own server via tools/neo4j/start.sh
    NEO4J_URI=bolt://… NEO4J_PASSWORD=… python benchmarks/neo4j_push.py --scale 2

Rows = nodes + relationships + rows of the derived support layer written while staging (the part
that scales); the whole push (read, switch, cleanup) is printed too. Never run against a database you care about: it is
emptied first.

Order: ``--warmup`` batched pushes (query plans, page cache, and the JIT of a freshly started
server: there the second batched push is still up to twice as slow as the fifth, while the
one-by-one run, a transaction per row, warms itself up), then ``--repeat`` batched pushes (the
ratio uses their median; each is printed, and the ratio of the slowest), then one push with one
row per transaction. ``--warmup 1 --repeat 1`` is the procedure of the first version of this script.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def load_graph(scale: float):
    import graphmap

    try:
        from graphmap import synth
    except ImportError:
        synth = None
    if synth is None or scale <= 0:
        return "bundled", graphmap.build(validate=False).graph
    out = Path(tempfile.mkdtemp(prefix="gm-synth-"))
    paths = synth.write(out, scale=scale, seed=1)
    return f"synth scale {scale}", graphmap.build([str(p) for p in paths], validate=False).graph


def empty(conn) -> None:
    """Delete everything: relationships first, so that a node with 400,000 links (the concept
    "stated" at scale 100) is not one DETACH DELETE beyond the transaction memory limit."""
    with conn.session() as s:
        s.run("MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        s.run("MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def measure(conn, graph, **kw):
    from graphmap.neo4j import push

    empty(conn)
    t = time.perf_counter()
    result = push(conn, graph, "bench", **kw)
    total = time.perf_counter() - t
    rows = result.nodes + result.relationships + result.derived_rows
    return rows, result.timings["stage"], total, result.batches


def compare(conn, graph, batch_size: int, warmup: int = 3, repeat: int = 3, layer=None) -> dict:
    """Batched pushes (after ``warmup``, the median of ``repeat``) against one push with one row
    per transaction, each into an emptied database; also used by ``scale.py``. ``layer``: the
    graph's support layer (derived here once if not given: a push writes it too)."""
    if layer is None:
        from graphmap.api import KnowledgeGraph

        layer = KnowledgeGraph(graph).support_layer
    kw = {"layer": layer}
    warm = [measure(conn, graph, batch_size=batch_size, **kw)[1] for _ in range(warmup)]
    runs = [measure(conn, graph, batch_size=batch_size, **kw) for _ in range(max(1, repeat))]
    rows, stage_1, total_1, writes = measure(conn, graph, one_by_one=True, **kw)
    empty(conn)
    return {
        "rows": rows,
        "batches": runs[0][3],
        "writes": writes,
        "warm": warm,
        "runs": runs,
        "stage_b": statistics.median(r[1] for r in runs),
        "total_b": statistics.median(r[2] for r in runs),
        "worst_b": max(r[1] for r in runs),
        "stage_1": stage_1,
        "total_1": total_1,
    }


def main() -> None:
    from graphmap.neo4j.push import BATCH_SIZE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="graphmap.synth scale (0 = bundled data)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="rows per transaction")
    parser.add_argument("--warmup", type=int, default=3, help="batched pushes before measuring")
    parser.add_argument("--repeat", type=int, default=3, help="measured batched pushes (median)")
    args = parser.parse_args()

    from graphmap.neo4j import Settings, connect

    server = None
    if os.environ.get("NEO4J_URI"):
        settings = Settings.from_env()
    else:
        from neo4jlib import LocalNeo4j

        server = LocalNeo4j(Path(tempfile.mkdtemp(prefix="gm-neo4j-bench-")))
        server.start()
        settings = server.settings()
    try:
        name, graph = load_graph(args.scale)
        print(f"graph: {name}, {len(graph)} triples")
        with connect(settings) as conn:
            c = compare(conn, graph, args.batch_size, args.warmup, args.repeat)
        rows, stage_b, total_b, stage_1, total_1 = c["rows"], c["stage_b"], c["total_b"], c["stage_1"], c["total_1"]
        print("warm-up staging: " + (", ".join(f"{t:.2f}" for t in c["warm"]) or "none") + " s")
        print(
            "batched staging: "
            + ", ".join(f"{r[1]:.2f}" for r in c["runs"])
            + " s; whole push: "
            + ", ".join(f"{r[2]:.2f}" for r in c["runs"])
            + " s"
        )
        print(
            f"batched ({args.batch_size} rows/tx): {rows} rows in {c['batches']} transactions, staging {stage_b:.2f} s "
            f"(median) = {rows / stage_b:,.0f} rows/s (whole push {total_b:.2f} s)"
        )
        print(
            f"one row per tx:    {rows} rows in {c['writes']} transactions, staging {stage_1:.2f} s "
            f"= {rows / stage_1:,.0f} rows/s (whole push {total_1:.2f} s)"
        )
        print(
            f"ratio batched / one-by-one: {stage_1 / stage_b:.1f}x rows/s (slowest batched run "
            f"{stage_1 / c['worst_b']:.1f}x; whole push {total_1 / total_b:.1f}x)"
        )
    finally:
        if server:
            server.stop()


if __name__ == "__main__":
    main()
