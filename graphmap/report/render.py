"""Rendering the mapping report: :func:`report_data`'s plain data as one self-contained HTML page.

The page is the Jinja2 template ``graphmap/templates/report.html.j2`` (autoescape on, so every
label is escaped); its texts come from the catalogue through the ``t(key, **values)`` callable
the template is given (``report.*`` keys). The level map is embedded as an ``<iframe srcdoc>``
drawn by :func:`graphmap.viz.render_map_html`, with a static picture of the same map
(:func:`graphmap.viz.static.map_svg`, an ``<img>`` of SVG) for print and PDF, and the page's Content-Security-Policy allows
exactly the map's scripts (:func:`graphmap.viz.script_hashes`).

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> html = report_html(kg, lang="en", county="24")
>>> "<title>Mapping report – Mapping of support in social services – County: Västerbottens län</title>" in html
True
"""

from __future__ import annotations

import base64
from functools import lru_cache

from markupsafe import Markup

from graphmap import i18n
from graphmap.report.gather import report_data
from graphmap.viz import render_map_html, script_hashes
from graphmap.viz.static import map_key, map_svg as static_map_svg
from graphmap.viz.sweden import legend_svg, tiles_svg


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    from graphmap.ingest.cells import shown

    return Environment(
        loader=PackageLoader("graphmap", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=shown,
    )  # invisible characters as codes


def sweden_maps(gaps: dict, lang: str = "sv") -> list[str]:
    """The national gap matrix (``report_data(...)["gaps"]``) as one map of Sweden per area
    (:func:`graphmap.viz.sweden.tiles_svg`, the legend once, in :func:`sweden_legend`); none for
    a county's matrix (its columns are municipalities).

    >>> import graphmap
    >>> from graphmap.report import report_data
    >>> kg = graphmap.build()  # doctest: +SKIP
    >>> gaps = report_data(kg)["gaps"]
    >>> maps = sweden_maps(gaps)
    >>> len(maps) == len(gaps["areas"]), maps[0].count('class="tile ')
    (True, 21)
    """
    if gaps["by"] != "county":
        return []
    out = []
    for i, row in enumerate(gaps["rows"]):
        tiles = [
            {
                "code": col["code"],
                "label": col["label"],
                "style": cell["style"],
                "colour": cell["colour"],
                "unmet": cell["unmet"],
                "count": cell["text"],
                "text": i18n.t("gaps.partly", lang) if cell["style"] == "delvis" else cell["text"],
            }
            for col, cell in zip(gaps["columns"], row["cells"])
        ]
        out.append(tiles_svg(tiles, row["area"], lang, legend=False, key=str(i)))
    return out


def national_once(support: list[dict]) -> tuple[list[dict], list[dict]]:
    """A county report's support per area with the national group taken out of every area, and the
    national actors and networks listed once with the areas they support (they reach every
    municipality alike).

    >>> blocks = [{"area": "A", "groups": [{"group": "national", "rows": [{"actor": "SKR"}]},
    ...                                    {"group": "direct", "rows": [{"actor": "FoU"}]}]},
    ...           {"area": "B", "groups": [{"group": "national", "rows": [{"actor": "SKR"}]}]}]
    >>> own, national = national_once(blocks)
    >>> [[g["group"] for g in b["groups"]] for b in own], national
    ([['direct'], []], [{'actor': 'SKR', 'areas': 'A, B'}])
    """
    national: dict[str, list[str]] = {}
    own = []
    for block in support:
        kept = []
        for group in block["groups"]:
            if group["group"] == "national":
                for row in group["rows"]:
                    national.setdefault(row["actor"], []).append(block["area"])
            else:
                kept.append(group)
        own.append(dict(block, groups=kept))
    return own, [{"actor": actor, "areas": ", ".join(areas)} for actor, areas in national.items()]


def render_html(data: dict, png_name: str | None = None) -> str:
    """The report page for ``data`` (:func:`report_data`); ``png_name`` names the gap matrix PNG
    written beside it (mentioned under the matrix), if any."""
    data = dict(data)
    view = data.pop("view")
    data["support"], data["national_actors"] = (
        national_once(data["support"]) if not data["national"] else (data["support"], [])
    )
    lang = data["lang"]
    # the interactive map only where it stays small enough to open fast (MAP_EMBED_LIMIT)
    map_page = render_map_html(view, lang=lang, title=view["labels"]["title"]) if data.get("embed_map", True) else ""
    # escaped here, as the srcdoc attribute needs it, and so left as it is by the template's finalize
    # (which writes invisible characters as codes: the map's script has one, and its hash must hold)
    map_page = Markup.escape(map_page)
    map_svg = base64.b64encode(static_map_svg(view, lang=lang, title=view["labels"]["title"]).encode("utf-8")).decode(
        "ascii"
    )
    # the embedded map (iframe srcdoc) obeys this policy too: allow exactly its scripts
    csp = (
        "default-src 'none'; script-src "
        + " ".join(script_hashes())
        + "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            **data,
            map_page=map_page,
            map_svg=map_svg,
            map_key=map_key(view, lang=lang),
            sweden=sweden_maps(data["gaps"], lang),
            sweden_legend=legend_svg(lang),
            csp=csp,
            png_name=png_name,
            t=lambda key, **values: i18n.t(key, lang, **values),
        )
    )


def report_html(
    kg,
    lang: str = "sv",
    county=None,
    include_personal: bool = False,
    png_name: str | None = None,
    datasets=None,
    previous=None,
) -> str:
    """The mapping report as one self-contained HTML page (no external loads); ``previous``: an earlier
    data version, for the section on what changed."""
    return render_html(
        report_data(
            kg, lang=lang, county=county, include_personal=include_personal, datasets=datasets, previous=previous
        ),
        png_name,
    )


__all__ = ["render_html", "report_html", "sweden_maps"]
