"""Tests of the level-map renderer (graphmap.viz): the HTML is self-contained
and escaped, and in a real headless Chromium with the network blocked the map
draws every node, filters, searches and shows hostile labels as text."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
if str(Path(__file__).resolve().parents[1]) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from browserlib import *  # noqa: F403  (fixtures: browser, open_page)

from graphmap.fileio import write_text_atomic
from graphmap.viz import render_map_html
from graphmap.viz.render import json_for_script
from graphmap.viz.styles import DEFAULT_NODE_STYLE, NODE_STYLES
from helpers import graphmap_process, wait_ready  # polls: wait_for_function may eval, which the CSP forbids

BASE = "https://example.org/id/actor/"
HOSTILE = "<img src=x onerror=alert(1)></script><!--"


def _n(slug, label, type_, level, county="", areas=(), **extra):
    county_label = {"24": "Västerbottens län", "25": "Norrbottens län"}.get(county, "")
    area_labels = {
        "funktionshinder": "Funktionshinder",
        "aldre": "Äldre / vård och omsorg",
        "barn-unga": "Barn och unga",
    }
    node = {
        "id": BASE + slug,
        "label": label,
        "type": type_,
        "type_label": type_.capitalize(),
        "level": level,
        "level_label": level.capitalize(),
        "county": county,
        "county_label": county_label,
        "areas": list(areas),
        "area_labels": [area_labels[a] for a in areas],
        "support": ["Kompetensutveckling"],
        "sources": ["Om oss (2023)"],
        "confidence": "stated",
        "group": county,
    }
    node.update(extra)
    return node


def small_view() -> dict:
    """15 actors over three levels and two counties, one with a hostile label
    and an unknown type."""
    nodes = [
        _n("skr", "SKR", "medlemsorganisation", "nationell", areas=["funktionshinder", "aldre", "barn-unga"]),
        _n("socialstyrelsen", "Socialstyrelsen", "myndighet", "nationell", areas=["aldre"]),
        _n("skr-fh", "SKR:s nätverk för funktionshinder", "natverk", "nationell", areas=["funktionshinder"]),
        _n("lan-24", "Västerbottens län", "lan", "regional", "24"),
        _n("region-vb", "Region Västerbotten", "region", "regional", "24", ["aldre", "barn-unga"]),
        _n("fou-vb", "FoU Socialtjänst", "fou-enhet", "regional", "24", ["funktionshinder", "aldre"]),
        _n("rss-vb", "RSS Västerbotten", "rss", "regional", "24", ["barn-unga"]),
        _n("umea", "Umeå kommun", "kommun", "lokal", "24", ["aldre"]),
        _n("skelleftea", "Skellefteå kommun", "kommun", "lokal", "24", ["funktionshinder"]),
        _n("asele", "Åsele kommun", "kommun", "lokal", "24", ["aldre", "barn-unga"]),
        _n("region-nb", "Region Norrbotten", "region", "regional", "25", ["aldre"]),
        _n("kf-nb", "Kommunförbundet Norrbotten", "kommunalforbund", "regional", "25", ["funktionshinder"]),
        _n("lulea", "Luleå kommun", "kommun", "lokal", "25", ["barn-unga"]),
        _n("overtornea", "Övertorneå kommun", "kommun", "lokal", "25", ["aldre"]),
        _n(
            "hostile",
            HOSTILE,
            "okand-typ",
            "lokal",
            "25",
            ["funktionshinder"],
            sources=["<b>https://evil.example/</b>"],
            support=["</script><script>alert(2)</script>"],
        ),
    ]
    e = lambda a, b, kind, label: {"from": BASE + a, "to": BASE + b, "kind": kind, "label": label}  # noqa: E731
    edges = [
        e("umea", "fou-vb", "member", "medlem i"),
        e("skelleftea", "fou-vb", "member", "medlem i"),
        e("asele", "fou-vb", "member", "medlem i"),
        e("region-vb", "rss-vb", "leads", "leder"),
        e("rss-vb", "lan-24", "covers", "täcker"),
        e("fou-vb", "region-vb", "collaborates", "samverkar med"),
        e("skr-fh", "skr", "part_of", "del av"),
        e("fou-vb", "umea", "offers", "erbjuder"),
        e("socialstyrelsen", "rss-vb", "supports", "stödjer"),
        e("region-nb", "kf-nb", "collaborates", "samverkar"),
        e("lulea", "kf-nb", "member", "medlem i"),
        e("overtornea", "kf-nb", "member", "medlem i"),
        e("hostile", "kf-nb", "strange-kind", HOSTILE),
        e("skr", "region-nb", "steers", "styr"),
        e("umea", "missing-node", "member", "dangling edges are dropped"),
    ]
    return {"nodes": nodes, "edges": edges}


def large_view(total=1500) -> dict:
    """About ``total`` actors: 20 national ones and 21 counties of regional
    actors and municipalities, with ~2 edges per actor."""
    nodes, edges = [], []
    for i in range(20):
        nodes.append(
            _n(
                f"nat{i}",
                f"Nationell aktör {i}",
                ["myndighet", "natverk", "forum"][i % 3],
                "nationell",
                areas=["aldre"],
            )
        )
    counties = [f"{c:02d}" for c in range(1, 22)]
    per_county = (total - 20) // len(counties)
    for c in counties:
        regional = [
            _n(f"r{c}-{k}", f"{t} {c}", t, "regional", c, ["aldre"])
            for k, t in enumerate(["region", "lan", "fou-enhet", "rss", "kommunalforbund"])
        ]
        nodes += regional
        for m in range(per_county - len(regional)):
            nodes.append(_n(f"k{c}-{m}", f"Kommun {c}-{m} Åäö", "kommun", "lokal", c, ["funktionshinder"]))
            edges.append({"from": nodes[-1]["id"], "to": regional[2]["id"], "kind": "member", "label": "medlem i"})
            edges.append({"from": regional[3]["id"], "to": nodes[-1]["id"], "kind": "supports", "label": "stödjer"})
    while len(nodes) < total:
        nodes.append(_n(f"extra{len(nodes)}", f"Extra {len(nodes)}", "forum", "lokal", "", ["aldre"]))
    return {"nodes": nodes, "edges": edges}


def ids(*slugs):
    return sorted(BASE + s for s in slugs)


def expected_ids(view, pred):
    return sorted(n["id"] for n in view["nodes"] if pred(n))


# ---------------------------------------------------------------- no browser


class _Tags(HTMLParser):
    """Collects start tags with attributes; comments are skipped by design."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def test_html_loads_nothing_from_outside():
    html = render_map_html(small_view())
    parser = _Tags()
    parser.feed(html)
    parser.close()
    loads = [
        (t, k, v)
        for t, a in parser.tags
        for k, v in a.items()
        if k in ("src", "href", "srcset", "action", "poster", "data", "formaction", "xlink:href")
    ]
    assert not [x for x in loads if x[2] and EXTERNAL.search(x[2])], loads
    assert not [t for t, _ in parser.tags if t in ("link", "iframe", "img", "object", "embed", "base")]
    assert [t for t, a in parser.tags if t == "script" and "src" in a] == []
    for tag, attrs in parser.tags:
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            pytest.fail("meta refresh present")
    assert not re.search(r"@import|url\(\s*['\"]?\s*(?:https?:)?//", html, re.IGNORECASE)
    csp = [a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "unsafe-inline" not in csp[0].split("style-src")[0]


def test_embedded_json_cannot_break_out():
    html = render_map_html(small_view())
    parser = _Tags()
    parser.feed(html)
    assert [t for t, _ in parser.tags].count("script") == 3 and html.lower().count("</script") == 3
    assert html.count("<!--") == 0 and HOSTILE not in html
    block = re.search(r'<script type="application/json" id="graphmap-data">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["actors"][BASE + "hostile"]["label"] == HOSTILE
    assert json_for_script({"x": "</script><!--&\u2028"}) == '{"x":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028"}'


def test_view_model_edge_cases_render():
    html = render_map_html(
        {"nodes": [{"id": "a"}, {"id": "a"}, {"label": "no id"}], "edges": [{"from": "a", "to": "b"}]}
    )
    data = json.loads(re.search(r'id="graphmap-data">(.*?)</script>', html, re.S).group(1))
    assert [n["id"] for n in data["nodes"]] == ["a"] and data["edges"] == []
    assert data["nodes"][0]["shape"] == DEFAULT_NODE_STYLE[0]
    empty = render_map_html({"nodes": [], "edges": []}, lang="en", title="T <x>")
    assert "<title>T &lt;x&gt;</title>" in empty and 'lang="en"' in empty
    custom = render_map_html({"nodes": [], "labels": {"title": "Min karta", "search": "Hitta"}})
    assert "<title>Min karta</title>" in custom and '"search":"Hitta"' in custom


RENDER = "import json, sys; from graphmap.viz import render_map_html; sys.stdout.write(render_map_html(json.load(sys.stdin)))"


def test_render_is_the_same_in_every_process():
    """The same view renders to the same HTML in processes with different hash seeds (one process
    could hide a set order), and so does ``graphmap viz`` on the bundled data."""
    view = json.dumps(small_view())
    html = [
        subprocess.run(
            [sys.executable, "-c", RENDER],
            input=view,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        for seed in ("1", "2")
    ]
    assert [h.returncode for h in html] == [0, 0], html[0].stderr
    assert html[0].stdout == html[1].stdout == render_map_html(small_view())


def test_graphmap_viz_is_the_same_in_every_process(tmp_path):
    for seed in ("1", "2"):
        done = graphmap_process("viz", "-o", tmp_path / f"karta-{seed}.html", hashseed=seed)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "karta-1.html").read_bytes() == (tmp_path / "karta-2.html").read_bytes()


def test_write_text_atomic(tmp_path):
    target = tmp_path / "sub" / "map.html"
    write_text_atomic(target, "one")
    write_text_atomic(target, "två")
    assert target.read_text(encoding="utf-8") == "två"
    assert sorted(p.name for p in target.parent.iterdir()) == ["map.html"]


# ---------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def small_map(tmp_path_factory):
    path = tmp_path_factory.mktemp("viz") / "karta.html"
    write_text_atomic(path, render_map_html(small_view()))
    return path


def load_map(open_page, path, timeout_ms=30_000):
    run = open_page(path)
    wait_ready(run.page, timeout_ms / 1000)
    return run


def pixel_colours(page):
    """For every drawn node: [id, [r, g, b]] of the canvas pixel at its centre."""
    return page.evaluate("""() => {
        const n = graphmap.network, canvas = document.querySelector('#gm-canvas canvas');
        const ctx = canvas.getContext('2d'), r = n.canvas.pixelRatio || window.devicePixelRatio || 1;
        n.redraw();
        return graphmap.drawnNodeIds().map(id => {
            const p = n.canvasToDOM(n.getPosition(id));
            const d = ctx.getImageData(Math.round(p.x * r), Math.round(p.y * r), 1, 1).data;
            return [id, [d[0], d[1], d[2]], p.x, p.y];
        });
    }""")


def _hex(colour):
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


@pytest.mark.browser
def test_map_loads_offline_and_draws_every_node(open_page, small_map):
    view = small_view()
    run = load_map(open_page, small_map)
    page = run.page
    assert page.evaluate("graphmap.visibleNodeIds()") == expected_ids(view, lambda n: True)
    assert page.evaluate("graphmap.drawnNodeIds()") == expected_ids(view, lambda n: True)
    box = page.locator("#gm-canvas canvas").bounding_box()
    colours = pixel_colours(page)
    assert len(colours) == len(view["nodes"]) == 15
    by_id = {n["id"]: n for n in view["nodes"]}
    for node_id, rgb, x, y in colours:
        assert 0 <= x <= box["width"] and 0 <= y <= box["height"], (node_id, x, y)
        want = _hex(NODE_STYLES.get(by_id[node_id]["type"], DEFAULT_NODE_STYLE)[1])
        assert all(abs(a - b) <= 24 for a, b in zip(rgb, want)), (node_id, rgb, want)
    assert page.get_by_test_id("visible-count").text_content() == "Visar 15 av 15 aktörer"
    legend = page.get_by_test_id("legend").text_content()
    assert "Okand-typ" in legend and "medlem i" in legend and "styr" in legend
    run.assert_clean()


@pytest.mark.browser
def test_filters_change_visible_nodes(open_page, small_map):
    view = small_view()
    run = load_map(open_page, small_map)
    page = run.page
    want_aldre = expected_ids(view, lambda n: "aldre" in n["areas"])
    assert want_aldre == ids(
        "skr", "socialstyrelsen", "region-vb", "fou-vb", "umea", "asele", "region-nb", "overtornea"
    )
    assert page.evaluate("graphmap.setFilter('area', 'aldre')") == want_aldre
    assert page.evaluate("graphmap.drawnNodeIds()") == want_aldre
    hidden_edge_ends = page.evaluate("""() => graphmap.edges.get().filter(e => !e.hidden)
        .flatMap(e => [e.from, e.to])""")
    assert set(hidden_edge_ends) <= set(want_aldre)
    assert [c[0] for c in pixel_colours(page)] == want_aldre

    page.get_by_test_id("filter-area").select_option([])
    page.get_by_test_id("filter-level").select_option("regional")
    want_regional = expected_ids(view, lambda n: n["level"] == "regional")
    assert len(want_regional) == 6
    assert page.evaluate("graphmap.visibleNodeIds()") == want_regional
    assert page.evaluate("graphmap.drawnNodeIds()") == want_regional

    page.get_by_test_id("filter-county").select_option("25")
    assert page.evaluate("graphmap.visibleNodeIds()") == ids("region-nb", "kf-nb")
    page.get_by_test_id("filter-type").select_option("region")
    assert page.evaluate("graphmap.visibleNodeIds()") == ids("region-nb")
    page.get_by_test_id("reset-filters").click()
    assert len(page.evaluate("graphmap.drawnNodeIds()")) == 15
    run.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize(
    "query,slug",
    [
        ("åsele", "asele"),
        ("UMEÅ", "umea"),
        ("ÖVERTORNEÅ", "overtornea"),
        ("fou", "fou-vb"),
        ("region norr", "region-nb"),
    ],
)
def test_search_selects_and_focuses(open_page, small_map, query, slug):
    run = load_map(open_page, small_map)
    page = run.page
    page.get_by_test_id("search-input").fill(query)
    page.get_by_test_id("search-input").press("Enter")
    assert page.evaluate("graphmap.network.getSelectedNodes()") == [BASE + slug]
    label = next(n["label"] for n in small_view()["nodes"] if n["id"] == BASE + slug)
    assert page.get_by_test_id("detail-label").text_content() == label
    pos = page.evaluate(f"graphmap.network.canvasToDOM(graphmap.network.getPosition({json.dumps(BASE + slug)}))")
    box = page.locator("#gm-canvas canvas").bounding_box()
    assert abs(pos["x"] - box["width"] / 2) < 5 and abs(pos["y"] - box["height"] / 2) < 5
    panel = page.get_by_test_id("details-panel").text_content()
    assert "Kompetensutveckling" in panel and "Uttalad i källan" in panel
    run.assert_clean()


@pytest.mark.browser
def test_search_respects_filters_and_reports_no_match(open_page, small_map):
    run = load_map(open_page, small_map)
    page = run.page
    page.evaluate("graphmap.setFilter('level', 'nationell')")
    assert page.evaluate("graphmap.search('umeå')") is None
    assert "Ingen synlig aktör" in page.get_by_test_id("search-status").text_content()
    assert page.evaluate("graphmap.search('skr')") == BASE + "skr"
    run.assert_clean()


@pytest.mark.browser
def test_hostile_label_is_text(open_page, small_map):
    run = load_map(open_page, small_map)
    page = run.page
    assert page.evaluate("graphmap.search('<img src=x')") == BASE + "hostile"
    assert page.get_by_test_id("detail-label").text_content() == HOSTILE
    panel = page.get_by_test_id("details-panel")
    assert "</script><script>alert(2)</script>" in panel.text_content()
    assert "<b>https://evil.example/</b>" in panel.text_content()
    pos = page.evaluate(f"graphmap.network.canvasToDOM(graphmap.network.getPosition({json.dumps(BASE + 'hostile')}))")
    box = page.locator("#gm-canvas canvas").bounding_box()
    page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    tooltip = page.locator(".vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert HOSTILE in tooltip.inner_text()
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img, b, iframe').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert run.dialogs == []
    run.assert_clean()


@pytest.mark.browser
def test_english_ui(open_page, tmp_path):
    path = write_text_atomic(tmp_path / "map-en.html", render_map_html(small_view(), lang="en"))
    run = load_map(open_page, path)
    page = run.page
    assert page.get_by_test_id("visible-count").text_content() == "Showing 15 of 15 actors"
    assert page.locator("label[for=gm-filter-area]").text_content() == "Area"
    assert page.get_by_test_id("filter-level").locator("option").first.text_content() == "Nationell"
    assert page.evaluate("document.documentElement.lang") == "en"
    run.assert_clean()


@pytest.mark.browser
def test_blocking_records_external_requests(open_page, tmp_path):
    """The fixture itself: an external load is aborted and recorded."""
    page_file = tmp_path / "external.html"
    page_file.write_text('<!DOCTYPE html><img src="https://blocked.invalid/x.png">', encoding="utf-8")
    run = open_page(page_file)
    run.page.wait_for_timeout(200)
    assert run.blocked_requests == ["https://blocked.invalid/x.png"]


@pytest.mark.browser
@pytest.mark.slow
def test_large_map_renders(open_page, tmp_path):
    view = large_view(1500)
    start = time.monotonic()
    html = render_map_html(view)
    render_s = time.monotonic() - start
    path = write_text_atomic(tmp_path / "stor.html", html)
    start = time.monotonic()
    run = load_map(open_page, path, timeout_ms=60_000)
    load_s = time.monotonic() - start
    page = run.page
    assert len(page.evaluate("graphmap.collapsed()")) == 21  # unreadable otherwise: counties start collapsed
    page.evaluate("graphmap.collapseAll(false)")
    assert len(page.evaluate("graphmap.drawnNodeIds()")) == 1500
    start = time.monotonic()
    want = expected_ids(view, lambda n: n["county"] == "07")
    assert page.evaluate("graphmap.setFilter('county', '07')") == want
    assert page.evaluate("graphmap.search('kommun 07-3 åäö')") == BASE + "k07-3"
    filter_s = time.monotonic() - start
    run.assert_clean()
    assert render_s < 10 and load_s < 30 and filter_s < 10, (render_s, load_s, filter_s)
    if os.environ.get("GRAPHMAP_VIZ_TIMINGS"):
        print(f"1500 nodes: render {render_s:.2f}s, load {load_s:.2f}s, filter+search {filter_s:.2f}s")
