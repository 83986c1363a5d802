"""The graph a server shows when personal data is not asked for: graphmap.privacy's definition."""
from __future__ import annotations

from rdflib import Graph

from graphmap.privacy import strip_personal


def public_graph(graph: Graph) -> Graph:
    """A copy without personal resources, triples pointing to them, or personal values."""
    return strip_personal(graph)
