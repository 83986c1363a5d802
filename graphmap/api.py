"""The Python API: the same operations as the CLI, for notebooks and other programs.

The answers live in :mod:`graphmap.answers` (the graph, the runner, the support layer, gaps,
chains, the state of the map); this module is their one front door.

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> result = graphmap.run_query(kg, "coverage", municipality="Uddevalla")
>>> "FoU-Socialtjänst Fyrbodal" in {r["actor_label"] for r in result.present()}
True
"""

from __future__ import annotations

from graphmap.answers.chains import (
    EXACT_BETWEENNESS_UP_TO,
    SAMPLED_SOURCES,
    brokers,
    chain_rows,
    link_confidence,
    link_sources,
)
from graphmap.answers.gaps import (
    areas_reached,
    gap_cell_actors,
    gap_cell_reach,
    gap_matrix,
    municipality_areas,
    partly_mapped,
)
from graphmap.answers.graph import KnowledgeGraph, build, data_version, load
from graphmap.answers.layer import layer_rows
from graphmap.answers.runner import (
    MissingParameter,
    QueryResult,
    bind_params,
    dedupe,
    list_queries,
    run_query,
    shape_rows,
)
from graphmap.answers.state import (
    answer_note,
    county_state_of,
    map_state,
    not_known,
    not_known_groups,
    not_mapped_note,
    stale_sources,
)
from graphmap.answers.where import by_county, where_text, with_places
from graphmap.fileio import GRAPH_SUFFIXES

__all__ = [
    "KnowledgeGraph",
    "QueryResult",
    "MissingParameter",
    "build",
    "load",
    "data_version",
    "list_queries",
    "bind_params",
    "run_query",
    "shape_rows",
    "dedupe",
    "layer_rows",
    "chain_rows",
    "link_confidence",
    "link_sources",
    "brokers",
    "EXACT_BETWEENNESS_UP_TO",
    "SAMPLED_SOURCES",
    "gap_matrix",
    "partly_mapped",
    "gap_cell_actors",
    "gap_cell_reach",
    "with_places",
    "where_text",
    "by_county",
    "areas_reached",
    "municipality_areas",
    "map_state",
    "county_state_of",
    "not_mapped_note",
    "not_known",
    "not_known_groups",
    "answer_note",
    "stale_sources",
    "GRAPH_SUFFIXES",
]
