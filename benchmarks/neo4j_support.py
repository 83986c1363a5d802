"""``support`` in Cypher, reading the derived support layer vs deriving it in Cypher, and what
writing the layer adds to a push (issue #25). Ratios of times measured in the same run.

* Query: ``graphmap/queries/support.cypher`` (reads the ``:SupportReach`` rows a push writes,
  :mod:`graphmap.neo4j.derived`) against ``benchmarks/support_rederived.cypher`` (the query it
  replaced, which derived the answer from the projected graph), for one municipality and for an
  area across the whole country, on the same pushed dataset. Both must return the same rows.
* Push: the whole push with the layer against the same push without it (an empty layer), each
  the median of ``--repeat`` pushes after one warm-up, alternating.

    NEO4J_URI=bolt://… NEO4J_PASSWORD=… python benchmarks/neo4j_support.py             # bundled data
    NEO4J_URI=bolt://… NEO4J_PASSWORD=… python benchmarks/neo4j_support.py --scale 1   # graphmap synth

Writes and finally deletes its own dataset (``bench-support``); other datasets are left alone.
Without ``NEO4J_URI`` a private server is started (tools/neo4j/start.sh). Times are wall-clock
(the work happens in the server) and, for the queries, the server's own time too (less moved by a
busy client machine; it counts in whole milliseconds, so a ratio against 0 ms uses 1 ms).
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
DATASET = "bench-support"
BEFORE = ROOT / "benchmarks" / "support_rederived.cypher"


def load_kg(scale: float):
    import graphmap

    if scale <= 0:
        return "bundled", graphmap.build(validate=False)
    from graphmap import synth

    out = Path(tempfile.mkdtemp(prefix="gm-synth-"))
    paths = synth.write(out, scale=scale, seed=1)
    return f"synth scale {scale}", graphmap.build([str(p) for p in paths], validate=False)


def timed_query(conn, text: str, params: dict, repeat: int) -> tuple[float, float, list]:
    """Median wall time and median server time (the server's own count: until the first row is
    available plus until all were consumed) of ``repeat`` runs after two warm-up runs, and the rows."""
    rows = conn.read(text, **params)
    conn.read(text, **params)
    wall, server = [], []
    with conn.session() as session:
        for _ in range(repeat):
            t = time.perf_counter()
            summary = session.run(text, **params).consume()
            wall.append(time.perf_counter() - t)
            server.append((summary.result_available_after + summary.result_consumed_after) / 1000)
    return statistics.median(wall), statistics.median(server), rows


def push_times(conn, kg, repeat: int) -> tuple[float, float, int]:
    """Median whole-push wall time without and with the layer, and the layer's row count."""
    from graphmap.answers.support import SupportLayer
    from graphmap.neo4j import push

    empty = SupportLayer([], {}, {}, {})
    push(conn, kg.graph, DATASET, layer=kg.support_layer)  # warm-up (plans, page cache)
    without, with_layer, rows = [], [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        push(conn, kg.graph, DATASET, layer=empty)
        without.append(time.perf_counter() - t)
        t = time.perf_counter()
        rows = push(conn, kg.graph, DATASET, layer=kg.support_layer).derived_rows
        with_layer.append(time.perf_counter() - t)
    return statistics.median(without), statistics.median(with_layer), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0, help="graphmap.synth scale (0 = bundled data)")
    parser.add_argument("--repeat", type=int, default=5, help="measured runs (median)")
    parser.add_argument("--area", default="funktionshinder")
    parser.add_argument("--municipality", default="Umeå")
    args = parser.parse_args()

    from graphmap.neo4j import Settings, connect, push
    from graphmap.neo4j.pull import current_tokens
    from graphmap.neo4j.query import cypher_text
    from graphmap.queries import library

    server = None
    if os.environ.get("NEO4J_URI"):
        settings = Settings.from_env()
    else:
        from neo4jlib import LocalNeo4j

        server = LocalNeo4j(Path(tempfile.mkdtemp(prefix="gm-neo4j-bench-")))
        server.start()
        settings = server.settings()
    try:
        name, kg = load_kg(args.scale)
        layer = kg.support_layer
        print(f"graph: {name}, {len(kg.graph)} triples")
        with connect(settings) as conn:
            base, extra, rows = push_times(conn, kg, args.repeat)
            print(
                f"push without the layer {base:.2f} s, with it {extra:.2f} s ({rows} layer rows): "
                f"{extra / base:.2f}x (+{extra - base:.2f} s, median of {args.repeat})"
            )
            live = current_tokens(conn, DATASET)
            query = library()["support"]
            area = kg.resolver.resolve("vocab:area", args.area, "area")
            municipality = kg.resolver.resolve("kommun", args.municipality, "municipality")
            after, before = cypher_text(query), BEFORE.read_text(encoding="utf-8")
            for label, m in ((f"{args.area}, {args.municipality}", municipality), (f"{args.area}, the country", None)):
                params = {"area": str(area), "municipality": None if m is None else str(m), "live": live}
                t_before, s_before, r_before = timed_query(conn, before, params, args.repeat)
                t_after, s_after, r_after = timed_query(conn, after, params, args.repeat)
                same = sorted(map(str, r_before)) == sorted(map(str, r_after))
                print(
                    f"support ({label}): derived in Cypher {t_before * 1000:.1f} ms wall "
                    f"({s_before * 1000:.0f} ms in the server), reading the layer {t_after * 1000:.1f} ms wall "
                    f"({s_after * 1000:.0f} ms in the server): {t_before / t_after:.1f}x faster "
                    f"(server: {s_before / max(s_after, 0.001):.0f}x) ({len(r_after)} rows, "
                    f"same rows: {same}; layer rows for it in Python: "
                    f"{len(layer.rows(str(area), None if m is None else str(m)))})"
                )
            push(conn, kg.graph.__class__(), DATASET)  # the dataset deleted
    finally:
        if server:
            server.stop()


if __name__ == "__main__":
    main()
