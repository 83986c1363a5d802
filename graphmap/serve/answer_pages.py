"""The answer pages of ``graphmap serve --round NAME``: each respondent answers the round behind its
private link (:mod:`graphmap.round.links`), nobody else gets in. Without ``--round`` no such page
exists and the server stays read-only.

``/svar/<token>`` shows the respondent's workbook as a form (:func:`graphmap.round.webanswer.form_sheets`)
and takes it back (POST): saved as a draft, or sent, through :func:`graphmap.round.webanswer.save`
(the workbook's own checks and messages, one code path with a returned workbook).

What keeps others out:

* a wrong, expired, revoked or missing token gets the site's plain 404, as an unknown page does;
  tokens are compared by their hash, in constant time, against every link;
* guessing is bounded: after :data:`PER_ADDRESS` refused tokens in :data:`WINDOW` seconds from one
  address, or :data:`OVERALL` from all addresses together, every answer page says 429 without
  looking at the token, until the window has passed (addresses are kept in memory for the window
  only, never written);
* a POST must carry the form's CSRF token (an HMAC of the link's hash under the round's own secret
  key), and is refused (403) when the browser says it comes from another site (``Origin`` other than
  this site's or the public address's, ``Sec-Fetch-Site: cross-site``/``same-site``); a form is at most
  :data:`MAX_FORM` bytes and each free text :data:`graphmap.round.webanswer.MAX_TEXT` characters;
* every answer page sends ``Cache-Control: no-store``, ``Referrer-Policy: no-referrer`` and the
  site's security headers; all text reaches the page through Jinja2's autoescaping;
* no token is logged: uvicorn's access log is off, and :class:`RedactTokens` blanks the token of
  any ``/svar/…`` path in the ``uvicorn`` loggers should it be switched on.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import threading
import time
from collections import deque
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from graphmap.fileio import FolderBusy
from graphmap.i18n import t
from graphmap.round.links import PREFIX, lookup, round_secret

PER_ADDRESS = 20  # refused tokens per address per window
OVERALL = 200  # refused tokens from all addresses per window
WINDOW = 60.0  # seconds
MAX_FORM = 512 * 1024  # bytes of a posted form
MAX_FIELDS = 2000
NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow"}
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")
_IN_PATH = re.compile(r"(/svar/)[^/?\s\"]+")


class RedactTokens(logging.Filter):
    """Blanks the token of an answer page's path in a log record (uvicorn's access log passes the
    path as an argument).

    >>> record = logging.LogRecord("uvicorn.access", 20, "", 0, '%s - "%s %s HTTP/%s" %d',
    ...     ("127.0.0.1:1", "GET", "/svar/abcDEF123_-xyz0123456789?lang=en", "1.1", 200), None)
    >>> RedactTokens().filter(record), record.getMessage()
    (True, '127.0.0.1:1 - "GET /svar/…?lang=en HTTP/1.1" 200')
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_IN_PATH.sub(r"\1…", a) if isinstance(a, str) else a for a in record.args)
        if isinstance(record.msg, str):
            record.msg = _IN_PATH.sub(r"\1…", record.msg)
        return True


def redact_logs() -> None:
    """Put :class:`RedactTokens` on uvicorn's loggers (once)."""
    for name in ("uvicorn", "uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())


class GuessLimit:
    """Refused tokens per address and overall in a sliding window; an address is forgotten when its
    window has passed."""

    def __init__(self, per_address: int = PER_ADDRESS, overall: int = OVERALL, window: float = WINDOW):
        self.per_address, self.overall, self.window = per_address, overall, window
        self._by_address: dict[str, deque] = {}
        self._all: deque = deque()
        self._lock = threading.Lock()

    def _prune(self, now: float) -> None:
        edge = now - self.window
        while self._all and self._all[0] < edge:
            self._all.popleft()
        for addr in [a for a, times in self._by_address.items() if not times or times[-1] < edge]:
            del self._by_address[addr]
        for times in self._by_address.values():
            while times and times[0] < edge:
                times.popleft()

    def take(self, addr: str) -> bool:
        """Count one attempt from ``addr`` and say whether it may be looked up (False: over a bound,
        nothing counted). Checking and counting are one step: concurrent guesses cannot pass the bound."""
        with self._lock:
            now = time.monotonic()
            self._prune(now)
            if len(self._all) >= self.overall or len(self._by_address.get(addr, ())) >= self.per_address:
                return False
            self._all.append(now)
            self._by_address.setdefault(addr, deque()).append(now)
            return True

    def forgive(self, addr: str) -> None:
        """The attempt was a valid link: it does not count."""
        with self._lock:
            times = self._by_address.get(addr)
            if times:
                gone = times.pop()
                try:
                    self._all.remove(gone)
                except ValueError:
                    pass

    def addresses(self) -> int:
        """How many addresses are remembered now."""
        with self._lock:
            self._prune(time.monotonic())
            return len(self._by_address)


class AnswerPages:
    """The answer pages of the round in ``folder`` (see the module's text)."""

    def __init__(
        self,
        holder,
        folder,
        *,
        public_url: str | None = None,
        per_address: int = PER_ADDRESS,
        overall: int = OVERALL,
        window: float = WINDOW,
    ):
        from graphmap.round.workbook import read_manifest

        self.holder, self.folder = holder, Path(folder)
        self.manifest = read_manifest(self.folder)
        self.public_origin = _origin(public_url) if public_url else None
        self.limit = GuessLimit(per_address, overall, window)
        self.lookups = 0  # tokens looked up (a guess refused by the limit is not looked up)
        self._secret = round_secret(self.folder)
        redact_logs()

    def routes(self) -> list:
        return [
            Route(PREFIX + "{token}", self.page, methods=["GET", "POST"]),
            Route(PREFIX + "{token}/{rest:path}", self.nothing, methods=["GET", "POST"]),
            Route(PREFIX.rstrip("/"), self.nothing, methods=["GET", "POST"]),
            Route(PREFIX, self.nothing, methods=["GET", "POST"]),
        ]

    # ---- answers that say nothing
    def not_found(self, request: Request) -> HTMLResponse:
        response = self.holder.message(request, 404, "not_found")
        response.headers.update(NO_STORE)
        return response

    async def nothing(self, request: Request) -> Response:
        return self.not_found(request)

    def _plain(self, request: Request, status: int, key: str, headers: dict | None = None) -> Response:
        lang = self.holder.lang(request)
        response = self.holder.message(request, status, "error", t(key, lang))
        response.headers.update({**NO_STORE, **(headers or {})})
        return response

    def _csrf(self, code: str) -> str:
        link = str(self._links().get(code, {}).get("hash", ""))
        return hmac.new(self._secret, f"csrf:{code}:{link}".encode(), hashlib.sha256).hexdigest()

    def _links(self) -> dict:
        from graphmap.round.links import read_links

        return read_links(self.folder)

    def _allowed_origins(self, request: Request) -> set[str]:
        own = f"{request.url.scheme}://{request.url.netloc}"
        return {own, self.public_origin} - {None}  # type: ignore[operator]

    # ---- the page
    async def page(self, request: Request) -> Response:
        addr = request.client.host if request.client else "-"
        if not self.limit.take(addr):  # refused unseen, cheaply: a flood costs no page rendering
            lang = self.holder.lang(request)
            return Response(
                t("answer.busy", lang) + "\n",
                status_code=429,
                media_type="text/plain; charset=utf-8",
                headers={**NO_STORE, "Retry-After": str(int(self.limit.window))},
            )
        token = request.path_params["token"]
        self.lookups += 1
        code = lookup(self.folder, token) if _TOKEN.fullmatch(token) else None
        if code is None or code not in self.manifest["respondents"]:
            return self.not_found(request)
        self.limit.forgive(addr)
        if request.method == "GET":
            return await run_in_threadpool(self._show, request, code, token)
        return await self._post(request, code, token)

    async def _post(self, request: Request, code: str, token: str) -> Response:
        origin = request.headers.get("origin")
        site = request.headers.get("sec-fetch-site")
        if (origin is not None and origin != "null" and origin not in self._allowed_origins(request)) or (
            site is not None and site not in ("same-origin", "none")
        ):
            return self._plain(request, 403, "answer.forbidden")
        if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            return self._plain(request, 403, "answer.forbidden")
        try:
            declared = int(request.headers.get("content-length", "0"))
        except ValueError:
            declared = MAX_FORM + 1
        if declared > MAX_FORM:
            return self._plain(request, 413, "answer.too_large")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_FORM:
                return self._plain(request, 413, "answer.too_large")
        try:
            parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS)
        except (UnicodeDecodeError, ValueError):
            return self._plain(request, 413, "answer.too_large")
        form = {k: v[-1] for k, v in parsed.items()}
        if not hmac.compare_digest(form.get("csrf", ""), self._csrf(code)):
            return self._plain(request, 403, "answer.forbidden")
        return await run_in_threadpool(self._save, request, code, token, form)

    def _save(self, request: Request, code: str, token: str, form: dict) -> Response:
        from graphmap.round.webanswer import save

        try:
            version = int(form.get("version", "-1"))
        except ValueError:
            version = -1
        lang = self.holder.lang(request)
        try:
            saved = save(
                self.folder,
                code,
                form,
                version=version,
                send=form.get("action") == "send",
                kg=self.holder.site.kg,
                lang=self.manifest.get("lang", "sv"),
            )
        except FolderBusy:
            return self._plain(request, 503, "answer.busy", {"Retry-After": "5"})
        if saved.outcome == "too_long":  # shown again as typed: nothing is lost
            from dataclasses import replace

            from graphmap.round.webanswer import cells_from_form

            typed, _ = cells_from_form(self.manifest, code, form, limit=1 << 30)
            saved.draft = replace(saved.draft, cells=typed, respondent_name=str(form.get("respondent_name", "")))
        return self._show(request, code, token, saved=saved, lang=lang)

    def _show(self, request: Request, code: str, token: str, saved=None, lang=None) -> Response:
        from graphmap.round.webanswer import MAX_TEXT, form_sheets, read_draft
        from graphmap.round.workbook import sheet_names

        lang = lang or self.holder.lang(request)
        draft = saved.draft if saved is not None else read_draft(self.folder, code)
        entry = self.manifest["respondents"][code]
        message, problems = "", []
        outcome = saved.outcome if saved is not None else ""
        if outcome in ("saved", "same") and draft.state != "sent":
            message = t("answer.saved", lang, version=draft.version)
        elif outcome in ("sent", "same"):
            message = t("answer.sent", lang, version=draft.version)
        elif outcome == "not_sent":
            message = t("answer.not_sent", lang)
        elif outcome == "conflict":
            message = t("answer.conflict", lang, name=entry["name"], version=draft.version, saved=draft.saved)
        if outcome == "too_long":
            message = t("answer.not_saved", lang)
            names = sheet_names(lang)
            problems = [
                t(
                    "answer.too_long",
                    lang,
                    column=names.get(sheet, "") + " " + t("round.column." + column, lang)
                    if column != "respondent_name"
                    else t("answer.info_name", lang),
                    row=row,
                    n=MAX_TEXT,
                )
                for sheet, row, column in saved.too_long
            ]
        if draft.state == "sent":
            state = t("answer.state_sent", lang, version=draft.version, saved=draft.saved)
        elif draft.state:
            state = t("answer.state_draft", lang, version=draft.version, saved=draft.saved)
        else:
            state = t("answer.state_new", lang)
        unsaved = []
        if saved is not None and saved.unsaved:
            names = sheet_names(lang)
            unsaved = [
                f"{names.get(sheet, sheet)} {row}, {t('round.column.' + column, lang)}: {value}"
                for sheet, row, column, value in saved.unsaved
            ]
        response = self.holder.render(
            request,
            "answer.html",
            round_name=self.manifest["name"],
            name=entry["name"],
            deadline=self.manifest.get("deadline") or "–",
            sheets=form_sheets(self.manifest, code, draft, lang),
            sheet_names=sheet_names(lang),
            draft=draft,
            state=state,
            message=message,
            outcome=outcome,
            problems=problems,
            checks=draft.problems,
            changes=draft.changes,
            unsaved=unsaved,
            csrf=self._csrf(code),
            action=token,
        )
        response.headers.update(NO_STORE)
        return response


def _origin(url: str) -> str:
    """The origin (scheme://host[:port]) of an address.

    >>> _origin("https://stod.example.se/kommun/"), _origin("http://127.0.0.1:8765")
    ('https://stod.example.se', 'http://127.0.0.1:8765')
    """
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


__all__ = ["AnswerPages", "GuessLimit", "RedactTokens", "redact_logs", "PER_ADDRESS", "OVERALL", "WINDOW", "MAX_FORM"]
