"""Chains and brokers: every shortest chain from an actor or municipality outward (the ``paths``
engine of the ``chain`` question), each link's confidence, and betweenness in the link projection.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from rdflib import URIRef

from graphmap import analysis
from graphmap.answers.runner import engine, run_query
from graphmap.vocab import vocabularies

if TYPE_CHECKING:
    from graphmap.answers.graph import KnowledgeGraph


@engine("paths")
def paths_answer(kg, query, bound: dict) -> list[dict]:
    """The ``chain`` question's rows: the chains from the bound ``actor`` in the whole graph's links."""
    return chain_rows(kg.link_graph, str(bound["actor"]), link_confidence(kg), kg.support_layer.roles)


def chain_rows(
    link_graph, start: str, confidence: dict | None = None, roles: dict[str, list[str]] | None = None
) -> list[dict]:
    """The `paths` engine's answer: every shortest chain from ``start`` in a link projection, as step rows.

    Both backends end here: the SPARQL one with the whole graph's links, the Cypher one with the links
    around ``start``. ``confidence`` (:func:`link_confidence`) gives each step its link's confidence
    and each chain the weakest of its steps' (``chain_confidence``, on every step of the chain).
    ``roles`` (the support layer's: actor -> its types or a network's kind) gives the structure each
    step reaches its role (``object_role``, a tuple as a gathered column is).
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
        if key not in weakest or (
            c is None or (weakest[key] is not None and rank.get(c, 0) < rank.get(weakest[key], 0))
        ):
            weakest[key] = c
    terms = ("target", "subject", "relation", "object", "confidence", "chain_confidence")
    term = functools.cache(URIRef)  # a few hundred distinct IRIs over thousands of cells: each term made once

    roles = roles or {}
    return [
        {
            k: (term(v) if k in terms and v is not None else v)
            for k, v in (r | {"chain_confidence": weakest[(r["target"], r["path"])]}).items()
        }
        | {"object_role": tuple(term(role) for role in roles.get(str(r["object"]), ()))}
        for r in rows
    ]


def link_confidence(kg: KnowledgeGraph) -> dict[tuple[str, str, str], str]:
    """(subject, relation, object) of every direct link (those the chains follow and a node's
    county) -> its confidence: the surest record that gives the link, from the ``link-records``
    query (as :func:`link_sources`).

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> link_confidence(kg)[("https://w3id.org/graphmap/id/kommun/2480", "http://www.w3.org/ns/org#memberOf",
    ...                      "https://w3id.org/graphmap/id/network/funk-natverk-umea-kusten")]   # Umeå's assumed membership
    'https://w3id.org/graphmap/vocab/confidence/assumed'
    """
    if "_link_confidence" not in kg.__dict__:
        by_rank = {rank: iri for iri, rank in vocabularies().rank("confidence").items()}
        best, _sources = kg.link_records
        kg.__dict__["_link_confidence"] = {k: by_rank[r] for k, r in best.items() if r in by_rank}
    return kg.__dict__["_link_confidence"]


def link_sources(kg: KnowledgeGraph) -> dict[tuple[str, str, str], list[str]]:
    """(subject, relation, object) of every direct link -> the sources (IRIs, sorted) of the records
    that give it: the same links and records as :func:`link_confidence`, one query.

    >>> from graphmap.api import build
    >>> kg = build()
    >>> umea = ("https://w3id.org/graphmap/id/kommun/2480", "http://www.w3.org/ns/org#memberOf",
    ...         "https://w3id.org/graphmap/id/network/funk-natverk-umea-kusten")
    >>> len(link_sources(kg)[umea]) >= 1, umea in link_confidence(kg)
    (True, True)
    """
    _best, sources = kg.link_records
    return {k: sorted(v) for k, v in sources.items()}


EXACT_BETWEENNESS_UP_TO = 1000  # nodes; above this, betweenness is estimated from SAMPLED_SOURCES


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
    computed = kg.__dict__.setdefault("_betweenness", {})  # the graph never changes: once per build and k
    if k not in computed:
        computed[k] = analysis.betweenness(kg.link_graph, k=k)
    centrality = computed[k]
    for row in rows:
        row["betweenness"] = round(centrality.get(row["actor"], 0.0), 4)
    return rows


__all__ = [
    "chain_rows",
    "link_confidence",
    "link_sources",
    "brokers",
    "EXACT_BETWEENNESS_UP_TO",
    "SAMPLED_SOURCES",
]
