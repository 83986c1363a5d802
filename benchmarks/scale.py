"""How every step grows: the synthetic national dataset at several scales (not part of the tests).

For each scale (``graphmap synth``: 1 ≈ a real national mapping, 100 ≈ a million triples)
this measures, each in a fresh subprocess: the build (ingest, N-Triples, store, validation),
its baseline (pyoxigraph alone parsing the same graph as N-Triples), the lookups (labels,
names, link graph), every named query (embedded store vs rdflib's memory store on the same
SPARQL and bindings), the map for a county and a focus view, the report, the rdflib graph
built on demand, and (when ``NEO4J_URI`` reaches a server) the Neo4j push, batched vs one
write per row, and every Cypher query. It prints the times, the ratios against the
baselines measured in the same run, the growth exponent k (time ∝ triples^k) between
scales, and the peak memory.

Times are CPU seconds of the measuring process (``time.process_time``): the machine is
shared, and CPU time is far less disturbed by other people's work than the wall clock.
Neo4j steps are wall-clock (the work happens in the server).

    .venv/bin/python benchmarks/scale.py                     # scales 1, 10, 100
    .venv/bin/python benchmarks/scale.py --scales 1,10       # quick
    .venv/bin/python benchmarks/scale.py --json out/scale.json

rdflib is bounded: every rdflib step has a time limit (``--rdflib-timeout``, default 120 s);
a step over the limit is reported as "> limit" and the rest continue in a fresh process.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "@@"

# parameters that exist in the synthetic data (the .rq examples name bundled actors)
PARAMS = {
    "support": {"area": "funktionshinder", "municipality": "Umeå"},
    "gaps": {"county": "24"},
    "chain": {"actor": "Lycksele"},
    "brokers": {},
    "networks": {"actor": "fou-vasterbotten"},
    "actor": {"actor": "fou-vasterbotten"},
    "collaborations": {"actor": "fou-vasterbotten"},
    "coverage": {"municipality": "Umeå"},
}
EXTRA_QUERIES = {"gaps (all counties)": ("gaps", {}), "collaborations (all)": ("collaborations", {})}


def emit(step: str, seconds: float | None, **extra) -> None:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(MARK + json.dumps({"step": step, "seconds": seconds, "rss_mb": round(rss), **extra}), flush=True)


def timed(step: str, func, clock=time.process_time, repeat: int = 1, **extra):
    """Run ``func`` and emit its time; with ``repeat``, the best of up to that many runs (a run
    over a second is not repeated): short steps are otherwise at the mercy of one GC pass."""
    best = None
    for _ in range(repeat):
        start = clock()
        value = func()
        took = clock() - start
        best = took if best is None else min(best, took)
        if took > 1.0:
            break
    emit(step, best, **extra)
    return value


def queries() -> dict[str, tuple[str, dict]]:
    out = {name: (name, params) for name, params in PARAMS.items()}
    out.update(EXTRA_QUERIES)
    return out


# ---------------------------------------------------------------------------------------- workers
def worker_store(data: Path, nt_out: Path, bindings_out: Path, outputs: bool = True) -> None:
    """The embedded path: build, its parts and baseline, lookups, queries, outputs."""
    import pyoxigraph as ox

    import graphmap
    from graphmap.api import bind_params
    from graphmap.ingest import ingest
    from graphmap.ingest.gcpause import paused_gc
    from graphmap.queries import library
    from graphmap.store import Store
    from graphmap.validate import default_checks, row_index, validate_store

    paths = sorted(data.iterdir())
    default_checks()  # compiling the shapes is per process, not per graph
    with paused_gc():  # the parts exactly as api.build runs them
        result = timed("  ingest (tables → triples)", lambda: ingest(paths))
        nt = timed("  N-Triples for the store", lambda: result.ntriples(unique=False))
        store = timed("  store load (Oxigraph, lenient)", functools.partial(Store.from_ntriples, nt))
        where = row_index(result.rows)
        timed("  validation (compiled SHACL on the store)", functools.partial(validate_store, store, "sv", where))
    unique = result.ntriples()
    nt_out.write_bytes(unique)
    del result, nt, store, where
    timed("baseline: pyoxigraph parses the N-Triples", lambda: ox.Store().load(unique, format=ox.RdfFormat.N_TRIPLES))
    kg = timed("build (ingest + validation + store)", lambda: graphmap.build(paths))
    emit("triples", None, triples=len(kg.store), problems=len(kg.validation.problems))
    timed("labels and names (from the store)", lambda: (kg.labels, kg.resolver))
    timed("link graph (networkx projection)", lambda: kg.link_graph)
    # the chains' link confidence and sources: derived once per build (links.json), as the layer
    timed("link records (derived once per build)", lambda: kg.link_records)
    # the rows of the queries answered by filtering (DERIVED_ROWS: collaborations, brokers)
    timed("rows of the derived queries (once per build)", lambda: kg.derived_rows)
    # the support layer: derived once per build (the build cache keeps it), before any answer reads it
    timed("support layer (derived once per build)", lambda: kg.support_layer)
    lib = library()
    bindings = {}
    for label, (name, params) in queries().items():
        query = lib[name]
        # chain's SPARQL returns every link (networkx finds the paths): it binds nothing
        bound = {} if query.engine == "paths" else bind_params(kg, query, params)
        bindings[label] = (name, {k: v.n3() for k, v in bound.items()})
        rows = timed(
            f"query {label}: SPARQL", lambda query=query, bound=bound: kg.store.select(query.sparql, bound)[1], repeat=3
        )
        emit(f"rows {label}", None, rows=len(rows))
        result = timed(
            f"query {label}: run_query",
            lambda name=name, params=params: graphmap.run_query(kg, name, **params),
            repeat=3,
        )
        emit(f"rows answer {label}", None, rows=len(result.rows))
    bindings_out.write_text(json.dumps(bindings), encoding="utf-8")
    # exports and pySHACL read kg.graph (rdflib), built on first use: measured on its own
    timed("rdflib graph on demand (kg.graph)", lambda: kg.graph)
    if not outputs:
        for step in (
            "map: one county (map_html county=24)",
            "map: focus view (fou-vasterbotten, depth 1)",
            "report: one county (report_html county=24)",
        ):
            emit(step, None, note="skipped (--outputs-up-to)")
        worker_neo4j(kg)
        return
    try:
        from graphmap.viz.project import map_html
    except ImportError:
        emit("map (graphmap.viz not importable)", None)
    else:
        timed("map: one county (map_html county=24)", lambda: map_html(kg, county="24"))
        timed("map: focus view (fou-vasterbotten, depth 1)", lambda: map_html(kg, focus="fou-vasterbotten"))
    try:
        from graphmap.report import report_html
    except ImportError:
        emit("report (graphmap.report not importable)", None)
    else:
        timed("report: one county (report_html county=24)", lambda: report_html(kg, county="24"))
    worker_neo4j(kg)


def worker_neo4j(kg) -> None:
    if not os.environ.get("NEO4J_URI"):
        emit("neo4j (NEO4J_URI not set: skipped)", None)
        return
    try:
        from graphmap.neo4j import Neo4jUnavailable, Settings, connect, push, run_cypher_query
    except ImportError:
        emit("neo4j (graphmap.neo4j not importable)", None)
        return
    try:
        conn = connect(Settings.from_env())
    except Neo4jUnavailable as exc:
        emit(f"neo4j (unreachable: {exc})", None)
        return
    wall = time.perf_counter
    with conn:
        if len(kg.store) < 200_000:  # the one-row-per-transaction baseline takes ~2 min at scale 10
            # the same comparison as benchmarks/neo4j_push.py: staging rows/s, 3 warm-up pushes,
            # median of 3 batched pushes, into an emptied database
            from neo4j_push import compare

            from graphmap.neo4j.push import BATCH_SIZE

            c = compare(conn, kg.graph, BATCH_SIZE, layer=kg.support_layer)
            emit("neo4j push, batched: staging (wall, median of 3)", c["stage_b"], rows=c["rows"])
            emit("neo4j push, batched: whole push (wall, median of 3)", c["total_b"])
            emit("neo4j push, one write per row: staging (wall)", c["stage_1"], rows=c["rows"])
        else:
            for step in (
                "neo4j push, batched: staging (wall, median of 3)",
                "neo4j push, one write per row: staging (wall)",
            ):
                emit(step, None, note="skipped above 200k triples")
        timed(
            "neo4j push, batched: whole push (wall, once)",
            lambda: push(conn, kg.graph, "scalebench", layer=kg.support_layer),
            clock=wall,
        )
        for label, (name, params) in queries().items():
            timed(
                f"cypher {label} (wall)",
                lambda name=name, params=params: run_cypher_query(conn, name, dataset="scalebench", kg=kg, **params),
                clock=wall,
                repeat=3,
            )


def worker_rdflib(nt: Path, bindings: Path, steps: list[str]) -> None:
    """The baselines on rdflib: parse, each named query (memory store), pySHACL."""
    from rdflib import Graph, URIRef, Variable
    from rdflib.util import from_n3

    from graphmap.ingest.gcpause import paused_gc
    from graphmap.queries import library
    from graphmap.validate.reference import shacl

    g = Graph()
    with paused_gc():
        timed("rdflib: parse N-Triples", lambda: g.parse(nt, format="nt"))
    lib = library()
    plan = json.loads(bindings.read_text(encoding="utf-8"))
    for step in steps:
        if step == "pyshacl":
            timed("pySHACL (reference validation)", lambda: shacl(g))
            continue
        name, bound = plan[step]
        init = {Variable(k): from_n3(v) for k, v in bound.items()}
        assert all(isinstance(v, URIRef) for v in init.values())
        try:
            timed(
                f"rdflib query {step}", lambda name=name, init=init: list(g.query(lib[name].sparql, initBindings=init))
            )
        except Exception as exc:  # rdflib's own failure is a result here
            emit(f"rdflib query {step}", None, error=type(exc).__name__)


def run(cmd: list[str], timeout: float) -> tuple[list[dict], bool]:
    """Run a worker; return its records and whether it finished (False: killed at the limit)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        out, err = proc.communicate(timeout=timeout)
        finished = proc.returncode == 0
        if not finished:
            sys.stderr.write(err[-3000:])
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        finished = False
    records = [json.loads(line[len(MARK) :]) for line in out.splitlines() if line.startswith(MARK)]
    return records, finished


# ---------------------------------------------------------------------------------------- driver
def measure(
    scale: float,
    seed: int,
    rdflib_timeout: float,
    work: Path,
    hopeless: set,
    outputs: bool = True,
    store_timeout: float = 1800,
) -> dict:
    """One scale. ``hopeless``: rdflib steps that hit the limit at a smaller scale (not run again)."""
    from graphmap import synth

    data = work / f"scale-{scale:g}"
    start = time.process_time()
    synth.write(data, scale, seed)
    results = {"synth (write the CSV tables)": {"seconds": time.process_time() - start}}
    nt, bindings = work / f"scale-{scale:g}.nt", work / f"scale-{scale:g}.bindings.json"
    records, ok = run(
        [
            sys.executable,
            __file__,
            "--worker",
            "store",
            str(data),
            str(nt),
            str(bindings),
            "outputs" if outputs else "no-outputs",
        ],
        store_timeout,
    )
    for r in records:
        results[r.pop("step")] = r
    if not ok:  # keep what was measured; the step after the last one did not finish
        results["(the next step did not finish)"] = {"seconds": None, "over": store_timeout}
        if not bindings.exists():
            return results
    pending = [s for s in list(queries()) + ["pyshacl"] if s not in hopeless]
    for s in hopeless:
        results[_rdflib_step(s)] = {"seconds": None, "over": rdflib_timeout, "skipped": True}
    while pending:
        cmd = [sys.executable, __file__, "--worker", "rdflib", str(nt), str(bindings), ",".join(pending)]
        records, ok = run(
            cmd,
            timeout=rdflib_timeout * 2 + 60
            if "rdflib: parse N-Triples" not in results
            else results["rdflib: parse N-Triples"]["seconds"] * 1.5 + rdflib_timeout + 30,
        )
        for r in records:
            results.setdefault(r.pop("step"), r)
        done = {
            s
            for s in pending
            if f"rdflib query {s}" in results or (s == "pyshacl" and "pySHACL (reference validation)" in results)
        }
        if "rdflib: parse N-Triples" not in results:  # could not even parse within the limit
            for s in pending:
                results[_rdflib_step(s)] = {"seconds": None, "over": rdflib_timeout}
            break
        stuck = [s for s in pending if s not in done]
        if not ok and stuck:  # the first unfinished one hit the limit: say so, go on with the rest
            results[_rdflib_step(stuck[0])] = {"seconds": None, "over": rdflib_timeout}
            hopeless.add(stuck[0])
            stuck = stuck[1:]
        pending = stuck if not ok else []
    return results


def _rdflib_step(step: str) -> str:
    return "pySHACL (reference validation)" if step == "pyshacl" else f"rdflib query {step}"


def exponent(t1, t2, n1, n2):
    if not t1 or not t2 or t1 <= 0 or t2 <= 0 or n1 == n2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def fmt(seconds) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def report(all_results: dict[float, dict], rdflib_timeout: float) -> str:
    scales = sorted(all_results)
    triples = {s: all_results[s]["triples"]["triples"] for s in scales}

    def sec(s, step):
        r = all_results[s].get(step)
        return None if r is None else r.get("seconds")

    def cell(s, step):
        r = all_results[s].get(step)
        if r is None:
            return "–"
        if r.get("error"):
            return f"fails ({r['error']})"
        if r.get("note"):
            return r["note"].split(" (")[0]
        if r.get("seconds") is None and r.get("over"):
            return f"> {r['over']:g} s" + (" (skipped)" if r.get("skipped") else "")
        return fmt(r.get("seconds"))

    def ratio(a, b, fmt_="{:.1f}×"):
        return fmt_.format(a / b) if a and b else "–"

    def growth(step):
        ks = [exponent(sec(a, step), sec(b, step), triples[a], triples[b]) for a, b in zip(scales, scales[1:])]
        return " / ".join("–" if k is None else f"{k:.2f}" for k in ks)

    head = " | ".join(f"scale {s:g} ({triples[s]:,} triples)" for s in scales)
    lines = [
        f"| step | {head} | growth k ({', '.join(f'{a:g}→{b:g}' for a, b in zip(scales, scales[1:]))}) | peak RSS at largest |",
        "| --- | " + " | ".join("---" for _ in scales) + " | --- | --- |",
    ]
    steps = [k for k in all_results[scales[-1]] if not k.startswith("rows ") and k != "triples"]
    for s in scales[:-1]:
        steps += [k for k in all_results[s] if k not in steps and not k.startswith("rows ") and k != "triples"]
    for step in steps:
        rss = all_results[scales[-1]].get(step, {}).get("rss_mb")
        lines.append(
            f"| {step} | "
            + " | ".join(cell(s, step) for s in scales)
            + f" | {growth(step)} | "
            + (f"{rss:,} MB" if rss else "–")
            + " |"
        )
    out = ["## Steps (CPU seconds)", "", *lines, "", "## Ratios against baselines measured in the same run", ""]
    rows = [
        "| ratio | " + " | ".join(f"scale {s:g}" for s in scales) + " | target |",
        "| --- | " + " | ".join("---" for _ in scales) + " | --- |",
    ]
    base = "baseline: pyoxigraph parses the N-Triples"
    rows.append(
        "| build ÷ pyoxigraph parsing the same N-Triples | "
        + " | ".join(ratio(sec(s, "build (ingest + validation + store)"), sec(s, base)) for s in scales)
        + " | ≤ 3× |"
    )
    rows.append(
        "| pySHACL ÷ compiled validation (speed-up) | "
        + " | ".join(
            _over_ratio(all_results[s], "pySHACL (reference validation)", "  validation (compiled SHACL on the store)")
            for s in scales
        )
        + " | – |"
    )
    rows.append(
        "| rdflib parse ÷ pyoxigraph parse (N-Triples) | "
        + " | ".join(ratio(sec(s, "rdflib: parse N-Triples"), sec(s, base)) for s in scales)
        + " | – |"
    )
    for label in queries():
        rows.append(
            f"| query {label}: rdflib memory store ÷ embedded store | "
            + " | ".join(_over_ratio(all_results[s], f"rdflib query {label}", f"query {label}: SPARQL") for s in scales)
            + " | ≥ 10× |"
        )
    if any(sec(s, "neo4j push, one write per row: staging (wall)") for s in scales):
        rows.append(
            "| neo4j push, staging rows/s: batched ÷ one write per row | "
            + " | ".join(
                ratio(
                    sec(s, "neo4j push, one write per row: staging (wall)"),
                    sec(s, "neo4j push, batched: staging (wall, median of 3)"),
                )
                for s in scales
            )
            + " | ≥ 20× |"
        )
    out += rows
    out += [
        "",
        "## Answer sizes (rows returned by run_query)",
        "",
        "| query | " + " | ".join(f"scale {s:g}" for s in scales) + " | growth k of the answer |",
        "| --- | " + " | ".join("---" for _ in scales) + " | --- |",
    ]
    for label in queries():
        n = {s: all_results[s].get(f"rows answer {label}", {}).get("rows") for s in scales}
        ks = [exponent(n[a], n[b], triples[a], triples[b]) for a, b in zip(scales, scales[1:])]
        out.append(
            f"| {label} | "
            + " | ".join("–" if n[s] is None else f"{n[s]:,}" for s in scales)
            + " | "
            + " / ".join("–" if k is None else f"{k:.2f}" for k in ks)
            + " |"
        )

    def answer_growth(step, a, b):
        """The growth exponent of the step's answer between scales a and b (None if it has none)."""
        label = step.removeprefix("query ").removeprefix("cypher ").split(":")[0].removesuffix(" (wall)")
        key = f"rows {label}" if step.endswith(": SPARQL") else f"rows answer {label}"  # chain's SPARQL: the links
        n = [all_results[x].get(key, {}).get("rows") for x in (a, b)]
        return exponent(n[0], n[1], triples[a], triples[b])

    def per_row(k_answer, k):
        return (
            ""
            if k_answer is None
            else f"; its answer grows with k = {k_answer:.2f}, the time per answer row with k = {k - k_answer:.2f}"
        )

    fast = [
        (step, k, a, b, answer_growth(step, a, b))
        for step in steps
        if not step.startswith(("rdflib", "pySHACL"))
        for a, b in zip(scales, scales[1:])
        for k in [exponent(sec(a, step), sec(b, step), triples[a], triples[b])]
        if k is not None and k > 1.2
    ]
    beyond_answer = [f"{step.strip()} ({a:g}→{b:g})" for step, k, a, b, ka in fast if ka is None or k - ka > 0.2]
    out += [
        "",
        "Steps of graphmap growing faster than size^1.2: "
        + (
            "; ".join(f"{step.strip()} (k = {k:.2f}, {a:g}→{b:g}{per_row(ka, k)})" for step, k, a, b, ka in fast)
            or "none"
        )
        + ".",
        "",
        "Of these, steps whose time per answer row grows faster than size^0.2: "
        + ("; ".join(beyond_answer) or "none")
        + ".",
    ]
    out += [
        "",
        f"rdflib steps are limited to {rdflib_timeout:g} s each; \"> N s\" = stopped at the limit "
        "(the ratio is then a lower bound); \"(skipped)\" = it hit the limit at a smaller scale already.",
    ]
    return "\n".join(out)


def _over_ratio(results: dict, slow: str, fast: str) -> str:
    a, b = results.get(slow, {}), results.get(fast, {})
    if not b or not b.get("seconds"):
        return "–"
    if a.get("error"):
        return "rdflib fails"
    if a.get("seconds") is None and a.get("over"):
        return f"> {a['over'] / b['seconds']:.0f}×"
    return f"{a['seconds'] / b['seconds']:.0f}×" if a.get("seconds") else "–"


def machine() -> str:
    import pyoxigraph
    import pyshacl
    import rdflib

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    try:
        import oxrdflib  # noqa: F401
        from importlib.metadata import version

        ox = version("oxrdflib")
    except Exception:  # pragma: no cover
        ox = "not installed"
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores (nproc), {mem:.0f} GiB RAM, "
        f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}, "
        f"pySHACL {pyshacl.__version__}, oxrdflib {ox}; load average {os.getloadavg()[0]:.1f} at the end"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--outputs-up-to", type=float, default=100.0, help="measure the map and the report only up to this scale"
    )
    parser.add_argument("--store-timeout", type=float, default=1800.0)
    parser.add_argument(
        "--rdflib-skip",
        default="",
        help="rdflib steps known to exceed the limit (comma-separated query labels, or pyshacl)",
    )
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        kind, *rest = args.worker
        if kind == "store":
            worker_store(Path(rest[0]), Path(rest[1]), Path(rest[2]), outputs=rest[3] == "outputs")
        else:
            worker_rdflib(Path(rest[0]), Path(rest[1]), rest[2].split(","))
        return
    scales = [float(s) for s in args.scales.split(",")]
    results, hopeless = {}, {s for s in args.rdflib_skip.split(",") if s}
    with tempfile.TemporaryDirectory(prefix="graphmap-scale-") as tmp:
        for scale in scales:
            print(f"scale {scale:g} …", file=sys.stderr, flush=True)
            results[scale] = measure(
                scale,
                args.seed,
                args.rdflib_timeout,
                Path(tmp),
                hopeless,
                outputs=scale <= args.outputs_up_to,
                store_timeout=args.store_timeout,
            )
            if args.json:  # keep what is measured so far
                args.json.parent.mkdir(parents=True, exist_ok=True)
                args.json.write_text(json.dumps({str(k): v for k, v in results.items()}, indent=1), encoding="utf-8")
    text = report(results, args.rdflib_timeout)
    print(text)
    print()
    print("Machine:", machine())


if __name__ == "__main__":
    main()
