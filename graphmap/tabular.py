"""Rows as CSV for spreadsheets and programs: one formula-safe cell, one CSV writer.

Every CSV graphmap writes (CLI ``--format csv``, the web app's downloads, the data export) goes
through :func:`csv_text`, and every cell through :func:`csv_safe`, so a value from the data such
as ``=HYPERLINK(…)`` never runs as a formula when the file is opened in a spreadsheet.

Several values in one cell (a gathered column: an actor's kinds of support) are joined by
:data:`MANY`, in every CSV alike, never written as a Python list's text.

>>> csv_safe("=1+1"), csv_safe("-3"), csv_safe("Umeå"), csv_safe(None), csv_safe(["a", "b"])
("'=1+1", "'-3", 'Umeå', '', 'a; b')
>>> print(csv_text([{"a": "=x", "b": 2}], ["a", "b"]), end="")
a,b
'=x,2
"""

from __future__ import annotations

import csv
import io

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: how several values share one cell of a CSV or a workbook
MANY = "; "


def csv_safe(value) -> str:
    """The cell's text, with a ``'`` in front when a spreadsheet would read it as a formula."""
    if isinstance(value, (list, tuple)):
        text = MANY.join(str(v) for v in value if v is not None)
    else:
        text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(rows, keys: list[str], header: list[str] | None = None, delimiter: str = ",") -> str:
    """``rows`` (dicts) as CSV text with the columns ``keys`` (headed ``header``, default the keys);
    ``delimiter=";"`` for Swedish Excel, which reads a comma as the decimal sign."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", delimiter=delimiter)
    writer.writerow(header or keys)
    for row in rows:
        writer.writerow([csv_safe(row.get(k)) for k in keys])
    return buf.getvalue()


def values_only(book):
    """``book`` (an openpyxl workbook being written) with every cell a value, never a formula: openpyxl
    stores any string starting with ``=`` as a formula (``=HYPERLINK(…)`` from an actor's name would be
    a live link in the municipality's spreadsheet, and the workbook could not be read back). Every
    workbook graphmap writes passes through here (:func:`workbook_bytes`).

    >>> from openpyxl import Workbook
    >>> book = Workbook(); book.active["A1"] = '=HYPERLINK("http://x.example/","y")'
    >>> book.active["A1"].data_type, values_only(book).active["A1"].data_type
    ('f', 's')
    """
    for sheet in book.worksheets:
        for cell in sheet._cells.values():  # openpyxl's own map of the cells written (no empty ones made)
            if cell.data_type == "f":
                cell.data_type = "s"
    return book


def workbook_bytes(book) -> bytes:
    """``book`` saved as bytes, every cell a value (:func:`values_only`)."""
    buf = io.BytesIO()
    values_only(book).save(buf)
    return buf.getvalue()


def xlsx_bytes(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    """An Excel workbook (openpyxl) of ``(sheet title, header, rows)``: the header bold and frozen,
    columns sized to their text, every text cell stored as text (a value such as ``=HYPERLINK(…)``
    from the data never becomes a formula).

    >>> import io, openpyxl
    >>> book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([("Data", ["Kommun", "Kod"], [["=1+1", 2480]])])))
    >>> [[c.value for c in row] for row in book["Data"].iter_rows()]
    [['Kommun', 'Kod'], ['=1+1', 2480]]
    >>> book["Data"]["A2"].data_type
    's'
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title[:31])
        widths = [len(str(h)) for h in header]
        for r, values in enumerate([header, *rows], start=1):
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell.value = value
                else:
                    cell.value = "" if value is None else str(value)
                    cell.data_type = "s"
                if r == 1:
                    cell.font = Font(bold=True)
                widths[c - 1] = max(widths[c - 1], min(60, len(str(value or ""))))
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = width + 2
        sheet.freeze_panes = "A2"
    return workbook_bytes(book)


__all__ = ["FORMULA_START", "MANY", "csv_safe", "csv_text", "values_only", "workbook_bytes", "xlsx_bytes"]
