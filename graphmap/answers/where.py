"""Where an answer's rows reach: the municipalities each row of "Var finns stöd?" for an area alone
(and each actor behind a gap cell) reaches, per county, and the one way every output says it
("Västerbottens län: alla 15 kommuner", "Umeå, Vindeln (2 av 15)", "alla utom Nordmaling (14 av 15)").

Counted from the support layer (:mod:`graphmap.answers.support`), the rows the support answer is
made of, so a row says where by the same facts that put it in the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from graphmap.answers import support
from graphmap.answers.runner import QueryResult
from graphmap.i18n import sv_sort_key, t
from graphmap.queries import ColumnSpec

if TYPE_CHECKING:
    from graphmap.answers.graph import KnowledgeGraph

#: the columns that tell one row of the support answer from another (the others are gathered)
ROW_KEY = ("actor", "level", "match", "route", "via", "extent", "confidence")
#: a county's municipalities listed as "alla utom …" when at most this many are missing
EXCEPT_AT_MOST = 5
#: the columns :func:`with_places` adds to the support answer for an area alone
PLACE_COLUMNS = [
    ColumnSpec("places", "text", "Når kommunerna", "Reaches the municipalities"),
    ColumnSpec("counties", "iri", "Län som nås", "Counties reached"),
    ColumnSpec("municipalities", "iri", "Kommuner som nås", "Municipalities reached"),
]


@dataclass(frozen=True)
class Place:
    """The municipalities (IRIs) something reaches in one county, of the county's ``total``."""

    county: str
    municipalities: tuple[str, ...]
    total: int

    @property
    def whole(self) -> bool:
        return len(self.municipalities) >= self.total

    def text(self, kg: KnowledgeGraph, lang: str = "sv", named: bool = True) -> str:
        """The county's part in words: every municipality, all but a few, or the ones reached;
        ``named``: led by the county's name."""
        if self.whole:
            what = t("gaps.where_all_in_county", lang, n=self.total)
        else:
            reached = set(self.municipalities)
            missing = [m for m, c in kg.support_layer.county_of.items() if c == self.county and m not in reached]

            def names(ms) -> str:
                return ", ".join(sorted((kg.label(URIRef(m), lang) for m in ms), key=sv_sort_key))

            key = (
                "gaps.where_all_but"
                if len(missing) <= EXCEPT_AT_MOST and len(missing) < len(reached)
                else "gaps.where_some"
            )
            what = t(
                key,
                lang,
                names=names(missing if key == "gaps.where_all_but" else reached),
                k=len(reached),
                n=self.total,
            )
        return f"{kg.label(URIRef(self.county), lang)}: {what}" if named else what


def places(kg: KnowledgeGraph, municipalities) -> list[Place]:
    """``municipalities`` (IRIs) grouped by county, the counties by code.

    >>> from graphmap.api import build
    >>> kg = build()
    >>> [(p.county.rsplit("/", 1)[-1], len(p.municipalities), p.total, p.whole)
    ...  for p in places(kg, ["https://w3id.org/graphmap/id/kommun/2480", "https://w3id.org/graphmap/id/kommun/0180"])]
    [('01', 1, 26, False), ('24', 1, 15, False)]
    """
    county_of = kg.support_layer.county_of
    totals: dict[str, int] = {}
    for c in county_of.values():
        totals[c] = totals.get(c, 0) + 1
    by_county: dict[str, list[str]] = {}
    for m in sorted(set(map(str, municipalities))):
        if m in county_of:
            by_county.setdefault(county_of[m], []).append(m)
    return [
        Place(c, tuple(ms), totals[c]) for c, ms in sorted(by_county.items(), key=lambda kv: kv[0].rsplit("/", 1)[-1])
    ]


def where_text(kg: KnowledgeGraph, municipalities, lang: str = "sv") -> str:
    """Where ``municipalities`` lie, as every output says it: every municipality of the country, or
    per county (:meth:`Place.text`), counties joined by "; ".

    >>> from graphmap.api import build
    >>> kg = build()
    >>> where_text(kg, kg.support_layer.county_of)
    'hela landet (alla 290 kommuner)'
    >>> where_text(kg, [m for m, c in kg.support_layer.county_of.items() if c.endswith("/24")], "en")
    'Västerbottens län: all 15 municipalities'
    >>> where_text(kg, ["https://w3id.org/graphmap/id/kommun/2480", "https://w3id.org/graphmap/id/kommun/2482"])
    'Västerbottens län: Skellefteå, Umeå (2 av 15)'
    """
    found = set(map(str, municipalities))
    if found and found >= set(kg.support_layer.county_of):
        return t("gaps.where_everywhere", lang, n=len(kg.support_layer.county_of))
    return "; ".join(p.text(kg, lang) for p in places(kg, found))


def row_key(row: dict) -> tuple:
    """A support answer row's identity (:data:`ROW_KEY`), every value a plain string or None."""
    return tuple(None if row.get(c) is None else str(row[c]) for c in ROW_KEY)


def support_reach(kg: KnowledgeGraph, area: str) -> dict[tuple, frozenset]:
    """For "Var finns stöd?" for an ``area`` (IRI) alone: each row's key (:func:`row_key`) -> the
    municipalities (IRIs) the row reaches, from the same layer rows the answer is made of.

    >>> from graphmap.api import build, run_query
    >>> kg = build()
    >>> result = run_query(kg, "support", area="funktionshinder")
    >>> reach = support_reach(kg, "https://w3id.org/graphmap/vocab/area/funktionshinder")
    >>> all(row_key(r) in reach for r in result.rows)
    True
    """
    layer = kg.support_layer
    cache = kg.__dict__.setdefault("_support_reach", {})
    if area not in cache:
        out: dict[tuple, set] = {}

        def key(r: tuple) -> tuple:
            return (
                r[support.ACTOR],
                r[support.LEVEL],
                r[support.MATCH],
                r[support.ROUTE],
                r[support.VIA],
                r[support.EXTENT],
                r[support.CONFIDENCE],
            )

        for (a, m), rows in layer.local.items():
            if a == area:
                for r in rows:
                    out.setdefault(key(r), set()).add(m)
        everyone = set(layer.county_of)
        for r in layer.national.get(area, ()):
            out.setdefault(key(r), set()).update(everyone)
        cache[area] = {k: frozenset(v) for k, v in out.items()}
    return cache[area]


def with_places(result: QueryResult, lang: str = "sv") -> QueryResult:
    """The support answer for an area alone with where each row reaches: ``places`` (the words of
    :func:`where_text`), ``counties`` and ``municipalities`` (IRIs, gathered as lists). The page,
    the downloads and the CLI show these columns; a result for one municipality is returned as it is.

    >>> from graphmap.api import build, run_query
    >>> kg = build()
    >>> placed = with_places(run_query(kg, "support", area="funktionshinder"))
    >>> fou = next(r for r in placed.present() if r["actor_label"] == "FoU Socialtjänst (Västerbotten)")
    >>> fou["places"], len(fou["municipalities"])
    ('Västerbottens län: alla 15 kommuner', 15)
    """
    if result.query.name != "support" or result.params.get("municipality") is not None:
        return result
    reach = support_reach(result.kg, str(result.params["area"]))
    county_of = result.kg.support_layer.county_of
    rows = []
    for row in result.rows:
        reached = reach.get(row_key(row), frozenset())
        rows.append(
            row
            | {
                "places": Literal(where_text(result.kg, reached, lang)),
                "counties": tuple(URIRef(c) for c in sorted({county_of[m] for m in reached})),
                "municipalities": tuple(URIRef(m) for m in sorted(reached)),
            }
        )
    query = replace(result.query, columns=[*result.query.columns, *PLACE_COLUMNS])
    return replace(result, query=query, rows=rows)


def by_county(result: QueryResult) -> list[tuple[str | None, list[tuple[int, Place | None]]]]:
    """The rows of :func:`with_places` grouped by the county they reach: first the rows that reach
    every municipality (``None``: national), then per county (by code) each row's index and its
    :class:`Place` there. A row that reaches two counties is in both groups.

    >>> from graphmap.api import build, run_query
    >>> kg = build()
    >>> groups = by_county(with_places(run_query(kg, "support", area="funktionshinder")))
    >>> groups[0][0] is None, groups[1][0].rsplit("/", 1)[-1]
    (True, '01')
    """
    everyone = set(result.kg.support_layer.county_of)
    national: list[tuple[int, Place | None]] = []
    counties: dict[str, list[tuple[int, Place | None]]] = {}
    for i, row in enumerate(result.rows):
        reached = {str(m) for m in row.get("municipalities") or ()}
        if reached and reached >= everyone:
            national.append((i, None))
            continue
        for p in places(result.kg, reached):
            counties.setdefault(p.county, []).append((i, p))
    out: list = [(None, national)] if national else []
    return out + sorted(counties.items(), key=lambda kv: kv[0].rsplit("/", 1)[-1])


__all__ = [
    "Place",
    "places",
    "where_text",
    "row_key",
    "support_reach",
    "with_places",
    "by_county",
    "ROW_KEY",
    "PLACE_COLUMNS",
]
