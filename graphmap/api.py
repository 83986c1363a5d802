"""The Python API: the same operations as the CLI, for notebooks and other programs.

>>> import graphmap
>>> kg = graphmap.build()
>>> result = graphmap.run_query(kg, "coverage", municipality="Uddevalla")
>>> "FoU-Socialtjänst Fyrbodal" in {r["actor_label"] for r in result.present()}
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from graphmap import analysis, mapstate
from graphmap.fileio import GRAPH_SUFFIXES, read_graph
from graphmap.ingest import IngestResult, ingest
from graphmap.ingest.gcpause import paused_gc
from graphmap.i18n import sv_sort_key, t
from graphmap.labels import Labels
from graphmap.queries import NamedQuery, find, library
from graphmap.resolve import Resolver, UnknownName
from graphmap.ontology import AREA_SCHEME, GM, NATIONAL, code_of, concept_iri
from graphmap.store import Store
from graphmap.vocab import vocabularies
from graphmap.validate import ValidationReport, row_index, validate_store



class MissingParameter(ValueError):
    def __init__(self, param: str):
        self.param = param
        super().__init__(param)

    def message(self, lang: str = "sv") -> str:
        from graphmap.i18n import t  # the catalogue's text; imported here to keep this edit to the method

        return t("error.missing_parameter", lang, param=self.param)


class KnowledgeGraph:
    """The validated RDF graph (source of truth) and its projections.

    ``KnowledgeGraph(graph)`` wraps an rdflib Graph. :func:`build` makes one from tables
    the fast way: the ingested triples go straight into the embedded store (``store``),
    and the rdflib ``graph`` is built from the same triples only when first read (exports,
    pySHACL …); labels, names and every named query read the store.
    """

    def __init__(self, graph: Graph | None = None, ingest: IngestResult | None = None,
                 validation: ValidationReport | None = None, *, store: Store | None = None):
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
            self._graph = self.ingest.graph
        return self._graph

    @cached_property
    def store(self) -> Store:
        if self._graph is None:
            return Store.from_ntriples(self.ingest.ntriples(unique=False))
        return Store.from_graph(self._graph)

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

    def label(self, iri, lang: str = "sv") -> str:
        return self.labels.label(iri, lang)


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
            item = {}
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
                    item[f"{col.name}_label"] = (self.kg.label(value, lang) if isinstance(value, URIRef)
                                                 else ("" if value is None else str(value)))
                if col.type == "relation" and row.get("inverse") and value is not None:
                    item[f"{col.name}_label"] = self.kg.labels.inverse(value, lang)   # a chain read outward
            out.append(item)
        return out

    def stated_only(self) -> "QueryResult":
        """The rows that rest on stated (or reference) facts only: no assumption among them.

        >>> r = run_query(build(), "support", area="funktionshinder", municipality="Umeå")
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


def build(paths=None, *, validate: bool = True, lang: str = "sv") -> KnowledgeGraph:
    """Tables (the bundled data, or the given folders/workbooks/graph files) -> validated graph.

    Raises :class:`graphmap.ingest.IngestError` on bad input. SHACL problems are in
    ``kg.validation`` (``conforms`` false) rather than raised, so callers can report them.
    """
    paths = None if paths is None else [Path(p) for p in paths]
    if paths and all(p.suffix.lower() in GRAPH_SUFFIXES for p in paths):
        return load(paths)
    with paused_gc():  # see graphmap.ingest.gcpause.paused_gc
        result = ingest(paths)
        store = Store.from_ntriples(result.ntriples(unique=False))
        report = validate_store(store, lang, row_index(result.rows)) if validate else None
    return KnowledgeGraph(None, result, report, store=store)


def load(paths) -> KnowledgeGraph:
    """Load an already built graph (Turtle, N-Triples, JSON-LD …) without the tables."""
    return KnowledgeGraph(read_graph(paths))


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

    >>> kg = build()
    >>> len(run_query(kg, "source-info").rows) == len(run_query(kg, "report-source-docs").rows)
    True
    """
    query = find(name)
    if query is None:
        raise UnknownName("query", name, sorted(library()))
    bound = bind_params(kg, query, values)
    if query.engine == "paths":
        rows = chain_rows(kg.link_graph, str(bound["actor"]), link_confidence(kg))
    else:
        _names, raw = kg.store.select(query.sparql, bound)
        rows = shape_rows(raw, query)
    return QueryResult(query, bound, rows, kg)


def chain_rows(link_graph, start: str, confidence: dict | None = None) -> list[dict]:
    """The `paths` engine's answer: every shortest chain from ``start`` in a link projection, as step rows.

    Both backends end here: the SPARQL one with the whole graph's links, the Cypher one with the links
    around ``start``. ``confidence`` (:func:`link_confidence`) gives each step its link's confidence
    and each chain the weakest of its steps' (``chain_confidence``, on every step of the chain).
    """
    rows = analysis.paths_to_rows(start, analysis.chain_paths(link_graph, start))
    confidence = confidence or {}
    rank = vocabularies().rank("confidence")
    for row in rows:
        row["confidence"] = confidence.get((row["subject"], row["relation"], row["object"]))
    # read from the start outward: each step's subject is the node nearer the start; a step whose
    # relation points the other way is turned round and marked ``inverse`` (labelled "täcks av" …)
    nearer: dict = {}
    for row in rows:
        key = (row["target"], row["path"])
        at = nearer.get(key, start)
        row["inverse"] = row["subject"] != at
        if row["inverse"]:
            row["subject"], row["object"] = row["object"], row["subject"]
        nearer[key] = row["object"]
    weakest: dict = {}
    for row in rows:
        key, c = (row["target"], row["path"]), row["confidence"]
        if key not in weakest or (c is None or (weakest[key] is not None and rank.get(c, 0) < rank.get(weakest[key], 0))):
            weakest[key] = c
    terms = ("target", "subject", "relation", "object", "confidence", "chain_confidence")
    return [{k: (URIRef(v) if k in terms and v is not None else v) for k, v in
             (r | {"chain_confidence": weakest[(r["target"], r["path"])]}).items()} for r in rows]


def link_confidence(kg: KnowledgeGraph) -> dict[tuple[str, str, str], str]:
    """(subject, relation, object) of every link the chains follow -> its confidence (the surest
    record that gives the link), from the ``link-confidence`` query.

    >>> kg = build()
    >>> link_confidence(kg)[("https://w3id.org/graphmap/id/kommun/2480", "http://www.w3.org/ns/org#memberOf",
    ...                      "https://w3id.org/graphmap/id/network/funk-natverk-umea-kusten")]   # Umeå's assumed membership
    'https://w3id.org/graphmap/vocab/confidence/assumed'
    """
    if "_link_confidence" not in kg.__dict__:
        kg.__dict__["_link_confidence"] = {(str(r["subject"]), str(r["relation"]), str(r["object"])): str(r["confidence"])
                                          for r in run_query(kg, "link-confidence").rows}
    return kg.__dict__["_link_confidence"]


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


EXACT_BETWEENNESS_UP_TO = 1000   # nodes; above this, betweenness is estimated from SAMPLED_SOURCES
SAMPLED_SOURCES = 200


def brokers(kg: KnowledgeGraph, k: int | None = None) -> list[dict]:
    """The ``brokers`` query with betweenness in the link graph added as a column.

    Exact betweenness costs nodes × links: up to 1,000 nodes (a real national mapping) it is
    exact; above that (a synthetic graph at scale 10 has ~1,300 nodes, scale 100 ~9,200) it is
    estimated from 200 sampled sources with a fixed seed, so the same graph always gives the
    same column and the cost grows with the links only (0.2 s at scale 100, see
    :func:`graphmap.analysis.betweenness`). Pass ``k`` to choose.
    """
    rows = run_query(kg, "brokers").present()
    if k is None and kg.link_graph.number_of_nodes() > EXACT_BETWEENNESS_UP_TO:
        k = SAMPLED_SOURCES
    centrality = analysis.betweenness(kg.link_graph, k=k)
    for row in rows:
        row["betweenness"] = round(centrality.get(row["actor"], 0.0), 4)
    return rows


def gap_matrix(kg: KnowledgeGraph, county=None) -> analysis.GapMatrix:
    """The gap matrix: area × county, or area × municipality for one ``county`` (name or code).

    The one computation behind ``graphmap gaps``, the web page ``/luckor``, the report and its
    PNG: each shows :meth:`graphmap.analysis.GapCell.text` of the same cells.

    >>> kg = build()
    >>> m = gap_matrix(kg, county="Västerbotten")
    >>> m.by, len(m.areas), len(m.columns)
    ('municipality', 19, 15)
    >>> m.cell(AREA_SCHEME + "/funktionshinder", "https://w3id.org/graphmap/id/kommun/2480").text("municipality")
    '✓'
    """
    code = None if county in (None, "") else code_of(kg.resolver.county(county))
    cache = kg.__dict__.setdefault("_gap_matrices", {})  # the graph never changes once built
    if code not in cache:
        result = run_query(kg, "gaps", county=code)
        areas = [str(c.iri) for c in vocabularies().shown_in_order("area")]
        unmapped = {c for c, state in map_state(kg).items() if not state.mapped}
        cache[code] = analysis.gap_matrix(result.rows, by="municipality" if code else "county", areas=areas,
                                          unmapped=unmapped)
    return cache[code]


def gap_cell_actors(kg: KnowledgeGraph, area, county) -> dict[str, list[str]]:
    """Who is behind one cell of the county gap matrix (an area in a county), grouped as the cell
    counts them: ``direct`` (regional and local actors with support in the area: the cell's
    ``supported``), ``broad`` (only broad support: the ``(+n brett)``), ``networks`` (networks in
    the area the municipalities reach) and ``national`` (national actors in the area, the same for
    every cell and not counted). From the support answer of each municipality of the county.

    >>> behind = gap_cell_actors(build(), "funktionshinder", "24")
    >>> "https://w3id.org/graphmap/id/actor/fou-socialtjanst-vasterbotten" in behind["direct"]
    True
    >>> sorted(behind)
    ['broad', 'direct', 'national', 'networks']
    """
    area_iri = kg.resolver.resolve("vocab:area", str(area), "area")
    code = code_of(kg.resolver.county(str(county)))
    groups: dict[str, dict[str, None]] = {k: {} for k in ("direct", "broad", "networks", "national")}
    broad = str(concept_iri("area-match", "broad"))
    for row in gap_matrix(kg, code).rows:   # the cached gaps rows of the county (one per area × municipality)
        if str(row["area"]) != str(area_iri):
            continue
        for r in run_query(kg, "support", area=code_of(area_iri), municipality=code_of(row["municipality"])).rows:
            route = str(r["route"])
            if str(r["level"]) == NATIONAL and route not in ("member", "through"):
                group = "national" if str(r["match"]) != broad else None   # as gaps.rq: national is apart
            elif route in ("member", "through"):
                group = "networks"
            else:
                group = "broad" if str(r["match"]) == broad else "direct"
            if group:
                groups[group][str(r["actor"])] = None
    groups["broad"] = {a: None for a in groups["broad"] if a not in groups["direct"]}
    return {k: list(v) for k, v in groups.items()}


def map_state(kg: KnowledgeGraph) -> dict[str, mapstate.CountyState]:
    """The state of the map per county (IRI -> :class:`graphmap.mapstate.CountyState`): which
    questions are sourced, how old the sources are, what is still unknown. The one computation
    behind ``graphmap state``, the web page ``/kartlaggning``, the report's section on the map's
    state and every "ej kartlagd" (the gap matrix, support answers, municipality pages).

    >>> states = map_state(build())
    >>> len(states), states["https://w3id.org/graphmap/id/lan/24"].mapped
    (21, True)
    >>> states["https://w3id.org/graphmap/id/lan/09"].status, states["https://w3id.org/graphmap/id/lan/25"].status
    ('ej-kartlagd', 'delvis')
    """
    if "_map_state" not in kg.__dict__:
        counties = [str(r["county"]) for r in run_query(kg, "report-counties").rows]
        sources = run_query(kg, "mapping-sources").rows
        kg.__dict__["_map_state"] = mapstate.county_states(
            run_query(kg, "mapping-state").rows, sources, counties, covered={str(r["county"]) for r in sources})
    return kg.__dict__["_map_state"]


def county_state_of(kg: KnowledgeGraph, municipality) -> mapstate.CountyState | None:
    """The state of the map (:func:`map_state`) of the county a municipality (name or code) lies
    in: what a support answer for it must say when the county is not mapped.

    >>> county_state_of(build(), "Gotland").status, county_state_of(build(), "Kiruna").status
    ('ej-kartlagd', 'delvis')
    """
    iri = kg.resolver.resolve("kommun", str(municipality))
    county = kg.graph.value(iri, GM.county)
    return None if county is None else map_state(kg).get(str(county))


def not_mapped_note(kg: KnowledgeGraph, municipality, lang: str = "sv") -> str | None:
    """One sentence for an answer about a municipality whose county is not mapped, or mapped only
    in part (which part is missing); None when every mapping question of the county is sourced.

    >>> not_mapped_note(build(), "Gotland", "en")  # doctest: +ELLIPSIS
    "Gotland lies in Gotlands län, which is not mapped yet: ..."
    >>> not_mapped_note(build(), "Kiruna", "en")  # doctest: +ELLIPSIS
    'Norrbottens län, where Kiruna lies, is mapped in part. Answered in part: which municipalities are covered. ...'
    >>> not_mapped_note(build(), "Umeå") is None
    True
    """
    state = county_state_of(kg, municipality)
    if state is None or state.status == "kartlagd":
        return None
    iri = kg.resolver.resolve("kommun", str(municipality))
    names = dict(municipality=kg.label(iri, lang), county=kg.label(state.county, lang))
    if state.mapped:  # mapped in part: say which questions no source answers, or answers in part
        missing = "".join(t(key, lang, questions=", ".join(kg.label(concept_iri("mapping-question", q), lang).lower()
                                                          for q in questions))
                          for key, questions in (("error.partly_unknown", state.unknown),
                                                 ("error.partly_partly", state.partly)) if questions)
        return t("error.partly_mapped", lang, **names, missing=missing)
    return t("error.not_mapped", lang, **names)


def stale_sources(kg: KnowledgeGraph, years: int = mapstate.STALE_YEARS, today=None) -> list:
    """Warnings for the sources whose own date is more than ``years`` years old: due for checking
    (``graphmap validate`` reports them with file, row and column).

    >>> import datetime
    >>> [p.format("en") for p in stale_sources(build(), today=datetime.date(2030, 1, 1))][:1]  # doctest: +ELLIPSIS
    ['00-nationellt/sources, row 6, column date: ...2021-04-02... more than 5 years...']
    """
    import datetime as dt

    from graphmap.ingest.problems import Problem
    today = today or dt.date.today()
    where = row_index(kg.ingest.rows) if kg.ingest is not None else {}
    out = []
    for row in run_query(kg, "source-dates").rows:
        date = str(row["source_date"])
        if "/reference/sources/" in str(row["source"]):
            continue  # an official register (SCB's codes): current until it changes, not a page to re-read
        if date[:4].isdigit() and int(date[:4]) < today.year - years:
            file, number = where.get(row["source"], (str(row["source"]), None))
            out.append(Problem(file, number, "date", "stale_source", "warning",
                               {"value": date, "years": years, "checked": str(row["checked"] or "")}))
    return out


def areas_reached(kg: KnowledgeGraph) -> dict[str, set[str]]:
    """For each municipality, the areas in which it reaches support or a network (from the gap
    matrix's rows): the areas a municipality has on the map.

    >>> sorted(areas_reached(build())["https://w3id.org/graphmap/id/kommun/2480"])[:1]
    ['https://w3id.org/graphmap/vocab/area/aldre']
    """
    out: dict[str, set[str]] = {}
    for row in gap_matrix(kg).rows:
        if int(row["providers"]) > 0 or int(row["networks"]) > 0:
            out.setdefault(str(row["municipality"]), set()).add(str(row["area"]))
    return out



def data_version(kg: KnowledgeGraph) -> str:
    """A short fingerprint of the graph's content (sorted N-Triples, sha256): the data version
    the report's footer names, a mapping round's workbooks carry and its snapshot file is named by.

    The N-Triples come from the store (Oxigraph), not the rdflib graph: at a million
    triples that is 2 s instead of 27 s (building and serialising the rdflib graph).

    >>> len(data_version(build()))
    12
    """
    import hashlib

    from graphmap.store import serialize

    lines = sorted(serialize(kg.store, "nt").splitlines())
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:12]
