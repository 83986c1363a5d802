"""The source documents behind the facts: one answer for the map, the report and the web app, and
whether their pages are still where the facts say (``graphmap sources check``).

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> info = source_info(kg)
>>> src = "https://w3id.org/graphmap/id/fyrbodal/sources/verksamhetsplan-2023"
>>> str(info[src][0])
'Verksamhetsplan FoU-Socialtjänst Fyrbodal 2023'
>>> source_label(kg, src, info)
'Verksamhetsplan FoU-Socialtjänst Fyrbodal 2023 (FoU Fyrbodal, 2023-02-27)'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

from graphmap.workspace import source_checks_file
from graphmap.version import __version__


def source_info(kg) -> dict:
    """``{source IRI: (title, date, publisher)}`` for every source document (RDF terms or None),
    from the internal query ``source-info``."""
    from graphmap.api import run_query

    return {str(r["source"]): (r["title"], r["date"], r["publisher"]) for r in run_query(kg, "source-info").rows}


def source_label(kg, source, info: dict, lang: str = "sv") -> str:
    """A readable name of a source document: title (publisher, date); ``info`` is :func:`source_info`."""
    title, date, publisher = info.get(str(source), (None, None, None))
    text = str(title) if title else kg.label(source, lang)
    extra = ", ".join(str(x) for x in (publisher, date) if x)
    return f"{text} ({extra})" if extra else text


# --------------------------------------------------------------------------- keeping the pages current


def __getattr__(name: str):
    # CHECK_FILE: what ``graphmap sources check`` found at each page, kept in the workspace
    # (written atomically); it follows the workspace at each use
    if name == "CHECK_FILE":
        return source_checks_file()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: who is asking: an honest User-Agent, naming the tool and why it visits
USER_AGENT = (
    f"graphmap/{__version__} (graphmap sources check: kontrollerar att källsidorna finns kvar / "
    "checks that the source pages are still there; one request per page)"
)
TIMEOUT = 20.0  # seconds per request (connect, and each read)
MAX_BYTES = 2_000_000  # bytes read per page at most; a longer page is fingerprinted on its first MAX_BYTES
MAX_REDIRECTS = 5  # redirects followed on the same host; one to another host is never followed
#: what a page's check found, worst first: the maintainers' work is every verdict but ``ok``
VERDICTS = ("gone", "moved", "changed", "unreachable", "ok")
DUE = ("gone", "moved", "changed", "unreachable")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # every redirect is ours to decide
        return None


class _Text(HTMLParser):
    """The visible text of an HTML page (scripts and styles left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def fingerprint(body: bytes, content_type: str = "") -> str:
    """A fingerprint of a page's text: sha256 of its visible words (HTML tags, scripts, styles and
    spacing do not count), or of the bytes of anything that is not HTML or text (a PDF).

    >>> fingerprint(b"<p>Hej  <b>world</b></p><script>x=1</script>", "text/html") == \\
    ...     fingerprint(b"<div>Hej world</div>", "text/html; charset=utf-8")
    True
    """
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml", "text/plain", ""):
        charset = re.search(r"charset=([\w-]+)", content_type or "")
        try:
            text = body.decode(charset.group(1) if charset else "utf-8", errors="replace")
        except LookupError:
            text = body.decode("utf-8", errors="replace")
        if kind != "text/plain":
            parser = _Text()
            parser.feed(text)
            parser.close()
            text = " ".join(parser.parts)
        data = " ".join(text.split()).encode("utf-8")
    else:
        data = body
    return hashlib.sha256(data).hexdigest()[:32]


@dataclass
class Visit:
    """What one request found: the status, where it ended, when the page says it changed, its text's
    fingerprint, or the error; ``other_host``: a redirect to another host, not followed."""

    url: str
    status: int | None = None
    final_url: str | None = None
    last_modified: str | None = None
    fingerprint: str | None = None
    error: str | None = None
    other_host: str | None = None
    truncated: bool = False


def visit(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Visit:
    """GET one page with an honest User-Agent, bounded in time (``timeout`` per connect and read) and
    size (``max_bytes``), following at most :data:`MAX_REDIRECTS` redirects on the same host; a
    redirect to another host is recorded (``other_host``), not followed."""
    opener = urllib.request.build_opener(_NoRedirect())
    current, out = url, Visit(url)
    for _hop in range(MAX_REDIRECTS + 1):
        request = urllib.request.Request(current, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
        try:
            response = opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.headers else None
            if exc.code in (301, 302, 303, 307, 308) and location:
                target = urllib.parse.urljoin(current, location)
                if urllib.parse.urlsplit(target).netloc.lower() != urllib.parse.urlsplit(current).netloc.lower():
                    out.status, out.final_url, out.other_host = exc.code, target, urllib.parse.urlsplit(target).netloc
                    return out
                current = target
                continue
            out.status, out.final_url = exc.code, current
            return out
        except (urllib.error.URLError, OSError, ValueError) as exc:
            out.error, out.final_url = str(getattr(exc, "reason", exc))[:200], current
            return out
        with response:
            try:
                body = response.read(max_bytes + 1)
            except OSError as exc:
                out.error, out.final_url = str(exc)[:200], current
                return out
            out.status, out.final_url = response.status, current
            out.truncated = len(body) > max_bytes
            out.fingerprint = fingerprint(body[:max_bytes], response.headers.get("Content-Type", ""))
            out.last_modified = _http_date(response.headers.get("Last-Modified"))
        return out
    out.error, out.final_url = f"more than {MAX_REDIRECTS} redirects", current
    return out


def _http_date(value: str | None) -> str | None:
    """An HTTP date as ``YYYY-MM-DD`` (None if absent or unreadable)."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


@dataclass
class PageCheck:
    """One source's page as the last check found it, and what the maintainers have to do about it."""

    source: str
    url: str
    title: str
    checked: str | None  # when the facts were checked against the page (the data's ``checked``)
    verdict: str  # one of VERDICTS
    record: dict = field(default_factory=dict)

    @property
    def due(self) -> bool:
        return self.verdict in DUE

    @classmethod
    def of(cls, page: dict, record: dict) -> "PageCheck":
        """A source's page (a :func:`source_pages` item) with the visit ``record`` kept for it."""
        url, checked = page["url"], page["checked"]
        return cls(page["source"], url, page["title"] or "", checked, verdict(record, url, checked), record)


def verdict(record: dict, url: str, checked: str | None) -> str:
    """What a recorded visit means for a page whose facts were checked on ``checked``:

    ``gone`` (404, 410), ``unreachable`` (no answer, or another error status), ``moved`` (it ends at
    another address, or redirects to another host), ``changed`` (its text differs from the text at
    the first visit after the facts were checked, or it says it was modified after they were
    checked: a Last-Modified on the day of the visit says only that the page is made at each visit),
    or ``ok``.

    >>> r = {"status": 200, "final_url": "https://a.se/x", "fingerprint": "f1", "baseline": "f1",
    ...      "last_modified": "2026-01-02", "visited": "2026-12-07"}
    >>> verdict(r, "https://a.se/x", "2026-12-01"), verdict(r, "https://a.se/x", "2025-12-01")
    ('ok', 'changed')
    >>> verdict(r | {"fingerprint": "f2"}, "https://a.se/x", "2026-12-01"), verdict(r | {"status": 404}, "https://a.se/x", None)
    ('changed', 'gone')
    >>> verdict(r | {"final_url": "https://a.se/y"}, "https://a.se/x", "2026-12-01")
    'moved'
    """
    status = record.get("status")
    if status in (404, 410):
        return "gone"
    if record.get("other_host") or (status and status < 400 and record.get("final_url") not in (None, url)):
        return "moved"
    if record.get("error") or status is None or status >= 400:
        return "unreachable"
    if record.get("baseline") and record.get("fingerprint") != record.get("baseline"):
        return "changed"
    modified = record.get("last_modified")
    if modified and checked and checked < modified < str(record.get("visited", ""))[:10]:
        return "changed"
    return "ok"


def read_checks(path: Path | None = None) -> dict:
    """The record of the last checks (``{source IRI: record}``), empty when there is none."""
    path = Path(path or source_checks_file())
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("sources", {}) if isinstance(data, dict) else {}


def source_pages(kg) -> list[dict]:
    """Every source with a web address: ``source``, ``url``, ``title``, ``checked`` (the internal
    query ``source-pages``)."""
    from graphmap.api import run_query

    return [
        {k: (None if r[k] is None or str(r[k]) == "None" else str(r[k])) for k in ("source", "url", "title", "checked")}
        for r in run_query(kg, "source-pages").rows
    ]


def page_checks(kg, path: Path | None = None) -> list[PageCheck]:
    """Every source's page as the last ``graphmap sources check`` found it (no request is made): the
    verdict of each recorded page; a page never visited is not listed."""
    records = read_checks(path)
    out = []
    for page in source_pages(kg):
        record = records.get(page["source"])
        if record is not None and record.get("url") == page["url"]:
            out.append(PageCheck.of(page, record))
    return out


def check_sources(
    kg, path: Path | None = None, *, visit=visit, today: dt.date | None = None, progress=None
) -> list[PageCheck]:
    """Visit every source's web address once (:func:`visit`), record what it found in ``path``
    (written atomically, see :func:`graphmap.workspace.source_checks_file`) and return each page's :class:`PageCheck`.

    The first visit after the facts were checked (the source's ``checked`` date) keeps the page's
    fingerprint as the baseline its later visits are compared with; a source whose facts were checked
    again (a newer ``checked``) gets a new baseline.
    """
    from graphmap.fileio import write_text_atomic

    path = Path(path or source_checks_file())
    today = today or dt.date.today()
    records = read_checks(path)
    seen: dict[str, Visit] = {}
    out = []
    for page in source_pages(kg):
        found = seen.get(page["url"]) or visit(page["url"])
        seen[page["url"]] = found
        old = records.get(page["source"], {})
        record = {
            "url": page["url"],
            "visited": today.isoformat(),
            "status": found.status,
            "final_url": found.final_url,
            "last_modified": found.last_modified,
            "fingerprint": found.fingerprint,
            "error": found.error,
            "other_host": found.other_host,
            "truncated": found.truncated,
        }
        fresh = old.get("url") != page["url"] or (old.get("baseline_checked") or "") < (page["checked"] or "")
        if fresh or not old.get("baseline"):
            record["baseline"], record["baseline_checked"] = found.fingerprint, page["checked"]
        else:
            record["baseline"], record["baseline_checked"] = old["baseline"], old.get("baseline_checked")
        records[page["source"]] = record
        check = PageCheck.of(page, record)
        out.append(check)
        if progress:
            progress(check)
    write_text_atomic(
        path,
        json.dumps(
            {"tool": USER_AGENT.split(" (")[0], "checked": today.isoformat(), "sources": dict(sorted(records.items()))},
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
    )
    return out


def due_counts(checks: list[PageCheck]) -> dict[str, int]:
    """How many pages are due, per verdict (``gone``, ``moved``, ``changed``, ``unreachable``) and in
    all (``due``), and how many were checked (``checked``).

    >>> due_counts([PageCheck("s", "u", "t", None, "gone"), PageCheck("s2", "u2", "t", None, "ok")])
    {'gone': 1, 'moved': 0, 'changed': 0, 'unreachable': 0, 'due': 1, 'checked': 2}
    """
    counts = {v: sum(c.verdict == v for c in checks) for v in DUE}
    return counts | {"due": sum(counts.values()), "checked": len(checks)}


@dataclass
class DueSummary:
    """What the last ``graphmap sources check`` found, for the state of the map: the pages due per
    verdict (``counts``, see :func:`due_counts`), per county among its own sources (``by_county``),
    among the national sources (``national``), and the day of the last check (None: never checked)."""

    counts: dict
    by_county: dict
    national: int
    last: str | None

    def text(self, lang: str = "sv") -> str:
        """One sentence: how many pages are due, or that they were never checked.

        >>> DueSummary({"gone": 1, "moved": 0, "changed": 2, "unreachable": 0, "due": 3, "checked": 9}, {}, 0,
        ...            "2026-12-07").text("en")  # doctest: +ELLIPSIS
        'Source pages due (graphmap sources check, 2026-12-07): 3 of 9: 1 gone, 0 moved, 2 changed...'
        """
        from graphmap.i18n import t

        if self.last is None:
            return t("cli.state.due_never", lang)
        return t("cli.state.due_text", lang, last=self.last, **self.counts)


def due_summary(kg, states: dict, path: Path | None = None) -> DueSummary:
    """The pages due for the maintainers (:func:`page_checks`, no request made), counted per county
    among the county's own sources (``states``: :func:`graphmap.api.map_state`) and among the
    national ones.

    >>> import graphmap
    >>> from graphmap.api import map_state
    >>> kg = graphmap.build()  # doctest: +SKIP
    >>> due_summary(kg, map_state(kg), Path("/nonexistent.json")).last is None
    True
    """
    checks = page_checks(kg, path)
    due = {c.source for c in checks if c.due}
    by_county = {county: len(due & set(state.sources.sources)) for county, state in states.items()}
    national = next(iter(states.values())).national.sources if states else ()
    last = max((str(c.record.get("visited")) for c in checks), default=None)
    return DueSummary(due_counts(checks), by_county, len(due & set(national)), last)


__all__ = [
    "source_info",
    "source_label",
    "USER_AGENT",
    "VERDICTS",
    "DUE",
    "Visit",
    "PageCheck",
    "visit",
    "fingerprint",
    "verdict",
    "read_checks",
    "source_pages",
    "page_checks",
    "check_sources",
    "due_counts",
    "DueSummary",
    "due_summary",
]
