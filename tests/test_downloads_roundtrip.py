"""Downloads read back as a user's programs read them: each .xlsx with openpyxl and with LibreOffice
Calc headless (`soffice --convert-to csv`), the Excel CSV and the machine CSV with the csv module,
against the JSON of the same answer: the same rows, every code of a row in its "(kod)" column, several
values joined by "; " everywhere (never a Python list's text)."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess

import openpyxl
import pytest

from graphmap.ontology import code_of

SUPPORT = {"area": "funktionshinder"}
GAP_CELL = {"county": "24", "area": "barn-och-unga"}


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail("LibreOffice (soffice) missing in CI: apt-get install libreoffice-calc", pytrace=False)
        pytest.skip("LibreOffice (soffice) is not installed (apt-get install libreoffice-calc)")
    return found


def calc_rows(xlsx: bytes, tmp_path) -> list[list[str]]:
    """The first sheet as LibreOffice Calc reads it, saved as UTF-8 CSV."""
    src = tmp_path / "answer.xlsx"
    src.write_bytes(xlsx)
    done = subprocess.run([soffice(), "--headless", "--norestore", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path), str(src)],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ, HOME=str(tmp_path)))
    out = tmp_path / "answer.csv"
    assert out.is_file(), done.stderr
    return list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def http(web):
    return web.http


def _get(http, path, params) -> bytes:
    r = http.get(path, params=params)
    assert r.status_code == 200, (path, r.text[:300])
    return r.content


def test_support_answer_reads_back_the_same_everywhere(http, tmp_path):
    answer = http.get("/fraga/support.json", params=SUPPORT).json()
    rows = answer["rows"]
    assert rows and any(isinstance(r["kind"], list) and len(r["kind"]) > 1 for r in rows)
    book = openpyxl.load_workbook(io.BytesIO(_get(http, "/fraga/support.xlsx", SUPPORT)))
    sheet = [[("" if v is None else str(v)) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    head, body = sheet[0], sheet[1:]
    assert len(body) == len(rows)
    kind_codes = head.index(next(h for h in head if h.startswith("Typ av stöd (")))
    for json_row, xlsx_row in zip(rows, body):
        assert xlsx_row[0] == json_row["actor_label"]
        # every code of the row, in its own column, joined by "; "
        assert xlsx_row[kind_codes].split("; ") == [code_of(k) for k in json_row["kind"]]
        assert not any("['" in cell or "']" in cell for cell in xlsx_row)
    # LibreOffice Calc reads the same table
    calc = calc_rows(_get(http, "/fraga/support.xlsx", SUPPORT), tmp_path)
    assert [[c.strip() for c in r] for r in calc if any(c.strip() for c in r)] == \
        [[c.strip() for c in r] for r in sheet]
    # the Excel CSV: the same cells; the machine CSV: lists joined by "; ", never Python's list text
    excel = list(csv.reader(io.StringIO(_get(http, "/fraga/support.excel.csv", SUPPORT).decode("utf-8-sig")), delimiter=";"))
    assert excel == sheet
    machine = list(csv.DictReader(io.StringIO(_get(http, "/fraga/support.csv", SUPPORT).decode("utf-8-sig"))))
    assert len(machine) == len(rows)
    for json_row, csv_row in zip(rows, machine):
        for key, value in json_row.items():
            if isinstance(value, list):
                assert (csv_row[key].split("; ") if csv_row[key] else []) == value
            assert "['" not in csv_row[key]


def test_the_gap_cells_rows_download_as_the_page_shows_them(http, tmp_path):
    page = http.get("/luckor/rader", params=GAP_CELL).text
    for fmt in ("xlsx", "excel.csv", "csv", "json"):
        assert f"/fraga/gaps.{fmt}?county=24&amp;area=barn-och-unga" in page
    shown = page.count("<tr>") - 1  # the table's rows without its header
    answer = http.get("/fraga/gaps.json", params=GAP_CELL).json()
    assert len(answer["rows"]) == shown > 0
    assert {r["area"] for r in answer["rows"]} == {"https://w3id.org/graphmap/vocab/area/barn-och-unga"}
    xlsx = _get(http, "/fraga/gaps.xlsx", GAP_CELL)
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert book.worksheets[0].max_row - 1 == shown
    calc = [r for r in calc_rows(xlsx, tmp_path) if any(c.strip() for c in r)]
    assert len(calc) - 1 == shown


def test_the_link_sheet_says_from_to_relation_confidence_source(http):
    book = openpyxl.load_workbook(io.BytesIO(_get(http, "/data/graphmap.xlsx", {})))
    links = list(book["Kopplingar"].iter_rows(values_only=True))
    assert list(links[0][:5]) == ["Från", "Till", "Relation", "Säkerhet", "Källa"]
    with_both = [r for r in links[1:] if r[3] and r[4]]
    assert len(with_both) > 0.95 * (len(links) - 1)


def test_a_municipality_pages_tables_download_as_shown(http):
    """Umeå's page: its coverage, networks and gaps tables each link their .xlsx and Excel CSV, and the
    gaps download holds Umeå's rows only (the county's answer narrowed as the page narrows it)."""
    import re

    page = http.get("/kommun/2480").text
    for name in ("coverage", "networks", "gaps"):
        assert f"/fraga/{name}.xlsx?" in page and f"/fraga/{name}.excel.csv?" in page
    link = re.search(r'href="(/fraga/gaps\.xlsx\?[^"]+)"', page).group(1).replace("&amp;", "&")
    r = http.get(link)  # the link as the page gives it (no params= here: httpx would replace its query)
    assert r.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    head, *rows = list(book.worksheets[0].iter_rows(values_only=True))
    gaps_section = page.split('<h2>Luckor för kommunen</h2>')[1].split("</section>")[0]
    assert len(rows) == gaps_section.count("<tr>") - 1 > 0
    assert {r[head.index("Kommun")] for r in rows} == {"Umeå"}


def test_the_gap_matrix_and_the_state_of_the_map_download_as_shown(http, tmp_path):
    """/luckor's matrix and /kartlaggning's table: .xlsx and Excel CSV with the page's cells, read back
    with openpyxl, the csv module and LibreOffice Calc alike."""
    import re

    page = http.get("/luckor").text
    shown = [re.sub(r"<[^>]+>", "", cell).replace(" · ", " !").split(" !")[0]
             for cell in re.findall(r'<td class="heat[^"]*">(.*?)</td>', page)]
    xlsx = _get(http, "/luckor/luckor.xlsx", {})
    sheet = [[("" if v is None else str(v)) for v in row]
             for row in openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0].iter_rows(values_only=True)]
    assert len(sheet[0]) == 22 and len(sheet) == 1 + page.count("<tr><th scope=\"row\">")  # 21 counties; every area
    assert [c.split(" !")[0] for row in sheet[1:] for c in row[1:]] == shown
    excel = list(csv.reader(io.StringIO(_get(http, "/luckor/luckor.excel.csv", {}).decode("utf-8-sig")), delimiter=";"))
    assert excel == sheet
    assert [[c.strip() for c in r] for r in calc_rows(xlsx, tmp_path) if any(r)] == [[c.strip() for c in r] for r in sheet]
    state = openpyxl.load_workbook(io.BytesIO(_get(http, "/kartlaggning/kartlaggning.xlsx", {}))).worksheets[0]
    assert state.max_row == 22 and state.cell(2, 1).value == "Stockholms län"
    assert "/kartlaggning/kartlaggning.excel.csv" in http.get("/kartlaggning").text
