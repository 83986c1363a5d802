"""graphmap serve: the pages, driven by a real HTTP client (httpx) and headless Chromium
against the real server (uvicorn on a free loopback port) over the bundled data."""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest

from browserlib import *  # noqa: F403
from graphmap.api import run_query
from graphmap.ontology import ID
from graphmap.queries import library
from graphmap.serve.live import LiveServer, create_app
from helpers import DATA, municipalities_in_county, read_table

FOU_VB = "FoU Socialtjänst (Västerbotten)"
SKR_NETWORKS = (
    "SKR:s nätverk för kvalitet inom funktionshinderområdet",
    "SKR:s nätverk för kompetens och kompetensförsörjning inom funktionshinderområdet",
)


@pytest.fixture(scope="module")
def server(kg):
    with LiveServer(create_app(kg)) as live:
        yield live


@pytest.fixture(scope="module")
def site(server):
    return server.server.config.app.state.site


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def rows_shown(html: str) -> int:
    match = re.search(r'<p class="count">(?:Träffar|Matches): (\d+)</p>', html)
    return int(match.group(1)) if match else 0


def test_start_page_tells_what_the_data_holds(http):
    r = http.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Content-Security-Policy" in r.headers
    html = r.text
    for text in (
        "Vad datan innehåller",
        "Per nivå",
        "Nationell",
        "Kommun",
        "290",
        "FoU-enhet",
        "vasterbotten",
        "fyrbodal",
        "Verksamhetsplan FoU-Socialtjänst Fyrbodal 2023",
        'href="/?lang=en"',
    ):
        assert text in html, text
    with httpx.Client(base_url=str(http.base_url), timeout=60) as visitor:
        english = visitor.get("/?lang=en")
        assert "What the data holds" in english.text and english.cookies.get("lang") == "en"
        assert "<h1>Where is support?</h1>" in visitor.get("/stod").text  # the cookie is remembered
        assert "<h1>Var finns stöd?</h1>" in visitor.get("/stod?lang=sv").text


def test_search_forgives_misspellings_and_swedish_letters(http):
    def labels(q):
        r = http.get("/api/sok", params={"q": q})
        assert r.status_code == 200
        return [hit["label"] for hit in r.json()["results"]]

    assert any("Fyrbodal" in label for label in labels("fyrbodl")[:3])
    assert labels("umea")[0] == "Umeå"
    assert "Äldre / vård och omsorg" in labels("aldre")
    assert "Funktionshinder" in labels("funktionshindr")
    assert labels("") == []
    page = http.get("/sok", params={"q": "fyrbodl"}).text
    assert 'href="/aktor/fou-socialtjanst-fyrbodal"' in page


def test_support_answers_funktionshinder_for_umea(http, kg):
    r = http.get("/stod", params={"area": "funktionshinder", "municipality": "2480"})
    assert r.status_code == 200
    html = r.text
    assert FOU_VB in html and all(name in html for name in SKR_NETWORKS)
    assert 'href="/aktor/fou-socialtjanst-vasterbotten"' in html
    assert 'href="/fraga/chain?actor=2480' in html
    assert "via nätverk som täckande aktör deltar i" in html  # the route column
    assert rows_shown(html) == len(run_query(kg, "support", area="funktionshinder", municipality="Umeå").rows)
    bad = http.get("/stod", params={"area": "funktionshindr", "municipality": "Umeå"})
    assert "Menade du: funktionshinder?" in bad.text


@pytest.mark.parametrize("name", sorted(library()))
def test_every_query_page_answers_with_its_example(http, kg, name):
    query = library()[name]
    if query.params:  # the page waits for the question: no pre-run example
        waiting = http.get(f"/fraga/{name}")
        assert waiting.status_code == 200 and rows_shown(waiting.text) == 0 and 'data-testid="ask"' in waiting.text
    example = query.examples[0] if query.examples else {}
    params = {**example, "run": "1"}
    r = http.get(f"/fraga/{name}", params=params)
    assert r.status_code == 200
    expected = run_query(kg, name, **example)  # the API, not the web app, gives the expected rows
    assert expected.rows, f"the example of {name} should return rows"
    assert rows_shown(r.text) == len(expected.rows)
    assert 'class="error"' not in r.text
    for spec in query.columns:
        assert f"<th scope=\"col\">{spec.label_sv}</th>" in r.text
    as_json = http.get(f"/fraga/{name}.json", params=example)
    assert as_json.status_code == 200 and len(as_json.json()["rows"]) == len(expected.rows)
    as_csv = http.get(f"/fraga/{name}.csv", params=example)
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    assert len(list(csv.reader(io.StringIO(as_csv.text)))) == len(expected.rows) + 1  # header + rows


def test_query_form_fields_are_drop_downs_with_the_asked_values_selected(http):
    html = http.get("/fraga/support", params={"area": "funktionshinder", "municipality": "Umeå"}).text
    assert re.search(r'<select id="f-area" name="area" required>', html)
    assert '<option value="funktionshinder" selected>' in html
    assert '<option value="2480" selected>Umeå</option>' in html
    assert '<option value="24" selected>' in http.get("/fraga/gaps", params={"county": "Västerbotten"}).text
    assert (
        '<option value="fou-socialtjanst-fyrbodal" selected>'
        in http.get("/fraga/actor", params={"actor": "fou-socialtjanst-fyrbodal"}).text
    )
    assert " selected>" not in http.get("/fraga/support").text  # nothing chosen for the user


def test_municipality_page_coverage_and_gaps(http):
    html = http.get("/kommun/2480").text
    assert "<h1>Umeå</h1>" in html and FOU_VB in html
    assert "Luckor för kommunen" in html and rows_shown(html) > 0
    assert http.get("/kommun/9999").status_code == 404


def test_gap_matrix_and_rows(http):
    html = http.get("/luckor").text
    cells = re.findall(r'href="(/luckor/rader\?area=[^"&]+&amp;county=\d\d)"', html)
    assert len(cells) > 100
    rows = http.get(cells[0].replace("&amp;", "&"))
    assert rows.status_code == 200 and rows_shown(rows.text) > 0


def test_data_downloads(http):
    ttl = http.get("/data/graphmap.ttl")
    assert ttl.status_code == 200 and ttl.headers["content-type"].startswith("text/turtle")
    from rdflib import Graph

    assert len(Graph().parse(data=ttl.text, format="turtle")) > 5000
    page = http.get("/data").text
    names = re.findall(r'href="/data/([^"]+)" download', page)
    assert "graphmap.ttl" in names
    for name in names:
        r = http.get(f"/data/{name}")
        assert r.status_code == 200 and len(r.content) > 1000, name
        assert f'filename="{name}"' in r.headers["content-disposition"]
    assert http.get("/data/nothing.txt").status_code == 404
    for url in ("/karta/visa?download=1", "/rapport/graphmap-rapport.html"):
        r = http.get(url)
        assert (
            r.status_code == 200
            and "<html" in r.text[:500].lower()
            and "attachment" in r.headers["content-disposition"]
        )


PAGES = [
    "/",
    "/stod",
    "/stod?area=funktionshinder&municipality=2480",
    "/fragor",
    "/luckor",
    "/luckor/rader?area=funktionshinder&county=24",
    "/karta",
    "/rapport",
    "/data",
    "/sparql",
    "/sok?q=fyrbodl",
    "/kommun/2480",
    "/kommun/1486",
    "/?lang=en",
    "/fraga/support?lang=en",
    "/rapport/visa",
]


@pytest.mark.browser
def test_pages_are_clean_in_the_browser_with_the_network_blocked(server, open_page):
    run = open_page(server.url + "/")
    for path in PAGES + [f"/fraga/{name}" for name in sorted(library())]:
        response = run.page.goto(server.url + path, wait_until="load")
        assert response.status == 200, path
        assert run.page.locator("h1").count() == 1, path
        assert not run.problems(), (path, run.problems())


@pytest.mark.browser
def test_support_form_in_the_browser(server, open_page):
    run = open_page(server.url + "/stod")
    page = run.page
    page.select_option("#f-area", "funktionshinder")
    page.select_option("#f-municipality", label="Umeå")
    page.click("#support-form button[type=submit]")
    page.wait_for_selector("table.data")
    actors = page.locator("table.data tbody tr td:first-child").all_inner_texts()
    assert FOU_VB in actors and all(name in actors for name in SKR_NETWORKS)
    page.click(f"table.data a:text-is('{FOU_VB}')")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == FOU_VB
    run.assert_clean()


@pytest.mark.browser
def test_search_suggestions_as_you_type(server, open_page):
    run = open_page(server.url + "/")
    page = run.page
    page.fill("#q", "")
    page.type("#q", "fyrbodl", delay=20)
    page.wait_for_selector("#q-list li a")
    first = page.locator("#q-list li a").first
    assert "Fyrbodal" in first.inner_text()
    first.click()
    page.wait_for_selector("h1")
    assert "Fyrbodal" in page.locator("h1").inner_text()
    run.assert_clean()


ACTORS_Q = """PREFIX gm: <https://w3id.org/graphmap/def#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?a WHERE { { ?a a gm:Actor } UNION { ?a a org:OrganizationalCollaboration }
                           FILTER NOT EXISTS { ?a a gm:Municipality } }"""


def actor_paths(kg) -> list[str]:
    """/aktor/… and /natverk/… for every actor and network, by SPARQL over the store."""
    iris = sorted(str(r["a"]) for r in kg.store.select(ACTORS_Q)[1])
    paths = [i.replace(str(ID) + "actor/", "/aktor/").replace(str(ID) + "network/", "/natverk/") for i in iris]
    assert all(p.startswith(("/aktor/", "/natverk/")) for p in paths), paths
    return paths


def test_every_actor_has_a_page(http, kg):
    paths = actor_paths(kg)
    # the tables: every actor and network row, and the region of each of the 21 counties
    # the tables: every actor and network row (seed regions and reference layer), and the region of each county
    folders = [*(DATA / "regions").glob("*"), *(DATA / "landscape").glob("*")]
    tables = {f"/aktor/{r['id']}" for p in folders if (p / "actors.csv").exists() for r in read_table(p / "actors.csv")}
    tables |= {
        f"/natverk/{r['id']}" for p in folders if (p / "networks.csv").exists() for r in read_table(p / "networks.csv")
    }
    regions = read_table(DATA / "reference" / "lan.csv")
    assert tables <= set(paths) and len(paths) == len(tables) + len(regions) == 152 + 21  # 152 unique ids
    for path in paths:
        r = http.get(path)
        assert r.status_code == 200 and "<h1>" in r.text, path


def test_an_actor_page_is_read_from_queries_the_same_with_and_without_personal_data(kg, site):
    """The actor page asks its queries (page-actor, page-offers, page-actor-records): its types in
    the order of their names and in lower case only where the name is a plain word, its offers with
    their areas, places and sources; the same page whether the served graph holds personal data."""
    from graphmap.serve.site import Site

    page = site.actor_page("aktor", "aldrecentrum", "sv")
    assert page["types"] == ["FoU-enhet", "Stiftelse"]
    assert page["summary"]["what"] == "Stiftelsen Stockholms läns Äldrecentrum är FoU-enhet, stiftelse."
    assert site.actor_page("aktor", "fou-helsingborg", "sv")["summary"]["what"] == "FoU Helsingborg är FoU-enhet."
    vb = site.actor_page("aktor", "fou-socialtjanst-vasterbotten", "sv")
    assert page["homepage"] and vb["level"] and vb["county"].text == "Västerbottens län" and vb["description"]
    offer = next(o for o in vb["offers"] if "samverkan avseende målgruppen" in o["description"])
    assert (
        offer["areas"] == ["Funktionshinder"]
        and offer["source"].text == "FoU Socialtjänst – Funktionshinder (webbsida)"
    )
    personal = Site(kg, include_personal=True).actor_page("aktor", "aldrecentrum", "sv")
    assert {k: v for k, v in personal.items() if k != "persons"} == {k: v for k, v in page.items() if k != "persons"}


@pytest.mark.browser
def test_every_actor_page_opens_without_console_errors(server, kg, site, open_page):
    paths = actor_paths(kg)
    run = open_page(server.url + "/")
    for path in paths:
        response = run.page.goto(server.url + path, wait_until="load")
        assert response.status == 200, path
        assert run.page.locator("svg.neighbourhood .center").count() == 1, path
        assert not run.problems(), (path, run.problems())
    # the neighbourhood: every node one link away, counted from the rows of the chain query's SPARQL
    fou = str(ID) + "actor/fou-socialtjanst-vasterbotten"
    links = kg.store.select(library()["chain"].sparql)[1]
    near = {str(r["object"]) for r in links if str(r["subject"]) == fou} | {
        str(r["subject"]) for r in links if str(r["object"]) == fou
    }
    assert {str(ID) + "kommun/" + code for code in municipalities_in_county("24")} <= near  # it serves them all
    assert site.neighbourhood(site.actors["fou-socialtjanst-vasterbotten"], "sv")["count"] == len(near)


@pytest.mark.browser
def test_interactive_neighbourhood_map(server, open_page):
    run = open_page(server.url + "/aktor/fou-socialtjanst-fyrbodal")
    run.page.click("a.interactive")
    run.page.wait_for_selector("canvas")
    assert "focus=fou-socialtjanst-fyrbodal" in run.page.url
    run.page.goto(server.url + "/karta")
    run.page.frame_locator("iframe.fullmap").locator("canvas").first.wait_for()
    run.assert_clean()


@pytest.mark.browser
def test_gap_matrix_click_shows_the_rows(server, open_page):
    run = open_page(server.url + "/luckor")
    run.page.locator("table.matrix td a").first.click()
    run.page.wait_for_selector("table.data")
    assert "/luckor/rader" in run.page.url
    run.assert_clean()
