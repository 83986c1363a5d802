"""Merging regions into one national graph: shared actors become one node, municipalities merge by
SCB code, and conflicting facts are reported with both places (and printed by `graphmap build`)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF, SKOS

import graphmap
from graphmap.cli import main
from graphmap.ingest import bundled_paths
from graphmap.ontology import GM, actor_iri, kommun_iri
from helpers import ROWS, make_region

SKR = actor_iri("skr")


@pytest.fixture(scope="module")
def region(tmp_path_factory, kg):
    return make_region(tmp_path_factory.mktemp("merge"), graph=kg.graph)


@pytest.fixture(scope="module")
def merged(region):
    return graphmap.build(bundled_paths() + [region])


def test_national_actors_are_not_duplicated(merged):
    g = merged.graph
    skr_nodes = {s for s, o in g.subject_objects(SKOS.prefLabel) if "SKR" in str(o) and (s, RDF.type, GM.Actor) in g}
    assert skr_nodes == {SKR}
    assert len(set(g.objects(SKR, GM.level))) == 1
    assert len([lab for lab in g.objects(SKR, SKOS.prefLabel) if lab.language == "sv"]) == 1
    sources = {str(s).split("/")[-3] for s in g.objects(SKR, DCTERMS.source)}
    assert {"exempelfjall", "vasterbotten", "fyrbodal"} <= sources  # every region's source kept
    assert merged.validation.conforms
    assert merged.ingest.datasets[:5] == ["fyrbodal", "jonkoping", "stockholm", "vasterbotten", "00-nationellt"]
    assert merged.ingest.datasets[-1] == "exempelfjall" and len(merged.ingest.datasets) == 27  # + 21 counties


def test_merged_queries(merged):
    leaders = graphmap.run_query(merged, "networks", actor="fou-exempelfjall").present()
    assert {r["leader"] for r in leaders} == {str(SKR)}
    rows = graphmap.run_query(merged, "support", area="funktionshinder", municipality="Krokom").present()
    assert "FoU Exempelfjäll" in {r["actor_label"] for r in rows}
    # Umeå (bundled Västerbotten) still gets its own support, not the new region's
    umea = {
        r["actor_label"]
        for r in graphmap.run_query(merged, "support", area="funktionshinder", municipality="Umeå").present()
    }
    assert "FoU Socialtjänst (Västerbotten)" in umea and "FoU Exempelfjäll" not in umea


def test_municipality_named_or_coded_is_one_node(merged):
    g = merged.graph
    # the region wrote "2380;Krokom": a code and a name, both resolved to SCB-coded IRIs
    covered = set(g.objects(actor_iri("fou-exempelfjall"), GM.serves))
    assert covered == {kommun_iri("2380"), kommun_iri("2309")}
    assert len(list(g.subjects(GM.scbCode, Literal("2309")))) == 1


def test_conflicts_are_reported_with_both_sources(tmp_path, kg):
    rows = dict(ROWS)
    rows["actors"] = [
        ROWS["actors"][0],
        {
            **ROWS["actors"][1],
            "level": "regional",
            "types": "Medlemsorganisation",
            "name_en": "Swedish Association of Local Authorities and Regions (SKR)",
            "homepage": "https://skr.se",
        },
    ]
    region = make_region(tmp_path, rows=rows, graph=kg.graph)
    kg = graphmap.build(bundled_paths() + [region])
    conflicts = [p.format("sv") for p in kg.ingest.problems if p.code == "conflict"]
    # types "Medlemsorganisation" = "medlemsorganisation" and the same English name: no conflict
    assert conflicts == [
        'exempelfjall.xlsx: actors, rad 4, kolumn level: "nationell" (fyrbodal: actors.csv, rad 5, källa '
        'verksamhetsplan-2023) mot "regional" (exempelfjall: exempelfjall.xlsx: actors, rad 4, källa exempelplan-2026); '
        "det första behålls. Kom överens om ett värde i båda regionernas tabeller."
    ]
    english = [p.format("en") for p in kg.ingest.problems if p.code == "conflict"]
    assert "(fyrbodal: actors.csv, row 5, source verksamhetsplan-2023) against" in english[0]
    # the first value is kept, the new region's homepage fills a gap
    assert set(kg.graph.objects(SKR, GM.level)) == {graphmap.ontology.concept_iri("level", "nationell")}
    assert str(kg.graph.value(SKR, graphmap.ontology.FOAF.homepage)) == "https://skr.se"

    result = CliRunner().invoke(
        main, ["build", *map(str, bundled_paths()), str(region), "-o", str(tmp_path / "sverige.ttl")]
    )
    assert result.exit_code == 0, result.output
    assert f"VARNING: {conflicts[0]}" in result.output
    assert "Skrev" in result.output and (tmp_path / "sverige.ttl").exists()
