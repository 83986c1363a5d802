"""Trust on the Neo4j path: hostile values stay plain text; a server that goes away during a
query gives one clear line, and the next query after a restart answers as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

import graphmap
from graphmap.ontology import actor_iri

# one Neo4j server and its datasets: with pytest-xdist every test here runs in the same worker
pytestmark = pytest.mark.xdist_group("neo4j")

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = [
    "x}) DETACH DELETE n //",
    '"} ; DROP ALL ; #',
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://x.invalid","klick")',
    "MATCH (n) DETACH DELETE n",
]


def hostile_region(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "sources.csv").write_text("id,title\nkalla,Källa\n", encoding="utf-8")
    lines = ["id,name_sv,types,level,county,source,confidence"]
    for i, name in enumerate(HOSTILE):
        lines.append(f'evil-{i},"{name.replace(chr(34), chr(34) * 2)}",fou-enhet,regional,24,kalla,stated')
    (folder / "actors.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_hostile_values_are_plain_text_in_neo4j(neo4j_conn, tmp_path):
    from graphmap.neo4j import pull, push
    from graphmap.neo4j.query import run_cypher_query

    before = neo4j_conn.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    kg = graphmap.build([hostile_region(tmp_path / "evil")])
    push(neo4j_conn, kg.graph, "test-hostile")
    assert neo4j_conn.read("MATCH (n) RETURN count(n) AS n")[0]["n"] >= before  # nothing was deleted
    back = pull(neo4j_conn, "test-hostile")
    assert isomorphic(back, kg.graph)
    for i, name in enumerate(HOSTILE):
        assert back.value(actor_iri(f"evil-{i}"), SKOS.prefLabel) == Literal(name, lang="sv")
        rows = run_cypher_query(neo4j_conn, "actor", dataset="test-hostile", kg=kg, actor=f"evil-{i}").present()
        assert name in {r["value_label"] for r in rows}


def _cli(server, *args):
    env = {**os.environ, "NEO4J_URI": server.uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "graphmap-test"}
    return subprocess.run(
        [sys.executable, "-m", "graphmap", "neo4j", *args],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )


@pytest.mark.neo4j  # starts its own server (no Neo4j fixture)
def test_server_gone_during_query_then_back(tmp_path, kg):
    from graphmap.neo4j import connect, push
    from neo4jlib import LocalNeo4j

    server = LocalNeo4j.started(tmp_path / "home")
    try:
        with connect(server.settings()) as conn:
            push(conn, kg.graph, "bundled")
        server.stop()
        gone = _cli(server, "query", "coverage", "-p", "municipality=Umeå", "--format", "json")
        assert gone.returncode == 2
        assert "Traceback" not in gone.stderr
        assert len(gone.stderr.strip().splitlines()) == 1
        server.start()
        back = _cli(server, "query", "coverage", "-p", "municipality=Umeå", "--format", "json")
        assert back.returncode == 0, back.stderr
        import json

        expected = graphmap.run_query(kg, "coverage", municipality="Umeå").present()
        assert [r["actor"] for r in json.loads(back.stdout)] == [r["actor"] for r in expected]
    finally:
        server.stop()


def test_a_respondents_name_is_marked_personal_data_in_neo4j(neo4j_conn, tmp_path):
    """The answer node that carries a respondent's name was not marked ``personalData`` in
    Neo4j, as a person is: a Cypher user who leaves out what is marked (``graphmap privacy`` says
    "included, marked personalData=true") still read the name. Every claim that holds personal data
    (:mod:`graphmap.privacy`: a person, a respondent's name) is now ``personalData: true``; the
    leaving-out query sees no name or address of the data; a pull is still the graph that was pushed
    (the mark graphmap added, listed in ``_derived``, is no triple)."""
    from rdflib import URIRef
    from rdflib.namespace import FOAF, RDF

    from graphmap.neo4j import pull, push
    from graphmap.neo4j.pull import current_tokens
    from graphmap.ontology import GM
    from graphmap.privacy import personal_strings

    kg = graphmap.build([hostile_region(tmp_path / "evil")])
    graph = kg.graph
    answer = URIRef("https://w3id.org/graphmap/id/evil/answers/a1")
    person = URIRef("https://w3id.org/graphmap/id/evil/persons/p1")
    graph.add((answer, GM.respondentName, Literal("Anna Respondentsson")))
    graph.add((person, RDF.type, FOAF.Person))
    graph.add((person, GM.personalData, Literal(True)))
    graph.add((person, FOAF.name, Literal("Pelle Persson")))
    names = personal_strings(graph)
    assert names == {"Anna Respondentsson", "Pelle Persson"}
    push(neo4j_conn, graph, "test-respondent")
    live = current_tokens(neo4j_conn, "test-respondent")
    rows = neo4j_conn.read(
        "MATCH (c:GraphmapClaim)-->(n {iri: $iri}) WHERE c._token IN $live "
        "RETURN c.personalData AS mark, c._derived AS derived, c._personal AS keys, "
        "c.respondentName AS name",
        iri=str(answer),
        live=live,
    )
    assert rows == [
        {"mark": True, "derived": ["personalData"], "keys": ["respondentName"], "name": "Anna Respondentsson"}
    ]
    rows = neo4j_conn.read(
        "MATCH (c:GraphmapClaim)-->(n {iri: $iri}) WHERE c._token IN $live "
        "RETURN c.personalData AS mark, c._derived AS derived",
        iri=str(person),
        live=live,
    )
    assert rows == [{"mark": True, "derived": None}]  # stated by the graph: a pull brings it back
    shared = neo4j_conn.read(
        "MATCH (c:GraphmapClaim) WHERE c._token IN $live AND NOT coalesce(c.personalData, false) "
        "RETURN properties(c) AS props",
        live=live,
    )
    assert len(shared) > 10
    seen = {
        str(v) for r in shared for value in r["props"].values() for v in (value if isinstance(value, list) else [value])
    }
    assert not seen & names
    assert isomorphic(pull(neo4j_conn, "test-respondent"), graph)


def test_a_node_marked_not_personal_that_holds_personal_data_is_refused(tmp_path):
    """A graph that says ``personalData false`` of an answer holding a respondent's name contradicts
    :mod:`graphmap.privacy`: the projection refuses it with a message naming the node, before Cypher."""
    from rdflib import Graph, URIRef

    from graphmap.neo4j import ModelError
    from graphmap.neo4j.project import to_property_graph
    from graphmap.ontology import GM

    answer = URIRef("https://w3id.org/graphmap/id/evil/answers/a1")
    graph = Graph()
    graph.add((answer, GM.respondentName, Literal("Anna Respondentsson")))
    graph.add((answer, GM.personalData, Literal(False)))
    with pytest.raises(ModelError) as caught:
        to_property_graph(graph)
    assert str(answer) in caught.value.message("sv") and "gm:personalData false" in caught.value.message("en")
