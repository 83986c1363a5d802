"""Level layout: national actors on top, then the counties, each county a block with its
regional actors above its municipalities. Pure Python, O(n log n), drawn with physics off.

A *block* is a group of nodes that the map can collapse into one node: a county (``group``)
or, in the national band, the national actors of one type. Inside a block the nodes stand in a
grid: a county's municipalities in several staggered rows under its regional actors, so that no
line between them runs along a column of municipalities and reads as a chain the data does not
have. Blocks are flowed left to right into lines about :data:`TARGET_ASPECT` wide; a county line
keeps a regional and a local band (the bands of the level map), so a wide country wraps into a
few lines of counties instead of one very wide row.

:func:`flow` places the blocks for a set of collapsed blocks; the page runs the same few lines
(``flow`` in ``assets/map.js``) when a county is collapsed or expanded, from the block cells this
module computes.

>>> nodes = [{"id": f"k{i}", "label": f"K{i}", "type": "kommun", "level": "lokal", "group": "24"} for i in range(9)]
>>> nodes.append({"id": "r", "label": "R", "type": "region", "level": "regional", "group": "24"})
>>> lay = compute_layout(nodes)
>>> len({round(lay["positions"][f"k{i}"][0]) for i in range(9)}) > 2   # not one column
True
>>> len({lay["positions"][f"k{i}"][1] for i in range(9)}) > 1          # not one row
True
"""

from __future__ import annotations

import math
from collections import defaultdict

from graphmap.i18n import sv_sort_key

from .styles import LEVELS, NODE_STYLES

SPACING_X = 150
SPACING_Y = 110
GROUP_GAP = 120
BAND_GAP = 200
TARGET_ASPECT = 1.6  # width / height of the whole map
LOWER_BANDS = ("regional", "lokal", "other")

_TYPE_ORDER = {t: i for i, t in enumerate(
    ["lan", "region", "kommunalforbund", "rss", "fou-enhet", "kompetenscentrum",
     "gemensam-verksamhet", "samverkan", "natverk", "forum", "myndighet",
     "medlemsorganisation", "larosate", "brukarorganisation", "kommun"])}


def group_of(node: dict) -> str:
    """The horizontal grouping key of a node: its ``group``, else its county."""
    return str(node.get("group") or node.get("county") or "")


def band_of(node: dict) -> str:
    """The vertical band of a node: its level, or "other" if unknown."""
    level = node.get("level")
    return level if level in LEVELS else "other"


def block_of(node: dict) -> str:
    """The block a node belongs to: ``nat:<type>`` for a national node, else ``county:<group>``.

    >>> block_of({"level": "nationell", "type": "natverk"}), block_of({"level": "lokal", "group": "24"})
    ('nat:natverk', 'county:24')
    """
    if band_of(node) == "nationell":
        return "nat:" + str(node.get("type") or "")
    return "county:" + group_of(node)


def _node_key(node: dict):
    return (_TYPE_ORDER.get(node.get("type"), len(_TYPE_ORDER) + (node.get("type") not in NODE_STYLES)),
            sv_sort_key(node.get("label") or node.get("id")), str(node.get("id")))


def _block_cols(peak: int, national: bool) -> int:
    """Columns of a block whose largest band has ``peak`` nodes: about square on the page."""
    if peak <= 1:
        return 1
    ratio = TARGET_ASPECT * SPACING_Y / SPACING_X if national else 1.5
    return max(2 if peak > 2 else peak, math.ceil(math.sqrt(peak * ratio)))


def build_blocks(nodes: list[dict]) -> list[dict]:
    """The blocks of ``nodes`` in drawing order, each with its cells.

    A block is ``{"id", "section": "national"|"county", "key", "cols", "rows": {band: n},
    "cells": [[node id, band, col, row], ...]}``; a cell's ``col`` may be a half step (the
    staggered rows of municipalities)."""
    members: dict[str, list[dict]] = defaultdict(list)
    for node in nodes:
        members[block_of(node)].append(node)

    def order(bid):
        if bid.startswith("nat:"):
            t = bid[4:]
            return (0, _TYPE_ORDER.get(t, len(_TYPE_ORDER)), t)
        g = bid[len("county:"):]
        return (1, g == "", g)

    blocks = []
    for bid in sorted(members, key=order):
        national = bid.startswith("nat:")
        by_band: dict[str, list[dict]] = defaultdict(list)
        for node in members[bid]:
            by_band[band_of(node)].append(node)
        peak = max(len(v) for v in by_band.values())
        cols = _block_cols(peak, national)
        cells, rows = [], {}
        for band in (("nationell",) if national else LOWER_BANDS):
            ns = sorted(by_band.get(band, ()), key=_node_key)
            if not ns:
                continue
            stagger = band == "lokal" and len(ns) > cols
            per_row = cols - 1 if stagger and cols > 2 else cols
            r = c = 0
            for node in ns:
                width = per_row if (stagger and r % 2) else cols
                if c >= width:
                    r, c = r + 1, 0
                    width = per_row if (stagger and r % 2) else cols
                shift = (0.5 if stagger and r % 2 else 0.0)
                cells.append([str(node["id"]), band, c + shift, r])
                c += 1
            rows[band] = r + 1
            last = [cell for cell in cells if cell[1] == band and cell[3] == r]
            if not stagger and len(last) < cols:  # centre a short last row
                pad = (cols - len(last)) / 2
                for cell in last:
                    cell[2] += pad
        blocks.append({"id": bid, "section": "national" if national else "county",
                       "key": bid.split(":", 1)[1], "cols": cols, "rows": rows, "cells": cells})
    return blocks


def flow(blocks: list[dict], collapsed=frozenset()) -> dict:
    """Place ``blocks`` (``collapsed`` ones as one node each) and return ``{"positions": {id: [x, y]},
    "bands": [{"band", "top", "bottom"}], "columns": [{"block", "x", "y"}], "left", "right"}``;
    a collapsed block's node is ``positions[block id]``. ``assets/map.js`` has the same function."""
    def width(b):
        return SPACING_X if b["id"] in collapsed else b["cols"] * SPACING_X

    def height(b):
        if b["id"] in collapsed:
            return SPACING_Y
        return sum(b["rows"].values()) * SPACING_Y + (len(b["rows"]) - 1) * BAND_GAP / 2

    area = sum((width(b) + GROUP_GAP) * (height(b) + BAND_GAP) for b in blocks)
    line_max = max([math.sqrt(area * TARGET_ASPECT)] + [width(b) for b in blocks])
    lines: list[list[dict]] = []
    for b in blocks:
        if (not lines or lines[-1][0]["section"] != b["section"]
                or sum(width(x) + GROUP_GAP for x in lines[-1]) + width(b) > line_max):
            lines.append([])
        lines[-1].append(b)
    positions: dict[str, list[float]] = {}
    bands, columns, y, left, right = [], [], 0.0, 0.0, 0.0
    for line in lines:
        total = sum(width(b) for b in line) + GROUP_GAP * (len(line) - 1)
        x0, xs = -total / 2, []
        for b in line:
            xs.append(x0)
            x0 += width(b) + GROUP_GAP
        left, right = min(left, -total / 2), max(right, total / 2)
        line_bands = ["nationell"] if line[0]["section"] == "national" else [
            band for band in LOWER_BANDS
            if any(band in b["rows"] and b["id"] not in collapsed for b in line) or
            (band == "regional" and any(b["id"] in collapsed for b in line))]
        tops = {}
        for band in line_bands:
            n_rows = max([b["rows"].get(band, 0) for b in line if b["id"] not in collapsed] +
                         [1 if (b["id"] in collapsed and band == line_bands[0]) else 0 for b in line])
            tops[band] = y
            bands.append({"band": band, "top": y, "bottom": y + (n_rows - 1) * SPACING_Y})
            y += (n_rows - 1) * SPACING_Y + BAND_GAP
        for b, bx in zip(line, xs):
            columns.append({"block": b["id"], "x": bx + (width(b) - SPACING_X) / 2, "y": tops[line_bands[0]]})
            if b["id"] in collapsed:
                positions[b["id"]] = [bx, tops[line_bands[0]]]
                continue
            for node_id, band, col, row in b["cells"]:
                positions[node_id] = [bx + col * SPACING_X, tops[band] + row * SPACING_Y]
    return {"positions": positions, "bands": bands, "columns": columns,
            "left": left - SPACING_X, "right": right + SPACING_X}


def compute_layout(nodes: list[dict], collapsed=frozenset()) -> dict:
    """Place ``nodes`` and return ``{"positions": {id: [x, y]}, "bands": [...], "columns": [...],
    "blocks": [...]}``; bands and columns carry label anchors for drawing (see :func:`flow`)."""
    blocks = build_blocks(nodes)
    out = flow(blocks, collapsed)
    out["blocks"] = blocks
    return out
