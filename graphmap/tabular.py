"""Rows as CSV for spreadsheets and programs: one formula-safe cell, one CSV writer.

Every CSV graphmap writes (CLI ``--format csv``, the web app's downloads, the data export) goes
through :func:`csv_text`, and every cell through :func:`csv_safe`, so a value from the data such
as ``=HYPERLINK(…)`` never runs as a formula when the file is opened in a spreadsheet.

>>> csv_safe("=1+1"), csv_safe("-3"), csv_safe("Umeå"), csv_safe(None)
("'=1+1", "'-3", 'Umeå', '')
>>> print(csv_text([{"a": "=x", "b": 2}], ["a", "b"]), end="")
a,b
'=x,2
"""
from __future__ import annotations

import csv
import io

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """The cell's text, with a ``'`` in front when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(rows, keys: list[str], header: list[str] | None = None) -> str:
    """``rows`` (dicts) as CSV text with the columns ``keys`` (headed ``header``, default the keys)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header or keys)
    for row in rows:
        writer.writerow([csv_safe(row.get(k)) for k in keys])
    return buf.getvalue()


__all__ = ["FORMULA_START", "csv_safe", "csv_text"]
