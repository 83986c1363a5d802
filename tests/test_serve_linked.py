"""The web app as a linked-data server, with a real uvicorn server and an HTTP client: every IRI
graphmap mints resolves by content negotiation (303 to a document, Cool URIs), ``/def`` answers
directly, the catalogue record and the SPARQL service description (with VoID) are served, and the
open-data paths answer other origins (CORS, preflight, no credentials)."""

from __future__ import annotations

import json

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, RDF, VOID

from graphmap.catalog import DATASET, SD
from graphmap.ontology import GM, actor_iri
from graphmap.serve.live import LiveServer, create_app

SKR = actor_iri("skr")


@pytest.fixture(scope="module")
def server(kg):
    with LiveServer(create_app(kg, sparql_workers=1, contact_email="data@example.org")) as live:
        yield live


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def served(server):
    return server.server.config.app.state.site.kg.graph


@pytest.mark.parametrize(
    "accept, ext, parser",
    [
        ("text/turtle", "ttl", "turtle"),
        ("application/n-triples", "nt", "nt"),
        ("application/ld+json", "jsonld", "json-ld"),
        ("application/rdf+xml", "rdf", "xml"),
    ],
)
def test_an_actor_iri_gives_its_triples(client, served, accept, ext, parser):
    """An RDF client gets the statements at the IRI itself (no redirect to follow), naming the document."""
    r = client.get("/id/actor/skr", headers={"Accept": accept})
    assert (r.status_code, r.headers["content-location"], r.headers["vary"]) == (200, f"/id/actor/skr.{ext}", "Accept")
    assert r.headers["content-type"].startswith(accept)
    got = Graph().parse(data=r.content, format=parser)
    assert set(got.triples((SKR, None, None))) == set(served.triples((SKR, None, None)))
    doc = client.get(r.headers["content-location"])
    assert doc.status_code == 200 and Graph().parse(data=doc.content, format=parser).isomorphic(got)


def test_curl_on_an_actor_iri_path_prints_its_triples(server, served):
    """The issue's check, with the real curl and no -L: ``curl -H 'Accept: text/turtle' …/id/actor/skr``."""
    import os
    import shutil
    import subprocess

    if shutil.which("curl") is None:  # scripts/test.sh installs it; a CI run without it fails, never skips
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail("curl missing in CI", pytrace=False)
        pytest.skip("curl not installed")
    done = subprocess.run(
        ["curl", "-s", "-H", "Accept: text/turtle", server.url + "/id/actor/skr"], capture_output=True, timeout=60
    )
    assert done.returncode == 0
    got = Graph().parse(data=done.stdout, format="turtle")
    assert len(got) > 10 and set(got.triples((SKR, None, None))) == set(served.triples((SKR, None, None)))


def test_a_browser_gets_the_page(client):
    for path, page in (
        ("/id/actor/skr", "/aktor/skr"),
        ("/id/kommun/2480", "/kommun/2480"),
        ("/id/lan/24", "/id/lan/24.html"),
    ):
        r = client.get(path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
        assert (r.status_code, r.headers["location"]) == (303, page)
        assert client.get(page).status_code == 200
    html = client.get("/id/lan/24.html").text
    assert "https://w3id.org/graphmap/id/lan/24" in html and 'href="/id/lan/24.ttl"' in html


def test_concepts_schemes_facts_and_the_ontology_resolve(client, served):
    area = "/vocab/area/funktionshinder"
    r = client.get(area, headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert r.status_code == 200 and "Funktionshinder" in r.text
    scheme = Graph().parse(data=client.get("/vocab/area.ttl").content, format="turtle")
    assert len(set(scheme.subjects())) > 10  # the scheme with its concepts
    fact = next(s for s in served.subjects(RDF.type, None) if "/offers/" in str(s))
    r = client.get(
        str(fact).removeprefix("https://w3id.org/graphmap"), headers={"Accept": "text/turtle"}, follow_redirects=True
    )
    assert r.status_code == 200 and str(fact) in r.text
    onto = client.get("/def", headers={"Accept": "text/turtle"})
    assert onto.status_code == 200 and (GM.Actor, None, None) in Graph().parse(data=onto.content, format="turtle")
    assert "text/html" in client.get("/def", headers={"Accept": "text/html"}).headers["content-type"]
    assert client.get("/id/actor/finns-inte", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/id/actor/skr", headers={"Accept": "image/png"}).status_code == 406


def test_catalog_and_well_known_void(client):
    for path in ("/catalog", "/.well-known/void"):
        g = Graph().parse(data=client.get(path).content, format="turtle")
        assert (DATASET, RDF.type, DCAT.Dataset) in g
        assert str(g.value(DATASET, VOID.sparqlEndpoint)).endswith("/sparql")
    r = client.get("/catalog", headers={"Accept": "application/ld+json"})
    assert r.headers["content-type"] == "application/ld+json" and json.loads(r.text)["@context"]
    record = Graph().parse(data=client.get("/catalog").content, format="turtle")
    assert set(record.objects(None, URIRef("http://www.w3.org/2006/vcard/ns#hasEmail"))) == {
        URIRef("mailto:data@example.org")
    }  # serve --contact-email: the address DCAT-AP-SE requires
    forged = client.get("/catalog", headers={"Host": "evil.example"})  # URLs from the server's own address
    assert forged.status_code == 200 and "evil.example" not in forged.text


def test_sparql_service_description_with_void(client, served, server):
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    sd = Graph().parse(data=r.content, format="turtle")
    endpoint = URIRef(server.url + "/sparql")
    assert (endpoint, RDF.type, SD.Service) in sd and (endpoint, SD.endpoint, endpoint) in sd
    assert int(sd.value(DATASET, VOID.triples)) == len(served)
    assert client.get("/sparql").status_code == 200  # no Accept: the description, not 400
    head = client.head("/sparql", headers={"Accept": "text/turtle"})
    assert head.status_code == 200 and head.content == b""


def test_cors_for_other_origins(client):
    origin = {"Origin": "http://127.0.0.1:9"}
    pre = client.options(
        "/sparql",
        headers={**origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )
    assert pre.status_code == 204 and "POST" in pre.headers["access-control-allow-methods"]
    assert pre.headers["access-control-allow-origin"] == "*" and "access-control-allow-credentials" not in pre.headers
    r = client.get(
        "/sparql",
        params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
        headers={**origin, "Accept": "application/sparql-results+json"},
    )
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*"
    assert client.get("/id/actor/skr.ttl", headers=origin).headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-origin" not in client.get("/", headers=origin).headers  # pages stay same-origin


def test_footer_names_the_licence(client):
    html = client.get("/").text
    assert 'rel="license" href="https://creativecommons.org/publicdomain/zero/1.0/"' in html
    assert "CC0 1.0" in html and 'href="/catalog"' in html
