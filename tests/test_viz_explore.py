"""Issue #17: a level map people can read, share and put on a slide. Real Chromium, network
blocked (``browserlib``): what the browser draws after filters, clicks, a shared address, the
chain answer, "save as picture", and the first view at synthetic scale 10."""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browserlib import *  # noqa: F403  (fixtures: browser, open_page)

import graphmap
from graphmap.fileio import write_text_atomic
from graphmap.viz import build_view, map_html, render_map_html
from graphmap.viz.explore import chain_path, chain_trees
from helpers import wait_ready

ID = "https://w3id.org/graphmap/id/"
SKR_FH = [ID + "network/skr-funktionshinder-kompetens", ID + "network/skr-funktionshinder-kvalitet"]
FOU_VB = ID + "actor/fou-socialtjanst-vasterbotten"

LABEL_BOXES = """() => {
    const n = graphmap.network; n.redraw();
    return graphmap.drawnNodeIds().map(id => {
        const b = n.body.nodes[id].labelModule.size;
        const a = n.canvasToDOM({x: b.left, y: b.top}), c = n.canvasToDOM({x: b.left + b.width, y: b.top + b.height});
        return [id, a.x, a.y, c.x, c.y];
    });
}"""


def overlaps(boxes):
    return [
        (p[0], q[0])
        for i, p in enumerate(boxes)
        for q in boxes[i + 1 :]
        if p[1] < q[3] and q[1] < p[3] and p[2] < q[4] and q[2] < p[4]
    ]


@pytest.fixture(scope="module")
def country_map(kg, tmp_path_factory):
    return write_text_atomic(tmp_path_factory.mktemp("karta") / "karta.html", map_html(kg))


@pytest.fixture(scope="module")
def county_map(kg, tmp_path_factory):
    return write_text_atomic(tmp_path_factory.mktemp("karta-vb") / "karta-vb.html", map_html(kg, county="24"))


def load(open_page, target, timeout_s=60):
    run = open_page(target)
    wait_ready(run.page, timeout_s)
    return run


def inside_canvas(page, ids):
    box = page.locator("#gm-canvas canvas").bounding_box()
    pos = page.evaluate("ids => ids.map(id => graphmap.network.canvasToDOM(graphmap.network.getPosition(id)))", ids)
    return all(-1 <= p["x"] <= box["width"] + 1 and -1 <= p["y"] <= box["height"] + 1 for p in pos)


# ---------------------------------------------------------------- no browser


def test_chain_trees_are_the_chain_answer(kg):
    """The embedded chains are the library's ``chain`` answer: path 1 to each national node."""
    from graphmap.api import run_query

    lycksele = str(kg.resolver.resolve("actor", "Lycksele"))
    tree = chain_trees(kg, [lycksele])[lycksele]
    rows = run_query(kg, "chain", actor="Lycksele").rows
    firsts = {}
    for r in rows:
        if r["path"] == 1:
            firsts.setdefault(str(r["target"]), []).append(r)
    assert set(firsts) <= set(tree) and SKR_FH[0] in firsts
    for target, steps in firsts.items():
        assert len(chain_path(tree, target)) == len(steps) + 1, target


def test_assumed_links_are_marked_and_in_the_legend(kg):
    view = build_view(kg, county="24")
    confidences = {e["confidence"] for e in view["edges"]}
    assert {"stated", "assumed"} <= confidences  # reference data is drawn as stated
    html = render_map_html(view)
    data = json.loads(html.split('id="graphmap-data">', 1)[1].split("</script>", 1)[0])
    assert [c["confidence"] for c in data["legend"]["confidence"]] == ["assumed", "stated"]
    n_assumed = sum(1 for e in view["edges"] if e["confidence"] == "assumed")
    assert sum(1 for e in data["edges"] if e["dashes"] == [1, 5]) == n_assumed > 0


# ---------------------------------------------------------------- browser


@pytest.mark.browser
def test_county_filter_keeps_the_skr_networks(open_page, country_map):
    run = load(open_page, country_map)
    page = run.page
    page.get_by_test_id("filter-county").select_option(["24"])
    page.get_by_test_id("filter-area").select_option(["funktionshinder"])
    drawn = page.evaluate("graphmap.drawnNodeIds()")
    assert set(SKR_FH) | {FOU_VB} <= set(drawn)
    assert page.evaluate("graphmap.collapsed()") == []  # a small view opens expanded
    assert inside_canvas(page, drawn)  # re-fitted
    # several values in one filter: two counties
    page.get_by_test_id("filter-county").select_option(["24", "01"])
    two = page.evaluate("graphmap.drawnNodeIds()")
    counties = page.evaluate("graphmap.drawnNodeIds().map(id => graphmap.actors[id].county)")
    assert set(drawn) < set(two) and {"24", "01", ""} == set(counties) and inside_canvas(page, two)
    run.assert_clean()


@pytest.mark.browser
def test_municipalities_are_not_a_column(open_page, county_map, kg):
    run = load(open_page, county_map)
    page = run.page
    munis = [i for i in page.evaluate("graphmap.drawnNodeIds()") if "/kommun/" in i]
    assert len(munis) == 15
    pos = page.evaluate("ids => ids.map(id => graphmap.network.getPosition(id))", munis)
    xs, ys = {round(p["x"]) for p in pos}, {round(p["y"]) for p in pos}
    assert len(xs) >= 4 and len(ys) >= 2
    # no line of the map runs through a municipality it does not join (what read as a chain)
    segs = page.evaluate("""() => { const p = graphmap.network.getPositions();
        return graphmap.edges.get().filter(e => !e.hidden).map(e => [e.from, e.to, p[e.from], p[e.to]]); }""")
    through = []
    for a, b, pa, pb in segs:
        for m, pm in zip(munis, pos):
            if m in (a, b):
                continue
            dx, dy = pb["x"] - pa["x"], pb["y"] - pa["y"]
            t = ((pm["x"] - pa["x"]) * dx + (pm["y"] - pa["y"]) * dy) / (dx * dx + dy * dy)
            if 0 < t < 1 and abs((pm["x"] - pa["x"]) * dy - (pm["y"] - pa["y"]) * dx) / (dx * dx + dy * dy) ** 0.5 < 12:
                through.append((a, b, m))
    print(f"lines through a municipality: {len(through)} of {len(segs)} lines")
    # the page flows the blocks with the same steps as graphmap.viz.layout.flow
    from graphmap.viz.layout import compute_layout
    from graphmap.viz.model import _clean_nodes

    want = compute_layout(_clean_nodes(build_view(kg, county="24"), "sv"))["positions"]
    got = page.evaluate("graphmap.network.getPositions()")
    assert set(want) <= set(got)
    assert all(abs(got[k]["x"] - x) <= 1 and abs(got[k]["y"] - y) <= 1 for k, (x, y) in want.items())  # vis rounds
    # measured 2026-12-01: 0 of 108 lines; the column
    # layout before issue #17 had 14 in this county view
    assert len(through) <= 2, through
    run.assert_clean()


@pytest.mark.browser
def test_collapsed_county_sums_its_links_and_opens_on_click(open_page, country_map, kg):
    run = load(open_page, country_map)
    page = run.page
    assert "county:24" in page.evaluate("graphmap.collapsed()")
    view = build_view(kg)
    in_24 = {n["id"] for n in view["nodes"] if n["county"] == "24"}
    agg = page.evaluate(
        "graphmap.edges.get().filter(e => !e.hidden && String(e.id).startsWith('agg:'))"
        ".map(e => [e.from, e.to, e.title])"
    )
    summed = sum(int(a[2].split()[0]) for a in agg if "county:24" in (a[0], a[1]))
    crossing = sum(1 for e in view["edges"] if len({e["from"], e["to"]} & in_24) == 1)
    assert summed == crossing > 3
    assert "1 koppling" in {a[2] for a in agg} and "1 kopplingar" not in {a[2] for a in agg}
    pos = page.evaluate("graphmap.network.canvasToDOM(graphmap.network.getPosition('county:24'))")
    box = page.locator("#gm-canvas canvas").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    assert "county:24" not in page.evaluate("graphmap.collapsed()")
    drawn = set(page.evaluate("graphmap.drawnNodeIds()"))
    assert in_24 <= drawn and "county:24" not in drawn and inside_canvas(page, sorted(in_24))
    run.assert_clean()


@pytest.mark.browser
def test_address_reopens_the_same_view(open_page, country_map):
    run = load(open_page, country_map)
    page = run.page
    page.evaluate("graphmap.setFilter('level', ['regional', 'lokal'])")
    page.evaluate("graphmap.setCollapsed('county:24', false)")
    page.evaluate(f"graphmap.select({json.dumps(FOU_VB)})")
    page.evaluate("graphmap.network.moveTo({scale: 0.8, position: {x: 10, y: 20}})")
    page.evaluate("graphmap.setSize('betweenness')")
    page.wait_for_timeout(400)
    url = page.url
    assert "level=regional,lokal" in url and "focus=" in url and "zoom=0.8000,10.0,20.0" in url
    before = page.evaluate("[graphmap.drawnNodeIds(), graphmap.collapsed(), graphmap.filters(), graphmap.litNodeIds()]")
    again = load(open_page, url)
    after = again.page.evaluate(
        "[graphmap.drawnNodeIds(), graphmap.collapsed(), graphmap.filters(), graphmap.litNodeIds()]"
    )
    assert after == before and "county:24" not in after[1] and len(after[0]) > 20
    assert again.page.evaluate("graphmap.network.getSelectedNodes()") == [FOU_VB]
    assert abs(again.page.evaluate("graphmap.network.getScale()") - 0.8) < 1e-3
    assert again.page.get_by_test_id("size-by").input_value() == "betweenness"
    run.assert_clean()
    again.assert_clean()


@pytest.mark.browser
def test_highlight_and_dim(open_page, county_map):
    run = load(open_page, county_map)
    page = run.page
    page.evaluate(f"graphmap.select({json.dumps(FOU_VB)}, true)")
    lit = page.evaluate("graphmap.litNodeIds()")
    neighbours = page.evaluate(f"""() => {{ const id = {json.dumps(FOU_VB)};
        return [...new Set(graphmap.edges.get().filter(e => !e.hidden && (e.from === id || e.to === id))
            .flatMap(e => [e.from, e.to]))].sort(); }}""")
    assert lit == neighbours and FOU_VB in lit
    state = page.evaluate("graphmap.drawnNodeIds().map(id => [id, graphmap.nodes.get(id).opacity])")
    assert {i for i, o in state if o == 1} == set(lit) and {o for i, o in state if i not in lit} == {0.18}
    assert len(state) > len(lit)
    edges = page.evaluate("graphmap.edges.get().filter(e => !e.hidden).map(e => [e.from, e.to, e.color.opacity])")
    assert all((op > 0.5) == (FOU_VB in (a, b)) for a, b, op in edges)
    assert page.get_by_test_id("detail-label").text_content() == "FoU Socialtjänst (Västerbotten)"
    # expanding the neighbours brings those outside the view (national ones here) in
    shown = page.evaluate(f"graphmap.expandNeighbours({json.dumps(FOU_VB)})")
    assert set(shown) <= set(page.evaluate("graphmap.drawnNodeIds()"))
    page.evaluate("graphmap.clearFocus()")
    assert page.evaluate("graphmap.litNodeIds()") is None
    # node size: by number of links, or by betweenness
    sizes = """() => Object.fromEntries(graphmap.drawnNodeIds().map(id => [id, graphmap.network.body.nodes[id].options.size]))"""
    by_links = page.evaluate(sizes)
    page.get_by_test_id("size-by").select_option("betweenness")
    by_bc = page.evaluate(sizes)
    actors = page.evaluate("graphmap.actors")
    top_links = max(by_links, key=lambda i: (by_links[i], i))
    top_bc = max(by_bc, key=lambda i: (by_bc[i], i))
    assert actors[top_links]["degree"] == max(actors[i]["degree"] for i in by_links)
    assert actors[top_bc]["betweenness"] == max(actors[i]["betweenness"] for i in by_bc)
    assert by_links != by_bc
    run.assert_clean()


@pytest.mark.browser
def test_chain_from_lycksele_to_an_skr_network_is_drawn(open_page, country_map, kg):
    run = load(open_page, country_map)
    page = run.page
    lycksele = str(kg.resolver.resolve("actor", "Lycksele"))
    want = chain_path(chain_trees(kg, [lycksele])[lycksele], SKR_FH[0])
    assert len(want) >= 3
    page.evaluate(f"graphmap.select({json.dumps(lycksele)})")
    page.get_by_test_id("chain-target").select_option(SKR_FH[0])
    assert page.evaluate("graphmap.chainPath()") == want
    drawn = set(page.evaluate("graphmap.drawnNodeIds()"))
    assert set(want) <= drawn
    thick = page.evaluate("graphmap.edges.get().filter(e => !e.hidden && e.width === 5).map(e => [e.from, e.to])")
    steps = {frozenset(p) for p in zip(want, want[1:])}
    assert {frozenset(e) for e in thick} == steps
    status = page.get_by_test_id("chain-status").text_content()
    assert status.startswith("Kedja: Lycksele") and "funktionshinder" in status
    assert inside_canvas(page, want)
    # the same chain by choosing the two actors on the map: click one, shift-click the other
    page.evaluate("graphmap.clearFocus()")
    page.evaluate(f"graphmap.select({json.dumps(lycksele)}, true)")
    page.evaluate("graphmap.network.fit({animation: false})")
    box = page.locator("#gm-canvas canvas").bounding_box()
    pos = page.evaluate(f"graphmap.network.canvasToDOM(graphmap.network.getPosition({json.dumps(SKR_FH[0])}))")
    page.keyboard.down("Shift")
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.keyboard.up("Shift")
    assert page.evaluate("graphmap.chainPath()") == want
    run.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize(
    "query,want",
    [
        ("umea", ID + "kommun/2480"),
        ("fou socialtjanst", None),
        ("Skelefteå", ID + "kommun/2482"),
        ("fou socialtjanst vasterbotten", FOU_VB),
    ],
)
def test_search_is_forgiving(open_page, country_map, query, want):
    run = load(open_page, country_map)
    page = run.page
    page.get_by_test_id("search-input").fill(query)
    page.get_by_test_id("search-input").press("Enter")
    selected = page.evaluate("graphmap.network.getSelectedNodes()")
    assert len(selected) == 1
    if want:
        assert selected == [want]
    else:
        assert page.get_by_test_id("detail-label").text_content().startswith("FoU Socialtjänst")
    assert selected[0] in page.evaluate("graphmap.drawnNodeIds()")  # its county was expanded
    run.assert_clean()


@pytest.mark.browser
def test_save_as_svg_and_png(open_page, county_map):
    run = load(open_page, county_map)
    page = run.page
    drawn = page.evaluate("graphmap.drawnNodeIds()")
    with page.expect_download() as info:
        page.get_by_test_id("save-svg").click()
    svg_text = Path(info.value.path()).read_text(encoding="utf-8")
    assert info.value.suggested_filename == "graphmap-karta.svg"
    title = page.locator(".gm-title").text_content()
    assert "Västerbottens län" in title
    from xml.etree import ElementTree

    root = ElementTree.fromstring(svg_text)
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in root.iter(ns + "text")]
    assert title in texts and "Teckenförklaring" in texts and "Antagande (att verifiera)" in texts
    legend = page.get_by_test_id("legend-confidence").text_content()
    assert "Antagande (att verifiera)" in legend and "Uttalad i källan" in legend
    assert sorted(g.get("data-id") for g in root.iter(ns + "g") if g.get("data-id")) == drawn
    labels = page.evaluate("graphmap.drawnNodeIds().map(id => graphmap.nodes.get(id).label)")
    # a label is wrapped into lines (tspans), as on screen: read back whole
    drawn_labels = {
        " ".join(span.text for span in t.iter(ns + "tspan"))
        for t in root.iter(ns + "text")
        if t.get("class") == "gm-svg-label"
    }
    assert {" ".join(label.split()) for label in labels} <= drawn_labels
    with page.expect_download() as info:
        page.get_by_test_id("save-png").click()
    png = Path(info.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and info.value.suggested_filename == "graphmap-karta.png"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width == 2 * int(root.get("width")) and height == 2 * int(root.get("height"))
    data_url = page.evaluate("graphmap.exportPNG()")
    assert base64.b64decode(data_url.split(",", 1)[1])[:4] == b"\x89PNG"
    run.assert_clean()


# every saved label's box, as Chromium lays out the saved SVG (not as the page script thinks it is)
SVG_LABEL_BOXES = """svg => { const host = document.createElement('div'); host.innerHTML = svg; document.body.appendChild(host);
  const boxes = [...host.querySelectorAll('text.gm-svg-label')].map(t => { const b = t.getBBox();
    return [b.x, b.y, b.x + b.width, b.y + b.height, t.textContent]; });
  const texts = [...host.querySelectorAll('text')].map(t => t.textContent);
  host.remove(); return {boxes, texts}; }"""


@pytest.mark.browser
def test_saved_picture_labels_never_overlap_and_the_title_names_the_filter(open_page, county_map):
    """'Spara som bild' for Västerbotten filtered to funktionshinder: no two label boxes overlap (read
    from the saved SVG laid out by Chromium), every label is there, and the title names the county
    and the filter; the PNG is the SVG at 2×."""
    run = load(open_page, county_map)
    page = run.page
    page.evaluate("graphmap.setFilter('area', 'funktionshinder')")
    svg = page.evaluate("graphmap.exportSVG()")
    found = page.evaluate(SVG_LABEL_BOXES, svg)
    boxes = found["boxes"]
    assert len(boxes) == len(page.evaluate("graphmap.drawnNodeIds()")) > 10
    overlaps = [
        (a[4], b[4])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5
    ]
    assert not overlaps, overlaps[:5]
    assert any("Västerbottens län" in text for text in found["texts"])
    assert any("Funktionshinder" in text and "Område" in text for text in found["texts"])
    data_url = page.evaluate("graphmap.exportPNG()")
    png = base64.b64decode(data_url.split(",", 1)[1])
    from xml.etree import ElementTree

    root = ElementTree.fromstring(svg)
    assert int.from_bytes(png[16:20], "big") == 2 * int(root.get("width"))
    run.assert_clean()


@pytest.fixture(scope="module")
def scale10_map(tmp_path_factory):
    from graphmap.synth import write

    folder = tmp_path_factory.mktemp("synth10")
    write(folder / "d", scale=10, seed=1)
    kg = graphmap.build(sorted((folder / "d").iterdir()))
    return write_text_atomic(folder / "karta.html", map_html(kg))


@pytest.mark.browser
@pytest.mark.slow
def test_scale_10_first_view_is_collapsed_and_labels_do_not_overlap(open_page, scale10_map):
    run = load(open_page, scale10_map, timeout_s=120)
    page = run.page
    assert len(page.evaluate("graphmap.visibleNodeIds()")) == 1316  # synth draws from the 19 areas of the vocabulary
    collapsed = page.evaluate("graphmap.collapsed()")
    assert len([b for b in collapsed if b.startswith("county:")]) == 21
    drawn = page.evaluate("graphmap.drawnNodeIds()")
    assert len(drawn) < 40 and inside_canvas(page, drawn)
    boxes = page.evaluate(LABEL_BOXES)
    assert len(boxes) == len(drawn) and all(b[3] > b[1] for b in boxes)
    assert overlaps(boxes) == []
    page.evaluate("graphmap.setFilter('county', ['24'])")
    assert page.evaluate("graphmap.collapsed()") == [] and len(page.evaluate("graphmap.drawnNodeIds()")) > 60
    run.assert_clean()


@pytest.mark.browser
def test_web_map_page_keeps_the_view_in_its_address(kg, open_page):
    """On the web app's /karta the map's view goes into the page's own address; that link reopens it."""
    from graphmap.serve.live import LiveServer, create_app

    with LiveServer(create_app(kg)) as server:
        run = open_page(server.url + "/karta?county=24")
        frame = run.page.frame_locator("iframe.fullmap")
        frame.locator("canvas").first.wait_for()
        inner = run.page.frames[1]
        wait_ready(inner, 60)
        inner.evaluate("graphmap.setFilter('area', ['funktionshinder'])")
        inner.evaluate(f"graphmap.select({json.dumps(FOU_VB)})")
        run.page.wait_for_function(
            "() => location.hash.includes('area=funktionshinder') && location.hash.includes('focus=')"
        )
        url = run.page.url
        before = inner.evaluate("[graphmap.drawnNodeIds(), graphmap.litNodeIds()]")
        assert url.startswith(server.url + "/karta?county=24") and set(SKR_FH) <= set(before[0])
        again = open_page(url)
        again.page.frame_locator("iframe.fullmap").locator("canvas").first.wait_for()
        frame2 = again.page.frames[1]
        wait_ready(frame2, 60)
        assert frame2.evaluate("[graphmap.drawnNodeIds(), graphmap.litNodeIds()]") == before
        assert frame2.evaluate("graphmap.network.getSelectedNodes()") == [FOU_VB]
        run.assert_clean()
        again.assert_clean()
