"""The one runner of every question: a named or internal query (``graphmap/queries/*.rq``) with
bound parameters, answered by the engine its header names (``sparql`` on the embedded store, or an
answer module's engine: ``paths`` in :mod:`graphmap.answers.chains`, ``layer`` in
:mod:`graphmap.answers.layer`), shaped as the header says (gathered columns, symmetric pairs).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from rdflib import Literal, URIRef

from graphmap.i18n import sv_sort_key, t
from graphmap.ontology import concept_iri
from graphmap.queries import NamedQuery, find, library
from graphmap.resolve import UnknownName

if TYPE_CHECKING:
    from graphmap.answers.graph import KnowledgeGraph

#: engine name -> the function that answers a query of that engine: (kg, query, bound values) -> rows.
#: An answer module registers its own with :func:`engine`; the runner knows only where they live.
ENGINES: dict[str, Callable] = {}
ENGINE_MODULES = {"paths": "graphmap.answers.chains", "layer": "graphmap.answers.layer"}


def engine(name: str):
    """Register the decorated function as the engine ``name`` (``# engine: name`` in a query header)."""

    def register(func):
        ENGINES[name] = func
        return func

    return register


class MissingParameter(ValueError):
    def __init__(self, param: str):
        self.param = param
        super().__init__(param)

    def message(self, lang: str = "sv") -> str:
        return t("error.missing_parameter", lang, param=self.param)


@dataclass
class QueryResult:
    query: NamedQuery
    params: dict
    rows: list[dict]
    kg: KnowledgeGraph = field(repr=False)

    def present(self, lang: str = "sv") -> list[dict]:
        """Rows with a ``<column>_label`` beside every IRI, concept, route and relation column."""
        out = []
        for row in self.rows:
            item: dict = {}
            for col in self.query.columns:
                value = row.get(col.name)
                if isinstance(value, tuple):  # a gathered column: a list of values, one label text
                    item[col.name] = [_plain(v) for v in value]
                    if col.labelled:
                        labels = [self._label(col, v, lang) for v in value]
                        item[f"{col.name}_label"] = "; ".join(sorted(labels, key=sv_sort_key))
                    continue
                item[col.name] = _plain(value)
                if col.holds_term:
                    item[f"{col.name}_label"] = self.kg.label(value, lang) if value is not None else ""
                elif col.type == "route":
                    item[f"{col.name}_label"] = self.kg.labels.route(value, lang) if value is not None else ""
                elif col.type == "value":
                    item[f"{col.name}_label"] = (
                        self.kg.label(value, lang)
                        if isinstance(value, URIRef)
                        else ("" if value is None else str(value))
                    )
                if col.type == "relation" and row.get("inverse") and value is not None:
                    item[f"{col.name}_label"] = self.kg.labels.inverse(value, lang)  # a chain read outward
            out.append(item)
        return out

    def stated_only(self) -> "QueryResult":
        """The rows that rest on stated (or reference) facts only: no assumption among them.

        >>> from graphmap.api import build, run_query
        >>> kg = build()  # doctest: +SKIP
        >>> r = run_query(kg, "support", area="funktionshinder", municipality="Umeå")
        >>> len(r.rows) - len(r.stated_only().rows)   # the assumed membership of the kranskommun network
        1
        """
        weak = {str(concept_iri("confidence", "assumed"))}
        rows = [r for r in self.rows if str(r.get("confidence")) not in weak]
        return QueryResult(self.query, self.params, rows, self.kg)

    def _label(self, col, value, lang: str) -> str:
        if col.type == "route":
            return self.kg.labels.route(value, lang)
        return self.kg.label(value, lang) if isinstance(value, URIRef) else str(value)


def _plain(value):
    if value is None:
        return None
    if isinstance(value, Literal):
        return value.toPython() if not value.language else str(value)
    return str(value) if isinstance(value, URIRef) else value


def list_queries() -> list[NamedQuery]:
    return list(library().values())


def bind_params(kg: KnowledgeGraph, query: NamedQuery, values: dict) -> dict:
    """Resolve user-typed values to RDF terms; raise UnknownName / MissingParameter."""
    known = {p.name for p in query.params}
    for name in values:
        if name not in known:
            raise UnknownName("param", name, sorted(known))
    bound = {}
    for p in query.params:
        raw = values.get(p.name)
        if raw in (None, ""):
            if p.required:
                raise MissingParameter(p.name)
            continue
        bound[p.name] = kg.resolver.resolve(p.type, raw, p.name)
    return bound


def run_query(kg: KnowledgeGraph, name: str, **values) -> QueryResult:
    """Run a named or internal query (:func:`graphmap.queries.find`) on the embedded store with
    bound parameters: the one runner of every SPARQL text in ``graphmap/queries/``.

    >>> from graphmap.api import build, run_query
    >>> kg = build()  # doctest: +SKIP
    >>> len(run_query(kg, "source-info").rows) == len(run_query(kg, "report-source-docs").rows)
    True
    """
    query = find(name)
    if query is None:
        raise UnknownName("query", name, sorted(library()))
    bound = bind_params(kg, query, values)
    if query.engine == "sparql":
        rows = shape_rows(kg.select(query, bound), query)
    else:
        if query.engine not in ENGINES:
            importlib.import_module(ENGINE_MODULES[query.engine])  # it registers itself
        rows = ENGINES[query.engine](kg, query, bound)
    return QueryResult(query, bound, rows, kg)


def shape_rows(rows: list[dict], query: NamedQuery) -> list[dict]:
    """A query's raw rows as its answer: the declared columns, no repeats, and the columns of its
    ``# gather:`` header line gathered into one tuple per row (both backends end here).

    >>> q = find("support")
    >>> rows = [dict(actor="A", kind="k1", offer_area="x", source=None), dict(actor="A", kind="k2", offer_area="x", source="s")]
    >>> [(r["actor"], r["kind"], r["offer_area"], r["source"]) for r in shape_rows(rows, q)]
    [('A', ('k1', 'k2'), ('x',), ('s',))]
    """
    columns = [c.name for c in query.columns]
    rows = dedupe(rows, columns)
    if query.symmetric:  # a pair found both ways round is one row, its ends in IRI order
        a, b = query.symmetric
        pairs = {(str(r[a]), str(r[b])) for r in rows}
        rows = [r for r in rows if str(r[a]) < str(r[b]) or (str(r[b]), str(r[a])) not in pairs]
    if not query.gathered:
        return rows
    gathered = [c for c in columns if c in query.gathered]
    kept = [c for c in columns if c not in query.gathered]
    out: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row[c] for c in kept)
        item = out.get(key)
        if item is None:
            item = out[key] = {c: row[c] for c in kept} | {c: [] for c in gathered}
        for c in gathered:
            if row[c] is not None and row[c] not in item[c]:
                item[c].append(row[c])
    return [{c: (tuple(v) if c in query.gathered else v) for c, v in item.items()} for item in out.values()]


def dedupe(rows: list[dict], columns: list[str]) -> list[dict]:
    """Keep the declared columns and drop repeated rows, preserving order."""
    seen, out = set(), []
    for row in rows:
        item = {c: row.get(c) for c in columns}
        key = tuple(item.values())
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


__all__ = [
    "MissingParameter",
    "QueryResult",
    "ENGINES",
    "engine",
    "list_queries",
    "bind_params",
    "run_query",
    "shape_rows",
    "dedupe",
]
