"""Reusable headless-Chromium fixtures for the project's browser tests.

Use with ``from browserlib import *`` in a test module. It provides

* ``browser`` (session scope): Playwright driving Debian's Chromium at
  ``/usr/bin/chromium`` (or ``$GRAPHMAP_CHROMIUM``); no browser download.
* ``open_page`` (function scope): ``open_page(url_or_path) -> PageRun``,
  a page whose every http(s)/ws(s) request to a non-loopback host is
  aborted and recorded, with console errors, page errors and dialogs
  collected (dialogs are dismissed).

If Playwright or Chromium is missing the test is skipped, or failed when
``CI=true`` so that a CI run cannot pass by skipping every browser test.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

__all__ = ["browser", "open_page", "PageRun", "CHROMIUM_ARGS", "is_loopback_url", "need"]

CHROMIUM_PATH = os.environ.get("GRAPHMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


def need(reason: str):
    """Skip for a missing browser prerequisite, or fail when CI=true."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"browser test prerequisite missing in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def is_loopback_url(url: str) -> bool:
    """True for URLs that are not network loads (file:, data:, blob:, about:)
    or whose host is loopback (localhost, 127.0.0.0/8, ::1)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss"):
        return True
    host = (parts.hostname or "").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class PageRun:
    """A page plus everything it tried or complained about."""

    page: object
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    blocked_requests: list = field(default_factory=list)

    def problems(self) -> dict:
        """Non-empty lists of problems, keyed by kind."""
        found = {
            "console_errors": self.console_errors,
            "page_errors": self.page_errors,
            "dialogs": self.dialogs,
            "blocked_requests": self.blocked_requests,
        }
        return {k: v for k, v in found.items() if v}

    def assert_clean(self):
        """Fail if the page logged errors, opened dialogs or tried the network."""
        assert not self.problems(), self.problems()


_SHARED: dict = {"users": 0}


def _start_browser():
    """Start Playwright and Chromium once per process; every module that does
    ``from browserlib import *`` gets its own session fixture, but Playwright's
    sync API allows only one running instance, so they share this one."""
    if "browser" in _SHARED:
        return _SHARED["browser"]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the machine
        need(f"playwright is not installed ({exc})")
    if not os.access(CHROMIUM_PATH, os.X_OK):
        need(f"no Chromium at {CHROMIUM_PATH} (apt-get install chromium)")
    pw = sync_playwright().start()
    try:
        _SHARED["browser"] = pw.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pw.stop()
        need(f"Chromium at {CHROMIUM_PATH} did not start: {exc}")
    _SHARED["playwright"] = pw
    return _SHARED["browser"]


def _release_browser():
    _SHARED["users"] -= 1
    if _SHARED["users"] <= 0 and "browser" in _SHARED:
        browser_, pw = _SHARED.pop("browser"), _SHARED.pop("playwright")
        try:
            browser_.close()
        finally:
            pw.stop()


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium shared by the whole test session."""
    chromium = _start_browser()
    _SHARED["users"] += 1
    try:
        yield chromium
    finally:
        _release_browser()


@pytest.fixture
def open_page(browser):
    """Factory: ``open_page(target, viewport=(w, h)) -> PageRun`` with the
    network blocked; ``target`` is a URL or a local file path."""
    contexts = []

    def _open(target, viewport=(1280, 800), wait_until="load", timeout_ms=30_000) -> PageRun:
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(timeout_ms)
        run = PageRun(page)

        def route(r):
            if is_loopback_url(r.request.url):
                r.continue_()
            else:
                run.blocked_requests.append(r.request.url)
                r.abort("blockedbyclient")

        context.route("**/*", route)
        if hasattr(context, "route_web_socket"):

            def ws_route(ws):
                if is_loopback_url(ws.url):
                    ws.connect_to_server()
                else:
                    run.blocked_requests.append(ws.url)
                    ws.close()

            context.route_web_socket("**/*", ws_route)
        page.on("console", lambda m: m.type == "error" and run.console_errors.append(m.text))
        page.on("pageerror", lambda e: run.page_errors.append(str(e)))

        def on_dialog(d):
            run.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        page.on("dialog", on_dialog)
        url = str(target)
        if "://" not in url and not url.startswith(("about:", "data:")):
            url = Path(url).resolve().as_uri()
        page.goto(url, wait_until=wait_until)
        return run

    yield _open
    for context in contexts:
        try:
            context.close()
        except Exception:
            pass
