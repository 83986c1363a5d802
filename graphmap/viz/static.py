"""A static picture of the level map: one SVG drawn server-side, for print and PDF.

The interactive map (:mod:`graphmap.viz.render`) needs scripts, which a printed page or a PDF
does not run. :func:`map_svg` draws the same view model from the map's own projection and layout
(:func:`graphmap.viz.model.build_payload`: the positions of :func:`graphmap.viz.layout.compute_layout`,
the colours of :mod:`graphmap.viz.styles`, the band and county labels, the legend) as plain SVG:
no script, no external load, every label escaped. Nodes are circles in their type's colour,
edges lines in their relation's colour; when the map is small enough (``label_limit`` nodes) each
node carries a number, placed beside it where it overlaps no other number or node, and
:func:`map_key` gives the numbers' full names (the report prints them under the map: long names
drawn in a wide map are too small to read on A4); otherwise the legend and the band and county
labels carry it.

>>> import graphmap
>>> from graphmap.viz import build_view
>>> kg = graphmap.build()  # doctest: +SKIP
>>> svg = map_svg(build_view(kg, county="24"), lang="sv")
>>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"'), "<script" in svg, "Nationell" in svg
(True, False, True)
"""

from __future__ import annotations

from html import escape

from .model import build_payload

MARGIN = 90
LEGEND_ROW = 22


def _attr(value) -> str:
    return escape(str(value), quote=True)


def _num(x: float) -> str:
    return f"{x:.0f}"


def map_svg(
    view: dict, lang: str = "sv", title: str | None = None, label_limit: int = 400, max_width: int | None = None
) -> str:
    """The level map of ``view`` (:func:`graphmap.viz.build_view`) as one SVG document (a string).

    ``max_width`` sets the width the SVG asks for (its ``viewBox`` keeps the layout's own
    coordinates); without it the SVG scales to its container (``width="100%"``).
    """
    payload = build_payload(view, lang)
    strings, layout, legend = payload["strings"], payload["layout"], payload["legend"]
    nodes = payload["nodes"]
    pos = {str(n["id"]): (float(n["x"]), float(n["y"])) for n in nodes}
    xs = [x for x, _ in pos.values()] or [0.0]
    ys = [y for _, y in pos.values()] or [0.0]
    left = min(min(xs), float(layout.get("left", min(xs)))) - MARGIN
    right = max(max(xs), float(layout.get("right", max(xs)))) + MARGIN
    top = min(ys) - 70
    legend_items = [("node", item) for item in legend["nodes"]] + [("edge", item) for item in legend["edges"]]
    k = max(1.0, (right - left) / 2800)  # a wide (national) map: its texts grow with it, to stay readable
    legend_cols = max(1, int((right - left) // (340 * k)))
    legend_rows = -(-len(legend_items) // legend_cols)
    bottom_map = max(ys) + MARGIN
    bottom = bottom_map + 40 * k + legend_rows * LEGEND_ROW * 2 * k + 20 * k
    width, height = right - left, bottom - top
    size = f'width="{max_width}"' if max_width else 'width="100%"'
    heading = title if title is not None else strings.get("title", "")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" {size} viewBox="{_num(left)} {_num(top)} {_num(width)} '
        f'{_num(height)}" role="img" aria-label="{_attr(heading)}" font-family="system-ui, sans-serif">',
        f"<title>{escape(heading)}</title>",
        f'<rect x="{_num(left)}" y="{_num(top)}" width="{_num(width)}" height="{_num(height)}" fill="#fff"/>',
    ]
    for band in layout.get("bands", []):
        y0, y1 = float(band["top"]) - 45, float(band["bottom"]) + 45
        out.append(
            f'<rect x="{_num(left + 10)}" y="{_num(y0)}" width="{_num(width - 20)}" height="{_num(y1 - y0)}" '
            f'fill="#f3f6fa" stroke="#d5dde6"/>'
        )
        out.append(
            f'<text x="{_num(left + 24)}" y="{_num(y0 + 30 * k)}" font-size="{_num(30 * k)}" font-weight="600" '
            f'fill="#1d3557">{escape(str(band.get("label", "")))}</text>'
        )
    lower = [b for b in layout.get("bands", []) if b["band"] != "nationell"]
    if lower:
        ycol = float(lower[0]["top"]) - 60
        for i, col in enumerate(layout.get("columns", [])):  # every other county label higher: no overlap
            out.append(
                f'<text x="{_num(float(col["x"]))}" y="{_num(ycol - (i % 2) * 26)}" font-size="20" text-anchor="middle" '
                f'fill="#5b6b7b">{escape(str(col.get("label", "")))}</text>'
            )
    # edges: one <path> per style (colour, width, dashes), so a national map stays small
    styled: dict[tuple, list[str]] = {}
    for edge in payload["edges"]:
        a, b = pos.get(str(edge["from"])), pos.get(str(edge["to"]))
        if a is None or b is None:
            continue
        colour = (edge.get("color") or {}).get("color", "#b0b0b0")
        dash = edge.get("dashes")
        dashes = " ".join(str(d) for d in dash) if isinstance(dash, list) and dash else ""
        styled.setdefault((colour, str(edge.get("width", 1)), dashes), []).append(
            f"M{_num(a[0])} {_num(a[1])}L{_num(b[0])} {_num(b[1])}"
        )
    out.append('<g fill="none" stroke-opacity="0.6">')
    for (colour, stroke_w, dashes), parts in styled.items():
        dash = f' stroke-dasharray="{_attr(dashes)}"' if dashes else ""
        out.append(f'<path stroke="{_attr(colour)}" stroke-width="{_attr(stroke_w)}"{dash} d="{"".join(parts)}"/>')
    out.append("</g>")
    # nodes: grouped by colour and size; a tooltip per node only when the labels are drawn
    show_labels = len(nodes) <= label_limit
    by_look: dict[tuple, list[dict]] = {}
    for n in nodes:
        by_look.setdefault((str(n.get("color", "#9d9d9d")), 2 * float(n.get("size", 12))), []).append(n)
    out.append('<g stroke="#fff" stroke-width="2">')
    for (colour, r), members in by_look.items():
        out.append(f'<g fill="{_attr(colour)}">')
        for n in members:
            x, y = pos[str(n["id"])]
            tip = f'<title>{escape(str(n.get("label", "")))}</title>' if show_labels else ""
            out.append(
                f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}">{tip}</circle>'
                if tip
                else f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}"/>'
            )
        out.append("</g>")
    out.append("</g>")
    if show_labels:  # a number beside each node, its name in the key (:func:`map_key`): legible on A4
        font = max(14.0, width / 75)  # about 6.5 pt when the map is printed 180 mm wide
        out.append(f'<g font-size="{_num(font)}" font-weight="600" fill="#1d2a38" text-anchor="middle">')
        placed: list[tuple[float, float, float, float]] = [
            (x - r, y - r, x + r, y + r)
            for n in nodes
            for (x, y), r in [(pos[str(n["id"])], 2 * float(n.get("size", 12)))]
        ]
        for number, n in enumerate(_reading_order(nodes, pos), start=1):
            x, y = pos[str(n["id"])]
            r = 2 * float(n.get("size", 12))
            box = _place(x, y, r, len(str(number)) * 0.62 * font, font, placed)
            placed.append(box)
            out.append(f'<text x="{_num((box[0] + box[2]) / 2)}" y="{_num(box[3] - 0.2 * font)}">{number}</text>')
        out.append("</g>")
    col_w = (width - 40) / legend_cols
    for i, (kind, item) in enumerate(legend_items):
        r, c = divmod(i, legend_cols)
        x, y = left + 30 + c * col_w, bottom_map + 40 * k + r * LEGEND_ROW * 2 * k
        if kind == "node":
            out.append(
                f'<circle cx="{_num(x + 12 * k)}" cy="{_num(y)}" r="{_num(12 * k)}" fill="{_attr(item["color"])}"/>'
            )
        else:
            dashes = " ".join(str(d) for d in item.get("dashes") or [])
            dash = f' stroke-dasharray="{dashes}"' if dashes else ""
            out.append(
                f'<line x1="{_num(x)}" y1="{_num(y)}" x2="{_num(x + 26 * k)}" y2="{_num(y)}" '
                f'stroke="{_attr(item["color"])}" stroke-width="{_num(4 * k)}"{dash}/>'
            )
        out.append(
            f'<text x="{_num(x + 36 * k)}" y="{_num(y + 7 * k)}" font-size="{_num(20 * k)}" fill="#1d2a38">'
            f'{escape(str(item["label"]))}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def _reading_order(nodes: list[dict], pos: dict) -> list[dict]:
    """Nodes top to bottom, left to right: the order of their numbers on the map and in the key."""
    return sorted(
        nodes, key=lambda n: (round(pos[str(n["id"])][1] / 40), pos[str(n["id"])][0], str(n.get("label", "")))
    )


def _overlap(a: tuple, b: tuple) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _place(x: float, y: float, r: float, w: float, h: float, placed: list) -> tuple:
    """The box (x0, y0, x1, y1) of a ``w`` × ``h`` label beside a node of radius ``r`` at (x, y):
    the first of eight places around it that overlaps no label or node already placed, else the one
    that overlaps least.

    >>> _place(0, 0, 10, 20, 10, [])
    (-10.0, 12.0, 10.0, 22.0)
    >>> _place(0, 0, 10, 20, 10, [(-10.0, 12.0, 10.0, 22.0)])[1] < 0  # below is taken: above
    True
    """
    gap = 2.0
    spots = [
        (0, r + gap + h / 2),
        (0, -(r + gap + h / 2)),
        (r + gap + w / 2, 0),
        (-(r + gap + w / 2), 0),
        (r + w / 2, r + h / 2),
        (-(r + w / 2), r + h / 2),
        (r + w / 2, -(r + h / 2)),
        (-(r + w / 2), -(r + h / 2)),
    ]
    best, best_cost = None, None
    for dx, dy in spots:
        cx, cy = x + dx, y + dy
        box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        cost = sum(_overlap(box, other) for other in placed)
        if cost == 0:
            return tuple(float(v) for v in box)
        if best_cost is None or cost < best_cost:
            best, best_cost = box, cost
    return tuple(float(v) for v in best)


def map_key(view: dict, lang: str = "sv", label_limit: int = 400) -> list[dict]:
    """The numbered key of :func:`map_svg`: per number the node's full name, type and level, in the
    order the numbers are drawn (empty when the map is too large to number its nodes).

    >>> import graphmap
    >>> from graphmap.viz import build_view
    >>> kg = graphmap.build()  # doctest: +SKIP
    >>> key = map_key(build_view(kg, county="24"))
    >>> key[0]["number"], any(k["label"] == "Umeå" for k in key)
    (1, True)
    """
    payload = build_payload(view, lang)
    nodes = payload["nodes"]
    if len(nodes) > label_limit:
        return []
    pos = {str(n["id"]): (float(n["x"]), float(n["y"])) for n in nodes}
    by_id = {str(n["id"]): n for n in view["nodes"]}
    return [
        {
            "number": i,
            "label": str(n.get("label", "")),
            "type": str(by_id.get(str(n["id"]), {}).get("type_label") or ""),
            "level": str(by_id.get(str(n["id"]), {}).get("level_label") or ""),
        }
        for i, n in enumerate(_reading_order(nodes, pos), start=1)
    ]


__all__ = ["map_svg", "map_key"]
