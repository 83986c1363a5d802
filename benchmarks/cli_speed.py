"""How fast a command answers: `graphmap support`, `gaps`, `state` and `coverage`, cold and warm,
against pyoxigraph alone (not a test).

Measures, each as a fresh process, best of ``--repeat`` (CPU = user + system of the child, and
wall clock):

* baseline — a Python process that imports pyoxigraph, loads the built N-Triples
  (``graphmap build DATA -o x.nt``, written once beforehand) and runs the question's SPARQL
  (``graphmap/queries/NAME.rq``) with the same bound values: the least any command could cost
  when it answers from the graph per request;
* the command (``support`` for Umeå, ``support`` for the whole country, ``gaps`` for all counties,
  ``state``, ``coverage`` for Umeå) with
  - ``off``: no cache (``GRAPHMAP_CACHE_DIR=off``): ingest every time, as before the cache (support only);
  - ``cold``: an empty cache directory: ingest, derive the support layer, write the cache (support only);
  - ``warm``: the cache written by an earlier run and the tables unchanged;
* ``import graphmap.cli`` alone,

on the bundled data and, with ``--synth 1,100``, on synthetic data (``graphmap synth --scale S
--seed 1``, all its folders). Prints the times and the ratios to each command's baseline. The children run as in a user's
shell: bytecode written (outside the tree) and reused.

    .venv/bin/python benchmarks/cli_speed.py                    # bundled data, ~2 min
    .venv/bin/python benchmarks/cli_speed.py --synth 1,100      # + synthetic (scale 100 ≈ 1 M triples)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GRAPHMAP = [PYTHON, "-m", "graphmap"]
SUPPORT = ["support", "--area", "funktionshinder", "--municipality", "Umeå"]

BASELINE = r"""
import json, sys
import pyoxigraph as ox
nt, sparql, bindings = sys.argv[1:]
store = ox.Store()
with open(nt, "rb") as f:
    store.load(f.read(), format=ox.RdfFormat.N_TRIPLES, lenient=True)
subs = {ox.Variable(k): ox.NamedNode(v) for k, v in json.loads(bindings).items()}
rows = list(store.query(sparql, substitutions=subs))
print(len(rows), file=sys.stderr)
"""
# (label, command arguments, query whose SPARQL is the baseline, its bound values)
UMEA = "https://w3id.org/graphmap/id/kommun/2480"
FUNK = "https://w3id.org/graphmap/vocab/area/funktionshinder"
COMMANDS = [
    ("support, one municipality", SUPPORT, "support", {"area": FUNK, "municipality": UMEA}),
    ("support, whole country", ["support", "--area", "funktionshinder"], "support", {"area": FUNK}),
    ("gaps, all counties", ["gaps"], "gaps", {}),
    ("state", ["state"], "mapping-state", {}),
    (
        "coverage, one municipality",
        ["query", "coverage", "-p", "municipality=Umeå"],
        "coverage",
        {"municipality": UMEA},
    ),
]


#: the children run as in a user's shell: bytecode written (here outside the tree) and reused, so a
#: command is not charged for compiling graphmap and its libraries on every run
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
    "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "graphmap-bench-pycache")
}


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(CPU s, wall s, stderr) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env={**CHILD_ENV, **(env or {})}, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, proc.stderr


def best(repeat: int, make_cmd, expect: str | None = None) -> tuple[float, float, str]:
    """Best CPU and best wall of ``repeat`` runs; with ``expect``, only runs whose stderr has it
    count (a warm run that rebuilt because someone edited graphmap meanwhile is run again)."""
    results, i = [], 0
    while len(results) < repeat:
        if i >= 4 * repeat:
            raise SystemExit(f"fewer than {repeat} of {i} runs said {expect!r}")
        cmd, env = make_cmd(i)
        i += 1
        r = run(cmd, env)
        if expect is None or expect in r[2]:
            results.append(r)
    return min(r[0] for r in results), min(r[1] for r in results), results[-1][2]


def measure(name: str, data: list[str], repeat: int, work: Path) -> list[tuple]:
    """(group, label, triples, run, result) rows: per command its baseline, then its runs."""
    from graphmap.queries import find

    dflags = [a for d in data for a in ("-d", d)]
    nt = work / f"{name}.nt"
    run(GRAPHMAP + ["build", *data, "-o", str(nt)])
    triples = sum(1 for _ in nt.open("rb"))
    warm_dir = str(work / f"{name}-warm")
    run(GRAPHMAP + SUPPORT + dflags, {"GRAPHMAP_CACHE_DIR": warm_dir})
    out = []
    for label, args, query, bindings in COMMANDS:
        base_args = [str(nt), find(query).sparql, json.dumps(bindings)]
        base = best(repeat, lambda i, base_args=base_args: ([PYTHON, "-c", BASELINE, *base_args], None))
        cmd = GRAPHMAP + args + dflags
        runs = []
        if query == "support" and "municipality" in bindings:
            runs.append(("no cache", best(repeat, lambda i, cmd=cmd: (cmd, {"GRAPHMAP_CACHE_DIR": "off"}))))
            runs.append(
                (
                    "cold",
                    best(
                        repeat,
                        lambda i, cmd=cmd: (
                            cmd,
                            {"GRAPHMAP_CACHE_DIR": str(work / f"{name}-cold-{i}"), "GRAPHMAP_CACHE_LOG": "1"},
                        ),
                        expect="cache: built",
                    ),
                )
            )
        runs.append(
            (
                "warm",
                best(
                    repeat,
                    lambda i, cmd=cmd: (cmd, {"GRAPHMAP_CACHE_DIR": warm_dir, "GRAPHMAP_CACHE_LOG": "1"}),
                    expect="cache: hit",
                ),
            )
        )
        out.append((name, label, triples, base, runs))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best is shown")
    ap.add_argument("--synth", default="", help="synthetic scales too, e.g. 1,100")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="cli-speed-") as tmp:
        work = Path(tmp)
        imp = best(args.repeat, lambda i: ([PYTHON, "-c", "import graphmap.cli"], None))
        start = best(args.repeat, lambda i: ([PYTHON, "-c", "pass"], None))
        results.append(measure("bundled", [], args.repeat, work))
        for scale in [s for s in args.synth.split(",") if s.strip()]:
            folder = work / f"synth-{scale}"
            run(GRAPHMAP + ["synth", "--scale", scale, "-o", str(folder), "--seed", "1"])
            data = sorted(str(p) for p in folder.iterdir() if p.is_dir())
            results.append(measure(f"synth {scale}", data, max(1, args.repeat if float(scale) < 10 else 2), work))
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; best of {args.repeat}; CPU = user+sys of the child\n"
    )
    print(
        f"python -c pass: {start[0]:.3f} s CPU, {start[1]:.3f} s wall; "
        f"import graphmap.cli: {imp[0]:.3f} s CPU, {imp[1]:.3f} s wall\n"
    )
    print("| data | triples | command | run | CPU s | wall s | CPU / baseline | wall / baseline |")
    print("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: |")
    for group in results:
        for name, label, triples, base, runs in group:
            print(
                f"| {name} | {triples:,} | {label} | baseline: pyoxigraph load + query | {base[0]:.3f} | {base[1]:.3f} | 1.0× | 1.0× |"
            )
            for run_label, (cpu, wall, _err) in runs:
                print(
                    f"| {name} | {triples:,} | {label} | graphmap, {run_label} | {cpu:.3f} | {wall:.3f} | "
                    f"{cpu / base[0]:.1f}× | {wall / base[1]:.1f}× |"
                )


if __name__ == "__main__":
    main()
