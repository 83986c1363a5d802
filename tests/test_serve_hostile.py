"""Hostile data and parameters: graphmap serve over a small region folder whose actor is named
``<img src=x onerror=alert(1)>`` shows it as text, runs nothing, and a parameter like
``"} ; DROP ALL ; #`` changes nothing."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from browserlib import *  # noqa: F403
import graphmap
from graphmap.ontology import actor_iri
from graphmap.serve.live import LiveServer, create_app

ROOT = Path(__file__).resolve().parent.parent
EVIL = "<img src=x onerror=alert(1)>"
EVIL_TEXT = "</script><script>alert(2)</script><!--"
PARAM = '"} ; DROP ALL ; #'
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _append(path: Path, row: dict) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        fields = next(csv.reader(fh))
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=fields).writerow({k: row.get(k, "") for k in fields})


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "hostile"
    shutil.copytree(ROOT / "data" / "regions" / "jonkoping", folder)
    _append(
        folder / "actors.csv",
        {
            "id": "evil",
            "name_sv": EVIL,
            "name_en": EVIL,
            "types": "fou-enhet",
            "level": "regional",
            "county": "06",
            "description_sv": EVIL_TEXT,
            "source": "fourum-webbsida",
            "confidence": "stated",
        },
    )
    _append(
        folder / "offers.csv",
        {
            "id": "evil-offer",
            "actor": "evil",
            "kind": "kompetensutveckling",
            "areas": "funktionshinder",
            "places": "0680",
            "description_sv": EVIL_TEXT,
            "source": "fourum-webbsida",
            "confidence": "stated",
        },
    )
    _append(
        folder / "relations.csv",
        {
            "id": "evil-rel",
            "subject": "evil",
            "relation": "samverkar-med",
            "object": "fourum-jonkoping",
            "description_sv": EVIL,
            "source": "fourum-webbsida",
            "confidence": "stated",
        },
    )
    return folder


@pytest.fixture(scope="module")
def server(region):
    kg = graphmap.build([region])
    assert kg.label(actor_iri("evil")) == EVIL
    with LiveServer(create_app(kg, sparql_workers=1)) as live:
        yield live


def triples(url: str) -> int:
    r = httpx.get(url + "/sparql", params={"query": COUNT})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


HOSTILE_URLS = [
    "/stod?area=funktionshinder&municipality=" + quote(PARAM),
    "/stod?area=" + quote(PARAM),
    "/fraga/actor?actor=" + quote(PARAM),
    "/fraga/gaps?county=" + quote(PARAM),
    "/fraga/support?area=" + quote(PARAM) + "&municipality=" + quote(EVIL),
    "/luckor/rader?area=" + quote(PARAM) + "&county=" + quote(PARAM),
    "/karta?area=" + quote(PARAM),
    "/karta/visa?focus=" + quote(PARAM),
    "/sok?q=" + quote(PARAM),
    "/sok?q=" + quote(EVIL),
    "/?lang=" + quote(PARAM),
]


def test_hostile_label_is_text_everywhere(server):
    with httpx.Client(base_url=server.url, timeout=60) as http:
        for url in (
            "/aktor/evil",
            "/stod?area=funktionshinder&municipality=0680",
            "/aktor/fourum-jonkoping",
            "/fraga/actor?actor=evil",
            "/sok?q=onerror",
        ):
            body = http.get(url).text
            assert "<img src=x" not in body and "<script>alert" not in body, url
            assert "&lt;img src=x onerror=alert(1)&gt;" in body, url
        hits = http.get("/api/sok", params={"q": "img src"}).json()["results"]
        assert hits[0]["label"] == EVIL  # JSON carries the text; the page sets it with textContent
        csv_text = http.get("/fraga/actor.csv", params={"actor": "evil"}).text
        assert EVIL in csv_text


def test_hostile_parameters_change_nothing(server):
    before = triples(server.url)
    with httpx.Client(base_url=server.url, timeout=60) as http:
        for url in HOSTILE_URLS:
            r = http.get(url)
            assert r.status_code == 200, url
            assert '"} ; DROP ALL' not in r.text, url  # shown escaped, if at all
        assert http.get("/fraga/actor.json", params={"actor": PARAM}).status_code == 400
        assert http.get("/sparql", params={"query": PARAM}).status_code in (400, 403)
        assert "Okänt värde för municipality" in http.get(HOSTILE_URLS[0]).text
    assert triples(server.url) == before


@pytest.mark.browser
def test_hostile_pages_in_the_browser_run_no_script(server, open_page):
    run = open_page(server.url + "/aktor/evil")
    page = run.page
    assert page.locator("h1").inner_text() == EVIL
    assert page.locator("img[src=x]").count() == 0
    for url in [
        "/stod?area=funktionshinder&municipality=0680",
        "/aktor/fourum-jonkoping",
        "/karta/visa?focus=evil",
        "/luckor",
    ] + HOSTILE_URLS:
        response = page.goto(server.url + url, wait_until="load")
        assert response.status == 200, url
        assert page.locator("img[src=x]").count() == 0, url
        assert not run.problems(), (url, run.problems())
    page.goto(server.url + "/")
    page.type("#q", "onerror", delay=10)
    page.wait_for_selector("#q-list li a")
    assert EVIL in page.locator("#q-list li a").first.inner_text()
    assert page.locator("img[src=x]").count() == 0
    run.assert_clean()
