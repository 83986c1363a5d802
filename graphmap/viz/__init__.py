"""Interactive level map of the support landscape.

``render_map_html(view, lang="sv", title=None)`` turns a plain view model
(nodes, edges, optional UI labels; see :mod:`graphmap.viz.render`) into one
self-contained HTML page; ``write_map_html`` writes it atomically with
``write_text_atomic``.
"""

from .fileio import write_text_atomic
from .render import render_map_html, write_map_html

__all__ = ["render_map_html", "write_map_html", "write_text_atomic"]
