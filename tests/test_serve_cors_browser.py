"""A browser on another origin (Chromium, two loopback ports) queries /sparql: the page on port B
POSTs a SPARQL query to graphmap on port A (a preflighted request: ``application/sparql-query``)
and GETs the service description and an actor's IRI as Turtle (a linked-data client in a browser);
a page of the app without CORS stays closed to it."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from graphmap.serve.live import LiveServer, create_app

PAGE = """<!doctype html><meta charset="utf-8"><title>other origin</title><pre id="out">…</pre>
<script>
const app = %(app)s, out = document.getElementById("out"), said = {};
async function run() {
  const q = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/graphmap/def#Municipality> }";
  const r = await fetch(app + "/sparql", {method: "POST", body: q, headers: {
      "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}});
  said.count = (await r.json()).results.bindings[0].n.value;
  const sd = await fetch(app + "/sparql", {headers: {"Accept": "text/turtle"}});
  said.sd = (await sd.text()).includes("sparql-service-description");
  const iri = await fetch(app + "/id/actor/skr", {headers: {"Accept": "text/turtle"}});
  said.iri = iri.status + " " + (await iri.text()).includes("<https://w3id.org/graphmap/id/actor/skr> a gm:Actor");
  try { await fetch(app + "/"); said.page = "open"; } catch (e) { said.page = "closed"; }
  out.textContent = JSON.stringify(said);
}
run().catch(e => { out.textContent = "error: " + e; });
</script>"""


@pytest.fixture(scope="module")
def app_url(kg):
    with LiveServer(create_app(kg, sparql_workers=1)) as live:
        yield live.url


@pytest.fixture(scope="module")
def other_origin(app_url):
    body = (PAGE % {"app": repr(app_url)}).encode("utf-8")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_page_on_another_origin_runs_a_sparql_query(open_page, other_origin, app_url):
    import json

    assert other_origin.split(":")[2] != app_url.split(":")[2]  # two ports: two origins
    run = open_page(other_origin)
    run.page.wait_for_function("document.getElementById('out').textContent !== '…'", timeout=60_000)
    said = json.loads(run.page.text_content("#out"))
    assert said == {"count": "290", "sd": True, "iri": "200 true", "page": "closed"}
