"""The last build, kept on disk, so that commands answer in a moment instead of ingesting again.

:func:`open` gives the same :class:`~graphmap.api.KnowledgeGraph` as :func:`graphmap.build`
(the same answers to every query), but when the tables have not changed since the last time
it loads the built N-Triples from the cache (one Oxigraph parse) instead of reading and
checking every table again. Every command that reads the graph goes through it
(:func:`graphmap.cli.common.load_graph`); ``graphmap build`` and ``graphmap validate`` still
ingest and validate every time.

>>> import os, tempfile, graphmap, graphmap.buildcache as bc
>>> os.environ["GRAPHMAP_CACHE_DIR"] = tempfile.mkdtemp()   # normally: the user cache directory
>>> kg = bc.open()                      # first time: ingest the bundled tables, write the cache
>>> kg.cache.status
'built'
>>> kg = bc.open()                      # tables unchanged: the graph comes from the cache
>>> kg.cache.status, kg.ingest.datasets[:5]
('hit', ['fyrbodal', 'jonkoping', 'stockholm', 'vasterbotten', '00-nationellt'])
>>> rows = graphmap.run_query(kg, "support", area="funktionshinder", municipality="Umeå").present()
>>> rows == graphmap.run_query(graphmap.build(), "support", area="funktionshinder", municipality="Umeå").present()
True
>>> del os.environ["GRAPHMAP_CACHE_DIR"]

Where: ``$GRAPHMAP_CACHE_DIR`` if set (``off`` turns caching off), else
``$XDG_CACHE_HOME/graphmap`` or ``~/.cache/graphmap``; one folder per list of inputs (their
absolute paths, in order). If the folder cannot be written (read-only home, full disk) the
graph is built in memory as before, with no error.

When the cache is trusted: the manifest records every input file — the tables under each
input folder, the reference data, the ontology and vocabulary files and graphmap's own
source files that shape the build (all but :data:`READS_ONLY` and :data:`READS_ONLY_MODULES`) — with its size, ``mtime_ns`` and a BLAKE2b hash, plus graphmap's, rdflib's and
pyoxigraph's versions. A file whose size or mtime differs, or that was modified within
:data:`RACY_NS` of the fingerprint (its mtime cannot tell a later same-size edit), is
hashed again: the same content is still a hit (``touch`` or a fresh ``git checkout`` does
not rebuild), other content is a rebuild; an added or removed file is a rebuild. Files are
fingerprinted *before* they are read, so an edit during a build makes the next run rebuild.

What is written: ``graph.nt`` (the ingested triples as N-Triples, in the order the ingest
emits them and with each literal as written: the very text :func:`graphmap.build` loads its
store from, so the cached store and rdflib graph are those of a fresh build), ``ingest.json`` (rows and problems, read only when ``kg.ingest.rows`` or
``kg.ingest.problems`` is), ``support.json`` (the support layer, :mod:`graphmap.answers.support`,
derived at build time and read when an answer needs it), ``derived.json`` (the links the chains
follow and each link's confidence and sources, :func:`links`), ``lookups.json`` (the name index, the
labels and the rows of the map's state, :func:`lookups`: a support answer on a cache hit loads no
store) and ``manifest.json`` last, each atomically
(temporary file and rename). The manifest holds the size and CRC-32 of the others, so a cache that a killed
run left half-written, or that was damaged later, is rebuilt rather than trusted.

``kg.store`` is loaded from ``graph.nt`` and ``kg.validation`` computed from it when first read
(commands that answer from the layer read neither); ``kg.graph`` (rdflib) is built from ``graph.nt`` when first read.
Set ``GRAPHMAP_CACHE_LOG=1`` to have each decision printed on stderr.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import os
import sys
import time
import zlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from graphmap.i18n import t

FORMAT = 5  # 2: the support layer (support.json) is kept with the graph; 3: the name index, the labels
#             and the map state's rows (lookups.json), so that an answer from the layer loads no store;
#             4: each actor's roles in the layer; 5: the chains' links and their confidence, the rows
#             of the queries answered from rows derived once per build (derived.json), the sources'
#             web addresses (the layer's ``pages``, the mapping-state rows' ``url``)
#: parameterless queries every support answer and page asks (the state of the map), kept with the build
KEPT_QUERIES = ("report-counties", "mapping-sources", "mapping-state")
RACY_NS = 3_000_000_000  # mtime granularity is 2 s on some file systems; within this, hash
PACKAGE_DIR = Path(__file__).resolve().parent

# counters for tests and benchmarks (this process): how often open() hit, built, or fell back
stats = {"hit": 0, "built": 0, "memory": 0}


@dataclass
class CacheInfo:
    """What :func:`open` did: ``status`` is ``hit``, ``built`` (and written), ``memory`` (not
    cached: off, unwritable, or graph-file inputs); ``reason`` says why it did not hit."""

    status: str
    folder: Path | None = None
    reason: str = ""


def cache_root() -> Path | None:
    """The cache directory, or None when caching is off (``GRAPHMAP_CACHE_DIR=off``)."""
    env = os.environ.get("GRAPHMAP_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "no", "false") else Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "graphmap"


def untrusted(path: Path) -> tuple[str, str] | None:
    """Why the cache folder ``path`` is not to be trusted, if it exists: (path, ``symlink`` | ``owner`` |
    ``writable`` | ``not_folder``), else None. A cache is read only from a folder of this user's own,
    reached directly and writable by no one else (a shared ``GRAPHMAP_CACHE_DIR``: another user could
    plant answers there).

    >>> import tempfile; folder = Path(tempfile.mkdtemp()); (folder / "link").symlink_to(folder)
    >>> untrusted(folder), untrusted(folder / "link")[1], untrusted(folder / "none")
    (None, 'symlink', None)
    """
    import stat

    try:
        st = os.lstat(path)
    except OSError:  # not there (or a file in the way: writing fails later, and the build runs in memory)
        return None
    if stat.S_ISLNK(st.st_mode):
        return str(path), "symlink"
    if not stat.S_ISDIR(st.st_mode):
        return str(path), "not_folder"
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return str(path), "owner"
    if st.st_mode & 0o002:
        return str(path), "writable"
    return None


def _log(message: str) -> None:
    if os.environ.get("GRAPHMAP_CACHE_LOG"):
        print(f"graphmap cache: {message}", file=sys.stderr)


def _input_paths(paths) -> list[Path]:
    from graphmap.datasets import bundled_paths

    return [p.resolve() for p in (bundled_paths() if paths is None else [Path(p) for p in paths])]


def _folder_for(root: Path, inputs: list[Path]) -> Path:
    key = hashlib.blake2b(json.dumps([str(p) for p in inputs]).encode(), digest_size=10).hexdigest()
    return root / key


def _watched(inputs: list[Path]) -> list[Path]:
    """Every file the build depends on: input folders/files, reference data, ontology, code."""
    from graphmap.ontology import ONTOLOGY_DIR, REFERENCE_DIR

    out: list[Path] = []
    for top in [*inputs, Path(REFERENCE_DIR), Path(ONTOLOGY_DIR)]:
        if top.is_dir():
            out += _files_under(top)
        else:
            out.append(top)  # a workbook, or a missing path (recorded as missing)
    return out + _code_files()


def _files_under(top: Path, suffix: str = "") -> list[Path]:
    """Every file below ``top``, sorted (os.walk: ~5x faster than Path.rglob)."""
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found += [os.path.join(folder, f) for f in files if f.endswith(suffix)]
    return [Path(f) for f in sorted(found)]


def _code_files() -> list[Path]:
    """graphmap's source files that shape the built graph."""
    return [p for p in _files_under(PACKAGE_DIR, ".py") if _shapes_the_build(p.relative_to(PACKAGE_DIR))]


# graphmap's own code that only reads a built graph (answers, views, exports): editing it needs no
# rebuild. Everything else in the package — a new module too — is watched.
READS_ONLY = {"cli", "serve", "viz", "neo4j", "i18n", "queries", "templates", "report", "round"}
READS_ONLY_MODULES = {
    "analysis.py",
    "export.py",
    "labels.py",
    "ontology_export.py",
    "privacy.py",
    "region.py",
    "resolve.py",
    "synth.py",
    "__main__.py",
}


def _shapes_the_build(rel: Path) -> bool:
    return (
        "__pycache__" not in rel.parts
        and not (len(rel.parts) > 1 and rel.parts[0] in READS_ONLY)
        and not (len(rel.parts) == 1 and rel.name in READS_ONLY_MODULES)
    )


def _hash(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with builtins.open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _stat(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _versions() -> list:
    """The versions a cached build depends on: graphmap, rdflib, pyoxigraph, Python (as JSON keeps them)."""
    import pyoxigraph
    import rdflib

    from graphmap.version import __version__

    return [__version__, rdflib.__version__, pyoxigraph.__version__, list(sys.version_info[:2])]


def fingerprint(inputs: list[Path]) -> dict:
    """Size, mtime_ns and hash of every watched file (None for a missing one), and versions."""
    taken = time.time_ns()
    files = {}
    for path in _watched(inputs):
        st = _stat(path)
        files[str(path)] = None if st is None else [*st, _hash(path)]
    return {"format": FORMAT, "taken_ns": taken, "files": files, "versions": _versions()}


def _fresh(manifest: dict, inputs: list[Path]) -> tuple[bool, str, bool]:
    """(still valid, why not, worth refreshing the recorded stats) for a stored fingerprint."""
    fp = manifest["fingerprint"]
    if fp.get("format") != FORMAT or fp.get("versions") != _versions():
        return False, "another graphmap/rdflib/pyoxigraph/Python version", False
    recorded = fp["files"]
    watched = _watched(inputs)
    if [str(p) for p in watched] != list(recorded):
        return False, "files were added or removed", False
    racy_before = fp["taken_ns"] - RACY_NS
    refresh = False
    for path in watched:
        old = recorded[str(path)]
        st = _stat(path)
        if old is None or st is None:
            if old != st:
                return False, f"{path} appeared or disappeared", False
            continue
        if st == old[:2] and st[1] < racy_before:
            continue
        try:
            same = _hash(path) == old[2]
        except OSError:
            same = False
        if not same:
            return False, f"{path} changed", False
        refresh = True
    return True, "", refresh


def _crc(data: bytes) -> list[int]:
    return [len(data), zlib.crc32(data)]


class CachedIngest:
    """Stands in for :class:`~graphmap.ingest.IngestResult` when the graph comes from the cache:
    ``datasets`` at once; ``rows`` and ``problems`` from ``ingest.json`` when first read;
    ``graph`` and ``ntriples()`` from the store."""

    def __init__(self, ntriples: bytes, folder: Path, manifest: dict, paths):
        self._ntriples, self._folder, self._manifest, self._paths = ntriples, folder, manifest, paths
        self.datasets = list(manifest["datasets"])
        self.triple_count = manifest["triples"]
        self._detail: dict | None = None

    def _load(self) -> dict:
        if self._detail is None:
            from rdflib import URIRef

            from graphmap.problems import Problem

            try:
                data = (self._folder / "ingest.json").read_bytes()
                if _crc(data) != self._manifest["ingest"]:
                    raise ValueError("ingest.json does not match the manifest")
                raw = json.loads(data)
                self._detail = {
                    "rows": [(d, t, n, URIRef(i)) for d, t, n, i in raw["rows"]],
                    "problems": [Problem(**p) for p in raw["problems"]],
                }
            except (OSError, ValueError, TypeError, KeyError) as exc:  # damaged since open(): read the tables
                _log(f"ingest.json unreadable ({exc}); reading the tables")
                from graphmap.ingest import ingest

                result = ingest(self._paths)
                self._detail = {"rows": result.rows, "problems": result.problems}
        return self._detail

    @property
    def rows(self) -> list:
        return self._load()["rows"]

    @property
    def problems(self) -> list:
        return self._load()["problems"]

    @property
    def warnings(self) -> list:
        return [p for p in self.problems if p.severity == "warning"]

    @cached_property
    def graph(self):
        """The triples as an rdflib Graph, as the ingest made it: from the cached N-Triples (which
        keep each literal's lexical form; the store canonicalises some, e.g. "2.0"^^xsd:decimal)."""
        import pyoxigraph as ox
        from rdflib import Graph

        from graphmap.ingest.gcpause import paused_gc
        from graphmap.ontology import bind_prefixes
        from graphmap.terms import from_ox

        g = bind_prefixes(Graph())
        with paused_gc():
            g.addN(
                (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object), g)
                for t in ox.parse(self._ntriples, format=ox.RdfFormat.N_TRIPLES, lenient=True)
            )
        return g

    def ntriples(self, unique: bool = True) -> bytes:
        return self._ntriples


def _knowledge_graph_class():
    from graphmap.api import KnowledgeGraph

    class CachedKnowledgeGraph(KnowledgeGraph):
        """A KnowledgeGraph whose ``validation`` is computed when first read."""

        def __init__(self, store, ingest, lang: str, cache: CacheInfo):
            self._graph = None
            self.ingest = ingest
            if store is not None:  # else loaded from the cached N-Triples when first read
                self.__dict__["store"] = store
            self._lang = lang
            self.cache = cache

        @cached_property
        def store(self):
            from graphmap.store import Store

            return Store.from_ntriples(self.ingest.ntriples())

        def _kept(self, key: str, read):
            """``read`` of the file the manifest records under ``key`` (``support.json``,
            ``lookups.json``) on a cache hit; None when it is missing, damaged or not kept, and
            the answer is computed from the graph instead."""
            folder, manifest = self.cache.folder, getattr(self.ingest, "_manifest", None)
            if self.cache.status != "hit" or folder is None or manifest is None or key not in manifest:
                return None
            try:
                data = (folder / f"{key}.json").read_bytes()
                if _crc(data) == manifest[key]:
                    return read(data)
                _log(f"{key}.json does not match the manifest; computing it from the graph")
            except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
                _log(f"{key}.json unreadable ({exc}); computing it from the graph")
            return None

        @cached_property
        def _lookups(self) -> dict:
            """``lookups.json`` of a cache hit (names, labels, kept rows), or {} to compute them."""
            return self._kept("lookups", json.loads) or {}

        @cached_property
        def resolver(self):
            if "names" in self._lookups:
                from graphmap.resolve import Resolver

                return Resolver.from_json(self._lookups["names"])
            return KnowledgeGraph.resolver.func(self)

        @cached_property
        def labels(self):
            if "labels" in self._lookups:
                from graphmap.labels import Labels

                return Labels.from_json(self._lookups["labels"])
            return KnowledgeGraph.labels.func(self)

        def select(self, query, bound: dict) -> list[dict]:
            kept = self._lookups.get("rows", {})
            if not bound and query.name in kept:
                return _decoded(kept[query.name])
            return KnowledgeGraph.select(self, query, bound)

        @property
        def validation(self):
            if "_validation" not in self.__dict__:
                from graphmap.validate import row_index, validate_store

                self._validation = validate_store(self.store, self._lang, row_index(self.ingest.rows))
            return self._validation

        @validation.setter
        def validation(self, value):
            self._validation = value

        @cached_property
        def _derived(self) -> dict:
            """``derived.json`` of a cache hit (the chains' links and link records, the rows of
            :data:`graphmap.answers.graph.DERIVED_ROWS`), or {}."""
            return self._kept("derived", json.loads) or {}

        @cached_property
        def links(self):
            if "links" in self._derived:
                return self._derived["links"]
            return KnowledgeGraph.links.func(self)

        @cached_property
        def link_records(self):
            if "records" in self._derived:
                from graphmap.analysis import link_records_from_json

                return link_records_from_json(self._derived["records"])
            return KnowledgeGraph.link_records.func(self)

        @cached_property
        def derived_rows(self):
            if "rows" in self._derived:
                return {name: _decoded(rows) for name, rows in self._derived["rows"].items()}
            return KnowledgeGraph.derived_rows.func(self)

        @cached_property
        def support_layer(self):
            """The support layer kept with this build (``support.json``), read when first asked for;
            derived again only if the file is missing or damaged."""
            from graphmap.answers.support import SupportLayer

            layer = self._kept("support", SupportLayer.from_json)
            return layer if layer is not None else KnowledgeGraph.support_layer.func(self)

    return CachedKnowledgeGraph


def _decoded(rows: list[dict]) -> list[dict]:
    """Rows kept as JSON (:func:`graphmap.terms.encode`) as rows of terms; the rows repeat few
    values (~11,000 cells, ~600 distinct), so each term is made once."""
    from graphmap.terms import decode

    memo: dict = {}

    def term(item):
        key = None if item is None else tuple(item)
        if key not in memo:
            memo[key] = decode(item)
        return memo[key]

    return [{k: term(v) for k, v in row.items()} for row in rows]


def _read(folder: Path, inputs: list[Path]):
    """(manifest, None, N-Triples) from a valid cache folder (the store is loaded from them when a
    command first reads it), or (None, reason, None)."""
    try:
        manifest = json.loads((folder / "manifest.json").read_bytes())
        ok, reason, refresh = _fresh(manifest, inputs)
        if not ok:
            return None, reason, None
        if (folder / "ingest.json").stat().st_size != manifest["ingest"][0]:
            return None, "ingest.json is damaged", None
        data = (folder / "graph.nt").read_bytes()
        if _crc(data) != manifest["graph"]:
            return None, "graph.nt is damaged", None
        if "lookups" in manifest and (folder / "lookups.json").stat().st_size != manifest["lookups"][0]:
            return None, "lookups.json is damaged", None
    except FileNotFoundError:
        return None, "no cache yet", None
    except Exception as exc:  # a damaged cache of any kind is rebuilt, never fatal
        return None, f"unreadable cache ({type(exc).__name__}: {exc})", None
    if refresh:  # same content, new mtimes (touch, checkout): record them so the next run only stats
        try:
            manifest["fingerprint"] = fingerprint(inputs)
            _write_manifest(folder, manifest)
        except OSError:
            pass
    return manifest, None, data


def _write_manifest(folder: Path, manifest: dict) -> None:
    from graphmap.fileio import write_bytes_atomic

    write_bytes_atomic(folder / "manifest.json", json.dumps(manifest, ensure_ascii=False).encode(), private=True)


def _ingest(paths):
    """What :func:`graphmap.build` does with ``validate=False``, keeping the N-Triples the store
    is loaded from (serialising a million triples twice would cost seconds)."""
    from graphmap.ingest import ingest
    from graphmap.ingest.gcpause import paused_gc
    from graphmap.store import Store

    with paused_gc():
        result = ingest(None if paths is None else [Path(p) for p in paths])
        graph = result.ntriples(unique=False)  # emission order, literals as ingested; as build() loads
        store = Store.from_ntriples(graph)
    return result, store, graph


def lookups(kg) -> bytes:
    """What a command reads besides the support layer, computed at build time: the name index, the
    labels and the rows of :data:`KEPT_QUERIES`, as JSON (``lookups.json``)."""
    from graphmap.queries import find
    from graphmap.terms import encode

    rows = {
        name: [{k: encode(v) for k, v in row.items()} for row in kg.select(find(name), {})] for name in KEPT_QUERIES
    }
    return json.dumps(
        {"names": kg.resolver.to_json(), "labels": kg.labels.to_json(), "rows": rows}, ensure_ascii=False
    ).encode()


def derived(kg) -> bytes:
    """What the answers derive once per build besides the support layer, as JSON (``derived.json``):
    the links the chains follow (``kg.links``), each link's best confidence and sources
    (``kg.link_records``) and the rows of :data:`graphmap.answers.graph.DERIVED_ROWS`."""
    from graphmap.analysis import link_records_to_json
    from graphmap.terms import encode

    links = [{k: (v if isinstance(v, bool) or v is None else str(v)) for k, v in row.items()} for row in kg.links]
    rows = {name: [{k: encode(v) for k, v in row.items()} for row in kept] for name, kept in kg.derived_rows.items()}
    return json.dumps(
        {"links": links, "records": link_records_to_json(kg.link_records), "rows": rows}, ensure_ascii=False
    ).encode()


def _write(folder: Path, fp: dict, result, store, graph: bytes, layer: bytes, kept: bytes, derived_json: bytes) -> None:
    from dataclasses import fields

    from graphmap.fileio import write_bytes_atomic
    from graphmap.problems import Problem

    names = [f.name for f in fields(Problem)]  # as dataclasses.asdict, without its deep copies (~10x)
    detail = json.dumps(
        {
            "rows": [[d, t, n, str(i)] for d, t, n, i in result.rows],
            "problems": [{k: getattr(p, k) for k in names} for p in result.problems],
        },
        ensure_ascii=False,
        default=str,
    ).encode()
    manifest = {
        "fingerprint": fp,
        "datasets": list(result.datasets),
        "rows": len(result.rows),
        "triples": len(store),
        "graph": _crc(graph),
        "ingest": _crc(detail),
        "support": _crc(layer),
        "lookups": _crc(kept),
        "derived": _crc(derived_json),
    }
    try:  # a manifest left from before must not vouch for the new files while they are written
        (folder / "manifest.json").unlink()
    except FileNotFoundError:
        pass
    write_bytes_atomic(folder / "graph.nt", graph, private=True)  # the whole graph, personal data included
    write_bytes_atomic(folder / "ingest.json", detail, private=True)
    write_bytes_atomic(folder / "support.json", layer, private=True)
    write_bytes_atomic(folder / "lookups.json", kept, private=True)
    write_bytes_atomic(folder / "derived.json", derived_json, private=True)
    _write_manifest(folder, manifest)


def open(
    paths=None, *, lang: str = "sv", cache: bool = True
):  # named like builtins.open on purpose: graphmap.buildcache.open
    """The graph of ``paths`` (folders/workbooks; None = the bundled data), from the cache when
    the inputs are unchanged, else built from the tables (and cached).

    Same answers as :func:`graphmap.build`; raises :class:`graphmap.ingest.IngestError` on bad
    tables (nothing is cached then). Graph files (.ttl, .nt …) are loaded as by ``build``.
    ``cache=False`` builds in memory. ``kg.cache`` (a :class:`CacheInfo`) says what happened.
    """
    from graphmap import api

    if paths is not None and any(Path(p).suffix.lower() in api.GRAPH_SUFFIXES for p in paths):
        return api.build(paths, lang=lang)
    inputs = _input_paths(paths)
    root = cache_root() if cache else None
    cls = _knowledge_graph_class()
    if root is None:
        stats["memory"] += 1
        built = api.build(paths, validate=False, lang=lang)
        return cls(built.store, built.ingest, lang, CacheInfo("memory", None, "caching is off"))
    folder = _folder_for(root, inputs)
    why = untrusted(root) or untrusted(folder)
    if why:  # another user's folder, or a link to one: its answers could be anyone's
        stats["memory"] += 1
        print(t("error.cache_refused", lang, path=why[0], reason=t(f"error.cache_why_{why[1]}", lang)), file=sys.stderr)
        built = api.build(paths, validate=False, lang=lang)
        return cls(built.store, built.ingest, lang, CacheInfo("memory", folder, f"refused: {why[1]} ({why[0]})"))
    manifest, store, data = _read(folder, inputs)
    if manifest is not None:
        stats["hit"] += 1
        _log(f"hit {folder}")
        return cls(store, CachedIngest(data, folder, manifest, paths), lang, CacheInfo("hit", folder))
    reason = store
    fp = fingerprint(inputs)  # before the tables are read: an edit during the build shows next time
    result, store, graph = _ingest(paths)
    kg = cls(store, result, lang, CacheInfo("built", folder, reason))
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        _write(folder, fp, result, store, graph, kg.support_layer.to_json(), lookups(kg), derived(kg))  # at build time
    except OSError as exc:
        stats["memory"] += 1
        _log(f"cannot write {folder} ({exc}); built in memory")
        kg.cache = CacheInfo("memory", folder, f"cannot write: {exc}")
        return kg
    stats["built"] += 1
    _log(f"built {folder} ({reason})")
    return kg


def clear(paths=None) -> bool:
    """Remove the cache of ``paths`` (None = the bundled data); True if there was one."""
    root = cache_root()
    if root is None:
        return False
    folder = _folder_for(root, _input_paths(paths))
    found = False
    for name in ("manifest.json", "graph.nt", "ingest.json", "support.json", "lookups.json", "derived.json"):
        try:
            (folder / name).unlink()
            found = True
        except FileNotFoundError:
            pass
    return found
