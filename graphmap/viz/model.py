"""Project a view model onto what the map page needs: cleaned actors,
vis-network node and edge dicts (built with pyvis's ``Network``), filter
options, legend entries and layout annotations, all as JSON-ready data.

Every value from the view is converted to a plain string here; nothing is
escaped, because the page only ever sets it as text."""

from __future__ import annotations

from . import styles
from graphmap.i18n import MESSAGES, lang_key, sv_sort_key, t
from graphmap.i18n.catalogue import MAP
from graphmap.vocab import ascii_fold, vocabularies
from graphmap.ingest.cells import show_invisible

from .layout import BAND_GAP, GROUP_GAP, SPACING_X, SPACING_Y, TARGET_ASPECT, block_of, compute_layout, group_of

COLLAPSE_ABOVE = 150  # more visible actors than this: counties start collapsed
NATIONAL_COLLAPSE_ABOVE = 40  # more national actors than this: they start collapsed by type
BIG_GRAPH = 400  # above this many nodes: no hover highlight, edges hidden while moving
EDGE_LABEL_LIMIT = 60  # above this many edges, edge labels only as tooltips (a county has ~100)
TYPE_SCHEMES = ("actor-type", "network-kind")  # the vocabularies naming a node's ``type``


def ui_strings(lang: str) -> dict[str, str]:
    """The page's UI strings: the catalogue's ``map.<name>`` texts, by name.

    >>> ui_strings("sv")["title"], ui_strings("en")["reset"]
    ('Stödkarta – socialtjänsten', 'Show all')
    """
    return {key[len("map.") :]: t(key, lang) for key in MAP if key.count(".") == 1}


def edge_label(kind: str, lang: str) -> str | None:
    """The label of a map edge kind (``member`` → "medlem i"), from the catalogue; None if unknown."""
    key = f"map.edge.{kind}"
    return t(key, lang) if key in MESSAGES else None


def concept_labels(schemes, lang: str) -> dict[str, str]:
    """Notation → label in ``lang`` of every concept of the vocabularies ``schemes``.

    >>> concept_labels(["confidence"], "sv")["stated"], concept_labels(["level"], "en")["lokal"]
    ('Uttalad i källan', 'Local')
    """
    vocab, out = vocabularies(), {}
    for scheme in schemes:
        for concept in vocab.concepts(scheme):
            out.setdefault(concept.notation, concept.label(lang))
    return out


def _text(value) -> str:
    """A value as the map shows it: text, with invisible characters (bidi overrides, zero-width)
    written as codes, as every page and the report show them."""
    return "" if value is None else show_invisible(str(value))


def _texts(values) -> list[str]:
    if values is None:
        return []
    if isinstance(values, (str, bytes)):
        values = [values]
    return [show_invisible(str(v)) for v in values if v is not None and str(v) != ""]


def _clean_nodes(view: dict, lang: str) -> list[dict]:
    """Copy nodes as plain strings, dropping id-less and duplicate nodes."""
    out, seen = [], set()
    type_labels, level_labels = concept_labels(TYPE_SCHEMES, lang), concept_labels(["level"], lang)
    for raw in view.get("nodes") or ():
        nid = _text(raw.get("id"))
        if not nid or nid in seen:
            continue
        seen.add(nid)
        ntype, level = _text(raw.get("type")), _text(raw.get("level"))
        areas = _texts(raw.get("areas"))
        area_labels = _texts(raw.get("area_labels"))
        if len(area_labels) != len(areas):
            area_labels = areas
        out.append(
            {
                "id": nid,
                "label": _text(raw.get("label")) or nid,
                "type": ntype,
                "type_label": _text(raw.get("type_label")) or type_labels.get(ntype, ntype),
                "level": level,
                "level_label": _text(raw.get("level_label")) or level_labels.get(level, level),
                "county": _text(raw.get("county")),
                "county_label": _text(raw.get("county_label")) or _text(raw.get("county")),
                "areas": areas,
                "area_labels": area_labels,
                "support": _texts(raw.get("support")),
                "sources": _texts(raw.get("sources")),
                "confidence": _text(raw.get("confidence")),
                "group": _text(raw.get("group")),
            }
        )
        if len(_texts(raw.get("type_labels"))) > 1:  # several types: all in the details panel
            out[-1]["type_labels"] = _texts(raw.get("type_labels"))
        if raw.get("people"):
            out[-1]["people"] = _texts(raw.get("people"))
    return out


def _clean_edges(view: dict, ids: set, lang: str) -> list[dict]:
    out = []
    for raw in view.get("edges") or ():
        src, dst = _text(raw.get("from")), _text(raw.get("to"))
        if src in ids and dst in ids:
            kind = _text(raw.get("kind"))
            label = _text(raw.get("label")) or edge_label(kind, lang) or kind
            out.append(
                {
                    "from": src,
                    "to": dst,
                    "kind": kind,
                    "label": label,
                    "confidence": _text(raw.get("confidence")) or "stated",
                }
            )
    return out


def _tooltip(n: dict) -> str:
    parts = [n["label"], n["type_label"], n["level_label"], n["county_label"]]
    return "\n".join(p for p in parts if p)


def _vis_data(nodes: list[dict], edges: list[dict], layout: dict) -> tuple[list, list]:
    """Build vis-network node/edge dicts with pyvis's Network container."""
    from pyvis.network import Network

    net = Network(directed=True)
    pos = layout["positions"]
    for n in nodes:
        shape, colour = styles.node_style(n["type"])
        x, y = pos[n["id"]]
        net.add_node(
            n["id"],
            label=n["label"],
            shape=shape,
            color=colour,
            x=x,
            y=y,
            title=_tooltip(n),
            size=16 if n["type"] in ("region", "lan") else 12,
        )
    show_labels = len(edges) <= EDGE_LABEL_LIMIT
    for i, e in enumerate(edges):
        colour, dashes, arrow, width = styles.edge_style(e["kind"])
        if e["confidence"] == "assumed":
            dashes = styles.ASSUMED_DASHES
        extra = {"label": e["label"]} if show_labels else {}
        net.add_edge(
            e["from"],
            e["to"],
            id=f"e{i}",
            color={"color": colour, "opacity": 0.75},
            dashes=dashes,
            width=width,
            title=e["label"] + (" (" + e["confidence_label"] + ")" if e.get("confidence_label") else ""),
            arrows={"to": {"enabled": arrow, "scaleFactor": 0.6}},
            **extra,
        )
    return net.nodes, net.edges


def _options(n_nodes: int) -> dict:
    big = n_nodes > BIG_GRAPH
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "navigationButtons": False,
        },
        "nodes": {
            "font": {"size": 13, "face": "system-ui, sans-serif", "multi": False},
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "widthConstraint": {"maximum": 140},
        },
        "edges": {"smooth": False, "selectionWidth": 2, "font": {"size": 10, "align": "middle", "multi": False}},
    }


def _options_for_filter(values: dict) -> list[list[str]]:
    return sorted(([k, v] for k, v in values.items()), key=lambda kv: (sv_sort_key(kv[1]), kv[0]))


def _filter_options(nodes: list[dict]) -> dict:
    areas, levels, counties, types = {}, {}, {}, {}
    for n in nodes:
        for a, al in zip(n["areas"], n["area_labels"]):
            areas.setdefault(a, al or a)
        if n["level"]:
            levels.setdefault(n["level"], n["level_label"])
        if n["county"]:
            counties.setdefault(n["county"], n["county_label"])
        types.setdefault(n["type"], n["type_label"] or n["type"])
    order = {lv: i for i, lv in enumerate(styles.LEVELS)}
    return {
        "area": _options_for_filter(areas),
        "level": sorted(([k, v] for k, v in levels.items()), key=lambda kv: (order.get(kv[0], 9), kv[0])),
        "county": sorted(([k, v] for k, v in counties.items()), key=lambda kv: (kv[0], kv[1])),
        "type": _options_for_filter(types),
    }


def _legend(nodes: list[dict], edges: list[dict], lang: str) -> dict:
    types, kinds = {}, {}
    for n in nodes:
        types.setdefault(n["type"], n["type_label"] or n["type"])
    confidences = sorted({e["confidence"] for e in edges})
    for e in edges:
        kinds.setdefault(e["kind"], edge_label(e["kind"], lang) or e["label"] or e["kind"])
    node_items = [
        {"label": label, "shape": styles.node_style(ntype)[0], "color": styles.node_style(ntype)[1]}
        for ntype, label in sorted(types.items(), key=lambda kv: sv_sort_key(kv[1]))
    ]
    edge_items = []
    for k, label in sorted(kinds.items(), key=lambda kv: sv_sort_key(kv[1])):
        colour, dashes, arrow, width = styles.edge_style(k)
        edge_items.append({"label": label, "color": colour, "dashes": dashes or [], "arrow": arrow, "width": width})
    conf_labels = concept_labels(["confidence"], lang)
    conf_items = [
        {
            "label": conf_labels.get(c, c),
            "color": "#52606d",
            "arrow": False,
            "width": 1.5,
            "dashes": styles.ASSUMED_DASHES if c == "assumed" else [],
            "confidence": c,
        }
        for c in confidences
        if c in ("stated", "assumed")
    ]
    return {
        "nodes": node_items,
        "edges": edge_items,
        "confidence": conf_items
        if len(conf_items) > 1 or any(c["confidence"] == "assumed" for c in conf_items)
        else [],
    }


def _chains(view: dict, index: dict[str, int]) -> dict[str, list[int]]:
    """The ``chain`` answer's trees (see :mod:`graphmap.viz.explore`) as node indices:
    ``{start index: [node, predecessor, node, predecessor, …]}``, only steps within the map."""
    out = {}
    for start, tree in (view.get("chains") or {}).items():
        if str(start) not in index:
            continue
        flat = []
        for node, pred in tree.items():
            if str(node) in index and str(pred) in index:
                flat += [index[str(node)], index[str(pred)]]
        if flat:
            out[str(index[str(start)])] = flat
    return out


def _fold_table(nodes: list[dict]) -> dict[str, str]:
    """How the page folds a typed character for search: :func:`graphmap.vocab.ascii_fold` of each
    character in the labels and of the Swedish letters, so the page matches as graphmap does."""
    chars = set("åäöéèüÅÄÖÉÈÜ") | {c for n in nodes for c in n["label"]}
    return {c: ascii_fold(c) for c in sorted(chars) if not c.isspace() and ascii_fold(c) != c}


def _blocks(blocks: list[dict], nodes: list[dict], strings: dict, index: dict[str, int]) -> list[dict]:
    by_block: dict[str, dict] = {}
    for n in nodes:
        by_block.setdefault(block_of(n), n)
    out = []
    for b in blocks:
        first = by_block[b["id"]]
        label = (
            (first["type_label"] or first["type"])
            if b["section"] == "national"
            else (first["county_label"] or strings["no_county"])
        )
        out.append(
            {
                "id": b["id"],
                "section": b["section"],
                "label": label,
                "cols": b["cols"],
                "rows": b["rows"],
                "cells": [[index[c[0]], c[1], c[2], c[3]] for c in b["cells"]],
                "collapsible": bool(b["key"]) and len(b["cells"]) > 1,
            }
        )
    return out


def build_payload(view: dict, lang: str = "sv") -> dict:
    """Everything the page script needs, as JSON-ready data."""
    lang = lang_key(lang)
    strings = ui_strings(lang)
    strings.update({str(k): str(v) for k, v in (view.get("labels") or {}).items() if v is not None})
    nodes = _clean_nodes(view, lang)
    edges = _clean_edges(view, {n["id"] for n in nodes}, lang)
    conf_labels = concept_labels(["confidence"], lang)
    for e in edges:
        e["confidence_label"] = conf_labels.get(e["confidence"], e["confidence"])
    layout = compute_layout(nodes)
    vis_nodes, vis_edges = _vis_data(nodes, edges, layout)
    index = {n["id"]: i for i, n in enumerate(nodes)}
    degree: dict[str, int] = {}
    for e in edges:
        degree[e["from"]] = degree.get(e["from"], 0) + 1
        degree[e["to"]] = degree.get(e["to"], 0) + 1
    betweenness = view.get("betweenness") or {}
    for n in nodes:
        n["degree"] = degree.get(n["id"], 0)
        n["betweenness"] = float(betweenness.get(n["id"], 0.0) or 0.0)
        n["key"] = ascii_fold(n["label"])
    band_labels = dict(concept_labels(["level"], lang), other=strings["other_level"])
    for band in layout["bands"]:
        band["label"] = band_labels.get(band["band"], band["band"])
    actors = {n["id"]: {k: v for k, v in n.items() if k != "id"} for n in nodes}
    return {
        "lang": lang,
        "strings": strings,
        "nodes": vis_nodes,
        "edges": vis_edges,
        "links": [[e["from"], e["to"], e["label"]] for e in edges],
        "actors": actors,
        "options": _options(len(nodes)),
        "filters": _filter_options(nodes),
        "legend": _legend(nodes, edges, lang),
        "confidence": concept_labels(["confidence"], lang),
        "layout": {k: layout[k] for k in ("bands", "columns", "left", "right")},
        "groups": {n["id"]: group_of(n) for n in nodes},
        "blocks": _blocks(layout["blocks"], nodes, strings, index),
        "ids": [n["id"] for n in nodes],
        "chains": _chains(view, index),
        "fold": _fold_table(nodes),
        "geometry": {"sx": SPACING_X, "sy": SPACING_Y, "gap": GROUP_GAP, "band_gap": BAND_GAP, "aspect": TARGET_ASPECT},
        "collapse": {"above": COLLAPSE_ABOVE, "national_above": NATIONAL_COLLAPSE_ABOVE},
        "title": strings["title"],
        "has_betweenness": bool(betweenness),
    }
