"""The support layer as query answers: the ``layer`` engine of ``support`` and ``gaps``, with values
as the SPARQL engine gives them, so every output renders them the same way.
"""

from __future__ import annotations

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
    if name == "support":  # one row per role of the actor (its types, a network's kind): gathered by the header
        return [
            {c: _term(c, v) for c, v in values.items()} | {"role": _term("role", role)}
            for values in (support.fields(layer, r) for r in layer.rows(bound["area"], bound.get("municipality")))
            for role in values.pop("role") or [None]
        ]
    if name == "gaps":
        return [
            {"area": URIRef(r["area"]), "county": URIRef(r["county"]), "municipality": URIRef(r["municipality"])}
            | {k: Literal(v) for k, v in r.items() if isinstance(v, int)}
            for r in layer.gap_rows(bound.get("county"))
        ]
    raise ValueError(f"no layer answer for {name!r}")


def _term(column: str, value):
    return None if value is None else (Literal(value) if column == "route" else URIRef(value))


__all__ = ["layer_rows"]
