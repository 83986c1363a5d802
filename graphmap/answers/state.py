"""The state of the map: per county which mapping questions are sourced, how old the sources are,
what is unknown; the sentence an answer about a municipality of an unmapped county must carry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphmap import mapstate
from graphmap.answers.runner import run_query
from graphmap.i18n import t
from graphmap.ontology import concept_iri

if TYPE_CHECKING:
    from graphmap.answers.graph import KnowledgeGraph


def map_state(kg: KnowledgeGraph) -> dict[str, mapstate.CountyState]:
    """The state of the map per county (IRI -> :class:`graphmap.mapstate.CountyState`): which
    questions are sourced, how old the sources are, what is still unknown. The one computation
    behind ``graphmap state``, the web page ``/kartlaggning``, the report's section on the map's
    state and every "ej kartlagd" (the gap matrix, support answers, municipality pages).

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> states = map_state(kg)
    >>> len(states), states["https://w3id.org/graphmap/id/lan/24"].mapped
    (21, True)
    >>> states["https://w3id.org/graphmap/id/lan/09"].status, states["https://w3id.org/graphmap/id/lan/25"].status
    ('ej-kartlagd', 'delvis')
    """
    if "_map_state" not in kg.__dict__:
        counties = [str(r["county"]) for r in run_query(kg, "report-counties").rows]
        sources = run_query(kg, "mapping-sources").rows
        kg.__dict__["_map_state"] = mapstate.county_states(
            run_query(kg, "mapping-state").rows, sources, counties, covered={str(r["county"]) for r in sources}
        )
    return kg.__dict__["_map_state"]


def county_state_of(kg: KnowledgeGraph, municipality) -> mapstate.CountyState | None:
    """The state of the map (:func:`map_state`) of the county a municipality (name or code) lies
    in: what a support answer for it must say when the county is not mapped.

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> county_state_of(kg, "Gotland").status, county_state_of(kg, "Kiruna").status
    ('ej-kartlagd', 'delvis')
    """
    iri = kg.resolver.resolve("kommun", str(municipality))
    county = kg.support_layer.county_of.get(str(iri))
    return None if county is None else map_state(kg).get(county)


def not_mapped_note(kg: KnowledgeGraph, municipality, lang: str = "sv") -> str | None:
    """One sentence for an answer about a municipality whose county is not mapped, or mapped only
    in part (which part is missing); None when every mapping question of the county is sourced.

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> not_mapped_note(kg, "Gotland", "en")  # doctest: +ELLIPSIS
    "Gotland lies in Gotlands län, which is not mapped yet: ..."
    >>> not_mapped_note(kg, "Kiruna", "en")  # doctest: +ELLIPSIS
    'Norrbottens län, where Kiruna lies, is mapped in part. Answered in part: which municipalities are covered. ...'
    >>> not_mapped_note(kg, "Umeå") is None
    True
    """
    state = county_state_of(kg, municipality)
    if state is None or state.status == "kartlagd":
        return None
    iri = kg.resolver.resolve("kommun", str(municipality))
    names = dict(municipality=kg.label(iri, lang), county=kg.label(state.county, lang))
    if state.mapped:  # mapped in part: say which questions no source answers, or answers in part
        missing = "".join(
            t(
                key,
                lang,
                questions=", ".join(kg.label(concept_iri("mapping-question", q), lang).lower() for q in questions),
            )
            for key, questions in (("error.partly_unknown", state.unknown), ("error.partly_partly", state.partly))
            if questions
        )
        return t("error.partly_mapped", lang, **names, missing=missing)
    return t("error.not_mapped", lang, **names)


def stale_sources(kg: KnowledgeGraph, years: int = mapstate.STALE_YEARS, today=None) -> list:
    """Warnings for the sources whose own date is more than ``years`` years old: due for checking
    (``graphmap validate`` reports them with file, row and column).

    >>> from graphmap.api import build
    >>> import datetime
    >>> kg = build()  # doctest: +SKIP
    >>> [p.format("en") for p in stale_sources(kg, today=datetime.date(2030, 1, 1))][:1]  # doctest: +ELLIPSIS
    ['00-nationellt/sources, row 6, column date: ...2021-04-02... more than 5 years...']
    """
    import datetime as dt

    from graphmap.problems import Problem

    today = today or dt.date.today()
    from graphmap.validate import row_index

    where = row_index(kg.ingest.rows) if kg.ingest is not None else {}
    out = []
    for row in run_query(kg, "source-dates").rows:
        date = str(row["source_date"])
        if "/reference/sources/" in str(row["source"]):
            continue  # an official register (SCB's codes): current until it changes, not a page to re-read
        if date[:4].isdigit() and int(date[:4]) < today.year - years:
            file, number = where.get(row["source"], (str(row["source"]), None))
            out.append(
                Problem(
                    file,
                    number,
                    "date",
                    "stale_source",
                    "warning",
                    {"value": date, "years": years, "checked": str(row["checked"] or "")},
                )
            )
    return out


__all__ = ["map_state", "county_state_of", "not_mapped_note", "stale_sources"]
