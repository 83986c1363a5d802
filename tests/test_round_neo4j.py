"""A municipality's part of an offer (issue 26): Umeå confirms support FoU Socialtjänst gives every
municipality it covers; Cypher answers as SPARQL and the support layer for Umeå (its part) and for
Lycksele and Storuman (the whole, without Umeå's answer). Fixtures in neo4jlib.py."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

import graphmap
from graphmap.ingest import bundled_paths
from graphmap.ontology import ID

pytestmark = pytest.mark.xdist_group("neo4j")

OFFER = "vasterbotten/offers/karnomraden"


@pytest.fixture(scope="module")
def confirmed(kg, tmp_path_factory):
    from graphmap.round.apply import apply_returns
    from graphmap.round.readback import read_returns
    from graphmap.round.workbook import start_round

    made = start_round(kg, "Västerbotten 2027", ["2480"], tmp_path_factory.mktemp("rounds"), today="2027-02-01")
    book = load_workbook(made.workbooks[0])
    ws = book["Att verifiera"]
    row = next(r[0].row for r in ws.iter_rows(min_row=3) if r[11].value == OFFER)
    ws.cell(row, 9, "Stämmer")
    book["Om arbetsboken"]["B7"] = "2027-02-20"
    (made.folder / "svar").mkdir(exist_ok=True)
    book.save(made.folder / "svar" / made.workbooks[0].name)
    apply_returns(read_returns(made.folder, kg=kg))
    return graphmap.build(bundled_paths() + [made.folder])


@pytest.fixture(scope="module")
def pushed(neo4j_conn, confirmed):
    """The graph with the round as a dataset of its own, removed again afterwards (the other Neo4j
    tests read every dataset)."""
    from graphmap.neo4j import push
    from graphmap.neo4j.push import BATCH_SIZE, _remove_tokens

    push(neo4j_conn, confirmed.graph, "runda-2027")
    yield "runda-2027"
    _remove_tokens(neo4j_conn, "runda-2027", None, BATCH_SIZE)


@pytest.mark.parametrize("municipality", ["Umeå", "Lycksele", "Storuman"])
def test_a_municipalitys_part_of_an_offer_in_cypher_as_in_sparql(neo4j_conn, confirmed, pushed, municipality):
    from graphmap.neo4j.query import run_cypher_query

    from tests.test_neo4j import norm

    expected = graphmap.run_query(confirmed, "support", area="barn och unga", municipality=municipality).rows
    got = run_cypher_query(
        neo4j_conn, "support", dataset=pushed, kg=confirmed, area="barn och unga", municipality=municipality
    ).rows
    assert norm(got) == norm(expected) and expected
    answer = ID["vasterbotten-2027/sources/svar-2480"]
    assert any(answer in r["source"] for r in expected) is (municipality == "Umeå")
