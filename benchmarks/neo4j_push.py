"""Push throughput to Neo4j: batched ``UNWIND … MERGE`` transactions vs one write per row.

Both are measured in the same run, on the same graph, into an emptied database, and the ratio is
printed. The graph is the largest available: ``graphmap.synth`` at ``--scale`` if present,
else the bundled dataset.

    python benchmarks/neo4j_push.py                 # own server via tools/neo4j/start.sh
    NEO4J_URI=bolt://… NEO4J_PASSWORD=… python benchmarks/neo4j_push.py --scale 2

Rows = nodes + relationships written while staging (the part that scales); the whole push
(read, switch, cleanup) is printed too. Never run against a database you care about: it is
emptied first.
"""
from __future__ import annotations

import argparse
import os
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
    with conn.session() as s:
        s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS").consume()


def measure(conn, graph, **kw):
    from graphmap.neo4j import push
    empty(conn)
    t = time.perf_counter()
    result = push(conn, graph, "bench", **kw)
    total = time.perf_counter() - t
    rows = result.nodes + result.relationships
    return rows, result.timings["stage"], total, result.batches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="graphmap.synth scale (0 = bundled data)")
    parser.add_argument("--batch-size", type=int, default=1000)
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
            measure(conn, graph, batch_size=args.batch_size)            # warm-up (plans, page cache)
            rows, stage_b, total_b, batches = measure(conn, graph, batch_size=args.batch_size)
            _rows, stage_1, total_1, writes = measure(conn, graph, one_by_one=True)
            empty(conn)
        print(f"batched ({args.batch_size}/tx): {rows} rows in {batches} transactions, staging {stage_b:.2f} s "
              f"= {rows / stage_b:,.0f} rows/s (whole push {total_b:.2f} s)")
        print(f"one row per tx:    {rows} rows in {writes} transactions, staging {stage_1:.2f} s "
              f"= {rows / stage_1:,.0f} rows/s (whole push {total_1:.2f} s)")
        print(f"ratio batched / one-by-one: {stage_1 / stage_b:.1f}x rows/s "
              f"(whole push {total_1 / total_b:.1f}x)")
    finally:
        if server:
            server.stop()


if __name__ == "__main__":
    main()
