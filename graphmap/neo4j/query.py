"""Run the named queries in Cypher on Neo4j, with the same rows as the SPARQL versions.

Each ``graphmap/queries/NAME.rq`` has a ``NAME.cypher`` beside it with the same header
(``// param: …``, ``// column: …``). Values a user types are resolved to IRIs exactly as for
SPARQL (names, codes, "did you mean") against the graph in Neo4j, then bound as Cypher
parameters. graphmap adds ``$live`` (the current dataset versions), ``$types`` (relationship
type -> predicate IRI) and ``$keys`` (property key -> [predicate IRI, language]).

``chain`` (``engine: paths``) returns the shortest paths natively; they are numbered and
flattened by :func:`graphmap.analysis.paths_to_rows`, the same function the SPARQL backend uses.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.term import Node

from graphmap import analysis
from graphmap.api import KnowledgeGraph, QueryResult, bind_params, chain_rows, link_confidence, shape_rows
from graphmap.neo4j.connect import Connection
from graphmap.neo4j.model import IRI_DATATYPE, ModelError, SYSTEM_KEYS, decode_value, model
from graphmap.neo4j.pull import current_tokens, pull
from graphmap.queries import NamedQuery, library
from graphmap.resolve import UnknownName


def cypher_text(query: NamedQuery) -> str:
    """The Cypher of a named query; raise LookupError if it has none."""
    text = query.cypher
    if text is None:
        raise LookupError(f"{query.name}.cypher")
    return text


def cypher_header(query: NamedQuery) -> NamedQuery:
    """The ``.cypher`` file's own header parsed like a ``.rq`` header (``//`` instead of ``#``)."""
    import tempfile
    from pathlib import Path

    from graphmap.queries import parse

    lines = []
    for line in cypher_text(query).splitlines():
        if line.startswith("//"):
            lines.append("#" + line[2:])
        elif line.strip():
            break
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{query.name}.rq"
        path.write_text("\n".join(lines) + "\nSELECT * {}\n", encoding="utf-8")
        return parse(path)


def graph_for_names(conn: Connection, dataset: str | None = None) -> KnowledgeGraph:
    """The graph in Neo4j (one dataset or all), to resolve names and label IRIs."""
    return KnowledgeGraph(pull(conn, dataset))


def key_map(conn: Connection) -> dict[str, list]:
    """Every property key in the database that carries a literal: key -> [predicate IRI, language]."""
    m = model()
    out = {}
    for row in conn.read("CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys")[0]["keys"]:
        if row in SYSTEM_KEYS:
            continue
        try:
            pred, lang = m.decode_key(row)
        except ModelError:
            continue
        out[row] = [pred, lang or ""]
    return out


def run_cypher_query(
    conn: Connection, name: str, *, dataset: str | None = None, kg: KnowledgeGraph | None = None, **values
) -> QueryResult:
    """Run the named query on Neo4j; ``kg`` (for names and labels) defaults to the graph pulled from Neo4j."""
    lib = library()
    if name not in lib:
        raise UnknownName("query", name, sorted(lib))
    query = lib[name]
    live = current_tokens(conn, dataset)
    kg = kg or graph_for_names(conn, dataset)
    bound = bind_params(kg, query, values)
    params: dict = {p.name: (str(bound[p.name]) if p.name in bound else None) for p in query.params}
    params.update(live=live, types=model().predicate_of_type, keys=key_map(conn) if name == "actor" else {})
    raw = conn.read(cypher_text(query), **params)
    if query.engine == "paths":
        rows = chain_rows(
            analysis.link_graph(raw), params["actor"], link_confidence(kg), kg.support_layer.roles
        )  # raw: the links around the actor; confidences and roles read as the SPARQL backend reads them
    else:
        rows = shape_rows([_terms(row, query) for row in raw], query)
    return QueryResult(query, bound, rows, kg)


def _terms(row: dict, query: NamedQuery) -> dict:
    """Cypher values -> the rdflib terms the SPARQL backend returns."""
    out: dict[str, Node | None] = {}
    for col in query.columns:
        value = row.get(col.name)
        if value is None:
            out[col.name] = None
        elif col.holds_term:
            out[col.name] = URIRef(value)
        elif col.type == "number":
            out[col.name] = Literal(int(value))
        elif col.type == "boolean":
            out[col.name] = Literal(bool(value))
        elif col.type == "value":
            kind = row.get(f"{col.name}_kind")
            if kind == "iri":
                out[col.name] = URIRef(value)
            else:
                dtype = row.get(f"{col.name}_datatype") or None
                out[col.name] = decode_value(value, dtype, row.get(f"{col.name}_lang") or None)
                if dtype == IRI_DATATYPE:
                    out[col.name] = URIRef(str(value))
        else:
            out[col.name] = Literal(value)
    return out
