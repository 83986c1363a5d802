"""Attack: Neo4j datasets that share nodes must not corrupt each other.

Two region folders (Fyrbodal, Västerbotten) are pushed as two datasets: they share 453 nodes
(the municipalities, the counties, the national actors, the vocabularies). Each attack pulls
every dataset afterwards and asserts that the pull is exactly (isomorphic to) the graph that was
pushed as that dataset:

1. both datasets pushed at the same moment from two connections, fresh and as re-pushes,
   several rounds (a push that loses the other's claim on a shared node makes that node's
   labels and properties vanish from the other's pull);
2. one dataset pushed after the other with different values (labels, description, name) on a
   shared node: the first one's pull and its dataset-scoped queries keep its own values;
3. one dataset deleted (an empty push) and pushed again, changed: the other keeps its claims.
"""

from __future__ import annotations

import threading

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, SKOS

import graphmap
from graphmap.api import KnowledgeGraph
from graphmap.ontology import GM, ID

from helpers import DATA

pytestmark = [pytest.mark.neo4j, pytest.mark.xdist_group("neo4j")]

A, B = "attack-fyrbodal", "attack-vasterbotten"
ROUNDS = 6  # concurrent rounds: even ones into an empty database, odd ones re-pushes
SKR, UMEA = ID["actor/skr"], ID["kommun/2480"]


def _copy(graph: Graph, *extra) -> Graph:
    """A copy of ``graph`` with the ``extra`` triples."""
    out = Graph()
    for triple in (*graph, *extra):
        out.add(triple)
    return out


@pytest.fixture(scope="module")
def regions(neo4j_conn):
    """Fyrbodal and Västerbotten; Västerbotten's SKR made equal to Fyrbodal's (the one shared node
    that differs), so that only concurrency can make attack 1 fail."""
    from graphmap.neo4j import push

    a = graphmap.build([DATA / "regions" / "fyrbodal"]).graph
    b = graphmap.build([DATA / "regions" / "vasterbotten"]).graph
    b.remove((SKR, None, None))
    for triple in a.triples((SKR, None, None)):
        b.add(triple)
    yield a, b
    for name in (A, B):
        push(neo4j_conn, Graph(), name)


def _other_values(graph: Graph) -> Graph:
    """A copy where the shared SKR and Umeå say something else: another name, description and type."""
    out = _copy(graph)
    out.remove((SKR, SKOS.prefLabel, None))
    out.remove((SKR, DCTERMS.description, None))
    out.remove((SKR, RDF.type, GM.MemberOrganisation))
    out.add((SKR, SKOS.prefLabel, Literal("SKR (annan källa)", lang="sv")))
    out.add((SKR, DCTERMS.description, Literal("En annan beskrivning av SKR.", lang="sv")))
    out.add((SKR, RDF.type, GM.NationalAgency))
    out.add((UMEA, SKOS.altLabel, Literal("Umeå kommun", lang="sv")))
    return out


def _wrong_pulls(conn, expected: dict[str, Graph]) -> list[str]:
    """The datasets whose pull is not their own graph, each with the triples it lacks and adds."""
    from graphmap.neo4j import pull

    wrong = []
    for name, graph in expected.items():
        got = pull(conn, name)
        if not isomorphic(got, graph):
            wrong.append(f"{name}: {len(graph - got)} triples lost, {len(got - graph)} foreign")
    return wrong


def _push_together(settings, work: dict[str, Graph]) -> list[BaseException]:
    """Push every dataset of ``work`` at the same moment, each from its own connection (like two
    processes); returns the exceptions raised."""
    from graphmap.neo4j import connect, push

    start, errors = threading.Barrier(len(work)), []

    def run(name, graph):
        try:
            with connect(settings) as conn:
                start.wait()
                push(conn, graph, name)
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=item) for item in work.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors


def test_concurrent_pushes_of_datasets_that_share_nodes_keep_both(neo4j_conn, neo4j_settings, regions):
    from graphmap.neo4j import push

    a, b = regions
    expected = {A: a, B: b}
    bad_rounds = []
    for i in range(ROUNDS):
        if i % 2 == 0:
            for name in expected:
                push(neo4j_conn, Graph(), name)  # deleted: every node fresh for both pushes
        errors = _push_together(neo4j_settings, expected)
        assert not errors, errors
        wrong = _wrong_pulls(neo4j_conn, expected)
        if wrong:
            bad_rounds.append(f"round {i}: " + "; ".join(wrong))
    assert not bad_rounds, f"{len(bad_rounds)} of {ROUNDS} rounds corrupted a dataset: {bad_rounds}"


def _scoped_actor_rows(conn, dataset: str, graph: Graph, actor: str):
    """The ``actor`` query in one dataset on Neo4j and in SPARQL on that dataset's graph."""
    from graphmap.neo4j.query import run_cypher_query

    kg = KnowledgeGraph(graph)
    return (
        {_row_text(r) for r in run_cypher_query(conn, "actor", dataset=dataset, kg=kg, actor=actor).rows},
        {_row_text(r) for r in graphmap.run_query(kg, "actor", actor=actor).rows},
    )


def _row_text(row: dict) -> tuple:
    return tuple(v.n3() if isinstance(v, Literal) else str(v) for v in row.values())


def test_a_dataset_pushed_later_leaves_the_shared_values_of_the_first_alone(neo4j_conn, regions):
    from graphmap.neo4j import push

    a, _b = regions
    other = _other_values(a)
    push(neo4j_conn, a, A)
    push(neo4j_conn, other, B)
    assert _wrong_pulls(neo4j_conn, {A: a, B: other}) == []
    for name, graph in ((A, a), (B, other)):
        got, want = _scoped_actor_rows(neo4j_conn, name, graph, "skr")
        assert got == want, name
    push(neo4j_conn, a, A)  # and the other way round
    assert _wrong_pulls(neo4j_conn, {A: a, B: other}) == []


def test_deleting_and_repushing_one_dataset_leaves_the_others_claims(neo4j_conn, regions):
    from graphmap.neo4j import push
    from graphmap.neo4j.query import run_cypher_query

    a, b = regions
    push(neo4j_conn, a, A)
    push(neo4j_conn, b, B)
    push(neo4j_conn, Graph(), A)  # A deleted
    assert _wrong_pulls(neo4j_conn, {B: b, A: Graph()}) == []
    expected = graphmap.run_query(KnowledgeGraph(b), "coverage", municipality="Umeå").rows
    assert (
        run_cypher_query(neo4j_conn, "coverage", dataset=B, kg=KnowledgeGraph(b), municipality="Umeå").rows
        == expected
        != []
    )
    changed = _other_values(a)
    push(neo4j_conn, changed, A)  # A back, with other values on shared nodes
    assert _wrong_pulls(neo4j_conn, {A: changed, B: b}) == []
    # the labels the queries match on: each one some dataset states, none that nobody states
    assert {"MemberOrganisation", "NationalAgency"} <= _node_labels(neo4j_conn, SKR)
    push(neo4j_conn, a, A)  # and A's own values again
    assert "NationalAgency" not in _node_labels(neo4j_conn, SKR)
    push(neo4j_conn, Graph(), B)  # B deleted: A intact
    assert _wrong_pulls(neo4j_conn, {A: a, B: Graph()}) == []
    assert "MemberOrganisation" in _node_labels(neo4j_conn, SKR)


def _node_labels(conn, iri) -> set:
    return set(conn.read("MATCH (n:Resource {iri: $iri}) RETURN labels(n) AS l", iri=str(iri))[0]["l"])


def test_edits_made_in_neo4j_browser_come_back_in_every_pull(neo4j_conn, regions):
    """A label and a property added by hand to a shared node belong to no dataset: every dataset
    that holds the node pulls them, and a push of either leaves them."""
    from graphmap.neo4j import pull, push

    a, b = regions
    push(neo4j_conn, a, A)
    push(neo4j_conn, b, B)
    neo4j_conn.write("MATCH (n:Resource {iri: $iri}) SET n:University, n.note_sv = 'Tillagd för hand'", iri=str(SKR))
    try:
        note = [(SKR, RDF.type, GM.University), (SKR, SKOS.note, Literal("Tillagd för hand", lang="sv"))]
        push(neo4j_conn, _other_values(a), A)
        for name, graph in ((A, _other_values(a)), (B, b)):
            assert isomorphic(pull(neo4j_conn, name), _copy(graph, *note)), name
    finally:  # SKR is in the other modules' datasets too
        neo4j_conn.write("MATCH (n:Resource {iri: $iri}) REMOVE n:University, n.note_sv", iri=str(SKR))


def _write_before_claims(conn, datasets: dict[str, Graph]) -> None:
    """Write datasets as graphmap did before claims: every literal and label on the shared node, the
    datasets that stated each in ``_owners``; version 1 current, an unfinished version 2 staged."""
    from graphmap.neo4j.project import to_property_graph

    nodes, rels = {}, {}
    for name, graph in datasets.items():
        pg = to_property_graph(graph)
        for iri, row in pg.nodes.items():
            node = nodes.setdefault(iri, {"iri": iri, "labels": set(), "props": {}, "_owners": set(), "datasets": []})
            node["datasets"] += [f"{name}@1", f"{name}@2"]
            node["labels"] |= row.labels
            node["props"].update(row.full_props())
            node["_owners"] |= {f"{name}|{k}" for k in row.props} | {f"{name}|:{label}" for label in row.labels}
        for rel_type, pairs in pg.rels.items():
            for pair in pairs:
                rels.setdefault((rel_type, pair), []).extend([f"{name}@1", f"{name}@2"])
        conn.write(
            "CREATE (:GraphmapDataset {name: $name, current: $name + '@1', version: 1, last: 2, "
            "staging: $name + '@2'})",
            name=name,
        )
    conn.write(
        "UNWIND $rows AS r CREATE (n:Resource {iri: r.iri}) SET n += r.props, n:$(r.labels), "
        "n._owners = r.owners, n.datasets = r.datasets",
        rows=[
            {
                "iri": n["iri"],
                "props": n["props"],
                "labels": sorted(n["labels"]),
                "owners": sorted(n["_owners"]),
                "datasets": n["datasets"],
            }
            for n in nodes.values()
        ],
    )
    for rel_type in sorted({t for t, _pair in rels}):
        conn.write(
            f"UNWIND $rows AS r MATCH (s:Resource {{iri: r[0]}}), (o:Resource {{iri: r[1]}}) "
            f"CREATE (s)-[x:`{rel_type}`]->(o) SET x.datasets = r[2]",
            rows=[[*pair, tokens] for (t, pair), tokens in rels.items() if t == rel_type],
        )


def test_a_database_written_before_claims_is_converted_once(tmp_path, regions):
    """Two datasets sharing 453 nodes written the old way, with a hand-made property on SKR and
    an unfinished push of each: the first pull converts them, every pull is exact after it, and
    the unfinished versions are gone."""
    from graphmap.neo4j import connect, push
    from neo4jlib import LocalNeo4j

    a, b = regions
    server = LocalNeo4j.started(tmp_path / "home")
    try:
        with connect(server.settings()) as conn:
            _write_before_claims(conn, {A: a, B: b})
            conn.write("MATCH (n:Resource {iri: $iri}) SET n.note_sv = 'Tillagd för hand'", iri=str(SKR))
            note = (SKR, SKOS.note, Literal("Tillagd för hand", lang="sv"))
            assert _wrong_pulls(conn, {A: _copy(a, note), B: _copy(b, note)}) == []
            assert (
                conn.read(
                    "MATCH (n) WHERE n._owners IS NOT NULL OR any(v IN n.datasets WHERE v ENDS WITH '@2') "
                    "RETURN count(n) AS n"
                )[0]["n"]
                == 0
            )
            push(conn, _other_values(a), A)
            assert _wrong_pulls(conn, {A: _copy(_other_values(a), note), B: _copy(b, note)}) == []
    finally:
        server.stop()
