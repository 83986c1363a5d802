"""Honest answers, checked as a user would: what the answers say about how they know,
what they do not know, and nothing more than the sources say. The bundled data (seeds + the
national reference layer) is what a user gets."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import graphmap
from graphmap.api import gap_matrix, not_mapped_note, run_query
from graphmap.ontology import AREA_SCHEME

VOCAB = "https://w3id.org/graphmap/vocab/"
ACTOR = "https://w3id.org/graphmap/id/actor/"
ASSUMED, STATED = VOCAB + "confidence/assumed", VOCAB + "confidence/stated"


def support(kg, area, municipality, lang="sv"):
    return run_query(kg, "support", area=area, municipality=municipality).present(lang)


def test_an_offer_for_adults_never_answers_a_question_about_children(kg):
    # the Stockholm collaboration's source is about adults of working age: none of its offers,
    # its network or its relation answers children or older people (the units' own pages still do)
    adults = "https://w3id.org/graphmap/id/stockholm/sources/samarbete-vuxna-2023"
    for municipality in ("Täby", "Sollentuna", "Järfälla"):
        rows = support(kg, "barn och unga", municipality)
        assert rows, municipality  # national support still answers
        assert not any(adults in r["source"] for r in rows), municipality
        assert not any(adults in r["source"] for r in support(kg, "äldre", municipality)), municipality
        assert "https://w3id.org/graphmap/id/network/samarbete-fou-nu-nordvast" not in {r["actor"] for r in rows}
    # ... and the same offers do answer an area for adults (the rule, the other way)
    rows = support(kg, "individ- och familjeomsorg", "Sollentuna")
    nordvast = [r for r in rows if r["actor"] == ACTOR + "fou-nordvast" and adults in r["source"]]
    assert nordvast and all(r["target_group"] == [VOCAB + "target-group/vuxna"] for r in nordvast)
    assert {r["target_group_label"] for r in nordvast} == {"Vuxna"}


def test_broad_support_is_shown_as_broad_and_apart(kg):
    rows = support(kg, "funktionshinder", "Umeå")
    fou = [r for r in rows if r["actor"] == ACTOR + "fou-socialtjanst-vasterbotten"]
    # one row for its disability support, one for its support to all of social services
    assert sorted(r["match_label"] for r in fou) == ["Brett stöd", "Inom området"]
    broad = next(r for r in fou if r["match"] == VOCAB + "area-match/broad")
    assert broad["offer_area"] == [AREA_SCHEME + "/socialtjanst"]
    # the gap matrix counts broad support apart: Västerbotten's ekonomiskt bistånd has none in the area
    cell = gap_matrix(kg).cell(AREA_SCHEME + "/ekonomiskt-bistand", "https://w3id.org/graphmap/id/lan/24")
    assert (cell.supported, cell.broad, cell.municipalities) == (0, 15, 15)
    assert cell.text() == "0/15 (+15 brett)"
    umea = gap_matrix(kg, "24").cell(AREA_SCHEME + "/ekonomiskt-bistand", "https://w3id.org/graphmap/id/kommun/2480")
    assert umea.text("municipality") == "B"


def test_every_support_row_says_how_sure_and_the_assumed_membership_says_so(kg):
    rows = support(kg, "funktionshinder", "Umeå")
    assert all(r["confidence"] in (ASSUMED, STATED) for r in rows)
    kranskommuner = [r for r in rows if "kranskommunerna" in r["actor_label"]]
    assert len(kranskommuner) == 1
    assert kranskommuner[0]["route"] == "member"
    assert kranskommuner[0]["confidence_label"] == "Antagande (att verifiera)"
    assert support(kg, "funktionshinder", "Umeå", "en")[0]["confidence_label"] in (
        "Stated in the source",
        "Assumed (to be verified)",
    )


def test_a_route_carries_the_weakest_confidence_of_its_facts(kg):
    # FoU i Väst's offers are stated, its coverage of Lilla Edet is assumed: the row is assumed
    rows = [r for r in support(kg, "socialtjänst", "Lilla Edet") if r["actor"] == ACTOR + "fou-i-vast"]
    assert rows and {r["confidence"] for r in rows} == {ASSUMED}
    # the Socialtjänstdag: individ- och familjeomsorg stated, its comorbidity areas an interpretation
    day = [r for r in support(kg, "beroende", "Sollentuna") if r["actor"] == ACTOR + "fou-nordvast"]
    assert {(r["match"].rsplit("/", 1)[-1], r["confidence"]) for r in day} == {("broad", STATED), ("direct", ASSUMED)}


def test_lilla_edet_is_partial_and_the_socialchef_network_steers(kg):
    rows = support(kg, "socialtjänst", "Lilla Edet")
    fyrbodal = [r for r in rows if r["actor"] == ACTOR + "fou-socialtjanst-fyrbodal"]
    assert fyrbodal and {r["extent_label"] for r in fyrbodal} == {"Delvis"}
    chefs = [r for r in rows if r["actor"].endswith("/socialchefsnatverket-fyrbodal")]
    assert [(r["kind_label"], r["route"], r["extent_label"]) for r in chefs] == [
        ("Styrning och prioritering", "member", "Delvis")
    ]
    # a full member's row says full
    assert {
        r["extent_label"]
        for r in support(kg, "socialtjänst", "Uddevalla")
        if r["actor"].endswith("/socialchefsnatverket-fyrbodal")
    } == {"Hel"}


def test_one_row_per_actor_and_route(kg):
    rows = support(kg, "funktionshinder", "Umeå")
    keys = [(r["actor"], r["route"], r["via"], r["match"], r["extent"], r["confidence"]) for r in rows]
    assert len(keys) == len(set(keys))
    direct = next(
        r
        for r in rows
        if r["actor"] == ACTOR + "fou-socialtjanst-vasterbotten" and r["match"] == VOCAB + "area-match/direct"
    )
    assert len(direct["kind"]) >= 2 and "; " in direct["kind_label"]  # kinds gathered, not one row each


def test_fou_nu_and_fou_nordvast_are_one_collaboration_row(kg):
    rows = run_query(kg, "collaborations").present()
    pair = [r for r in rows if {r["actor"], r["partner"]} == {ACTOR + "fou-nu", ACTOR + "fou-nordvast"}]
    assert len(pair) == 1
    assert set(pair[0]["kind_label"].split("; ")) == {"Samarbete", "Samverkar med"}
    # asked from either end, the pair is still there once, with the one asked for first
    for actor in ("fou-nu", "fou-nordvast"):
        rows = run_query(kg, "collaborations", actor=actor).present()
        assert len([r for r in rows if {r["actor"], r["partner"]} == {ACTOR + "fou-nu", ACTOR + "fou-nordvast"}]) == 1
        assert all(r["actor"] == ACTOR + actor for r in rows)


def test_kiruna_says_its_county_is_mapped_in_part_and_lists_national_support(kg):
    from graphmap.cli import main
    import csv
    import io

    result = CliRunner().invoke(
        main, ["support", "--area", "funktionshinder", "--municipality", "Kiruna", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(result.stderr.split())  # the terminal wraps long lines
    assert "Norrbottens län, där Kiruna ligger, är bara delvis kartlagt." in text
    assert "Inte känt för Kiruna: vilka kommuner som täcks (bara delvis besvarat: https://" in text
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "Myndigheten för delaktighet (MFD)" in {r["actor_label"] for r in rows}  # national support, still listed
    foui = [r for r in rows if r["actor_label"] == "FoUI Norrbottens Kommuner"]
    assert {r["confidence_label"] for r in foui} == {"Antagande (att verifiera)"}  # its coverage of Kiruna is assumed
    assert not_mapped_note(kg, "Umeå") is None  # a county mapped in full says nothing


def test_stated_only(kg):
    from graphmap.cli import main

    full = CliRunner().invoke(
        main, ["support", "--area", "funktionshinder", "--municipality", "Umeå", "--format", "json"]
    )
    stated = CliRunner().invoke(
        main, ["support", "--area", "funktionshinder", "--municipality", "Umeå", "--format", "json", "--stated-only"]
    )
    import json

    full_rows, stated_rows = json.loads(full.stdout), json.loads(stated.stdout)
    assert len(stated_rows) == len(full_rows) - 1
    assert {r["confidence"] for r in stated_rows} == {STATED}


def test_an_organisation_is_found_by_its_own_name_and_a_shared_one_asks_which(kg):
    from graphmap.resolve import UnknownName

    # names as the organisations write them
    assert kg.resolver.resolve("actor", "FoU Nordväst").endswith("/fou-nordvast")
    assert kg.resolver.resolve("actor", "Socialchefsnätverket i Fyrbodal").endswith("/socialchefsnatverket-fyrbodal")
    # two units call themselves "FoU Socialtjänst" (Uppsala län, Västerbotten): the answer names both
    with pytest.raises(UnknownName) as err:
        kg.resolver.resolve("actor", "FoU Socialtjänst")
    assert err.value.suggestions == [
        "FoU Socialtjänst (Uppsala län) (fou-socialtjanst-uppsala)",
        "FoU Socialtjänst (Västerbotten) (fou-socialtjanst-vasterbotten)",
    ]
    # in the seed regions alone the name is the Västerbotten unit's
    from graphmap.ontology import REGIONS_DIR

    seeds = graphmap.build([REGIONS_DIR])
    assert seeds.resolver.resolve("actor", "FoU Socialtjänst").endswith("/fou-socialtjanst-vasterbotten")


def test_proper_names_stay_as_written_in_the_english_view(kg):
    rows = support(kg, "funktionshinder", "Umeå", "en")
    labels = {r["actor_label"] for r in rows}
    assert "FoU Socialtjänst (Västerbotten)" in labels and "R&D Social Services (Västerbotten)" not in labels
    assert {r["match_label"] for r in rows} <= {
        "In the area",
        "Broad support",
        "Part of the area",
    }  # concepts translate


def test_who_is_behind_a_gap_cell_matches_what_the_cell_counts(kg):
    from graphmap.api import gap_cell_actors

    matrix = gap_matrix(kg)
    for county in ("24", "01"):
        col = "https://w3id.org/graphmap/id/lan/" + county
        for area in matrix.areas:
            cell, behind = matrix.cell(area, col), gap_cell_actors(kg, area.rsplit("/", 1)[-1], county)
            assert bool(cell.supported) == bool(behind["direct"]), (county, area)
            assert bool(cell.broad) <= bool(behind["broad"]), (county, area)
            assert not any("/actor/" in a and a in behind["direct"] for a in behind["national"])


def test_a_fact_can_say_which_part_of_it_is_assumed(kg):
    # Fyrbodal's plan states the unit's areas, but not which the "14 Fyrbodalskommunerna" are
    from graphmap.ontology import concept_iri

    places = str(concept_iri("record-part", "places"))
    rows = [
        r
        for r in run_query(kg, "coverage", municipality="Uddevalla").present()
        if r["actor"] == ACTOR + "fou-socialtjanst-fyrbodal"
    ]
    assert rows and {(r["confidence"], tuple(r["assumed_part"])) for r in rows} == {(ASSUMED, (places,))}
    assert {r["assumed_part_label"] for r in rows} == {"Vilka kommuner eller län"}
    # the record itself stays stated: its areas are in the source
    record = "https://w3id.org/graphmap/id/fyrbodal/coverage/fou-fyrbodalskommunerna"
    assert {
        str(r["confidence"])
        for r in run_query(kg, "actor", actor="fou-socialtjanst-fyrbodal").rows
        if str(r["record"]) == record
    } == {STATED}
    # answers resting on the list are assumptions: support through that coverage, the chain's link
    fyrbodal = [
        r for r in support(kg, "funktionshinder", "Uddevalla") if r["actor"] == ACTOR + "fou-socialtjanst-fyrbodal"
    ]
    assert fyrbodal and {r["confidence"] for r in fyrbodal} == {ASSUMED}
    # Lilla Edet's own coverage is stated in full, partial as it is
    edet = [
        r for r in support(kg, "funktionshinder", "Lilla Edet") if r["actor"] == ACTOR + "fou-socialtjanst-fyrbodal"
    ]
    assert {(r["confidence"], r["extent_label"]) for r in edet} == {(STATED, "Delvis")}


def test_the_report_says_how_sure_its_support_is(kg):
    from graphmap.report.gather import report_data

    rows = [r for block in report_data(kg, county="24")["support"] for g in block["groups"] for r in g["rows"]]
    assert rows and all(r["confidence"] for r in rows)
    assert {"Uttalad i källan", "Antagande (att verifiera)"} <= {c for r in rows for c in r["confidence"].split("; ")}


def test_a_chain_reads_from_the_municipality_outward(kg):
    rows = run_query(kg, "chain", actor="Umeå").present()
    umea = "https://w3id.org/graphmap/id/kommun/2480"
    firsts = [r for r in rows if r["step"] == 1]
    assert firsts and all(r["subject"] == umea for r in firsts)
    covered = next(r for r in firsts if r["object"] == ACTOR + "fou-socialtjanst-vasterbotten")
    assert (covered["relation_label"], covered["inverse"]) == ("täcks av", True)
    # every step starts where the one before it ended
    by_path = {}
    for r in rows:
        by_path.setdefault((r["target"], r["path"]), []).append(r)
    for steps in by_path.values():
        assert all(a["object"] == b["subject"] for a, b in zip(steps, steps[1:]))
