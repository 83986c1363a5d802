"""The one set of numbers: what the start page, the web report and the CLI report count.

The landscape is counted once, here, from the graph a reader is shown (without personal data
unless asked for, :func:`shown`) and the map's projection (:func:`graphmap.viz.build_view`):
every actor and network once, under its one type (the map's) and level, so the types add up to
the total; the triples of the shown graph; the facts per confidence (internal query
``report-confidence``). :func:`graphmap.report.report_data` and the web app's start page
(:meth:`graphmap.serve.pages.Pages.summary`) both call :func:`landscape`.

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> numbers = landscape(shown(kg))
>>> numbers["summary"]["total"] == sum(r["total"] for r in numbers["summary"]["rows"]) == sum(numbers["summary"]["totals"])
True
>>> numbers["triples"] < len(kg.store)  # the shown graph has no personal data
True
"""

from __future__ import annotations

from collections import Counter

from graphmap.api import KnowledgeGraph, run_query
from graphmap.i18n import lang_key, sv_sort_key
from graphmap.ontology import code_of
from graphmap.privacy import personal_resources, strip_personal
from graphmap.vocab import vocabularies


def shown(kg: KnowledgeGraph, include_personal: bool = False) -> KnowledgeGraph:
    """The graph a reader is shown: ``kg`` itself with personal data asked for or none in it,
    else a copy without personal data (what the web app serves)."""
    if include_personal or not personal_resources(kg.graph):
        return kg
    return KnowledgeGraph(strip_personal(kg.graph))


def type_level_table(view: dict) -> dict:
    """Actors and networks of a map view per type (rows) and level (columns), with totals."""
    counts: Counter = Counter()
    types: dict[str, str] = {}
    for n in view["nodes"]:
        counts[(n["type"], n["level"])] += 1
        types.setdefault(n["type"], n["type_label"] or n["type"])
    order = [c.notation for c in vocabularies().concepts("level")]
    levels = [lv for lv in order if any(k[1] == lv for k in counts)]
    level_labels = {n["level"]: n["level_label"] for n in view["nodes"]}
    rows = []
    for kind, label in sorted(types.items(), key=lambda kv: sv_sort_key(kv[1])):
        cells = [counts.get((kind, lv), 0) for lv in levels]
        rows.append({"label": label, "cells": cells, "total": sum(cells)})
    totals = [sum(counts.get((kind, lv), 0) for kind in types) for lv in levels]
    return {"levels": [level_labels.get(lv, lv) for lv in levels], "rows": rows, "totals": totals, "total": sum(totals)}


def confidence_counts(kg: KnowledgeGraph, lang: str = "sv") -> list[dict]:
    """The number of facts (records) per confidence, in the vocabulary's order: label, code, n."""
    found = {code_of(r["confidence"]): (r["confidence"], int(r["n"])) for r in run_query(kg, "report-confidence").rows}
    return [
        {"label": kg.label(found[code][0], lang), "code": code, "n": found[code][1]}
        for code in vocabularies().surest_first("confidence", found)
    ]


def landscape(kg: KnowledgeGraph, lang: str = "sv", view: dict | None = None) -> dict:
    """The counts of ``kg`` (already :func:`shown`): the type × level table of the map's view
    (the whole country unless ``view`` is given), the triples and the facts per confidence."""
    from graphmap.viz import build_view

    lang = lang_key(lang)
    view = view if view is not None else build_view(kg, lang=lang)
    return {"summary": type_level_table(view), "triples": len(kg.store), "confidence": confidence_counts(kg, lang)}


__all__ = ["landscape", "shown", "type_level_table", "confidence_counts"]
