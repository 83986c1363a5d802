"""Graph files that would reach the network, and names with invisible characters, refused or reported.

1. No input makes graphmap reach the network: a JSON-LD file's remote ``@context`` was fetched (a silent
   server hung ``validate`` for ever, and the error said "Kunde inte skriva"). Now every context named
   by reference is refused before rdflib sees the file, and the listening socket gets no connection.
2. Names with bidi overrides and zero-width characters passed ``validate``: now each such cell is a
   warning naming it, and the characters are removed (pages show any that come from a graph file as
   ``<U+202E>``: tests/test_serve_bounds.py).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import graphmap
from helpers import read_table

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def silent_server():
    """A socket that listens on loopback and never answers (connections queue in its backlog)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield sock
    sock.close()


def _connections(sock: socket.socket) -> int:
    sock.setblocking(False)
    n = 0
    while True:
        try:
            conn, _addr = sock.accept()
        except BlockingIOError:
            return n
        conn.close()
        n += 1


@pytest.mark.parametrize("where", ["top", "list", "scoped", "import"])
@pytest.mark.parametrize("command", [["validate"], ["build", "-o", "OUT"]])
def test_a_remote_jsonld_context_is_refused_and_nothing_is_fetched(tmp_path, silent_server, where, command):
    url = f"http://127.0.0.1:{silent_server.getsockname()[1]}/context.jsonld"
    context = {
        "top": url,
        "list": [{"name": "http://schema.org/name"}, url],
        "scoped": {"Person": {"@id": "http://schema.org/Person", "@context": url}},
        "import": {"@version": 1.1, "@import": url},
    }[where]
    path = tmp_path / "data.jsonld"
    path.write_text(json.dumps({"@context": context, "@id": "https://example.org/a", "name": "x"}), encoding="utf-8")
    args = [a.replace("OUT", str(tmp_path / "out.ttl")) for a in command]
    proc = subprocess.run(
        [sys.executable, "-m", "graphmap", *args, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )  # before: hung until this guard
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"{path}: JSON-LD-filens @context hänvisar till ett annat dokument ({url}); graphmap hämtar ingenting "
        "från nätet. Skriv in kontexten i filen (som graphmaps egna JSON-LD-export gör)."
    ]
    assert _connections(silent_server) == 0
    assert not (tmp_path / "out.ttl").exists()


def test_graphmaps_own_jsonld_reads_back_without_the_network(tmp_path):
    out = tmp_path / "graph.jsonld"
    proc = subprocess.run(
        [sys.executable, "-m", "graphmap", "export", "data", "--format", "jsonld", "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    from graphmap.fileio import read_graph

    assert len(read_graph([out])) > 1000


INVISIBLE_NAMES = ["FoU\u202eSKR", "FoU\u200bNordväst", "\u2066FoU\u2069 nu\u200d", "\u200fFoU"]  # 4 actors


def test_bidi_and_zero_width_characters_in_names_are_flagged_and_removed(tmp_path):
    region = tmp_path / "vasterbotten"
    shutil.copytree(ROOT / "data" / "regions" / "vasterbotten", region)
    rows = read_table(region / "actors.csv")
    header = list(rows[0])
    for row, name in zip(rows, INVISIBLE_NAMES):
        row["name_sv"] = name
    import csv

    with (region / "actors.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)
    proc = subprocess.run(
        [sys.executable, "-m", "graphmap", "validate", str(region)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    flagged = [
        line
        for line in proc.stderr.splitlines() + proc.stdout.splitlines()
        if "actors.csv" in line and "name_sv" in line and "styrtecken" in line
    ]
    assert len(flagged) == len(INVISIBLE_NAMES), proc.stdout + proc.stderr  # before: 0, validate passed them
    kg = graphmap.build([region])
    text = kg.graph.serialize(format="nt")
    assert not any(c in text for c in "\u202e\u200b\u2066\u2069\u200d\u200f")


def test_the_map_shows_invisible_characters_as_codes(kg):
    """A name read from a graph file keeps a right-to-left override (tables have it removed when read):
    the map writes it as its code, as the pages and the report do. Before: drawn as it is."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import SKOS

    from graphmap.api import KnowledgeGraph
    from graphmap.viz import build_view, render_map_html

    g = kg.graph.__class__()
    g += kg.graph
    fou = URIRef("https://w3id.org/graphmap/id/actor/fou-socialtjanst-vasterbotten")
    g.remove((fou, SKOS.prefLabel, None))
    g.add((fou, SKOS.prefLabel, Literal("FoU\u202eSocialtjänst", lang="sv")))
    html = render_map_html(build_view(KnowledgeGraph(g), county="24"))
    assert "\u202e" not in html and "FoU<U+202E>Socialtj" in html.replace("\\u003c", "<").replace("\\u003e", ">")
