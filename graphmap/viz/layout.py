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
TARGET_ASPECT = 1.2  # width / height of the whole map (the canvas between the two side panels)
LOWER_BANDS = ("regional", "lokal", "other")

_TYPE_ORDER = {
    t: i
    for i, t in enumerate(
        [
            "lan",
            "region",
            "kommunalforbund",
            "rss",
            "fou-enhet",
            "kompetenscentrum",
            "gemensam-verksamhet",
            "samverkan",
            "natverk",
            "forum",
            "myndighet",
            "medlemsorganisation",
            "larosate",
            "brukarorganisation",
            "kommun",
        ]
    )
}


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
    return (
        _TYPE_ORDER.get(node.get("type"), len(_TYPE_ORDER) + (node.get("type") not in NODE_STYLES)),
        sv_sort_key(node.get("label") or node.get("id")),
        str(node.get("id")),
    )


def _block_cols(peak: int, national: bool) -> int:
    """Columns of a block whose largest band has ``peak`` nodes: about square on the page."""
    if peak <= 1:
        return 1
    ratio = TARGET_ASPECT * SPACING_Y / SPACING_X if national else 1.5
    return max(2 if peak > 2 else peak, math.ceil(math.sqrt(peak * ratio)))


def _grid(ns: list[dict], cols: int, band: str) -> tuple[list, int]:
    """``ns`` in rows of ``cols``, a short last row centred: (cells, rows)."""
    cells = []
    for i, node in enumerate(ns):
        r, c = divmod(i, cols)
        in_row = min(cols, len(ns) - r * cols)
        cells.append([str(node["id"]), band, c + (cols - in_row) / 2, r])
    return cells, max(1, math.ceil(len(ns) / cols))


def _grid_block(by_band, bands, national=False):
    peak = max(len(v) for v in by_band.values())
    cols = _block_cols(peak, national)
    cells, rows = [], {}
    for band in bands:
        ns = sorted(by_band.get(band, ()), key=_node_key)
        if ns:
            got, rows[band] = _grid(ns, cols, band)
            cells += got
    return cols, cells, rows


def _arc_points(n: int, rx: float, ry: float, offset: float) -> list[tuple[float, float]]:
    """``n`` points on the lower half of the ellipse (rx, ry) around (0, 0), left to right."""
    lo, hi = math.radians(12), math.radians(168)
    if n == 1:
        return [(0.0, ry)]
    step = (hi - lo) / (n - 1 + offset * 2)
    return [(-rx * math.cos(lo + (i + offset) * step), ry * math.sin(lo + (i + offset) * step)) for i in range(n)]


def _label_width(node: dict) -> float:
    """About how wide a node's label is drawn (13 px type, wrapped at 140 px)."""
    return min(140.0, 7.5 * len(str(node.get("label") or node.get("id"))) + 10)


def _label_height(node: dict) -> float:
    """About how tall a node and its label below are (16 px a line)."""
    return 30 + 16 * math.ceil(7.5 * len(str(node.get("label") or node.get("id"))) / 140)


def _apart(points, ring) -> bool:
    """Whether neighbouring points keep their labels apart (a label is at most 140 px wide)."""
    return all(
        abs(b[0] - a[0]) >= (_label_width(m) + _label_width(n)) / 2 + 14
        or abs(b[1] - a[1]) >= max(_label_height(m), _label_height(n)) + 6
        for a, b, m, n in zip(points, points[1:], ring, ring[1:])
    )


def _county_block(by_band):
    """A county: its regional actors in a grid, its municipalities on one arc (half an ellipse)
    below them, however many they are. A straight line meets an ellipse at most twice, so a line
    between two municipalities, or from a regional actor inside the ellipse down to one, passes
    through no other municipality: no line reads as a chain the data does not have. (Two arcs
    for the big counties were more compact but let 57 of Västra Götaland's 417 lines and 20 of
    Skåne's 141 run through a municipality of the inner arc; one arc: none, 1.7× wider.)"""
    regional = sorted(by_band.get("regional", ()), key=_node_key)
    everyone = sorted(by_band.get("lokal", ()), key=_node_key)
    local = [n for n in everyone if n.get("type") == "kommun"]
    inner = [n for n in everyone if n.get("type") != "kommun"]  # local networks: inside the arc
    other = sorted(by_band.get("other", ()), key=_node_key)
    cells, rows = [], {}
    if len(local) < 4:  # a few municipalities: a row reads right
        return _grid_block(by_band, LOWER_BANDS)
    rings = [local]
    placed: list[tuple[dict, float, float]] = []
    rx_prev = ry_prev = 0.0
    for k, ring in enumerate(rings):
        in_cols = min(3, len(inner)) or 1
        in_rows = math.ceil(len(inner) / in_cols)
        rx = max(len(ring) * SPACING_X / math.pi * 0.4, rx_prev + 1.3 * SPACING_X, SPACING_X)
        while True:
            ry = max(rx * 0.6, ry_prev + 1.3 * SPACING_Y)
            pts = _arc_points(len(ring), rx, ry, 0.5 if k else 0.0)
            # the local networks in a small grid inside the first arc, below its ends
            y0 = ry * math.sin(math.radians(12)) + SPACING_Y * 0.6
            grid = (
                [
                    ((c - (in_cols - 1) / 2) * SPACING_X, y0 + r * SPACING_Y)
                    for r in range(in_rows)
                    for c in range(in_cols)
                ][: len(inner)]
                if k == 0
                else []
            )
            inside = all((x / rx) ** 2 + ((y + SPACING_Y * 0.6) / ry) ** 2 < 0.85 for x, y in grid)
            if _apart(pts, ring) and inside:
                break
            rx *= 1.05
        if k == 0:
            placed += [(node, x, y) for node, (x, y) in zip(inner, grid)]
        placed += [(node, x, y) for node, (x, y) in zip(ring, pts)]
        rx_prev, ry_prev = rx, ry
    half = max(x for _n, x, _y in placed) + SPACING_X / 2
    reg_cols = _block_cols(len(regional), False) if regional else 1
    cols = max(reg_cols, math.ceil(2 * half / SPACING_X))
    width = cols * SPACING_X
    centre = (cols - 1) / 2
    if regional:
        got, rows["regional"] = _grid(regional, reg_cols, "regional")
        for cell in got:
            cell[2] += (cols - reg_cols) / 2
        cells += got
    top = min(y for _n, _x, y in placed)
    for node, x, y in placed:
        cells.append([str(node["id"]), "lokal", centre + x / SPACING_X, (y - top) / SPACING_Y])
    rows["lokal"] = math.floor(max((y - top) / SPACING_Y for _n, _x, y in placed)) + 1
    if other:
        got, rows["other"] = _grid(other, max(1, int(width // SPACING_X)), "other")
        cells += got
    return cols, cells, rows


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
        g = bid[len("county:") :]
        return (1, g == "", g)

    blocks = []
    for bid in sorted(members, key=order):
        national = bid.startswith("nat:")
        by_band: dict[str, list[dict]] = defaultdict(list)
        for node in members[bid]:
            by_band[band_of(node)].append(node)
        if national:
            cols, cells, rows = _grid_block(by_band, ("nationell",), national=True)
        else:
            cols, cells, rows = _county_block(by_band)
        blocks.append(
            {
                "id": bid,
                "section": "national" if national else "county",
                "key": bid.split(":", 1)[1],
                "cols": cols,
                "rows": rows,
                "cells": cells,
            }
        )
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
        if (
            not lines
            or lines[-1][0]["section"] != b["section"]
            or sum(width(x) + GROUP_GAP for x in lines[-1]) + width(b) > line_max
        ):
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
        line_bands = (
            ["nationell"]
            if line[0]["section"] == "national"
            else [
                band
                for band in LOWER_BANDS
                if any(band in b["rows"] and b["id"] not in collapsed for b in line)
                or (band == "regional" and any(b["id"] in collapsed for b in line))
            ]
        )
        tops = {}
        for band in line_bands:
            n_rows = max(
                [b["rows"].get(band, 0) for b in line if b["id"] not in collapsed]
                + [1 if (b["id"] in collapsed and band == line_bands[0]) else 0 for b in line]
            )
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
    return {
        "positions": positions,
        "bands": bands,
        "columns": columns,
        "left": left - SPACING_X,
        "right": right + SPACING_X,
    }


def compute_layout(nodes: list[dict], collapsed=frozenset()) -> dict:
    """Place ``nodes`` and return ``{"positions": {id: [x, y]}, "bands": [...], "columns": [...],
    "blocks": [...]}``; bands and columns carry label anchors for drawing (see :func:`flow`)."""
    blocks = build_blocks(nodes)
    out = flow(blocks, collapsed)
    out["blocks"] = blocks
    return out
