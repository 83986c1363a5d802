"""The mapping report (graphmap.report / `graphmap report`): contents checked against the
graph, privacy, escaping, the PNG, and in real headless Chromium (network blocked) the
report opens clean with a gap matrix of one row per area and one column per county and
the embedded map drawing every node."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from browserlib import *  # noqa: F403  (fixtures: browser, open_page)

from graphmap.cli import main
from graphmap.report import report_data, report_html, write_report
from helpers import HOSTILE, hostile_region, wait_ready

AREA_COUNT_Q = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?area WHERE { ?area skos:inScheme <https://w3id.org/graphmap/vocab/area> }"""
PERSONAL = ("Christine Österman", "Elisabeth Lauritzen", "elisabeth.lauritzen@regionstockholm.se")


@pytest.fixture(scope="module")
def kg(seed_kg):
    """The seed regions alone: the views' expectations below are what the seed documents say
    (tests/test_landscape.py checks the national reference layer)."""
    return seed_kg


@pytest.fixture(scope="module")
def report_files(kg, tmp_path_factory):
    return write_report(kg, tmp_path_factory.mktemp("report") / "rapport.html")


def test_report_data_matches_the_graph(kg):
    data = report_data(kg)
    areas = {kg.label(r["area"]) for r in kg.store.select(AREA_COUNT_Q)[1]}
    assert set(data["gaps"]["areas"]) == areas and len(areas) == 19
    assert len(data["gaps"]["columns"]) == 21 and data["gaps"]["by"] == "county"
    assert data["summary"]["total"] == 338
    assert dict(zip(data["summary"]["levels"], data["summary"]["totals"])) == {
        "Nationell": 7,
        "Regional": 38,
        "Lokal": 293,
    }  # FoU Välfärd: the national association (seed re-read)
    # 15 municipalities of Västerbotten share FoU Socialtjänst's chains to SKR's networks
    vb = next(g for g in data["chains"]["groups"] if "Umeå" in g["municipalities"])
    assert len(vb["municipalities"]) == 15
    assert any(
        "FoU Socialtjänst (Västerbotten)" in p and "SKR:s nätverk för regionala stödstrukturer (RSS)" in p
        for p in vb["paths"]
    )
    assert "FoU-Socialtjänst Fyrbodal" in [b["actor"] for b in data["brokers"]][:3]
    # the national report: national actors on top, each county's own support in its folded section
    funk = {
        r["actor"]
        for c in data["per_county"]
        for b in c["support"]
        if b["area"] == "Funktionshinder"
        for g in b["groups"]
        if g["group"] == "direct"
        for r in g["rows"]
    }
    assert {"FoU Socialtjänst (Västerbotten)", "FoU-Socialtjänst Fyrbodal"} <= funk
    assert all([g["group"] for g in b["groups"]] == ["national"] for b in data["national_support"])
    assert re.fullmatch(r"[0-9a-f]{12}", data["data_version"])


def test_county_report_has_municipality_columns(kg):
    data = report_data(kg, county="Västerbotten")
    assert data["gaps"]["by"] == "municipality"
    cols = [c["label"] for c in data["gaps"]["columns"]]
    assert len(cols) == 15 and "Umeå" in cols and "Åsele" in cols
    umea = cols.index("Umeå")
    funk = next(r for r in data["gaps"]["rows"] if r["area"] == "Funktionshinder")
    assert funk["cells"][umea]["text"] == "✓"
    assert data["brokers"] and all(b["actor"] != "FoU-Socialtjänst Fyrbodal" for b in data["brokers"])


def test_files_written_and_no_personal_data(report_files):
    html_path, png_path = report_files
    assert png_path.name == "rapport-luckor.png" and png_path.parent == html_path.parent
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    html = html_path.read_text(encoding="utf-8")
    assert not [p for p in PERSONAL if p in html]
    assert "Personuppgifter ingår inte" in html and "Kartläggningsrapport" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)


def test_personal_data_only_when_asked(kg):
    html = report_html(kg, county="Stockholm", include_personal=True)
    assert "Elisabeth Lauritzen" in html and "elisabeth.lauritzen@regionstockholm.se" in html


def test_english_and_cli(tmp_path):
    runner = CliRunner()
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["report", "-o", str(out), "--lang", "en", "--county", "24"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"Wrote {out} and {tmp_path / 'report-gaps.png'}."
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Gaps: area × municipality (Västerbottens län)" in html
    bad = runner.invoke(main, ["report", "-o", str(tmp_path / "x.html"), "--county", "Atlantis"])
    assert bad.exit_code == 2 and "Okänt värde för county" in bad.output
    assert not (tmp_path / "x.html").exists()


@pytest.mark.browser
def test_report_opens_with_gap_matrix_and_map(kg, open_page, report_files):
    html_path, _png = report_files
    run = open_page(html_path)
    page = run.page
    matrix = page.get_by_test_id("gap-matrix")
    areas = {kg.label(r["area"]) for r in kg.store.select(AREA_COUNT_Q)[1]}
    row_heads = matrix.locator("tbody tr th").all_text_contents()
    assert len(row_heads) == len(areas) == 19 and set(row_heads) == areas
    assert matrix.locator("thead th.col").count() == 21
    assert all(r.locator("td").count() == 21 for r in matrix.locator("tbody tr").all())
    assert "Västerbottens län" in matrix.locator("thead").text_content()
    page.get_by_test_id("map-frame").scroll_into_view_if_needed()  # off-screen frames are not drawn
    inner = next(f for f in page.frames if f != page.main_frame)
    wait_ready(inner)
    assert len(inner.evaluate("graphmap.visibleNodeIds()")) == 338
    assert len(inner.evaluate("graphmap.collapsed()")) == 21  # the whole country opens with its counties folded
    inner.evaluate("graphmap.collapseAll(false)")
    assert len(inner.evaluate("graphmap.drawnNodeIds()")) == 338
    run.assert_clean()


@pytest.mark.browser
def test_hostile_report_is_text(open_page, tmp_path):
    import graphmap

    kg = graphmap.build([hostile_region(tmp_path / "evil")])
    html_path, _png = write_report(kg, tmp_path / "evil.html", county="24")
    run = open_page(html_path)
    page = run.page
    assert HOSTILE in page.locator("#support").text_content()
    page.get_by_test_id("map-frame").scroll_into_view_if_needed()
    inner = next(f for f in page.frames if f != page.main_frame)
    wait_ready(inner)
    page.wait_for_timeout(200)
    # no element from the data: the one picture is the report's own static map (an SVG drawn from escaped labels)
    assert page.evaluate("document.querySelectorAll('img:not([data-testid=static-map] > img), b').length") == 0
    assert run.dialogs == []
    run.assert_clean()
