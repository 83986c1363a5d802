"""The web app's downloads: a named query's answer as CSV or JSON (for programs), as Excel
(``.xlsx``) and as CSV for Swedish Excel (semicolon, UTF-8 with BOM) — Swedish headers, labels
first, codes after, and in the workbook a sheet saying what the data is and where it comes from —
and the served graph as Turtle, JSON-LD, GraphML, GEXF, a zip of CSV files (:mod:`graphmap.export`)
or one workbook of its actors and links.

>>> import graphmap
>>> from graphmap.api import run_query
>>> kg = graphmap.build()  # doctest: +SKIP
>>> result = run_query(kg, "coverage", municipality="Umeå")
>>> csv_bytes(result, "sv").decode("utf-8-sig").split(",")[:2]
['actor', 'actor_label']
>>> json.loads(json_bytes(result, "en"))["query"]
'coverage'
>>> excel_csv_bytes(result, "sv").decode("utf-8-sig").splitlines()[0].split(";")[:2]
['Aktör', 'Roll']
"""

from __future__ import annotations

import io
import json

from graphmap.api import QueryResult, answer_note
from graphmap.i18n import sv_sort_key, t
from graphmap.ontology import code_of
from graphmap.serve.cache import per_instance_cache
from graphmap.tabular import MANY as tabular_many, csv_text, xlsx_bytes as workbook

EXPORTS = {
    "graphmap.ttl": ("text/turtle; charset=utf-8", "Turtle"),
    "graphmap.jsonld": ("application/ld+json", "JSON-LD"),
    "graphmap.graphml": ("application/graphml+xml", "GraphML (Gephi, yEd, networkx)"),
    "graphmap.gexf": ("application/gexf+xml", "GEXF (Gephi)"),
    "graphmap-csv.zip": ("application/zip", "CSV: nodes.csv + edges.csv (Gephi)"),
    "graphmap.xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel: aktörer och kopplingar / actors and links",
    ),
}
"""File name -> (media type, label) of every data download."""


#: how every download writes several values in one cell (a gathered column: an actor's kinds of
#: support, its sources …): the machine CSV, the Excel CSV and the workbook alike; JSON keeps a list
MANY = tabular_many  # several values in one cell, as every CSV writes them (graphmap.tabular.MANY)


def joined(value, each=str) -> str:
    """One cell for a value that may be several: ``each`` of every value, joined by :data:`MANY`.

    >>> joined(["https://a.se/x", "https://b.se/y"]), joined("https://a.se/x"), joined(None)
    ('https://a.se/x; https://b.se/y', 'https://a.se/x', '')
    >>> joined(["https://w3id.org/graphmap/vocab/support/samverkan", "https://w3id.org/graphmap/vocab/support/stod"], code_of)
    'samverkan; stod'
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return MANY.join(each(v) for v in value if v is not None)
    return each(value)


def csv_bytes(result: QueryResult, lang: str) -> bytes:
    """A query's presented rows as CSV (UTF-8 with a byte-order mark, for spreadsheet programs);
    several values in one cell joined by :data:`MANY`, never a list's Python text."""
    rows = [{k: joined(v) if isinstance(v, (list, tuple)) else v for k, v in r.items()} for r in result.present(lang)]
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
        # a gathered column holds several terms: every code of the row, joined as its labels are
        rows.append([_cell(v) for v in shown] + [joined(item.get(c.name), code_of) for c in coded])
    return header, rows


def _cell(value):
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, tuple)):
        return joined(value)
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

    params = ", ".join(
        f"{p.label(lang)}: {result.kg.label(result.params[p.name], lang)}"
        for p in result.query.params
        if result.params.get(p.name) is not None
    )
    rows = [
        [t("pages.about_title", lang), result.query.title_in(lang)],
        [t("pages.about_description", lang), result.query.description_in(lang)],
        [t("pages.about_params", lang), params or "–"],
        [t("pages.about_rows", lang), str(len(result.rows))],
        [t("pages.about_source", lang), t("pages.about_source_text", lang)],
        [
            t("pages.about_personal", lang),
            t("pages.about_personal_yes" if personal else "pages.about_personal_no", lang),
        ],
        [t("pages.about_date", lang), _dt.date.today().isoformat()],
    ]
    note = answer_note(result, lang)  # an answer about a municipality: what the map does not know about it
    return rows + ([[t("pages.about_not_known", lang), note]] if note else [])


def xlsx_bytes(result: QueryResult, lang: str, personal: bool = False) -> bytes:
    """A query's answer as an Excel workbook: the :func:`excel_table` sheet and :func:`about_rows`."""
    header, rows = excel_table(result, lang)
    return workbook(
        [
            (t("pages.data_sheet", lang), header, rows),
            (
                t("pages.about_sheet", lang),
                [t("pages.about_what", lang), t("pages.about_value", lang)],
                about_rows(result, lang, personal),
            ),
        ]
    )


def json_bytes(result: QueryResult, lang: str) -> bytes:
    """A query's name, bound parameters, columns and presented rows as JSON."""
    payload = {
        "query": result.query.name,
        "params": {k: str(v) for k, v in result.params.items()},
        "columns": [c.name for c in result.query.columns],
        "rows": result.present(lang),
    }
    note = answer_note(result, lang)
    if note:  # an answer about a municipality: what the map does not know about it
        payload["not_known"] = note
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

    @per_instance_cache(maxsize=8)
    def export_bytes(self, name: str) -> tuple[bytes, str] | None:
        """A download of the served graph (already without personal data unless asked for)."""
        if name not in self.EXPORTS:
            return None
        from graphmap import export
        from graphmap.ontology import expand

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
            body = network_workbook(
                export.network(graph, self.lang, personal),
                self.lang,
                personal,
                link_facts(self.kg, self.lang),
                lambda name: str(expand(name)),
            )
        else:
            import zipfile

            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for fname, data in export.to_csv(export.network(graph, self.lang, personal), personal).items():
                    zf.writestr(f"graphmap-csv/{fname}", data)
            body = buf.getvalue()
        return body, self.EXPORTS[name][0]


def page_table_bytes(
    title: str, header: list[str], rows: list[list], fmt: str, lang: str, notes: tuple[str, ...] = ()
) -> bytes:
    """A table a page shows that is no named query's answer (the gap matrix, the state of the map)
    as ``xlsx`` (the table and a sheet about it, with the page's ``notes``: how to read the cells)
    or ``excel.csv`` (semicolons, UTF-8 with BOM).

    >>> page_table_bytes("T", ["Län", "n"], [["Skåne", 3]], "excel.csv", "sv").decode("utf-8-sig").splitlines()
    ['Län;n', 'Skåne;3']
    """
    rows = [[_cell(v) for v in row] for row in rows]
    if fmt == "excel.csv":
        keys = [str(i) for i in range(len(header))]
        return ("\ufeff" + csv_text([dict(zip(keys, r)) for r in rows], keys, header, delimiter=";")).encode("utf-8")
    import datetime as _dt

    about = [
        [t("pages.about_title", lang), title],
        [t("pages.about_rows", lang), str(len(rows))],
        [t("pages.about_source", lang), t("pages.about_source_text", lang)],
        [t("pages.about_date", lang), _dt.date.today().isoformat()],
    ]
    about += [[t("pages.about_note", lang), note] for note in notes]
    return workbook(
        [
            (t("pages.data_sheet", lang), header, rows),
            (t("pages.about_sheet", lang), [t("pages.about_what", lang), t("pages.about_value", lang)], about),
        ]
    )


def link_facts(kg, lang: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(from, relation IRI, to) of every direct link -> (its confidence's label, its sources' titles
    joined by :data:`MANY`): :func:`graphmap.api.link_confidence` and :func:`graphmap.api.link_sources`
    (the records that give the link, one answer)."""
    from rdflib import DCTERMS, URIRef

    from graphmap.api import link_confidence, link_sources

    def title(src) -> str:
        return str(kg.graph.value(URIRef(src), DCTERMS.title) or kg.label(src, lang))

    sure, sources = link_confidence(kg), link_sources(kg)
    return {
        k: (
            kg.label(URIRef(sure[k]), lang) if k in sure else "",
            MANY.join(sorted({title(s) for s in sources.get(k, ())}, key=sv_sort_key)),
        )
        for k in set(sources) | set(sure)
    }


def network_workbook(net, lang: str, personal: bool = False, links: dict | None = None, expand=None) -> bytes:
    """The graph's actors and links (:func:`graphmap.export.network`) as one workbook with Swedish
    (or English) headers, labels first and codes after, and a sheet about the data. The links' sheet
    reads from / to / relation / confidence / source (``links``: :func:`link_facts`; ``expand``
    turns the network's compact relation names into IRIs)."""
    from graphmap.export import STATEMENT

    node_cols = [
        ("label", "report.actor"),
        ("type", "report.type"),
        ("level", "report.level"),
        ("county", "report.county"),
        ("area", "report.area"),
        ("support", "report.kind"),
        ("type_code", None),
        ("level_code", None),
        ("scb_code", None),
        ("iri", None),
    ]
    head = [t(key, lang) if key else f"{col} {t('pages.code_suffix', lang)}" for col, key in node_cols]
    nodes = [[str(attrs.get(col, "") or "") for col, _ in node_cols] for _n, attrs in net.nodes(data=True)]
    code = t("pages.code_suffix", lang)
    edge_head = [
        t("pages.link_from", lang),
        t("pages.link_to", lang),
        t("pages.link_relation", lang),
        t("report.confidence", lang),
        t("report.source", lang),
        f"{t('pages.link_from', lang)} {code}",
        f"{t('pages.link_to', lang)} {code}",
        f"{t('pages.link_relation', lang)} {code}",
    ]
    links = links or {}
    expand = expand or (lambda name: name)
    edges = []
    for s, o, attrs in net.edges(data=True):
        sure, where = links.get((s, expand(attrs.get("relation", "")), o), ("", ""))
        edges.append(
            [
                net.nodes[s].get("label", s),
                net.nodes[o].get("label", o),
                attrs.get(f"label_{lang}") or attrs.get("label", ""),
                sure,
                where,
                s,
                o,
                attrs.get("relation", ""),
            ]
        )
    about = [
        [t("pages.about_what", lang), t("pages.about_value", lang)],
        [t("pages.nodes_sheet", lang), str(len(nodes))],
        [t("pages.edges_sheet", lang), str(len(edges))],
        [t("pages.about_source", lang), t("pages.about_source_text", lang)],
        [t("pages.about_many", lang), t("pages.about_many_text", lang, sep=MANY.strip())],
        [t("pages.about_personal", lang), STATEMENT[personal][lang]],
    ]
    return workbook(
        [
            (t("pages.nodes_sheet", lang), head, nodes),
            (t("pages.edges_sheet", lang), edge_head, edges),
            (t("pages.about_sheet", lang), about[0], about[1:]),
        ]
    )


__all__ = [
    "Downloads",
    "EXPORTS",
    "csv_bytes",
    "json_bytes",
    "excel_csv_bytes",
    "xlsx_bytes",
    "excel_table",
    "network_workbook",
    "link_facts",
    "joined",
    "MANY",
    "page_table_bytes",
]
