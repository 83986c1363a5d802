"""One SPARQL worker process: a read-only copy of the served graph in its own Oxigraph store.

Run as a script (``python sparql_worker.py graph.nt``) by :mod:`graphmap.serve.sparql`; it
imports nothing but pyoxigraph so it starts in a few tens of milliseconds. The parent kills
the process when a query runs past its time limit (a pyoxigraph query cannot be interrupted
from Python) and starts a fresh one.

Protocol on stdin/stdout: the worker writes ``ready\\n`` once the graph is loaded, then for
every request line (JSON: query, accept, format, limit, default_graph, named_graph) it writes
one JSON header line (status, type, truncated, length) followed by ``length`` body bytes.
The store is only ever queried (``Store.query`` cannot run updates), so nothing a client
sends can change it.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "solutions")
'application/sparql-results+xml'
>>> negotiate("*/*", "triples")
'text/turtle'
>>> looks_like_update("PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b ex:c }")
True
"""
from __future__ import annotations

import json
import re
import sys

import pyoxigraph as ox

RESULT_TYPES = {  # media type -> pyoxigraph results format (SELECT / ASK)
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {  # media type -> RDF format (CONSTRUCT / DESCRIBE)
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
SHORT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
         "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
         "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
         "rdfxml": "application/rdf+xml"}
DEFAULT = {"solutions": "application/sparql-results+json", "boolean": "application/sparql-results+json",
           "triples": "text/turtle"}
UPDATE_WORDS = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*|#[^\n]*\n\s*)*", re.IGNORECASE)


def looks_like_update(text: str) -> bool:
    """True when the text (after its PREFIX/BASE prologue and comments) starts like a SPARQL Update."""
    return bool(UPDATE_WORDS.match(text[PROLOGUE.match(text).end():]))


def negotiate(accept: str | None, kind: str, fmt: str | None = None) -> str:
    """Pick the response media type for a result ``kind`` (solutions, boolean, triples)."""
    table = GRAPH_TYPES if kind == "triples" else RESULT_TYPES
    if fmt:
        wanted = SHORT.get(fmt.lower(), fmt.lower())
        if wanted in table:
            return wanted
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            key, _, value = p.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, media.strip().lower()))
    for _q, _i, media in sorted(ranked):
        if media in table:
            return media
    return DEFAULT[kind]


def _term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term(term.subject), "predicate": _term(term.predicate),
                                            "object": _term(term.object)}}
    raise TypeError(repr(term))


def run(store: ox.Store, req: dict) -> tuple[dict, bytes]:
    """Run one request; return the reply header and body. Never raises."""
    text, limit = req["query"], int(req.get("limit") or 10_000)
    options = {}
    if req.get("default_graph"):
        options["default_graph"] = [ox.NamedNode(g) for g in req["default_graph"]]
    if req.get("named_graph"):
        options["named_graphs"] = [ox.NamedNode(g) for g in req["named_graph"]]
    try:
        result = store.query(text, **options)
    except SyntaxError as exc:
        if looks_like_update(text):
            return {"status": 403, "type": "text/plain; charset=utf-8"}, b"SPARQL Update is not allowed: this endpoint is read-only.\n"
        return {"status": 400, "type": "text/plain; charset=utf-8"}, f"Query syntax error: {exc}\n".encode()
    except (ValueError, OSError, RuntimeError) as exc:
        return {"status": 400, "type": "text/plain; charset=utf-8"}, f"Query error: {exc}\n".encode()
    try:
        return _serialise(result, req, limit)
    except (ValueError, OSError, RuntimeError, SyntaxError) as exc:
        return {"status": 500, "type": "text/plain; charset=utf-8"}, f"Query evaluation error: {exc}\n".encode()


def _serialise(result, req: dict, limit: int) -> tuple[dict, bytes]:
    truncated = False
    if isinstance(result, ox.QueryBoolean):
        media = negotiate(req.get("accept"), "boolean", req.get("format"))
        return {"status": 200, "type": media}, result.serialize(format=RESULT_TYPES[media])
    if isinstance(result, ox.QueryTriples):
        media = negotiate(req.get("accept"), "triples", req.get("format"))
        triples = []
        for triple in result:
            if len(triples) == limit:
                truncated = True
                break
            triples.append(triple)
        body = ox.serialize(triples, format=GRAPH_TYPES[media]) or b""
        return {"status": 200, "type": media, "truncated": truncated}, body
    media = negotiate(req.get("accept"), "solutions", req.get("format"))
    names = [v.value for v in result.variables]
    bindings = []
    for solution in result:
        if len(bindings) == limit:
            truncated = True
            break
        bindings.append({n: _term(solution[n]) for n in names if solution[n] is not None})
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")
    fmt = RESULT_TYPES[media]
    if fmt != ox.QueryResultsFormat.JSON:
        body = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=fmt)
    return {"status": 200, "type": media, "truncated": truncated}, body


def main(path: str) -> None:
    store = ox.Store()
    store.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES)
    out = sys.stdout.buffer
    out.write(b"ready\n")
    out.flush()
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        header, body = run(store, json.loads(line))
        header["length"] = len(body)
        out.write(json.dumps(header).encode("utf-8") + b"\n" + body)
        out.flush()


if __name__ == "__main__":
    main(sys.argv[1])
