"""graphmap: where support exists in Swedish social services, as a knowledge graph.

The Python API mirrors the CLI::

    >>> import graphmap
    >>> g = graphmap.build()                      # bundled data -> validated graph
    >>> rows = graphmap.run_query(g, "support", area="funktionshinder", municipality="Umeå")
    >>> sorted({r["actor_label"] for r in rows})[:2]
    ['FoU Socialtjänst', 'SKR:s nätverk för kvalitet inom funktionshinderområdet']
"""
from __future__ import annotations

__version__ = "0.1.0"

from graphmap.api import build, load, run_query, list_queries  # noqa: E402,F401
