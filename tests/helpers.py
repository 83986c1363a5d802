"""Helpers shared by several test modules (import them from here, never from another test file):
a filled new-region workbook (``ROWS``, ``fill``, ``make_region``), a region folder whose actor is
named like an XSS payload (``HOSTILE``, ``hostile_region``), waiting for the map to draw
(``wait_ready``) and answer rows as plain strings to compare backends (``norm``). Fixtures live in
conftest.py, browserlib.py and neo4jlib.py."""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import load_workbook
from rdflib import Literal
from rdflib.namespace import XSD

if TYPE_CHECKING:  # psutil is imported where a server is watched
    import psutil

import graphmap
from graphmap.region import new_region

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

COUNTY = "23"  # Jämtlands län: not in the bundled data
REGION_ID = "region-jamtland-harjedalen"

ROWS = {
    "sources": [
        {
            "id": "exempelplan-2026",
            "title": "Verksamhetsplan FoU Exempelfjäll 2026 (påhittad)",
            "publisher": "FoU Exempelfjäll",
            "date": "2026",
        }
    ],
    "actors": [
        {
            "id": "fou-exempelfjall",
            "name_sv": "FoU Exempelfjäll",
            "name_en": "R&D Exempelfjäll",
            "types": "fou-enhet",
            "level": "regional",
            "county": COUNTY,
            "part_of": REGION_ID,
            "source": "exempelplan-2026",
            "confidence": "stated",
        },
        {
            "id": "skr",
            "name_sv": "Sveriges Kommuner och Regioner (SKR)",
            "types": "medlemsorganisation",
            "level": "nationell",
            "source": "exempelplan-2026",
            "confidence": "stated",
        },
    ],
    "networks": [
        {
            "id": "skr-exempelnatverk-funktionshinder",
            "name_sv": "SKR:s exempelnätverk funktionshinder",
            "kind": "natverk",
            "level": "nationell",
            "led_by": "skr",
            "areas": "funktionshinder",
            "source": "exempelplan-2026",
            "confidence": "stated",
        }
    ],
    "memberships": [
        {
            "id": "fou-i-natverket",
            "member": "fou-exempelfjall",
            "organisation": "skr-exempelnatverk-funktionshinder",
            "role": "medlem",
            "source": "exempelplan-2026",
            "confidence": "stated",
        }
    ],
    "coverage": [
        {
            "id": "fou-tacker",
            "actor": "fou-exempelfjall",
            "places": "2380;Krokom",
            "areas": "funktionshinder;socialpsykiatri",
            "source": "exempelplan-2026",
            "confidence": "stated",
        }
    ],
    "offers": [
        {
            "id": "kompetens-funk",
            "actor": "fou-exempelfjall",
            "kind": "kompetensutveckling",
            "areas": "funktionshinder",
            "description_sv": "Utbildningar för personal inom LSS.",
            "source": "exempelplan-2026",
            "confidence": "assumed",
        }
    ],
    "posts": [
        {
            "id": "ul-funk",
            "actor": "fou-exempelfjall",
            "title_sv": "Utvecklingsledare funktionshinder",
            "areas": "funktionshinder",
            "fte": "0,5",
            "source": "exempelplan-2026",
            "confidence": "stated",
        }
    ],
    "persons": [
        {
            "id": "person-1",
            "name": "Testa Personsson",
            "email": "testa.personsson@exempelfjall.se",
            "posts": "ul-funk",
            "source": "exempelplan-2026",
            "confidence": "stated",
        }
    ],
}


def fill(workbook: Path, rows: dict[str, list[dict]]) -> None:
    """Write rows into the template's sheets from row 3 on, by header name (as a user would)."""
    book = load_workbook(workbook)
    for sheet, items in rows.items():
        ws = book[sheet]
        header = [c.value for c in ws[1]]
        for r, item in enumerate(items, start=3):
            for key, value in item.items():
                ws.cell(r, header.index(key) + 1, value)
    book.save(workbook)


def make_region(parent: Path, name: str = "Exempelfjäll", rows=ROWS, graph=None) -> Path:
    """A new region from the template, filled with ``rows``; ``graph`` = a built graph (else the bundled one)."""
    template = new_region(name, [COUNTY], parent, graph if graph is not None else graphmap.build().graph)
    fill(template.workbook, rows)
    return template.folder


HOSTILE = "<img src=x onerror=alert(1)>"


def hostile_region(folder: Path) -> Path:
    """A tiny region folder whose only actor is named like an XSS payload."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.csv").write_text(
        "id,title,publisher,url,document,date,note\ntest,<b>Testkälla</b>,Test,,,2024-01-01,\n", encoding="utf-8"
    )
    (folder / "actors.csv").write_text(
        "id,name_sv,name_en,types,level,county,part_of,homepage,description_sv,description_en,source,date,confidence,note\n"
        f"evil,{HOSTILE},,fou-enhet,regional,24,,,,,test,,stated,\n",
        encoding="utf-8",
    )
    (folder / "coverage.csv").write_text(
        "id,actor,places,areas,extent,source,date,confidence,note\nevil-covers,evil,2480;2481,aldre,,test,,stated,\n",
        encoding="utf-8",
    )
    (folder / "offers.csv").write_text(
        "id,actor,kind,areas,places,description_sv,description_en,source,date,confidence,note\n"
        "evil-offer,evil,kompetensutveckling,aldre,2482,<script>alert(3)</script>,,test,,stated,\n",
        encoding="utf-8",
    )
    return folder


def wait_ready(frame, timeout_s: float = 30.0):
    """Poll until the map (a page or an embedded frame) has drawn. Not wait_for_function:
    it may eval a string, which the map's Content-Security-Policy rightly forbids."""
    import time

    deadline = time.monotonic() + timeout_s
    while not frame.evaluate("() => !!(window.graphmap && window.graphmap.isReady())"):
        assert time.monotonic() < deadline, "the map never drew"
        frame.wait_for_timeout(100)


# ---------------------------------------------------------------- independent facts from the tables


def read_table(path: Path) -> list[dict]:
    """The non-empty rows of one CSV table, read with the csv module alone."""
    with open(path, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if any((v or "").strip() for v in r.values())]


def bundled_row_count() -> int:
    """Rows in the bundled tables (data/reference, every data/regions and data/landscape folder)."""
    folders = [
        DATA / "reference",
        *sorted((DATA / "regions").iterdir()),
        *sorted(p for p in (DATA / "landscape").iterdir() if p.is_dir()),
    ]
    return sum(len(read_table(path)) for folder in folders for path in sorted(folder.glob("*.csv")))


def municipalities_in_county(code: str) -> list[str]:
    """The SCB municipality codes of a county, from data/reference/kommuner.csv."""
    return [r["kommunkod"] for r in read_table(DATA / "reference" / "kommuner.csv") if r["lanskod"] == code]


# ---------------------------------------------------------------- the CLI in a fresh process


def graphmap_process(*args, hashseed: str = "0", cwd=ROOT, timeout: int = 300) -> subprocess.CompletedProcess:
    """``python -m graphmap ARGS`` in a new process with the given PYTHONHASHSEED and no build cache,
    so that two runs share nothing (for checks of deterministic output)."""
    env = {**os.environ, "PYTHONHASHSEED": hashseed, "GRAPHMAP_CACHE_DIR": "off"}
    return subprocess.run(
        [sys.executable, "-m", "graphmap", *map(str, args)],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# the child: ``graphmap ARGS`` under RLIMIT_AS, its peak RSS measured by this fresh wrapper process
_CAPPED = """
import json, resource, subprocess, sys
limit = int(sys.argv[1])
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
try:
    proc = subprocess.run([sys.executable, "-m", "graphmap", *sys.argv[2:]], capture_output=True, text=True,
                          preexec_fn=cap, timeout=120)
    rc, out, err = proc.returncode, proc.stdout, proc.stderr
except subprocess.TimeoutExpired as exc:
    rc, out, err = "timeout", "", str(exc)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"rc": rc, "stdout": out, "stderr": err[-5000:], "peak_mb": peak}))
"""


def capped_graphmap(limit: int, *args) -> dict:
    """``python -m graphmap ARGS`` in a child whose address space is ``limit`` bytes: its exit code
    (``"timeout"`` after 120 s), stdout, the end of stderr and its peak RSS in MB (``peak_mb``)."""
    import json

    proc = subprocess.run(
        [sys.executable, "-c", _CAPPED, str(limit), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    return json.loads(proc.stdout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``python -m graphmap serve`` of this checkout as a process of its own, with its own TMPDIR."""

    def __init__(self, tmp: Path, *options: str):
        import httpx
        import psutil

        self.tmp, self.port = tmp, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "graphmap", "serve", "--port", str(self.port), *options],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 120
        while True:
            assert self.proc.poll() is None, self.proc.stderr.read().decode()
            try:
                httpx.get(self.url + "/", timeout=10)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "graphmap serve did not answer"
                time.sleep(0.2)
        self.process = psutil.Process(self.proc.pid)

    def workers(self) -> list[psutil.Process]:
        return self.process.children()

    def rss_mb(self) -> float:
        with open(f"/proc/{self.proc.pid}/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(30)


def norm(rows):
    """Answer rows (of either backend: test_neo4j*.py) as plain strings: IRIs as text, literals in
    N3 (lexical form, language and datatype).

    Decimals compare by value: Oxigraph answers "2"^^xsd:decimal where the graph (and Neo4j) keep "2.0".
    """

    def text(v):
        if v is None:
            return None
        if isinstance(v, Literal):
            if v.datatype == XSD.decimal:
                return f"{float(v)}^^decimal"
            return v.n3()
        return str(v)

    return [{k: text(v) for k, v in r.items()} for r in rows]
