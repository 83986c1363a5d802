"""The web app's downloads: a named query's answer as CSV or JSON, and the served graph as
Turtle, JSON-LD, GraphML, GEXF or a zip of CSV files (:mod:`graphmap.export`).

>>> import graphmap
>>> from graphmap.api import run_query
>>> result = run_query(graphmap.build(), "coverage", municipality="Umeå")
>>> csv_bytes(result, "sv").decode("utf-8-sig").split(",")[:2]
['actor', 'actor_label']
>>> json.loads(json_bytes(result, "en"))["query"]
'coverage'
"""
from __future__ import annotations

import io
import json
from functools import lru_cache

from graphmap.api import QueryResult
from graphmap.tabular import csv_text

EXPORTS = {"graphmap.ttl": ("text/turtle; charset=utf-8", "Turtle"),
           "graphmap.jsonld": ("application/ld+json", "JSON-LD"),
           "graphmap.graphml": ("application/graphml+xml", "GraphML (Gephi, yEd, networkx)"),
           "graphmap.gexf": ("application/gexf+xml", "GEXF (Gephi)"),
           "graphmap-csv.zip": ("application/zip", "CSV: nodes.csv + edges.csv (Gephi)")}
"""File name -> (media type, label) of every data download."""


def csv_bytes(result: QueryResult, lang: str) -> bytes:
    """A query's presented rows as CSV (UTF-8 with a byte-order mark, for spreadsheet programs)."""
    rows = result.present(lang)
    keys = list(rows[0].keys()) if rows else [c.name for c in result.query.columns]
    return ("\ufeff" + csv_text(rows, keys)).encode("utf-8")


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
        else:
            import zipfile
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for fname, data in export.to_csv(export.network(graph, self.lang, personal), personal).items():
                    zf.writestr(f"graphmap-csv/{fname}", data)
            body = buf.getvalue()
        return body, self.EXPORTS[name][0]


__all__ = ["Downloads", "EXPORTS", "csv_bytes", "json_bytes"]
