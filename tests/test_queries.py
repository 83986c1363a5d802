"""Each named query returns what the seed documents imply, on the bundled data."""

from __future__ import annotations

import pytest

import graphmap
from graphmap.api import MissingParameter, run_query
from graphmap.resolve import UnknownName

FOU_VB = "https://w3id.org/graphmap/id/actor/fou-socialtjanst-vasterbotten"
FOU_FY = "https://w3id.org/graphmap/id/actor/fou-socialtjanst-fyrbodal"
NET = "https://w3id.org/graphmap/id/network/"
SKR_FUNK = {NET + "skr-funktionshinder-kvalitet", NET + "skr-funktionshinder-kompetens"}
NATIONAL = "https://w3id.org/graphmap/vocab/level/nationell"
REGIONAL = "https://w3id.org/graphmap/vocab/level/regional"


def actors(result):
    return {r["actor"] for r in result.present()}


@pytest.fixture(scope="module")
def kg(seed_kg):
    """What the seed documents imply: the seed regions without the national reference layer
    (tests/test_landscape.py checks the layer's answers)."""
    return seed_kg


def test_support_funktionshinder_umea(kg):
    rows = run_query(kg, "support", area="funktionshinder", municipality="Umeå").present()
    by_actor = {}
    for r in rows:
        by_actor.setdefault(r["actor"], []).append(r)
    # the regional FoU/RSS covers Umeå and offers disability support itself
    assert {r["level"] for r in by_actor[FOU_VB]} == {REGIONAL}
    kinds = {k for r in by_actor[FOU_VB] for k in r["kind_label"].split("; ")}
    assert kinds >= {"Kompetensutveckling", "Nätverk för erfarenhetsutbyte", "Samverkan"}
    # the two SKR-led national disability networks, reached through FoU Socialtjänst
    for net in SKR_FUNK:
        assert by_actor[net][0]["level"] == NATIONAL
        assert by_actor[net][0]["via"] == FOU_VB
        assert by_actor[net][0]["route"] == "through"
    # the answer reads from the municipality outward: local and regional rows first, national last
    assert rows[-1]["level"] == NATIONAL and rows[0]["level"] != NATIONAL


def test_support_lists_sources(kg):
    rows = run_query(kg, "support", area="funktionshinder", municipality="Umeå").present()
    assert all(r["source"] for r in rows)
    assert {r["source_label"] for r in rows} >= {"FoU Socialtjänst – Funktionshinder (webbsida)"}


def test_support_without_municipality_covers_every_region(kg):
    found = actors(run_query(kg, "support", area="funktionshinder"))
    assert {
        FOU_VB,
        FOU_FY,
        "https://w3id.org/graphmap/id/actor/fourum-jonkoping",
        "https://w3id.org/graphmap/id/actor/fou-nu",
    } <= found


def test_support_broader_area_counts_for_narrower(kg):
    # FoU Nordväst's Socialtjänstdag is in IFO; IFO is broader than "barn och unga"? no: skadligt bruk is narrower than IFO
    found = actors(run_query(kg, "support", area="skadligt bruk och beroende", municipality="Solna"))
    assert "https://w3id.org/graphmap/id/actor/fou-nordvast" in found


def test_support_no_support_in_county_without_units(kg):
    assert run_query(kg, "support", area="funktionshinder", municipality="Kiruna").rows == []


def test_chain_from_sodra_lappland_reaches_skr_networks(kg):
    rows = run_query(kg, "chain", actor="Lycksele").present()
    targets = {r["target"] for r in rows}
    assert SKR_FUNK | {NET + "skr-rss-natverk"} <= targets
    first = [r for r in rows if r["target"] == NET + "skr-funktionshinder-kvalitet" and r["path"] == 1]
    assert [
        (r["subject"].rsplit("/", 1)[-1], r["relation"].rsplit("#", 1)[-1], r["object"].rsplit("/", 1)[-1])
        for r in first
    ] == [
        ("2481", "serves", "fou-socialtjanst-vasterbotten"),  # read outward: Lycksele täcks av …
        ("fou-socialtjanst-vasterbotten", "memberOf", "skr-funktionshinder-kvalitet"),
    ]
    assert [r["inverse"] for r in first] == [True, False] and first[0]["relation_label"] == "täcks av"


def test_chain_from_fyrbodal_reaches_skr_networks(kg):
    targets = {r["target"] for r in run_query(kg, "chain", actor="Uddevalla").present()}
    assert NET + "skr-natverk-ospecificerade" in targets


def test_chain_from_jonkoping_has_no_national_link(kg):
    # the Jönköping page states no national link: the chain is honestly empty
    assert run_query(kg, "chain", actor="Värnamo").rows == []


def test_coverage_uddevalla(kg):
    rows = run_query(kg, "coverage", municipality="Uddevalla").present()
    fy = {r["area_label"] for r in rows if r["actor"] == FOU_FY}
    assert fy == {
        "Äldre / vård och omsorg",
        "Funktionshinder",
        "Socialpsykiatri",
        "Individ- och familjeomsorg",
        "Kommunal hälso- och sjukvård",
    }
    assert {r["actor_label"] for r in rows if r["actor"]} == {
        "FoU-Socialtjänst Fyrbodal",
        "Fyrbodals kommunalförbund",
        "Västra Götalandsregionen",
    }
    # not FoU Välfärd: the seed only says Fyrbodal's staff take part in it (the national association)


def test_coverage_says_each_structures_role_and_source_address_and_what_is_not_known():
    """Högsby, Svalöv, Skinnskatteberg: what covers them (with its role and the page's address) or,
    per mapping question, that no source was found, from the reference layer."""
    from graphmap.ingest import bundled_paths

    kg = graphmap.build(bundled_paths())
    for name in ("Högsby", "Svalöv", "Skinnskatteberg"):
        rows = run_query(kg, "coverage", municipality=name).present()
        structures = [r for r in rows if r["actor"]]
        unknown = [r for r in rows if r["route"] == "unknown"]
        assert structures and all(r["role_label"] for r in structures), name
        assert all(u.startswith("http") for r in structures if r["source"] for u in r["url"] if u), name
        assert unknown and {r["route_label"] for r in unknown} == {"inte känt"}, name
        assert all(
            r["unknown_label"] and r["status_label"] in ("Ingen källa hittad", "Delvis kartlagd") and not r["actor"]
            for r in unknown
        ), name
        # a search that found nothing is not a confidence in anything
        assert all(not r["confidence"] for r in unknown if r["status_label"] == "Ingen källa hittad"), name
    rows = run_query(kg, "coverage", municipality="Skinnskatteberg").present()
    assert {r["role_label"] for r in rows if r["actor_label"].startswith("Enheten för social välfärd")} == {
        "Regional stödstruktur (RSS)"
    }
    assert "FoU-enheter" in {r["unknown_label"] for r in rows if r["status_label"] == "Ingen källa hittad"}


def test_coverage_lilla_edet_is_partial(kg):
    rows = run_query(kg, "coverage", municipality="Lilla Edet").present()
    assert {r["extent_label"] for r in rows if r["actor"] == FOU_FY} == {"Delvis"}


def test_collaborations_include_fou_nu_with_nordvast(kg):
    rows = run_query(kg, "collaborations", actor="FOU nu").present()
    pairs = {(r["partner_label"], kind) for r in rows for kind in r["kind_label"].split("; ")}
    assert ("FoU Nordväst", "Samarbete") in pairs
    assert ("FoU Nordväst", "Samverkar med") in pairs


def test_collaborations_exclude_municipalities(kg):
    rows = run_query(kg, "collaborations").present()
    assert not any("/kommun/" in r["actor"] or "/kommun/" in r["partner"] for r in rows)
    assert ("FoU Socialtjänst (Västerbotten)", "Socialstyrelsen") in {
        (r["actor_label"], r["partner_label"]) for r in rows
    }


def test_networks_of_fou_vasterbotten(kg):
    rows = run_query(kg, "networks", actor="fou-socialtjanst-vasterbotten").present()
    member = {r["network"] for r in rows if r["relation"] == "member"}
    assert member == SKR_FUNK | {NET + "skr-rss-natverk"}
    assert {r["leader_label"] for r in rows if r["relation"] == "member"} == {"Sveriges Kommuner och Regioner (SKR)"}
    supported = {r["network"].rsplit("/", 1)[-1] for r in rows if r["relation"] == "supports"}
    assert supported == {"funk-natverk-sodra-lappland", "funk-natverk-umea-kusten"}


def test_networks_led_by_fyrbodal(kg):
    rows = run_query(kg, "networks", actor="FoU-Socialtjänst Fyrbodal").present()
    led = {r["network"].rsplit("/", 1)[-1] for r in rows if r["relation"] == "leads"}
    assert led == {
        "fourum-vard-och-omsorg-fyrbodal",
        "fourum-ifo-fyrbodal",
        "fourum-funktionshinder-fyrbodal",
        "ifo-natverk-fyrbodal",
    }


def test_brokers_rank_the_regional_units_first(kg):
    rows = run_query(kg, "brokers").present()
    top = {r["actor"] for r in rows[:2]}
    assert top == {FOU_VB, FOU_FY}
    assert all(r["levels"] > 1 or r["counties"] > 1 for r in rows)
    assert not any("/kommun/" in r["actor"] for r in rows)


def test_brokers_betweenness(kg):
    rows = graphmap.api.brokers(kg)
    scores = {r["actor"]: r["betweenness"] for r in rows}
    # FoU Socialtjänst, Västerbotten's RSS, is the widest bridge (FoU Välfärd was, while it was wrongly
    # assumed to cover all 49 municipalities of Västra Götaland); above every other Västerbotten actor
    assert max(scores, key=scores.get) == FOU_VB
    vb = [a for a in scores if a != FOU_VB and ("vasterbotten" in a or "lappland" in a or "umea" in a)]
    assert len(vb) >= 2 and all(scores[FOU_VB] > scores[a] for a in vb)  # the two local disability networks at least


def test_betweenness_equals_networkx(kg):
    # igraph computes it; networkx is the reference: exact, and sampled (subset definition)
    import random

    import networkx as nx

    from graphmap import analysis

    simple = nx.Graph(kg.link_graph)
    n = simple.number_of_nodes()
    exact = analysis.betweenness(kg.link_graph)
    reference = nx.betweenness_centrality(simple)
    assert exact.keys() == reference.keys() and n >= 80  # 81 nodes: actors, networks and the municipalities they reach
    assert max(abs(exact[v] - reference[v]) for v in simple) < 1e-12
    assert max(exact, key=exact.get) == FOU_VB
    sampled = analysis.betweenness(kg.link_graph, k=40, seed=3)
    sources = random.Random(3).sample(sorted(simple), 40)
    subset = nx.betweenness_centrality_subset(simple, sources=sources, targets=list(simple))
    scale = 2 / ((n - 1) * (n - 2)) * n / 40
    assert max(abs(sampled[v] - subset[v] * scale) for v in simple) < 1e-12
    assert sampled != exact and analysis.betweenness(kg.link_graph, k=40, seed=3) == sampled


def test_actor_has_sources_and_confidence(kg):
    rows = run_query(kg, "actor", actor="fou-socialtjanst-fyrbodal").present()
    assert all(r["source"] and r["confidence"] for r in rows)
    values = {(r["property_label"], r["value_label"]) for r in rows}
    assert ("andel av heltid", "0.5") in values  # vetenskaplig ledare på halvtid
    assert ("belopp", "6") in values  # ca 6 kr/år/invånare
    assert ("namn", "FoU-Socialtjänst Fyrbodal") in values


def test_actor_never_shows_personal_data(kg):
    rows = run_query(kg, "actor", actor="fou-socialtjanst-vasterbotten").present()
    text = repr(rows)
    assert "Österman" not in text and "Häggström" not in text


def test_gaps_rows_and_needs(kg):
    rows = run_query(kg, "gaps", county="Västra Götalands län").present()
    assert len(rows) == 49 * 19  # municipalities in county 14 × the 19 areas
    uddevalla = {r["area_label"]: r for r in rows if r["municipality"].endswith("/1485")}
    assert uddevalla["Kommunal hälso- och sjukvård"]["needs"] >= 1
    assert uddevalla["Kommunal hälso- och sjukvård"]["providers"] >= 1
    assert uddevalla["Kommunal hälso- och sjukvård"]["unmet_needs"] == 0
    goteborg = {r["area_label"]: r for r in rows if r["municipality"].endswith("/1480")}
    assert goteborg["Funktionshinder"]["providers"] == 0


def test_gap_matrix_shape(kg):
    m = graphmap.api.gap_matrix(kg)
    assert len(m.columns) == 21 and len(m.areas) == len(kg.resolver.vocab.concepts("area")) == 19
    cell = m.cell("https://w3id.org/graphmap/vocab/area/funktionshinder", "https://w3id.org/graphmap/id/lan/24")
    assert (cell.supported, cell.municipalities) == (15, 15)


@pytest.mark.parametrize(
    "name,params",
    [
        ("support", {"area": "funktionshindr"}),
        ("coverage", {"municipality": "Umeo"}),
        ("chain", {"actor": "FoU Fyrbodl"}),
    ],
)
def test_unknown_names_get_suggestions(kg, name, params):
    with pytest.raises(UnknownName) as err:
        run_query(kg, name, **params)
    assert err.value.suggestions


def test_missing_required_parameter(kg):
    with pytest.raises(MissingParameter):
        run_query(kg, "coverage")


def test_hostile_parameter_is_just_an_unknown_name(kg):
    with pytest.raises(UnknownName):
        run_query(kg, "coverage", municipality='"} ; DROP ALL ; #')
    assert len(run_query(kg, "coverage", municipality="Umeå").rows) > 0


# ---- every SPARQL text lives in graphmap/queries/ ---------------------------------------------------

from graphmap.queries import INTERNAL_DIR, QUERY_DIR, find, internal, library, parse  # noqa: E402

EMPTY_ON_BUNDLED_DATA = {
    "map-offer-places",  # no offer in the bundled tables names its places
    "mapping-state",  # the seed regions have no mapping table
    "round-rounds",
    "round-answers",  # no mapping round in the bundled data
    "round-data-version",  # only a round's kept graph says its version
    "source-pages",
}  # the seed documents are files, not web pages


def test_every_query_file_parses_with_a_header():
    files = sorted(QUERY_DIR.rglob("*.rq"))
    assert len(files) == len(library()) + len(internal()) and len(internal()) >= 20
    for path in files:
        q = parse(path)
        assert q.name == path.stem and all(q.title) and all(q.description) and q.columns, path
        assert q.internal == (path.parent == INTERNAL_DIR), path
        assert q.body.startswith("PREFIX "), path  # each file carries its own PREFIX lines


def test_internal_queries_are_not_offered_to_people(kg):
    from graphmap.api import list_queries

    assert not set(internal()) & set(library())
    assert not set(internal()) & {q.name for q in list_queries()}  # `graphmap queries`, /fragor, /data
    assert find("support") is library()["support"] and find("map-nodes") is internal()["map-nodes"]
    assert find("no-such-query") is None
    with pytest.raises(UnknownName) as err:
        run_query(kg, "no-such-query")
    assert not set(err.value.suggestions) & set(internal())


@pytest.mark.parametrize("name", sorted(internal()))
def test_each_internal_query_runs_on_the_bundled_data(kg, name):
    query = internal()[name]
    # a required parameter is bound to the query's first example (an actor page's queries)
    given = query.examples[0] if any(p.required for p in query.params) else {}
    result = run_query(kg, name, **given)
    assert result.query is query and set(result.params) == set(given)
    # the declared columns are exactly the projected variables, so the runner drops only repeated
    # rows (and gathers the "# gather" columns: one row per value of the others)
    names, raw = kg.store.select(query.sparql, result.params)
    assert names == [c.name for c in query.columns]
    kept = [n for n in names if n not in query.gathered]
    assert len(result.rows) == len({tuple(r[n] for n in kept) for r in raw})
    assert bool(result.rows) == (name not in EMPTY_ON_BUNDLED_DATA)
    result.present("en")  # every column type is one present() knows


def test_no_python_module_types_a_prefix_block():
    import re

    allowed = {
        "graphmap/ontology.py",  # sparql_prefixes()
        "graphmap/validate/compiled.py",  # SPARQL generated from the SHACL shapes
        "graphmap/serve/sparql_worker.py",
    }  # a doctest: an update sent to the refusal check
    root = QUERY_DIR.parents[1]
    found = [
        p.relative_to(root).as_posix()
        for p in sorted((root / "graphmap").rglob("*.py"))
        if re.search(r"PREFIX\s+\w*:\s*<", p.read_text(encoding="utf-8"))
    ]
    assert set(found) <= allowed, set(found) - allowed


def test_the_sparql_page_shows_the_example_query_file():
    from graphmap.serve.app import SPARQL_EXAMPLE

    assert SPARQL_EXAMPLE == internal()["sparql-example"].body and "LIMIT 50" in SPARQL_EXAMPLE


def test_a_derived_query_answers_every_binding_as_the_store_does(kg):
    """A query of DERIVED_ROWS is answered from its rows derived once per build, filtered by the bound
    values: for every actor, network and municipality, the same answer as the store gives with the
    parameter bound in the SPARQL (the rule that makes the filter valid, tested both ways)."""
    from graphmap.answers.graph import DERIVED_ROWS
    from graphmap.answers.runner import shape_rows
    from graphmap.queries import find

    assert DERIVED_ROWS == ("collaborations", "brokers")
    brokers = find("brokers")  # no parameter: the kept rows are the answer
    assert shape_rows(kg.select(brokers, {}), brokers) == shape_rows(kg.store.select(brokers.sparql)[1], brokers)
    query = find("collaborations")
    resolver = kg.resolver
    everything = shape_rows(kg.select(query, {}), query)
    assert everything == shape_rows(kg.store.select(query.sparql)[1], query) and everything
    nonempty = set()
    for iri in sorted({*resolver.actors.values()}, key=str):  # actors, networks, municipalities
        bound = {"actor": iri}
        derived = shape_rows(kg.select(query, bound), query)
        assert derived == shape_rows(kg.store.select(query.sparql, bound)[1], query), iri
        if derived:
            nonempty.add(iri)
    # every actor of a pair in the whole answer has its own answer, and no other
    assert nonempty == {r["actor"] for r in everything} | {r["partner"] for r in everything}
