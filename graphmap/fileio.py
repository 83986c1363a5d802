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

import contextlib
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


#: every temporary file graphmap writes is named ``.<name>.graphmap-tmp.<pid>.<random>.tmp``, so that the
#: next run can tell its own leftovers (a process killed inside a write cannot remove its file) from
#: anything else in the folder, and remove them once their process is gone
TMP_MARK = ".graphmap-tmp."


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def sweep_stale(folder: str | os.PathLike) -> list[Path]:
    """Remove the temporary files that killed graphmap runs left in ``folder``; returns them.

    Only files with graphmap's temporary name (:data:`TMP_MARK`), owned by this user, whose process
    is gone; another run's file that is still being written is left alone.

    >>> import tempfile, pathlib, subprocess, sys
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
    ...                       text=True).stdout.strip()
    >>> _ = (folder / f".graph.ttl{TMP_MARK}{dead}.x1.tmp").write_text("half a graph")
    >>> _ = (folder / f".graph.ttl{TMP_MARK}{os.getpid()}.x2.tmp").write_text("being written")
    >>> [p.name.split(".")[-2] for p in sweep_stale(folder)], len(list(folder.iterdir()))
    (['x1'], 1)
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(os.fspath(folder)))
    except OSError:
        return removed
    uid = os.getuid()
    for entry in entries:
        if TMP_MARK not in entry.name or not entry.name.startswith("."):
            continue
        pid = entry.name.split(TMP_MARK, 1)[1].split(".", 1)[0]
        try:
            if not pid.isdigit() or entry.stat(follow_symlinks=False).st_uid != uid or _pid_alive(int(pid)):
                continue
            if entry.is_dir(follow_symlinks=False):
                import shutil

                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _with_name(exc: OSError, path: Path) -> OSError:
    """The same error naming the file asked for (a full disk raises ``ENOSPC`` without a file name;
    other errors name the temporary file)."""
    if (exc.filename is None or TMP_MARK in str(exc.filename)) and exc.errno is not None:
        return type(exc)(exc.errno, exc.strerror, str(path))
    return exc


def write_files_atomic(payloads, *, private: bool = False) -> list[Path]:
    """Write several files so that they appear whole or not at all: every file is written to a
    temporary file (see :data:`TMP_MARK`) first, and only when all are written are they renamed
    into place. On any failure (a full disk, a folder that cannot exist) the temporary files are
    removed, so are the folders this call created, no file is replaced, and the error names the
    file. ``payloads``: ``{path: bytes}``. Files get the usual permissions (``0666`` minus the
    umask), or with ``private=True`` ``0600`` (readable by the owner only); the temporary files
    are always ``0600`` while they are written. Stale temporary files of killed runs in the
    folders written to are removed first (:func:`sweep_stale`).

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "new" / "folder"
    >>> [p.name for p in write_files_atomic({out / "a.txt": b"a", out / "sub" / "b.txt": b"b"})]
    ['a.txt', 'b.txt']
    >>> write_files_atomic({out / "c.txt": b"c", out / "a.txt" / "x": b"x"})  # a.txt is a file, not a folder
    Traceback (most recent call last):
    ...
    NotADirectoryError: [Errno 20] Not a directory: '...a.txt/x'
    >>> sorted(p.name for p in out.iterdir())  # c.txt was not written either
    ['a.txt', 'sub']
    """
    items = [(Path(path), data) for path, data in payloads.items()]
    created: list[Path] = []
    temps: list[tuple[str, Path]] = []
    swept: set[Path] = set()
    current = None
    try:
        for path, data in items:
            current = path
            for parent in reversed([path.parent, *path.parent.parents]):
                if not parent.exists():
                    parent.mkdir()
                    created.append(parent)
            if path.parent not in swept:
                sweep_stale(path.parent)
                swept.add(path.parent)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}{TMP_MARK}{os.getpid()}.", suffix=".tmp")
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            if not private:
                os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        for tmp, path in temps:
            current = path
            os.replace(tmp, path)
    except BaseException as exc:
        for tmp, _ in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                pass
        if isinstance(exc, OSError) and current is not None:
            named = _with_name(exc, current)
            if named is not exc:
                raise named from exc
        raise
    return [path for path, _ in items]


def write_bytes_atomic(path: str | os.PathLike, data: bytes, *, private: bool = False) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The folder is created if needed; the file gets the usual permissions (``0666`` minus the umask),
    or with ``private=True`` is readable by its owner only (``0600``: a cache that holds personal data).
    See :func:`write_files_atomic` for several files that belong together.

    >>> import tempfile, pathlib, stat
    >>> path = write_bytes_atomic(pathlib.Path(tempfile.mkdtemp()) / "x.bin", b"\\x00\\x01")
    >>> path.read_bytes(), stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()
    (b'\\x00\\x01', True)
    """
    return write_files_atomic({path: data}, private=private)[0]


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


class RemoteContext(ValueError):
    """A JSON-LD file whose ``@context`` (or ``@import``) names another document: graphmap reaches no
    network and reads no other file for it (a silent server hung the command for ever)."""

    def __init__(self, path, url: str):
        self.path, self.url = str(path), url
        super().__init__(f"{path}: remote JSON-LD context {url!r} is not fetched")


def remote_contexts(data) -> list[str]:
    """Every ``@context`` / ``@import`` in a JSON-LD document (parsed JSON) that names a document
    instead of holding the context inline, at any depth (scoped contexts included).

    >>> remote_contexts({"@context": ["https://schema.org/", {"x": {"@context": "https://e.org/c"}}], "@id": "a"})
    ['https://schema.org/', 'https://e.org/c']
    >>> remote_contexts({"@context": {"@vocab": "https://e.org/"}, "@graph": []})
    []
    """
    found, stack = [], [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            for key, value in item.items():
                if key in ("@context", "@import"):
                    for ctx in value if isinstance(value, list) else [value]:
                        if isinstance(ctx, str):
                            found.append(ctx)
                        else:
                            stack.append(ctx)
                else:
                    stack.append(value)
    return found


def _parse_jsonld(g: Graph, path) -> None:
    """JSON-LD into ``g`` with every context inline; a context naming another document raises
    :class:`RemoteContext` before rdflib sees the file (rdflib would fetch it)."""
    import json

    with open(path, "rb") as fh:
        data = json.loads(fh.read().decode("utf-8-sig"))
    remote = remote_contexts(data)
    if remote:
        raise RemoteContext(path, remote[0])
    g.parse(data=json.dumps(data), format="json-ld")


def read_graph(paths) -> Graph:
    """Read graph files (Turtle, N-Triples, JSON-LD, RDF/XML, N-Quads; by suffix) into one rdflib Graph.
    Nothing is fetched: a JSON-LD file whose context names another document is refused
    (:class:`RemoteContext`); graphmap's own JSON-LD carries its context inline.

    Raises ``KeyError`` for a file whose suffix is not in :data:`GRAPH_SUFFIXES`.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_text_atomic(folder / "a.ttl", "<https://example.org/a> a <https://example.org/Thing> .")
    >>> _ = write_text_atomic(folder / "b.nt", "<https://example.org/b> <https://example.org/p> <https://example.org/a> .\\n")
    >>> len(read_graph([folder / "a.ttl", folder / "b.nt"]))
    2
    """
    import logging

    g = Graph()
    term_log = logging.getLogger("rdflib.term")  # an ill-typed literal is kept and reported by validation,
    level, term_log.level = term_log.level, logging.CRITICAL  # not logged with a traceback while parsing
    try:
        for p in paths:
            fmt = GRAPH_SUFFIXES[Path(p).suffix.lower()]
            if fmt == "json-ld":
                _parse_jsonld(g, p)
            else:
                g.parse(p, format=fmt)
    finally:
        term_log.setLevel(level)
    return g


#: a folder's journal of renames (:func:`commit_journaled`): written whole, it is the moment the new
#: state is decided; the staged files wait beside it in :data:`STAGED`
JOURNAL = ".graphmap-journal.json"
STAGED = ".graphmap-staged"
LOCK = ".graphmap.lock"
MAX_JOURNAL = 1 << 20


class FolderBusy(OSError):
    """Another process holds the folder's lock longer than we wait."""


@contextlib.contextmanager
def folder_lock(folder, *, wait: float = 600.0):
    """Hold ``folder``'s lock (an exclusive ``flock`` on its ``.graphmap.lock``; ``msvcrt.locking`` on
    Windows) while the block
    runs: two writers of the same folder run one after the other. Waits up to ``wait`` seconds, then
    raises :class:`FolderBusy`. The lock goes with the process: a killed writer never leaves it held.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with folder_lock(folder):
    ...     pass
    """
    import time

    path = Path(folder) / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666 & ~_umask())
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise FolderBusy(11, "in use by another process", str(folder)) from None
            time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock on the open file ``fd`` without waiting: ``flock`` on POSIX, ``msvcrt``'s
    lock of the file's first byte on Windows (both released when the file is closed or the process
    ends). False while another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _replace_done(src: Path, dst: Path) -> None:
    """One rename of a journal, done again safely: a source already moved is skipped."""
    if src.exists():
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)


def recover_journal(folder) -> str:
    """Finish or undo what a killed :func:`commit_journaled` left in ``folder`` (call it holding the
    folder's lock): a whole journal is carried out to the end (``"finished"``); staged files without
    one are removed (``"undone"``); else ``""``.

    >>> import tempfile
    >>> recover_journal(tempfile.mkdtemp())
    ''
    """
    import json
    import shutil

    folder = Path(folder)
    journal, staged = folder / JOURNAL, folder / STAGED
    done = ""
    if journal.is_file():
        with journal.open("rb") as f:
            moves = json.loads(f.read(MAX_JOURNAL).decode("utf-8"))["moves"]
        for src, dst in moves:
            _replace_done(folder / src, folder / dst)
        os.unlink(journal)
        done = "finished"
    if staged.exists():
        shutil.rmtree(staged, ignore_errors=True)
        done = done or "undone"
    return done


def settle(folder) -> str:
    """What a reader of ``folder`` calls first: when a killed :func:`commit_journaled` left a journal or
    staged files there, finish or undo it under the folder's lock (:func:`recover_journal`); else
    nothing is touched (no lock file is made). A folder the reader cannot write is read as it is.

    >>> import tempfile
    >>> settle(tempfile.mkdtemp())
    ''
    """
    folder = Path(folder)
    if not ((folder / JOURNAL).exists() or (folder / STAGED).exists()):
        return ""
    try:
        with folder_lock(folder):
            return recover_journal(folder)
    except OSError:
        return ""


def commit_journaled(folder, payloads, moves=()) -> list[Path]:
    """Write the files ``payloads`` (``{path in folder: bytes}``) and move the files ``moves`` (pairs
    of paths in ``folder``) as one step: a process killed at any point leaves the folder as it was
    or, once the journal is whole, as it will be when the next :func:`recover_journal` finishes it.
    The new files are staged and fsynced first, then the journal of every rename is written
    atomically (the commit), then the renames are done and the journal removed. Hold the folder's
    :func:`folder_lock` around it.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "in.xlsx").write_bytes(b"x")
    >>> [p.name for p in commit_journaled(folder, {folder / "t.csv": b"a"}, [(folder / "in.xlsx", folder / "done" / "in.xlsx")])]
    ['t.csv', 'in.xlsx']
    >>> sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    ['done', 'done/in.xlsx', 't.csv']
    """
    import json
    import shutil

    folder = Path(folder)
    recover_journal(folder)
    staged = folder / STAGED
    plan = []
    staged_files = {}
    for n, (path, data) in enumerate(payloads.items()):
        tmp = staged / f"{n}-{Path(path).name}"
        staged_files[tmp] = data
        plan.append((tmp, Path(path)))
    plan += [(Path(a), Path(b)) for a, b in moves]
    try:
        write_files_atomic(staged_files)
        journal = {"moves": [[str(a.relative_to(folder)), str(b.relative_to(folder))] for a, b in plan]}
        write_bytes_atomic(folder / JOURNAL, json.dumps(journal, ensure_ascii=False).encode("utf-8"))
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    for src, dst in plan:  # from here on the new state is decided: recover_journal finishes it
        _replace_done(src, dst)
    os.unlink(folder / JOURNAL)
    shutil.rmtree(staged, ignore_errors=True)
    return [dst for _src, dst in plan]


__all__ = [
    "RemoteContext",
    "remote_contexts",
    "folder_lock",
    "commit_journaled",
    "recover_journal",
    "settle",
    "FolderBusy",
    "write_bytes_atomic",
    "write_files_atomic",
    "sweep_stale",
    "TMP_MARK",
    "write_text_atomic",
    "write_graph",
    "read_graph",
    "graph_format",
    "GRAPH_SUFFIXES",
]
