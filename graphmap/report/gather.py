"""Gathering the mapping report: everything it shows, as plain strings and numbers.

:func:`report_data` reads the graph through the internal queries ``report-*.rq`` (run by
:func:`graphmap.api.run_query`), the library's answers (:func:`graphmap.api.gap_matrix`,
:func:`graphmap.api.brokers`, :func:`graphmap.sources.source_info`, chains from
:mod:`graphmap.analysis`) and the map's view model (:func:`graphmap.viz.build_view`); the texts
come from the catalogue (``report.*`` keys, :func:`graphmap.i18n.t`). Rendering is
:mod:`graphmap.report.render`, the PNG :mod:`graphmap.report.png`.

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> data = report_data(kg, county="Västerbotten")
>>> len(data["gaps"]["areas"]), len(data["gaps"]["columns"]), data["scope"]
(19, 15, 'Län: Västerbottens län')
>>> cell_colour(0.0), cell_colour(1.0)
('#f4a5a5', '#9fd89f')
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict

from rdflib import URIRef

from graphmap import analysis
from graphmap.answers import support
from graphmap.api import (
    brokers,
    data_version,
    gap_matrix,
    map_state,
    not_known_groups,
    run_query,
    stale_sources,
    where_text,
)
from graphmap.i18n import lang_key, sv_sort_key, t
from graphmap.ontology import code_of, concept_iri
from graphmap.report.counts import confidence_counts, landscape, shown
from graphmap.report.scope import county_facts
from graphmap.sources import source_info
from graphmap.viz import build_view
from graphmap.viz.gapstyle import NOT_MAPPED_COLOUR, cell_colour, look  # noqa: F401 - cell_colour re-exported
from graphmap.vocab import vocabularies

MAX_CHAIN_PATHS = 6


def _levels() -> list[str]:
    """The levels' codes in the vocabulary's order (nationell, regional, lokal)."""
    return [c.notation for c in vocabularies().concepts("level")]


def _areas(kg, lang) -> list[tuple[str, str]]:
    """Every concept of the area scheme as (IRI, label), in the order the gap matrix shows them."""
    from graphmap.vocab import vocabularies

    return [(str(c.iri), kg.label(c.iri, lang)) for c in vocabularies().shown_in_order("area")]


def _in_scope(view: dict) -> set:
    return {n["id"] for n in view["nodes"]}


def _support(kg, lang, areas, municipalities: list[str], groups=support.GROUPS) -> list[dict]:
    """Per area: who reaches ``municipalities`` there (:func:`graphmap.answers.support.reach`, the
    answer behind the gap cells), in ``groups``: each actor or network with the municipalities it
    reaches (:func:`graphmap.api.where_text`), its level, kinds of support and confidences (weakest
    first)."""
    layer = kg.support_layer
    rank = vocabularies().rank("confidence")
    order = {str(c.iri): i for i, c in enumerate(vocabularies().concepts("level"))}
    out = []
    for area, label in areas:
        found = support.reach(layer, area, municipalities)
        blocks = []
        for group in groups:
            rows = [
                {
                    "actor": kg.label(URIRef(actor), lang),
                    "level": kg.label(URIRef(item["level"]), lang),
                    "where": where_text(kg, item["municipalities"], lang),
                    "kinds": ", ".join(sorted({kg.label(URIRef(k), lang) for k in item["kinds"]}, key=sv_sort_key)),
                    "confidence": "; ".join(
                        kg.label(URIRef(c), lang) for c in sorted(item["confidences"], key=lambda c: rank.get(c, 9))
                    ),
                    "_order": order.get(item["level"], 9),
                }
                for actor, item in found[group].items()
            ]
            rows.sort(key=lambda r: (r["_order"], sv_sort_key(r["actor"])))
            if rows:
                blocks.append({"heading": t(f"pages.behind.{group}", lang), "group": group, "rows": rows})
        out.append({"area": label, "groups": blocks})
    return out


def _municipalities(kg, county_iri=None) -> list[str]:
    """The municipalities of a county (IRI), or of the whole country."""
    layer = kg.support_layer
    return [m for m, c in layer.county_of.items() if county_iri is None or c == str(county_iri)]


# above this many actors and networks the national report carries the map as a picture only (the
# interactive one is `graphmap viz` and the web app's map): 7.7 of its 10.8 MB at synth scale 10
MAP_EMBED_LIMIT = 1000
# the national report lists this many assumptions per county (all of them are in the county report)
NATIONAL_ASSUMPTIONS = 30


def _per_county(kg, lang, areas, view: dict, assumptions: list[dict]) -> list[dict]:
    """The national report's folded sections: per county its own actors' support per area, its
    municipalities' chains and its assumptions (the national actors' support stays on top)."""
    by_county: dict[str, set] = defaultdict(set)
    for n in view["nodes"]:
        by_county[n["county"] or ""].add(n["id"])
    assumed = {g["region"]: g["items"] for g in assumptions}
    out = []
    for row in run_query(kg, "report-counties").rows:
        code = code_of(row["county"])
        label = kg.label(row["county"], lang)
        support = [
            b
            for b in _support(kg, lang, areas, _municipalities(kg, row["county"]), ("direct", "broad", "networks"))
            if b["groups"]
        ]
        items = assumed.get(label, [])
        out.append(
            {
                "label": label,
                "code": code,
                "support": support,
                "chains": _chains(kg, lang, row["county"]),
                "assumptions": items[:NATIONAL_ASSUMPTIONS],
                "assumptions_total": len(items),
                "assumptions_more": max(0, len(items) - NATIONAL_ASSUMPTIONS),
                "actors": len(by_county.get(code, set())),
            }
        )
    out.sort(key=lambda c: sv_sort_key(c["label"]))
    return out


def _gaps(kg, lang, county_iri) -> dict:
    """The gap matrix (:func:`graphmap.api.gap_matrix`) as the report's table and PNG draw it."""
    matrix = gap_matrix(kg, county=code_of(county_iri) if county_iri is not None else None)
    rows = []
    for area in matrix.areas:
        cells_out = []
        for col in matrix.columns:
            cell = matrix.cell(area, col)
            # share None: not mapped or partly mapped without support found, drawn neutral (never a gap)
            seen = look(cell, matrix.by)
            cells_out.append(
                {
                    "text": cell.mark(matrix.by, lang, needs=False),
                    "share": seen["share"],
                    "colour": seen["colour"],
                    "style": seen["style"],
                    "unmet": cell.unmet_needs if cell.mapped else 0,
                    "needs": cell.needs,
                    "mapped": cell.mapped,
                }
            )
        rows.append({"area": kg.label(URIRef(area), lang), "area_iri": area, "cells": cells_out})
    county_label = kg.label(county_iri, lang) if county_iri is not None else ""
    return {
        "by": matrix.by,
        "areas": [r["area"] for r in rows],
        "title": t(f"gaps.title_{matrix.by}", lang, county=county_label),
        "intro": t(f"gaps.intro_{matrix.by}", lang),
        "not_mapped": t("gaps.not_mapped_note", lang) if matrix.unmapped_columns else "",
        "columns": [{"iri": c, "code": code_of(c), "label": kg.label(URIRef(c), lang)} for c in matrix.columns],
        "rows": rows,
    }


def _state(kg, lang, county_iri) -> dict:
    """The state of the map (:func:`graphmap.api.map_state`) for the report: per county, the
    questions with and without a source and how old the sources are."""
    from graphmap.mapstate import QUESTIONS, STALE_YEARS
    from graphmap.sources import due_summary

    states = map_state(kg)
    due = due_summary(kg, states)
    chosen = [states[str(county_iri)]] if county_iri is not None else list(states.values())
    word = lambda s: t(f"cli.state.{s}", lang)  # noqa: E731 - one catalogue lookup, used per cell
    rows = [
        {
            "county": kg.label(URIRef(s.county), lang),
            "status": s.status,
            "status_text": word(s.status),
            "questions": [{"status": s.questions[q].status, "text": word(s.questions[q].status)} for q in QUESTIONS],
            "sources": s.sources,
            "due": due.by_county.get(s.county, 0) if due.last else "",
        }
        for s in chosen
    ]
    blank = [r["county"] for r in rows if r["status"] == "ej-kartlagd"]
    national = chosen[0].national if chosen else None  # the national pages: one row, counted once
    dated = [s.sources for s in chosen if s.sources.oldest] + (
        [national] if county_iri is None and national and national.oldest else []
    )
    return {
        "questions": [kg.label(concept_iri("mapping-question", q), lang) for q in QUESTIONS],
        "national": {"county": word("national"), "sources": national, "due": due.national if due.last else ""}
        if national and national.count
        else None,
        "due": due.text(lang),
        "rows": rows,
        # a county's report: what is not known about each of its municipalities, grouped
        "not_known": [
            {"text": text, "municipalities": ", ".join(names)} for text, names in not_known_groups(kg, county_iri, lang)
        ]
        if county_iri is not None
        else [],
        "legend": t("cli.state.legend", lang, years=STALE_YEARS),
        "summary": t(
            "report.state_summary",
            lang,
            mapped=sum(r["status"] != "ej-kartlagd" for r in rows),
            n=len(rows),
            blank=", ".join(blank) or "–",
            oldest=min((s.oldest for s in dated if s.oldest), default="–"),
            newest=max((s.newest for s in dated if s.newest), default="–"),
            stale=chosen[0].sources.stale if county_iri is not None else len(stale_sources(kg)),
            years=STALE_YEARS,
        ),
    }


def _step_text(kg, lang, current: str, step) -> tuple[str, str]:
    """One chain step seen from ``current``: (arrow text, next node)."""
    s, r, o = (str(x) for x in step)
    rel = kg.label(URIRef(r), lang)
    if s == current:
        return f"— {rel} →", o
    return f"← {rel} —", s


def _chains(kg, lang, county_iri) -> dict:
    """Municipalities grouped by their chains to the national level."""
    rows = run_query(kg, "report-municipalities").rows
    if county_iri is not None:
        rows = [r for r in rows if str(r["county"]) == str(county_iri)]
    rows.sort(key=lambda r: str(r["code"]))
    groups: dict[tuple, list[str]] = defaultdict(list)
    without: dict[str, list[str]] = defaultdict(list)
    me = t("report.the_municipality", lang)
    for r in rows:
        start = str(r["m"])
        paths = analysis.chain_paths(kg.link_graph, start)
        name = kg.label(r["m"], lang)
        if not paths:
            without[kg.label(r["county"], lang)].append(name)
            continue
        texts = []
        for path in paths:
            cur, parts = start, [me]
            for step in path:
                arrow, cur = _step_text(kg, lang, cur, step)
                parts += [arrow, kg.label(URIRef(cur), lang)]
            texts.append(" ".join(parts))
        groups[tuple(sorted(set(texts), key=sv_sort_key))].append(name)
    out = []
    for chains, munis in sorted(groups.items(), key=lambda kv: (-len(kv[1]), sv_sort_key(kv[1][0]))):
        shown = list(chains[:MAX_CHAIN_PATHS])
        out.append({"municipalities": sorted(munis, key=sv_sort_key), "paths": shown, "more": len(chains) - len(shown)})
    return {
        "groups": out,
        "without": [
            {"county": c, "municipalities": sorted(m, key=sv_sort_key)}
            for c, m in sorted(without.items(), key=lambda kv: sv_sort_key(kv[0]))
        ],
    }


def _brokers(kg, lang, scope: set, county_iri) -> list[dict]:
    out = []
    for r in brokers(kg):
        if county_iri is not None and r["actor"] not in scope:
            continue
        out.append(
            {
                "actor": kg.label(URIRef(r["actor"]), lang),
                "level": kg.label(URIRef(r["level"]), lang),
                "levels": r["levels"],
                "counties": r["counties"],
                "neighbours": r["neighbours"],
                "betweenness": f"{r['betweenness']:.3f}",
            }
        )
    out.sort(key=lambda r: (-float(r["betweenness"]), -r["levels"], sv_sort_key(r["actor"])))
    return out[:20]


def _sources(kg, lang, facts: list[dict] | None = None) -> dict:
    """The sources and the facts per confidence: of the whole graph, or of ``facts`` only
    (:func:`graphmap.report.scope.county_facts`, a county report's own)."""
    info = source_info(kg)
    docs = {str(r["source"]): (r.get("document"), r.get("url")) for r in run_query(kg, "report-source-docs").rows}
    conf_iris = {}
    facts_of: dict[str, Counter] = defaultdict(Counter)
    rows_in = run_query(kg, "report-source-facts").rows if facts is None else [dict(f, n=1) for f in facts]
    for r in rows_in:
        conf = code_of(r.get("confidence")) or "-"
        if r.get("confidence") is not None:
            conf_iris[conf] = r["confidence"]
        facts_of[str(r["source"])][conf] += int(r["n"])
    confidences = vocabularies().surest_first("confidence", conf_iris)
    rows = []
    listed = set(info) | set(facts_of) if facts is None else set(facts_of)
    for src in sorted(listed, key=lambda s: sv_sort_key(str((info.get(s) or (s,))[0]))):
        title, date, publisher = info.get(src, (None, None, None))
        _document, url = docs.get(src, (None, None))  # a source's address, never its seed file name
        rows.append(
            {
                "title": str(title) if title else kg.label(URIRef(src), lang),
                "publisher": str(publisher or ""),
                "date": str(date or ""),
                "url": str(url) if str(url or "").startswith(("http://", "https://")) else "",
                "counts": [facts_of[src].get(c, 0) for c in confidences],
                "total": sum(facts_of[src].values()),
            }
        )
    if facts is None:
        totals = {c["code"]: c["n"] for c in confidence_counts(kg, lang)}
    else:
        totals = Counter(code_of(f["confidence"]) for f in {f["record"]: f for f in facts}.values() if f["confidence"])
    return {
        "confidences": [kg.label(conf_iris[c], lang) for c in confidences],
        "rows": rows,
        "totals": [
            {"label": kg.label(conf_iris[c], lang) if c in conf_iris else c, "n": totals.get(c, 0)} for c in confidences
        ],
    }


# the record classes an assumption sentence is written for, in the order a record with several types is read
ASSUMPTION_KINDS = (
    ("http://www.w3.org/ns/org#Membership", "membership"),
    ("https://w3id.org/graphmap/def#Coverage", "coverage"),
    ("https://w3id.org/graphmap/def#Relation", "relation"),
    ("https://w3id.org/graphmap/def#SupportOffer", "offer"),
    ("https://w3id.org/graphmap/def#MappingState", "mapping"),
    ("http://www.w3.org/ns/org#ChangeEvent", "change"),
)


def _mid(text: str) -> str:
    """A label as it reads inside a sentence: "Processtöd" -> "processtöd", "RSS" stays."""
    return text[:1].lower() + text[1:] if len(text) > 1 and text[1:2].islower() else text


def _assumptions(kg, lang, county_iri) -> list[dict]:
    """The facts marked assumed, as readable sentences (with why they are assumed) grouped by
    county, national and county-less ones last (internal query ``report-assumed-facts``).

    >>> import graphmap
    >>> kg = graphmap.build()  # doctest: +SKIP
    >>> groups = _assumptions(kg, "sv", None)
    >>> [i["sentence"] for g in groups if g["region"] == "Jämtlands län" for i in g["items"]]
    ['FoU Jämt är medlem i Regional stödstruktur för det sociala välfärdsområdet (Jämtland Härjedalen).']
    """
    records: dict[str, dict] = {}
    for r in run_query(kg, "report-assumed-facts").rows:
        rec = records.setdefault(str(r["record"]), {"types": set(), "areas": set(), "row": r, "notes": {}})
        if r.get("type") is not None:
            rec["types"].add(str(r["type"]))
        if r.get("area") is not None:
            rec["areas"].add(str(r["area"]))
        note = r.get("note")
        if note is not None:
            rec["notes"][getattr(note, "language", None) or ""] = str(note)
    if county_iri is not None:
        records = {k: v for k, v in records.items() if str(v["row"].get("county")) == str(county_iri)}
    groups: dict[str, list] = defaultdict(list)
    for rec in records.values():
        r = rec["row"]
        kind = next((name for cls, name in ASSUMPTION_KINDS if cls in rec["types"]), "actor")

        def label(key: str, r: dict = r) -> str:
            return kg.label(URIRef(r[key]), lang) if r.get(key) is not None else ""

        areas = ", ".join(sorted((_mid(kg.label(URIRef(a), lang)) for a in rec["areas"]), key=sv_sort_key))
        values = {
            "subject": label("subject"),
            "object": label("object"),
            "kind": _mid(label("kind")),
            "areas": areas or t("report.assumption.all_areas", lang),
            "former": str(r.get("former") or ""),
        }
        if (kind == "actor" and not values["kind"]) or (kind == "change" and not values["former"]):
            kind = "record"
        sentence = t(f"report.assumption.{kind}", lang, **values)
        # the note says why the fact is assumed: in the report's language (or untagged), never the other one
        note = rec["notes"].get(lang) or rec["notes"].get("") or ""
        groups[str(r.get("county") or "")].append({"sentence": sentence, "note": note})
    out = []
    for county, items in groups.items():
        items.sort(key=lambda i: sv_sort_key(i["sentence"]))
        out.append(
            {
                "region": kg.label(URIRef(county), lang) if county else t("report.assumption.national", lang),
                "national": not county,
                "items": items,
            }
        )
    out.sort(key=lambda g: (g["national"], sv_sort_key(g["region"])))
    return out


def _posts(kg, lang, scope: set, county_iri, include_personal: bool) -> list[dict]:
    out = []
    for r in run_query(kg, "report-posts").rows:
        if county_iri is not None and str(r["actor"]) not in scope:
            continue
        holder = ""
        if include_personal and r.get("name") is not None:
            holder = str(r["name"]) + (f" ({str(r['mbox']).removeprefix('mailto:')})" if r.get("mbox") else "")
        out.append(
            {
                "post": kg.label(r["post"], lang),
                "actor": kg.label(r["actor"], lang),
                "fte": str(r["fte"]) if r.get("fte") is not None else "",
                "holder": holder,
            }
        )
    out.sort(key=lambda p: (sv_sort_key(p["actor"]), sv_sort_key(p["post"]), p["holder"]))
    return out


def report_data(
    kg, lang: str = "sv", county=None, include_personal: bool = False, datasets=None, previous=None
) -> dict:
    """Everything the report shows, as plain strings and numbers, counted on the graph a reader is
    shown (:func:`graphmap.report.counts.shown`: without personal data unless asked for), so
    that the CLI's report and the web app's are the same. ``datasets`` names the regions the
    graph was built from (default: ``kg``'s own); with ``previous`` (an earlier data version) also
    what changed since then (:mod:`graphmap.report.round`)."""
    from graphmap.report.round import round_sections

    from graphmap.version import __version__

    lang = lang_key(lang)
    datasets = list(datasets if datasets is not None else (kg.ingest.datasets if kg.ingest is not None else []))
    kg = shown(kg, include_personal)
    county_iri = kg.resolver.county(county) if county not in (None, "") else None
    view = build_view(kg, county=county_iri and code_of(county_iri), lang=lang, include_personal=include_personal)
    scope = _in_scope(view)
    areas = _areas(kg, lang)
    today = _dt.date.today().isoformat()
    latest = run_query(kg, "report-latest-fact").rows
    numbers = landscape(kg, lang, view)
    assumptions = _assumptions(kg, lang, county_iri)
    national = county_iri is None
    per_county = _per_county(kg, lang, areas, view, assumptions) if national else []
    return {
        "lang": lang,
        "date": today,
        "version": __version__,
        "scope": t("report.scope_county", lang, county=kg.label(county_iri, lang))
        if county_iri is not None
        else t("report.scope_all", lang),
        "county_label": kg.label(county_iri, lang) if county_iri is not None else "",
        "data_version": data_version(kg),
        "triples": numbers["triples"],
        "datasets": datasets,
        "latest_fact": str(latest[0]["latest"]) if latest and latest[0].get("latest") is not None else "",
        "summary": numbers["summary"],
        "support": _support(kg, lang, areas, _municipalities(kg, county_iri)) if county_iri is not None else [],
        "gaps": _gaps(kg, lang, county_iri),
        "state": _state(kg, lang, county_iri),
        "chains": _chains(kg, lang, county_iri),
        "brokers": _brokers(kg, lang, scope, county_iri),
        "posts": _posts(kg, lang, scope, county_iri, include_personal),
        "include_personal": include_personal,
        "sources": _sources(kg, lang, None if national else county_facts(kg, county_iri, view)),
        "assumptions": assumptions,
        "national": national,
        "per_county": per_county,
        "national_support": [b for b in _support(kg, lang, areas, _municipalities(kg), ("national",)) if b["groups"]]
        if national
        else [],
        "national_assumptions": [
            dict(
                g,
                items=g["items"][:NATIONAL_ASSUMPTIONS],
                more=max(0, len(g["items"]) - NATIONAL_ASSUMPTIONS),
                total=len(g["items"]),
            )
            for g in assumptions
            if g["national"]
        ],
        "embed_map": len(view["nodes"]) <= MAP_EMBED_LIMIT,
        "round": round_sections(kg, lang, previous),
        "view": view,
    }


__all__ = ["report_data", "data_version", "cell_colour", "MAX_CHAIN_PATHS"]
