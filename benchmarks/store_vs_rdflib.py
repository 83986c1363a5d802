"""The measurement behind the embedded store (issue #2): the bundled data on three engines.

Parses the bundled graph (as N-Triples) and runs every named query with its example
parameters, bound the same way on each engine, on:

- pyoxigraph directly (``graphmap.store.Store``: what graphmap uses),
- rdflib's memory store (``Graph.query(q, initBindings=…)``),
- oxrdflib (rdflib's API on Oxigraph: ``Graph(store="Oxigraph")``, parsed with ``ox-nt``).

Times are CPU seconds (medians of repeated runs; a run over 5 s is not repeated) and the
ratios are against pyoxigraph in the same run. Not part of the tests.

    .venv/bin/python benchmarks/store_vs_rdflib.py
"""

from __future__ import annotations

import statistics
import time

from rdflib import Graph, Variable

import graphmap
from graphmap.api import bind_params
from graphmap.queries import library
from graphmap.store import Store


def cpu(func, budget: float = 0.3, most: int = 25) -> float:
    """Median CPU seconds of ``func`` over repeated runs (once if a run takes over 5 s)."""
    times: list[float] = []
    while len(times) < most:
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
        if times[-1] > 5 or (len(times) >= 3 and sum(times) > budget):
            break
    return statistics.median(times)


def attempt(func):
    """CPU seconds, or the error's name when the engine cannot run the query."""
    try:
        return cpu(func)
    except Exception as exc:  # an engine's own failure is a result here
        return f"fails: {type(exc).__name__}"


def fmt(seconds) -> str:
    if isinstance(seconds, str):
        return seconds
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


def ratio(a, b) -> str:
    if isinstance(b, str):
        return "–"
    return f"{b / a:.0f}×" if b / a >= 10 else f"{b / a:.1f}×"


def main() -> None:
    kg = graphmap.build()
    nt = kg.ingest.ntriples()
    rows = []
    ox_parse = cpu(lambda: Store.from_ntriples(nt, lenient=False))
    rdf_parse = cpu(lambda: Graph().parse(data=nt, format="nt"))
    oxr_parse = cpu(lambda: Graph(store="Oxigraph").parse(data=nt, format="ox-nt"))
    rows.append(("parse N-Triples", ox_parse, rdf_parse, oxr_parse))
    store = Store.from_ntriples(nt)
    memory = Graph().parse(data=nt, format="nt")
    oxr = Graph(store="Oxigraph").parse(data=nt, format="ox-nt")
    for name, query in library().items():
        params = query.examples[0] if query.examples else {}
        bound = {} if query.engine == "paths" else bind_params(kg, query, params)
        init = {Variable(k): v for k, v in bound.items()}
        t_ox = cpu(lambda query=query, bound=bound: store.select(query.sparql, bound))
        t_rdf = attempt(lambda query=query, init=init: list(memory.query(query.sparql, initBindings=init)))
        t_oxr = attempt(lambda query=query, init=init: list(oxr.query(query.sparql, initBindings=init)))
        label = f"query {name}" + (f" ({' '.join(f'{k}={v}' for k, v in params.items())})" if params else "")
        rows.append((label, t_ox, t_rdf, t_oxr))
    print(f"Bundled data: {len(store):,} triples.\n")
    print("| step | pyoxigraph | rdflib memory | oxrdflib | rdflib ÷ pyoxigraph | oxrdflib ÷ pyoxigraph |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, a, b, c in rows:
        print(f"| {label} | {fmt(a)} | {fmt(b)} | {fmt(c)} | {ratio(a, b)} | {ratio(a, c)} |")


if __name__ == "__main__":
    main()
