"""The mapping report (kartläggningsrapport) a FoU unit hands its steering group.

One self-contained HTML file (Swedish by default, ``lang="en"``) with summary counts per level
and actor type, support per area, the gap matrix area × county (or area × municipality for one
county), the chains from municipalities to the national level, the brokers, the level map
embedded, the sources and the confidence of the facts, the date and the data version. A PNG of
the gap matrix (matplotlib) is written next to it by :func:`write_report`. Personal data (names
of people in posts) is left out unless ``include_personal=True``.

One module per job:

* :mod:`graphmap.report.gather` — :func:`report_data`, everything the report shows as plain
  data (and :func:`data_version`, the graph's fingerprint);
* :mod:`graphmap.report.render` — :func:`report_html`, the HTML page (Jinja2 template
  ``graphmap/templates/report.html.j2``, texts from the catalogue's ``report.*`` keys);
* :mod:`graphmap.report.png` — :func:`gap_matrix_png`;
* :mod:`graphmap.report.write` — :func:`write_report`, both files written atomically;
* :mod:`graphmap.report.scope` — the facts a county report shows (its sources and counts);
* :mod:`graphmap.report.pdf` — the page printed to PDF by headless Chromium (``graphmap report --pdf``).

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> data = report_data(kg, county="Västerbotten")
>>> len(data["gaps"]["areas"]), len(data["gaps"]["columns"])
(19, 15)
"""

from __future__ import annotations

from graphmap.report.gather import data_version, report_data
from graphmap.report.png import gap_matrix_png
from graphmap.report.render import report_html
from graphmap.report.write import write_report

__all__ = ["report_data", "report_html", "write_report", "gap_matrix_png", "data_version"]
