"""The read-only SPARQL 1.1 endpoint of graphmap serve, driven by SPARQLWrapper, rdflib's
SPARQLStore and httpx against the real server."""

from __future__ import annotations

import httpx
import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper
from urllib.error import HTTPError

from graphmap.serve.live import LiveServer, create_app

LIMIT = 2000
SELECT = """PREFIX gm: <https://w3id.org/graphmap/def#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?actor ?name ?level WHERE {
  ?actor a gm:Actor ; gm:level ?level ; skos:prefLabel ?name .
  FILTER NOT EXISTS { ?actor a gm:Municipality }
}"""
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(kg):
    with LiveServer(create_app(kg, sparql_timeout=3, sparql_limit=LIMIT, sparql_workers=2)) as live:
        yield live


@pytest.fixture(scope="module")
def endpoint(server):
    return server.url + "/sparql"


@pytest.fixture(scope="module")
def served(server):
    return server.server.config.app.state.site.kg


def wrapper(endpoint, query, fmt=JSON, method="GET"):
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    return sw


def count(endpoint) -> int:
    res = wrapper(endpoint, COUNT).query().convert()
    return int(res["results"]["bindings"][0]["n"]["value"])


def embedded_rows(served, query):
    _names, rows = served.store.select(query)
    return sorted(tuple(str(r[k]) for k in ("actor", "name", "level")) for r in rows)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_gets_the_same_rows_as_the_embedded_store(endpoint, served, method):
    res = wrapper(endpoint, SELECT, method=method).query().convert()
    got = sorted(tuple(b[k]["value"] for k in ("actor", "name", "level")) for b in res["results"]["bindings"])
    expected = embedded_rows(served, SELECT)
    assert len(expected) > 40 and got == expected
    langs = {b["name"].get("xml:lang") for b in res["results"]["bindings"]}
    assert langs == {"sv", "en"}


def test_xml_csv_ask_and_construct(endpoint, served):
    xml = wrapper(endpoint, SELECT, XML).query().convert()
    assert len(xml.getElementsByTagName("result")) == len(embedded_rows(served, SELECT))
    csv_text = wrapper(endpoint, SELECT, CSV).query().convert().decode("utf-8")
    assert csv_text.splitlines()[0] == "actor,name,level"
    assert len(csv_text.strip().splitlines()) == len(embedded_rows(served, SELECT)) + 1
    ask = wrapper(endpoint, "ASK { ?s a <https://w3id.org/graphmap/def#Municipality> }").query().convert()
    assert ask["boolean"] is True
    construct = (
        wrapper(
            endpoint,
            "PREFIX gm: <https://w3id.org/graphmap/def#> "
            "CONSTRUCT { ?m gm:scbCode ?c } WHERE { ?m a gm:Municipality ; gm:scbCode ?c }",
            XML,
        )
        .query()
        .convert()
    )
    assert isinstance(construct, Graph) and len(construct) == 290
    jsonld = httpx.get(
        endpoint,
        params={
            "query": "PREFIX gm: <https://w3id.org/graphmap/def#> CONSTRUCT "
            "{ ?m gm:scbCode ?c } WHERE { ?m a gm:Municipality ; gm:scbCode ?c }"
        },
        headers={"Accept": "application/ld+json"},
    )
    assert jsonld.headers["content-type"] == "application/ld+json"
    assert len(Graph().parse(data=jsonld.text, format="json-ld")) == 290


def test_rdflib_sparqlstore_and_post_bodies(endpoint, served):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(endpoint, returnFormat="json")
    rows = sorted(tuple(str(x) for x in row) for row in Graph(store=store).query(SELECT))
    assert rows == embedded_rows(served, SELECT)
    direct = httpx.post(
        endpoint, content=COUNT.encode(), headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"}
    )
    assert direct.status_code == 200 and direct.text.splitlines()[1] == str(len(served.graph))
    tsv = httpx.get(endpoint, params={"query": COUNT}, headers={"Accept": "text/tab-separated-values"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")


def test_updates_are_refused_and_change_nothing(endpoint, server):
    before = count(endpoint)
    insert = "INSERT DATA { <https://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> \"injected\" }"
    delete = "DELETE WHERE { ?s ?p ?o }"
    for text in (insert, delete):
        sw = wrapper(endpoint, text, method="POST")
        with pytest.raises(HTTPError) as info:
            sw.query()
        assert info.value.code == 403
    attempts = [
        httpx.post(endpoint, data={"update": insert}),
        httpx.post(endpoint, content=delete.encode(), headers={"Content-Type": "application/sparql-update"}),
        httpx.get(endpoint, params={"query": insert}),
        httpx.get(endpoint, params={"query": "PREFIX ex: <http://e/>\n# a comment\nDROP ALL"}),
        httpx.post(endpoint, data={"query": delete}),
        httpx.post(server.url + "/update", data={"update": insert}),
        httpx.post(
            server.url + "/sparql/update",
            content=delete.encode(),
            headers={"Content-Type": "application/sparql-update"},
        ),
    ]
    assert [r.status_code for r in attempts] == [403] * len(attempts)
    assert count(endpoint) == before
    ask = wrapper(endpoint, 'ASK { ?s ?p "injected" }').query().convert()
    assert ask["boolean"] is False


def test_bad_requests(endpoint):
    assert httpx.get(endpoint, params={"query": "SELEC nothing"}).status_code == 400
    assert httpx.get(endpoint, params={"query": '"} ; DROP ALL ; #'}).status_code in (400, 403)
    described = httpx.get(endpoint, headers={"Accept": "application/json"})  # no query: the service description
    assert described.status_code == 200 and described.headers["content-type"] == "application/ld+json"
    assert httpx.post(endpoint, content=b"x", headers={"Content-Type": "image/png"}).status_code == 415
    html = httpx.get(endpoint, headers={"Accept": "text/html"})
    assert html.status_code == 200 and "<textarea" in html.text


def test_result_limit_and_time_limit(endpoint, served):
    capped = httpx.get(endpoint, params={"query": "SELECT * WHERE { ?s ?p ?o }"})  # more rows than the limit: refused
    assert capped.status_code == 422 and f"fler än {LIMIT} rader" in capped.text and "LIMIT" in capped.text
    page = httpx.get(endpoint, params={"query": f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {LIMIT} OFFSET {LIMIT}"})
    assert page.status_code == 200 and len(page.json()["results"]["bindings"]) == LIMIT
    construct = httpx.get(endpoint, params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert construct.status_code == 422
    slow = httpx.get(
        endpoint, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}, timeout=120
    )
    assert slow.status_code == 503 and "time limit" in slow.text
    assert count(endpoint) == len(served.graph)  # a fresh worker took over
