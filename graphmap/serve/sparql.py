"""The read-only SPARQL 1.1 Protocol endpoint (``/sparql``) of ``graphmap serve``.

Choice: queries run in a small pool of worker *processes* (:mod:`graphmap.serve.sparql_worker`),
each with its own in-memory Oxigraph copy of the served graph (loaded from one N-Triples file
written at start). A pyoxigraph query cannot be interrupted from Python, so a query that runs
past the time limit is ended by killing its process, and a fresh worker takes its place: the
server stays responsive and nothing leaks. Compared with proxying to ``oxigraph
serve-read-only`` this needs no extra binary, the served graph is exactly the one the pages use
(personal data already removed), and the time limit really stops the work.

Protocol: GET ``?query=``, POST form ``query=``, POST ``application/sparql-query``; results as
SPARQL JSON / XML / CSV / TSV (SELECT, ASK) or Turtle / N-Triples / RDF/XML (CONSTRUCT,
DESCRIBE) by content negotiation (or ``format=json|xml|csv|tsv|turtle|nt``). Updates — an
``update=`` form field, ``application/sparql-update``, an update sent as a query, any request
to ``/sparql/update`` or ``/update`` — are refused with 403; the stores are only ever queried.
At most ``limit`` rows (triples) are returned; a cut result carries ``X-Result-Limit-Reached``.

Bounds against abuse (each a setting of ``graphmap serve``): a query (body, form field or URL
parameter) over ``query_bytes`` is refused with 413 before it is parsed; a query with
``SERVICE`` (federation: the server would send requests to any host for the caller) is refused
with 400 and never runs, and the workers cannot open sockets anyway (see
:mod:`graphmap.serve.sparql_worker`); an answer whose serialised size passes ``result_bytes``
is not sent: 503 with a message naming the bound (a row cannot be cut in half, so unlike the row
limit this is an error, not a shortened answer); a query nested deeper than :data:`MAX_DEPTH`
brackets is refused with 400 before a worker parses it (the parser recursed until the worker
crashed); the answers the server holds for its clients are bounded in total (``held_bytes``: an
answer that would pass it gets 503 busy) and sent in pieces (a client that does not read is dropped
by the server's send timeout, :mod:`graphmap.serve.server`, and its answer's memory released); a query that needs more than ``memory`` MB in
its worker makes the allocation fail, the worker ends, the client gets 503 and a fresh worker
takes its place — as for the time limit. All refusals are plain text in the request's language.

Concurrency: at most ``workers`` queries run (each in a thread of the pool's own limiter, never
one of the threads the pages use) and at most ``waiting`` more wait for a worker *asynchronously*
(no thread is held while waiting); a query beyond that is answered 503 with ``Retry-After`` at
once, and a waiting query whose client has left is dropped. A ``default-graph-uri`` or
``named-graph-uri`` that is no IRI is refused with 400 before it reaches a worker.

Lifetime: the workers die with the server, even a SIGKILLed one in the middle of a query
(:func:`graphmap.serve.sparql_worker.die_with_parent`; they are started from one long-lived
thread, as ``PR_SET_PDEATHSIG`` watches the starting thread). Their graph copy is a file with no
name on disk (:class:`GraphCopy`): created in an owner-only folder ``.graphmap-sparql.graphmap-tmp.<pid>.…``
that is removed at once, so a killed server leaves nothing; a folder that a crash in between left
is removed by the next start (:func:`graphmap.fileio.sweep_stale`).
"""

from __future__ import annotations

import json
import math
import os
import queue
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import anyio
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from graphmap.fileio import TMP_MARK, sweep_stale
from graphmap.i18n import t
from graphmap.problems import echo
from graphmap.serve.sparql_worker import graph_options

WORKER = Path(__file__).with_name("sparql_worker.py")
READ_ONLY = "SPARQL Update is not allowed: this endpoint is read-only.\n"
PREFIX = ".graphmap-sparql"  # the temporary folders of the graph copies: PREFIX.graphmap-tmp.<pid>.<random>.tmp


@dataclass
class Reply:
    status: int
    media_type: str
    body: bytes | bytearray
    headers: dict = field(default_factory=dict)
    error: str = ""  # a refusal to word in the user's language: service, result_size, memory, depth
    held: int = 0  # bytes of the pool's answer budget this reply holds until it is sent (QueryPool.release)


TEXT = "text/plain; charset=utf-8"


class GraphCopy:
    """The served graph as N-Triples for the workers, readable by this user's processes only.

    On Linux the file has no name on disk: it is made in an owner-only (0700) folder
    ``.graphmap-sparql.graphmap-tmp.<pid>.….tmp`` (graphmap's name for a temporary, see
    :data:`graphmap.fileio.TMP_MARK`), opened, and the file and folder removed at once; the workers
    read it through the open descriptor (``/proc/self/fd/N``), so a server killed at any moment
    leaves nothing behind. Elsewhere the folder stays until :meth:`close`. Either way the next
    start removes what a killed process left (:func:`graphmap.fileio.sweep_stale`).

    >>> copy = GraphCopy(b"<http://e/a> <http://e/b> <http://e/c> .\\n")
    >>> open(copy.path, "rb").read()[:12], copy.folder is None
    (b'<http://e/a>', True)
    >>> copy.close()
    """

    def __init__(self, data: bytes, folder: str | Path | None = None):
        folder = folder or tempfile.gettempdir()
        sweep_stale(folder)
        here = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{TMP_MARK}{os.getpid()}.", suffix=".tmp", dir=folder))
        path = here / "graph.nt"
        self.fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        if os.path.isdir(f"/proc/{os.getpid()}/fd"):
            os.unlink(path)
            os.rmdir(here)
            self.folder, self.path = None, f"/proc/self/fd/{self.fd}"
        else:
            self.folder, self.path = here, str(path)
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]

    def close(self) -> None:
        try:
            os.close(self.fd)
        except OSError:
            pass
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


class _Worker:
    def __init__(self, graph: GraphCopy, memory_mb: float = 0.0):
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), graph.path, str(memory_mb), str(os.getpid())],
            stdin=subprocess.PIPE,
            pass_fds=(graph.fd,),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
        )
        self.ready = False

    def _readline(self, deadline: float) -> bytes | None:
        fd = self.proc.stdout
        remaining = max(0.0, deadline - time.monotonic())
        readable, _w, _x = select.select([fd], [], [], remaining)
        if not readable:
            return None
        return fd.readline()

    def wait_ready(self, timeout: float) -> None:
        if not self.ready:
            line = self._readline(time.monotonic() + timeout)
            if line != b"ready\n":
                raise RuntimeError("SPARQL worker did not start")
            self.ready = True

    def ask(self, request: dict, timeout: float, max_length: int | None = None, reserve=None) -> Reply | None:
        """Send one request; the reply, or None when the time limit passed. ``reserve(size)`` (optional)
        says whether an answer of ``size`` bytes may be held; if not, it is read and dropped piecewise
        and the reply is a busy one."""
        self.proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
        line = self._readline(time.monotonic() + timeout)
        if line is None:
            return None
        if not line:
            raise EOFError("SPARQL worker ended")
        header = json.loads(line)
        size = header["length"]
        if max_length is not None and size > max_length:
            raise ValueError("SPARQL worker reply over the bound")
        if reserve is not None and size and not reserve(size):
            while size > 0:  # read past it without holding it
                chunk = self.proc.stdout.read(min(size, 1 << 16))
                if not chunk:
                    raise EOFError("SPARQL worker ended")
                size -= len(chunk)
            return Reply(503, TEXT, b"", error="busy")
        body = bytearray(size)  # read in place: no growing buffer, no second copy
        view, got = memoryview(body), 0
        while got < size:
            n = self.proc.stdout.readinto(view[got:])
            if not n:
                raise EOFError("SPARQL worker ended")
            got += n
        view.release()
        headers = {"X-Result-Limit-Reached": "true"} if header.get("truncated") else {}
        return Reply(
            header["status"],
            header["type"],
            body,
            headers,
            header.get("error", ""),
            held=size if reserve is not None else 0,
        )

    def died_of_memory(self) -> bool:
        """True when the process ended as a failed allocation ends it (abort, or MemoryError)."""
        try:
            code = self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return False
        return code in (-6, 134)  # SIGABRT: how Rust ends a process whose allocation failed

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


class QueryPool:
    """``workers`` SPARQL worker processes over one graph, with a per-query time limit, and at most
    ``waiting`` more queries waiting for one (:meth:`ask`).

    >>> from rdflib import Graph
    >>> pool = QueryPool(Graph(), workers=1, timeout=10)
    >>> bytes(pool.run({"query": "ASK { ?s ?p ?o }"}).body)
    b'{"head":{},"boolean":false}'
    >>> pool.run({"query": "ASK { SERVICE <http://127.0.0.1:8080/> { ?s ?p ?o } }"}).error
    'service'
    >>> from concurrent.futures import ThreadPoolExecutor  # its own thread: the caller may run a loop already
    >>> ThreadPoolExecutor(1).submit(anyio.run, pool.ask, {"query": "ASK { ?s ?p ?o }"}).result().status
    200
    >>> pool.close()
    """

    def __init__(
        self,
        graph,
        workers: int = 2,
        timeout: float = 10.0,
        limit: int = 10_000,
        start_timeout: float = 120.0,
        query_bytes: int = 100_000,
        result_bytes: int = 64_000_000,
        memory: float = 1024.0,
        waiting: int = 8,
        held_bytes: int = 256_000_000,
    ):
        self.timeout, self.limit, self.start_timeout = timeout, limit, start_timeout
        self.held_bytes, self.held = max(held_bytes, result_bytes), 0  # one answer of the largest size fits
        self.query_bytes, self.result_bytes, self.memory = query_bytes, result_bytes, memory
        self.workers, self.waiting = max(1, workers), max(0, waiting)
        self.graph = GraphCopy(graph.serialize(format="nt", encoding="utf-8"))
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        # PR_SET_PDEATHSIG ends a worker when the *thread* that started it ends: start them all
        # from one thread that lives as long as the pool
        self._starter = ThreadPoolExecutor(1, thread_name_prefix="graphmap-sparql-start")
        self._admitted = 0
        self._slots: anyio.Semaphore | None = None  # made in the event loop (see ask)
        self._threads: anyio.CapacityLimiter | None = None
        for _ in range(self.workers):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        worker = self._starter.submit(_Worker, self.graph, self.memory).result()
        with self._lock:
            self._all.add(worker)
        return worker

    def reserve(self, size: int) -> bool:
        """Take ``size`` bytes of the answers' budget (``held_bytes`` in total); False when it is spent."""
        with self._lock:
            if self.held + size > self.held_bytes:
                return False
            self.held += size
            return True

    def release(self, size: int) -> None:
        with self._lock:
            self.held -= size

    @property
    def retry_after(self) -> int:
        """Seconds after which a refused query may find a place: a running query ends by then."""
        return max(1, math.ceil(self.timeout))

    async def ask(self, request: dict, gone=None) -> Reply:
        """Run one protocol request from the event loop without holding any of its threads.

        At most ``workers`` requests run, each in a thread of the pool's own limiter; at most
        ``waiting`` more wait (asynchronously) for a place; beyond that, a busy reply (503,
        ``Retry-After``) at once. ``gone`` (async, optional) tells whether the client has left
        while its request waited; then the request is not run."""
        if self._slots is None:
            self._slots, self._threads = anyio.Semaphore(self.workers), anyio.CapacityLimiter(self.workers)
        if self._admitted >= self.workers + self.waiting:
            return Reply(503, TEXT, b"", {"Retry-After": str(self.retry_after)}, error="busy")
        self._admitted += 1
        try:
            async with self._slots:
                if gone is not None and await gone():
                    return Reply(503, TEXT, b"", {"Retry-After": str(self.retry_after)}, error="busy")
                return await anyio.to_thread.run_sync(self.run, request, limiter=self._threads)
        finally:
            self._admitted -= 1

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        if not self._closed:
            self._idle.put(self._spawn())

    def run(self, request: dict) -> Reply:
        """Run one protocol request (blocking; call it from a worker thread)."""
        request = {"limit": self.limit, "max_bytes": self.result_bytes, **request}
        try:
            worker = self._idle.get(timeout=self.timeout + self.start_timeout)
        except queue.Empty:
            return Reply(503, TEXT, b"All SPARQL workers are busy; try again.\n")
        try:
            worker.wait_ready(self.start_timeout)
            reply = worker.ask(request, self.timeout, max_length=self.result_bytes + 65_536, reserve=self.reserve)
        except EOFError:
            memory = worker.died_of_memory()
            self._retire(worker)
            if memory:
                return Reply(503, TEXT, b"", error="memory")
            return Reply(500, TEXT, b"The SPARQL worker failed; try again.\n")
        except (OSError, RuntimeError, ValueError):
            self._retire(worker)
            return Reply(500, TEXT, b"The SPARQL worker failed; try again.\n")
        if reply is None:
            self._retire(worker)
            return Reply(
                503,
                "text/plain; charset=utf-8",
                f"The query ran longer than the time limit ({self.timeout:g} s) and was stopped.\n".encode(),
            )
        if reply.error == "memory":  # a MemoryError in Python: start afresh all the same
            self._retire(worker)
        else:
            self._idle.put(worker)
        return reply

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
        self._starter.shutdown(wait=False)
        self.graph.close()


#: the deepest nesting of brackets ``( [ {`` a query may have; a deeper one is refused before it is parsed
MAX_DEPTH = 64
_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')  # SPARQL's IRIREF


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``( [ {`` in a query, outside strings, IRIs and comments; counted in one
    pass, before any parser sees it.

    >>> nesting_depth("SELECT * { ?s ?p ?o FILTER(?o = '{{{') } # ((((")
    2
    >>> nesting_depth("ASK " + "{ " * 500 + "}" * 500)
    500
    >>> nesting_depth("ASK { <http://e/#(> ?p ?o } # it's\\n" + "{" * 70 + "}" * 70 + " # '")
    70
    """
    depth = deepest = i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif c in ")]}":
            depth -= 1
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c == "<":
            iri = _IRI.match(text, i)  # stops at the next "<", so all of them are read once
            if iri:
                i = iri.end() - 1  # an IRI ("#" and brackets in it are its own); else a comparison
        elif c in "'\"":
            quote = text[i : i + 3] if text[i : i + 3] in ("'''", '"""') else c
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                i += 2 if text[i] == "\\" else 1
            i += len(quote) - 1
        i += 1
    return deepest


def _refused() -> Response:
    return PlainTextResponse(READ_ONLY, status_code=403)


def _mb(n: float) -> str:
    return f"{n / 1_000_000:g}"


def refusal_text(error: str, pool: "QueryPool", lang: str) -> str:
    """The message for a refusal the worker or the pool named (``service``, ``result_size``, ``memory``,
    ``busy``, ``row_limit``)."""
    if error == "row_limit":
        return t("serve.sparql.row_limit", lang, n=pool.limit) + "\n"
    if error == "result_size":
        return t("serve.sparql.result_size", lang, mb=_mb(pool.result_bytes)) + "\n"
    if error == "memory":
        return t("serve.sparql.memory", lang, mb=f"{pool.memory:g}") + "\n"
    if error == "busy":
        return t("serve.sparql.busy", lang, n=pool.workers + pool.waiting, seconds=pool.retry_after) + "\n"
    return t("serve.sparql.service", lang) + "\n"


async def _capped_body(request: Request, cap: int) -> bytes | None:
    """The request body, or None as soon as it passes ``cap`` bytes (nothing more is read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            return None
    request._body = bytes(body)  # request.form() parses this copy
    return request._body


async def _protocol_request(request: Request, cap: int = 100_000, lang: str = "sv") -> dict | Response:
    """Read a SPARQL Protocol query request into a dict, or answer it (403/400/413/415) right away."""
    params = request.query_params
    too_large = PlainTextResponse(
        t("serve.sparql.query_size", lang, n=f"{cap:,}".replace(",", " ")) + "\n", status_code=413
    )
    if len(request.url.query) > 3 * cap:  # percent-encoding triples a byte at most
        return too_large
    if request.method == "POST" and await _capped_body(request, 3 * cap + 4096) is None:
        return too_large
    if request.method == "GET":
        if "update" in params:
            return _refused()
        text = params.get("query")
        source = params
    elif request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return _refused()
        if ctype == "application/x-www-form-urlencoded" or ctype == "multipart/form-data":
            form = await request.form()
            if "update" in form or "update" in params:
                return _refused()
            text, source = form.get("query"), form
        elif ctype == "application/sparql-query":
            if "update" in params:
                return _refused()
            text, source = (await request.body()).decode("utf-8", "replace"), params
        else:
            return PlainTextResponse(
                "Unsupported content type; use application/sparql-query or a form.\n", status_code=415
            )
    else:
        return PlainTextResponse("Method not allowed.\n", status_code=405, headers={"Allow": "GET, POST"})
    if not text or not str(text).strip():
        return PlainTextResponse("Missing the query parameter.\n", status_code=400)
    if len(str(text).encode("utf-8")) > cap:
        return too_large
    if nesting_depth(str(text)) > MAX_DEPTH:
        return PlainTextResponse(t("serve.sparql.depth", lang, n=MAX_DEPTH) + "\n", status_code=400)
    graphs = {
        key: [str(v) for v in source.getlist(param)]
        for key, param in (("default_graph", "default-graph-uri"), ("named_graph", "named-graph-uri"))
    }
    try:
        graph_options(graphs["default_graph"], graphs["named_graph"])
    except ValueError as exc:
        param, value = exc.args
        return PlainTextResponse(
            t("serve.sparql.graph_iri", lang, param=param, value=echo(value)) + "\n", status_code=400
        )
    return {
        "query": str(text),
        "accept": request.headers.get("accept", ""),
        "format": params.get("format") or params.get("output") or None,
        **graphs,
    }


def endpoint(pool_of, lang_of=lambda request: "sv"):
    """The ``/sparql`` handler; ``pool_of(request)`` returns the app's :class:`QueryPool`,
    ``lang_of(request)`` the language of its messages."""

    async def sparql(request: Request) -> Response:
        pool, lang = pool_of(request), lang_of(request)
        parsed = await _protocol_request(request, pool.query_bytes, lang)
        if isinstance(parsed, Response):
            return parsed
        reply = await pool.ask(parsed, request.is_disconnected)
        if reply.error:
            reply.body = refusal_text(reply.error, pool, lang).encode("utf-8")
        media = reply.media_type
        if media.startswith("text/") and "charset" not in media:
            media += "; charset=utf-8"
        headers = {"Cache-Control": "no-store", "Vary": "Accept", **reply.headers}
        return HeldResponse(reply, pool, status_code=reply.status, media_type=media, headers=headers)

    return sparql


class HeldResponse(Response):
    """An answer sent in pieces of 64 KB (each waits until the client has room for it; one that stops
    reading is dropped by the server's send timeout), its bytes released from the pool's budget once
    sent or dropped."""

    PIECE = 1 << 16

    def __init__(self, reply: Reply, pool: QueryPool, status_code: int, media_type: str, headers: dict):
        self.status_code, self.media_type, self.background = status_code, media_type, None
        self.body = reply.body  # bytes, or the worker's bytearray as read: never copied whole
        self.init_headers(headers)
        self.held, self.pool = reply.held, pool

    async def __call__(self, scope, receive, send) -> None:
        try:
            await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
            body = memoryview(self.body)
            for start in range(0, len(body), self.PIECE) if len(body) else ():
                await send(
                    {
                        "type": "http.response.body",
                        "body": bytes(body[start : start + self.PIECE]),
                        "more_body": start + self.PIECE < len(body),
                    }
                )
            if not len(body):
                await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            self.body = b""
            if self.held:
                self.pool.release(self.held)
                self.held = 0


async def update_refused(request: Request) -> Response:
    """Any request to an update endpoint: refused, nothing changes."""
    return _refused()
