"""Interactive level map of the support landscape.

``render_map_html(view, lang="sv", title=None)`` turns a plain view model
(nodes, edges, optional UI labels; see :mod:`graphmap.viz.render`) into one
self-contained HTML page (write it with :func:`graphmap.fileio.write_text_atomic`);
``script_hashes()`` are the CSP hashes of its scripts, for a
page that embeds the map in an ``<iframe srcdoc>`` (the report).

``build_view(kg, area=None, county=None, focus=None, depth=1, lang="sv",
include_personal=False)`` projects the RDF graph onto that view model and
``map_html(kg, **same)`` renders it (see :mod:`graphmap.viz.project`).
"""

from .project import build_view, map_html
from .render import render_map_html, script_hashes

__all__ = ["build_view", "map_html", "render_map_html", "script_hashes"]
