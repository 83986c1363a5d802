"""The state of the map: per county which mapping questions are sourced, how old the sources are,
what is unknown; the sentence an answer about a municipality of an unmapped county must carry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef

from graphmap import mapstate
from graphmap.answers.runner import run_query
from graphmap.i18n import t
from graphmap.ontology import ID, concept_iri

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
            kept_rows(kg, "mapping-state"), sources, counties, covered={str(r["county"]) for r in sources}
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
    iri = municipality_iri(kg, municipality)
    county = kg.support_layer.county_of.get(str(iri))
    return None if county is None else map_state(kg).get(county)


def not_known(kg: KnowledgeGraph, municipality) -> list[mapstate.QuestionState]:
    """What the map does not know about one municipality: each mapping question (RSS, FoU units,
    which municipalities they cover, areas, principals and memberships) that no source answers
    ("ingen källa hittad"), answers only in part ("delvis"), or that no row records at all
    ("ej-angivet": not known); from the municipality's own ``mapping`` rows, else its county's
    (:func:`graphmap.mapstate.municipality_questions`), with the sources and their web addresses.
    The one rule behind every "inte känt" of an answer about a municipality: the support and
    coverage answers' sentence (:func:`not_mapped_note`) on the command line, the web pages and the
    downloads. Data without a ``mapping`` table (a region's own folder) asks no questions: [].

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> [(q.question, q.status) for q in not_known(kg, "Svalöv")]
    [('fou', 'delvis'), ('fou-tackning', 'ingen-kalla-hittad'), ('medlemskap', 'ingen-kalla-hittad')]
    >>> [q.question for q in not_known(kg, "Malmö")]   # Malmö's own FoU unit covers it
    ['fou', 'medlemskap']
    """
    iri = municipality_iri(kg, municipality)
    county = kg.support_layer.county_of.get(str(iri))
    rows = kept_rows(kg, "mapping-state")
    if county is None or not rows:
        return []
    questions = mapstate.municipality_questions(rows, str(iri), county)
    return [q for q in questions.values() if q.status != "kartlagd"]


def municipality_iri(kg: KnowledgeGraph, municipality):
    """A municipality's IRI from its name, code or IRI."""
    if str(municipality).startswith(str(ID["kommun/"])):
        return URIRef(str(municipality))
    return kg.resolver.resolve("kommun", str(municipality))


def kept_rows(kg: KnowledgeGraph, name: str) -> list[dict]:
    """The rows of a parameterless internal query the build keeps (``buildcache.KEPT_QUERIES``),
    read once per graph."""
    key = f"_rows_{name}"
    if key not in kg.__dict__:
        kg.__dict__[key] = run_query(kg, name).rows
    return kg.__dict__[key]


def not_mapped_note(kg: KnowledgeGraph, municipality, lang: str = "sv") -> str | None:
    """One sentence for an answer about a municipality whose county is not mapped, or whose
    mapping questions are answered only in part (:func:`not_known`: which questions, how, and the
    web address of a partial source); None when every mapping question about it is sourced.

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> not_mapped_note(kg, "Gotland", "en")  # doctest: +ELLIPSIS
    "Gotland lies in Gotlands län, which is not mapped yet: ..."
    >>> not_mapped_note(kg, "Kiruna", "en")  # doctest: +ELLIPSIS
    'Norrbottens län, where Kiruna lies, is mapped in part. Not known for Kiruna: which municipalities are covered (answered in part...). ...'
    >>> not_mapped_note(kg, "Umeå") is None
    True
    """
    state = county_state_of(kg, municipality)
    if state is None:
        return None
    iri = municipality_iri(kg, municipality)
    names = dict(municipality=kg.label(iri, lang), county=kg.label(state.county, lang))
    if not state.mapped:
        return t("error.not_mapped", lang, **names)
    unknown = not_known(kg, iri)
    if not unknown:
        return None
    missing = t("error.not_known", lang, **names, questions="; ".join(question_text(kg, q, lang) for q in unknown))
    return t("error.partly_mapped", lang, **names, missing=missing)


def not_known_groups(kg: KnowledgeGraph, county, lang: str = "sv") -> list[tuple[str, list[str]]]:
    """What is not known about each municipality of a county (:func:`not_known`), as the county
    report lists it: municipalities that lack the same answers grouped, each group's questions in
    words (:func:`question_text`) and its municipalities' names, in Swedish order.

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> groups = not_known_groups(kg, "https://w3id.org/graphmap/id/lan/12")
    >>> [len(names) for _text, names in groups]   # Malmö and Helsingborg apart from the other 31
    [31, 2]
    """
    from graphmap.i18n import sv_sort_key

    groups: dict[str, list[str]] = {}
    for m, c in kg.support_layer.county_of.items():
        if c != str(county):
            continue
        missing = not_known(kg, m)
        if missing:
            text = "; ".join(question_text(kg, q, lang) for q in missing)
            groups.setdefault(text, []).append(kg.label(URIRef(m), lang))
    return sorted(
        ((text, sorted(names, key=sv_sort_key)) for text, names in groups.items()),
        key=lambda g: (-len(g[1]), sv_sort_key(g[1][0])),
    )


#: the answers about one municipality that say what the map does not know about it
ABOUT_A_MUNICIPALITY = ("support", "coverage")


def answer_note(result, lang: str = "sv") -> str | None:
    """The sentence an answer (a :class:`graphmap.answers.runner.QueryResult`) about one
    municipality carries (:func:`not_mapped_note`): the support and coverage answers asked for a
    municipality; None for any other answer. Every surface that shows such an answer shows it (the
    command line after the table, the web page above it, the workbook's sheet about the data).

    >>> from graphmap.api import build, run_query
    >>> kg = build()  # doctest: +SKIP
    >>> answer_note(run_query(kg, "coverage", municipality="Svalöv"), "en")  # doctest: +ELLIPSIS
    'Skåne län, where Svalöv lies, is mapped in part. Not known for Svalöv: R&D units (answered in part: http://malmo.se/fou); ...'
    """
    municipality = result.params.get("municipality")
    if result.query.name not in ABOUT_A_MUNICIPALITY or municipality is None:
        return None
    return not_mapped_note(result.kg, municipality, lang)


def question_text(kg: KnowledgeGraph, question: mapstate.QuestionState, lang: str = "sv") -> str:
    """One question of :func:`not_known` in words: the question, its status and the web
    addresses of its sources, e.g. "fou-enheter (bara delvis besvarat: http://malmo.se/fou)"."""
    name = kg.label(concept_iri("mapping-question", question.question), lang)
    first = name.split()[0] if name else ""
    if first[1:] == first[1:].lower():  # "Vilka kommuner …" -> "vilka kommuner …"; "FoU-enheter" stays
        name = name[:1].lower() + name[1:]
    status = t(f"error.not_known.{question.status}", lang)
    if question.urls:
        status += ": " + ", ".join(question.urls)
    return f"{name} ({status})"


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


__all__ = [
    "map_state",
    "county_state_of",
    "not_known",
    "answer_note",
    "not_mapped_note",
    "question_text",
    "stale_sources",
]
