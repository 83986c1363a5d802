"""One SPARQL worker process: a read-only copy of the served graph in its own Oxigraph store.

Run as a script (``python sparql_worker.py graph.nt``) by :mod:`graphmap.serve.sparql`; it
imports nothing but pyoxigraph so it starts in a few tens of milliseconds. The parent kills
the process when a query runs past its time limit (a pyoxigraph query cannot be interrupted
from Python) and starts a fresh one.

Protocol on stdin/stdout: the worker writes ``ready\\n`` once the graph is loaded, then for
every request line (JSON: query, accept, format, limit, max_bytes, default_graph, named_graph)
it writes one JSON header line (status, type, truncated, error, length) followed by ``length``
body bytes; ``error`` names a refusal the parent words in the user's language (``service``,
``result_size``, ``memory``). The store is only ever queried (``Store.query`` cannot run
updates), so nothing a client sends can change it.

Nothing leaves the process: Oxigraph evaluates ``SERVICE`` by sending the query over HTTP to any
host (a request forgery and a port oracle), so a query with a ``SERVICE`` keyword is refused
before it runs (:func:`federated`), and once the graph is loaded the process may not create a
socket at all (a seccomp filter on Linux, :func:`forbid_sockets`). ``FROM`` / ``FROM NAMED`` /
``default-graph-uri`` / ``named-graph-uri`` only name graphs of the store (Oxigraph loads
nothing for them) and ``LOAD`` is an update (403). Memory: the process's address space is
capped (``RLIMIT_AS``, the loaded size plus ``memory`` MB from the command line); a query that
needs more fails to allocate, the process ends, and the parent answers 503 and starts a fresh
one. The serialised answer is counted while it is built and cut at ``max_bytes``.

The process never outlives its server (:func:`die_with_parent`): the kernel kills it when the
thread that started it ends (``PR_SET_PDEATHSIG``), and a watchdog thread ends it when its parent
process is gone (a pyoxigraph query releases the GIL, so the watchdog runs mid-query). The graph
comes as an open file (``/proc/self/fd/N``) that has no name on disk, so nothing is left behind.
It runs at a lower CPU priority (:data:`NICE`), so that queries running flat out leave the
pages of the server their share of the processor.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "solutions")
'application/sparql-results+xml'
>>> negotiate("*/*", "triples")
'text/turtle'
>>> looks_like_update("PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b ex:c }")
True
>>> federated("select * { ?s ?p ?o .service<http://h/>{?s ?p ?o} }"), federated("SELECT * { SERVICE ?x {} }")
(True, True)
>>> federated('PREFIX e: <http://e/service> SELECT ?service { ?myservice e:service "SERVICE" } # SERVICE')
False
>>> federated("PREFIX ex: <http://h/> SELECT * { ?s ?p 1SERVICEex:x { ?s ?p ?o } }")
True
"""

from __future__ import annotations

import ctypes
import json
import os
import platform
import re
import resource
import signal
import struct
import sys
import threading
import time

import pyoxigraph as ox

RESULT_TYPES = {  # media type -> pyoxigraph results format (SELECT / ASK)
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {  # media type -> RDF format (CONSTRUCT / DESCRIBE)
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
SHORT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
}
DEFAULT = {
    "solutions": "application/sparql-results+json",
    "boolean": "application/sparql-results+json",
    "triples": "text/turtle",
}
UPDATE_WORDS = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*|#[^\n]*\n\s*)*", re.IGNORECASE)


# Everything that can hide the word SERVICE from the keyword scan: comments, the four kinds of
# string, IRIs, and backslash escapes of prefixed names (``ex:a\\'`` must not open a string).
# An unterminated string or IRI matches nothing here, so the scan sees more text, never less.
_HIDING = re.compile(
    "|".join(
        [
            r"'''(?:[^'\\]|\\.|'(?!''))*'''",  # '''long'''
            r'"""(?:[^"\\]|\\.|"(?!""))*"""',  # """long"""
            r"'(?:[^'\\\n\r]|\\.)*'",  # 'short'
            r'"(?:[^"\\\n\r]|\\.)*"',  # "short"
            r'<[^<>"{}|^`\\\x00-\x20]*>',  # <iri>
            r"\\.",  # a backslash escape
            r"#[^\n\r]*",  # a comment
            r"[?$][A-Za-z0-9_]+",  # a variable (Oxigraph's names are never shorter)
        ]
    )
)
# Oxigraph's parser needs no word boundary around a keyword (``SERVICEex:x {…}`` and
# ``SERVICESILENT<…>`` are federated), so every "service" left counts unless it ends a prefix
# (``ex:service``, ``_:service``: the local name runs on greedily).
_SERVICE = re.compile(r"(?<!:)service", re.IGNORECASE)


def federated(text: str) -> bool:
    """True when the query may contain the ``SERVICE`` keyword (outside comments, strings, IRIs,
    variables and local names). Errs on the side of True: ``ex:myService`` or ``service:x``
    count too, a federated query never passes."""
    return bool(_SERVICE.search(_HIDING.sub(" ", text)))


# seccomp: the worker talks to its parent over inherited pipes only, so socket() is refused.
_ARCH = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}  # AUDIT_ARCH_*, __NR_socket


def forbid_sockets() -> bool:
    """Forbid creating sockets in this process from now on (Linux x86-64/arm64); True when done."""
    arch = _ARCH.get(platform.machine())
    if arch is None or not sys.platform.startswith("linux"):
        return False
    audit_arch, nr_socket = arch
    eperm, allow = 0x00050000 | 1, 0x7FFF0000  # SECCOMP_RET_ERRNO | EPERM, SECCOMP_RET_ALLOW
    program = [
        (0x20, 0, 0, 4),  # ld  [arch]
        (0x15, 0, 3, audit_arch),  # jeq arch ? next : allow
        (0x20, 0, 0, 0),  # ld  [nr]
        (0x15, 0, 1, nr_socket),  # jeq socket ? deny : allow
        (0x06, 0, 0, eperm),  # ret EPERM
        (0x06, 0, 0, allow),
    ]  # ret ALLOW
    filters = ctypes.create_string_buffer(b"".join(struct.pack("HBBI", *op) for op in program))
    fprog = struct.pack("HL", len(program), ctypes.addressof(filters))
    prog = ctypes.create_string_buffer(fprog)
    if _prctl(38, 1) != 0:  # PR_SET_NO_NEW_PRIVS
        return False
    return _prctl(22, 2, ctypes.cast(prog, ctypes.c_void_p)) == 0  # PR_SET_SECCOMP, FILTER


def _prctl(option: int, arg: int, pointer=None) -> int:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    return libc.prctl(option, arg, pointer, 0, 0)


def die_with_parent(parent: int) -> None:
    """End this process as soon as ``parent`` (the server) is gone, even in the middle of a query.

    On Linux the kernel sends SIGKILL when the parent's thread that started this process ends
    (``PR_SET_PDEATHSIG``); everywhere a watchdog thread checks the parent every 0.2 s (call
    :func:`watch_parent` once the sandbox is in place)."""
    if sys.platform.startswith("linux"):
        _prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def watch_parent(parent: int, every: float = 0.2) -> threading.Thread:
    """A daemon thread that ends the process when its parent process is no longer ``parent``."""

    def watch():
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    thread = threading.Thread(target=watch, name="parent-watchdog", daemon=True)
    thread.start()
    return thread


def cap_memory(budget_mb: float) -> None:
    """Cap the address space at what is mapped now plus ``budget_mb`` MB (0: no cap)."""
    if budget_mb <= 0:
        return
    with open(f"/proc/{os.getpid()}/status") as fh:
        size_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:"))
    limit = size_kb * 1024 + int(budget_mb * 1024 * 1024)
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


class ResultTooLarge(Exception):
    pass


def looks_like_update(text: str) -> bool:
    """True when the text (after its PREFIX/BASE prologue and comments) starts like a SPARQL Update."""
    return bool(UPDATE_WORDS.match(text[PROLOGUE.match(text).end() :]))


def accepted(accept: str | None) -> list[str]:
    """The media types of an Accept header, most wanted first (q=0 left out).

    >>> accepted("text/html;q=0.5, text/turtle, */*;q=0")
    ['text/turtle', 'text/html']
    """
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            key, _, value = p.strip().partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, media.strip().lower()))
    return [media for _q, _i, media in sorted(ranked)]


def negotiate(accept: str | None, kind: str, fmt: str | None = None) -> str:
    """Pick the response media type for a result ``kind`` (solutions, boolean, triples)."""
    table = GRAPH_TYPES if kind == "triples" else RESULT_TYPES
    if fmt:
        wanted = SHORT.get(fmt.lower(), fmt.lower())
        if wanted in table:
            return wanted
    for media in accepted(accept):
        if media in table:
            return media
    return DEFAULT[kind]


# the pages share the machine with the queries: a worker yields the CPU to the server (CFS gives a
# nice-10 process about a tenth of the share of a nice-0 one while both want it)
NICE = 10


def _term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {"subject": _term(term.subject), "predicate": _term(term.predicate), "object": _term(term.object)},
        }
    raise TypeError(repr(term))


def _refusal(status: int, error: str) -> tuple[dict, bytes]:
    return {"status": status, "type": "text/plain; charset=utf-8", "error": error}, b""


def run(store: ox.Store, req: dict) -> tuple[dict, bytes]:
    """Run one request; return the reply header and body. Never raises (but MemoryError)."""
    text, limit = req["query"], int(req.get("limit") or 10_000)
    max_bytes = int(req.get("max_bytes") or 0) or sys.maxsize
    if federated(text):
        return _refusal(400, "service")
    try:
        options = graph_options(req.get("default_graph"), req.get("named_graph"))
        result = store.query(text, **options)
    except SyntaxError as exc:
        if looks_like_update(text):
            return {
                "status": 403,
                "type": "text/plain; charset=utf-8",
            }, b"SPARQL Update is not allowed: this endpoint is read-only.\n"
        return {"status": 400, "type": "text/plain; charset=utf-8"}, f"Query syntax error: {exc}\n".encode()
    except (ValueError, OSError, RuntimeError) as exc:
        return {"status": 400, "type": "text/plain; charset=utf-8"}, f"Query error: {exc}\n".encode()
    try:
        header, body = _serialise(result, req, limit, max_bytes)
        if header.get("truncated"):  # refused, not cut: a cut answer looks whole to a standard client
            return _refusal(422, "row_limit")
        if len(body) > max_bytes:
            raise ResultTooLarge
        return header, body
    except ResultTooLarge:
        return _refusal(503, "result_size")
    except (ValueError, OSError, RuntimeError, SyntaxError) as exc:
        return {"status": 500, "type": "text/plain; charset=utf-8"}, f"Query evaluation error: {exc}\n".encode()


def graph_options(default_graph=(), named_graph=()) -> dict:
    """``Store.query`` options for the protocol's graph IRIs; ValueError names a value that is no IRI.

    >>> graph_options(["http://e/g"])
    {'default_graph': [<NamedNode value=http://e/g>]}
    >>> graph_options([], ["not an iri"])
    Traceback (most recent call last):
    ValueError: ('named-graph-uri', 'not an iri')
    """
    options = {}
    for key, param, values in (
        ("default_graph", "default-graph-uri", default_graph),
        ("named_graphs", "named-graph-uri", named_graph),
    ):
        nodes = []
        for value in values or ():
            try:
                nodes.append(ox.NamedNode(value))
            except (ValueError, TypeError):
                raise ValueError(param, value) from None
        if nodes:
            options[key] = nodes
    return options


def _size(term) -> int:
    """Roughly the bytes ``term`` adds to a serialised answer (at least its value's length)."""
    if isinstance(term, ox.Triple):
        return _size(term.subject) + _size(term.predicate) + _size(term.object)
    if isinstance(term, ox.Literal):
        return len(term.value) + len(term.language or term.datatype.value) + 16
    return len(term.value) + 16


def _serialise(result, req: dict, limit: int, max_bytes: int = sys.maxsize) -> tuple[dict, bytes]:
    truncated, size = False, 0
    if isinstance(result, ox.QueryBoolean):
        media = negotiate(req.get("accept"), "boolean", req.get("format"))
        return {"status": 200, "type": media}, result.serialize(format=RESULT_TYPES[media])
    if isinstance(result, ox.QueryTriples):
        media = negotiate(req.get("accept"), "triples", req.get("format"))
        triples = []
        for triple in result:
            if len(triples) == limit:
                truncated = True
                break
            size += _size(triple)
            if size > max_bytes:
                raise ResultTooLarge
            triples.append(triple)
        body = ox.serialize(triples, format=GRAPH_TYPES[media]) or b""
        return {"status": 200, "type": media, "truncated": truncated}, body
    media = negotiate(req.get("accept"), "solutions", req.get("format"))
    names = [v.value for v in result.variables]
    bindings = []
    for solution in result:
        if len(bindings) == limit:
            truncated = True
            break
        row = {n: solution[n] for n in names if solution[n] is not None}
        size += sum(len(n) + _size(term) for n, term in row.items())
        if size > max_bytes:
            raise ResultTooLarge
        bindings.append({n: _term(term) for n, term in row.items()})
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode("utf-8")
    fmt = RESULT_TYPES[media]
    if fmt != ox.QueryResultsFormat.JSON:
        body = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=fmt)
    return {"status": 200, "type": media, "truncated": truncated}, body


def main(path: str, memory_mb: float = 0.0, parent: int = 0) -> None:
    if parent:
        die_with_parent(parent)
    os.nice(NICE)
    store = ox.Store()
    store.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES)
    forbid_sockets()
    cap_memory(memory_mb)
    if parent:
        watch_parent(parent)
    out = sys.stdout.buffer
    out.write(b"ready\n")
    out.flush()
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        try:
            header, body = run(store, json.loads(line))
        except MemoryError:
            header, body = _refusal(503, "memory")
        except Exception as exc:  # whatever a request does, the worker answers and lives on
            header, body = {"status": 500, "type": "text/plain; charset=utf-8"}, f"Query failed: {exc}\n".encode()
        header["length"] = len(body)
        out.write(json.dumps(header).encode("utf-8") + b"\n" + body)
        out.flush()


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0.0, int(sys.argv[3]) if len(sys.argv) > 3 else 0)
