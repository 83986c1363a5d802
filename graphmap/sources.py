"""The source documents behind the facts: one answer for the map, the report and the web app.

>>> import graphmap
>>> kg = graphmap.build()
>>> info = source_info(kg)
>>> src = "https://w3id.org/graphmap/id/fyrbodal/sources/verksamhetsplan-2023"
>>> str(info[src][0])
'Verksamhetsplan FoU-Socialtjänst Fyrbodal 2023'
>>> source_label(kg, src, info)
'Verksamhetsplan FoU-Socialtjänst Fyrbodal 2023 (FoU Fyrbodal, 2023-02-27)'
"""
from __future__ import annotations


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


__all__ = ["source_info", "source_label"]
