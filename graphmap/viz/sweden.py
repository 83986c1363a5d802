"""The gap picture of one area as a map of Sweden: one tile per county at its place, coloured like the
gap matrix's cells (:mod:`graphmap.viz.gapstyle`, from :func:`graphmap.api.gap_matrix`).

Why tiles and not outlines: counties differ in area by a factor of 30 (Norrbotten against Blekinge),
so on an outline map the northern counties dominate the picture and Stockholm, Blekinge or Gotland
become specks too small to colour or label; with tiles every county gets the same space for its
colour, its name and its count, while the grid keeps each county at its place (north at the top,
Gotland in the sea). No map data needs to be shipped or licensed, and the SVG stays a few KB.

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> svg = area_svg(kg, "barn-och-unga")
>>> svg.startswith("<svg"), svg.count('class="tile '), "<script" in svg, "Gotland" in svg
(True, 21, False, True)
"""

from __future__ import annotations

from html import escape

from graphmap.api import gap_matrix
from graphmap.i18n import t
from graphmap.ontology import code_of
from graphmap.viz.gapstyle import PARTLY_COLOUR, cell_colour, look

#: each county's tile (column, row): north at the top, the coast to the east, Gotland in the sea
TILES = {
    "25": (2, 0),
    "24": (2, 1),
    "23": (1, 2),
    "22": (2, 2),
    "20": (1, 3),
    "21": (2, 3),
    "17": (0, 4),
    "18": (1, 4),
    "19": (2, 4),
    "03": (3, 4),
    "14": (0, 5),
    "05": (1, 5),
    "04": (2, 5),
    "01": (3, 5),
    "13": (0, 6),
    "06": (1, 6),
    "08": (2, 6),
    "09": (3, 6),
    "12": (0, 7),
    "07": (1, 7),
    "10": (2, 7),
}
TILE_W, TILE_H, GAP = 118, 66, 4


def _short(label: str) -> str:
    """A county's name as a tile shows it: "Västra Götalands län" -> "Västra Götaland", "Skåne län" ->
    "Skåne", "Stockholm County" -> "Stockholm".

    >>> _short("Västra Götalands län"), _short("Skåne län"), _short("Stockholm County")
    ('Västra Götaland', 'Skåne', 'Stockholm')
    """
    if label.endswith(" län"):
        base = label[: -len(" län")]
        return base[:-1] if base.endswith("s") else base
    return label.removesuffix(" County")


def _lines(text: str, width: int = 13) -> list[str]:
    """``text`` wrapped at spaces and hyphens into lines of about ``width`` characters."""
    words, lines, cur = text.replace("-", "- ").split(), [], ""
    for w in words:
        joined = (cur + ("" if cur.endswith("-") else " ") + w).strip() if cur else w
        if cur and len(joined) > width:
            lines.append(cur)
            cur = w
        else:
            cur = joined
    return lines + ([cur] if cur else [])


def area_tiles(kg, area: str, lang: str = "sv") -> list[dict]:
    """Per county of the gap matrix, for one area (a code or IRI): ``code``, ``label``, ``text`` (the
    cell's own text), ``style`` and ``colour`` (:func:`graphmap.viz.gapstyle.look`), ``href`` (the
    rows behind the cell)."""
    matrix = gap_matrix(kg)
    area_iri = next((a for a in matrix.areas if code_of(a) == code_of(area) or a == str(area)), None)
    if area_iri is None:
        raise KeyError(area)
    out = []
    for county in matrix.columns:
        cell = matrix.cell(area_iri, county)
        seen = look(cell, matrix.by)
        text = cell.text(matrix.by, lang) if seen["style"] != "delvis" else t("gaps.partly", lang)
        count = cell.mark(matrix.by, lang, needs=False)
        out.append(
            {
                "code": code_of(county),
                "label": kg.label(county, lang),
                "text": text,
                "count": count,
                "style": seen["style"],
                "colour": seen["colour"],
                "unmet": cell.unmet_needs if cell.mapped else 0,
                "href": f"/luckor/rader?area={code_of(area_iri)}&county={code_of(county)}",
            }
        )
    return out


def tiles_svg(
    tiles: list[dict],
    title: str,
    lang: str = "sv",
    links: bool = False,
    legend: bool = True,
    width: int | None = None,
    key: str = "",
) -> str:
    """The tiles as one SVG (no script; every label escaped); ``links``: each tile links to its rows;
    ``key`` makes the hatching's id unique when several maps share a page."""
    pattern = f"partly{'-' + key if key else ''}"
    cols = 1 + max(c for c, _ in TILES.values())
    rows = 1 + max(r for _, r in TILES.values())
    legend_w = 70 if legend else 0  # the legend sits in the sea north-east of Uppsala, a little wider than it
    w = cols * (TILE_W + GAP) + legend_w + 10
    h = 34 + rows * (TILE_H + GAP) + 6
    size = f' width="{width}"' if width else ""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}"{size} role="img" '
        f'aria-label="{escape(title, quote=True)}" font-family="system-ui, sans-serif" class="sweden">',
        f"<title>{escape(title)}</title>",
        _pattern(pattern),
        f'<text x="4" y="22" font-size="17" font-weight="600" fill="#1d2a38">{escape(title)}</text>',
    ]
    for tile in tiles:
        if tile["code"] not in TILES:
            continue
        c, r = TILES[tile["code"]]
        x, y = 4 + c * (TILE_W + GAP), 34 + r * (TILE_H + GAP)
        fill = f"url(#{pattern})" if tile["style"] == "delvis" else tile["colour"]
        dash = ' stroke-dasharray="4 3"' if tile["style"] in ("delvis", "ej-kartlagd") else ""
        body = [
            f'<rect x="{x}" y="{y}" width="{TILE_W}" height="{TILE_H}" rx="4" fill="{fill}" stroke="#5b6b7b"'
            f' stroke-width="1"{dash}/>'
        ]
        name = _lines(_short(tile["label"]))
        for i, line in enumerate(name[:2]):
            body.append(
                f'<text x="{x + 6}" y="{y + 16 + 14 * i}" font-size="13" font-weight="600" fill="#1d2a38">'
                f"{escape(line)}</text>"
            )
        italic = ' font-style="italic"' if tile["style"] in ("delvis", "ej-kartlagd") else ""
        count = tile["text"] + (f" !{tile['unmet']}" if tile.get("unmet") else "")
        body.append(
            f'<text x="{x + 6}" y="{y + TILE_H - 8}" font-size="12" fill="#1d2a38"{italic}>{escape(count)}</text>'
        )
        tip = f"<title>{escape(tile['label'])}: {escape(tile['count'])}</title>"
        inner = tip + "".join(body)
        if links:
            inner = f'<a href="{escape(tile["href"], quote=True)}">{inner}</a>'
        out.append(f'<g class="tile {escape(tile["style"])}" data-county="{escape(tile["code"])}">{inner}</g>')
    if legend:
        out += _legend((cols - 1) * (TILE_W + GAP) + 8, 44, pattern, lang)
    out.append("</svg>")
    return "\n".join(out)


def _legend(lx: float, ly: float, pattern: str, lang: str) -> list[str]:
    items = [
        (cell_colour(0.0), "", t("gaps.legend.none", lang)),
        (cell_colour(0.5), "", t("gaps.legend.some", lang)),
        (cell_colour(1.0), "", t("gaps.legend.all", lang)),
        (f"url(#{pattern})", ' stroke-dasharray="4 3"', t("gaps.partly", lang)),
        (cell_colour(None), ' stroke-dasharray="4 3"', t("gaps.not_mapped", lang)),
    ]
    out = ['<g class="legend" font-size="12" fill="#1d2a38">']
    for i, (fill, dash, label) in enumerate(items):
        yy = ly + i * 44
        out.append(f'<rect x="{lx}" y="{yy}" width="26" height="20" rx="3" fill="{fill}" stroke="#5b6b7b"{dash}/>')
        for j, line in enumerate(_lines(label, 20)[:2]):
            out.append(f'<text x="{lx + 34}" y="{yy + 14 + 14 * j}">{escape(line)}</text>')
    out.append("</g>")
    return out


def _pattern(pattern: str) -> str:
    return (
        f'<defs><pattern id="{pattern}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="8" height="8" fill="{PARTLY_COLOUR}"/><line x1="0" y1="0" x2="0" y2="8" stroke="#b9c4d1" '
        'stroke-width="3"/></pattern></defs>'
    )


def legend_svg(lang: str = "sv") -> str:
    """The tiles' legend alone, for a page of several maps.

    >>> "delvis kartlagd" in legend_svg()
    True
    """
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 230 224" role="img" '
            f'aria-label="{escape(t("pages.gaps_legend", lang), quote=True)}" font-family="system-ui, sans-serif" '
            f'class="sweden-legend">',
            _pattern("partly-legend"),
            *_legend(4, 4, "partly-legend", lang),
            "</svg>",
        ]
    )


def area_svg(
    kg, area: str, lang: str = "sv", links: bool = False, legend: bool = True, title: str | None = None
) -> str:
    """The map of Sweden for one area: :func:`area_tiles` drawn by :func:`tiles_svg`."""
    title = (
        title
        if title is not None
        else kg.label(next(a for a in gap_matrix(kg).areas if code_of(a) == code_of(area) or a == str(area)), lang)
    )
    return tiles_svg(area_tiles(kg, area, lang), title, lang, links=links, legend=legend, key=code_of(area))


__all__ = ["TILES", "area_tiles", "tiles_svg", "area_svg", "legend_svg"]
