"""The web app's wide answers on a 1366 px laptop screen (real Chromium, measured from the rendered
boxes), the map of Sweden on /luckor drawn from the same gap cells as the matrix, and links from a
municipality's page that keep the municipality."""

from __future__ import annotations

import re

import pytest

from browserlib import *  # noqa: F403

UMEA = "2480"

# per table: its scroll box's visible width, the table's full width, and the header cells that end
# right of the visible box or whose text is cut inside their own box
MEASURE = """() => [...document.querySelectorAll('main table')].map(t => {
  const box = (t.closest('.scroll') || t.parentElement).getBoundingClientRect();
  const heads = [...t.querySelectorAll('thead th')];
  return {visible: box.width, full: t.getBoundingClientRect().width, columns: heads.length,
          outside: heads.filter(h => h.getBoundingClientRect().right > box.right + 1).map(h => h.innerText.trim()),
          cut: heads.filter(h => h.scrollWidth > h.clientWidth + 1 || h.scrollHeight > h.clientHeight + 1)
                    .map(h => h.innerText.trim())};
})"""


@pytest.fixture(scope="module")
def http(web):
    return web.http


@pytest.mark.parametrize(
    "path", ["/luckor", "/kartlaggning", "/stod?area=barn-och-unga", "/luckor/rader?area=barn-och-unga&county=14"]
)
def test_wide_tables_show_every_column_at_1366_px(web, open_page, path):
    run = open_page(web.url + path, viewport=(1366, 900), timeout_ms=180_000)
    tables = run.page.evaluate(MEASURE)
    assert tables, f"no table on {path}"
    for table in tables:
        assert table["full"] <= table["visible"] + 1, (
            f"{path}: table {table['full']:.0f} px in {table['visible']:.0f} px"
        )
        assert not table["outside"], f"{path}: columns out of view: {table['outside']}"
        assert not table["cut"], f"{path}: headers cut: {table['cut']}"
    if path == "/luckor":
        assert tables[0]["columns"] == 22  # the area column and 21 counties
    run.assert_clean()


def test_map_of_sweden_shows_the_matrix_cells(http):
    """/luckor?area=…: one tile per county; a tile is 'delvis kartlagd' or 'ej kartlagd' exactly where
    the matrix row of that area draws the cell so, never as a gap."""
    html = http.get("/luckor", params={"area": "barn-och-unga"}).text
    tiles = {county: style for style, county in re.findall(r'<g class="tile ([a-z-]+)" data-county="(\d\d)"', html)}
    assert len(tiles) == 21
    assert tiles["09"] == "ej-kartlagd"  # Gotland: no source yet
    assert tiles["07"] == "delvis" and tiles["13"] != "gap"  # Kronoberg: who covers whom has no source
    row = re.search(r'<tr><th scope="row">Barn och unga</th>(.*?)</tr>', html, re.S).group(1)
    cells = re.findall(r'<td class="heat([^"]*)"><a href="/luckor/rader\?area=barn-och-unga&amp;county=(\d\d)"', row)
    assert len(cells) == 21
    for heat, county in cells:
        expected = {"-partly": {"delvis"}, "-na": {"ej-kartlagd"}}.get(heat, {"gap", "share"})
        assert tiles[county] in expected, (county, heat, tiles[county])
    # another area is another picture; an unknown area shows the first one
    assert http.get("/luckor", params={"area": "e-tjanster"}).text.count('class="tile ') == 21
    assert http.get("/luckor", params={"area": "<x>"}).status_code == 200


def test_municipality_page_links_keep_the_municipality(http):
    """Umeå's 'Vem täcker kommunen?' and 'Luckor för kommunen': an area's link opens the support answer
    for the area in Umeå, not for the whole country."""
    html = http.get(f"/kommun/{UMEA}").text
    links = re.findall(r'href="(/stod\?area=[^"]+)"', html)
    assert len(links) >= 10
    plain = [link for link in links if f"municipality={UMEA}" not in link]
    assert not plain, plain
    answer = http.get(links[0].replace("&amp;", "&")).text
    assert "Umeå" in answer


def test_search_finds_a_municipality_by_its_main_town(http):
    """Visby finds Gotland (not Upplands Väsby), forgiving as the rest of the search; every row of the
    main-town table names a municipality as kommuner.csv does."""
    import csv

    from graphmap.serve.search import MAIN_TOWNS
    from helpers import DATA

    def labels(q):
        return [hit["label"] for hit in http.get("/api/sok", params={"q": q}).json()["results"]]

    assert labels("visby")[0] == "Gotland"
    assert labels("Visby")[0] == "Gotland" and labels("vsiby")[0] == "Gotland"
    assert labels("kinna")[0] == "Mark"
    assert labels("upplands väsby")[0] == "Upplands Väsby"
    official = {
        r["kommunkod"]: r["kommun"] for r in csv.DictReader(open(DATA / "reference" / "kommuner.csv", encoding="utf-8"))
    }
    rows = list(csv.DictReader(open(MAIN_TOWNS, encoding="utf-8")))
    assert rows and all(official[r["kommunkod"]] == r["kommun"] != r["centralort"] for r in rows)


def test_support_for_an_area_alone_says_where(http):
    """'Var finns stöd?' for an area without a municipality: the rows grouped by the county they reach
    (national ones first), every row of the answer once in each county it reaches (national: once)."""
    html = http.get("/stod", params={"area": "funktionshinder"}).text
    headings = re.findall(r'<section class="support-county" id="g\d+"><h2>([^<]+)</h2>', html)
    assert headings[0].startswith("Nationella aktörer")
    assert "Västerbottens län" in headings and "Västra Götalands län" in headings
    assert headings[1:] == sorted(headings[1:], key=lambda h: h.casefold().translate(str.maketrans("åäö", "{|}")))
    rows = http.get("/fraga/support.json", params={"area": "funktionshinder"}).json()["rows"]
    shown = sum(block.count("<tr>") - 1 for block in html.split('<section class="support-county"')[1:])
    assert shown == sum(1 if r["places"].startswith("hela landet") else len(r["counties"]) for r in rows)
