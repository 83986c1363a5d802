"""Level layout: national actors on top, regional in the middle, local at
the bottom, with each county (``group``) in its own column across the
regional and local bands. Pure Python, O(n log n), so a national map of
~1,500 actors is placed instantly and drawn with physics off."""

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


def _node_key(node: dict):
    return (_TYPE_ORDER.get(node.get("type"), len(_TYPE_ORDER) + (node.get("type") not in NODE_STYLES)),
            sv_sort_key(node.get("label") or node.get("id")), str(node.get("id")))


def _national_cols(count: int, width: float) -> int:
    ideal = math.ceil(math.sqrt(count * TARGET_ASPECT * SPACING_Y / SPACING_X))
    return max(1, min(count, max(int(width // SPACING_X), ideal)))


def _choose_cols(counts: dict[str, dict[str, int]], n_national: int) -> dict[str, int]:
    """Columns per group, so that the whole map is about TARGET_ASPECT wide.

    ``counts[band][group]`` is the number of nodes; every group gets
    ``ceil(largest band count / r)`` columns for the row budget ``r`` whose
    map shape comes closest to the target."""
    peak: dict[str, int] = defaultdict(int)
    for per_group in counts.values():
        for g, n in per_group.items():
            peak[g] = max(peak[g], n)
    if not peak:
        return {}
    best, best_score = None, math.inf
    for r in range(1, max(peak.values()) + 1):
        cols = {g: max(1, math.ceil(n / r)) for g, n in peak.items()}
        width = sum(c * SPACING_X + GROUP_GAP for c in cols.values()) - GROUP_GAP
        rows = sum(max(math.ceil(n / cols[g]) for g, n in pg.items()) for pg in counts.values())
        bands = len(counts)
        if n_national:
            rows += math.ceil(n_national / _national_cols(n_national, width))
            bands += 1
        height = max(rows - bands, 0) * SPACING_Y + bands * BAND_GAP
        score = abs(math.log(width / height / TARGET_ASPECT))
        if score < best_score - 1e-9:
            best, best_score = cols, score
    return best


def compute_layout(nodes: list[dict]) -> dict:
    """Place ``nodes`` and return ``{"positions": {id: [x, y]}, "bands": [...],
    "columns": [...]}``; bands and columns carry label anchors for drawing."""
    bands: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    group_labels: dict[str, str] = {}
    for node in nodes:
        g = group_of(node)
        bands[band_of(node)][g].append(node)
        if g and node.get("county_label") and g not in group_labels:
            group_labels[g] = str(node["county_label"])
    lower = [b for b in ("regional", "lokal", "other") if b in bands]
    groups = sorted({g for b in lower for g in bands[b]}, key=lambda g: (g == "", g))
    n_national = sum(len(ns) for ns in bands.get("nationell", {}).values())
    cols = _choose_cols({b: {g: len(ns) for g, ns in bands[b].items()} for b in lower}, n_national)
    x_start, x = {}, 0.0
    for g in groups:
        x_start[g] = x
        x += cols[g] * SPACING_X + GROUP_GAP
    width = max(x - GROUP_GAP, SPACING_X)
    shift = -width / 2

    positions: dict[str, list[float]] = {}
    band_info, y = [], 0.0
    if "nationell" in bands:
        members = sorted((n for ns in bands["nationell"].values() for n in ns),
                         key=lambda n: (group_of(n) == "", group_of(n), _node_key(n)))
        ncols = _national_cols(len(members), width)
        rows = math.ceil(len(members) / ncols)
        for i, node in enumerate(members):
            r, c = divmod(i, ncols)
            in_row = min(ncols, len(members) - r * ncols)
            positions[str(node["id"])] = [(c - (in_row - 1) / 2) * SPACING_X, y + r * SPACING_Y]
        band_info.append({"band": "nationell", "top": y, "bottom": y + (rows - 1) * SPACING_Y})
        y += (rows - 1) * SPACING_Y + BAND_GAP
    for b in lower:
        rows_needed = 1
        for g, members in bands[b].items():
            members.sort(key=_node_key)
            n = len(members)
            rows_needed = max(rows_needed, math.ceil(n / cols[g]))
            for i, node in enumerate(members):
                r, c = divmod(i, cols[g])
                in_row = min(cols[g], n - r * cols[g])
                offset = (cols[g] - in_row) * SPACING_X / 2
                positions[str(node["id"])] = [shift + x_start[g] + offset + c * SPACING_X, y + r * SPACING_Y]
        band_info.append({"band": b, "top": y, "bottom": y + (rows_needed - 1) * SPACING_Y})
        y += (rows_needed - 1) * SPACING_Y + BAND_GAP
    columns = [{"group": g, "label": group_labels.get(g, g),
                "x": shift + x_start[g] + (cols[g] - 1) * SPACING_X / 2} for g in groups]
    return {"positions": positions, "bands": band_info, "columns": columns,
            "left": shift - SPACING_X, "right": -shift + SPACING_X}
