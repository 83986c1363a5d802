"""What the map needs for exploring, taken from the library's answers (never recomputed in
the page): the ``chain`` answer from every actor on the map, a link's confidence and every
node's betweenness.

* :func:`chain_trees` runs :func:`graphmap.api.chain_rows` (the ``chain`` question's engine)
  from every non-national node and keeps the first chain to each national node. The first
  chains from one start share their prefixes, so they are stored as a tree: ``{node: the node
  before it}``, which the page walks back from the chosen national node.
* :func:`link_confidence` marks each edge ``stated`` or ``assumed``: a link has the confidence the
  ``chain`` answer gives it (:func:`graphmap.api.link_confidence`), an offer's edge to a place its
  offer's (``queries/internal/map-link-confidence.rq``); a link with no record of its own has the
  confidence of its subject.
* :func:`betweenness` is :func:`graphmap.analysis.betweenness` on the same link projection.

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> lycksele = str(kg.resolver.resolve("actor", "Lycksele"))
>>> tree = chain_trees(kg, [lycksele])[lycksele]
>>> skr_fh = [n for n in tree if "funktionshinder" in n]
>>> path = chain_path(tree, skr_fh[0]); path[0] == lycksele, len(path) > 2
(True, True)
"""

from __future__ import annotations

from graphmap.api import chain_rows, run_query
from graphmap.api import link_confidence as api_link_confidence
from graphmap.vocab import vocabularies
from graphmap.ontology import code_of, lan_iri


def chain_trees(kg, starts) -> dict[str, dict[str, str]]:
    """For each start in ``starts``: ``{node: predecessor}`` of its first chain to every national node."""
    graph = kg.link_graph
    out: dict[str, dict[str, str]] = {}
    for start in starts:
        if start not in graph:
            continue
        tree: dict[str, str] = {}
        nodes: list[str] = [start]
        for row in chain_rows(graph, start):
            if row["path"] != 1:
                continue
            if row["step"] == 1:
                nodes = [start]
            s, o = str(row["subject"]), str(row["object"])
            nxt = o if s == nodes[-1] else s
            tree.setdefault(nxt, nodes[-1])
            nodes.append(nxt)
        if tree:
            out[start] = tree
    return out


def chain_path(tree: dict[str, str], target: str) -> list[str]:
    """The chain from the tree's start to ``target`` (start first); [] if the tree does not reach it.

    >>> chain_path({"b": "a", "c": "b"}, "c")
    ['a', 'b', 'c']
    """
    if target not in tree:
        return []
    path = [target]
    while path[-1] in tree and len(path) < 50:
        path.append(tree[path[-1]])
    return path[::-1]


def link_confidence(kg, nodes: dict, edges: list[dict], links: dict) -> None:
    """Set ``confidence`` (``stated``/``assumed``/…) on every edge of ``edges`` in place.

    A link of the projection (``links``: predicate -> (edge kind, reversed)) has the confidence the
    chains give it (:func:`graphmap.api.link_confidence`: the surest record behind it), so the map and
    the ``chain`` answer never disagree; an ``offers`` edge (an offer naming a place) has its offer's.
    """
    sure = api_link_confidence(kg)
    predicates: dict[str, list[tuple[str, bool]]] = {}
    for predicate, (kind, reverse) in links.items():
        predicates.setdefault(kind, []).append((predicate, reverse))
    offers: dict[tuple[str, str], set] = {}
    for r in run_query(kg, "map-link-confidence").rows:
        offers.setdefault((str(r["a"]), str(r["b"])), set()).add(code_of(r["confidence"]))
    county_iri = {n["county"]: str(lan_iri(n["county"])) for n in nodes.values() if n["county"]}
    for e in edges:
        a, b = e["from"], e["to"]
        if e["kind"] == "offers":
            codes = offers.get((a, b), set()) | offers.get((a, county_iri.get(nodes[b]["county"])), set())
        else:
            codes = {
                code_of(sure[key])
                for p, reverse in predicates.get(e["kind"], ())
                for key in (((b, p, a) if reverse else (a, p, b)), ((a, p, b) if reverse else (b, p, a)))
                if key in sure
            }
        if not codes:
            codes = {nodes[a].get("confidence") or "stated"}
        e["confidence"] = vocabularies().surest_first("confidence", codes)[0]  # the surest record counts


def betweenness(kg, ids) -> dict[str, float]:
    """Normalised betweenness of each node in ``ids`` on the link projection (0 if not in it)."""
    from graphmap.analysis import betweenness as bc

    values = bc(kg.link_graph)
    return {i: round(float(values.get(i, 0.0)), 5) for i in ids}
