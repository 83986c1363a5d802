"""Write a graph to a file atomically (temporary file in the same folder, then rename)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml", ".nq": "nquads"}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_graph(graph: Graph, path: Path, fmt: str | None = None) -> None:
    path = Path(path)
    fmt = fmt or FORMATS.get(path.suffix.lower(), "turtle")
    write_bytes_atomic(path, graph.serialize(format=fmt, encoding="utf-8"))
