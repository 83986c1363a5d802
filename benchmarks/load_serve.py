"""Bounded load test of ``graphmap serve`` (not part of the test suite).

Starts ``graphmap serve`` (``python -m graphmap serve``, so ``PYTHONPATH`` can point at another
checkout) as its own process on a free loopback port (bundled data), then ``--users`` concurrent
simulated users (asyncio + httpx) each request the start page, the support page ("Var finns
stöd?" for a random area and municipality), an actor page and a static file, ``--rounds`` times.
With ``--sparql N``, N clients send a heavy SPARQL query (a count over a three-way cross product
of every triple: it runs until the time limit stops it) over and over during the page mix, from
two seconds before it starts until it ends; a client refused with 503 + ``Retry-After`` waits a
second and asks again. Prints the median and 95th percentile of every page, their ratios to the
static file (/static/app.css, the baseline measured in the same run under the same load) and the
statuses of every kind of request.

Where the machine has the cores, the server, its SPARQL workers and this load generator each run
on their own core (``sched_setaffinity``; workers a timed-out query's restart brings are pinned as
they appear); with fewer the report says which share one. It also reports the server's peak
memory (its own RSS, and with its workers).

    .venv/bin/python benchmarks/load_serve.py [--users 50] [--rounds 6] [--sparql 50]
    PYTHONPATH=/path/to/old/checkout .venv/bin/python benchmarks/load_serve.py --sparql 50 --rounds 2
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import random
import socket
import statistics
import subprocess
import sys
import time

import httpx

AREAS = [
    "funktionshinder",
    "aldre",
    "barn-och-unga",
    "socialpsykiatri",
    "individ-och-familjeomsorg",
    "skadligt-bruk-och-beroende",
    "vald-i-nara-relation",
]
MUNICIPALITIES = ["2480", "2481", "1486", "1480", "0180", "0680", "1430", "2482", "0114", "1488"]
ACTORS = [
    "fou-socialtjanst-vasterbotten",
    "fou-socialtjanst-fyrbodal",
    "fou-nu",
    "fourum-jonkoping",
    "fyrbodals-kommunalforbund",
    "region-vasterbotten",
    "region-stockholm",
    "skr",
]
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PAGES = (
    ("start", "start (/)"),
    ("support", "support (/stod)"),
    ("actor", "actor (/aktor/…)"),
    ("static", "static (baseline)"),
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen) -> int:
    """Stop the server (SIGTERM, SIGKILL after 30 s) and any worker process it left; how many it left."""
    import psutil

    workers = psutil.Process(proc.pid).children(recursive=True)
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:  # a server whose threads wait for SPARQL workers does not stop
        proc.kill()
        proc.wait(timeout=30)
    _gone, alive = psutil.wait_procs(workers, timeout=5)
    for worker in alive:
        worker.kill()
    return len(alive)


def plan_cores(cores: list[int]) -> tuple[dict, str]:
    """Which cores the server, its SPARQL workers and the load generator get, and the sentence that
    says so.

    >>> plan_cores([0, 1, 2])[1]
    'server on cpu 0, SPARQL workers on cpu 1, load generator on cpu 2'
    >>> plan_cores([0, 1])[1]
    'only 2 cores: server and its SPARQL workers on cpu 0, load generator on cpu 1'
    >>> plan_cores([0])[1]
    'only 1 core: nothing pinned, all on cpu 0'
    """
    if len(cores) >= 3:
        plan = {"server": {cores[0]}, "workers": {cores[1]}, "generator": set(cores[2:])}
        return plan, f"server on cpu {cores[0]}, SPARQL workers on cpu {cores[1]}, load generator on cpu " + ",".join(
            map(str, cores[2:])
        )
    if len(cores) == 2:
        return (
            {"server": {cores[0]}, "workers": {cores[0]}, "generator": {cores[1]}},
            f"only 2 cores: server and its SPARQL workers on cpu {cores[0]}, load generator on cpu {cores[1]}",
        )
    return {}, f"only 1 core: nothing pinned, all on cpu {cores[0]}"


class Watch:
    """A thread that pins the server's SPARQL workers as they appear and records the peak memory."""

    def __init__(self, pid: int, plan: dict):
        import threading

        import psutil

        self.server, self.plan = psutil.Process(pid), plan
        self.peak_server = self.peak_total = 0.0
        self.pinned: set[int] = set()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        import psutil

        while not self.done.wait(0.25):
            try:
                workers = self.server.children(recursive=True)
                rss = self.server.memory_info().rss
            except psutil.Error:
                return
            total = rss
            for worker in workers:
                try:
                    if self.plan and worker.pid not in self.pinned:
                        worker.cpu_affinity(sorted(self.plan["workers"]))
                        self.pinned.add(worker.pid)
                    total += worker.memory_info().rss
                except psutil.Error:
                    continue
            self.peak_server = max(self.peak_server, rss / 1e6)
            self.peak_total = max(self.peak_total, total / 1e6)

    def stop(self) -> None:
        self.done.set()
        self.thread.join(5)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def transport_error(exc: httpx.TransportError) -> str:
    """Whose fault a transport error is, as the report says it.

    >>> transport_error(httpx.ReadError("[Errno 104] Connection reset by peer"))
    'ReadError (reset by the server: a request it had received was dropped)'
    >>> transport_error(httpx.RemoteProtocolError("Server disconnected without sending a response."))
    'RemoteProtocolError (closed before the request came: the keep-alive race, a client retries)'
    """
    text = str(exc)
    if isinstance(exc, httpx.ReadError) and ("reset" in text.lower() or "104" in text):
        return "ReadError (reset by the server: a request it had received was dropped)"
    if isinstance(exc, httpx.RemoteProtocolError) and "without sending a response" in text:
        # the server ended an idle keep-alive connection and the request crossed its end on the
        # wire: RFC 9112, 9.3.1 says a client retries such a request (browsers do)
        return "RemoteProtocolError (closed before the request came: the keep-alive race, a client retries)"
    return f"{type(exc).__name__} ({text[:60] or 'no message'})"


async def get(client: httpx.AsyncClient, url: str, **kw) -> tuple[str, httpx.Response | None]:
    """(status as text, response): the status code, or the kind of transport error."""
    try:
        response = await client.get(url, **kw)
    except httpx.TimeoutException:
        return "timeout", None
    except httpx.TransportError as exc:
        return transport_error(exc), None
    return str(response.status_code), response


async def user(client, rounds: int, times: dict, statuses: dict, rng: random.Random) -> None:
    for _ in range(rounds):
        for kind, url in (
            ("start", "/"),
            ("support", f"/stod?area={rng.choice(AREAS)}&municipality={rng.choice(MUNICIPALITIES)}"),
            ("actor", f"/aktor/{rng.choice(ACTORS)}"),
            ("static", "/static/app.css"),
        ):
            start = time.perf_counter()
            status, _response = await get(client, url)
            times[kind].append(time.perf_counter() - start)
            statuses["pages"][status] += 1


async def sparql_client(client, stop: asyncio.Event, statuses: dict, i: int) -> None:
    while not stop.is_set():
        status, response = await get(client, "/sparql", params={"query": f"{HEAVY} # {i}"})
        if status == "503" and "Retry-After" in response.headers:
            statuses["sparql"]["503 busy (Retry-After)"] += 1
            await asyncio.sleep(1)  # a polite client waits Retry-After; this one only a second
        else:
            statuses["sparql"]["503 time limit" if status == "503" else status] += 1


async def load(base: str, users: int, rounds: int, heavy: int = 0, timeout: float = 120) -> tuple[dict, dict, float]:
    times = {kind: [] for kind, _name in PAGES}
    statuses = collections.defaultdict(collections.Counter)
    limits = httpx.Limits(max_connections=users + heavy + 10, max_keepalive_connections=users + heavy + 10)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        stop = asyncio.Event()
        queries = [asyncio.create_task(sparql_client(client, stop, statuses, i)) for i in range(heavy)]
        if heavy:
            await asyncio.sleep(2)  # the queries first: the pages run into a saturated endpoint
        rng = random.Random(7)
        started = time.perf_counter()
        await asyncio.gather(
            *(user(client, rounds, times, statuses, random.Random(rng.random())) for _ in range(users))
        )
        wall = time.perf_counter() - started
        stop.set()
        for task in queries:
            task.cancel()
        await asyncio.gather(*queries, return_exceptions=True)
    return times, statuses, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--sparql", type=int, default=0, help="concurrent heavy SPARQL clients during the page mix")
    parser.add_argument("--sparql-workers", type=int, default=2, help="graphmap serve --sparql-workers")
    parser.add_argument("--timeout", type=float, default=120, help="client timeout per request, seconds")
    args = parser.parse_args()
    port = free_port()
    plan, pinning = plan_cores(sorted(os.sched_getaffinity(0)))
    # cwd: not this checkout, so that -m finds graphmap where PYTHONPATH (or the installation) says
    proc = subprocess.Popen(
        [sys.executable, "-m", "graphmap", "serve", "--port", str(port), "--sparql-workers", str(args.sparql_workers)],
        cwd=os.path.dirname(sys.executable),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if plan:  # the server at once (its workers start from it and inherit it; the watch repins them)
        os.sched_setaffinity(proc.pid, plan["server"])
        os.sched_setaffinity(0, plan["generator"])
    watch = Watch(proc.pid, plan)
    base = f"http://127.0.0.1:{port}"
    served = subprocess.run(
        [sys.executable, "-c", "import graphmap, os; print(os.path.dirname(graphmap.__file__))"],
        cwd=os.path.dirname(sys.executable),
        capture_output=True,
        text=True,
    ).stdout.strip()
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(base + "/", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SystemExit("graphmap serve did not start") from None
                time.sleep(0.2)
        asyncio.run(load(base, 5, 1))  # warm-up: templates, first queries
        times, statuses, wall = asyncio.run(load(base, args.users, args.rounds, args.sparql, args.timeout))
    finally:
        watch.stop()
        left = stop(proc)
    total = sum(len(v) for v in times.values())
    print(
        f"graphmap serve load test: {args.users} concurrent users x {args.rounds} rounds, {total} page requests "
        f"in {wall:.1f} s ({total / wall:.0f} req/s) on loopback, one server process "
        f"(graphmap from {served!r}), --sparql-workers {args.sparql_workers}, "
        f"{args.sparql} heavy SPARQL clients"
    )
    print(f"pinning: {pinning}; {len(watch.pinned)} SPARQL worker processes pinned as they started")
    print(f"server memory: peak RSS {watch.peak_server:.0f} MB (with its SPARQL workers {watch.peak_total:.0f} MB)")
    base_med, base_p95 = statistics.median(times["static"]), pct(times["static"], 0.95)
    print(f"{'page':<22}{'n':>6}{'median ms':>12}{'p95 ms':>10}{'median/static':>15}{'p95/static':>12}")
    for kind, name in PAGES:
        med, p95 = statistics.median(times[kind]), pct(times[kind], 0.95)
        print(
            f"{name:<22}{len(times[kind]):>6}{med * 1000:>12.1f}{p95 * 1000:>10.1f}"
            f"{med / base_med:>15.1f}{p95 / base_p95:>12.1f}"
        )
    for kind in sorted(statuses):
        print(f"{kind}: " + ", ".join(f"{status} × {n}" for status, n in sorted(statuses[kind].items())))
    print(f"SPARQL workers still running 5 s after the server stopped (then killed): {left}")


if __name__ == "__main__":
    main()
