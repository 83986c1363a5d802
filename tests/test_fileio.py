"""graphmap.fileio, the one I/O module: graph files round-trip by suffix, and every output
(graph, export, report, region template) gets the usual permissions from the atomic write."""

from __future__ import annotations

import os
import stat
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

import graphmap
from graphmap.export import export_data
from graphmap.fileio import GRAPH_SUFFIXES, read_graph, write_graph
from graphmap.region import new_region
from graphmap.report import write_report

EX = "https://example.org/"


def _small() -> Graph:
    g = Graph()
    a = URIRef(EX + "a")
    g.add((a, URIRef(EX + "name"), Literal('Åsa "A" Öberg\nrad två', lang="sv")))
    g.add((a, URIRef(EX + "fte"), Literal(Decimal("0.5"), datatype=XSD.decimal)))
    g.add((a, URIRef(EX + "knows"), URIRef(EX + "b")))
    return g


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".rdf"])  # rdflib writes .nq only from a Dataset
def test_write_then_read_gives_the_same_triples(tmp_path, suffix):
    g = _small()
    path = write_graph(g, tmp_path / f"g{suffix}")
    assert set(read_graph([path])) == set(g)


def test_bundled_graph_round_trips_and_load_reads_the_same(kg, tmp_path):
    ttl = write_graph(kg.graph, tmp_path / "kg.ttl")
    nt = write_graph(kg.graph, tmp_path / "kg.nt")
    assert ttl.read_text(encoding="utf-8").startswith("@prefix")
    assert set(read_graph([ttl])) == set(kg.graph) == set(read_graph([nt]))
    assert set(graphmap.load([ttl, nt]).graph) == set(kg.graph)


def test_suffix_table():
    assert GRAPH_SUFFIXES[".owl"] == "xml" and ".csv" not in GRAPH_SUFFIXES
    with pytest.raises(KeyError):
        read_graph(["actors.csv"])


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_every_output_gets_the_usual_permissions(kg, tmp_path, umask):
    """0666 minus the umask: what the atomic write sets, with no fix-up after it."""
    old = os.umask(umask)
    try:
        written = [
            write_graph(kg.graph, tmp_path / "g.ttl"),
            *export_data(kg.graph, "ttl", tmp_path / "export.ttl").paths,
            *write_report(kg, tmp_path / "report" / "rapport.html"),
        ]
        template = new_region("Rättighetsfjäll", ["Jämtlands län"], tmp_path / "regions", kg.graph)
        written += [template.workbook, template.readme, *template.csv_files]
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in written}
    assert len(modes) >= 6 and set(modes.values()) == {0o666 & ~umask}, modes


def test_the_folder_lock_is_refused_while_another_process_holds_it(tmp_path):
    import subprocess
    import sys

    from graphmap.fileio import LOCK, FolderBusy, folder_lock

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom graphmap.fileio import folder_lock\n"
            "with folder_lock(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(30)\n",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(FolderBusy):
            with folder_lock(tmp_path, wait=0.2):
                pass
    finally:
        holder.kill()
        holder.wait()
    with folder_lock(tmp_path, wait=5):  # the lock goes with the process
        assert (tmp_path / LOCK).exists()
