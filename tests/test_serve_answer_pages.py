"""Pages, report and downloads a socialchef can use as they are — driven by httpx and
real headless Chromium against the real server (uvicorn on a loopback port) over the bundled data."""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest
from click.testing import CliRunner

from browserlib import *  # noqa: F403
from graphmap.i18n import MESSAGES
from graphmap.serve.live import LiveServer, create_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(kg):
    with LiveServer(create_app(kg)) as live:
        yield live


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, timeout=120) as client:
        yield client


def test_municipality_support_link_answers(server, open_page):
    run = open_page(server.url + "/kommun/2480?lang=sv")
    page = run.page
    assert (
        page.locator("[data-testid=neighbourhood] circle").count() >= 3
    )  # the neighbourhood drawn (Umeå and its links)
    page.click("[data-testid=support-link]")
    page.wait_for_load_state("load")
    text = page.inner_text("main")
    assert "Parametern area krävs" not in text and "Områden för Umeå" in text
    links = page.locator("[data-testid=support-areas] a")
    assert links.count() == 19  # every area of the vocabulary
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert all("municipality=2480" in h for h in hrefs), hrefs  # the area links keep the municipality
    page.locator("[data-testid=support-areas] a", has_text="Funktionshinder").click()
    page.wait_for_load_state("load")
    assert page.locator("table.data tbody tr").count() > 0
    assert page.locator("#f-municipality").input_value() == "2480"
    run.assert_clean()


ID_LIKE = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b")  # slugs and record ids: fou-tacker-lanet


def test_actor_page_answers_first_without_internal_ids(server, open_page):
    run = open_page(server.url + "/aktor/fou-socialtjanst-vasterbotten?lang=sv", viewport=(1280, 800))
    page = run.page
    box = page.locator("[data-testid=actor-summary]").bounding_box()
    assert box is not None and box["y"] + 100 < 800  # the summary starts above the fold
    summary = page.inner_text("[data-testid=actor-summary]")
    assert "FoU Socialtjänst (Västerbotten) är " in summary and "Källor:" in summary and "Hur säkert:" in summary
    visible = page.inner_text("body")
    assert not ID_LIKE.findall(visible), ID_LIKE.findall(visible)
    assert "w3id.org" not in visible and "relationens subjekt" not in visible
    assert page.locator("[data-testid=actor-details]").get_attribute("open") is None  # facts folded
    page.click("[data-testid=actor-details] > summary")  # unfolded: the records are named, not identified
    records = (
        page.locator("[data-testid=actor-details] table.data").last.locator("tbody tr td:first-child").all_inner_texts()
    )
    assert records and not [r for r in records if ID_LIKE.search(r)], records
    assert "Medlemskap" in records
    run.assert_clean()


def _pdf_pages(pdf: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf)).pages


def other_language_texts(lang: str) -> list[str]:
    """The report's phrases in the other language that differ from this language's: several words
    (a single word such as "Kommuner" is also part of proper names the report keeps, e.g. a source's title)."""
    out = []
    for key, (sv, en) in MESSAGES.items():
        mine, other = (sv, en) if lang == "sv" else (en, sv)
        if (
            key.startswith(("report.", "gaps.", "cli.state."))
            and mine != other
            and "{" not in other
            and " " in other.strip()
        ):
            out.append(other)
    return out


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_printed_to_pdf_has_the_static_map_and_one_language(server, open_page, lang):
    from graphmap.i18n import t

    run = open_page(server.url + f"/rapport/visa?county=24&lang={lang}")
    page = run.page
    page.emulate_media(media="print")
    assert page.locator("[data-testid=static-map] img").is_visible()
    assert not page.locator("[data-testid=map-frame]").is_visible()  # the interactive map stays on screen
    assert page.evaluate("document.querySelector('[data-testid=static-map] img').naturalWidth") > 0
    pdf = page.pdf(format="A4", print_background=True)
    pages = _pdf_pages(pdf)
    texts = [p.extract_text() or "" for p in pages]
    whole = "\n".join(texts)
    heading = t("report.static_map", lang)
    with_map = [i for i, text in enumerate(texts) if heading.split(" (")[0] in text]
    assert with_map, "no page with the static map"
    # the picture is vector SVG: its own texts (bands, county column, legend) are on that page
    on_page = texts[with_map[-1]]
    bands = ("Nationell", "Regional", "Lokal") if lang == "sv" else ("National", "Regional", "Local")
    legend = ("samverkar med", "täcker") if lang == "sv" else ("collaborates with", "covers")
    for text in (*bands, *legend, "Region Västerbotten"):
        assert text in on_page, text
    assert len(pages[with_map[-1]].get_contents().get_data()) > 20_000  # circles and lines drawn
    found = [other for other in other_language_texts(lang) if other in whole]
    assert not found, found
    assert "--include-personal" not in whole and "seeds/" not in whole
    run.assert_clean()


def test_national_report_folds_one_section_per_county(http):
    html = http.get("/rapport/visa", params={"lang": "sv"}).text
    sections = re.findall(r'<details class="rp-county" data-county="(\d\d)">', html)
    assert len(sections) == 21 and len(set(sections)) == 21  # one per county, folded (no "open")
    assert '<section id="chains"' not in html  # the chains are in the county sections
    assert 'data-testid="map-frame"' in html  # 338 actors: the interactive map still fits (MAP_EMBED_LIMIT)
    assert "1421-i-fourum-funktionshinder" not in html and "Bengtsfors är medlem i Fyrbodals kommunalförbund." in html


def test_county_report_from_the_web_app_equals_the_cli(http, tmp_path):
    from graphmap.cli import main

    out = tmp_path / "graphmap-rapport.html"
    result = CliRunner().invoke(main, ["report", "--county", "24", "-o", str(out)])
    assert result.exit_code == 0, result.output
    web = http.get("/rapport/graphmap-rapport.html", params={"county": "24", "lang": "sv"})
    assert web.status_code == 200 and "attachment" in web.headers["content-disposition"]
    assert web.text == out.read_text(encoding="utf-8")
    page = http.get("/rapport", params={"county": "24", "lang": "en"}).text
    assert 'value="24" selected' in page and "/rapport/visa?county=24&amp;lang=en" in page


def test_excel_downloads_read_back_to_the_json_rows(http):
    import openpyxl
    from graphmap.ontology import code_of
    from graphmap.queries import library

    query = library()["coverage"]
    params = {"municipality": "2480", "lang": "sv"}
    rows = http.get("/fraga/coverage.json", params=params).json()["rows"]
    book = openpyxl.load_workbook(io.BytesIO(http.get("/fraga/coverage.xlsx", params=params).content))
    assert book.sheetnames == ["Data", "Om datan"]
    sheet = [[c.value if c.value is not None else "" for c in row] for row in book["Data"].iter_rows()]
    header = [c.label("sv") for c in query.columns]
    coded = [c for c in query.columns if c.labelled]
    assert sheet[0] == header + [f"{c.label('sv')} (kod)" for c in coded]
    assert sheet[0][0] == "Aktör"

    def codes(value):  # a gathered column holds several terms: every code, joined by "; " (README)
        values = value if isinstance(value, list) else ([value] if value else [])
        return "; ".join(code_of(v) for v in values)

    def shown(value):  # a gathered column of plain values (web addresses): joined by "; " as every download does
        return "; ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))

    expected = [
        [shown(r.get(c.display_key)) for c in query.columns] + [codes(r.get(c.name)) for c in coded] for r in rows
    ]
    assert [[str(v) for v in line] for line in sheet[1:]] == expected
    about = {row[0].value: row[1].value for row in book["Om datan"].iter_rows(min_row=2)}
    assert about["Fråga"] == query.title_in("sv") and "Umeå" in about["Val"]
    raw = http.get("/fraga/coverage.excel.csv", params=params).content
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == sheet[0] and lines[1:] == expected
    workbook = openpyxl.load_workbook(io.BytesIO(http.get("/data/graphmap.xlsx").content))
    assert workbook.sheetnames == ["Aktörer", "Kopplingar", "Om datan"]
    assert next(workbook["Aktörer"].iter_rows(max_row=1, values_only=True))[0] == "Aktör"


def test_start_page_web_report_and_cli_report_count_the_same(http, tmp_path, kg):
    from graphmap.cli import main
    from graphmap.report.counts import landscape, shown

    start = http.get("/", params={"lang": "sv"}).text
    web = http.get("/rapport/visa", params={"lang": "sv"}).text
    out = tmp_path / "rapport.html"
    assert CliRunner().invoke(main, ["report", "-o", str(out)]).exit_code == 0
    cli = out.read_text(encoding="utf-8")
    numbers = landscape(shown(kg))
    total, triples = numbers["summary"]["total"], numbers["triples"]
    assert f'data-testid="total-by-type">{total}<' in start and f'data-testid="total-by-level">{total}<' in start
    assert f'data-testid="triples">{triples}<' in start
    by_type = re.findall(
        r'<tr><td>([^<]+)</td><td class="num">(\d+)</td></tr>',
        start.split(MESSAGES["by_type"][0])[1].split("</table>")[0],
    )
    assert sum(int(n) for _, n in by_type) == total  # the types add up to the total
    confidence = [(c["label"], str(c["n"])) for c in numbers["confidence"]]
    for report in (web, cli):
        assert f"({triples} tripplar)" in report
        foot = re.search(r'data-testid="summary".*?<tfoot><tr><th>Totalt</th>(.*?)</tr></tfoot>', report, re.S).group(1)
        assert re.findall(r'<td class="num">(\d+)</td>', foot)[-1] == str(total)  # the table's grand total
        shown_conf = re.findall(
            r"<tr><td>([^<]+)</td><td class=\"num\">(\d+)</td></tr>",
            re.search(r'data-testid="confidence".*?</table>', report, re.S).group(0),
        )
        assert shown_conf == confidence
        rows = re.search(r'data-testid="summary".*?<tbody>(.*?)</tbody>', report, re.S).group(1)
        report_types = sorted(
            (a, int(n)) for a, n in re.findall(r'<tr><th>([^<]+)</th>.*?<td class="num">(\d+)</td></tr>', rows, re.S)
        )
        assert report_types == sorted((a, int(n)) for a, n in by_type)
    start_conf = re.findall(
        r"<tr><td>([^<]+)</td><td class=\"num\">(\d+)</td></tr>",
        re.search(r'data-testid="confidence".*?</table>', start, re.S).group(0),
    )
    assert start_conf == confidence


def test_gap_matrix_explained_and_a_cell_lists_who_is_behind_it(http):
    html = http.get("/luckor", params={"lang": "sv"}).text
    assert 'data-testid="gaps-legend"' in html and MESSAGES["pages.gaps_count_meaning"][0] in html
    cell = http.get("/luckor/rader", params={"area": "funktionshinder", "county": "24", "lang": "sv"}).text
    behind = re.search(r'data-testid="behind-cell">(.*?)</section>', cell, re.S).group(1)
    names = re.findall(r'<a href="/(?:aktor|natverk)/[^"]+">([^<]+)</a>', behind)
    assert "FoU Socialtjänst (Västerbotten)" in names
    assert any(n.startswith("SKR:s nätverk") for n in names)  # the networks behind the cell too


def test_question_page_waits_and_draws_the_chain_as_a_path(http):
    waiting = http.get("/fraga/chain", params={"lang": "sv"}).text
    assert 'data-testid="ask"' in waiting and 'data-testid="chain-path"' not in waiting and "<table" not in waiting
    asked = http.get("/fraga/chain", params={"actor": "2480", "run": "1", "lang": "sv"}).text
    path = re.search(r'data-testid="chain-path">(.*?)</section>', asked, re.S).group(1)
    first = re.search(r'<ol class="path">(.*?)</ol>', path, re.S).group(1)
    stops = re.findall(r'<li class="stop">(?:<a [^>]*>)?([^<]+)', first)
    assert stops[0] == "Umeå" and len(stops) >= 2 and first.count('class="step"') == len(stops) - 1
