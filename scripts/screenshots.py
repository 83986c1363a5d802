"""Screenshots of the level map and the mapping report from the bundled data.

Writes ``docs/img/map.png``, ``docs/img/map-sverige.png``, ``docs/img/report.png`` and two pages of the
web app, ``docs/img/stod.png`` and ``docs/img/luckor.png``, and the map of Sweden of ``/luckor``,
``docs/img/sverige.png`` (or into ``--out``), with Debian's headless
Chromium driven by Playwright, the network blocked.

    python scripts/screenshots.py [--out docs/img] [--lang sv]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


def _block_network(context) -> None:
    def route(r):
        if r.request.url.startswith(("file:", "data:", "about:", "blob:")):
            r.continue_()
        else:
            r.abort("blockedbyclient")

    context.route("**/*", route)


def shoot(
    out: Path, lang: str = "sv", county: str = "Västerbotten", select_label: str = "FoU Socialtjänst (Västerbotten)"
) -> list[Path]:
    """Render the map and the report of the bundled data and photograph them."""
    sys.path.insert(0, str(ROOT))
    import graphmap
    from graphmap.report import write_report
    from graphmap.fileio import write_text_atomic
    from graphmap.viz import map_html
    from playwright.sync_api import sync_playwright

    kg = graphmap.build()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        # one county keeps the labels readable; the full map is the same page with more columns
        map_path = write_text_atomic(Path(tmp) / "karta.html", map_html(kg, county=county, lang=lang))
        country_path = write_text_atomic(Path(tmp) / "karta-sverige.html", map_html(kg, lang=lang))
        report_path, _png = write_report(kg, Path(tmp) / "rapport.html", lang=lang)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                context = browser.new_context(viewport={"width": 1600, "height": 1000}, device_scale_factor=1)
                _block_network(context)
                page = context.new_page()
                page.goto(map_path.resolve().as_uri())
                page.wait_for_function("window.graphmap && window.graphmap.isReady()")
                page.evaluate("label => graphmap.search(label)", select_label)
                page.evaluate("graphmap.network.fit({animation: false})")
                page.wait_for_timeout(300)
                page.screenshot(path=str(out / "map.png"))
                written.append(out / "map.png")
                page = context.new_page()  # the whole country's first view: its counties collapsed
                page.goto(country_path.resolve().as_uri())
                page.wait_for_function("window.graphmap && window.graphmap.isReady()")
                page.wait_for_timeout(300)
                page.screenshot(path=str(out / "map-sverige.png"))
                written.append(out / "map-sverige.png")
                page = context.new_page()
                page.goto(report_path.resolve().as_uri())
                page.wait_for_load_state("load")
                # header, then straight to the gap matrix and the chains (the long
                # support tables are folded away for the picture only)
                page.evaluate("""() => ['nav.rp-toc', '#summary', '#support'].forEach(
                    s => document.querySelector(s).style.display = 'none')""")
                page.wait_for_timeout(300)
                page.screenshot(
                    path=str(out / "report.png"), clip={"x": 0, "y": 0, "width": 1600, "height": 1150}, full_page=True
                )
                written.append(out / "report.png")
                written += _web_pages(kg, context, out, lang)
            finally:
                browser.close()
    return written


WEB_PAGES = {
    "stod.png": "/stod?area=funktionshinder&municipality=2480",  # the support answer for Umeå
    "luckor.png": "/luckor/rader?area=ekonomiskt-bistand&county=24",
}  # who is behind a gap cell
# parts of a page: (path, the element photographed)
WEB_PARTS = {"sverige.png": ("/luckor?area=funktionshinder", "[data-testid=sweden-map]")}  # the map of Sweden


def _web_pages(kg, context, out: Path, lang: str) -> list[Path]:
    """The web app's pages, served in-process (no port, no server left behind) to the same browser."""
    from starlette.testclient import TestClient

    from graphmap.serve.app import create_app

    written = []
    with TestClient(create_app(kg, lang=lang)) as client:

        def serve(route):
            response = client.get(route.request.url.removeprefix("http://graphmap.local"))
            route.fulfill(
                status=response.status_code,
                body=response.content,
                headers={"content-type": response.headers.get("content-type", "text/html")},
            )

        page = context.new_page()
        page.route("http://graphmap.local/**", serve)
        for name, path in WEB_PAGES.items():
            page.goto("http://graphmap.local" + path + ("&" if "?" in path else "?") + "lang=" + lang)
            page.wait_for_load_state("load")
            page.screenshot(path=str(out / name))
            written.append(out / name)
        for name, (path, selector) in WEB_PARTS.items():
            page.goto("http://graphmap.local" + path + ("&" if "?" in path else "?") + "lang=" + lang)
            page.wait_for_load_state("load")
            page.locator(selector).screenshot(path=str(out / name))
            written.append(out / name)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--lang", choices=["sv", "en"], default="sv")
    args = parser.parse_args(argv)
    for path in shoot(args.out, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
