"""The support layer (:mod:`graphmap.answers.support`) gives the same answers as the rules written
in SPARQL (``support.rq``, ``gaps.rq``) on the bundled data and on synthetic data: the layer is how
they are computed once, never a second set of rules. (``tests/test_neo4j.py`` holds the Cypher to
the same rows.)"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import URIRef

import graphmap
from graphmap.api import dedupe, layer_rows, shape_rows
from graphmap.cli import main
from graphmap.queries import find


def sparql_support(kg, area: str, municipality: str) -> list[dict]:
    query = find("support")
    _names, raw = kg.store.select(query.sparql, {"area": URIRef(area), "municipality": URIRef(municipality)})
    return shape_rows(raw, query)


def compare(kg, step: int) -> tuple[int, list]:
    layer, query = kg.support_layer, find("support")
    compared, wrong = 0, []
    for municipality in sorted(layer.county_of)[::step]:
        for area in layer.areas:
            mine = shape_rows(layer_rows(kg, "support", {"area": area, "municipality": municipality}), query)
            compared += 1
            if mine != sparql_support(kg, area, municipality):
                wrong.append((municipality.rsplit("/", 1)[-1], area.rsplit("/", 1)[-1]))
    return compared, wrong


def test_support_from_the_layer_is_the_sparql_answer_for_every_area(kg):
    compared, wrong = compare(
        kg, step=29
    )  # 10 of the 290 municipalities × every area (all 4,060 bindings agreed when measured)
    assert compared == 10 * len(kg.support_layer.areas) and not wrong, wrong[:10]


def test_gaps_from_the_layer_are_the_sparql_counts(kg):
    query = find("gaps")
    columns = [c.name for c in query.columns]
    _names, raw = kg.store.select(query.sparql, {})
    expected = [{c: str(r[c]) for c in columns} for r in dedupe(raw, columns)]
    got = [{c: str(r[c]) for c in columns} for r in layer_rows(kg, "gaps", {})]
    assert len(got) == 290 * len(kg.support_layer.areas) and got == expected


def test_a_network_for_adults_is_not_counted_for_children(kg):
    """gaps counted the Stockholm collaboration's network (for working-age adults) in 'barn och unga'
    for 8 municipalities while their support answers never listed it: both now follow support.rq."""
    rows = [
        r
        for r in layer_rows(kg, "gaps", {"county": "https://w3id.org/graphmap/id/lan/01"})
        if str(r["area"]).endswith("/barn-och-unga") and str(r["municipality"]).endswith("/0114")
    ]
    upplands_vasby = graphmap.run_query(kg, "support", area="barn-och-unga", municipality="0114").rows
    assert int(rows[0]["networks"]) == sum(str(r["route"]) in ("member", "through") for r in upplands_vasby) == 0


@pytest.fixture(scope="module")
def synth_kg(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "land"
    result = CliRunner().invoke(main, ["synth", "--scale", "1", "-o", str(out), "--seed", "3"])
    assert result.exit_code == 0, result.output
    return graphmap.build(sorted(out.iterdir()), validate=False)


def test_the_layer_answers_as_sparql_on_synthetic_data(synth_kg):
    compared, wrong = compare(synth_kg, step=29)  # 10 municipalities, one in every county or so
    assert compared == 10 * len(synth_kg.support_layer.areas) and not wrong, wrong[:10]
    layer = synth_kg.support_layer
    assert sum(len(v) for v in layer.local.values()) > 1000
