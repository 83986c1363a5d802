"""`graphmap export data`: every format from the merged graph (bundled + a new region), personal
data left out unless asked (every file scanned), JSON-LD/Turtle read back isomorphic, GraphML/GEXF/CSV
carry level, type and area, CSV cells cannot run as formulas."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner
import json

from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, SKOS, XSD

import graphmap
from graphmap.cli import main
from graphmap.export import (
    EXPORT_IRI,
    STATEMENT,
    FORMATS,
    export_data,
    network,
    shareable_graph,
    strip_personal,
    to_csv,
)
from graphmap.ingest import bundled_paths
from graphmap.ontology import GM, actor_iri, concept_iri
from graphmap.tabular import csv_safe
from helpers import make_region

NAMES = {"ttl": "g.ttl", "jsonld": "g.jsonld", "graphml": "g.graphml", "gexf": "g.gexf", "csv": "csv"}


@pytest.fixture(scope="module")
def merged(tmp_path_factory, kg):
    region = make_region(tmp_path_factory.mktemp("exportregion"), graph=kg.graph)
    return graphmap.build(bundled_paths() + [region])


@pytest.fixture(scope="module")
def exported(merged, tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    results = {fmt: export_data(merged.graph, fmt, folder / NAMES[fmt]) for fmt in FORMATS}
    return folder, results


def personal_values(graph) -> set[str]:
    values = {str(o) for o in graph.objects(None, FOAF.name)}
    values |= {str(o).removeprefix("mailto:") for o in graph.objects(None, FOAF.mbox)}
    return values


@pytest.mark.slow  # every export format written twice: 25 s (wall time, 2 workers, busy machine)
def test_no_personal_data_in_any_file(merged, exported):
    folder, results = exported
    values = personal_values(merged.graph)
    assert {
        "Christine Österman",
        "elisabeth.lauritzen@regionstockholm.se",
        "Testa Personsson",
        "testa.personsson@exempelfjall.se",
    } <= values
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert len(files) == 7  # ttl, jsonld, graphml, gexf, nodes.csv, edges.csv, LASMIG.txt
    for path in files:
        content = path.read_text(encoding="utf-8")
        assert not [v for v in values if v in content], path
        if path.suffix != ".csv":  # CSV tables cannot hold it: LASMIG.txt beside them does
            assert STATEMENT[False]["sv"] in content, path  # each file says personal data was left out
    assert not list(folder.rglob(".*.tmp"))  # atomic writes leave nothing behind
    assert all(not r.include_personal for r in results.values())


def test_include_personal_is_explicit(merged, tmp_path):
    result = export_data(merged.graph, "ttl", tmp_path / "all.ttl", include_personal=True)
    content = result.paths[0].read_text(encoding="utf-8")
    assert "Testa Personsson" in content and "Christine Österman" in content
    assert STATEMENT[True]["sv"] in content
    csv_result = export_data(merged.graph, "csv", tmp_path / "csv", include_personal=True)
    nodes = (tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8-sig")
    assert "Testa Personsson" in nodes and "testa.personsson@exempelfjall.se" in nodes
    assert csv_result.statement("en").startswith("This export CONTAINS personal data")


def test_jsonld_and_turtle_read_back_isomorphic(merged, exported):
    folder, _results = exported
    expected = shareable_graph(merged.graph)
    for fmt, parser in (("jsonld", "json-ld"), ("ttl", "turtle")):
        back = Graph().parse(folder / NAMES[fmt], format=parser)
        assert isomorphic(back, expected), fmt
    back.remove((EXPORT_IRI, None, None))
    assert isomorphic(back, strip_personal(merged.graph))
    assert not set(back.subjects(RDF.type, FOAF.Person))
    text = (folder / "g.jsonld").read_text(encoding="utf-8")
    assert '"@context"' in text and '"ledBy"' in text  # compacted with the graphmap context


def test_graphml_and_gexf_for_gephi(merged, exported):
    folder, results = exported
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        g = reader(folder / NAMES[fmt])
        assert g.number_of_nodes() == results[fmt].counts["nodes"]
        skr = g.nodes[str(actor_iri("skr"))]
        assert (skr["level_code"], skr["type_code"], skr["level"]) == ("nationell", "medlemsorganisation", "Nationell")
        fou = g.nodes[str(actor_iri("fou-exempelfjall"))]
        assert fou["area_code"] == "funktionshinder;socialpsykiatri" and fou["county"] == "23"
        assert fou["kind"] == "FoU-enhet" and fou["support_code"] == "kompetensutveckling"
        relations = {d["relation"] for _s, o, d in g.edges(str(actor_iri("fou-exempelfjall")), data=True)}
        assert {"org:memberOf", "gm:serves", "org:subOrganizationOf", "gm:county"} <= relations
    graphml = nx.read_graphml(folder / NAMES["graphml"])
    assert graphml.graph["description"].startswith(f"graphmap: {STATEMENT[False]['sv']}")
    meta = ET.parse(folder / NAMES["gexf"]).getroot().find("{http://gexf.net/1.3}meta")
    assert meta.find("{http://gexf.net/1.3}description").text.startswith(f"graphmap: {STATEMENT[False]['sv']}")


def test_csv_nodes_and_edges(exported):
    folder, results = exported
    with open(folder / "csv" / "nodes.csv", encoding="utf-8-sig", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(folder / "csv" / "edges.csv", encoding="utf-8-sig", newline="") as f:
        edges = list(csv.DictReader(f))
    assert len(nodes) == results["csv"].counts["nodes"] and len(edges) == results["csv"].counts["edges"]
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids and e["Type"] == "Directed" for e in edges)
    skr = next(n for n in nodes if n["Id"] == str(actor_iri("skr")))
    assert skr["Label"] == "Sveriges Kommuner och Regioner (SKR)" and skr["level_code"] == "nationell"


def test_csv_cells_cannot_run_formulas():
    assert [csv_safe(v) for v in ("=1+2", "+46", "-x", "@SUM(A1)", "ok", None)] == [
        "'=1+2",
        "'+46",
        "'-x",
        "'@SUM(A1)",
        "ok",
        "",
    ]
    g = Graph()
    bad = actor_iri("bad")
    g.add((bad, RDF.type, GM.Actor))
    g.add((bad, SKOS.prefLabel, Literal('=HYPERLINK("http://evil.example","klicka")', lang="sv")))
    g.add((bad, GM.level, concept_iri("level", "lokal")))
    nodes = to_csv(network(g))["nodes.csv"].decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(nodes)))[1]
    assert row[1] == '\'=HYPERLINK("http://evil.example","klicka")'


def test_cli_export_data_says_what_it_did(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["export", "data", "--format", "graphml", "-o", str(tmp_path / "g.graphml")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == STATEMENT[False]["sv"]
    result = runner.invoke(
        main,
        [
            "export",
            "data",
            "--format",
            "jsonld",
            "-o",
            str(tmp_path / "g.jsonld"),
            "--include-personal",
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == STATEMENT[True]["en"]
    assert "Christine Österman" in (tmp_path / "g.jsonld").read_text(encoding="utf-8")


def test_jsonld_context_round_trips_in_pyld(merged, exported):
    """An independent JSON-LD processor (PyLD) reads the export to the same graph, and data written by
    hand with the published context gets IRIs, decimals, years and dates as the shapes want them."""
    from pyld import jsonld

    from graphmap.ontology_export import jsonld_context

    folder, _results = exported
    doc = json.loads((folder / NAMES["jsonld"]).read_text(encoding="utf-8"))
    quads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    assert isomorphic(Graph().parse(data=quads, format="nt"), shareable_graph(merged.graph))
    written = {
        "@context": jsonld_context()["@context"],
        "@id": "id:actor/x",
        "@type": "RDUnit",
        "memberOf": "id:network/y",
        "fte": "0.5",
        "year": "2024",
        "checked": "2024-05-01",
        "date": {"@value": "2024", "@type": "xsd:gYear"},
    }
    got = Graph().parse(data=jsonld.to_rdf(written, {"format": "application/n-quads"}), format="nt")
    x = URIRef("https://w3id.org/graphmap/id/actor/x")
    assert got.value(x, ORG.memberOf) == URIRef("https://w3id.org/graphmap/id/network/y")
    assert got.value(x, GM.fte) == Literal("0.5", datatype=XSD.decimal)
    assert got.value(x, GM.year) == Literal("2024", datatype=XSD.gYear)
    assert got.value(x, GM.checked) == Literal("2024-05-01", datatype=XSD.date)
    assert got.value(x, DCTERMS.date) == Literal("2024", datatype=XSD.gYear)
