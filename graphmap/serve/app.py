"""The Starlette app behind ``graphmap serve``: the support landscape in the browser.

>>> import graphmap
>>> from starlette.testclient import TestClient  # doctest: +SKIP
>>> app = create_app(graphmap.build())  # doctest: +SKIP

Pages (Swedish by default, ``?lang=en`` switches and is remembered in a cookie):
``/`` start page with counts and search · ``/stod`` "Var finns stöd?" · ``/fragor`` and
``/fraga/<name>`` one page per named query (``.csv`` / ``.json`` downloads) · ``/aktor/<slug>``,
``/natverk/<slug>``, ``/kommun/<code>`` · ``/luckor`` gap matrix, ``/luckor/rader`` its rows ·
``/kartlaggning`` the state of the map per county · ``/runda`` where the mapping round stands ·
``/forandringar`` what changed since an earlier data version ·
``/karta`` the map · ``/rapport`` the mapping report · ``/data`` downloads · ``/sparql``
read-only SPARQL 1.1 endpoint (see :mod:`graphmap.serve.sparql`; ``GET /sparql`` without a query
gives its Service Description with VoID statistics, a browser its form) · ``/catalog`` and
``/.well-known/void`` the DCAT-AP catalogue record (:mod:`graphmap.catalog`) · ``/id/…``,
``/vocab/…`` and ``/def``: every IRI graphmap mints, by content negotiation
(:mod:`graphmap.serve.linked`). The open-data paths (SPARQL, the record, the IRIs, the downloads)
answer other origins (CORS ``*``, no credentials: everything there is public and read-only).

Every value from the data reaches HTML through Jinja2 autoescaping or ``textContent``; every
query parameter is bound by :func:`graphmap.api.run_query`. Every response — pages, SPARQL
answers, static files, downloads and every error (404, 405, 413, 500, 503 …) — carries the
security headers (:data:`SECURITY_HEADERS`: a strict Content-Security-Policy with scripts, styles
and frames only from the app itself and ``frame-ancestors 'self'``, ``nosniff``, no referrer, no
framing by other sites); the self-contained map and report pages send their own policy (their
inline scripts by hash) with ``frame-ancestors`` added. Maps, answers and tables are cached keyed
on the resolved parameters and bounded in bytes (:class:`graphmap.serve.cache.BoundedCache`).
A form with a value that matches nothing is shown again with the message ("did you mean …")
and status 200, as forms do; downloads and SPARQL answer such input with 400.
"""

from __future__ import annotations

import contextlib
import functools
import html as htmllib
import json
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from graphmap.api import KnowledgeGraph, answer_note, not_mapped_note
from graphmap.ingest.cells import shown
from graphmap.queries import internal, library
from graphmap.resolve import UnknownName
from graphmap.serve import linked, sparql
from graphmap.i18n import other_lang, sv_sort_key, t
from graphmap.report.write import report_png_name
from graphmap.serve.site import Site

HERE = Path(__file__).resolve().parent
LANGS = ("sv", "en")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
}
CORS_PATHS = ("/sparql", "/catalog", "/.well-known/", "/id/", "/vocab/", "/def", "/data/")
"""Paths other origins may read (a YASGUI elsewhere, a harvester's browser tool): public, read-only."""
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "Content-Type, Content-Location, Location, Retry-After, Vary",
}
PREFLIGHT_HEADERS = {
    **CORS_HEADERS,
    "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}
META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE)
SPARQL_EXAMPLE = internal()["sparql-example"].body  # graphmap/queries/internal/sparql-example.rq
# a named query's downloads: format -> (the Site method that writes it, media type)
DOWNLOAD_FORMATS = {
    "csv": ("csv_bytes", "text/csv; charset=utf-8"),
    "json": ("json_bytes", "application/json"),
    "excel.csv": ("excel_csv_bytes", "text/csv; charset=utf-8"),
    "xlsx": ("xlsx_bytes", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
        trim_blocks=False,
        lstrip_blocks=False,
        finalize=shown,
    )
    return env


class App:
    """Routes and rendering around one :class:`Site`."""

    def __init__(self, site: Site, pool: sparql.QueryPool | None, previous: KnowledgeGraph | None = None):
        self.site, self.pool = site, pool
        self.previous = previous  # an earlier data version, for /forandringar
        self.env = _env()
        self._described: dict = {}  # base URL -> the service description of /sparql
        self.contact_email: str | None = None  # the publisher's functional address, in /catalog
        self.answers = None  # the answer pages of a round (graphmap.serve.answer_pages), with --round

    # ---- helpers -------------------------------------------------------------------------------
    def lang(self, request: Request) -> str:
        asked = request.query_params.get("lang")
        if asked in LANGS:
            return asked
        cookie = request.cookies.get("lang")
        return cookie if cookie in LANGS else self.site.lang

    def render(self, request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
        lang = self.lang(request)
        other = other_lang(lang)
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", other)]
        ctx.update(
            request=request,
            lang=lang,
            other_lang=other,
            site=self.site,
            switch_url=own_path(request.url.path) + "?" + urlencode(params),
            t=lambda key, **kw: t(key, lang, **kw),
        )
        ctx.setdefault("active", "")
        html = self.env.get_template(template).render(**ctx)
        response = HTMLResponse(html, status_code=status)
        if request.query_params.get("lang") in LANGS and request.cookies.get("lang") != lang:
            response.set_cookie("lang", lang, max_age=365 * 24 * 3600, httponly=True, samesite="lax")
        return response

    def message(self, request: Request, status: int, key: str, message: str = "") -> HTMLResponse:
        lang = self.lang(request)
        return self.render(request, "message.html", status, heading=t(key, lang), message=message)

    @staticmethod
    def values(request: Request, names) -> dict:
        return {n: request.query_params.get(n, "") for n in names}

    @staticmethod
    def query_string(values: dict, lang: str) -> str:
        return urlencode([(k, v) for k, v in values.items() if v] + [("lang", lang)])

    # ---- pages ---------------------------------------------------------------------------------
    def index(self, request: Request):
        lang = self.lang(request)
        return self.render(request, "index.html", summary=self.site.summary(lang), active="start")

    def search_page(self, request: Request):
        lang, q = self.lang(request), request.query_params.get("q", "")
        return self.render(request, "search.html", q=q, results=self.site.search(q, lang, 30) if q else [])

    def search_api(self, request: Request):
        lang, q = self.lang(request), request.query_params.get("q", "")
        hits = self.site.search(q, lang, 10)
        return JSONResponse({"q": q, "results": [{"label": e.label, "kind": e.kind, "url": e.url} for e in hits]})

    def support(self, request: Request):
        lang = self.lang(request)
        query = library()["support"]
        values = self.values(request, ("area", "municipality"))
        error = table = municipality = areas = None
        if values["municipality"] and not values["area"]:
            # a municipality without an area: every area, each linked to its answer for the municipality
            areas, error = self.site.areas_for(values["municipality"], lang)
            code = self.site.option_value("kommun", values["municipality"])
            if code:
                municipality = {
                    "code": code,
                    "label": self.site.label(self.site.municipalities[code], lang),
                    "not_mapped": not_mapped_note(self.site.kg, code, lang),
                }
        elif values["area"] or values["municipality"]:
            table, error = self.site.result_table("support", tuple(sorted(values.items())), lang)
            if table is not None:
                code = self.site.option_value("kommun", values["municipality"])
                if code:
                    municipality = {
                        "code": code,
                        "label": self.site.label(self.site.municipalities[code], lang),
                        "not_mapped": not_mapped_note(self.site.kg, code, lang),
                    }
        groups = self._by_county(values, lang) if table is not None and values["area"] and not municipality else None
        return self.render(
            request,
            "support.html",
            fields=self.site.form(query, values, lang),
            result_table=table,
            error=error,
            municipality=municipality,
            areas=areas,
            active="support",
            groups=groups,
            query_string=self.query_string(values, lang),
        )

    def _by_county(self, values: dict, lang: str) -> list:
        """An area's support answer without a municipality, its rows grouped by the county they
        reach (:func:`graphmap.api.by_county`; national ones first), each row saying which of the
        county's municipalities it reaches: [(heading, Table)]."""
        from graphmap.api import by_county, where_text
        from graphmap.answers.where import PLACE_COLUMNS
        from graphmap.serve.content import Cell

        result, _error = self.site.run("support", values, lang)
        shown = [c.name for c in result.query.columns if c not in PLACE_COLUMNS]
        presented = result.present(lang)
        everywhere = where_text(self.site.kg, self.site.kg.support_layer.county_of, lang)
        national, counties = [], []
        for county, items in by_county(result):
            table = self.site.table(result, lang, columns=shown, rows=[presented[i] for i, _p in items])
            table.columns.insert(1, t("gaps.where", lang))
            for row, (_i, place) in zip(table.rows, items):
                row.insert(1, Cell(everywhere if place is None else place.text(self.site.kg, lang, named=False)))
            if county is None:
                national.append((t("pages.support_national", lang), table))
            else:
                counties.append((self.site.label(county, lang), table))
        return national + sorted(counties, key=lambda g: sv_sort_key(g[0]))

    def queries(self, request: Request):
        return self.render(request, "queries.html", queries=list(library().values()), active="queries")

    def _query_values(self, request: Request, query) -> dict:
        names = [p.name for p in query.params]
        return self.values(request, names)

    def query(self, request: Request):
        name = request.path_params["name"]
        query = library().get(name)
        if query is None:
            return self.message(request, 404, "not_found")
        lang = self.lang(request)
        values = self._query_values(request, query)
        # no answer before the question (a query without choices has nothing to wait for)
        asked = "run" in request.query_params or any(values.values()) or not query.params
        table, error = self.site.result_table(name, tuple(sorted(values.items())), lang) if asked else (None, None)
        path = self.site.chain_path(values.get("actor", ""), lang) if name == "chain" and table is not None else None
        # an answer about a municipality says what the map does not know about it
        note = answer_note(self.site.run(name, values, lang)[0], lang) if table is not None else None
        return self.render(
            request,
            "query.html",
            query=query,
            asked=asked,
            path=path,
            fields=self.site.form(query, values, lang),
            error=error,
            active="queries",
            result_table=table,
            not_known=note,
            query_string=self.query_string(values, lang),
        )

    def download(self, request: Request):
        name, fmt = request.path_params["name"], request.path_params["fmt"]
        name, _, variant = name.partition(".")  # /fraga/NAME.excel.csv: the CSV for Swedish Excel
        query = library().get(name)
        fmt = f"{variant}.{fmt}" if variant else fmt
        if query is None or fmt not in DOWNLOAD_FORMATS:
            return self.message(request, 404, "not_found")
        lang = self.lang(request)
        result, error = self.site.run(name, self._query_values(request, query), lang)
        if error:
            return JSONResponse({"error": error}, status_code=400)
        # a table a page narrows (the gap cell's rows: /luckor/rader?area=…&county=…; a municipality's
        # gaps: ?county=…&municipality=…) downloads narrowed the same way: by a column the query has
        # but does not ask for
        asked = {p.name for p in query.params}
        for column, ptype in (("area", "vocab:area"), ("municipality", "kommun")):
            raw = request.query_params.get(column, "")
            if not raw or column in asked or not any(c.name == column for c in query.columns):
                continue
            try:
                iri = self.site.kg.resolver.resolve(ptype, raw, column)
            except UnknownName as exc:
                return JSONResponse({"error": exc.message(lang)}, status_code=400)
            result = replace(result, rows=[r for r in result.rows if str(r.get(column)) == str(iri)])
        writer, media = DOWNLOAD_FORMATS[fmt]
        body = getattr(self.site, writer)(result, lang)
        return Response(
            body, media_type=media, headers={"Content-Disposition": f'attachment; filename="graphmap-{name}.{fmt}"'}
        )

    def entity(self, request: Request):
        kind = request.url.path.split("/")[1]
        key = request.path_params["key"]
        lang = self.lang(request)
        if kind == "kommun":
            data = self.site.municipality_page(key, lang)
            return (
                self.render(request, "municipality.html", m=data) if data else self.message(request, 404, "not_found")
            )
        data = self.site.actor_page(kind, key, lang)
        return self.render(request, "actor.html", a=data) if data else self.message(request, 404, "not_found")

    def gaps(self, request: Request):
        from graphmap.viz.sweden import area_svg

        lang = self.lang(request)
        matrix = self.site.gap_matrix(lang)
        areas = [(r["code"], r["label"]) for r in matrix["rows"]]
        chosen = request.query_params.get("area", "")
        chosen = chosen if chosen in dict(areas) else areas[0][0]  # any other value: the first area
        sweden = self.site.cache.get_or_make(
            ("sweden", chosen, lang), lambda: area_svg(self.site.kg, chosen, lang, links=True)
        )
        return self.render(request, "gaps.html", matrix=matrix, active="gaps", areas=areas, area=chosen, sweden=sweden)

    def page_table(self, request: Request, page: str, fmt: str):
        """/luckor/luckor.xlsx (.excel.csv), /kartlaggning/kartlaggning.xlsx and /luckor/rutan.xlsx
        (?area=…&county=…, "Vad rutan bygger på"): the table the page shows."""
        from graphmap.serve.downloads import page_table_bytes

        lang = self.lang(request)
        notes: tuple[str, ...] = ()  # how to read the cells, on the workbook's sheet about the data
        if page == "rutan":
            values = self.values(request, ("area", "county"))
            area, county = (self._label_of(p, values[k], lang) for p, k in (("vocab:area", "area"), ("lan", "county")))
            if not area or not county:
                return self.message(request, 404, "not_found")
            title = t("pages.behind_title", lang, area=area, county=county)
            header, rows = self.site.gap_cell_table(values["area"], values["county"], lang)
        elif page == "luckor":
            matrix = self.site.gap_matrix(lang)
            title, header = matrix["title"], [t("area", lang)] + [label for label, _code in matrix["head"]]
            rows = [[r["label"]] + [c["mark"] for c in r["cells"]] for r in matrix["rows"]]
            notes = (t("gaps.legend_county", lang), t("gaps.partly_legend", lang), t("gaps.not_mapped_note", lang))
        else:
            state = self.site.map_state(lang)
            title = state["title"]
            header = [
                t("state_county", lang),
                t("state_status", lang),
                *(label for _q, label in state["questions"]),
                t("state_sources", lang),
                t("state_oldest", lang),
                t("state_newest", lang),
                t("state_undated", lang),
                t("state_stale", lang),
                t("state_due", lang),
            ]
            rows = [
                [
                    c["label"],
                    c["status_text"],
                    *(q["text"] + ("".join(f"; {a['label']}" for a in q["actors"])) for q in c["questions"]),
                    c["sources"].count,
                    c["sources"].oldest or "",
                    c["sources"].newest or "",
                    c["sources"].undated,
                    c["sources"].stale,
                    c.get("due", ""),
                ]
                for c in state["counties"]
            ]
        media = DOWNLOAD_FORMATS[fmt][1]
        return Response(
            page_table_bytes(title, header, rows, fmt, lang, notes),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="graphmap-{page}.{fmt}"'},
        )

    def state(self, request: Request):
        lang = self.lang(request)
        return self.render(request, "state.html", state=self.site.map_state(lang), active="state")

    def gap_rows(self, request: Request):
        lang = self.lang(request)
        values = self.values(request, ("area", "county"))
        table, error = self.site.gap_rows(values["area"] or None, values["county"] or None, lang)
        heading = " – ".join(
            x
            for x in (self._label_of("vocab:area", values["area"], lang), self._label_of("lan", values["county"], lang))
            if x
        )
        behind = (
            self.site.gap_cell_actors(values["area"], values["county"], lang)
            if values["area"] and values["county"] and not error
            else None
        )
        return self.render(
            request,
            "gap_rows.html",
            result_table=table,
            error=error,
            behind=behind,
            heading=heading,
            active="gaps",
            query_string=self.query_string({"county": values["county"], "area": values["area"]}, lang),
        )

    def _label_of(self, ptype: str, raw: str, lang: str) -> str:
        if not raw:
            return ""
        try:
            return self.site.label(self.site.kg.resolver.resolve(ptype, raw), lang)
        except UnknownName:
            return ""

    def map_page(self, request: Request):
        lang = self.lang(request)
        values = self.values(request, ("area", "county"))
        from graphmap.queries import NamedQuery, Param

        pseudo = NamedQuery(
            "map",
            ("", ""),
            ("", ""),
            [Param("area", "vocab:area", False, "Område", "Area"), Param("county", "lan", False, "Län", "County")],
            [],
            "",
            HERE,
        )
        error = None
        for ptype, key in (("vocab:area", "area"), ("lan", "county")):
            if values[key] and not self.site.option_value(ptype, values[key]):
                error = UnknownName(key, values[key], []).message(lang)
        src = "/karta/visa?" + self.query_string(values if not error else {}, lang)
        return self.render(
            request, "map.html", fields=self.site.form(pseudo, values, lang), map_src=src, error=error, active="map"
        )

    def map_view(self, request: Request):
        lang = self.lang(request)
        params = request.query_params
        try:
            depth = max(1, min(3, int(params.get("depth", "1"))))
        except ValueError:
            depth = 1
        try:
            html = self._map_html(params.get("area"), params.get("county"), params.get("focus"), depth, lang)
        except UnknownName as exc:
            return self.message(request, 200, "bad_input", exc.message(lang))
        return self_contained(html, "graphmap-karta.html" if params.get("download") else None)

    def _map_html(self, area, county, focus, depth, lang) -> str:
        """The map for what was typed, kept under what it resolves to (one map for every spelling)."""
        site = self.site
        key = (
            "map",
            site.resolved("vocab:area", area, "area"),
            site.resolved("lan", county, "county"),
            site.resolved("actor", focus, "focus"),
            depth,
            lang,
        )

        def make():
            from graphmap.viz import map_html

            return map_html(
                site.kg,
                area=area or None,
                county=county or None,
                focus=focus or None,
                depth=depth,
                lang=lang,
                include_personal=site.include_personal,
            )

        return site.cache.get_or_make(key, make)

    REPORT_FILE = "graphmap-rapport.html"  # the name `graphmap report -o` would be given for the same file

    def _report_html(self, lang: str, county: str) -> str:
        from graphmap.report import report_html

        return self.site.cache.get_or_make(
            ("report", lang, county),
            lambda: report_html(
                self.site.kg,
                lang=lang,
                county=county or None,
                include_personal=self.site.include_personal,
                png_name=report_png_name(self.REPORT_FILE, lang),
                datasets=self.site.datasets,
            ),
        )

    def _report_county(self, request: Request) -> tuple[str, str | None]:
        """The county code asked for ('' for the whole country), or an error message."""
        raw = request.query_params.get("county", "")
        if not raw:
            return "", None
        code = self.site.option_value("lan", raw)
        return (code, None) if code else ("", UnknownName("county", raw, []).message(self.lang(request)))

    def report_page(self, request: Request):
        lang = self.lang(request)
        county, error = self._report_county(request)
        counties = sorted(
            ((c, self.site.label(iri, lang)) for c, iri in self.site.counties.items()), key=lambda x: sv_sort_key(x[1])
        )
        return self.render(
            request,
            "report.html",
            active="report",
            counties=counties,
            county=county,
            error=error,
            query_string=self.query_string({"county": county}, lang),
        )

    def report_view(self, request: Request):
        county, error = self._report_county(request)
        if error:
            return self.message(request, 400, "bad_input", error)
        html = self._report_html(self.lang(request), county)
        return self_contained(html, self.REPORT_FILE if request.url.path.endswith(".html") else None)

    def report_png(self, request: Request):
        from graphmap.report import gap_matrix_png, report_data

        county, error = self._report_county(request)
        if error:
            return self.message(request, 400, "bad_input", error)
        lang = self.lang(request)
        body = self.site.cache.get_or_make(
            ("report-png", lang, county),
            lambda: gap_matrix_png(report_data(self.site.kg, lang=lang, county=county or None), lang),
        )
        return Response(body, media_type="image/png")

    def _round_page(self, which: str, lang: str) -> dict:
        from graphmap.serve import round as round_pages

        def make():
            if which == "status":
                return round_pages.status_page(self.site, lang)
            return round_pages.changes_page(self.site, self.previous, lang)

        return self.site.cache.get_or_make(("round", which, lang), make)

    def round_page(self, request: Request):
        from graphmap.serve import round as round_pages

        which = "status" if request.url.path == "/runda" else "changes"
        page = self._round_page(which, self.lang(request))
        if which == "status" and page["rounds"]:  # answers applied since the build: said on every request
            page = {**page, "pending": round_pages.pending_note(self.site, self.lang(request))}
        web = None
        if which == "status" and self.answers is not None:  # live, never cached: drafts change
            from graphmap.round.webanswer import web_state

            web = web_state(self.answers.folder, self.lang(request))
        return self.render(request, f"round_{which}.html", page=page, active="round", web=web)

    def data_page(self, request: Request):
        return self.render(
            request, "data.html", queries=list(library().values()), exports=self.site.exports(), active="data"
        )

    def export(self, request: Request):
        name = request.path_params["name"]
        found = self.site.export_bytes(name)
        if found is None:
            return self.message(request, 404, "not_found")
        body, media = found
        return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    async def sparql_page_or_query(self, request: Request):
        has_query = "query" in request.query_params or "update" in request.query_params
        if request.method in ("GET", "HEAD") and not has_query:
            accept = request.headers.get("accept", "")
            if "text/html" in accept:
                endpoint = str(request.url.replace(query=""))
                return self.render(request, "sparql.html", endpoint=endpoint, example=SPARQL_EXAMPLE, active="sparql")
            return self._rdf(request, self.site_description(own_base(request)))
        return await self._sparql(request)

    async def preflight(self, request: Request):
        return Response(status_code=204, headers=PREFLIGHT_HEADERS)

    # ---- linked data: the catalogue record, the service description, every minted IRI -----------
    def site_description(self, base: str):
        from graphmap.catalog import service_description

        if base not in self._described:  # one per address the server is reached at (a few)
            if len(self._described) >= 8:
                self._described.clear()
            self._described[base] = service_description(self.site.kg.graph, base)
        return self._described[base]

    def _rdf(self, request: Request, graph, want: str | None = None, location: str | None = None):
        """``graph`` in the representation asked for (``want``, else the Accept header; Turtle for HTML)."""
        want = want or linked.negotiate(request.headers.get("accept", ""))
        want = "ttl" if want in (None, "html") else want
        headers = {"Vary": "Accept", **({"Content-Location": f"{location}.{want}"} if location else {})}
        return Response(linked.serialize(graph, want), media_type=linked.MEDIA[want], headers=headers)

    def catalog(self, request: Request):
        from graphmap.catalog import catalog_graph

        return self._rdf(request, catalog_graph(self.site.kg.graph, own_base(request), self.contact_email))

    def ontology(self, request: Request):
        """``/def`` (the ontology: hash IRIs, answered directly) and ``/def.<ext>``."""
        ext = request.path_params.get("ext")
        want = ext if ext is not None else linked.negotiate(request.headers.get("accept", ""))
        if want not in linked.MEDIA:
            return self.message(request, 404 if ext is not None else 406, "not_found")
        if want == "html":
            from graphmap.ontology_export import render_documentation

            return HTMLResponse(render_documentation(None, self.lang(request)), headers={"Vary": "Accept"})
        return self._rdf(request, linked.ontology_document(), want, None if ext else "/def")

    def resource(self, request: Request):
        """A minted IRI (``/id/…``, ``/vocab/…``): its statements for an RDF client, 303 to its page for a
        browser; the documents themselves."""
        from rdflib import URIRef

        from graphmap.ontology import BASE, ontology_graph

        path = request.url.path.lstrip("/")
        head, _, last = path.rpartition("/")
        stem, dot, ext = last.rpartition(".")
        doc = bool(dot) and ext in linked.MEDIA
        iri = URIRef(BASE + (f"{head}/{stem}" if doc else path))
        graph = self.site.kg.graph if (iri, None, None) in self.site.kg.graph else ontology_graph()
        if (iri, None, None) not in graph:
            return self.message(request, 404, "not_found")
        if doc and ext == "html":
            lang = self.lang(request)
            return self.render(
                request,
                "resource.html",
                iri=str(iri),
                rows=linked.rows(graph, iri, lang),
                documents=[(e, f"/{head}/{stem}.{e}") for e in ("ttl", "nt", "jsonld", "rdf")],
            )
        if doc:
            return Response(linked.serialize(linked.describe(graph, iri), ext), media_type=linked.MEDIA[ext])
        want = linked.negotiate(request.headers.get("accept", ""))
        if want is None:
            return self.message(request, 406, "not_found")
        if want != "html":  # answered directly, naming the document it is (curl without -L gets the triples)
            return self._rdf(request, linked.describe(graph, iri), want, f"/{path}")
        return RedirectResponse(linked.page_of(path) or f"/{path}.html", status_code=303, headers={"Vary": "Accept"})

    async def favicon(self, request: Request):
        return Response(
            (HERE / "static" / "favicon.svg").read_bytes(),
            media_type="image/svg+xml",
            headers={"Cache-Control": "max-age=86400"},
        )

    def routes(self) -> list:
        self._sparql = sparql.endpoint(lambda request: self.pool, self.lang)
        return [
            Route("/", self.index),
            Route("/sok", self.search_page),
            Route("/api/sok", self.search_api),
            Route("/stod", self.support),
            Route("/fragor", self.queries),
            Route("/fraga/{name}.{fmt}", self.download),
            Route("/fraga/{name}", self.query),
            Route("/aktor/{key}", self.entity),
            Route("/natverk/{key}", self.entity),
            Route("/kommun/{key}", self.entity),
            Route("/luckor", self.gaps),
            Route("/luckor/rader", self.gap_rows),
            Route("/kartlaggning", self.state),
            *(
                Route(f"/{page}/{page}.{fmt}", functools.partial(self.page_table, page=page, fmt=fmt))
                for page in ("luckor", "kartlaggning")
                for fmt in ("xlsx", "excel.csv")
            ),
            *(
                Route(f"/luckor/rutan.{fmt}", functools.partial(self.page_table, page="rutan", fmt=fmt))
                for fmt in ("xlsx", "excel.csv")
            ),
            Route("/runda", self.round_page),
            Route("/forandringar", self.round_page),
            Route("/karta", self.map_page),
            Route("/karta/visa", self.map_view),
            Route("/rapport", self.report_page),
            Route("/rapport/visa", self.report_view),
            Route("/rapport/graphmap-rapport.html", self.report_view),
            Route("/rapport/graphmap-rapport-luckor.png", self.report_png),
            Route("/rapport/graphmap-rapport-gaps.png", self.report_png),
            Route("/data", self.data_page),
            Route("/data/{name}", self.export),
            Route("/sparql", self.sparql_page_or_query, methods=["GET", "POST"]),
            Route("/sparql", self.preflight, methods=["OPTIONS"]),
            Route("/catalog", self.catalog),
            Route("/.well-known/void", self.catalog),
            Route("/def", self.ontology),
            Route("/def.{ext}", self.ontology),
            Route("/id/{path:path}", self.resource),
            Route("/vocab/{path:path}", self.resource),
            Route("/sparql/update", sparql.update_refused, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
            Route("/update", sparql.update_refused, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
            Route("/favicon.ico", self.favicon),
            *(self.answers.routes() if self.answers is not None else []),
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        ]


def own_base(request: Request) -> str:
    """The server's own address (the socket it listens on), never the client's ``Host`` header: the
    base of the access URLs in the catalogue record and the service description."""
    host, port = request.scope.get("server") or ("127.0.0.1", 80)
    host = f"[{host}]" if ":" in str(host) else host
    return f"{request.url.scheme}://{host}:{port}/"


def self_contained(html: str, download: str | None = None) -> HTMLResponse:
    """A self-contained page (the map, the report): its own ``<meta>`` policy, sent as the header
    with ``frame-ancestors 'self'`` (which a ``<meta>`` policy cannot carry), optionally as a download."""
    found = META_CSP.search(html[:4096])
    policy = htmllib.unescape(found.group(1)) + "; frame-ancestors 'self'" if found else CSP
    headers = {"Content-Security-Policy": policy}
    if download:
        headers["Content-Disposition"] = f'attachment; filename="{download}"'
    return HTMLResponse(html, headers=headers)


def own_path(path: str) -> str:
    r"""A path of this site, whatever the request's path began with: ``//other.example/`` (or
    ``/\other.example``, which browsers read alike) as a link's start would name another site.

    >>> own_path("//other.example/x"), own_path("/\\other.example"), own_path("/karta")
    ('/other.example/x', '/other.example', '/karta')
    """
    return "/" + path.lstrip("/\\")


def own_address(scope) -> bytes:
    """The server's own address, as the ``Host`` every URL is built from: the configured one
    (``app.state.origin``), else the local end of the connection; never the request's ``Host``."""
    app = scope.get("app")
    origin = getattr(getattr(app, "state", None), "origin", None)
    if origin:
        return origin.encode()
    host, port = scope.get("server") or ("127.0.0.1", 80)
    return (f"[{host}]:{port}" if ":" in host else f"{host}:{port}").encode()


class SecuredStarlette(Starlette):
    """Starlette that adds :data:`SECURITY_HEADERS` to every response a route did not set them on,
    outside every middleware, so that errors (404, 405, 500 …) and static files carry them too; and
    that builds every URL (redirects, the SPARQL page's endpoint) from the server's own address
    (:func:`own_address`): a forged ``Host`` header redirects nowhere else."""

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        scope = dict(scope, app=self)
        scope["headers"] = [(k, v) for k, v in scope.get("headers", []) if k not in (b"host", b"x-forwarded-host")]
        scope["headers"].append((b"host", own_address(scope)))

        async def secured(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if scope["path"].startswith(CORS_PATHS):
                    for name, value in CORS_HEADERS.items():
                        headers.setdefault(name, value)
            await send(message)

        await super().__call__(scope, receive, secured)


def create_app(
    kg: KnowledgeGraph,
    *,
    lang: str = "sv",
    include_personal: bool = False,
    sparql_workers: int = 2,
    sparql_timeout: float = 10.0,
    sparql_limit: int = 10_000,
    sparql_query_bytes: int = 100_000,
    sparql_result_bytes: int = 64_000_000,
    sparql_memory: float = 1024.0,
    sparql_queue: int = 8,
    sparql_answers_mb: float = 256.0,
    cache_mb: float = 256.0,
    contact_email: str | None = None,
    previous: KnowledgeGraph | None = None,
    round_folder=None,
    public_url: str | None = None,
    answer_limits: dict | None = None,
) -> Starlette:
    """The web app for ``kg``; without ``include_personal`` it serves a copy without personal data.

    The SPARQL worker processes start with the app and stop with it (ASGI lifespan); at most
    ``sparql_workers`` queries run and ``sparql_queue`` more wait, further ones get 503. Maps,
    answers and tables are cached up to ``cache_mb`` MB. ``/forandringar`` compares the graph with
    ``previous`` (an earlier data version), if given. ``/catalog`` names ``contact_email`` (a
    functional address) as the contact point's e-mail, which DCAT-AP-SE requires. With
    ``round_folder`` the round's answer pages are open behind their private links
    (:mod:`graphmap.serve.answer_pages`; ``public_url`` the address the proxy publishes,
    ``answer_limits`` the bounds on guessing: ``per_address``, ``overall``, ``window`` seconds).
    """
    site = Site(
        kg,
        include_personal=include_personal,
        lang=lang if lang in LANGS else "sv",
        cache_bytes=int(cache_mb * 1_000_000),
    )
    holder = App(site, None, previous)
    holder.contact_email = contact_email
    if round_folder is not None:
        from graphmap.serve.answer_pages import AnswerPages

        holder.answers = AnswerPages(holder, round_folder, public_url=public_url, **(answer_limits or {}))

    @contextlib.asynccontextmanager
    async def lifespan(app):
        holder.pool = sparql.QueryPool(
            site.kg.graph,
            workers=sparql_workers,
            timeout=sparql_timeout,
            limit=sparql_limit,
            query_bytes=sparql_query_bytes,
            result_bytes=sparql_result_bytes,
            memory=sparql_memory,
            waiting=sparql_queue,
            held_bytes=int(sparql_answers_mb * 1_000_000),
        )
        try:
            yield
        finally:
            holder.pool.close()

    async def not_found(request: Request, exc: HTTPException):
        if exc.status_code == 404:
            return holder.message(request, 404, "not_found")
        return Response(str(exc.detail), status_code=exc.status_code, headers=getattr(exc, "headers", None))

    app = SecuredStarlette(routes=holder.routes(), lifespan=lifespan, exception_handlers={HTTPException: not_found})
    app.state.site = site
    app.state.holder = holder
    return app


__all__ = ["create_app", "App", "json"]
