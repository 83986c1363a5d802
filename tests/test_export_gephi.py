"""GraphML and GEXF as Gephi reads them: the real Gephi toolkit 0.10.1 (Maven Central, headless,
``tools/gephi/count.sh``) imports both exports of the bundled data; every node and edge arrives.

GEXF 1.3 carries each relation as the edge's ``kind``, so Gephi keeps parallel edges of different
relations apart with its default settings. Gephi's GraphML importer has no edge kinds: with its
default merge strategy edges between the same two nodes merge into one (the README says so and
points Gephi users to GEXF), with "Don't merge" all arrive; either way no edge is lost to a
duplicate id (before: 11 of 1,939 edges arrived, "Edge already exists")."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from graphmap.export import export_data, network
from graphmap.ontology import actor_iri

pytestmark = [pytest.mark.gephi, pytest.mark.xdist_group("gephi")]  # one JVM tool at a time, jars fetched once
COUNT = Path(__file__).resolve().parent.parent / "tools" / "gephi" / "count.sh"


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail(f"{tool} missing in CI", pytrace=False)
        pytest.skip(f"{tool} not installed")


def gephi(*files: Path, node: str = "", no_merge: bool = False) -> dict:
    """Run the toolkit on ``files``: counts per file, issues and the probed node's attributes."""
    for tool in ("java", "javac", "mvn"):
        _need(tool)
    env = {**os.environ, "GEPHI_NODE": node, "GEPHI_NO_MERGE": "true" if no_merge else "false"}
    done = subprocess.run([str(COUNT), *map(str, files)], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    out: dict = {"issues": [], "counts": {}, "node": {}, "kinds": []}
    for line in done.stdout.splitlines():
        kind, *rest = line.split("\t")
        if kind == "issue":
            out["issues"].append(tuple(rest))
        elif kind == "counts":
            out["counts"][Path(rest[0]).suffix] = (int(rest[1]), int(rest[2]))
        elif kind == "node":
            out["node"][rest[1]] = rest[2] if len(rest) > 2 else ""
        elif kind == "kinds":
            out["kinds"].append(int(rest[0]))
    return out


@pytest.fixture(scope="module")
def exported(kg, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gephi")
    for fmt in ("graphml", "gexf"):
        export_data(kg.graph, fmt, folder / f"graphmap.{fmt}")
    return folder, network(kg.graph)


def test_gephi_reads_every_node_and_edge(exported):
    folder, net = exported
    skr = str(actor_iri("skr"))
    got = gephi(folder / "graphmap.gexf", folder / "graphmap.graphml", node=skr)
    nodes, edges = net.number_of_nodes(), net.number_of_edges()
    assert (nodes, edges) == (484, 1957)  # the bundled data (README: graphmap export graphml)
    assert got["counts"][".gexf"] == (nodes, edges)
    relations = {d["relation"] for _s, _o, d in net.edges(data=True)}
    assert got["kinds"][0] == len(relations) + 1  # one edge kind per relation, and Gephi's default kind
    pairs = {(s, o) for s, o in net.edges()}
    assert got["counts"][".graphml"] == (nodes, len(pairs))  # GraphML: Gephi's default merges parallel edges
    assert not [i for i in got["issues"] if i[0] in ("SEVERE", "CRITICAL") or "already exists" in i[1]]
    assert (got["node"]["level_code"], got["node"]["type_code"], got["node"]["label_sv"]) == (
        "nationell",
        "medlemsorganisation",
        "Sveriges Kommuner och Regioner (SKR)",
    )
    assert got["node"]["area_code"] == net.nodes[skr]["area_code"]


def test_gephi_keeps_every_graphml_edge_when_not_merging(exported):
    folder, net = exported
    got = gephi(folder / "graphmap.graphml", no_merge=True)
    assert got["counts"][".graphml"] == (net.number_of_nodes(), net.number_of_edges())


def test_graphml_edge_ids_unique_and_gexf_13(exported):
    folder, net = exported
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(folder / "graphmap.graphml").getroot()
    ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(set(ids)) == net.number_of_edges()
    assert root.find("g:graph", ns).get("id") == "graphmap"
    gexf = ET.parse(folder / "graphmap.gexf").getroot()
    assert gexf.tag == "{http://gexf.net/1.3}gexf" and gexf.get("version") == "1.3"
    edges = list(gexf.iter("{http://gexf.net/1.3}edge"))
    assert len({e.get("id") for e in edges}) == len(edges) == net.number_of_edges()
    assert all(e.get("kind", "").startswith(("gm:", "org:", "dcterms:", "prov:", "skos:")) for e in edges)
    description = gexf.find("{http://gexf.net/1.3}meta/{http://gexf.net/1.3}description").text
    assert description.startswith("graphmap: ") and "CC0 1.0" in description
