"""graphmap: where support exists in Swedish social services, as a knowledge graph.

The Python API mirrors the CLI::

    >>> import graphmap
    >>> g = graphmap.build()                      # bundled data -> validated graph
    >>> result = graphmap.run_query(g, "support", area="funktionshinder", municipality="Umeå")
    >>> sorted({r["actor_label"] for r in result.present()})[:2]   # with labels, Swedish by default
    ['FoU Socialtjänst (Västerbotten)', 'FoU Välfärd']
"""

from __future__ import annotations

from graphmap.version import __version__  # noqa: F401

from graphmap.api import build, load, run_query, list_queries  # noqa: F401
