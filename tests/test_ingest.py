"""Bad input: one clear message per problem naming file, row and column; exit code 2; nothing written."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import main
from graphmap.ingest import IngestError, ingest
from graphmap.ontology import REGIONS_DIR

FYRBODAL = REGIONS_DIR / "fyrbodal"


@pytest.fixture()
def region(tmp_path) -> Path:
    """A copy of the Fyrbodal folder to break."""
    target = tmp_path / "fyrbodal"
    shutil.copytree(FYRBODAL, target)
    return target


def edit(path: Path, row_id: str, column: str, value: str) -> int:
    """Set one cell; return the spreadsheet row number (header = 1)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    col = rows[0].index(column)
    number = next((n for n, row in enumerate(rows[1:], start=2) if row[0] == row_id), None)
    if number is None:
        raise KeyError(row_id)
    rows[number - 1][col] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return number


def messages(folder: Path, lang: str = "sv") -> list[str]:
    with pytest.raises(IngestError) as err:
        ingest([folder])
    return [p.format(lang) for p in err.value.problems if p.severity == "error"]


def test_unknown_municipality_code(region):
    row = edit(region / "coverage.csv", "fou-lilla-edet", "places", "1400")
    assert messages(region) == [
        f'coverage.csv, rad {row}, kolumn places: "1400" är ingen kommun- eller länskod. '
        "Använd SCB:s kod (kommun 4 siffror, län 2 siffror) eller namnet."
    ]


def test_duplicate_id(region):
    row = edit(region / "offers.csv", "utbildning", "id", "omvarldsbevakning")
    assert messages(region, "en") == [
        f'offers.csv, row {row}, column id: id "omvarldsbevakning" is already used on row 3. '
        "Give the row an id of its own."
    ]


def test_dangling_reference(region):
    row = edit(region / "offers.csv", "utbildning", "actor", "fou-socialtjanst-fyrbodl")
    assert messages(region) == [
        f'offers.csv, rad {row}, kolumn actor: "fou-socialtjanst-fyrbodl" finns inte bland '
        "actors/networks. Menade du: fou-socialtjanst-fyrbodal?"
    ]


def test_value_outside_vocabulary(region):
    row = edit(region / "offers.csv", "utbildning", "areas", "aldre;funktionshindr")
    assert messages(region) == [
        f'offers.csv, rad {row}, kolumn areas: "funktionshindr" finns inte i listan area. Menade du: funktionshinder?'
    ]


def test_missing_required_column(region):
    path = region / "networks.csv"
    text = path.read_text(encoding="utf-8").replace(",kind,", ",sort,", 1)
    path.write_text(text, encoding="utf-8")
    msgs = messages(region)
    assert msgs[0] == 'networks.csv, rad 1, kolumn kind: kolumnen "kind" saknas. Lägg till kolumnen i rubrikraden.'


def test_empty_required_cell(region):
    row = edit(region / "posts.csv", "vfu-samordnare", "title_sv", "")
    assert messages(region) == [f"posts.csv, rad {row}, kolumn title_sv: obligatoriskt värde saknas. Fyll i cellen."]


def test_a_value_beyond_the_last_heading_is_an_error_not_dropped(region):
    """An unquoted comma inside a description shifts the row's last values right of the header: the
    row is refused with its cell and value, never read with the overflow silently left out."""
    path = region / "offers.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    number = next(n for n, r in enumerate(rows[1:], start=2) if r[0] == "utbildning")
    rows[number - 1].append("och mer")
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    column = chr(ord("A") + len(rows[0]))
    assert messages(region, "en") == [
        f"offers.csv, row {number}, column {column}: the value «och mer» stands right of the last headed column; "
        "the row is not read. A delimiter too many in the row? Put quotes around a cell that holds a comma or "
        "semicolon, or give the column a heading."
    ]


def test_every_problem_is_reported_not_just_the_first(region):
    edit(region / "offers.csv", "utbildning", "areas", "nope")
    edit(region / "offers.csv", "utredning", "kind", "nope")
    edit(region / "coverage.csv", "fou-lilla-edet", "places", "9999")
    assert len(messages(region)) == 3


def test_lost_leading_zero_is_read_with_a_warning(tmp_path):
    folder = tmp_path / "stockholm"
    shutil.copytree(REGIONS_DIR / "stockholm", folder)
    edit(folder / "coverage.csv", "fou-nu-kommuner", "places", "162;186")  # 0162 Danderyd, 0186 Lidingö
    result = ingest([folder])
    warnings = [p.format("sv") for p in result.problems if p.code == "padded_code"]
    assert any('"162" tolkades som 0162 (Danderyd)' in w for w in warnings)


@pytest.mark.parametrize("breaker", ["code", "duplicate", "reference", "vocabulary", "column"])
def test_cli_exit_code_2_and_nothing_written(region, tmp_path, breaker):
    if breaker == "code":
        edit(region / "coverage.csv", "fou-lilla-edet", "places", "1400")
    elif breaker == "duplicate":
        edit(region / "offers.csv", "utbildning", "id", "omvarldsbevakning")
    elif breaker == "reference":
        edit(region / "offers.csv", "utbildning", "actor", "nobody")
    elif breaker == "vocabulary":
        edit(region / "offers.csv", "utbildning", "kind", "massage")
    else:
        path = region / "actors.csv"
        path.write_text(path.read_text(encoding="utf-8").replace(",level,", ",nivaa,", 1), encoding="utf-8")
    out = tmp_path / "out" / "graph.ttl"
    result = CliRunner().invoke(main, ["build", str(region), "-o", str(out)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "inget skrevs" in result.output
    assert not out.exists() and not out.parent.exists()


def test_failed_build_keeps_the_previous_output(region, tmp_path):
    out = tmp_path / "graph.ttl"
    assert CliRunner().invoke(main, ["build", str(region), "-o", str(out)]).exit_code == 0
    before = out.read_bytes()
    edit(region / "offers.csv", "utbildning", "kind", "massage")
    assert CliRunner().invoke(main, ["build", str(region), "-o", str(out)]).exit_code == 2
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["fyrbodal", "graph.ttl"]  # no temp files left


def test_swedish_excel_csv_is_read(tmp_path):
    """Semicolon-separated, Windows-1252, CRLF, as Swedish Excel saves 'CSV (semikolonavgränsad)'."""
    folder = tmp_path / "region"
    folder.mkdir()
    (folder / "sources.csv").write_bytes("id;title\r\nkalla;Källa för Åsele\r\n".encode("cp1252"))
    (folder / "actors.csv").write_bytes(
        "id;name_sv;types;level;county;source;confidence\r\nfou-asele;FoU Åsele–Dorotea;FoU-enhet;regional;24;kalla;stated\r\n".encode(
            "cp1252"
        )
    )
    (folder / "posts.csv").write_bytes(
        "\ufeffid;actor;title_sv;fte;source;confidence\r\nul;fou-asele;Utvecklingsledare;0,5;kalla;stated\r\n".encode(
            "utf-8"
        )
    )
    result = ingest([folder])
    labels = {str(o) for o in result.graph.objects(None, None) if getattr(o, "language", None) == "sv"}
    assert "FoU Åsele–Dorotea" in labels
    assert any(str(o) == "0.5" for o in result.graph.objects(None, None))


def test_every_table_extra_is_listed_and_adds_its_triples(seed_kg):
    """The emitter's table of extras (Emitter.EXTRA) names real tables and every _extra_ method."""
    from rdflib import Literal
    from rdflib.namespace import FOAF, ORG, RDF

    from graphmap.ingest.emit import Emitter
    from graphmap.ontology import GM
    from graphmap.schema import TABLE

    assert set(Emitter.EXTRA) <= set(TABLE)
    assert {f.__name__ for f in Emitter.EXTRA.values()} == {
        name for name in vars(Emitter) if name.startswith("_extra_")
    }
    g = seed_kg.graph
    memberships = list(g.subjects(RDF.type, ORG.Membership))
    assert len(memberships) == 93  # the seed regions' membership rows
    assert all((g.value(m, ORG.member), ORG.memberOf, g.value(m, ORG.organization)) in g for m in memberships)
    persons = list(g.subjects(RDF.type, FOAF.Person))
    assert persons and all((p, GM.personalData, Literal(True)) in g for p in persons)
