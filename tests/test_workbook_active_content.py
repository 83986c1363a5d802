"""No active content out, none accepted in .

Out: a data value starting with ``=`` (a source title, an actor's name, a note) was written as a formula
into the round's workbooks sent to municipalities (openpyxl stores any string starting with ``=`` as a
formula): LibreOffice made ``=HYPERLINK(…)`` a live link to another site, and the workbook could never be
read back. Every workbook graphmap writes now passes through ``tabular.workbook_bytes``: each cell a
value. Checked by reading back with openpyxl and by converting with LibreOffice (``soffice --headless``).

In: a returned workbook with formulas in its answer cells, macros (``.xlsm``, ``vbaProject.bin``) or
external links is refused with a message naming the cells; free text from returns is bounded and cleaned.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

import graphmap
from graphmap.round.readback import read_returns
from graphmap.round.workbook import start_round

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = '=HYPERLINK("http://other.example/steal","Klicka här")'
SOFFICE = shutil.which("soffice")


@pytest.fixture(scope="module")
def hostile_round(tmp_path_factory):
    """Fyrbodal with a source whose title is a formula, and a round made from it for Strömstad."""
    tmp = tmp_path_factory.mktemp("active")
    region = tmp / "fyrbodal"
    shutil.copytree(ROOT / "data" / "regions" / "fyrbodal", region)
    path = region / "sources.csv"
    text = path.read_text(encoding="utf-8").replace(
        "Verksamhetsplan FoU-Socialtjänst Fyrbodal 2023", HOSTILE.replace('"', '""').join('""'), 1
    )
    path.write_text(text, encoding="utf-8")
    kg = graphmap.build([region])
    made = start_round(kg, "Kartläggning 2027", ["1486"], tmp / "rounds", today="2027-02-01")
    return kg, made


def _cells(path: Path):
    book = load_workbook(path)  # not read-only: data_type as written
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield sheet.title, cell


def test_a_formula_in_the_data_is_text_in_the_round_workbook(hostile_round):
    _kg, made = hostile_round
    cells = list(_cells(made.workbooks[0]))
    assert [c.coordinate for _s, c in cells if c.data_type == "f"] == []  # before: the source cells were formulas
    assert any(c.value == HOSTILE and c.data_type == "s" for _s, c in cells)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_the_text_and_makes_no_link(hostile_round, tmp_path):
    _kg, made = hostile_round
    book = load_workbook(made.workbooks[0])
    index = book.sheetnames.index("Att verifiera") + 1
    out = tmp_path / "csv"
    # every sheet of the workbook as its own CSV file (LibreOffice >= 7.2: the 12th token, -1)
    proc = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(out),
            str(made.workbooks[0]),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    files = sorted(out.glob("*.csv"))
    assert files, proc.stderr
    sheet = next(f for f in files if f.stem.endswith("Att verifiera")) if len(files) > 1 else files[0]
    text = sheet.read_text(encoding="utf-8")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert HOSTILE in cells, (index, text[:2000])  # the formula's text, not its result "Klicka här"
    assert "Klicka här" not in cells


def test_the_round_workbook_with_such_a_value_reads_back(hostile_round):
    kg, made = hostile_round
    shutil.copy(made.workbooks[0], made.folder / "svar" / made.workbooks[0].name) if (
        made.folder / "svar"
    ).exists() else ((made.folder / "svar").mkdir(), shutil.copy(made.workbooks[0], made.folder / "svar"))
    back = read_returns(made.folder, kg=kg)
    assert back.errors == [], [p.format("en") for p in back.errors]  # before: protected cells "changed"


def test_every_other_workbook_graphmap_writes_holds_values_only(tmp_path):
    from graphmap.region import build_workbook
    from graphmap.tabular import xlsx_bytes

    (tmp_path / "a.xlsx").write_bytes(xlsx_bytes([("Data", ["Namn"], [[HOSTILE]])]))
    munis = []
    (tmp_path / "b.xlsx").write_bytes(build_workbook(munis, {}, [], {}, [("actors", "x", HOSTILE)]))
    for name in ("a.xlsx", "b.xlsx"):
        cells = list(_cells(tmp_path / name))
        assert [c.coordinate for _s, c in cells if c.data_type == "f"] == [], name
        assert any(c.value is not None and HOSTILE in str(c.value) for _s, c in cells), name


# ---------------------------------------------------------------- none accepted in
def _returned(made, tmp_path: Path, change=None, suffix: str = ".xlsx", extra: dict | None = None) -> Path:
    """Strömstad's workbook returned, with ``change(book)`` made in openpyxl and ``extra`` parts added."""
    import zipfile

    src = made.workbooks[0]
    folder = tmp_path / "svar"
    folder.mkdir()
    book = load_workbook(src)
    if change:
        change(book)
    out = folder / (src.stem + suffix)
    book.save(out)
    if extra:
        with zipfile.ZipFile(out, "a") as archive:
            for name, data in extra.items():
                archive.writestr(name, data)
    return folder


def _answer_formula(book):
    ws = book["Att verifiera"]
    ws["I3"] = '=HYPERLINK("http://other.example/","Stämmer")'
    ws["K3"] = "=1+1"


@pytest.mark.parametrize(
    "case, expected",
    [
        (
            "formulas",
            "1486-stromstad.xlsx: Att verifiera, row 3: 2 cells hold formulas (I3, K3); a returned workbook is "
            "read with typed values only. Type the value into the cells instead of a formula (Copy, Paste "
            "special: Values).",
        ),
        (
            "macros",
            "1486-stromstad.xlsm: the workbook holds macros or links to other files (xl/vbaProject.bin) and is "
            "not read. Save it as an Excel workbook (.xlsx) without macros or links, the values typed in.",
        ),
        (
            "links",
            "1486-stromstad.xlsx: the workbook holds macros or links to other files "
            "(xl/externalLinks/externalLink1.xml) and is not read. Save it as an Excel workbook (.xlsx) without "
            "macros or links, the values typed in.",
        ),
    ],
)
def test_a_returned_workbook_with_active_content_is_refused(hostile_round, tmp_path, case, expected):
    """Before: all three read without a word (the formula's saved value taken as the answer)."""
    kg, made = hostile_round
    folder = {
        "formulas": lambda: _returned(made, tmp_path, _answer_formula),
        "macros": lambda: _returned(made, tmp_path, suffix=".xlsm", extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"}),
        "links": lambda: _returned(made, tmp_path, extra={"xl/externalLinks/externalLink1.xml": b"<externalLink/>"}),
    }[case]()
    back = read_returns(made.folder, [folder], kg=kg)
    assert [p.format("en") for p in back.errors] == [expected]
    assert back.returned == []
