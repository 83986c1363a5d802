"""The national reference layer (data/landscape): every county sourced or saying "ingen källa hittad",
every fact traceable to a page, one node per organisation when it meets the seed regions, renamed
organisations found by their old names, and the support answers it gives outside the seed regions.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

import graphmap
from graphmap.api import county_state_of, map_state, not_mapped_note, run_query
from graphmap.cli import main
from graphmap.ingest import expand_paths
from graphmap.mapstate import QUESTIONS
from graphmap.ontology import GM
from tests.helpers import ROOT

LANDSCAPE = ROOT / "data" / "landscape"
REGIONS = ROOT / "data" / "regions"
COUNTIES = [r["lanskod"] for r in csv.DictReader(open(ROOT / "data" / "reference" / "lan.csv", encoding="utf-8"))]
ACTOR = "https://w3id.org/graphmap/id/actor/"


def _rows(folder: Path, table: str) -> list[dict]:
    path = folder / f"{table}.csv"
    return list(csv.DictReader(open(path, encoding="utf-8"))) if path.exists() else []


def _folders():
    return expand_paths([LANDSCAPE])


def test_one_folder_per_county_and_a_national_one():
    names = [p.name for p in _folders()]
    assert names[0] == "00-nationellt" and [n[:2] for n in names[1:]] == COUNTIES


@pytest.mark.parametrize("folder", _folders()[1:], ids=lambda p: p.name)
def test_every_county_answers_the_five_questions_or_says_no_source_was_found(folder):
    code = folder.name[:2]
    rows = _rows(folder, "mapping")
    asked = {
        r["question"]
        for r in rows
        if code in r["places"].split(";") or any(p[:2] == code for p in r["places"].split(";") if len(p) == 4)
    }
    assert asked >= set(QUESTIONS), f"{folder.name}: no row for {set(QUESTIONS) - asked}"
    sources = {s["id"]: s for s in _rows(folder, "sources")}
    for r in rows:
        assert r["status"] in ("kartlagd", "delvis", "ingen-kalla-hittad")
        if r["status"] == "ingen-kalla-hittad":
            assert sources[r["source"]]["id"] == "sokning" and sources["sokning"]["note"].strip(), r["id"]
        else:
            assert sources[r["source"]]["url"].startswith("http"), r["id"]


@pytest.mark.parametrize("folder", _folders(), ids=lambda p: p.name)
def test_every_source_is_a_page_with_a_checked_date_and_every_stated_fact_cites_one(folder):
    sources = {s["id"]: s for s in _rows(folder, "sources")}
    assert sources, folder.name
    for s in sources.values():
        assert s["checked"] in ("2026-12-01", "2026-12-07"), (
            folder.name,
            s["id"],
        )  # first mapping; re-checked
        assert s["title"].strip() and s["publisher"].strip(), (folder.name, s["id"])
        if s["id"] != "sokning":  # the record of the searches made, the evidence for "no source found"
            assert s["url"].startswith(("http://", "https://")), (folder.name, s["id"])
            assert s["note"].strip() or s["date"], (folder.name, s["id"])  # a date, or the note says there is none
    for table in ("actors", "networks", "coverage", "offers", "memberships", "relations", "agreements", "changes"):
        for r in _rows(folder, table):
            assert r["confidence"] in ("stated", "assumed"), (folder.name, table, r["id"])
            src = sources[r["source"]]
            if r["confidence"] == "stated":
                assert src["url"], f"{folder.name}/{table} {r['id']}: stated without a page"
            else:
                assert r["note"].strip(), f"{folder.name}/{table} {r['id']}: an assumption says what it rests on"


def test_no_person_names_in_the_reference_layer():
    assert not any((f / "persons.csv").exists() for f in _folders())


def test_the_layer_merges_with_the_seeds_without_duplicate_nodes(kg):
    g = kg.graph
    labels: dict[str, set] = {}
    for s in set(g.subjects(RDF.type, GM.Actor)) | set(g.subjects(RDF.type, GM.Network)):
        for o in g.objects(s, SKOS.prefLabel):
            if getattr(o, "language", None) == "sv":
                labels.setdefault(str(o).casefold(), set()).add(s)
    twice = {name: sorted(map(str, nodes)) for name, nodes in labels.items() if len(nodes) > 1}
    assert not twice, twice
    # one node with the sources of both: SKR from the Västerbotten seed and from SKR's own page
    skr = URIRef(ACTOR + "skr")
    from rdflib.namespace import DCTERMS

    assert {str(s).split("/id/")[1].split("/")[0] for s in g.objects(skr, DCTERMS.source)} >= {
        "vasterbotten",
        "00-nationellt",
    }
    # FoU Socialtjänst (Västerbotten): the seed's actor, extended by the layer (member of FoU Välfärd, 2021)
    rows = run_query(kg, "actor", actor="fou-socialtjanst-vasterbotten").present()
    assert "FoU Välfärd" in {r["value_label"] for r in rows}


def test_no_build_warning_of_a_conflict_between_seed_and_layer(kg):
    assert not [p for p in kg.ingest.problems if p.code == "conflict"]


def test_renamed_organisations_resolve_by_their_old_names(kg):
    r = kg.resolver
    assert r.resolve("actor", "Kommunförbundet Skåne") == URIRef(ACTOR + "skanes-kommuner")
    assert r.resolve("actor", "FoU-stöd") == URIRef(ACTOR + "fou-socialtjanst-uppsala")
    assert r.resolve("actor", "ÄldreVäst Sjuhärad") == URIRef(ACTOR + "fou-sjuharad-valfard")
    assert r.note("actor", "Kommunförbundet Skåne") == (
        "Kommunförbundet Skåne är ett tidigare namn på Skånes Kommuner (ändrat 2020-10-02)."
    )
    result = CliRunner().invoke(main, ["chain", "Kommunförbundet Skåne", "-d", str(REGIONS), "-d", str(LANDSCAPE)])
    assert result.exit_code == 0, result.output
    assert "Kommunförbundet Skåne är ett tidigare namn på Skånes Kommuner" in result.stderr


def test_fou_valfard_the_association_the_gavleborg_department_and_the_old_vasterbotten_name_stay_three(kg):
    association, gavleborg, vasterbotten = (
        URIRef(ACTOR + a) for a in ("fou-valfard-forening", "fou-valfard-gavleborg", "fou-socialtjanst-vasterbotten")
    )
    g = kg.graph
    assert len({association, gavleborg, vasterbotten}) == 3
    assert all((x, RDF.type, GM.Actor) in g for x in (association, gavleborg, vasterbotten))
    assert kg.resolver.resolve("actor", "FoU Välfärd") == association  # the name it carries today
    assert kg.resolver.resolve("actor", "FoU Välfärd (Region Gävleborg)") == gavleborg
    assert "FoU Socialtjänst (Västerbotten)" in kg.resolver.note("actor", "FoU Välfärd")  # also a former name
    assert str(g.value(gavleborg, GM.county)).endswith("/21") and g.value(association, GM.county) is None


@pytest.mark.parametrize(
    "municipality, structure, source",
    [
        ("Botkyrka", "FoU Södertörn", "FoU Södertörn"),  # Stockholms län, outside the seeds' FoU units
        (
            "Malmö",
            "FoU Malmö",
            "Ny sajt sätter fokus på forskning och kunskapsspridning inom socialförvaltningarna i Malmö stad",
        ),
        ("Linköping", "FoU Östergötland", "Forskning och utveckling"),
        ("Luleå", "FoUI Norrbottens Kommuner", "Om oss"),
    ],
)
def test_support_outside_the_seed_regions_names_the_county_structure_and_its_source(
    kg, municipality, structure, source
):
    rows = run_query(kg, "support", area="funktionshinder", municipality=municipality).present()
    regional = [r for r in rows if not r["level"].endswith("/nationell")]
    assert any(r["actor_label"].startswith(structure) and source[:60] in r["source_label"] for r in regional), sorted(
        {(r["actor_label"], r["source_label"]) for r in regional}
    )
    note = not_mapped_note(kg, municipality)  # the county is mapped (in part): never "not mapped"
    assert note is None or "är bara delvis kartlagt" in note, note


def test_coverage_of_malmo_names_what_covers_it(kg):
    rows = run_query(kg, "coverage", municipality="Malmö").present()
    assert {"FoU Malmö", "Skånes Kommuner", "Länsstyrelsen i Skåne län"} <= {r["actor_label"] for r in rows}


def test_gotland_is_the_one_county_not_mapped_and_says_so(kg):
    states = map_state(kg)
    assert [s.code for s in states.values() if not s.mapped] == ["09"]
    assert county_state_of(kg, "Gotland").unknown == list(QUESTIONS)
    assert "Gotland ligger i Gotlands län, som inte är kartlagt ännu" in not_mapped_note(kg, "Gotland")
    matrix = graphmap.api.gap_matrix(kg)
    assert {matrix.cell(a, "https://w3id.org/graphmap/id/lan/09").text() for a in matrix.areas} == {"ej kartlagd"}
    assert "ej kartlagd" not in {matrix.cell(a, "https://w3id.org/graphmap/id/lan/25").text() for a in matrix.areas}


def test_state_command_shows_every_county_with_its_sources_ages(kg):
    result = CliRunner().invoke(main, ["state", "-d", str(REGIONS), "-d", str(LANDSCAPE), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    rows = {r["county"]: r for r in json.loads(result.stdout)}
    national = rows.pop("")  # the national pages, counted once, apart from every county
    assert sorted(rows) == COUNTIES
    assert rows["09"]["status"] == "ej-kartlagd" and rows["12"]["rss"] == "kartlagd"
    assert rows["12"]["fou"] == "delvis"  # FoU Malmö and FoU Helsingborg; none found for the other 31
    assert all(r["sources"] > 0 and r["checked"] in ("2026-12-01", "2026-12-07") for r in rows.values())
    assert rows["14"]["oldest"] <= "2016-12-31"  # FoU Sjuhärad Välfärd's new principals, 2016
    # each county's ages are its own: one 2020 Södermanland page behind every Länsstyrelse row dates no county
    assert national["sources"] >= 5 and national["oldest"] == "2020-01-24"
    assert all(r["newest"] != "2025-09-01" for r in rows.values())  # the national agreement's page


def test_state_of_one_county_shows_only_its_own_sources_and_the_national_ones_apart(tmp_path):
    import json

    for code in ("20", "09"):
        result = CliRunner().invoke(main, ["state", "--county", code, "--format", "json"])
        assert result.exit_code == 0, result.output
        own, national = json.loads(result.stdout)
        assert own["county"] == code and national["county"] == ""
        folder = next(LANDSCAPE.glob(f"{code}-*"))
        dates = {r["date"] for r in csv.DictReader(open(folder / "sources.csv", encoding="utf-8")) if r["date"]}
        assert {own["oldest"], own["newest"]} <= dates | {None}, (code, own)  # the county's own pages only
        assert national["stale"] >= 1 and national["oldest"] == "2020-01-24"
    own, _national = json.loads(CliRunner().invoke(main, ["state", "--county", "08", "--format", "json"]).stdout)
    assert own["newest"] == "2026-02-04"  # Kalmar's own newest source: the joint plan the region adopted
    table = CliRunner().invoke(main, ["state", "--county", "20", "--record", str(tmp_path / "none.json")]).stdout
    assert "Nationella källor (räknas en gång)" in table and "räknas en gång, i raden" in table
    assert "Källsidorna har inte kontrollerats" in table


def test_validate_flags_sources_older_than_five_years():
    result = CliRunner().invoke(main, ["validate", str(LANDSCAPE / "03-uppsala"), str(LANDSCAPE / "00-nationellt")])
    assert result.exit_code == 0, result.output
    assert 'kolumn date: källan är daterad "2016-06-21", mer än 5 år sedan' in result.output


def test_a_regions_own_mapping_takes_over_its_county_and_the_build_says_so(tmp_path):
    own = tmp_path / "skane-egen"
    own.mkdir()
    (own / "sources.csv").write_text(
        "id,title,publisher,url,document,date,checked,note\n"
        "egen,Egen kartläggning 2026,Skånes Kommuner,,,2026-11-01,2026-12-01,Test.\n",
        encoding="utf-8",
    )
    (own / "mapping.csv").write_text(
        "id,places,question,status,actors,source,date,confidence,note\nrss,12,rss,kartlagd,,egen,,stated,\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", str(REGIONS), str(LANDSCAPE), str(own), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 0, result.output
    assert (
        "12-skane: län 12: kartläggningen i skane-egen används i stället för referenslagrets 12-skane" in result.output
    )
    kg = graphmap.build([REGIONS, LANDSCAPE, own])
    assert (URIRef(ACTOR + "fou-malmo"), RDF.type, GM.Actor) not in kg.graph  # the layer's Skåne is out
    assert (URIRef(ACTOR + "fou-sodertorn"), RDF.type, GM.Actor) in kg.graph  # the other counties stay
    state = map_state(kg)["https://w3id.org/graphmap/id/lan/12"]
    assert state.questions["rss"].status == "kartlagd" and state.questions["fou"].status == "ingen-kalla-hittad"


def test_the_web_page_and_the_report_show_the_state_of_the_map(kg):
    import re

    import httpx

    from graphmap.report import report_html
    from graphmap.serve.live import LiveServer, create_app

    with LiveServer(create_app(kg, sparql_workers=1)) as live, httpx.Client(base_url=live.url, timeout=60) as http:
        page = http.get("/kartlaggning").text
        gaps = http.get("/luckor").text
        kiruna = http.get("/stod", params={"area": "funktionshinder", "municipality": "Gotland"}).text
    counties = re.findall(r'<tr data-county="(\d\d)" data-status="([a-z-]+)">', page)
    assert [c for c, _s in counties] == COUNTIES and dict(counties)["09"] == "ej-kartlagd"
    assert dict(counties)["12"] == "delvis" and dict(counties)["24"] == "kartlagd"
    assert gaps.count('class="heat-na"') == 19  # Gotland's column, every area
    assert 'data-testid="not-mapped"' in kiruna and "Gotlands län, som inte är kartlagt ännu" in kiruna
    report = report_html(kg)
    table = report[report.index('data-testid="map-state"') :]
    assert table[: table.index("</table>")].count("<tr data-status=") == 21
    assert "20 av 21 län har källor för minst en fråga; ej kartlagt: Gotlands län." in report
    for text in (page, report):  # the national pages in one row of their own, and whether the pages were checked
        assert text.count('data-national="yes"') == 1 and "Nationella källor (räknas en gång)" in text
        assert 'data-testid="sources-due"' in text
    for text in (page[page.index('data-county="08"') :], table[table.index("Kalmar län") :]):
        assert "2026-02-04" in text[: text.index("</tr>")]  # Kalmar's own newest source: a decision of 2026-02-04
