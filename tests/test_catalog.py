"""The DCAT-AP catalogue record (``graphmap export catalog``, ``/catalog``): SEMIC's DCAT-AP 3.0.1
shapes (``tests/data/dcat-ap/``, CC BY 4.0) in pySHACL find no violation and no warning, mandatory
and recommended shapes alike: the 21 counties' bounding boxes and centroids come from Natural
Earth's public-domain polygons (``data/reference/geo/``), recomputed here from the 21 polygons kept
in ``tests/data/natural-earth/``. The record holds what a DCAT-AP-SE harvester lists, and no person."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyshacl
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SH, VOID, XSD

from graphmap.catalog import (
    CATALOG,
    COUNTY_GEOMETRY,
    DATASET,
    DISTRIBUTIONS,
    GSP,
    SERVICE,
    SWEDEN_BBOX,
    VCARD,
    bbox_and_centroid,
    catalog_graph,
)
from graphmap.cli import main
from graphmap.export import shareable_graph
from graphmap.ontology import DATA_LICENCE, GM, REFERENCE_DIR, lan_iri

SHAPES = Path(__file__).resolve().parent / "data" / "dcat-ap"
NATURAL_EARTH = Path(__file__).resolve().parent / "data" / "natural-earth" / "sweden-admin1.geojson"
BASE = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def record(kg) -> Graph:
    return catalog_graph(shareable_graph(kg.graph), BASE)


def semic_results(data: Graph) -> list[tuple[str, str, str]]:
    shapes = Graph()
    for name in ("shapes.ttl", "shapes_recommended.ttl", "range.ttl"):
        shapes.parse(SHAPES / name, format="turtle")
    _ok, report, _text = pyshacl.validate(data, shacl_graph=shapes, allow_warnings=True)
    return [
        (
            str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            str(report.value(r, SH.resultPath)),
            str(report.value(r, SH.focusNode)),
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]


def test_semic_dcat_ap_shapes_find_no_violation_and_no_warning(record, kg):
    """Mandatory, recommended and range shapes: nothing. Before the counties had geometry, SEMIC's
    ``:Location_Shape`` (``shapes_recommended.ttl``: every ``dct:Location`` should have ``dcat:bbox``
    and ``dcat:centroid``, sh:Warning) gave 42 warnings on the 21 counties; leaving them untyped would
    have traded those for 21 violations (``range.ttl``: ``dct:spatial`` ``sh:class dct:Location``), and
    an authority's IRI for a county (the EU's NUTS codes) is a ``dct:Location`` to the same shapes."""
    assert semic_results(record) == []
    counties = set(kg.graph.subjects(RDF.type, GM.County))
    assert len(counties) == 21
    for county in counties:
        for predicate in (DCAT.bbox, DCAT.centroid):
            (value,) = record.objects(county, predicate)
            assert value.datatype == GSP.wktLiteral


def test_the_shapes_do_warn_on_a_place_without_geometry(record):
    """The warnings are live: a county without its box and centre is warned about, twice."""
    county = lan_iri("24")
    stripped = Graph()
    for triple in record:
        if not (triple[0] == county and triple[1] in (DCAT.bbox, DCAT.centroid)):
            stripped.add(triple)
    assert sorted(semic_results(stripped)) == [
        ("Warning", str(DCAT.bbox), str(county)),
        ("Warning", str(DCAT.centroid), str(county)),
    ]


def _natural_earth() -> dict[str, dict]:
    features = json.loads(NATURAL_EARTH.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["name_sv"]: f for f in features}


def _polygons(geometry: dict) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _inside(point: tuple[float, float], polygons: list) -> bool:
    """Even-odd ray casting over every ring of the polygons."""
    x, y = point
    inside = False
    for polygon in polygons:
        for ring in polygon:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    inside = not inside
    return inside


def _geometry_rows() -> dict[str, dict[str, str]]:
    with open(COUNTY_GEOMETRY, encoding="utf-8", newline="") as f:
        return {r["lanskod"]: r for r in csv.DictReader(f)}


def test_county_geometry_is_natural_earths(kg):
    """``data/reference/geo/lan.csv`` is what the polygons give: every county of ``lan.csv`` once,
    the box the polygons' extent rounded outward to 0.01°, the centroid theirs to 0.01°, and it lies
    inside the county; each row names its source and says it is approximate."""
    features = _natural_earth()
    rows = _geometry_rows()
    with open(Path(REFERENCE_DIR) / "lan.csv", encoding="utf-8", newline="") as f:
        counties = {r["lanskod"]: r["lan"] for r in csv.DictReader(f)}
    assert set(rows) == set(counties) and len(rows) == len(features) == 21
    for code, row in rows.items():
        assert row["lan"] == counties[code]
        polygons = _polygons(features[row["lan"]]["geometry"])
        (west, south, east, north), (lon, lat) = bbox_and_centroid(polygons)
        box = [float(row[k]) for k in ("west", "south", "east", "north")]
        assert box[0] <= west < box[0] + 0.01 and box[1] <= south < box[1] + 0.01, code
        assert box[2] - 0.01 < east <= box[2] and box[3] - 0.01 < north <= box[3], code
        centre = (float(row["centroid_lon"]), float(row["centroid_lat"]))
        assert abs(centre[0] - lon) <= 0.005 and abs(centre[1] - lat) <= 0.005, code
        assert _inside(centre, polygons), code
        assert row["source"].startswith("https://www.naturalearthdata.com/")
        assert (row["confidence"], row["checked"]) == ("assumed", "2026-12-07") and "ungefärlig" in row["note"]


def test_county_boxes_agree_with_what_others_state():
    """Independent checks: Natural Earth's own label point of each county lies in its box, and the
    union of the 21 boxes is Sweden's extent as its extreme points are stated (Smygehuk 55.337° N,
    Treriksröset 69.06° N, Stora Drammen 10.958° E: "Geography of Sweden", Extreme points,
    http://www.liquisearch.com/geography_of_sweden/extreme_points/latitude_and_longitude; Kataja
    24.166° E: Wikipedia's "Kataja" as mirrored at https://goodnames-eth.ipns.dweb.link/wiki/Kataja.html; both
    read 2026-12-07) within 0.03°; in the west within 0.16°: the islet Stora Drammen is not in the
    1:10 million polygons. Sweden's own box holds those points, its centre is the polygons'."""
    features = {f["properties"]["name_sv"]: f["properties"] for f in _natural_earth().values()}
    rows = _geometry_rows().values()
    for row in rows:
        label = features[row["lan"]]
        assert float(row["west"]) <= label["longitude"] <= float(row["east"]), row["lan"]
        assert float(row["south"]) <= label["latitude"] <= float(row["north"]), row["lan"]
    south = min(float(r["south"]) for r in rows)
    north = max(float(r["north"]) for r in rows)
    east = max(float(r["east"]) for r in rows)
    west = min(float(r["west"]) for r in rows)
    assert abs(south - 55.337) < 0.03 and abs(north - 69.06) < 0.03 and abs(east - 24.166) < 0.03
    assert 0 < west - 10.958 < 0.16
    # Sweden's own box holds the stated extreme points; its centre is the 21 polygons' area centroid
    box = [float(v) for v in SWEDEN_BBOX[0].split("((")[1].split(",")[0].split()]
    box += [float(v) for v in SWEDEN_BBOX[0].split(", ")[2].split()]
    assert box[0] <= 10.9575 and box[1] <= 55.336944 and box[2] >= 24.1663 and box[3] >= 69.06
    assert max(abs(a - b) for a, b in zip(box, (10.9575, 55.336944, 24.1663, 69.06))) < 0.01
    polygons = [p for f in _natural_earth().values() for p in _polygons(f["geometry"])]
    centre = [float(v) for v in SWEDEN_BBOX[1][len("POINT(") : -1].split()]
    assert [round(v, 2) for v in bbox_and_centroid(polygons)[1]] == centre
    southmost = min(rows, key=lambda r: float(r["south"]))
    northmost = max(rows, key=lambda r: float(r["north"]))
    assert (southmost["lan"], northmost["lan"]) == ("Skåne län", "Norrbottens län")


def test_the_shapes_do_catch_a_bare_dataset():
    """The shapes work: the record graphmap wrote before (a dataset with a description) fails them."""
    bare = Graph()
    bare.add((DATASET, RDF.type, DCAT.Dataset))
    bare.add((DATASET, DCTERMS.description, __import__("rdflib").Literal("x", lang="sv")))
    assert ("Violation", str(DCTERMS.title), str(DATASET)) in semic_results(bare)


def test_record_holds_what_a_harvester_lists(record, kg):
    g = record
    assert (CATALOG, DCAT.dataset, DATASET) in g and (CATALOG, DCAT.service, SERVICE) in g
    assert {o.language for o in g.objects(DATASET, DCTERMS.title)} == {"sv", "en"}
    assert {o.language for o in g.objects(DATASET, DCTERMS.description)} == {"sv", "en"}
    assert g.value(DATASET, DCTERMS.license) == DATA_LICENCE
    publisher = g.value(DATASET, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in g
    spatial = set(g.objects(DATASET, DCTERMS.spatial))
    assert URIRef("http://publications.europa.eu/resource/authority/country/SWE") in spatial
    assert set(kg.graph.subjects(RDF.type, GM.County)) <= spatial and len(spatial) == 22
    period = g.value(DATASET, DCTERMS.temporal)
    start, end = g.value(period, DCAT.startDate), g.value(period, DCAT.endDate)
    assert start.datatype == end.datatype == XSD.date and str(start) < str(end)
    assert str(g.value(DATASET, DCTERMS.modified)) == str(end)
    assert {str(k) for k in g.objects(DATASET, DCAT.keyword)} >= {"socialtjänst", "social services"}
    assert {str(t).rsplit("/", 1)[-1] for t in g.objects(DATASET, DCAT.theme)} == {"SOCI", "GOVE"}
    assert g.value(DATASET, URIRef(str(DCAT) + "version")) is not None
    contact = g.value(DATASET, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Organization) in g and not list(g.objects(contact, VCARD.hasEmail))
    distributions = list(g.objects(DATASET, DCAT.distribution))
    assert len(distributions) == len(DISTRIBUTIONS) == 5
    urls = {str(g.value(d, DCAT.accessURL)) for d in distributions}
    assert urls == {BASE + "data/" + name for name in DISTRIBUTIONS}
    assert all(
        g.value(d, DCAT.mediaType) is not None and g.value(d, DCTERMS.license) == DATA_LICENCE for d in distributions
    )
    assert str(g.value(SERVICE, DCAT.endpointURL)) == BASE + "sparql"
    assert (SERVICE, DCAT.servesDataset, DATASET) in g
    assert int(g.value(DATASET, VOID.triples)) == len(shareable_graph(kg.graph))


def test_no_person_in_the_record(record, kg):
    names = {str(o) for o in kg.graph.objects(None, FOAF.name)} | {str(o) for o in kg.graph.objects(None, FOAF.mbox)}
    assert names
    text = record.serialize(format="nt")
    assert not [n for n in names if n in text]


def test_cli_writes_the_record(tmp_path):
    out = tmp_path / "catalog.ttl"
    result = CliRunner().invoke(main, ["export", "catalog", "-o", str(out), "--base-url", "https://example.org/gm"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"Skrev {out} (5 distributioner)."
    g = Graph().parse(out, format="turtle")
    assert str(g.value(SERVICE, DCAT.endpointURL)) == "https://example.org/gm/sparql"
    assert "CC0 1.0" in out.read_text(encoding="utf-8").splitlines()[0]
