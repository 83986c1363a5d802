"""The web app's downloads: a named query's answer as CSV or JSON (for programs), as Excel
(``.xlsx``) and as CSV for Swedish Excel (semicolon, UTF-8 with BOM) — Swedish headers, labels
first, codes after, and in the workbook a sheet saying what the data is and where it comes from —
and the served graph as Turtle, JSON-LD, GraphML, GEXF, a zip of CSV files (:mod:`graphmap.export`)
or one workbook of its actors and links.

>>> import graphmap
>>> from graphmap.api import run_query
>>> result = run_query(graphmap.build(), "coverage", municipality="Umeå")
>>> csv_bytes(result, "sv").decode("utf-8-sig").split(",")[:2]
['actor', 'actor_label']
>>> json.loads(json_bytes(result, "en"))["query"]
'coverage'
>>> excel_csv_bytes(result, "sv").decode("utf-8-sig").splitlines()[0].split(";")[:2]
['Aktör', 'Nivå']
"""
from __future__ import annotations

import io
import json
from functools import lru_cache

from graphmap.api import QueryResult
from graphmap.i18n import t
from graphmap.ontology import code_of
from graphmap.tabular import csv_text, xlsx_bytes as workbook

EXPORTS = {"graphmap.ttl": ("text/turtle; charset=utf-8", "Turtle"),
           "graphmap.jsonld": ("application/ld+json", "JSON-LD"),
           "graphmap.graphml": ("application/graphml+xml", "GraphML (Gephi, yEd, networkx)"),
           "graphmap.gexf": ("application/gexf+xml", "GEXF (Gephi)"),
           "graphmap-csv.zip": ("application/zip", "CSV: nodes.csv + edges.csv (Gephi)"),
           "graphmap.xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             "Excel: aktörer och kopplingar / actors and links")}
"""File name -> (media type, label) of every data download."""


def csv_bytes(result: QueryResult, lang: str) -> bytes:
    """A query's presented rows as CSV (UTF-8 with a byte-order mark, for spreadsheet programs)."""
    rows = result.present(lang)
    keys = list(rows[0].keys()) if rows else [c.name for c in result.query.columns]
    return ("\ufeff" + csv_text(rows, keys)).encode("utf-8")


def excel_table(result: QueryResult, lang: str) -> tuple[list[str], list[list]]:
    """A query's answer as a spreadsheet table: a column per query column headed by its label in
    ``lang``, holding the label; then for each column that holds a term its code (the last part
    of the IRI: SCB code, slug, concept notation), headed "<label> (kod)"."""
    specs = result.query.columns
    coded = [c for c in specs if c.labelled]
    header = [c.label(lang) for c in specs] + [f"{c.label(lang)} {t('pages.code_suffix', lang)}" for c in coded]
    rows = []
    for item in result.present(lang):
        shown = [item.get(c.display_key) if c.display_key in item else item.get(c.name) for c in specs]
        rows.append([_cell(v) for v in shown] + [code_of(item.get(c.name)) if item.get(c.name) else ""
                                                 for c in coded])
    return header, rows


def _cell(value):
    if isinstance(value, bool):
        return str(value).lower()
    return value if isinstance(value, (int, float)) else ("" if value is None else str(value))


def excel_csv_bytes(result: QueryResult, lang: str) -> bytes:
    """A query's answer as CSV for Swedish Excel: semicolons, UTF-8 with a byte-order mark, the
    :func:`excel_table` columns."""
    header, rows = excel_table(result, lang)
    keys = [str(i) for i in range(len(header))]
    return ("\ufeff" + csv_text([dict(zip(keys, r)) for r in rows], keys, header, delimiter=";")).encode("utf-8")


def about_rows(result: QueryResult, lang: str, personal: bool = False) -> list[list[str]]:
    """The "about the data" sheet: which question, with which choices, how many rows, from where."""
    import datetime as _dt

    params = ", ".join(f"{p.label(lang)}: {result.kg.label(result.params[p.name], lang)}"
                       for p in result.query.params if result.params.get(p.name) is not None)
    return [[t("pages.about_title", lang), result.query.title_in(lang)],
            [t("pages.about_description", lang), result.query.description_in(lang)],
            [t("pages.about_params", lang), params or "–"],
            [t("pages.about_rows", lang), str(len(result.rows))],
            [t("pages.about_source", lang), t("pages.about_source_text", lang)],
            [t("pages.about_personal", lang), t("pages.about_personal_yes" if personal else "pages.about_personal_no", lang)],
            [t("pages.about_date", lang), _dt.date.today().isoformat()]]


def xlsx_bytes(result: QueryResult, lang: str, personal: bool = False) -> bytes:
    """A query's answer as an Excel workbook: the :func:`excel_table` sheet and :func:`about_rows`."""
    header, rows = excel_table(result, lang)
    return workbook([(t("pages.data_sheet", lang), header, rows),
                     (t("pages.about_sheet", lang), [t("pages.about_what", lang), t("pages.about_value", lang)],
                      about_rows(result, lang, personal))])


def json_bytes(result: QueryResult, lang: str) -> bytes:
    """A query's name, bound parameters, columns and presented rows as JSON."""
    payload = {"query": result.query.name, "params": {k: str(v) for k, v in result.params.items()},
               "columns": [c.name for c in result.query.columns], "rows": result.present(lang)}
    return json.dumps(payload, ensure_ascii=False, indent=1, default=str).encode("utf-8")


class Downloads:
    """The downloads part of :class:`graphmap.serve.site.Site` (needs ``kg``, ``lang`` and
    ``include_personal``)."""

    EXPORTS = EXPORTS
    csv_bytes = staticmethod(csv_bytes)
    json_bytes = staticmethod(json_bytes)
    excel_csv_bytes = staticmethod(excel_csv_bytes)

    def xlsx_bytes(self, result: QueryResult, lang: str) -> bytes:
        return xlsx_bytes(result, lang, self.include_personal)

    def exports(self) -> list[tuple[str, str]]:
        """(file name, label) of the data downloads."""
        return [(name, label) for name, (_media, label) in self.EXPORTS.items()]

    @lru_cache(maxsize=8)
    def export_bytes(self, name: str) -> tuple[bytes, str] | None:
        """A download of the served graph (already without personal data unless asked for)."""
        if name not in self.EXPORTS:
            return None
        from graphmap import export

        graph, personal = self.kg.graph, self.include_personal
        if name == "graphmap.ttl":
            body = export.to_turtle(graph, personal)
        elif name == "graphmap.jsonld":
            body = export.to_jsonld(graph, personal)
        elif name == "graphmap.graphml":
            body = export.to_graphml(export.network(graph, self.lang, personal), personal)
        elif name == "graphmap.gexf":
            body = export.to_gexf(export.network(graph, self.lang, personal), personal)
        elif name == "graphmap.xlsx":
            body = network_workbook(export.network(graph, self.lang, personal), self.lang, personal)
        else:
            import zipfile
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for fname, data in export.to_csv(export.network(graph, self.lang, personal), personal).items():
                    zf.writestr(f"graphmap-csv/{fname}", data)
            body = buf.getvalue()
        return body, self.EXPORTS[name][0]


def network_workbook(net, lang: str, personal: bool = False) -> bytes:
    """The graph's actors and links (:func:`graphmap.export.network`) as one workbook with Swedish
    (or English) headers, labels first and codes after, and a sheet about the data."""
    from graphmap.export import STATEMENT

    node_cols = [("label", "report.actor"), ("type", "report.type"), ("level", "report.level"),
                 ("county", "report.county"), ("area", "report.area"), ("support", "report.kind"),
                 ("type_code", None), ("level_code", None), ("scb_code", None), ("iri", None)]
    head = [t(key, lang) if key else f"{col} {t('pages.code_suffix', lang)}" for col, key in node_cols]
    nodes = [[str(attrs.get(col, "") or "") for col, _ in node_cols] for _n, attrs in net.nodes(data=True)]
    edge_head = [t("pages.about_source", lang), t("report.actor", lang), t("pages.edges_sheet", lang),
                 f"{t('pages.about_source', lang)} {t('pages.code_suffix', lang)}",
                 f"{t('report.actor', lang)} {t('pages.code_suffix', lang)}"]
    edges = [[net.nodes[s].get("label", s), net.nodes[o].get("label", o), attrs.get(f"label_{lang}") or attrs.get("label", ""),
              s, o] for s, o, attrs in net.edges(data=True)]
    about = [[t("pages.about_what", lang), t("pages.about_value", lang)],
             [t("pages.nodes_sheet", lang), str(len(nodes))], [t("pages.edges_sheet", lang), str(len(edges))],
             [t("pages.about_source", lang), t("pages.about_source_text", lang)],
             [t("pages.about_personal", lang), STATEMENT[personal][lang]]]
    return workbook([(t("pages.nodes_sheet", lang), head, nodes), (t("pages.edges_sheet", lang), edge_head, edges),
                     (t("pages.about_sheet", lang), about[0], about[1:])])


__all__ = ["Downloads", "EXPORTS", "csv_bytes", "json_bytes", "excel_csv_bytes", "xlsx_bytes", "excel_table",
           "network_workbook"]
