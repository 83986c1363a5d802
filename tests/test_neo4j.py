"""graphmap on a real Neo4j: same answers in Cypher as in SPARQL, exact round trips, dataset-scoped,
idempotent and atomic pushes, clean CLI errors. Fixtures in neo4jlib.py."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS, XSD

from graphmap.ontology import GM, ID
from helpers import norm

# one Neo4j server and its datasets: with pytest-xdist every test here runs in the same worker
pytestmark = pytest.mark.xdist_group("neo4j")

CASES = [
    ("support", {"area": "funktionshinder", "municipality": "Umeå"}),
    ("support", {"area": "funktionshinder"}),
    ("support", {"area": "barn och unga", "municipality": "Uddevalla"}),
    ("support", {"area": "äldre"}),
    ("support", {"area": "individ- och familjeomsorg", "municipality": "Jönköping"}),
    ("support", {"area": "barn och unga", "municipality": "Täby"}),  # a target group keeps adults out
    ("support", {"area": "socialtjänst", "municipality": "Lilla Edet"}),  # partial, a steering body
    ("support", {"area": "beroende", "municipality": "Sollentuna"}),  # one offer, parts differing in confidence
    ("gaps", {"county": "24"}),
    ("gaps", {"county": "14"}),
    ("gaps", {}),
    ("chain", {"actor": "Lycksele"}),
    ("chain", {"actor": "Umeå"}),
    ("chain", {"actor": "Uddevalla"}),
    ("chain", {"actor": "fou-socialtjanst-fyrbodal"}),
    ("chain", {"actor": "Stockholm"}),
    ("chain", {"actor": "skr"}),
    ("brokers", {}),
    ("networks", {"actor": "fou-socialtjanst-vasterbotten"}),
    ("networks", {"actor": "Uddevalla"}),
    ("networks", {"actor": "skr"}),
    ("actor", {"actor": "fou-socialtjanst-fyrbodal"}),
    ("actor", {"actor": "Umeå"}),
    ("actor", {"actor": "skr"}),
    ("collaborations", {}),
    ("collaborations", {"actor": "fou-nu"}),
    ("coverage", {"municipality": "Uddevalla"}),
    ("coverage", {"municipality": "Lycksele"}),
    ("coverage", {"municipality": "Jönköping"}),
    ("coverage", {"municipality": "Högsby"}),  # what is not known: its county's mapping rows
    ("coverage", {"municipality": "Svalöv"}),
]


def counts(conn):
    return (
        conn.read("MATCH (n) RETURN count(n) AS n")[0]["n"],
        conn.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"],
    )


@pytest.fixture(scope="session")
def bundled_push(neo4j_conn, kg):
    from graphmap.neo4j import push

    return push(neo4j_conn, kg.graph, "bundled", layer=kg.support_layer)


@pytest.fixture(scope="session")
def neo4j_kg(neo4j_conn, bundled_push):
    """The graph pulled from Neo4j: names are resolved and labelled from it, as the CLI does."""
    from graphmap.neo4j.query import graph_for_names

    return graph_for_names(neo4j_conn)


def test_every_named_query_has_a_cypher_with_the_same_header():
    from graphmap.neo4j.query import cypher_header
    from graphmap.queries import library

    for query in library().values():
        header = cypher_header(query)
        # a question answered from the support layer (engine: layer) reads the layer's projection in
        # Neo4j (graphmap/neo4j/derived.py): test_cypher_answers_equal_sparql holds the rows equal
        engine = "sparql" if query.engine == "layer" else query.engine
        assert (header.name, header.params, header.columns, header.engine) == (
            query.name,
            query.params,
            query.columns,
            engine,
        ), query.name
    assert {name for name, _p in CASES} == set(library())


@pytest.mark.parametrize("name,params", CASES, ids=[f"{n}-{'-'.join(p.values()) or 'all'}" for n, p in CASES])
def test_cypher_answers_equal_sparql(neo4j_conn, kg, neo4j_kg, name, params):
    import graphmap
    from graphmap.neo4j.query import run_cypher_query

    expected = norm(graphmap.run_query(kg, name, **params).rows)
    got = norm(run_cypher_query(neo4j_conn, name, kg=neo4j_kg, **params).rows)
    assert got == expected
    if params and params.get("actor") not in ("Stockholm", "skr"):  # those two have no chain
        assert expected, "a case with parameters should return rows"


def test_chain_uses_only_the_links_of_the_dataset_asked_for(neo4j_conn, kg, neo4j_kg, bundled_push):
    """Another dataset's shortcut (Lycksele straight into SKR's RSS network) neither hides nor adds a chain.

    The ALL SHORTEST query this replaced chose the shortest paths before it filtered the last link by
    dataset, so this shortcut made Lycksele lose its chain to the RSS network in the bundled dataset.
    """
    import graphmap
    from graphmap.neo4j import push
    from graphmap.neo4j.query import run_cypher_query

    lycksele, rss = ID["kommun/2481"], ID["network/skr-rss-natverk"]
    expected = norm(graphmap.run_query(kg, "chain", actor="Lycksele").rows)
    assert str(rss) in {r["target"] for r in expected}
    push(neo4j_conn, Graph().add((lycksele, org("memberOf"), rss)), "test-shortcut")
    try:
        got = norm(run_cypher_query(neo4j_conn, "chain", dataset="bundled", kg=neo4j_kg, actor="Lycksele").rows)
        assert got == expected
    finally:
        push(neo4j_conn, Graph(), "test-shortcut")


def test_push_then_pull_is_isomorphic_with_personal_data(neo4j_conn, kg, bundled_push):
    from graphmap.neo4j import pull

    pulled = pull(neo4j_conn, "bundled")
    assert isomorphic(pulled, kg.graph)
    flags = set(pulled.subjects(GM.personalData, Literal(True)))
    assert len(flags) == len(set(kg.graph.subjects(GM.personalData, Literal(True)))) > 0
    assert Literal("Christine Österman") in set(pulled.objects(None, URIRef("http://xmlns.com/foaf/0.1/name")))
    # language-tagged names kept side by side, typed literals exact
    umea = ID["kommun/2480"]
    assert Literal("Umeå", lang="sv") in set(pulled.objects(umea, SKOS.prefLabel))
    assert set(kg.graph.objects(None, GM.fte)) == set(pulled.objects(None, GM.fte))


def test_push_twice_keeps_counts(neo4j_conn, kg, bundled_push):
    from graphmap.neo4j import push

    before = counts(neo4j_conn)
    again = push(neo4j_conn, kg.graph, "bundled")
    assert counts(neo4j_conn) == before
    assert (again.nodes, again.relationships) == (bundled_push.nodes, bundled_push.relationships)
    assert again.updated_visible == 0 and again.removed_nodes == 0 and again.removed_relationships == 0
    assert again.version > bundled_push.version


def _small(extra_label: bool = True) -> Graph:
    """A tiny dataset that shares Umeå and SKR with the bundled one and has an actor of its own."""
    g = Graph()
    mine, umea, skr = ID["actor/test-fou-a"], ID["kommun/2480"], ID["actor/skr"]
    g.add((mine, RDF.type, GM.Actor)).add((mine, RDF.type, GM.RDUnit))
    g.add((mine, SKOS.prefLabel, Literal("Test-FoU A", lang="sv"))).add(
        (mine, SKOS.prefLabel, Literal("Test R&D A", lang="en"))
    )
    g.add((mine, GM.level, URIRef("https://w3id.org/graphmap/vocab/level/regional")))
    g.add((mine, GM.serves, umea)).add((mine, GM.fte, Literal("1.50", datatype=XSD.decimal)))
    g.add((mine, GM.year, Literal("2024", datatype=XSD.gYear)))
    g.add((umea, SKOS.prefLabel, Literal("Umeå", lang="sv")))
    if extra_label:
        g.add((umea, SKOS.altLabel, Literal("Ume", lang="sv")))
        g.add((mine, org("memberOf"), skr))
    return g


def org(local):
    return URIRef("http://www.w3.org/ns/org#" + local)


def test_changed_dataset_replaces_only_itself(neo4j_conn, kg, bundled_push):
    from graphmap.neo4j import pull, push
    from graphmap.neo4j.pull import current_tokens

    first = _small()
    other = (
        Graph()
        .add((ID["actor/test-fou-b"], RDF.type, GM.Actor))
        .add((ID["actor/test-fou-b"], GM.serves, ID["kommun/2480"]))
    )
    push(neo4j_conn, first, "test-a")
    push(neo4j_conn, other, "test-b")
    assert isomorphic(pull(neo4j_conn, "test-a"), first)
    changed = _small(extra_label=False)
    changed.remove((ID["actor/test-fou-a"], GM.year, None))
    result = push(neo4j_conn, changed, "test-a")
    assert result.removed_relationships == 1  # memberOf SKR
    assert isomorphic(pull(neo4j_conn, "test-a"), changed)
    assert isomorphic(pull(neo4j_conn, "test-b"), other)
    assert isomorphic(pull(neo4j_conn, "bundled"), kg.graph)  # shared Umeå and SKR untouched
    row = neo4j_conn.read("MATCH (n:Resource {iri: $iri}) RETURN n AS n", iri=str(ID["kommun/2480"]))[0]["n"]
    assert "altLabel_sv" not in row
    assert {current_tokens(neo4j_conn, d)[0] for d in ("bundled", "test-a", "test-b")} <= set(row["datasets"])
    # a dataset that no longer mentions a node removes it when no other dataset has it
    push(neo4j_conn, Graph().add((ID["actor/test-fou-b"], RDF.type, GM.Actor)), "test-a")
    assert (
        neo4j_conn.read("MATCH (n:Resource {iri: $iri}) RETURN count(n) AS n", iri=str(ID["actor/test-fou-a"]))[0]["n"]
        == 0
    )


def test_failed_push_leaves_previous_version_and_next_push_completes(neo4j_conn, kg, bundled_push):
    from graphmap.neo4j import pull, push
    from graphmap.neo4j.query import run_cypher_query

    v1, v2 = _small(), _small(extra_label=False)
    push(neo4j_conn, v1, "test-fail")
    with pytest.raises(RuntimeError, match="injected"):
        push(neo4j_conn, v2, "test-fail", batch_size=2, fail_after_batches=2)
    assert isomorphic(pull(neo4j_conn, "test-fail"), v1)
    status = neo4j_conn.read("MATCH (d:GraphmapDataset {name: 'test-fail'}) RETURN d.staging AS s")[0]["s"]
    assert status is not None  # the unfinished push is visible in status
    rows = run_cypher_query(neo4j_conn, "chain", actor="test-fou-a").rows  # v1: member of SKR (national)
    assert {str(r["target"]) for r in rows} == {str(ID["actor/skr"])}
    push(neo4j_conn, v2, "test-fail")
    assert isomorphic(pull(neo4j_conn, "test-fail"), v2)
    assert run_cypher_query(neo4j_conn, "chain", actor="test-fou-a").rows == []
    leftovers = neo4j_conn.read(
        "MATCH (n) WHERE any(v IN n.datasets WHERE v STARTS WITH 'test-fail@') "
        "UNWIND n.datasets AS v WITH DISTINCT v WHERE v STARTS WITH 'test-fail@' "
        "RETURN collect(v) AS v"
    )[0]["v"]
    assert len(leftovers) == 1


def test_batches_pack_statements_and_one_by_one_writes_one_row_per_transaction(neo4j_conn, bundled_push):
    """The benchmark's baseline really is one row per transaction; batched transactions hold several
    statements (nodes, then relationships) up to batch_size rows, in order."""
    from graphmap.neo4j import pull, push
    from graphmap.neo4j.push import _transactions

    jobs = [("nodes", ["n1", "n2", "n3"], list), ("rels", [("a", "b1"), ("a", "b2"), ("c", "d")], list)]
    assert _transactions(jobs, 2) == [
        [("nodes", ["n1", "n2"])],
        [("nodes", ["n3"]), ("rels", [("a", "b1")])],
        [("rels", [("a", "b2"), ("c", "d")])],
    ]
    g = _small()
    single = push(neo4j_conn, g, "test-rows", one_by_one=True)
    assert single.batches == single.nodes + single.relationships
    assert isomorphic(pull(neo4j_conn, "test-rows"), g)
    packed = push(neo4j_conn, g, "test-rows", batch_size=1000)
    assert packed.batches == 1 and isomorphic(pull(neo4j_conn, "test-rows"), g)


@pytest.mark.neo4j  # starts its own server (no Neo4j fixture)
def test_server_stopped_mid_push_keeps_previous_version(tmp_path, kg):
    """A separate server is stopped in the middle of a push, restarted, and still answers with v1."""
    import graphmap
    from neo4j.exceptions import DriverError, Neo4jError

    from graphmap.neo4j import connect, pull, push
    from graphmap.neo4j.query import run_cypher_query
    from neo4jlib import LocalNeo4j

    server = LocalNeo4j.started(tmp_path / "home")
    try:
        with connect(server.settings(retry_seconds=1.0)) as conn:
            push(conn, kg.graph, "bundled")
        changed = Graph()
        for t in kg.graph:
            changed.add(t)
        changed.remove((None, GM.serves, ID["kommun/2480"]))  # nobody serves Umeå any more
        stopped = []

        def stop_midway(_phase, done, total):
            if done == total // 2 and not stopped:
                stopped.append(done)
                server.stop()

        with connect(server.settings(retry_seconds=1.0)) as conn:
            with pytest.raises((DriverError, Neo4jError, OSError)):
                push(conn, changed, "bundled", batch_size=100, progress=stop_midway)
        assert stopped
        server.start()
        with connect(server.settings()) as conn:
            assert isomorphic(pull(conn, "bundled"), kg.graph)
            expected = norm(graphmap.run_query(kg, "coverage", municipality="Umeå").rows)
            assert norm(run_cypher_query(conn, "coverage", kg=kg, municipality="Umeå").rows) == expected
            push(conn, changed, "bundled")
            assert isomorphic(pull(conn, "bundled"), changed)
    finally:
        server.stop()


def test_labels_and_types_only_from_the_ontology(neo4j_conn):
    from graphmap.neo4j import ModelError, push

    bad = Graph().add((ID["actor/x"], RDF.type, URIRef("https://example.org/Evil`) DETACH DELETE n //")))
    with pytest.raises(ModelError) as info:
        push(neo4j_conn, bad, "test-evil")
    assert "ontologin" in info.value.message("sv")
    bad = Graph().add((ID["actor/x"], URIRef("https://example.org/p"), ID["actor/y"]))
    with pytest.raises(ModelError):
        push(neo4j_conn, bad, "test-evil")
    assert neo4j_conn.read("MATCH (d:GraphmapDataset {name: 'test-evil'}) RETURN count(d) AS n")[0]["n"] == 0


def _env(settings, **extra):
    return {"NEO4J_URI": settings.uri, "NEO4J_USER": settings.user, "NEO4J_PASSWORD": settings.password, **extra}


def test_cli_query_status_pull(neo4j_settings, bundled_push, kg, tmp_path):
    from graphmap.cli import main

    runner = CliRunner()
    env = _env(neo4j_settings)
    args = ["coverage", "-p", "municipality=Uddevalla", "--format", "json"]
    sparql = runner.invoke(main, ["query", *args])
    cypher = runner.invoke(main, ["neo4j", "query", *args], env=env)
    assert cypher.exit_code == 0, cypher.output
    assert json.loads(cypher.stdout) == json.loads(sparql.stdout)
    assert any(r["actor_label"] == "FoU-Socialtjänst Fyrbodal" for r in json.loads(cypher.stdout))
    status = runner.invoke(main, ["neo4j", "status", "--format", "json"], env=env)
    info = json.loads(status.stdout)
    assert info["version"].startswith("5.") and "bundled" in [d["name"] for d in info["datasets"]]
    assert {"label": "Municipality", "nodes": 290} in info["labels"]
    out = tmp_path / "pulled.ttl"
    pulled = runner.invoke(main, ["neo4j", "pull", "--dataset", "bundled", "-o", str(out)], env=env)
    assert pulled.exit_code == 0, pulled.output
    assert isomorphic(Graph().parse(out), kg.graph)


def test_cli_errors_are_one_line_exit_2(neo4j_settings):
    from graphmap.cli import main

    runner = CliRunner()
    cases = [
        (["neo4j", "status"], _env(neo4j_settings, NEO4J_PASSWORD="not-the-password"), "avvisade inloggningen"),
        (
            ["neo4j", "status", "--lang", "en", "--uri", "bolt://127.0.0.1:1"],
            _env(neo4j_settings),
            "Cannot reach Neo4j",
        ),
        (["neo4j", "push", "--dataset", "Bad Name"], _env(neo4j_settings), "Ogiltigt datasetnamn"),
        (
            ["neo4j", "query", "actor", "-p", "actor=skr", "--dataset", "nope"],
            _env(neo4j_settings),
            "finns inte i Neo4j",
        ),
        (["neo4j", "query", "suport"], _env(neo4j_settings), "Okänt värde för query: \"suport\""),
    ]
    for args, env, text in cases:
        result = runner.invoke(main, args, env=env)
        assert result.exit_code == 2, (args, result.output)
        assert text in result.stderr and "Traceback" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_server_versions():
    from graphmap.neo4j.connect import Neo4jUnavailable, supported

    assert supported("5.26.31") and supported("5.23.0") and supported("2025.06.0")
    assert not supported("5.22.0") and not supported("4.4.40") and not supported("5")
    assert (
        Neo4jUnavailable("version", "4.4.40").message("en")
        == "Neo4j 4.4.40 is not supported; graphmap needs Neo4j 5.23 or later."
    )
