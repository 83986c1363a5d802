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
    done = subprocess.run(
        [
            soffice(),
            "--headless",
            "--norestore",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, HOME=str(tmp_path)),
    )
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
    assert [[c.strip() for c in r] for r in calc if any(c.strip() for c in r)] == [
        [c.strip() for c in r] for r in sheet
    ]
    # the Excel CSV: the same cells; the machine CSV: lists joined by "; ", never Python's list text
    excel = list(
        csv.reader(io.StringIO(_get(http, "/fraga/support.excel.csv", SUPPORT).decode("utf-8-sig")), delimiter=";")
    )
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
    rows_table = page[page.index('data-testid="behind-cell"') :].split("</section>", 1)[1]
    shown = rows_table.count("<tr>") - 1  # the rows table's rows without its header
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
    shown = [
        re.sub(r"<[^>]+>", "", cell).replace(" · ", " !").split(" !")[0]
        for cell in re.findall(r'<td class="heat[^"]*">(.*?)</td>', page)
    ]
    xlsx = _get(http, "/luckor/luckor.xlsx", {})
    sheet = [
        [("" if v is None else str(v)) for v in row]
        for row in openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0].iter_rows(values_only=True)
    ]
    assert len(sheet[0]) == 22 and len(sheet) == 1 + page.count("<tr><th scope=\"row\">")  # 21 counties; every area
    assert [c.split(" !")[0] for row in sheet[1:] for c in row[1:]] == shown
    excel = list(csv.reader(io.StringIO(_get(http, "/luckor/luckor.excel.csv", {}).decode("utf-8-sig")), delimiter=";"))
    assert excel == sheet
    assert [[c.strip() for c in r] for r in calc_rows(xlsx, tmp_path) if any(r)] == [
        [c.strip() for c in r] for r in sheet
    ]
    # "delvis kartlagd" is marked "?" as graphmap gaps marks it, and the workbook says how to read it
    assert "0/8 ?" in sheet[1] and sheet[0][sheet[1].index("0/8 ?")] == "Kronobergs län"
    about = [r[1] for r in openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[1].iter_rows(values_only=True)]
    assert any(str(v).startswith("? = delvis kartlagd") for v in about)
    state = openpyxl.load_workbook(io.BytesIO(_get(http, "/kartlaggning/kartlaggning.xlsx", {}))).worksheets[0]
    assert state.max_row == 22 and state.cell(2, 1).value == "Stockholms län"
    assert "/kartlaggning/kartlaggning.excel.csv" in http.get("/kartlaggning").text


def _cells(row_html: str) -> list[str]:
    import html
    import re

    return [
        html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
        for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row_html, re.S)
    ]


def test_support_for_an_area_alone_says_where_each_row_reaches(http, kg, tmp_path):
    """/stod?area=… without a municipality: rows grouped by the county they reach, each naming the
    municipalities it reaches there; checked against the answers for each municipality of
    Stockholms län, and carried into the JSON, the .xlsx, the Excel CSV and LibreOffice alike."""
    import re

    from graphmap.api import run_query

    page = http.get("/stod", params=SUPPORT).text
    sections = dict(
        re.findall(r'<section class="support-county" id="g\d+"><h2>([^<]+)</h2>(.*?)</section>', page, re.S)
    )
    assert {"Stockholms län", "Västerbottens län"} <= set(sections)
    head, *rows = [_cells(r) for r in re.findall(r"<tr>(.*?)</tr>", sections["Stockholms län"], re.S)]
    assert head[:2] == ["Aktör", "Når kommunerna"]
    # independently: who each municipality of Stockholms län reaches in the area, by its own answer
    county = [m for m, c in kg.support_layer.county_of.items() if c.endswith("/lan/01")]
    reached: dict[str, set] = {}
    for m in county:
        label = kg.label(m)
        for r in run_query(kg, "support", area=SUPPORT["area"], municipality=m.rsplit("/", 1)[-1]).present():
            if r["level_label"] != "Nationell":
                reached.setdefault(r["actor_label"], set()).add(label)
    assert rows
    for row in rows:
        actor, where = row[0], row[1]
        expected = reached[actor]
        if where == f"alla {len(county)} kommuner":
            assert len(expected) == len(county), (actor, where)
        else:
            listed, count = re.fullmatch(r"(.*) \((\d+) av 26\)", where).groups()
            assert set(listed.split(", ")) == expected and int(count) == len(expected), (actor, where, expected)
    fou = [
        r
        for r in (_cells(x) for x in re.findall(r"<tr>(.*?)</tr>", sections["Västerbottens län"], re.S))
        if r[0] == "FoU Socialtjänst (Västerbotten)"
    ]
    assert fou and all(r[1] == "alla 15 kommuner" for r in fou)
    # the downloads: the same rows with where they reach
    answer = http.get("/fraga/support.json", params=SUPPORT).json()["rows"]
    nordvast = next(r for r in answer if r["actor_label"] == "FoU Nordväst")
    assert nordvast["places"].startswith("Stockholms län: Ekerö, Järfälla") and len(nordvast["municipalities"]) == 8
    assert next(r for r in answer if r["level_label"] == "Nationell")["places"] == "hela landet (alla 290 kommuner)"
    xlsx = _get(http, "/fraga/support.xlsx", SUPPORT)
    sheet = [
        [("" if v is None else str(v)) for v in row]
        for row in openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0].iter_rows(values_only=True)
    ]
    where, codes = sheet[0].index("Når kommunerna"), sheet[0].index("Kommuner som nås (kod)")
    assert [r[where] for r in sheet[1:]] == [r["places"] for r in answer]
    assert [r[codes].split("; ") for r in sheet[1:]] == [
        [m.rsplit("/", 1)[-1] for m in r["municipalities"]] for r in answer
    ]
    excel = list(
        csv.reader(io.StringIO(_get(http, "/fraga/support.excel.csv", SUPPORT).decode("utf-8-sig")), delimiter=";")
    )
    assert excel == sheet
    machine = list(csv.DictReader(io.StringIO(_get(http, "/fraga/support.csv", SUPPORT).decode("utf-8-sig"))))
    assert [r["places"] for r in machine] == [r["places"] for r in answer]
    calc = [[c.strip() for c in r] for r in calc_rows(xlsx, tmp_path) if any(c.strip() for c in r)]
    assert [r[where] for r in calc[1:]] == [r["places"] for r in answer]


BASIS = {"county": "14", "area": "barn-och-unga"}  # Västra Götaland: actors reaching all 49 and a part


def test_the_gap_cells_basis_downloads_as_the_page_shows_it(http, tmp_path):
    """ "Vad rutan bygger på": the actors behind the cell with the municipalities of the county each
    reaches, on the page and in its .xlsx (openpyxl and LibreOffice) and Excel CSV, row for row."""
    import re

    page = http.get("/luckor/rader", params=BASIS).text
    behind = page[page.index('data-testid="behind-cell"') :].split("</section>", 1)[0]
    for fmt in ("xlsx", "excel.csv"):
        assert f"/luckor/rutan.{fmt}?county=14&amp;area=barn-och-unga" in behind
    shown = []
    for heading, body in re.findall(r'<h3 data-group="[a-z]+">([^<]+)</h3>(.*?)</table>', behind, re.S):
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)[1:]:
            cells = _cells(row)
            shown.append([heading, cells[0], cells[1], *cells[2:]])
    assert shown and any(r[2] == "alla 49 kommuner" for r in shown)
    assert any(re.fullmatch(r".+ \(\d+ av 49\)", r[2]) for r in shown)  # a part of the county, named
    xlsx = _get(http, "/luckor/rutan.xlsx", BASIS)
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    sheet = [[("" if v is None else str(v)) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert sheet[0][:4] == ["Hur rutan räknar", "Aktör", "Når kommunerna", "Kommuner (kod)"]
    assert [[r[0], r[1], r[2], *r[4:7]] for r in sheet[1:]] == shown
    for r in sheet[1:]:  # the codes are the municipalities the words name
        assert len(r[3].split("; ")) == (
            49 if r[2] == "alla 49 kommuner" else int(re.search(r"\((\d+) av", r[2]).group(1))
        )
    excel = list(
        csv.reader(io.StringIO(_get(http, "/luckor/rutan.excel.csv", BASIS).decode("utf-8-sig")), delimiter=";")
    )
    assert excel == sheet
    assert [[c.strip() for c in r] for r in calc_rows(xlsx, tmp_path) if any(r)] == [
        [c.strip() for c in r] for r in sheet
    ]
