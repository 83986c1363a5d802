"""Bounded load test of ``graphmap serve`` (not part of the test suite).

Starts ``graphmap serve`` as its own process on a free loopback port (bundled data), then
50 concurrent simulated users (asyncio + httpx) each request the support page ("Var finns
stöd?" for a random area and municipality) and an actor page, ROUNDS times. Prints the
median and 95th-percentile page time per page and, as a baseline measured in the same run
under the same load, the time of a static file (/static/app.css), with the ratios.

    .venv/bin/python benchmarks/load_serve.py [--users 50] [--rounds 6]
"""
from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

AREAS = ["funktionshinder", "aldre", "barn-och-unga", "socialpsykiatri", "individ-och-familjeomsorg",
         "skadligt-bruk-och-beroende", "vald-i-nara-relation"]
MUNICIPALITIES = ["2480", "2481", "1486", "1480", "0180", "0680", "1430", "2482", "0114", "1488"]
ACTORS = ["fou-socialtjanst-vasterbotten", "fou-socialtjanst-fyrbodal", "fou-nu", "fourum-jonkoping",
          "fyrbodals-kommunalforbund", "region-vasterbotten", "region-stockholm", "skr"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def user(client: httpx.AsyncClient, rounds: int, times: dict, rng: random.Random) -> None:
    for _ in range(rounds):
        for kind, url in (("support", f"/stod?area={rng.choice(AREAS)}&municipality={rng.choice(MUNICIPALITIES)}"),
                          ("actor", f"/aktor/{rng.choice(ACTORS)}"), ("static", "/static/app.css")):
            start = time.perf_counter()
            response = await client.get(url)
            times[kind].append(time.perf_counter() - start)
            if response.status_code not in (200, 404):
                raise SystemExit(f"{url}: HTTP {response.status_code}")


async def load(base: str, users: int, rounds: int) -> dict:
    times = {"support": [], "actor": [], "static": []}
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        rng = random.Random(7)
        await asyncio.gather(*(user(client, rounds, times, random.Random(rng.random())) for _ in range(users)))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    port = free_port()
    exe = Path(sys.executable).with_name("graphmap")
    proc = subprocess.Popen([str(exe), "serve", "--port", str(port), "--sparql-workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(base + "/", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SystemExit("graphmap serve did not start")
                time.sleep(0.2)
        asyncio.run(load(base, 5, 1))  # warm-up: templates, first queries
        started = time.perf_counter()
        times = asyncio.run(load(base, args.users, args.rounds))
        wall = time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    total = sum(len(v) for v in times.values())
    print(f"graphmap serve load test: {args.users} concurrent users x {args.rounds} rounds, "
          f"{total} requests in {wall:.1f} s ({total / wall:.0f} req/s) on loopback, one server process")
    base_med, base_p95 = statistics.median(times["static"]), pct(times["static"], 0.95)
    print(f"{'page':<22}{'n':>6}{'median ms':>12}{'p95 ms':>10}{'median/static':>15}{'p95/static':>12}")
    for kind, name in (("support", "support (/stod)"), ("actor", "actor (/aktor/…)"), ("static", "static (baseline)")):
        med, p95 = statistics.median(times[kind]), pct(times[kind], 0.95)
        print(f"{name:<22}{len(times[kind]):>6}{med * 1000:>12.1f}{p95 * 1000:>10.1f}"
              f"{med / base_med:>15.1f}{p95 / base_p95:>12.1f}")


if __name__ == "__main__":
    main()
