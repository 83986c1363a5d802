"""Attacks on the read-only SPARQL endpoint, against the real server on loopback.

1. Federation as a request forgery: ``SERVICE <http://127.0.0.1:PORT/>`` made the server query
   any host and return its rows, and told open ports from closed ones. A second tiny HTTP server
   on loopback records every request it gets; it must get none, and an open and a closed port
   must get the same answer.
2. Size: a query body over the bound is refused with 413 before parsing; a result that grows
   a huge literal (CONCAT doubling) or a sort over a cross product is stopped (503) while the
   worker processes stay within a memory bound, measured from outside (``/proc/<pid>/status``).
Every loop is bounded in count, every request has a client timeout.
"""

from __future__ import annotations

import http.server
import socket
import sys
import threading
import time

import httpx
import pytest

from graphmap.serve.live import LiveServer, create_app

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

QUERY_BYTES = 100_000
RESULT_BYTES = 2_000_000
MEMORY_MB = 160
RSS_BOUND_MB = 200


class Recorder:
    """An HTTP server on 127.0.0.1 that records every request and answers with one SPARQL row."""

    def __init__(self):
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                hits.append((self.command, self.path))
                body = (
                    b'{"head":{"vars":["s","p","o"]},"results":{"bindings":[{"s":{"type":"uri",'
                    b'"value":"http://leaked/"}}]}}'
                )
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def plain(kg):
    """The server as ``graphmap serve`` starts it: default settings."""
    with LiveServer(create_app(kg, sparql_workers=1, sparql_timeout=5)) as live:
        yield live


def federated(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?x {{ <{url}> }} SERVICE ?x {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} LIMIT 3",
        f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ SELECT * WHERE {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"PREFIX e: <http://e/>\n# SERVICE in a comment\nSELECT * WHERE {{ ?a e:service 'service' .SERVICE<{url}>{{?s ?p ?o}} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


def test_federated_queries_send_nothing_and_reveal_no_port(plain):
    endpoint = plain.url + "/sparql"
    closed = closed_port()
    with Recorder() as recorder, httpx.Client(timeout=30) as http:
        answers = {}
        for port in (recorder.port, closed):
            for i, text in enumerate(federated(port)):
                reply = http.get(endpoint, params={"query": text})
                answers[(port, i)] = (reply.status_code, reply.text.replace(str(port), "PORT"))
            form = http.post(endpoint, data={"query": federated(port)[0]})
            answers[(port, "form")] = (form.status_code, form.text.replace(str(port), "PORT"))
        # FROM / FROM NAMED / default-graph-uri / named-graph-uri name graphs of the store only
        url = f"http://127.0.0.1:{recorder.port}/data"
        from_graph = http.get(
            endpoint,
            params={
                "query": f"SELECT * FROM <{url}> FROM NAMED <{url}> WHERE {{ ?s ?p ?o }}",
                "default-graph-uri": url,
                "named-graph-uri": url,
            },
        )
        load = http.post(endpoint, data={"query": f"LOAD <{url}>"})
        english = http.get(endpoint, params={"query": federated(recorder.port)[0], "lang": "en"})
        time.sleep(0.2)
        assert recorder.hits == []
    statuses = {status for status, _text in answers.values()}
    assert statuses == {400}, answers
    for i in [*range(len(federated(0))), "form"]:
        assert answers[(recorder.port, i)] == answers[(closed, i)]  # no port oracle
    assert "SERVICE" in answers[(closed, 0)][1] and "federerade" in answers[(closed, 0)][1]
    assert "federated" in english.text and english.status_code == 400
    assert from_graph.status_code == 200 and from_graph.json()["results"]["bindings"] == []
    assert load.status_code == 403
    # ordinary queries that merely mention the word still run
    ok = httpx.get(
        endpoint,
        timeout=30,
        params={"query": 'PREFIX e: <http://e/> SELECT ?service WHERE { ?service e:service "SERVICE <http://x/> {}" }'},
    )
    assert ok.status_code == 200 and ok.json()["results"]["bindings"] == []


def test_a_worker_cannot_open_a_socket_even_if_a_query_got_past_the_check():
    """Defence in depth: run Oxigraph's SERVICE directly (no keyword check) in a process that
    applied the worker's sandbox; the recorder gets nothing and the query fails."""
    import subprocess
    from graphmap.serve import sparql_worker

    with Recorder() as recorder:
        script = (
            "import sys; sys.path.insert(0, sys.argv[1]); import sparql_worker as w, pyoxigraph as ox\n"
            "assert w.forbid_sockets()\n"
            "st = ox.Store(); st.add(ox.Quad(ox.NamedNode('http://a'), ox.NamedNode('http://b'), ox.NamedNode('http://c')))\n"
            "try:\n    print(list(st.query(sys.argv[2])))\nexcept OSError as exc:\n    print('refused', exc)\n"
        )
        query = f"SELECT * WHERE {{ ?a ?b ?c SERVICE <http://127.0.0.1:{recorder.port}/> {{ ?s ?p ?o }} }}"
        done = subprocess.run(
            [sys.executable, "-c", script, str(sparql_worker.__file__).rsplit("/", 1)[0], query],
            capture_output=True,
            text=True,
            timeout=60,
        )
        time.sleep(0.2)
        assert recorder.hits == []
    assert done.returncode == 0 and done.stdout.startswith("refused"), done.stdout + done.stderr


# ---- size and memory ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bounded(kg):
    app = create_app(
        kg,
        sparql_workers=1,
        sparql_timeout=8,
        sparql_query_bytes=QUERY_BYTES,
        sparql_result_bytes=RESULT_BYTES,
        sparql_memory=MEMORY_MB,
    )
    with LiveServer(app) as live:
        yield live


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class PeakRSS:
    """Samples the RSS of the server's SPARQL workers every 20 ms; ``peak`` is the highest seen."""

    def __init__(self, live):
        self.pool = live.server.config.app.state.holder.pool
        self.peak, self._stop = 0.0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.wait(0.02):
            for worker in list(self.pool._all):
                self.peak = max(self.peak, rss_mb(worker.proc.pid))

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self.thread.join(5)


def doubling(levels: int) -> str:
    """One row whose literal doubles ``levels`` times (a ~60-character IRI to start)."""
    binds = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(levels))
    return f"SELECT ?v{levels} WHERE {{ {{ SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT 1 }} BIND(STR(?s) AS ?v0) {binds} }}"


def test_query_body_over_the_bound_is_refused_before_parsing(bounded):
    endpoint = bounded.url + "/sparql"
    big = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * (QUERY_BYTES + 10)
    with httpx.Client(timeout=30) as http:
        direct = http.post(endpoint, content=big.encode(), headers={"Content-Type": "application/sparql-query"})
        form = http.post(endpoint, data={"query": big})
        fine = http.post(
            endpoint, content=big[: QUERY_BYTES - 100].encode(), headers={"Content-Type": "application/sparql-query"}
        )
    assert direct.status_code == 413 and form.status_code == 413
    assert str(QUERY_BYTES) in direct.text.replace(" ", "").replace("\u00a0", "")
    assert fine.status_code == 200


@pytest.mark.parametrize("levels, fmt", [(16, "json"), (16, "xml"), (23, "json")])
def test_a_huge_literal_is_stopped_and_the_worker_stays_small(bounded, levels, fmt):
    """16 doublings: a 4 MB literal (over the 2 MB result bound); 23: 500 MB (over the memory bound)."""
    endpoint = bounded.url + "/sparql"
    with PeakRSS(bounded) as rss, httpx.Client(timeout=60) as http:
        base = rss.pool._all and max(rss_mb(w.proc.pid) for w in list(rss.pool._all))
        reply = http.get(endpoint, params={"query": doubling(levels), "format": fmt})
        time.sleep(0.1)
    assert reply.status_code == 503, reply.text[:200]
    assert len(reply.content) < 10_000
    assert rss.peak < base + RSS_BOUND_MB, (base, rss.peak)
    with httpx.Client(timeout=60) as http:  # the endpoint still answers
        small = http.get(endpoint, params={"query": doubling(4)})
    assert small.status_code == 200 and len(small.json()["results"]["bindings"][0]["v4"]["value"]) > 100


def test_a_sort_over_a_cross_product_stays_within_the_memory_bound(bounded):
    endpoint = bounded.url + "/sparql"
    with PeakRSS(bounded) as rss, httpx.Client(timeout=60) as http:
        base = max(rss_mb(w.proc.pid) for w in list(rss.pool._all))
        started = time.monotonic()
        reply = http.get(endpoint, params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"})
        took = time.monotonic() - started
    assert reply.status_code == 503, reply.text[:200]
    assert rss.peak < base + RSS_BOUND_MB, (base, rss.peak)
    assert took < 30
    with httpx.Client(timeout=60) as http:
        assert http.get(endpoint, params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
