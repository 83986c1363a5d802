"""The graph: the validated RDF graph in the embedded store and its projections, built from tables
or loaded from graph files (:func:`build`, :func:`load`), with the support layer derived from it.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal

from graphmap import analysis
from graphmap.answers import support
from graphmap.fileio import GRAPH_SUFFIXES, read_graph
from graphmap.labels import Labels
from graphmap.ontology import GM, RDF
from graphmap.queries import find, library
from graphmap.resolve import Resolver
from graphmap.store import Store

if TYPE_CHECKING:  # the ingest and the validator load only when a graph is built from tables
    from graphmap.ingest import IngestResult
    from graphmap.validate import ValidationReport


#: Named queries whose every answer is derived once per build: the answer for bound parameters is
#: the rows of the parameterless answer whose bound columns hold those values (every parameter is a
#: projected variable used only in plain triple patterns, :mod:`graphmap.queries`; tested for every
#: binding on the bundled data). "Collaborations" pairs every actor with every partner, "brokers"
#: counts every actor's links: per request each costs 0.3-1.6 s at a million triples, against a
#: filter of the kept rows.
DERIVED_ROWS = ("collaborations", "brokers")


class KnowledgeGraph:
    """The validated RDF graph (source of truth) and its projections.

    ``KnowledgeGraph(graph)`` wraps an rdflib Graph. :func:`build` makes one from tables
    the fast way: the ingested triples go straight into the embedded store (``store``),
    and the rdflib ``graph`` is built from the same triples only when first read (exports,
    pySHACL …); labels, names and every named query read the store.
    """

    def __init__(
        self,
        graph: Graph | None = None,
        ingest: IngestResult | None = None,
        validation: ValidationReport | None = None,
        *,
        store: Store | None = None,
    ):
        if graph is None and ingest is None:
            raise ValueError("a KnowledgeGraph needs a graph or an ingest result")
        self._graph = graph
        self.ingest = ingest
        self.validation = validation
        if store is not None:
            self.__dict__["store"] = store

    def __repr__(self) -> str:
        return f"KnowledgeGraph({len(self.store)} triples)"

    @property
    def graph(self) -> Graph:
        if self._graph is None:
            self._graph = self._ingested().graph
        return self._graph

    @cached_property
    def store(self) -> Store:
        if self._graph is None:
            return Store.from_ntriples(self._ingested().ntriples(unique=False))
        return Store.from_graph(self._graph)

    def _ingested(self) -> IngestResult:
        """The ingest result, there whenever no rdflib graph was given (``__init__`` needs one of them)."""
        assert self.ingest is not None
        return self.ingest

    def _readable(self):
        """The rdflib graph if it exists, else a read-only view of the store."""
        return self._graph if self._graph is not None else self.store.view()

    @cached_property
    def labels(self) -> Labels:
        return Labels(self._readable())

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver(self._readable())

    @cached_property
    def links(self) -> list[dict]:
        _names, rows = self.store.select(library()["chain"].sparql)
        return [{k: (v.toPython() if isinstance(v, Literal) else v) for k, v in row.items()} for row in rows]

    @cached_property
    def link_graph(self):
        return analysis.link_graph(self.links)

    @cached_property
    def link_records(self) -> tuple[dict, dict]:
        """Per direct link (subject, relation, object) the best confidence rank among the records
        that give it, and those records' sources (the ``link-records`` query, read by
        :func:`graphmap.analysis.link_records`): the chains' link confidence, derived once per
        build and kept with it by :mod:`graphmap.buildcache`."""
        from graphmap.ontology import VOCAB
        from graphmap.vocab import vocabularies

        assumed = vocabularies().rank("confidence")[str(VOCAB["confidence/assumed"])]
        query = find("link-records")
        assert query is not None  # an internal query of the package
        return analysis.link_records(self.store.select(query.sparql)[1], assumed)

    def select(self, query, bound: dict) -> list[dict]:
        """The raw rows of a SPARQL query (:class:`graphmap.queries.NamedQuery`) with ``bound``
        values, from the store (a cached build keeps the parameterless ones the map's state needs).
        A query of :data:`DERIVED_ROWS` is answered from its rows derived once per build."""
        if query.name in DERIVED_ROWS:
            rows = self.derived_rows[query.name]
            return [r for r in rows if all(r.get(k) == v for k, v in bound.items())] if bound else rows
        return self.store.select(query.sparql, bound)[1]

    @cached_property
    def derived_rows(self) -> dict[str, list[dict]]:
        """The raw rows of each query of :data:`DERIVED_ROWS` with no parameter bound, derived once
        per build (and kept with it by :mod:`graphmap.buildcache`)."""
        return {name: self.store.select(library()[name].sparql)[1] for name in DERIVED_ROWS}

    def label(self, iri, lang: str = "sv") -> str:
        return self.labels.label(iri, lang)

    @cached_property
    def support_layer(self) -> support.SupportLayer:
        """Who reaches each municipality in each area (:mod:`graphmap.answers.support`), derived
        once from the store (and kept with the build by :mod:`graphmap.buildcache`)."""
        municipalities = self.store.subjects(str(RDF.type), str(GM.Municipality))
        needs_query = find("layer-needs")
        assert needs_query is not None  # graphmap/queries/layer-needs.rq
        _names, rows = self.store.select(needs_query.sparql)
        needs = {(str(r["area"]), str(r["municipality"])): int(r["needs"]) for r in rows}
        return support.derive(self.store.pairs, municipalities, needs)


def build(paths=None, *, validate: bool = True, lang: str = "sv") -> KnowledgeGraph:
    """Tables (the bundled data, or the given folders/workbooks/graph files) -> validated graph.

    Raises :class:`graphmap.ingest.IngestError` on bad input. SHACL problems are in
    ``kg.validation`` (``conforms`` false) rather than raised, so callers can report them.
    """
    paths = None if paths is None else [Path(p) for p in paths]
    if paths and all(p.suffix.lower() in GRAPH_SUFFIXES for p in paths):
        return load(paths)
    from graphmap.ingest import ingest
    from graphmap.ingest.gcpause import paused_gc
    from graphmap.validate import row_index, validate_store

    with paused_gc():  # see graphmap.ingest.gcpause.paused_gc
        result = ingest(paths)
        store = Store.from_ntriples(result.ntriples(unique=False))
        report = validate_store(store, lang, row_index(result.rows)) if validate else None
    return KnowledgeGraph(None, result, report, store=store)


def load(paths) -> KnowledgeGraph:
    """Load an already built graph (Turtle, N-Triples, JSON-LD …) without the tables."""
    return KnowledgeGraph(read_graph(paths))


def data_version(kg: KnowledgeGraph) -> str:
    """A short fingerprint of the graph's content (sorted N-Triples, sha256): the data version
    the report's footer names, a mapping round's workbooks carry and its snapshot file is named by.

    The N-Triples come from the store (Oxigraph), not the rdflib graph: at a million
    triples that is 2 s instead of 27 s (building and serialising the rdflib graph).

    >>> kg = build()  # doctest: +SKIP
    >>> len(data_version(kg))
    12
    """
    import hashlib

    from graphmap.store import serialize

    lines = sorted(serialize(kg.store, "nt").splitlines())
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:12]


__all__ = ["KnowledgeGraph", "build", "load", "data_version", "DERIVED_ROWS"]
