"""new-region templates: the workbook's shape, a round trip (template → fill → validate → build →
query), and the exact Swedish messages for a workbook with typical mistakes."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import graphmap
from graphmap.cli import main
from graphmap.ingest import IngestError
from graphmap.region import KOMMUNER, LIST_SHEET, RegionError, new_region
from graphmap.schema import REGION_TABLES as TABLES  # the round's tables are written by graphmap round
from helpers import REGION_ID, ROWS, make_region


@pytest.fixture(scope="module")
def template(tmp_path_factory, kg):
    return new_region("Exempelfjäll", ["Jämtlands län"], tmp_path_factory.mktemp("tpl"), kg.graph)


@pytest.fixture(scope="module")
def region(tmp_path_factory, kg):
    return make_region(tmp_path_factory.mktemp("filled"), graph=kg.graph)


def test_template_files(template):
    assert template.folder.name == "exempelfjall"
    assert template.workbook.name == "exempelfjall.xlsx"
    names = sorted(p.name for p in template.csv_files)
    assert names == sorted([f"{t.name}.csv" for t in TABLES] + ["kommuner.csv"])
    assert all(p.parent.name == "csv" for p in template.csv_files)
    readme = template.readme.read_text(encoding="utf-8")
    assert "graphmap validate exempelfjall" in readme and "`skr`" in readme and REGION_ID in readme
    with open(template.folder / "csv" / "offers.csv", encoding="utf-8-sig", newline="") as f:
        header, explain = list(csv.reader(f))
    assert header == [c.name for c in next(t for t in TABLES if t.name == "offers").columns]
    assert explain[0].startswith("# ")


def test_workbook_sheets_explanations_and_dropdowns(template):
    book = load_workbook(template.workbook)
    assert book.sheetnames == ["instruktioner", *[t.name for t in TABLES], KOMMUNER, LIST_SHEET]
    assert book[LIST_SHEET].sheet_state == "hidden"
    for table in TABLES:
        ws = book[table.name]
        assert [c.value for c in ws[1]] == [c.name for c in table.columns]
        assert ws.cell(2, 1).value.startswith("# ")
        validated = {}
        for dv in ws.data_validations.dataValidation:
            for rng in dv.sqref.ranges:
                validated[ws.cell(1, rng.min_col).value] = dv
        vocab_columns = {c.name for c in table.columns if c.vocab or c.kind == "lan"}
        assert set(validated) == vocab_columns, table.name
        for col in table.columns:
            if col.name in validated:
                dv = validated[col.name]
                assert dv.formula1.startswith(f"={LIST_SHEET}!")
                assert dv.showErrorMessage is (not col.many)  # multi-value cells take "a;b": no error
    lists = book[LIST_SHEET]
    header = [c.value for c in lists[1]]
    level = [lists.cell(r, header.index("level") + 1).value for r in range(2, 6)]
    assert level == ["internationell", "nationell", "regional", "lokal"]  # gm:order: the widest first
    km = list(book[KOMMUNER].iter_rows(values_only=True))
    assert km[0] == ("kommunkod", "kommun", "lanskod", "lan")
    assert ("2380", "Östersund", "23", "Jämtlands län") in km
    assert len([r for r in km[2:] if r[2] == "23"]) == len(km) - 2 == 8


def test_empty_template_validates(template):
    result = CliRunner().invoke(main, ["validate", str(template.folder)])
    assert result.exit_code == 0, result.output
    assert "0 fel, 0 varningar" in result.output


def test_bad_county_and_existing_folder(template, kg):
    with pytest.raises(RegionError) as exc:
        new_region("Ny", ["Jämtlnds län"], template.folder.parent, kg.graph)
    assert exc.value.message("sv") == (
        '"Jämtlnds län" är inget län. Ange länskod (två siffror) eller namn, t.ex. 24 '
        "eller Västerbottens län. Menade du: Jämtlands län?"
    )
    result = CliRunner().invoke(
        main, ["new-region", "Exempelfjäll", "--county", "23", "-o", str(template.folder.parent)]
    )
    assert result.exit_code == 2
    assert "finns redan och är inte tom; inget skrevs" in result.output


def test_round_trip_validate_build_query(region):
    result = CliRunner().invoke(main, ["validate", str(region)])
    assert result.exit_code == 0, result.output
    assert "exempelfjall.xlsx: offers, rad 3, kolumn confidence: uppgiften är ett antagande (assumed)" in result.output
    assert "0 fel, 1 varningar" in result.output
    kg = graphmap.build([region])
    assert kg.validation.conforms
    rows = graphmap.run_query(kg, "support", area="funktionshinder", municipality="Krokom").present()
    assert {r["actor_label"] for r in rows} >= {"FoU Exempelfjäll"}
    coverage = graphmap.run_query(kg, "coverage", municipality="Östersund").present()
    assert "FoU Exempelfjäll" in {r["actor_label"] for r in coverage}
    networks = graphmap.run_query(kg, "networks", actor="fou-exempelfjall").present()
    assert {(r["network_label"], r["leader_label"]) for r in networks} >= {
        ("SKR:s exempelnätverk funktionshinder", "Sveriges Kommuner och Regioner (SKR)")
    }
    assert not graphmap.run_query(kg, "support", area="funktionshinder", municipality="Åre").rows


MISTAKES = {
    "offers": [{**ROWS["offers"][0], "areas": "funktionshindr", "confidence": "stated"}],
    "coverage": [{**ROWS["coverage"][0], "places": "2380;2399"}],
    "actors": [
        ROWS["actors"][0],
        {**ROWS["actors"][1], "level": None},
        {**ROWS["actors"][0], "name_sv": "FoU Exempelfjäll igen"},
    ],
    "memberships": [{**ROWS["memberships"][0], "member": "fou-exempelfjal"}],
    "sources": ROWS["sources"],
    "networks": ROWS["networks"],
}


def test_typical_mistakes_one_message_each(tmp_path, kg):
    folder = make_region(tmp_path, rows=MISTAKES, graph=kg.graph)
    with pytest.raises(IngestError) as exc:
        graphmap.build([folder])
    errors = [p.format("sv") for p in exc.value.problems if p.severity == "error"]
    assert errors == [
        'exempelfjall.xlsx: actors, rad 5, kolumn id: id "fou-exempelfjall" finns redan på rad 3. Ge raden ett eget id.',
        "exempelfjall.xlsx: actors, rad 4, kolumn level: obligatoriskt värde saknas. Fyll i cellen.",
        'exempelfjall.xlsx: memberships, rad 3, kolumn member: "fou-exempelfjal" finns inte bland actors/networks/kommun. '
        "Menade du: fou-exempelfjall?",
        'exempelfjall.xlsx: coverage, rad 3, kolumn places: "2399" är ingen kommun- eller länskod. '
        "Använd SCB:s kod (kommun 4 siffror, län 2 siffror) eller namnet.",
        'exempelfjall.xlsx: offers, rad 3, kolumn areas: "funktionshindr" finns inte i listan area. '
        "Menade du: funktionshinder?",
    ]
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 2
    assert "5 fel, 0 varningar. Rätta felen och kör igen." in result.output
    english = CliRunner().invoke(main, ["validate", str(folder), "--lang", "en"])
    assert (
        'ERROR: exempelfjall.xlsx: offers, row 3, column areas: "funktionshindr" is not in the list area.'
        in english.output
    )


def test_renamed_sheet_is_reported_not_silently_skipped(tmp_path, kg):
    folder = make_region(tmp_path, graph=kg.graph)
    workbook = folder / "exempelfjall.xlsx"
    book = load_workbook(workbook)
    book["offers"].title = "erbjudanden"
    book.save(workbook)
    kg = graphmap.build([folder])
    warnings = [p.format("sv") for p in kg.ingest.problems if p.code == "unknown_sheet"]
    assert len(warnings) == 1
    assert warnings[0].startswith(
        'exempelfjall.xlsx: erbjudanden: bladet "erbjudanden" är ingen känd tabell och läses '
        "inte. Byt namn på bladet till en av: activities, actors, agreements,"
    )


def test_iris_stay_when_the_region_folder_is_renamed(tmp_path):
    """A fact's IRI names its dataset; with ``dataset-id.txt`` the dataset's own id, not the folder's name."""
    import shutil

    from graphmap.ingest.inputs import DATASET_ID_FILE
    from graphmap.ontology import REGIONS_DIR

    def facts(folder):
        graph = graphmap.build([folder]).graph
        return {str(s) for s in graph.subjects() if str(s).startswith("https://w3id.org/graphmap/id/")}

    original = tmp_path / "fyrbodal"
    shutil.copytree(REGIONS_DIR / "fyrbodal", original)
    before = facts(original)
    assert len([iri for iri in before if "/id/fyrbodal/" in iri]) > 100
    renamed = tmp_path / "Fyrbodal 2027 (kopia)"
    original.rename(renamed)
    assert facts(renamed) != before  # the folder's name was the id
    (renamed / DATASET_ID_FILE).write_text("fyrbodal\n", encoding="utf-8")
    assert facts(renamed) == before
