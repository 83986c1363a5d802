"""The support layer as query answers: the ``layer`` engine of ``support`` and ``gaps``, with values
as the SPARQL engine gives them, so every output renders them the same way.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from graphmap.answers import support
from graphmap.answers.runner import engine, shape_rows

if TYPE_CHECKING:
    from graphmap.answers.graph import KnowledgeGraph


@engine("layer")
def layer_answer(kg, query, bound: dict) -> list[dict]:
    """A ``# engine: layer`` question's shaped rows."""
    return shape_rows(layer_rows(kg, query.name, {k: str(v) for k, v in bound.items()}), query)


def layer_rows(kg: KnowledgeGraph, name: str, bound: dict[str, str]) -> list[dict]:
    """The rows of a query answered from the support layer (``# engine: layer``): ``support`` for
    an area (and a municipality), ``gaps`` for the country or a county; values as the SPARQL
    engine gives them (IRIs as URIRef, counts and routes as literals).

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> rows = layer_rows(kg, "gaps", {"county": "https://w3id.org/graphmap/id/lan/24"})
    >>> len(rows), sorted(rows[0])[:3]   # 15 municipalities × 19 areas
    (285, ['area', 'broad', 'county'])
    """
    layer = kg.support_layer
    if name == "support":
        # one row per role of the actor (its types, a network's kind) and per web address of the
        # row's source: both gathered by the header
        out: list[dict] = []
        for r in layer.rows(bound["area"], bound.get("municipality")):
            values = support.fields(layer, r)
            roles, urls = values.pop("role") or [None], values.pop("url") or [None]
            row = {c: _term(c, v) for c, v in values.items()}
            out.extend(row | {"role": _term("role", role), "url": _url(url)} for role in roles for url in urls)
        return out
    if name == "gaps":  # ~5,500 rows for the country over a few hundred distinct values: each term made once
        iri, number = functools.cache(URIRef), functools.cache(Literal)

        return [
            {"area": iri(r["area"]), "county": iri(r["county"]), "municipality": iri(r["municipality"])}
            | {k: number(v) for k, v in r.items() if isinstance(v, int)}
            for r in layer.gap_rows(bound.get("county"))
        ]
    raise ValueError(f"no layer answer for {name!r}")


def _term(column: str, value):
    return None if value is None else (Literal(value) if column == "route" else URIRef(value))


def _url(value):
    """A source's web address as the SPARQL engine gives it (a literal)."""
    return None if value is None else Literal(value)


__all__ = ["layer_rows"]
