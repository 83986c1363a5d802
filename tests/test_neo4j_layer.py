"""The derived support layer in Neo4j (graphmap/neo4j/derived.py): a push writes it under the
dataset's version, ``support.cypher`` reads it and answers as the layer does, a pull leaves it out,
and a push of changed data replaces it (no stale reach). Fixtures in neo4jlib.py."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from graphmap.ontology import GM, ID
from helpers import norm

pytestmark = pytest.mark.xdist_group("neo4j")

DATASET = "test-layer"
# the municipalities of the Cypher/SPARQL cases and a few more: north, south, a county without
# mapping (Högsby), a partial member (Lilla Edet), Malmö (its page contradicted itself in #25)
MUNICIPALITIES = ["Umeå", "Malmö", "Uddevalla", "Lilla Edet", "Täby", "Högsby", "Sollentuna", "Lycksele"]


def _reach(conn, token: str) -> list[dict]:
    return conn.read("MATCH (r:SupportReach {_token: $t}) RETURN labels(r) AS labels, properties(r) AS props", t=token)


def _answers(conn, kg, area: str, municipality: str | None = None):
    import graphmap
    from graphmap.neo4j.query import run_cypher_query

    values = {"area": area} | ({"municipality": municipality} if municipality else {})
    layer = norm(graphmap.run_query(kg, "support", **values).rows)
    cypher = norm(run_cypher_query(conn, "support", dataset=DATASET, kg=kg, **values).rows)
    return cypher, layer


@pytest.fixture(scope="module")
def pushed(neo4j_conn, kg):
    from graphmap.neo4j import push

    result = push(neo4j_conn, kg.graph, DATASET, layer=kg.support_layer)
    yield result
    push(neo4j_conn, Graph(), DATASET)  # the other tests ask every dataset: leave none behind
    assert (
        neo4j_conn.read("MATCH (r:SupportReach) WHERE r._token STARTS WITH $p RETURN count(r) AS n", p=DATASET)[0]["n"]
        == 0
    )


def test_push_writes_the_layer_marked_derived_and_pull_leaves_it_out(neo4j_conn, kg, pushed):
    from graphmap.neo4j import pull
    from graphmap.neo4j.derived import reach_rows
    from graphmap.neo4j.pull import current_tokens

    token = current_tokens(neo4j_conn, DATASET)[0]
    stored = _reach(neo4j_conn, token)
    assert pushed.derived_rows == len(stored) == len(reach_rows(kg.support_layer)) > 1000
    assert all(set(r["labels"]) == {"SupportReach", "GraphmapDerived"} for r in stored)  # never a :Resource
    umea = str(ID["kommun/2480"])
    assert any(umea in r["props"].get("municipalities", ()) for r in stored)
    assert any(r["props"].get("national") for r in stored)
    assert neo4j_conn.read("MATCH (:SupportReach)-[x]-() RETURN count(x) AS n")[0]["n"] == 0
    assert isomorphic(pull(neo4j_conn, DATASET), kg.graph)


def test_cypher_support_equals_the_layer_for_municipalities_and_areas(neo4j_conn, kg, pushed):
    areas = [kg.label(a) for a in kg.support_layer.areas]
    assert len(areas) == 19
    for area in areas:
        for municipality in MUNICIPALITIES:
            cypher, layer = _answers(neo4j_conn, kg, area, municipality)
            assert cypher == layer, (area, municipality)
    for area in ("funktionshinder", "socialtjänst"):  # an area across the whole country
        cypher, layer = _answers(neo4j_conn, kg, area)
        assert cypher == layer and len(layer) > 20, area


def test_a_push_of_changed_data_replaces_the_layer(neo4j_conn, kg, pushed):
    """Umeå no longer covered by FoU Västerbotten: it leaves Umeå's answer in Cypher as in the layer,
    and the old version's rows are gone (counted by token: no stale reach)."""
    from graphmap.api import KnowledgeGraph
    from graphmap.neo4j import pull, push
    from graphmap.neo4j.derived import reach_rows
    from graphmap.neo4j.pull import current_tokens

    fou, umea = ID["actor/fou-socialtjanst-vasterbotten"], ID["kommun/2480"]
    before, _layer = _answers(neo4j_conn, kg, "funktionshinder", "Umeå")
    assert any(r["actor"] == str(fou) and r["route"] == '"coverage"' for r in before)
    changed = Graph()
    for triple in kg.graph:
        changed.add(triple)
    changed.remove((fou, GM.serves, umea))
    changed_kg = KnowledgeGraph(changed)
    old = current_tokens(neo4j_conn, DATASET)[0]
    try:
        result = push(neo4j_conn, changed, DATASET)  # the layer derived from the changed graph by the push
        new = current_tokens(neo4j_conn, DATASET)[0]
        assert new != old and _reach(neo4j_conn, old) == []
        assert result.derived_rows == len(_reach(neo4j_conn, new)) == len(reach_rows(changed_kg.support_layer))
        after, layer = _answers(neo4j_conn, changed_kg, "funktionshinder", "Umeå")
        assert after == layer
        assert not any(r["actor"] == str(fou) and r["route"] == '"coverage"' for r in after)
        cypher, layer = _answers(neo4j_conn, changed_kg, "funktionshinder")
        assert cypher == layer
        assert isomorphic(pull(neo4j_conn, DATASET), changed)
    finally:
        push(neo4j_conn, kg.graph, DATASET, layer=kg.support_layer)
    back, layer = _answers(neo4j_conn, kg, "funktionshinder", "Umeå")
    assert back == layer == before


def test_a_failed_push_leaves_the_current_layer_and_the_next_push_removes_its_rows(neo4j_conn, kg, pushed):
    """A push that fails while staging the layer's rows: readers keep the current version's rows
    (the staged ones are invisible); the next push removes them (found by their token)."""
    from graphmap.neo4j import push
    from graphmap.neo4j.pull import current_tokens

    before, layer = _answers(neo4j_conn, kg, "funktionshinder", "Umeå")
    current = current_tokens(neo4j_conn, DATASET)[0]
    with pytest.raises(RuntimeError, match="injected"):  # the layer's rows are the last transactions
        push(neo4j_conn, kg.graph, DATASET, layer=kg.support_layer, fail_after_batches=pushed.batches - 1)
    tokens = "MATCH (r:SupportReach) WHERE r._token STARTS WITH $p RETURN collect(DISTINCT r._token) AS t"
    staged = set(neo4j_conn.read(tokens, p=f"{DATASET}@")[0]["t"])
    assert current in staged and len(staged) == 2  # some rows of the failed version were written
    assert current_tokens(neo4j_conn, DATASET) == [current]
    assert _answers(neo4j_conn, kg, "funktionshinder", "Umeå") == (before, layer)
    push(neo4j_conn, kg.graph, DATASET, layer=kg.support_layer)
    assert neo4j_conn.read(tokens, p=f"{DATASET}@")[0]["t"] == current_tokens(neo4j_conn, DATASET)
    assert _answers(neo4j_conn, kg, "funktionshinder", "Umeå") == (before, layer)
