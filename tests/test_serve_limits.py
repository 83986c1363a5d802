"""Attacks on the edges of ``graphmap serve``, against the real server (``python -m graphmap serve``
in its own process on a free loopback port), measured from outside: status codes, headers, the
server's memory (``/proc/<pid>/status``), its worker processes and its temporary folder.

1. Saturation: more heavy SPARQL queries than anyio has threads (40) froze every page, because
   a waiting query held a thread the pages need. Pages must answer while the queries run, and a
   query beyond the bound must get 503 with ``Retry-After`` at once.
2. The map cache was keyed on the raw spelling: case variants of one area each kept a copy of
   the map. One map must be kept, and distinct maps only up to the cache's byte bound.
3. An invalid ``default-graph-uri`` / ``named-graph-uri`` killed a SPARQL worker (500).
4. Workers outlived a SIGKILLed server at full CPU and left its graph copy in the temporary folder.
5. Security headers were missing on ``/sparql``, static files and error responses.
6. A half-open connection (nothing, or a request head sent a byte at a time) was held forever.

Every loop is bounded in count, every wait by a generous guard; nothing asserts a duration.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil
import pytest

from graphmap.fileio import TMP_MARK
from graphmap.i18n import t
from helpers import Server

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

ROOT = Path(__file__).resolve().parent.parent
MARK = "graphmap-sparql"  # in the name of every graph copy, old (graphmap-sparql-*.nt) or new
# a query that streams for ever with next to no memory: it runs until the time limit stops it
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT = 6  # --sparql-timeout of the saturation server (s)
QUEUE = 44  # --sparql-queue: with one worker, 45 queries are admitted, more than anyio's 40 threads
READ_TIMEOUT = 2  # --read-timeout (s)
CACHE_MB = 8  # --cache-mb


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = Server(
        tmp_path_factory.mktemp("serve-tmp"),
        "--sparql-workers",
        "1",
        "--sparql-timeout",
        str(TIMEOUT),
        "--sparql-queue",
        str(QUEUE),
        "--read-timeout",
        str(READ_TIMEOUT),
        "--cache-mb",
        str(CACHE_MB),
    )
    yield live
    live.stop()


def wait_until_idle(url: str) -> None:
    """Until a small query answers again (the heavy ones were ended by the time limit)."""
    with httpx.Client(timeout=120) as http:
        for _ in range(60):
            if http.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200:
                return
            time.sleep(1)
    raise AssertionError("the SPARQL endpoint stayed busy")


# ---- 1. saturation ------------------------------------------------------------------------------

PAGES = ["/", "/stod?area=funktionshinder&municipality=Umeå", "/aktor/fou-nu", "/fragor", "/static/app.css"]


def busy(reply: httpx.Response) -> bool:
    return reply.status_code == 503 and "Retry-After" in reply.headers


async def saturate(url: str, admitted: int, beyond: int) -> list[tuple[str, str, httpx.Response]]:
    """Send ``admitted`` heavy queries (Swedish), then ``beyond`` more (English), then every page while
    they run: (kind, language, reply) of what had finished, in order, when the last page answered."""
    done: list[tuple[str, str, httpx.Response]] = []
    limits = httpx.Limits(max_connections=admitted + beyond + 20, max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as client:

        async def ask(i, lang):
            reply = await client.get("/sparql", params={"query": HEAVY + f" # {i}", "lang": lang})
            done.append(("sparql", lang, reply))

        async def page(path):
            done.append((path, "sv", await client.get(path)))

        queries = [asyncio.create_task(ask(i, "sv")) for i in range(admitted)]
        await asyncio.sleep(0.5)
        queries += [asyncio.create_task(ask(i, "en")) for i in range(beyond)]
        for _ in range(200):  # the refusals come back at once (guard: 10 s); the admitted queries run on
            if sum(busy(r) for _kind, _lang, r in done) >= beyond:
                break
            await asyncio.sleep(0.05)
        await asyncio.gather(*(page(p) for p in PAGES))
        snapshot = list(done)
        for q in queries:
            q.cancel()  # the clients leave: the waiting queries must not run for nobody
        await asyncio.gather(*queries, return_exceptions=True)
    return snapshot


def test_pages_answer_while_sparql_is_saturated_and_a_query_beyond_the_bound_gets_503(server):
    # 45 admitted (1 running, 44 waiting: more than anyio's 40 threads), 3 beyond the bound
    # in a thread of its own: a browser test earlier in this worker may leave Playwright's event loop
    # running in the main thread, where asyncio.run refuses to start another
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        done = pool.submit(asyncio.run, saturate(server.url, QUEUE + 1, 3)).result()
    pages = sorted((kind, r.status_code) for kind, _lang, r in done if kind != "sparql")
    refused = [(lang, r) for kind, lang, r in done if kind == "sparql" and busy(r)]
    finished = [r.status_code for kind, _lang, r in done if kind == "sparql" and not busy(r)]
    assert pages == sorted((p, 200) for p in PAGES)
    assert finished == []  # every page answered while the admitted queries were still running or waiting
    assert len(refused) == 3
    for lang, reply in refused:
        assert int(reply.headers["Retry-After"]) == TIMEOUT
        assert reply.text.strip() == t("serve.sparql.busy", lang, n=QUEUE + 1, seconds=TIMEOUT)
    wait_until_idle(server.url)


# ---- 2. the map cache ---------------------------------------------------------------------------


def variants(word: str, n: int) -> list[str]:
    """``n`` distinct case spellings of ``word``."""
    out = []
    for i in range(n):
        out.append("".join(c.upper() if i >> k & 1 else c for k, c in enumerate(word)))
    return out


def test_case_variants_of_one_area_share_one_cached_map(server):
    with httpx.Client(timeout=60) as http:
        first = http.get(server.url + "/karta/visa", params={"area": "funktionshinder"})
        assert first.status_code == 200 and len(first.content) > 200_000
        before = server.rss_mb()
        for spelling in variants("funktionshinder", 120):
            reply = http.get(server.url + "/karta/visa", params={"area": spelling})
            assert reply.status_code == 200 and reply.content == first.content
        grown = server.rss_mb() - before
    assert grown < 40, f"120 spellings of one area grew the server by {grown:.0f} MB"


COUNTIES = [
    "01",
    "03",
    "04",
    "05",
    "06",
    "07",
    "08",
    "09",
    "10",
    "12",
    "13",
    "14",
    "17",
    "18",
    "19",
    "20",
    "21",
    "22",
    "23",
    "24",
    "25",
]
ACTORS = [
    "fou-nu",
    "fou-socialtjanst-vasterbotten",
    "fou-socialtjanst-fyrbodal",
    "fourum-jonkoping",
    "fyrbodals-kommunalforbund",
    "region-vasterbotten",
    "region-stockholm",
    "skr",
]


@pytest.mark.slow  # a server drawing maps until its cache is full: 55-94 s (wall time, 2 workers, busy machine)
def test_distinct_maps_are_kept_only_up_to_the_cache_bound(server):
    from graphmap.vocab import vocabularies

    areas = [c.notation for c in vocabularies().concepts("area")]
    requests = (
        [{"focus": a, "depth": d} for a in ACTORS for d in (1, 2, 3)]
        + [{"area": a} for a in areas]
        + [{"county": c} for c in COUNTIES]
    )
    requests = [{**r, "lang": lang} for r in requests for lang in ("sv", "en")]
    with httpx.Client(timeout=60) as http:
        assert http.get(server.url + "/karta/visa", params=requests[0]).status_code == 200
        before = server.rss_mb()
        sizes = []
        for params in requests:
            reply = http.get(server.url + "/karta/visa", params=params)
            assert reply.status_code == 200
            sizes.append(len(reply.content))
        grown = server.rss_mb() - before
    assert sum(sizes) > 8 * CACHE_MB * 1_000_000  # the maps asked for are far more than the bound
    assert grown < 2 * CACHE_MB + 24, (
        f"{len(requests)} maps ({sum(sizes) / 1e6:.0f} MB) grew the server by {grown:.0f} MB"
    )


# ---- 3. graph IRIs ------------------------------------------------------------------------------


@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("value", ["not an iri", "http://e/a b", "<>", "http://e/\u0000"])
def test_an_invalid_graph_iri_is_400_and_the_worker_lives(server, param, value):
    pids = sorted(p.pid for p in server.workers())
    with httpx.Client(timeout=60) as http:
        reply = http.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }", param: value})
        form = http.post(server.url + "/sparql", data={"query": "ASK { ?s ?p ?o }", param: value})
        fine = http.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert reply.status_code == 400 and form.status_code == 400, reply.text
    assert param in reply.text
    assert fine.status_code == 200 and fine.json()["boolean"] is True
    assert sorted(p.pid for p in server.workers()) == pids


# ---- 4. workers die with the server, and leave nothing behind -----------------------------------


def copies(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.iterdir() if MARK in p.name)


@pytest.mark.slow  # a server and its workers killed: 22 s (wall time, 2 workers, busy machine)
def test_workers_die_with_a_killed_server_and_leave_no_graph_copy(tmp_path):
    live = Server(tmp_path, "--sparql-workers", "2", "--sparql-timeout", "600")
    workers = live.workers()
    assert len(workers) == 2
    stray = []
    try:

        def heavy():
            try:
                httpx.get(live.url + "/sparql", params={"query": HEAVY}, timeout=30)
            except httpx.TransportError:
                pass

        for _ in range(2):
            threading.Thread(target=heavy, daemon=True).start()
        for _ in range(200):  # until both workers are busy with the query
            if all(w.cpu_times().user > 0.3 for w in workers):
                break
            time.sleep(0.05)
        os.kill(live.proc.pid, signal.SIGKILL)
        live.proc.wait(30)
        gone, stray = psutil.wait_procs(workers, timeout=20)
        assert stray == [], [w.pid for w in stray]
        assert copies(tmp_path) == []
    finally:
        for w in stray:
            w.kill()
        live.stop()


@pytest.mark.slow  # three servers started and killed: 26 s (wall time, 2 workers, busy machine)
def test_the_next_start_removes_copies_that_a_killed_server_left(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".{MARK}{TMP_MARK}{dead.pid}.x1.tmp"
    stale.mkdir(mode=0o700)
    (stale / "graph.nt").write_text("<http://e/a> <http://e/b> <http://e/c> .\n")
    alive = tmp_path / f".{MARK}{TMP_MARK}{os.getpid()}.x2.tmp"  # a running server's copy stays
    alive.mkdir(mode=0o700)
    live = Server(tmp_path, "--sparql-workers", "1")
    try:
        assert copies(tmp_path) == [alive.name]
    finally:
        live.stop()
    assert copies(tmp_path) == [alive.name]


# ---- 5. security headers ------------------------------------------------------------------------

SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options")


def test_every_response_carries_the_security_headers(server):
    with httpx.Client(timeout=60, base_url=server.url) as http:
        replies = {
            "sparql 200": http.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}),
            "sparql 400": http.get("/sparql", params={"query": "SELEKT"}),
            "sparql 403": http.post("/sparql", data={"update": "DROP ALL"}),
            "sparql 413": http.post(
                "/sparql", content=b"#" * 400_000, headers={"Content-Type": "application/sparql-query"}
            ),
            "sparql 405": http.put("/sparql", content=b"x"),
            "sparql 415": http.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"}),
            "static": http.get("/static/app.css"),
            "static 404": http.get("/static/nothing.css"),
            "favicon": http.get("/favicon.ico"),
            "page 404": http.get("/no/such/page"),
            "search api": http.get("/api/sok", params={"q": "fou"}),
            "csv": http.get("/fraga/coverage.csv", params={"municipality": "Umeå"}),
            "csv 400": http.get("/fraga/coverage.csv", params={"municipality": "Ingenstans"}),
            "map": http.get("/karta/visa"),
            "start": http.get("/"),
        }
    statuses = {name: r.status_code for name, r in replies.items()}
    assert statuses["sparql 413"] == 413 and statuses["sparql 405"] == 405 and statuses["page 404"] == 404
    missing = {name: [h for h in SECURITY if h not in r.headers] for name, r in replies.items()}
    assert {name: m for name, m in missing.items() if m} == {}, statuses
    for name, r in replies.items():
        assert r.headers["X-Content-Type-Options"] == "nosniff", name
        assert "frame-ancestors 'self'" in r.headers["Content-Security-Policy"], name
    # the map keeps its own policy (its inline scripts by hash) and adds what a <meta> cannot say
    assert "sha256-" in replies["map"].headers["Content-Security-Policy"]


# ---- 6. half-open connections -------------------------------------------------------------------


def closed_by_server(sock: socket.socket, guard: float = 30.0) -> bool:
    """True when the server closed the connection (recv returns b'' or resets) within ``guard`` s."""
    sock.settimeout(guard)
    try:
        while sock.recv(4096):
            pass
        return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


@pytest.mark.parametrize(
    "head",
    [
        b"",  # connects and says nothing
        b"GET / HTTP/1.1\r\nHost: x\r\n",  # a request head that never ends
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 1000\r\n\r\nSELECT",  # a body that never comes
    ],
)
def test_a_half_open_connection_is_closed_by_the_server(server, head):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head)
        assert closed_by_server(sock)
    with httpx.Client(timeout=30) as http:  # and the server still answers
        assert http.get(server.url + "/").status_code == 200


def test_a_request_head_dripped_a_byte_at_a_time_is_cut_off(server):
    """Every byte used to restart uvicorn's keep-alive timer: a slow client held the connection for ever."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        closed = False
        for _ in range(int(10 * READ_TIMEOUT / 0.25)):  # bounded: 10 times the read timeout
            try:
                sock.sendall(b"a")
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            sock.settimeout(0.25)
            try:
                if sock.recv(4096) == b"":
                    closed = True
                    break
            except socket.timeout:
                pass
            except ConnectionResetError:
                closed = True
                break
    assert closed
