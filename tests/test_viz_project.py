"""The level map built from the graph (graphmap.viz.build_view / map_html / `graphmap viz`):
node and edge projection checked against SPARQL counts on the same graph, narrowing by
area, county and focus, privacy, and in real headless Chromium (network blocked): the
bundled map draws every node, filters and search work, a hostile label stays text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from browserlib import *  # noqa: F403  (fixtures: browser, open_page)

from graphmap.cli import main
from graphmap.resolve import UnknownName
from graphmap.fileio import write_text_atomic
from graphmap.viz import build_view, map_html
from helpers import HOSTILE, hostile_region, wait_ready

ID = "https://w3id.org/graphmap/id/"
PREFIXES = """PREFIX gm: <https://w3id.org/graphmap/def#>
PREFIX org: <http://www.w3.org/ns/org#>
"""


@pytest.fixture(scope="module")
def kg(seed_kg):
    """The seed regions alone: the views' expectations below are what the seed documents say
    (tests/test_landscape.py checks the national reference layer)."""
    return seed_kg


def sparql_ids(kg, where: str) -> set[str]:
    """Ids of actors/networks matching ``where`` (about ?n), straight from the store."""
    q = (
        PREFIXES + "SELECT DISTINCT ?n WHERE { { ?n a gm:Actor } UNION { ?n a org:OrganizationalCollaboration } "
        "?n gm:level ?level . " + where + " }"
    )
    return {str(r["n"]) for r in kg.store.select(q)[1]}


@pytest.fixture(scope="module")
def full_view(kg):
    return build_view(kg)


@pytest.fixture(scope="module")
def bundled_map(kg, tmp_path_factory):
    return write_text_atomic(tmp_path_factory.mktemp("map") / "karta.html", map_html(kg))


# ---------------------------------------------------------------- projection


def test_every_actor_and_network_is_a_node(kg, full_view):
    ids = [n["id"] for n in full_view["nodes"]]
    assert len(ids) == len(set(ids))
    assert set(ids) == sparql_ids(kg, "")
    assert len(ids) == 338
    by_id = {n["id"]: n for n in full_view["nodes"]}
    umea = by_id[ID + "kommun/2480"]
    assert (umea["label"], umea["type"], umea["level"], umea["county"]) == ("Umeå", "kommun", "lokal", "24")
    fou = by_id[ID + "actor/fou-socialtjanst-vasterbotten"]
    assert fou["type"] == "fou-enhet" and fou["type_labels"] == ["FoU-enhet", "Regional stödstruktur (RSS)"]
    assert "funktionshinder" in fou["areas"] and "Kompetensutveckling" in fou["support"]
    assert any("Om oss" in s for s in fou["sources"]) and fou["confidence"] == "stated"


def test_edges_follow_the_graph_links(kg, full_view):
    ids = {n["id"] for n in full_view["nodes"]}
    edges = {(e["from"], e["to"], e["kind"]) for e in full_view["edges"]}
    assert all(f in ids and t in ids for f, t, _k in edges)
    assert {k for _f, _t, k in edges} <= {
        "member",
        "leads",
        "covers",
        "collaborates",
        "part_of",
        "supports",
        "steers",
        "coordinates",
        "runs",
        "funds",
        "offers",
    }
    fou, skr = ID + "actor/fou-socialtjanst-vasterbotten", ID + "actor/skr"
    assert (fou, ID + "network/skr-rss-natverk", "member") in edges
    assert (skr, ID + "network/skr-rss-natverk", "leads") in edges  # gm:ledBy drawn leader -> network
    assert (fou, ID + "kommun/2480", "covers") in edges
    assert (fou, ID + "actor/region-vasterbotten", "part_of") in edges
    members = {
        str(r["s"]) + " " + str(r["o"])
        for r in kg.store.select(PREFIXES + "SELECT ?s ?o WHERE { ?s org:memberOf ?o }")[1]
    }
    assert {f"{f} {t}" for f, t, k in edges if k == "member"} == members


def test_county_view(kg):
    view = build_view(kg, county="Västerbotten")
    assert view == build_view(kg, county="24")
    nodes = {n["id"]: n for n in view["nodes"]}
    in_county = sparql_ids(kg, "?n gm:county <https://w3id.org/graphmap/id/lan/24>")
    assert in_county <= set(nodes)
    assert {i for i, n in nodes.items() if n["county"] != "24"} == {
        ID + "network/skr-funktionshinder-kvalitet",
        ID + "network/skr-funktionshinder-kompetens",
        ID + "network/skr-rss-natverk",
        ID + "actor/skr",
    }  # SKR leads those networks
    assert view["labels"]["title"] == "Stödkarta – socialtjänsten: Västerbottens län"


def test_area_and_focus_views(kg):
    view = build_view(kg, area="funktionshinder")
    assert all("funktionshinder" in n["areas"] or n["id"] == ID + "actor/skr" for n in view["nodes"])
    ids = {n["id"] for n in view["nodes"]}
    assert {
        ID + "actor/fou-socialtjanst-vasterbotten",
        ID + "network/skr-funktionshinder-kvalitet",
        ID + "actor/skr",
        ID + "kommun/2480",
    } <= ids
    assert ID + "actor/region-norrbotten" not in ids
    focus = build_view(kg, focus="Umeå", depth=1)
    fids = {n["id"] for n in focus["nodes"]}
    assert {ID + "kommun/2480", ID + "actor/fou-socialtjanst-vasterbotten", ID + "actor/region-vasterbotten"} <= fids
    assert ID + "actor/skr" not in fids
    deeper = {n["id"] for n in build_view(kg, focus="Umeå", depth=3)["nodes"]}
    assert fids < deeper and ID + "actor/skr" in deeper
    assert [n["id"] for n in build_view(kg, focus="Umeå", depth=0)["nodes"]] == [ID + "kommun/2480"]


def test_unknown_names_raise_with_suggestions(kg):
    with pytest.raises(UnknownName) as exc:
        build_view(kg, area="funktionshindr")
    assert "funktionshinder" in exc.value.message("sv")
    with pytest.raises(UnknownName):
        build_view(kg, county="Atlantis")
    with pytest.raises(UnknownName):
        build_view(kg, focus="Umeaa kommunn xyz")


def test_personal_data_only_when_asked(kg):
    plain = map_html(kg, county="Stockholm")
    assert "Elisabeth Lauritzen" not in plain and "lauritzen" not in plain.lower()
    personal = build_view(kg, county="Stockholm", include_personal=True)
    people = [p for n in personal["nodes"] for p in n.get("people", ())]
    assert any("Elisabeth Lauritzen" in p for p in people)
    assert not any("people" in n for n in build_view(kg, county="Stockholm")["nodes"])


def test_english_labels(kg):
    view = build_view(kg, county="24", lang="en")
    fou = next(n for n in view["nodes"] if n["id"] == ID + "actor/fou-socialtjanst-vasterbotten")
    # a name is a proper name: as the organisation writes it, in every language; concepts translate
    assert fou["label"] == "FoU Socialtjänst (Västerbotten)" and fou["level_label"] == "Regional"
    assert view["labels"]["title"].startswith("Support map")


def test_cli_viz(tmp_path):
    runner = CliRunner()
    out = tmp_path / "karta.html"
    result = runner.invoke(main, ["viz", "-o", str(out), "--county", "24", "-d", "data/regions"])
    assert result.exit_code == 0, result.output
    assert "25 aktörer och nätverk" in result.output and out.exists()
    bad = runner.invoke(main, ["viz", "-o", str(tmp_path / "x.html"), "--area", "aldrre"])
    assert bad.exit_code == 2 and 'Okänt värde för area: "aldrre". Menade du: aldre?' in bad.output
    assert not (tmp_path / "x.html").exists()
    en = runner.invoke(
        main, ["viz", "-o", str(tmp_path / "en.html"), "--focus", "Umeå", "--depth", "2", "--lang", "en"]
    )
    assert en.exit_code == 0 and en.output.startswith("Wrote ")


# ---------------------------------------------------------------- browser


def load_map(open_page, path):
    run = open_page(path)
    wait_ready(run.page)
    return run


@pytest.mark.browser
def test_bundled_map_draws_every_node(kg, open_page, bundled_map):
    run = load_map(open_page, bundled_map)
    page = run.page
    expected = sorted(sparql_ids(kg, ""))
    assert len(page.evaluate("graphmap.collapsed()")) == 21  # the whole country opens with its counties collapsed
    page.evaluate("graphmap.collapseAll(false)")
    assert page.evaluate("graphmap.drawnNodeIds()") == expected
    assert page.get_by_test_id("visible-count").text_content() == f"Visar {len(expected)} av {len(expected)} aktörer"
    run.assert_clean()


@pytest.mark.browser
def test_bundled_map_filters_and_search(kg, open_page, bundled_map, full_view):
    run = load_map(open_page, bundled_map)
    page = run.page
    national = sorted(sparql_ids(kg, "?n gm:level <https://w3id.org/graphmap/vocab/level/nationell>"))
    page.get_by_test_id("filter-level").select_option("nationell")
    assert page.evaluate("graphmap.drawnNodeIds()") == national and len(national) == 7  # with FoU Välfärd
    page.get_by_test_id("reset-filters").click()
    want = sorted(n["id"] for n in full_view["nodes"] if "funktionshinder" in n["areas"])
    assert page.evaluate("graphmap.setFilter('area', 'funktionshinder')") == want
    drawn = set(page.evaluate("graphmap.drawnNodeIds()"))
    assert drawn == set(want) and ID + "actor/fou-socialtjanst-vasterbotten" in drawn
    assert ID + "actor/region-norrbotten" not in drawn
    page.get_by_test_id("filter-county").select_option("14")
    assert ID + "actor/fou-socialtjanst-fyrbodal" in page.evaluate("graphmap.drawnNodeIds()")
    assert all(i.startswith(ID) for i in page.evaluate("graphmap.drawnNodeIds()"))
    page.get_by_test_id("reset-filters").click()
    page.get_by_test_id("search-input").fill("umeå")
    page.get_by_test_id("search-input").press("Enter")
    assert page.evaluate("graphmap.network.getSelectedNodes()") == [ID + "kommun/2480"]
    assert page.get_by_test_id("detail-label").text_content() == "Umeå"
    pos = page.evaluate(f"graphmap.network.canvasToDOM(graphmap.network.getPosition({json.dumps(ID + 'kommun/2480')}))")
    box = page.locator("#gm-canvas canvas").bounding_box()
    assert abs(pos["x"] - box["width"] / 2) < 5 and abs(pos["y"] - box["height"] / 2) < 5
    assert "FoU Socialtjänst (Västerbotten)" in page.get_by_test_id("details-panel").text_content()
    assert page.evaluate("graphmap.search('fou socialtjänst (väst')") == ID + "actor/fou-socialtjanst-vasterbotten"
    panel = page.get_by_test_id("details-panel").text_content()
    assert "FoU-enhet, Regional stödstruktur (RSS)" in panel and "Kompetensutveckling" in panel
    run.assert_clean()


@pytest.mark.browser
def test_hostile_label_from_tables_is_text(open_page, tmp_path):
    import graphmap

    kg = graphmap.build([hostile_region(tmp_path / "evil")])
    view = build_view(kg, county="24")
    assert len(view["nodes"]) == 17  # 15 municipalities, the region, the hostile actor
    kinds = {(e["from"], e["to"]): e["kind"] for e in view["edges"] if e["from"] == ID + "actor/evil"}
    assert kinds == {
        (ID + "actor/evil", ID + "kommun/2480"): "covers",
        (ID + "actor/evil", ID + "kommun/2481"): "covers",
        (ID + "actor/evil", ID + "kommun/2482"): "offers",
    }
    path = write_text_atomic(tmp_path / "evil.html", map_html(kg, county="24"))
    assert HOSTILE not in path.read_text(encoding="utf-8")
    run = load_map(open_page, path)
    page = run.page
    assert len(page.evaluate("graphmap.drawnNodeIds()")) == 17
    page.get_by_test_id("search-input").fill("<img")
    page.get_by_test_id("search-input").press("Enter")
    assert page.evaluate("graphmap.network.getSelectedNodes()") == [ID + "actor/evil"]
    assert page.get_by_test_id("detail-label").text_content() == HOSTILE
    assert "<b>Testkälla</b>" in page.get_by_test_id("details-panel").text_content()
    pos = page.evaluate(f"graphmap.network.canvasToDOM(graphmap.network.getPosition({json.dumps(ID + 'actor/evil')}))")
    box = page.locator("#gm-canvas canvas").bounding_box()
    page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    page.locator(".vis-tooltip").wait_for(state="visible", timeout=5000)
    assert HOSTILE in page.locator(".vis-tooltip").inner_text()
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img, b').length") == 0
    assert run.dialogs == []
    run.assert_clean()
