"""Graph analysis on networkx projections of the RDF graph: chains to the national level,
betweenness, and the gap matrix.

The projection is built from query results, never from the tables, so it is a view of the
same graph every other output uses.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from itertools import product
from typing import TYPE_CHECKING

from graphmap.i18n import t
from graphmap.ontology import NATIONAL

if TYPE_CHECKING:  # networkx is imported where a projection is built
    import networkx as nx

MAX_CHAIN = 5
MAX_PATHS = 50


def link_graph(links: list[dict]) -> nx.MultiGraph:
    """Undirected multigraph of links; each edge keeps its direction and relation.

    ``links`` are rows with subject, relation, object, subject_level, object_level,
    subject_municipality, object_municipality (as strings/booleans).
    """
    import networkx as nx  # here, not at import: commands that need no links skip its ~90 ms

    g = nx.MultiGraph()
    for row in links:
        s, o = str(row["subject"]), str(row["object"])
        for node, level, muni in (
            (s, row["subject_level"], row["subject_municipality"]),
            (o, row["object_level"], row["object_municipality"]),
        ):
            g.add_node(node, level=str(level), municipality=bool(muni) and str(muni).lower() not in ("false", "0"))
        g.add_edge(s, o, key=(s, str(row["relation"]), o), subject=s, relation=str(row["relation"]), object=o)
    return g


def chain_paths(g: nx.MultiGraph, start: str, max_len: int = MAX_CHAIN) -> list[list[tuple[str, str, str]]]:
    """Every shortest path from ``start`` to each national node, as lists of (subject, relation, object).

    Paths pass through no other municipality and no other national node, like chain.cypher.
    """
    if start not in g or g.nodes[start]["level"] == NATIONAL:
        return []
    dist = {start: 0}
    preds: dict[str, list[str]] = defaultdict(list)
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if dist[node] >= max_len or (
            node != start and (g.nodes[node]["level"] == NATIONAL or g.nodes[node]["municipality"])
        ):
            continue
        for nb in g.neighbors(node):
            if nb not in dist:
                dist[nb] = dist[node] + 1
                preds[nb].append(node)
                queue.append(nb)
            elif dist[nb] == dist[node] + 1 and node not in preds[nb]:
                preds[nb].append(node)
    paths = []
    for target in dist:
        if target == start or g.nodes[target]["level"] != NATIONAL:
            continue
        for nodes in _node_paths(preds, start, target):
            hops = [
                sorted(g[u][v].values(), key=lambda e: (e["subject"], e["relation"], e["object"]))
                for u, v in zip(nodes, nodes[1:])
            ]
            for combo in product(*hops):
                paths.append([(e["subject"], e["relation"], e["object"]) for e in combo])
    return paths


def _node_paths(preds, start, target):
    if target == start:
        yield [start]
        return
    for p in preds[target]:
        for path in _node_paths(preds, start, p):
            yield path + [target]


def paths_to_rows(start: str, paths: list[list[tuple[str, str, str]]]) -> list[dict]:
    """Number the paths per target in a stable order and flatten them into step rows.

    Shared by the SPARQL and Cypher backends so both give the same table.
    """

    def target(path):
        nodes = [start]
        for s, _r, o in path:
            nodes.append(o if s == nodes[-1] else s)
        return nodes[-1], nodes

    by_target: dict[str, list] = defaultdict(list)
    for path in paths:
        t, nodes = target(path)
        by_target[t].append((nodes, path))
    rows = []
    for t in sorted(by_target):
        ordered = sorted(by_target[t], key=lambda item: (item[0], item[1]))[:MAX_PATHS]
        for number, (_nodes, path) in enumerate(ordered, start=1):
            for step, (s, r, o) in enumerate(path, start=1):
                rows.append({"target": t, "path": number, "step": step, "subject": s, "relation": r, "object": o})
    return rows


def betweenness(g: nx.MultiGraph, k: int | None = None, seed: int = 7) -> dict[str, float]:
    """Normalised betweenness centrality on the simple undirected link graph.

    Computed by igraph (C) on the networkx projection: the same values as
    ``nx.betweenness_centrality`` (tests/test_queries.py compares them) at 30-60 times the
    speed (benchmarks/README.md). With ``k``, an estimate from ``k`` source nodes drawn with
    ``random.Random(seed)`` from the sorted nodes: the shortest paths from those sources to
    every node, scaled by n/k (the definition of ``nx.betweenness_centrality_subset``), so the
    same graph always gives the same numbers.

    >>> import networkx as nx
    >>> g = nx.MultiGraph([("a", "b"), ("b", "c")])
    >>> betweenness(g)
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    import random

    import igraph
    import networkx as nx

    simple = nx.Graph(g)
    nodes = list(simple)
    n = len(nodes)
    if n < 3:
        return {v: 0.0 for v in nodes}
    index = {v: i for i, v in enumerate(nodes)}
    ig = igraph.Graph(n=n, edges=[(index[a], index[b]) for a, b in simple.edges()])
    scale = 2 / ((n - 1) * (n - 2))  # igraph counts each unordered pair once
    if k is None or k >= n:
        values = ig.betweenness(directed=False)
    else:
        sources = random.Random(seed).sample(sorted(nodes), k)
        values = ig.betweenness(directed=False, sources=[index[v] for v in sources])
        scale *= n / k
    return {v: values[i] * scale for i, v in enumerate(nodes)}


@dataclass(frozen=True)
class GapCell:
    """One cell of the gap matrix: an area in a county (or in one municipality).

    ``supported`` counts the municipalities that reach support in the area itself (a regional or
    local actor covering the municipality with an offer in the area or a narrower one, for a target
    group that fits the area); ``broad`` the other municipalities, that reach only broad support (an
    offer for a broader area such as all of IFO); a network in the area is counted apart
    (``with_network``) and is not support. National actors reach every municipality and are not
    counted in the cells (:attr:`GapMatrix.national`). ``unmet_needs`` are reported needs where the
    municipality has no support in the area. The rules are written once, in ``gaps.rq``'s header.

    >>> cell = GapCell(municipalities=15, supported=9, with_network=12, needs=2, unmet_needs=1, broad=3)
    >>> cell.text("county"), cell.mark("county"), cell.share, cell.text("county", "en")
    ('9/15 (+3 brett)', '9/15 (+3 brett) !1', 0.6, '9/15 (+3 broad)')
    >>> GapCell(1, 0, 1, 0, 0).text("municipality"), GapCell(1, 1, 0, 0, 0).text("municipality")
    ('N', '✓')
    >>> GapCell(1, 0, 1, 0, 0, broad=1).text("municipality")
    'B'
    """

    municipalities: int = 0
    supported: int = 0
    with_network: int = 0
    needs: int = 0
    unmet_needs: int = 0
    mapped: bool = True  # False: no source says anything about the county ("ej kartlagd", not a gap)
    broad: int = 0  # municipalities with broad support only (not counted in ``supported``)
    partly: bool = False  # the county is mapped only in part (:func:`graphmap.answers.gaps.partly_mapped`)

    @property
    def share(self) -> float:
        """The share of the cell's municipalities that reach support (0 when it has none)."""
        return self.supported / self.municipalities if self.municipalities else 0.0

    def shade(self, by: str = "county") -> float:
        """How much of the cell is covered, 0 to 1, for its colour: the share of municipalities with
        support for a county; 1 (support), 0.5 (a network only) or 0 for one municipality.

        >>> GapCell(4, 1, 4, 0, 0).shade("county"), GapCell(1, 0, 1, 0, 0).shade("municipality")
        (0.25, 0.5)
        """
        if by == "municipality":
            return 1.0 if self.supported else (0.5 if self.with_network or self.broad else 0.0)
        return self.share

    def partly_mapped(self, by: str = "county") -> bool:
        """ "delvis kartlagd": the one rule every output (CLI, web, report, the map of Sweden,
        downloads) reads. The county is mapped, but which municipalities its units cover or in which
        areas they work has no source yet (``partly``), and the cell shows no support in the area
        itself (:meth:`shade` 0): what is missing is unknown, never a gap. Support found is shown
        as found.

        >>> GapCell(8, 0, 0, 0, 0, partly=True).partly_mapped(), GapCell(8, 0, 0, 0, 0).partly_mapped()
        (True, False)
        >>> GapCell(8, 4, 0, 0, 0, partly=True).partly_mapped(), GapCell(1, 0, 1, 0, 0, partly=True).partly_mapped("municipality")
        (False, False)
        """
        return self.mapped and self.partly and self.shade(by) == 0

    def status(self) -> str:
        """What the cell says of its municipality (or of the best of its municipalities): support in
        the area (``supported``), ``broad`` support only, a ``network`` only, ``none`` of them,
        ``partly-mapped`` (none of them found where the county is mapped only in part:
        :meth:`partly_mapped`) or ``not-mapped``; :meth:`describe` says it in words, :meth:`text`
        as the matrix's mark.

        >>> GapCell(1, 0, 1, 0, 0, broad=1).status(), GapCell(1, 0, 0, 0, 0, mapped=False).status()
        ('broad', 'not-mapped')
        >>> GapCell(1, 0, 0, 0, 0, partly=True).status()
        'partly-mapped'
        """
        if not self.mapped:
            return "not-mapped"
        if self.partly_mapped("municipality"):
            return "partly-mapped"
        return (
            "supported" if self.supported else ("broad" if self.broad else ("network" if self.with_network else "none"))
        )

    def describe(self, lang: str = "sv") -> str:
        """The cell's :meth:`status` in words, as every page and the report say it.

        >>> GapCell(1, 0, 0, 0, 0, broad=1).describe("en")
        'broad support only (for a broader area)'
        """
        return t(f"gaps.status.{self.status()}", lang)

    def text(self, by: str = "county", lang: str = "sv") -> str:
        """The cell as every output shows it: ``k/n`` for a county; ✓, N or – for one municipality;
        "ej kartlagd" where the county is not mapped (a blank on the map, not a gap).

        >>> GapCell(3, 0, 0, 0, 0, mapped=False).text(), GapCell(3, 0, 0, 0, 0, mapped=False).text(lang="en")
        ('ej kartlagd', 'not mapped')
        """
        if not self.mapped:
            return t("gaps.not_mapped", lang)
        if by == "municipality":
            return {"supported": "✓", "broad": "B", "network": "N", "none": "–", "partly-mapped": "–"}[self.status()]
        broad = t("gaps.broad_suffix", lang, n=self.broad) if self.broad else ""
        return f"{self.supported}/{self.municipalities}{broad}"

    def mark(self, by: str = "county", lang: str = "sv", needs: bool = True) -> str:
        """:meth:`text` followed by the "delvis kartlagd" marker (:meth:`partly_mapped`, the legend
        ``gaps.partly_legend``) and (``needs``) ``!u`` when ``u`` reported needs have no support: the
        cell as the CLI, the downloads, the web page and the report write it.

        >>> GapCell(8, 0, 0, 0, 0, partly=True).mark(), GapCell(1, 0, 0, 1, 1, partly=True).mark("municipality", "en")
        ('0/8 ?', '? !1')
        """
        text = self.text(by, lang)
        if self.partly_mapped(by):  # for one municipality the marker stands in for "–"
            text = t("gaps.partly_marker", lang) if by == "municipality" else f"{text} {t('gaps.partly_marker', lang)}"
        return text + (f" !{self.unmet_needs}" if needs and self.unmet_needs and self.mapped else "")


EMPTY_CELL = GapCell()


@dataclass
class GapMatrix:
    """Area × county (or area × municipality of one county): the one gap matrix every output shows.

    ``areas`` and ``columns`` are IRIs (areas in the vocabulary's order, columns by SCB code);
    ``rows`` are the ``gaps`` query rows (area × municipality) the cells are counted from.
    """

    by: str
    areas: list[str]
    columns: list[str]
    cells: dict
    rows: list[dict] = field(default_factory=list, repr=False)
    national: dict = field(default_factory=dict)
    """Area IRI -> how many national actors offer support in the area (they reach every municipality)."""

    def cell(self, area, column) -> GapCell:
        return self.cells.get((str(area), str(column)), EMPTY_CELL)

    @property
    def unmapped_columns(self) -> list[str]:
        """The columns whose cells say "ej kartlagd" (a county, or a municipality of a county, that
        is not mapped)."""
        unmapped = {col for (_area, col), cell in self.cells.items() if not cell.mapped}
        return [c for c in self.columns if c in unmapped]


def gap_matrix(
    rows: list[dict],
    by: str = "county",
    areas: list[str] | None = None,
    unmapped: set[str] | frozenset = frozenset(),
    partly: set[str] | frozenset = frozenset(),
) -> GapMatrix:
    """Aggregate ``gaps`` rows (area × municipality) into area × ``by`` (county or municipality).

    ``areas`` gives the row order (default: as the rows come); columns are ordered by SCB code.
    ``unmapped``: the counties (IRIs) that are not mapped; their cells say so instead of counting.
    ``partly``: the counties mapped only in part (:attr:`GapCell.partly`).

    >>> rows = [{"area": "a", "county": "lan/24", "municipality": "kommun/2480", "providers": 2,
    ...          "networks": 0, "needs": 1, "unmet_needs": 0},
    ...         {"area": "a", "county": "lan/24", "municipality": "kommun/2481", "providers": 0,
    ...          "networks": 1, "needs": 1, "unmet_needs": 1}]
    >>> m = gap_matrix(rows)
    >>> m.cell("a", "lan/24")
    GapCell(municipalities=2, supported=1, with_network=1, needs=2, unmet_needs=1, mapped=True, broad=0, partly=False)
    >>> m.cell("a", "lan/24").mark()
    '1/2 !1'
    """
    counts: dict = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    national: dict[str, int] = {}
    seen_areas, columns = [], []
    for row in rows:
        area, col = str(row["area"]), str(row[by])
        if area not in seen_areas:
            seen_areas.append(area)
        if col not in columns:
            columns.append(col)
        c = counts[(area, col)]
        c[0] += 1
        c[1] += int(row["providers"]) > 0
        c[2] += int(row["networks"]) > 0
        c[3] += int(row["needs"])
        c[4] += int(row["unmet_needs"])
        c[5] += int(row.get("broad") or 0) > 0 and int(row["providers"]) == 0
        national[area] = max(national.get(area, 0), int(row.get("national") or 0))
    order = [a for a in (areas or []) if a in seen_areas] + [a for a in seen_areas if a not in (areas or [])]
    columns.sort(key=lambda c: c.rstrip("/").rsplit("/", 1)[-1])
    county_of = {str(row[by]): str(row["county"]) for row in rows}
    cells = {
        k: GapCell(
            v[0],
            v[1],
            v[2],
            v[3],
            v[4],
            mapped=county_of[k[1]] not in unmapped,
            broad=v[5],
            partly=county_of[k[1]] in partly,
        )
        for k, v in counts.items()
    }
    return GapMatrix(by, order, columns, cells, list(rows), national)


def link_records(rows, assumed: int) -> tuple[dict, dict]:
    """The ``link-records`` query's rows as, per link (subject, relation, object), the best
    confidence rank among the records that give it, and the sources of those records (a record
    whose list of places is an assumed part gives its links at rank ``assumed``).

    >>> rows = [dict(subject="s", relation="r", object="o", rank=3, places_assumed=False, source="a"),
    ...         dict(subject="s", relation="r", object="o", rank=3, places_assumed=True, source="b")]
    >>> best, sources = link_records(rows, 1)
    >>> best, sorted(sources[("s", "r", "o")])
    ({('s', 'r', 'o'): 3}, ['a', 'b'])
    """
    best: dict[tuple[str, str, str], int] = {}
    sources: dict[tuple[str, str, str], set[str]] = {}
    for r in rows:
        key = (str(r["subject"]), str(r["relation"]), str(r["object"]))
        if r["rank"] is not None:
            rank = assumed if str(r["places_assumed"]).lower() == "true" else int(r["rank"])  # xsd:boolean
            best[key] = max(best.get(key, rank), rank)
        if r["source"] is not None:
            sources.setdefault(key, set()).add(str(r["source"]))
    return best, sources


def link_records_to_json(records: tuple[dict, dict]) -> list:
    """:func:`link_records` as JSON (what the build cache keeps); :func:`link_records_from_json` undoes it.

    >>> import json
    >>> records = ({("s", "r", "o"): 3}, {("s", "r", "o"): {"src"}})
    >>> link_records_from_json(json.loads(json.dumps(link_records_to_json(records)))) == records
    True
    """
    best, sources = records
    return [[*k, best.get(k), sorted(sources.get(k, ()))] for k in sorted(set(best) | set(sources))]


def link_records_from_json(items: list) -> tuple[dict, dict]:
    best: dict[tuple[str, str, str], int] = {}
    sources: dict[tuple[str, str, str], set[str]] = {}
    for s, r, o, rank, srcs in items:
        if rank is not None:
            best[(s, r, o)] = rank
        if srcs:
            sources[(s, r, o)] = set(srcs)
    return best, sources
