"""``graphmap sources check`` against a real HTTP server on loopback that serves, moves, changes and
removes pages (no other network): what it records, what it lists for the maintainers, and that no
other command visits a page."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphmap
from graphmap.cli import main
from graphmap.sources import check_sources, page_checks, visit

PAGES = ("stays", "moves", "changes", "removed", "elsewhere", "modified", "big", "slow")


class Pages:
    """What the server answers per path (status, headers, body) and who asked for what."""

    def __init__(self):
        self.routes: dict[str, tuple[int, dict, bytes]] = {}
        self.requests: list[tuple[str, str]] = []  # (path, User-Agent)


@pytest.fixture
def server():
    pages = Pages()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # the http.server name
            pages.requests.append((self.path, self.headers.get("User-Agent", "")))
            status, headers, body = pages.routes.get(self.path, (404, {}, b"<p>Sidan finns inte</p>"))
            if self.path == "/slow":
                time.sleep(1.5)  # longer than the check's bound below
            self.send_response(status)
            for k, v in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    pages.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    pages.port = httpd.server_address[1]
    try:
        yield pages
    finally:
        httpd.shutdown()
        httpd.server_close()


def _data(folder: Path, base: str, checked: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    checked = checked or {}
    lines = ["id,title,publisher,url,document,date,checked,note"]
    lines += [f"{p},Sidan {p},Testutgivare,{base}/{p},,,{checked.get(p, '2026-12-01')}," for p in PAGES]
    (folder / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _page(text: str) -> bytes:
    return f"<html><head><title>x</title><script>var t={time.monotonic_ns()};</script></head><body><p>{text}</p></body></html>".encode()


def test_check_records_and_lists_the_pages_gone_moved_and_changed(server, tmp_path):
    record = tmp_path / "data" / "source-checks.json"
    folder = _data(tmp_path / "testdata", server.base)
    kg = graphmap.build([folder])
    for p in PAGES:
        server.routes[f"/{p}"] = (200, {}, _page(f"Text om {p}."))
    server.routes["/elsewhere"] = (302, {"Location": f"http://localhost:{server.port}/x"}, b"")
    server.routes["/modified"] = (200, {"Last-Modified": "Thu, 03 Dec 2026 10:00:00 GMT"}, _page("Ny text."))
    server.routes["/big"] = (200, {}, b"<p>" + b"a " * 1_500_000 + b"</p>")

    bounded = lambda url: visit(url, timeout=0.5, max_bytes=1_000_000)  # noqa: E731
    first = {
        c.source.rsplit("/", 1)[-1]: c for c in check_sources(kg, record, visit=bounded, today=dt.date(2026, 12, 7))
    }
    assert {k: c.verdict for k, c in first.items()} == {
        "stays": "ok",
        "moves": "ok",
        "changes": "ok",
        "removed": "ok",
        "big": "ok",
        "elsewhere": "moved",  # a redirect to another host: said, not followed
        "modified": "changed",  # the page says it changed after its facts were checked
        "slow": "unreachable",
    }  # no answer within the bound
    assert first["elsewhere"].record["other_host"] == f"localhost:{server.port}"
    assert first["elsewhere"].record["final_url"] == f"http://localhost:{server.port}/x"
    assert "/x" not in [path for path, _ua in server.requests]
    assert first["big"].record["truncated"] is True and first["stays"].record["truncated"] is False
    assert first["modified"].record["last_modified"] == "2026-12-03"
    assert {ua for _p, ua in server.requests} == {
        ua for _p, ua in server.requests if ua.startswith("graphmap/0.1.0 (graphmap sources check")
    }
    assert len(server.requests) == len(PAGES)  # one request per page
    saved = json.loads(record.read_text(encoding="utf-8"))["sources"]
    assert saved[first["stays"].source]["status"] == 200 and len(saved[first["stays"].source]["fingerprint"]) == 32
    assert not [p for p in record.parent.iterdir() if p.name != record.name]  # written atomically: no debris

    # the pages move, change and go; a page whose script differs but whose text does not is unchanged
    server.routes["/moves"] = (301, {"Location": "/moved-here"}, b"")
    server.routes["/moved-here"] = (200, {}, _page("Text om moves."))
    server.routes["/changes"] = (200, {}, _page("Helt annan text om changes."))
    server.routes["/removed"] = (404, {}, b"<p>Sidan finns inte</p>")
    server.routes["/stays"] = (200, {}, _page("Text om stays."))
    second = {
        c.source.rsplit("/", 1)[-1]: c for c in check_sources(kg, record, visit=bounded, today=dt.date(2026, 12, 8))
    }
    assert {k: second[k].verdict for k in ("stays", "moves", "changes", "removed")} == {
        "stays": "ok",
        "moves": "moved",
        "changes": "changed",
        "removed": "gone",
    }
    assert second["moves"].record["final_url"] == f"{server.base}/moved-here"

    # the maintainers list the same without a single request, from the record
    asked = len(server.requests)
    result = CliRunner().invoke(
        main, ["sources", "due", "-d", str(folder), "--record", str(record), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    due = {r["title"]: r["verdict"] for r in json.loads(result.stdout)}
    assert due == {
        "Sidan removed": "gone",
        "Sidan moves": "moved",
        "Sidan elsewhere": "moved",
        "Sidan changes": "changed",
        "Sidan modified": "changed",
        "Sidan slow": "unreachable",
    }
    assert "8 källsidor kontrollerade; 6 att se över: 1 borta, 2 flyttade, 2 ändrade" in result.stderr
    state = CliRunner().invoke(main, ["state", "-d", str(folder), "--record", str(record)])
    assert (
        "Källsidor att se över (graphmap sources check, 2026-12-08): 6 av 8: 1 borta, 2 flyttade, 2 ändrade "
        "sedan uppgifterna kontrollerades, 1 svarar inte"
    ) in " ".join(state.stdout.split())
    for command in (
        ["state", "-d", str(folder)],
        ["build", str(folder), "-o", str(tmp_path / "g.ttl")],
        ["validate", str(folder)],
    ):
        assert CliRunner().invoke(main, command).exit_code == 0
    assert len(server.requests) == asked  # only `sources check` visits pages

    # the facts of the changed page are checked again: its new text is the new baseline
    kg = graphmap.build(
        [_data(tmp_path / "testdata", server.base, {"changes": "2026-12-09", "modified": "2026-12-09"})]
    )
    third = {
        c.source.rsplit("/", 1)[-1]: c.verdict
        for c in check_sources(kg, record, visit=bounded, today=dt.date(2026, 12, 10))
    }
    assert third["changes"] == "ok" and third["modified"] == "ok" and third["removed"] == "gone"
    assert [c.verdict for c in page_checks(kg, record) if c.source.endswith("/stays")] == ["ok"]


def test_check_command_visits_and_says_where_it_kept_the_result(server, tmp_path):
    folder = _data(tmp_path / "testdata", server.base)
    for p in PAGES:
        server.routes[f"/{p}"] = (200, {}, _page(p))
    server.routes["/slow"] = (200, {}, _page("slow"))
    record = tmp_path / "checks.json"
    result = CliRunner().invoke(main, ["sources", "check", "-d", str(folder), "--record", str(record), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "8 source pages checked; 0 to look at" in result.stderr
    assert f"unchanged: {server.base}/stays" in result.stderr  # one line per page as it goes
    assert f"Kept the check in {record}" in result.stderr.replace("\n", "")
    assert len(json.loads(record.read_text(encoding="utf-8"))["sources"]) == len(PAGES)
