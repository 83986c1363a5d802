"""The bundled dataset: every row in the graph, the graph passes SHACL, 290 municipalities, provenance."""

from __future__ import annotations

import csv

from rdflib import URIRef
from rdflib.namespace import RDF

from graphmap.ingest import bundled_paths
from graphmap.ontology import DCTERMS, GM, ID, ROOT

CONFIDENCE = GM.confidence


def test_graph_passes_shacl(kg):
    assert kg.validation.conforms, [p.format("en") for p in kg.validation.problems[:5]]


def test_290_municipalities_and_21_counties(kg):
    assert len(set(kg.graph.subjects(RDF.type, GM.Municipality))) == 290
    assert len(set(kg.graph.subjects(RDF.type, GM.County))) == 21
    assert len(set(kg.graph.subjects(RDF.type, GM.Region))) == 21


def test_every_table_row_is_in_the_graph(kg):
    expected = 0
    for folder in bundled_paths() + [ROOT / "data" / "reference"]:
        for path in folder.glob("*.csv"):
            with path.open(encoding="utf-8") as f:
                expected += sum(1 for _ in csv.DictReader(f))
    assert len(kg.ingest.rows) == expected
    for _ds, _table, _row, iri in kg.ingest.rows:
        assert (iri, None, None) in kg.graph


def test_every_record_has_source_and_confidence(kg):
    for _ds, table, _row, iri in kg.ingest.rows:
        if table != "sources":  # a source is the provenance itself
            assert kg.graph.value(iri, CONFIDENCE) is not None, iri
            assert kg.graph.value(iri, DCTERMS.source) is not None, iri


def test_general_knowledge_is_never_stated(kg):
    # the lists of municipalities per FoU unit are not in the seeds: they must be assumed
    stated = GM.confidence
    places = URIRef("https://w3id.org/graphmap/vocab/record-part/places")
    for ident in ("fou-nu-kommuner", "fou-nordvast-kommuner", "fou-fyrbodalskommunerna"):
        iri = next(i for _d, t, _r, i in kg.ingest.rows if t == "coverage" and str(i).endswith(ident))
        # the record is assumed, or stated with its list of places marked as the assumed part
        assert str(kg.graph.value(iri, stated)).endswith("/assumed") or (iri, GM.assumedPart, places) in kg.graph


def test_persons_are_marked_personal(kg):
    from rdflib.namespace import FOAF

    people = set(kg.graph.subjects(RDF.type, FOAF.Person))
    assert len(people) == 6
    assert all(kg.graph.value(p, GM.personalData).toPython() is True for p in people)


def test_seed_facts_present(seed_kg):
    from graphmap.api import run_query

    kg = seed_kg  # what the seed documents say (the reference layer adds forums of its own)
    rows = run_query(kg, "actor", actor="fou-socialtjanst-fyrbodal").present()
    labels = {r["value_label"] for r in rows}
    # the posts with their share of a full-time post (Fyrbodal plan)
    assert {
        "Utvecklingsledare funktionshinder/socialpsykiatri",
        "Nätverksledare IFO-nätverk/kompetensutveckling",
        "VFU-samordnare",
    } <= labels
    # the jointly run services in Jönköpings län
    names = {kg.label(s) for s in kg.graph.subjects(RDF.type, GM.JointService)}
    assert names == {
        "Barnahus (Jönköpings län)",
        "Personliga ombud (Jönköpings län)",
        "Familjehemsrekrytering (Jönköpings län)",
    }
    # the three FoU-rum, the two local disability networks in Västerbotten, FoU Välfärd, the socialchefsnätverk
    forums = {kg.label(s) for s in kg.graph.subjects(RDF.type, GM.Forum)}
    assert len(forums) == 3
    assert kg.resolver.resolve("actor", "funk-natverk-sodra-lappland") == ID["network/funk-natverk-sodra-lappland"]
    assert kg.resolver.resolve("actor", "FoU Välfärd") == ID["actor/fou-valfard-forening"]  # the association
    assert (
        kg.resolver.resolve("actor", "Socialchefsnätverket i Fyrbodal") == ID["network/socialchefsnatverket-fyrbodal"]
    )
