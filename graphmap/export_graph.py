"""Write a graph to a file atomically (temporary file in the same folder, then rename)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from graphmap.fileio import write_bytes_atomic

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml", ".nq": "nquads"}


def write_graph(graph: Graph, path: Path, fmt: str | None = None) -> None:
    path = Path(path)
    fmt = fmt or FORMATS.get(path.suffix.lower(), "turtle")
    write_bytes_atomic(path, graph.serialize(format=fmt, encoding="utf-8"))
