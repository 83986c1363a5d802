"""The gap matrix and what a municipality reaches per area: counted from the support layer, so that
every cell, page sentence and drill-down says what the support answer says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphmap import analysis
from graphmap.answers import support
from graphmap.answers.state import map_state
from graphmap.ontology import code_of
from graphmap.vocab import vocabularies

if TYPE_CHECKING:
    from graphmap.answers.graph import KnowledgeGraph

#: the questions of the state of the map a gap cell rests on: who covers which municipalities, in which areas
GAP_QUESTIONS = ("fou-tackning", "omraden")


def partly_mapped(kg: KnowledgeGraph) -> set[str]:
    """The counties (IRIs) of :func:`graphmap.api.map_state` whose gap cells rest on an unanswered
    question (:data:`GAP_QUESTIONS` without a source): "delvis kartlagd". Their cells carry it
    (:attr:`graphmap.analysis.GapCell.partly`); :meth:`graphmap.analysis.GapCell.partly_mapped`
    is the one rule every output reads.

    >>> from graphmap.api import build
    >>> sorted(c.rsplit("/", 1)[-1] for c in partly_mapped(build()))
    ['07', '08', '13', '19', '21']
    """
    return {
        str(county)
        for county, state in map_state(kg).items()
        if state.mapped
        and any(state.questions[q].status == "ingen-kalla-hittad" for q in GAP_QUESTIONS if q in state.questions)
    }


def gap_matrix(kg: KnowledgeGraph, county=None) -> analysis.GapMatrix:
    """The gap matrix: area × county, or area × municipality for one ``county`` (name or code).

    The one computation behind ``graphmap gaps``, the web page ``/luckor``, the report and its
    PNG: each shows :meth:`graphmap.analysis.GapCell.text` of the same cells.

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> m = gap_matrix(kg, county="Västerbotten")
    >>> m.by, len(m.areas), len(m.columns)
    ('municipality', 19, 15)
    >>> m.cell("https://w3id.org/graphmap/vocab/area/funktionshinder", "https://w3id.org/graphmap/id/kommun/2480").text("municipality")
    '✓'
    """
    code = None if county in (None, "") else code_of(kg.resolver.county(county))
    cache = kg.__dict__.setdefault("_gap_matrices", {})  # the graph never changes once built
    if code not in cache:
        rows = kg.support_layer.gap_rows(None if code is None else str(kg.resolver.county(code)))
        areas = [str(c.iri) for c in vocabularies().shown_in_order("area")]
        unmapped = {c for c, state in map_state(kg).items() if not state.mapped}
        cache[code] = analysis.gap_matrix(
            rows, by="municipality" if code else "county", areas=areas, unmapped=unmapped, partly=partly_mapped(kg)
        )
    return cache[code]


def gap_cell_actors(kg: KnowledgeGraph, area, county) -> dict[str, list[str]]:
    """Who is behind one cell of the county gap matrix (an area in a county), grouped as the cell
    counts them: ``direct`` (regional and local actors with support in the area: the cell's
    ``supported``), ``broad`` (only broad support: the ``(+n brett)``), ``networks`` (networks in
    the area the municipalities reach) and ``national`` (national actors in the area, the same for
    every cell and not counted). :func:`graphmap.answers.support.reach` over the county's
    municipalities: the rows of their support answers.

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> behind = gap_cell_actors(kg, "funktionshinder", "24")
    >>> "https://w3id.org/graphmap/id/actor/fou-socialtjanst-vasterbotten" in behind["direct"]
    True
    >>> sorted(behind)
    ['broad', 'direct', 'national', 'networks']
    """
    return {k: list(v) for k, v in gap_cell_reach(kg, area, county).items()}


def gap_cell_reach(kg: KnowledgeGraph, area, county) -> dict[str, dict[str, dict]]:
    """:func:`gap_cell_actors` with what each actor brings to the cell
    (:func:`graphmap.answers.support.reach`): its level, kinds of support, confidences, sources and
    the ``municipalities`` of the county it reaches (say them with
    :func:`graphmap.answers.where.where_text`). The one answer behind the page "Vad rutan bygger
    på" and its downloads.

    >>> from graphmap.api import build
    >>> behind = gap_cell_reach(build(), "funktionshinder", "24")
    >>> len(behind["direct"]["https://w3id.org/graphmap/id/actor/fou-socialtjanst-vasterbotten"]["municipalities"])
    15
    """
    area_iri = str(kg.resolver.resolve("vocab:area", str(area), "area"))
    county_iri = str(kg.resolver.county(str(county)))
    layer = kg.support_layer
    return support.reach(layer, area_iri, [m for m, c in layer.county_of.items() if c == county_iri])


def areas_reached(kg: KnowledgeGraph) -> dict[str, set[str]]:
    """For each municipality, the areas in which it reaches support or a network (its gap cell says
    ✓ or N): the areas a municipality has on the map's area filter.

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> sorted(areas_reached(kg)["https://w3id.org/graphmap/id/kommun/2480"])[:1]
    ['https://w3id.org/graphmap/vocab/area/aldre']
    """
    out: dict[str, set[str]] = {}
    for row in gap_matrix(kg).rows:
        if int(row["providers"]) > 0 or int(row["networks"]) > 0:
            out.setdefault(str(row["municipality"]), set()).add(str(row["area"]))
    return out


def municipality_areas(kg: KnowledgeGraph, municipality) -> list[dict]:
    """Every area, in the gap matrix's order, with what the municipality (name, code or IRI)
    reaches there: its gap cell (:class:`graphmap.analysis.GapCell`: ``status``, ``describe``) and
    how many national actors offer support in the area. The one answer a municipality's page and
    the support page show per area; the same cell as the county's gap matrix.

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> rows = municipality_areas(kg, "Malmö")
    >>> [(r["notation"], r["cell"].status()) for r in rows if r["notation"] == "funktionshinder"]
    [('funktionshinder', 'broad')]
    """
    iri = str(kg.resolver.resolve("kommun", str(municipality)))
    county = kg.support_layer.county_of.get(iri)
    matrix = gap_matrix(kg, code_of(county)) if county else None
    return [
        {
            "area": str(c.iri),
            "notation": c.notation,
            "concept": c,
            "cell": matrix.cell(c.iri, iri) if matrix else analysis.EMPTY_CELL,
            "national": matrix.national.get(str(c.iri), 0) if matrix else 0,
        }
        for c in vocabularies().shown_in_order("area")
    ]


__all__ = [
    "gap_matrix",
    "partly_mapped",
    "GAP_QUESTIONS",
    "gap_cell_actors",
    "gap_cell_reach",
    "areas_reached",
    "municipality_areas",
]
