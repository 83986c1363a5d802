"""Reading and writing files: atomically (readers see the old file or the whole new one, never
half of it), and RDF graph files by their suffix.

Every output of the project goes through :func:`write_bytes_atomic`, which also gives the file
the usual permissions (``0666`` minus the umask, as ``open`` would), so no caller fixes them up.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a" / "b.txt"
>>> write_text_atomic(path, "hej") == path, path.read_text()
(True, 'hej')
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

#: graph file suffix -> rdflib format, for reading (and writing, see :func:`write_graph`)
GRAPH_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml", ".owl": "xml", ".nq": "nquads"}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: str | os.PathLike, data: bytes, *, private: bool = False) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The folder is created if needed; the file gets the usual permissions (``0666`` minus the umask),
    or with ``private=True`` is readable by its owner only (``0600``: a cache that holds personal data).

    >>> import tempfile, pathlib, stat
    >>> path = write_bytes_atomic(pathlib.Path(tempfile.mkdtemp()) / "x.bin", b"\\x00\\x01")
    >>> path.read_bytes(), stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()
    (b'\\x00\\x01', True)
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if not private:
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def write_text_atomic(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` atomically (see :func:`write_bytes_atomic`) and return the path."""
    return write_bytes_atomic(path, text.encode(encoding))


def graph_format(path: str | os.PathLike) -> str | None:
    """The rdflib format of a graph file, from its suffix (``None`` if it is not a graph file).

    >>> graph_format("out/graphmap.NT"), graph_format("a.owl"), graph_format("actors.csv")
    ('nt', 'xml', None)
    """
    return GRAPH_SUFFIXES.get(Path(path).suffix.lower())


def write_graph(graph: Graph, path: str | os.PathLike, fmt: str | None = None) -> Path:
    """Write ``graph`` to ``path`` atomically, in ``fmt`` or the format its suffix names.

    A suffix outside :data:`GRAPH_SUFFIXES` is written as Turtle, and so is ``.owl`` (as it
    always was here, although :func:`read_graph` reads ``.owl`` as RDF/XML).

    >>> import tempfile, pathlib
    >>> from rdflib import Literal, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/name"), Literal("Å", lang="sv")))
    >>> path = write_graph(g, pathlib.Path(tempfile.mkdtemp()) / "g.nt")
    >>> path.read_text(encoding="utf-8")
    '<https://example.org/a> <https://example.org/name> "Å"@sv .\\n'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    fmt = fmt or (GRAPH_SUFFIXES.get(suffix, "turtle") if suffix != ".owl" else "turtle")
    return write_bytes_atomic(path, graph.serialize(format=fmt, encoding="utf-8"))


def read_graph(paths) -> Graph:
    """Read graph files (Turtle, N-Triples, JSON-LD, RDF/XML, N-Quads; by suffix) into one rdflib Graph.

    Raises ``KeyError`` for a file whose suffix is not in :data:`GRAPH_SUFFIXES`.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_text_atomic(folder / "a.ttl", "<https://example.org/a> a <https://example.org/Thing> .")
    >>> _ = write_text_atomic(folder / "b.nt", "<https://example.org/b> <https://example.org/p> <https://example.org/a> .\\n")
    >>> len(read_graph([folder / "a.ttl", folder / "b.nt"]))
    2
    """
    g = Graph()
    for p in paths:
        g.parse(p, format=GRAPH_SUFFIXES[Path(p).suffix.lower()])
    return g


__all__ = ["write_bytes_atomic", "write_text_atomic", "write_graph", "read_graph", "graph_format", "GRAPH_SUFFIXES"]
