"""How a cell of the gap matrix looks, the same in the report, its PNG, the web app and the map of
Sweden: red (no municipality reaches support) through yellow to green (all do), and two neutral
looks that are never a gap: **ej kartlagd** (no source says anything about the county, grey) and
**delvis kartlagd** (pale blue-grey, hatched where the medium allows it). Which cell is
"delvis kartlagd" is the answer's rule, :meth:`graphmap.analysis.GapCell.partly_mapped`
(the counties: :func:`graphmap.answers.gaps.partly_mapped`); this module only draws it.

>>> from graphmap.analysis import GapCell
>>> look(GapCell(8, 0, 0, 0, 0, partly=True), "county")["style"], look(GapCell(8, 0, 0, 0, 0), "county")["style"]
('delvis', 'gap')
>>> look(GapCell(8, 4, 0, 0, 0, partly=True), "county")["style"]  # support found is shown as found
'share'
>>> look(GapCell(8, 0, 0, 0, 0, mapped=False), "county")["colour"] == NOT_MAPPED_COLOUR
True
>>> cell_colour(0.0), cell_colour(1.0)
('#f4a5a5', '#9fd89f')
"""

from __future__ import annotations

NOT_MAPPED_COLOUR = "#e6e6e6"
PARTLY_COLOUR = "#dfe6ee"


def cell_colour(share: float | None) -> str:
    """Red (none) through yellow to green (all), as a hex colour; grey for a cell not mapped (``None``)."""
    if share is None:
        return NOT_MAPPED_COLOUR
    stops = [(0.0, (0xF4, 0xA5, 0xA5)), (0.5, (0xF9, 0xE0, 0x8C)), (1.0, (0x9F, 0xD8, 0x9F))]
    for (s0, c0), (s1, c1) in zip(stops, stops[1:]):
        if share <= s1:
            f = 0 if s1 == s0 else (share - s0) / (s1 - s0)
            return "#" + "".join(f"{round(a + (b - a) * f):02x}" for a, b in zip(c0, c1))
    return "#9fd89f"


def look(cell, by: str = "county") -> dict:
    """A cell's look: ``style`` (``ej-kartlagd``, ``delvis``, ``gap`` no support, ``share`` some or
    all), ``share`` (0–1, None for the neutral looks), ``colour`` and ``heat`` (0–4 or ``-na`` /
    ``-partly``, the web app's classes)."""
    if not cell.mapped:
        return {"style": "ej-kartlagd", "share": None, "colour": NOT_MAPPED_COLOUR, "heat": "-na"}
    share = cell.shade(by)
    if cell.partly_mapped(by):
        return {"style": "delvis", "share": None, "colour": PARTLY_COLOUR, "heat": "-partly"}
    return {
        "style": "gap" if share == 0 else "share",
        "share": share,
        "colour": cell_colour(share),
        "heat": min(4, int(share * 4)),
    }


__all__ = ["look", "cell_colour", "NOT_MAPPED_COLOUR", "PARTLY_COLOUR"]
