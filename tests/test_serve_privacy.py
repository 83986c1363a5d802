"""graphmap serve shows no person's name or e-mail unless started with include_personal:
every page, download, map and SPARQL answer is checked against the bundled persons."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import urlencode, urlsplit

import httpx
import pytest
from rdflib.namespace import FOAF

from graphmap.queries import library
from graphmap.serve.live import LiveServer, create_app

PEOPLE = ("Christine Österman", "Elisabeth Lauritzen", "elisabeth.lauritzen@regionstockholm.se")


@pytest.fixture(scope="module")
def names(kg):
    found = {str(o) for o in kg.graph.objects(None, FOAF.name)}
    found |= {str(o)[7:] for o in kg.graph.objects(None, FOAF.mbox)}
    assert set(PEOPLE) <= found
    return found


@pytest.fixture(scope="module")
def public(kg):
    with LiveServer(create_app(kg, sparql_limit=100_000)) as live:
        yield live


@pytest.fixture(scope="module")
def personal(kg):
    with LiveServer(create_app(kg, include_personal=True, sparql_workers=1)) as live:
        yield live


def every_url(site) -> list[str]:
    urls = [
        "/",
        "/stod",
        "/fragor",
        "/luckor",
        "/karta",
        "/rapport",
        "/data",
        "/karta/visa",
        "/rapport/visa",
        "/sok?q=lauritzen",
        "/api/sok?q=Elisabeth",
        "/api/sok?q=Österman",
    ]
    for name, query in library().items():  # the pages wait for a question: ask each its example
        asked = urlencode(query.examples[0] if query.examples else {})
        urls += [f"/fraga/{name}", f"/fraga/{name}?{asked}&run=1"]
        urls += [f"/fraga/{name}.{fmt}?{asked}" for fmt in ("csv", "json", "excel.csv", "xlsx")]
    urls += [f"/data/{name}" for name, _label in site.exports()]
    urls += [f"/aktor/{slug}" for slug in site.actors] + [f"/natverk/{slug}" for slug in site.networks]
    urls += [f"/fraga/actor?actor={slug}" for slug in site.actors]
    urls += [f"/kommun/{code}" for code in ("2480", "1486", "0180", "0680", "1480")]
    urls += ["/karta/visa?focus=fou-nu", "/karta/visa?focus=fou-socialtjanst-vasterbotten&depth=2"]
    urls += ["/sparql?query=" + q for q in ("SELECT * WHERE { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")]
    return urls


@pytest.mark.slow  # every page, download and the whole graph by SPARQL: 31-33 s (wall time, 2 workers, busy machine)
def test_no_page_download_or_sparql_answer_names_a_person(public, names):
    site = public.server.config.app.state.site
    with httpx.Client(base_url=public.url, timeout=120) as http:
        checked = 0
        for url in every_url(site):
            r = http.get(url)
            assert r.status_code in (200, 404), url
            body = r.text
            if urlsplit(url).path.endswith((".zip", ".xlsx")):  # a workbook is a zip of XML too
                with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
                    body = "".join(zf.read(n).decode("utf-8") for n in zf.namelist())
            leaked = [n for n in names if n in body]
            assert not leaked, (url, leaked)
            checked += 1
        everything = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert everything.headers.get("x-result-limit-reached") is None  # the whole graph was checked
    assert checked > 80


def test_include_personal_shows_them(personal):
    with httpx.Client(base_url=personal.url, timeout=120) as http:
        page = http.get("/aktor/fou-nu").text
        assert "Elisabeth Lauritzen" in page and "elisabeth.lauritzen@regionstockholm.se" in page
        assert "--include-personal" in page  # the banner says personal data is shown
        found = http.get(
            "/sparql", params={"query": "PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT ?n WHERE { ?p foaf:name ?n }"}
        ).json()
        assert {"Christine Österman", "Elisabeth Lauritzen"} <= {b["n"]["value"] for b in found["results"]["bindings"]}
        assert "Elisabeth Lauritzen" in http.get("/data/graphmap.ttl").text
