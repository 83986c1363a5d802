"""How big the national report is and how it opens (not a test): bytes, sections, Chromium height.

Writes synthetic data (``graphmap synth --scale S --seed 1``), then the national report
(``graphmap report``, all folders) and a county report (``--county 24``), and prints for each the
file size, the bytes per section (``<section id=…>``) and, with Chromium present, the page height
at 1280 px wide and the time to the load event relative to the county report (a ratio, not a
promise: the machine is shared).

    .venv/bin/python benchmarks/report_size.py               # scale 10, ~1 min
    .venv/bin/python benchmarks/report_size.py --scale 1

Measured (issue 18, scale 10): national report 10,875,434 -> 1,119,830 bytes, 515,980 -> 36,317
px tall, load 3.29 -> 0.44 s (7.5x faster); the interactive map was 7.7 MB of it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GRAPHMAP = [sys.executable, "-m", "graphmap"]


def sections(html: str) -> list[tuple[str, int]]:
    marks = [(m.start(), m.group(1)) for m in re.finditer(r'<section id="([^"]+)"', html)] + [(len(html), "")]
    return [(name, end - start) for (start, name), (end, _) in zip(marks, marks[1:])]


def browser_numbers(paths: list[Path]) -> dict:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        for path in paths:
            start = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            out[path] = (page.evaluate("document.documentElement.scrollHeight"), time.perf_counter() - start)
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run(
            [*GRAPHMAP, "synth", "--scale", str(args.scale), "-o", str(data)], check=True, capture_output=True
        )
        folders = [a for d in sorted(data.iterdir()) if d.is_dir() for a in ("-d", str(d))]
        national, county = Path(tmp) / "rapport.html", Path(tmp) / "rapport-24.html"
        subprocess.run([*GRAPHMAP, "report", "-o", str(national), *folders], check=True, capture_output=True)
        subprocess.run(
            [*GRAPHMAP, "report", "--county", "24", "-o", str(county), *folders], check=True, capture_output=True
        )
        seen = browser_numbers([national, county])
        for path in (national, county):
            html = path.read_text(encoding="utf-8")
            print(f"{path.name}: {len(html.encode('utf-8')):,} bytes")
            for name, size in sections(html):
                print(f"  {name:12} {size:>11,}")
            if path in seen:
                height, load = seen[path]
                print(
                    f"  Chromium: {height:,} px tall, load {load:.2f} s "
                    f"({load / seen[county][1]:.2f}x the county report)"
                )


if __name__ == "__main__":
    main()
