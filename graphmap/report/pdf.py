"""The mapping report as a PDF: the HTML page printed by headless Chromium, as a reader's "Save as
PDF" prints it (A4, the page's print stylesheet, backgrounds on).

Chromium is found at ``$GRAPHMAP_CHROMIUM``, ``/usr/bin/chromium``, or as ``chromium`` /
``chromium-browser`` / ``google-chrome`` on ``PATH``; without one :class:`NoBrowser` says how to get
it (``apt-get install chromium``) or to print the HTML page from a browser. The browser runs with a
profile of its own in a temporary folder, no network beyond the file, and a time limit.

>>> find_chromium() is None or find_chromium().name.startswith(("chromium", "google-chrome"))
True
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from graphmap.fileio import write_bytes_atomic
from graphmap.i18n import t

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
)
#: seconds Chromium may take to print one report (the national report prints in about 10 s)
PRINT_TIMEOUT = 180


class NoBrowser(RuntimeError):
    """No Chromium to print with, or it failed; the message says what to do."""


def find_chromium() -> Path | None:
    """The Chromium (or Chrome) to print with, or None: ``$GRAPHMAP_CHROMIUM`` when it is set (and
    nothing else then), else ``/usr/bin/chromium``, else the first on ``PATH``."""
    named = os.environ.get("GRAPHMAP_CHROMIUM")
    if named:  # named: that one or none
        return Path(named) if Path(named).is_file() and os.access(named, os.X_OK) else None
    if os.access("/usr/bin/chromium", os.X_OK):
        return Path("/usr/bin/chromium")
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def print_pdf(html_path, pdf_path, lang: str = "sv") -> Path:
    """Print the HTML file ``html_path`` to ``pdf_path`` (written atomically) with headless Chromium."""
    browser = find_chromium()
    html_path, pdf_path = Path(html_path).resolve(), Path(pdf_path)
    if browser is None:
        raise NoBrowser(t("report.pdf.no_browser", lang, html=html_path))
    with tempfile.TemporaryDirectory(prefix="graphmap-pdf-") as tmp:
        out = Path(tmp) / "report.pdf"
        cmd = [
            str(browser),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={out}",
            html_path.as_uri(),
        ]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=PRINT_TIMEOUT, env=dict(os.environ, HOME=tmp))
        except subprocess.TimeoutExpired as exc:
            raise NoBrowser(t("report.pdf.failed", lang, browser=browser, why=f"> {PRINT_TIMEOUT} s")) from exc
        if not out.is_file() or out.stat().st_size == 0:
            why = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [str(done.returncode)]
            raise NoBrowser(t("report.pdf.failed", lang, browser=browser, why=why[0][:200]))
        return write_bytes_atomic(pdf_path, out.read_bytes())


__all__ = ["print_pdf", "find_chromium", "NoBrowser", "CHROMIUM_FLAGS"]
