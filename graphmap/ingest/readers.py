"""Read tables from CSV files and .xlsx workbooks, as exported by real spreadsheets.

CSV: UTF-8 with or without byte-order mark, or Windows-1252 (Swedish Excel);
comma, semicolon or tab separated; CRLF or LF. XLSX: one sheet per table,
formulas read as their saved values, merged cells read as their top-left value.
Rows that are empty, or whose first cell starts with ``#`` (the explanation row
of the templates), are skipped. Rows are numbered as the spreadsheet shows them.

Every reader is bounded before it works: a file over :data:`MAX_BYTES` (a workbook: unpacked, by
its parts' declared sizes) is not read; a value beyond :data:`MAX_ROWS` rows or :data:`MAX_COLUMNS`
columns refuses its table before the rows are read; a cell over ``cells.MAX_CELL`` characters is one
problem. Each refusal is one problem naming the file (sheet), row and column.
"""
from __future__ import annotations

import csv
import re
import zipfile
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from graphmap.ingest.cells import MAX_CELL
from graphmap.problems import Problem

#: the most rows a table may have below its header
MAX_ROWS = 500_000
#: the most columns a table is read in (A–CV); a value further right refuses the table
MAX_COLUMNS = 100
#: the most bytes a table file may hold, and a workbook unpack to (the sum of its parts' declared
#: sizes, which zipfile holds each part to: a part that inflates further fails its CRC check)
MAX_BYTES = 50_000_000
#: the csv module's own limit (128 KiB a field) would drop the whole table with an English message; cells
#: are measured against MAX_CELL instead, each with its file, row and column
csv.field_size_limit(2 ** 31 - 1)


@dataclass
class RawTable:
    name: str            # table name, e.g. "actors"
    label: str           # what messages call it: "actors.csv" or "region.xlsx: actors"
    header: list[str]
    rows: list[tuple[int, dict]] = field(default_factory=list)
    #: other files of the same table (offers.csv beside region.xlsx: offers); their rows are in ``rows``,
    #: each with ``"__label"`` naming its own file
    parts: list["RawTable"] = field(default_factory=list)


def normalise_header(cell) -> str:
    text = str(cell or "").translate(dict.fromkeys(range(32))).strip().lower().replace(" ", "_")
    return text.lstrip("\ufeff")


def decode(data: bytes) -> str:
    """Decode CSV bytes: UTF-8 (BOM or not) first, Windows-1252 if that fails."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(value: str, label: str, number: int, header: list[str], index: int, problems: list[Problem]) -> str:
    """Strip spaces; remove control characters (NUL …) with a warning naming the cell."""
    cleaned = value.translate(_CONTROL).strip()
    if len(cleaned) != len(value.strip()):
        problems.append(Problem(label, number, header[index] if index < len(header) else None, "control_chars", "warning"))
    return cleaned


def _is_skipped(values: list[str]) -> bool:
    return not any(values) or values[0].startswith("#")


def column_letter(index: int) -> str:
    """The spreadsheet's name of column ``index`` (0 = A, 26 = AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _header(label: str, cells, problems: list[Problem]) -> list[str]:
    """The normalised header; a name in two columns is an error (the second would overwrite the first)."""
    header = [normalise_header(h) for h in cells]
    first: dict[str, int] = {}
    for i, name in enumerate(header):
        if not name:
            continue
        if name in first:
            problems.append(Problem(label, 1, name, "duplicate_column",
                                    params={"first": column_letter(first[name]), "second": column_letter(i)}))
        else:
            first[name] = i
    return header


def _too_long(values: list, label: str, number: int, header: list[str], problems: list[Problem]) -> bool:
    """Cells over MAX_CELL characters: one problem each (file, row, column), the cell emptied. Checked
    before any other work on the row, so a 10 MB cell costs no more than its reading."""
    found = False
    for i, value in enumerate(values):
        if isinstance(value, str) and len(value) > MAX_CELL:
            problems.append(Problem(label, number, header[i] if i < len(header) else None, "too_long",
                                    params={"length": len(value), "limit": MAX_CELL}))
            values[i] = ""
            found = True
    return found


def read_csv(path: Path, name: str, problems: list[Problem], label: str | None = None) -> RawTable | None:
    """Read one CSV table; rows are parsed one at a time, and no more than MAX_ROWS are kept."""
    label = label or path.name
    try:
        if _too_big(path.stat().st_size, label, problems):
            return None
        text = decode(path.read_bytes())
    except OSError as exc:
        problems.append(Problem(label, None, None, "unreadable", params={"reason": exc.strerror or str(exc)}))
        return None
    if text.count("\x00") > 8 or sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\r\n") > 64:
        problems.append(Problem(label, None, None, "unreadable", params={"reason": "binär fil / binary file"}))
        return None
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(_lines(text, delimiter), delimiter=delimiter)
    table, number, kept, empty = None, 0, 0, True
    control = _CONTROL_RE.search(text) is not None
    long_cells = len(text) > MAX_CELL  # else no cell can be too long
    try:
        for number, values in enumerate(reader, start=1):
            if empty and any(v.strip() for v in values):
                empty = False
            if len(values) > MAX_COLUMNS:
                beyond = next((i for i in range(MAX_COLUMNS, len(values)) if values[i].strip()), None)
                if beyond is not None:
                    problems.append(_out_of_bounds(label, number, beyond))
                    return None
                del values[MAX_COLUMNS:]
            if table is None:
                table = RawTable(name, label, _header(label, values, problems))
                continue
            if kept == MAX_ROWS:  # over the limit: count the rest, keep none
                kept += not _is_skipped([v.strip() for v in values])
                continue
            bad = long_cells and max(map(len, values), default=0) > MAX_CELL and _too_long(
                values, label, number, table.header, problems)
            if control:
                values = [_clean(v, label, number, table.header, i, problems) for i, v in enumerate(values)]
            else:  # the usual case: no control character anywhere in the file, so just strip
                values = [v.strip() for v in values]
            if _is_skipped(values) and not bad:
                continue
            row = dict(zip(table.header, values))
            if bad:
                row["__bad"] = True  # reported: not emitted, and its id still counts for references
            table.rows.append((number, row))
            kept += 1
    except _TooWide:
        problems.append(_out_of_bounds(label, number + 1, MAX_COLUMNS))
        return None
    except csv.Error as exc:
        problems.append(Problem(label, reader.line_num, None, "unreadable", params={"reason": str(exc)}))
        return None
    if empty:
        problems.append(Problem(label, None, None, "empty_file"))
        return None
    if kept > MAX_ROWS:
        problems.append(Problem(label, None, None, "too_many_rows", params={"rows": kept, "limit": MAX_ROWS}))
        table.rows = []
    return table


class _TooWide(Exception):
    """A line with more delimiters than any row within the bounds can hold."""


def _lines(text: str, delimiter: str):
    r"""The lines of ``text`` (ending in CRLF, LF or CR, as ``newline=""`` reads them) for the csv
    module, one at a time, refusing (:class:`_TooWide`) one with more delimiters than MAX_COLUMNS
    cells of MAX_CELL characters could hold before it is split: a 48 MB line of ``ab,`` would be a
    list of 16 million strings (1.5 GB).

    >>> list(_lines("a,b\r\nc\rd\n\ne", ","))
    ['a,b\r\n', 'c\r', 'd\n', '\n', 'e']
    """
    most = MAX_COLUMNS * (MAX_CELL + 1)
    size, start = len(text), 0
    lf, cr = text.find("\n"), text.find("\r")
    while start < size:
        if 0 <= lf < start:
            lf = text.find("\n", start)
        if 0 <= cr < start:
            cr = text.find("\r", start)
        end = min(lf if lf >= 0 else size, cr if cr >= 0 else size) + 1  # just past the line break
        if end - 1 == cr and lf == end:
            end += 1  # CRLF
        line = text[start:end]
        if len(line) > most and line.count(delimiter) > most:
            raise _TooWide
        yield line
        start = end


def _too_big(size: int, label: str, problems: list[Problem], part: str | None = None) -> bool:
    """A file (or a workbook unpacked: ``part`` names its largest part) over MAX_BYTES: one problem."""
    if size <= MAX_BYTES:
        return False
    params = {"size": -(-size // 1_000_000), "limit": MAX_BYTES // 1_000_000}
    problems.append(Problem(label, None, None, "unpacks_too_big" if part else "too_big",
                            params=params | ({"name": part} if part else {})))
    return True


def _out_of_bounds(label: str, number: int, index: int) -> Problem:
    """A value at row ``number``, column ``index`` (0 = A), beyond MAX_ROWS or MAX_COLUMNS."""
    return Problem(label, number, column_letter(index), "out_of_bounds",
                   params={"rows": MAX_ROWS, "columns": MAX_COLUMNS, "last": column_letter(MAX_COLUMNS - 1)})


def read_xlsx(path: Path, table_names, problems: list[Problem]) -> list[RawTable]:
    """Read every sheet named like a table. Formulas give their saved values.

    The workbook is loaded once, read-only (its sheets streamed), after its size and its parts'
    declared unpacked sizes are checked: nothing of a zip bomb is inflated. Each table sheet is
    scanned (:func:`_scan_sheet`) before a row is read.
    """
    from openpyxl import load_workbook

    try:
        if _too_big(path.stat().st_size, path.name, problems):
            return []
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            largest = max(parts, key=lambda i: i.file_size, default=None)
            if largest is not None and _too_big(sum(i.file_size for i in parts), path.name, problems, largest.filename):
                return []
            book = load_workbook(path, read_only=True, data_only=True)
            try:
                return [table for sheet in book.worksheets
                        if (table := _read_sheet(archive, sheet, path.name, table_names, problems)) is not None]
            finally:
                book.close()
    except Exception as exc:  # openpyxl and zipfile raise many kinds on a broken file
        problems.append(Problem(path.name, None, None, "unreadable", params={"reason": type(exc).__name__}))
        return []


def _read_sheet(archive: zipfile.ZipFile, sheet, file: str, table_names, problems: list[Problem]) -> RawTable | None:
    """One sheet as a table (None when it is no table, empty, or refused)."""
    name = normalise_header(sheet.title)
    label = f"{file}: {sheet.title}"
    if name not in table_names:
        if sheet.sheet_state == "visible" and _looks_like_table(archive, sheet):
            problems.append(Problem(label, None, None, "unknown_sheet", "warning",
                                    {"sheet": sheet.title, "valid": ", ".join(sorted(table_names))}))
        return None
    if sheet.sheet_state != "visible":
        problems.append(Problem(label, None, None, "hidden_sheet", "warning", {"sheet": sheet.title}))
    extent = _scan_sheet(archive, sheet)
    if extent.outside is not None:
        problems.append(_out_of_bounds(label, extent.outside[0], extent.outside[1] - 1))
        return None
    if extent.spread is not None:
        (min_col, min_row, max_col, max_row), copies = extent.spread
        problems.append(Problem(label, min_row, column_letter(min_col - 1), "merged_too_large", params={
            "range": f"{column_letter(min_col - 1)}{min_row}:{column_letter(max_col - 1)}{max_row}",
            "cells": copies, "filled": extent.cells}))
        return None
    if not extent.rows:
        return None
    # islice: openpyxl parses on past the last row (data validations …) only when asked for one more
    rows = islice(sheet.iter_rows(max_row=extent.rows, max_col=extent.columns, values_only=True), extent.rows)
    merged = _Merged(extent.merges)
    first = list(next(rows))
    merged.fill(1, list(first))  # the header is read as it stands; ranges starting on it fill the rows below
    table = RawTable(name, label, _header(label, first, problems))
    for number, values in enumerate(rows, start=2):
        values = merged.fill(number, list(values))
        formulas = extent.formulas.get(number, ())
        if not formulas and values.count(None) == len(values):
            continue  # an empty row: a gap, or filler up to the last row with a value
        bad = _too_long(values, label, number, table.header, problems)
        cells = []
        for col, value in enumerate(values, start=1):
            if value is None and col in formulas:
                problems.append(Problem(label, number, table.header[col - 1] if col <= len(table.header) else None,
                                        "formula_no_value"))
            cells.append(_clean(_cell_text(value), label, number, table.header, col - 1, problems))
        if _is_skipped(cells) and not bad:
            continue
        row = dict(zip(table.header, cells))
        if bad:
            row["__bad"] = True
        table.rows.append((number, row))
    return table


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _INLINE, _FORMULA, _MERGE = (_MAIN + t for t in ("row", "c", "v", "is", "f", "mergeCell"))


@dataclass
class _Extent:
    """What a scan of a sheet found: the last row and column holding a value, how many cells hold
    one, the first value outside the bounds, the formulas without a saved value (row -> columns),
    the merged ranges (min_col, min_row, max_col, max_row) clipped to the bounds, and the first range
    whose copies would outnumber the filled cells (``spread``: range, copies so far)."""
    rows: int = 0
    columns: int = 0
    cells: int = 0
    outside: tuple[int, int] | None = None
    formulas: dict = field(default_factory=dict)
    merges: list = field(default_factory=list)
    spread: tuple | None = None


#: the most cells a row of a sheet can have (A–XFD); a row with more is refused before openpyxl
#: parses it whole (2.8 million empty cells in one row: a 120 KB workbook, 1.7 GB)
SHEET_COLUMNS = 16_384


def _scan_sheet(archive: zipfile.ZipFile, sheet, first_row: bool = False) -> _Extent:
    """One streaming pass over a sheet's XML, in constant memory (each element dropped once read),
    before any row is read: a value beyond MAX_ROWS rows below the header or MAX_COLUMNS columns,
    or a row of more than SHEET_COLUMNS cells, ends it (``outside``); cells without a value
    (formatting only) do not count otherwise. ``first_row``: stop after the first row."""
    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
    from openpyxl.xml.functions import iterparse

    extent, stack = _Extent(), []
    last_row, last_col = MAX_ROWS + 1, MAX_COLUMNS
    row = col = cells = 0
    value = formula = False
    with archive.open(sheet._worksheet_path) as source:  # openpyxl keeps the part's name there
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag
            if event == "start":
                stack.append(element)
                if tag == _ROW:
                    row, col, cells = int(element.get("r") or row + 1), 0, 0
                elif tag == _CELL:
                    value = formula = False
                continue
            stack.pop()
            if tag == _VALUE:
                value = value or bool(element.text)
            elif tag == _INLINE:
                value = True
            elif tag == _FORMULA:
                formula = True
            elif tag == _CELL:
                ref = element.get("r")  # its row is the row element's, as openpyxl reads it
                col = coordinate_to_tuple(ref)[1] if ref else col + 1
                cells += 1
                if cells > SHEET_COLUMNS:
                    extent.outside = (row, SHEET_COLUMNS + 1)
                    break
                if value or formula:
                    if row > last_row or col > last_col:
                        extent.outside = (row, col)
                        break
                    extent.rows, extent.columns = max(extent.rows, row), max(extent.columns, col)
                    extent.cells += 1
                    if formula and not value:
                        extent.formulas.setdefault(row, set()).add(col)
            elif tag == _ROW and first_row:
                break
            elif tag == _MERGE:
                extent.merges.append(range_boundaries(element.get("ref")))
            if stack:
                stack[-1].remove(element)  # the only child left: dropped once read
    merges, extent.merges, copies = extent.merges, [], 0
    for min_col, min_row, max_col, max_row in merges:
        if None in (min_col, min_row, max_col, max_row):
            continue  # a whole column or row ("A:A", "1:1"): no spreadsheet writes such a merge
        if min_row <= extent.rows and min_col <= extent.columns:  # else its first cell holds no value
            merge = min_col, min_row, min(max_col, last_col), min(max_row, last_row)
            copies += (merge[2] - min_col + 1) * (merge[3] - min_row + 1) - 1
            if copies > extent.cells:  # one cell merged over a whole sheet: a 5 KB file as 500,000 rows
                extent.spread = merge, copies
                break
            extent.merges.append(merge)
    for _min_col, _min_row, max_col, max_row in extent.merges:  # their copies are read too
        extent.rows, extent.columns = max(extent.rows, max_row), max(extent.columns, max_col)
    return extent


class _Merged:
    """Merged cells read as their top-left value, filled in as the rows stream past. A range that
    overlaps one already filling (Excel never writes such) is left out, so each cell is filled once
    at most: the work is bounded by that of reading the cells."""

    def __init__(self, ranges):
        self.waiting = sorted(ranges, key=lambda r: r[1], reverse=True)  # by first row, the next one last
        self.active: list[tuple] = []  # (min_col, max_col, max_row, top-left value)

    def fill(self, number: int, values: list) -> list:
        self.active = [m for m in self.active if m[2] >= number]
        while self.waiting and self.waiting[-1][1] <= number:
            min_col, min_row, max_col, max_row = self.waiting.pop()
            max_col = min(max_col, len(values))
            if min_row == number and min_col <= max_col and all(max_col < a or b < min_col for a, b, _r, _v in self.active):
                self.active.append((min_col, max_col, max_row, values[min_col - 1]))
        for min_col, max_col, _max_row, top in self.active:
            values[min_col - 1:max_col] = [top] * (max_col - min_col + 1)
        return values


def _looks_like_table(archive: zipfile.ZipFile, sheet) -> bool:
    """A sheet whose first row has an ``id`` or ``kommunkod`` column (a renamed table, not notes);
    that row is scanned first, like a table's."""
    extent = _scan_sheet(archive, sheet, first_row=True)
    if extent.outside is not None or extent.rows != 1:
        return False
    first = next(sheet.iter_rows(max_row=1, max_col=extent.columns, values_only=True), ())
    return bool({"id", "kommunkod"} & {normalise_header(c) for c in first if c is not None})


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()
