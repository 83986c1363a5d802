"""Opening the level map and changing its filters in real Chromium (issue #17; not a test).

For the bundled data and synthetic data (``graphmap synth --scale S --seed 1``) at each scale of
``--scales``: the time to write the map (Python, CPU), the time until the page has drawn (wall),
what the first view shows (actors, drawn nodes, collapsed blocks, label boxes and how many of them
overlap, the zoom), and the time of three filter changes until the next frame is drawn (the whole
map → county 24; county 24 → + area funktionshinder; county 24 → all filters off), best of
``--repeat``. The baseline is the same
page with a 15-actor view, opened and filtered in the same run, so a busy machine moves both sides.

    .venv/bin/python benchmarks/map_view.py                   # bundled, scales 1 and 10, ~2 min
    .venv/bin/python benchmarks/map_view.py --scales 1,10,30
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CHANGE = """async ([before, kind, values]) => {
    const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    graphmap.resetFilters();
    before.forEach(([k, v]) => graphmap.setFilter(k, v));
    await frame();
    const t = performance.now();
    if (kind === "reset") graphmap.resetFilters(); else graphmap.setFilter(kind, values);
    await frame();
    return [performance.now() - t, graphmap.drawnNodeIds().length];
}"""
FIRST_VIEW = """() => {
    const n = graphmap.network; n.redraw();
    const boxes = graphmap.drawnNodeIds().map(id => {
        const b = n.body.nodes[id].labelModule.size;
        const a = n.canvasToDOM({x: b.left, y: b.top}), c = n.canvasToDOM({x: b.left + b.width, y: b.top + b.height});
        return [a.x, a.y, c.x, c.y];
    });
    let over = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const p = boxes[i], q = boxes[j];
        if (p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3]) over++;
    }
    return {actors: graphmap.visibleNodeIds().length, drawn: graphmap.drawnNodeIds().length,
            collapsed: graphmap.collapsed().length, labels: boxes.length, overlaps: over, zoom: n.getScale()};
}"""


def measure(browser, path: Path, repeat: int) -> dict:
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    t0 = time.perf_counter()
    page.goto(path.as_uri())
    while not page.evaluate("() => !!(window.graphmap && window.graphmap.isReady())"):
        page.wait_for_timeout(20)
    out = {"open_s": time.perf_counter() - t0, **page.evaluate(FIRST_VIEW)}
    county = [["county", ["24"]]]
    for name, args in (
        ("county", [[], "county", ["24"]]),
        ("county+area", [county, "area", ["funktionshinder"]]),
        ("reset", [county, "reset", []]),
    ):
        best = None
        for _ in range(repeat):
            ms, drawn = page.evaluate(CHANGE, args)
            best = ms if best is None else min(best, ms)
        out[name + "_ms"], out[name + "_drawn"] = best, drawn
    page.close()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    import graphmap
    from graphmap import synth
    from graphmap.fileio import write_text_atomic
    from graphmap.viz import map_html, render_map_html
    from playwright.sync_api import sync_playwright
    from test_viz_render import small_view

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cases = [("baseline (15 actors)", None), ("bundled", None)] + [
            (f"synth {s}", float(s)) for s in args.scales.split(",")
        ]
        files = []
        for name, scale in cases:
            t = time.process_time()
            if name.startswith("baseline"):
                small = small_view()
                for n in small["nodes"]:  # the baseline filters on a county it has
                    n["county"] = "24" if n["county"] in ("", "24") else n["county"]
                html = render_map_html(small)
            else:
                if scale is None:
                    kg = graphmap.build()
                else:
                    synth.write(tmp / name, scale=scale, seed=1)
                    kg = graphmap.build(sorted((tmp / name).iterdir()))
                t = time.process_time()
                html = map_html(kg)
            write_s = time.process_time() - t
            files.append((name, write_text_atomic(tmp / f"{name.replace(' ', '_')}.html", html), write_s, len(html)))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for name, path, write_s, size in files:
                rows.append((name, write_s, size, measure(browser, path, args.repeat)))
            browser.close()
    base = rows[0][3]
    print(
        "| map | write (CPU s) | file | open (s) | actors | drawn | collapsed | labels | overlapping | "
        "filter county (ms) | county+area (ms) | reset (ms) | county ÷ baseline |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, write_s, size, m in rows:
        print(
            f"| {name} | {write_s:.2f} | {size / 1e6:.1f} MB | {m['open_s']:.2f} | {m['actors']} | {m['drawn']} | "
            f"{m['collapsed']} | {m['labels']} | {m['overlaps']} | {m['county_ms']:.0f} | {m['county+area_ms']:.0f} | "
            f"{m['reset_ms']:.0f} | {m['county_ms'] / max(base['county_ms'], 1e-3):.1f}× |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
