"""Writing the mapping report: the HTML page and the gap matrix PNG next to it.

>>> import graphmap, tempfile, pathlib
>>> kg = graphmap.build()  # doctest: +SKIP
>>> html, png = write_report(kg, pathlib.Path(tempfile.mkdtemp()) / "rapport.html", county="24")
>>> html.name, png.name
('rapport.html', 'rapport-luckor.png')
"""

from __future__ import annotations

from pathlib import Path

from graphmap.fileio import write_files_atomic
from graphmap.i18n import lang_key, t
from graphmap.report.gather import report_data
from graphmap.report.png import gap_matrix_png
from graphmap.report.render import render_html


def report_png_name(html_name: str, lang: str = "sv") -> str:
    """The gap matrix PNG's file name beside a report called ``html_name``.

    >>> report_png_name("rapport.html"), report_png_name("report.html", "en")
    ('rapport-luckor.png', 'report-gaps.png')
    """
    return f"{Path(html_name).stem}-{t('report.png_suffix', lang_key(lang))}.png"


def write_report(
    kg, path, lang: str = "sv", county=None, include_personal: bool = False, previous=None
) -> tuple[Path, Path]:
    """Write the report to ``path`` and the gap matrix PNG next to it (``<stem>-luckor.png``,
    ``<stem>-gaps.png`` in English); both appear or neither (a full disk leaves the previous
    report, not a new PNG beside an old page). Returns (html_path, png_path)."""
    path = Path(path)
    lang = lang_key(lang)
    png = path.with_name(report_png_name(path.name, lang))
    data = report_data(kg, lang=lang, county=county, include_personal=include_personal, previous=previous)
    html = render_html(data, png_name=png.name)
    write_files_atomic({png: gap_matrix_png(data, lang), path: html.encode("utf-8")})
    return path, png


__all__ = ["write_report", "report_png_name"]
