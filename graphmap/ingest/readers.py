"""Read tables from CSV files and .xlsx workbooks, as exported by real spreadsheets.

CSV: UTF-8 with or without byte-order mark, or Windows-1252 (Swedish Excel);
comma, semicolon or tab separated; CRLF or LF. XLSX: one sheet per table,
formulas read as their saved values, merged cells read as their top-left value.
Rows that are empty, or whose first cell starts with ``#`` (the explanation row
of the templates), are skipped. Rows are numbered as the spreadsheet shows them.

Every reader is bounded before it works: a file over :data:`MAX_BYTES` (a workbook: unpacked, by
its parts' declared sizes) is not read; a value beyond :data:`MAX_ROWS` rows or :data:`MAX_COLUMNS`
columns refuses its table before the rows are read; a cell over ``cells.MAX_CELL`` characters is one
problem. A workbook is also bounded in the work it may make graphmap do (:class:`_Budget`, counted from
its parts as they stream, before openpyxl opens it): the characters its cells hold (a shared string
counted for every cell naming it) :data:`MAX_TEXT`, its styles :data:`MAX_STYLES`, sheets
:data:`MAX_SHEETS`, parts :data:`MAX_PARTS`; a file giving more than :data:`MAX_PROBLEMS` problems stops
being read. Each refusal is one problem naming the file (sheet), row and column.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import MutableSequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from graphmap.ingest.cells import INVISIBLE, MAX_CELL
from graphmap.problems import Problem

#: the most rows a table may have below its header
MAX_ROWS = 500_000
#: the most columns a table is read in (A–CV); a value further right refuses the table
MAX_COLUMNS = 100
#: the most bytes a table file may hold, and a workbook unpack to (the sum of its parts' declared
#: sizes, which zipfile holds each part to: a part that inflates further fails its CRC check)
MAX_BYTES = 50_000_000
#: the work a workbook may make graphmap do, beyond its bytes (a 20 KB workbook whose one shared string
#: of 10,000 characters is named by every cell would be copied per cell: 1.8 GB). Checked from the zip's
#: parts while they stream, before openpyxl opens the workbook or a row is read:
#: the characters its cells hold, each shared string counted every time a cell names it
MAX_TEXT = 20_000_000
#: distinct styles (cell formats, fonts, fills, borders, number formats; Excel itself allows 64,000 formats)
MAX_STYLES = 64_000
#: sheets in one workbook, and parts in its zip
MAX_SHEETS = 255
MAX_PARTS = 2_000
#: problems (warnings included) one file may give before its reading stops with one error
MAX_PROBLEMS = 1_000
#: the csv module's own limit (128 KiB a field) would drop the whole table with an English message; cells
#: are measured against MAX_CELL instead, each with its file, row and column
csv.field_size_limit(2**31 - 1)


@dataclass
class RawTable:
    name: str  # table name, e.g. "actors"
    label: str  # what messages call it: "actors.csv" or "region.xlsx: actors"
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


_CONTROL = dict.fromkeys([*(c for c in range(32) if c not in (9, 10, 13)), *map(ord, INVISIBLE)])
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f" + INVISIBLE + "]")


def _clean(value: str, label: str, number: int, header: list[str], index: int, problems: list[Problem]) -> str:
    """Strip spaces; remove control characters (NUL …) and invisible ones (bidi overrides, zero-width
    spaces: :data:`graphmap.ingest.cells.INVISIBLE`) with a warning naming the cell."""
    cleaned = value.translate(_CONTROL).strip()
    if len(cleaned) != len(value.strip()):
        problems.append(
            Problem(label, number, header[index] if index < len(header) else None, "control_chars", "warning")
        )
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
            problems.append(
                Problem(
                    label,
                    1,
                    name,
                    "duplicate_column",
                    params={"first": column_letter(first[name]), "second": column_letter(i)},
                )
            )
        else:
            first[name] = i
    return header


def _too_long(values: list, label: str, number: int, header: list[str], problems: list[Problem]) -> bool:
    """Cells over MAX_CELL characters: one problem each (file, row, column), the cell emptied. Checked
    before any other work on the row, so a 10 MB cell costs no more than its reading."""
    found = False
    for i, value in enumerate(values):
        if isinstance(value, str) and len(value) > MAX_CELL:
            problems.append(
                Problem(
                    label,
                    number,
                    header[i] if i < len(header) else None,
                    "too_long",
                    params={"length": len(value), "limit": MAX_CELL},
                )
            )
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
    budget = _Budget(problems_at=len(problems))
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
            if budget.too_many(label, number, problems):
                return None
            if kept == MAX_ROWS:  # over the limit: count the rest, keep none
                kept += not _is_skipped([v.strip() for v in values])
                continue
            bad = (
                long_cells
                and max(map(len, values), default=0) > MAX_CELL
                and _too_long(values, label, number, table.header, problems)
            )
            if control:  # the file holds a control or invisible character somewhere
                values = [_clean(v, label, number, table.header, i, problems) for i, v in enumerate(values)]
            else:  # the usual case: no control character anywhere in the file, so just strip
                values = [v.strip() for v in values]
            if _is_skipped(values) and not bad:
                continue
            extra = next((i for i in range(len(table.header), len(values)) if values[i]), None)
            if extra is not None:  # a value beyond the last heading (a delimiter too many): never dropped unseen
                problems.append(
                    Problem(label, number, column_letter(extra), "beyond_header", params={"value": values[extra][:60]})
                )
                bad = True
            row: dict = dict(zip(table.header, values))
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
    assert table is not None  # a file with a line has its header
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
    problems.append(
        Problem(
            label,
            None,
            None,
            "unpacks_too_big" if part else "too_big",
            params=params | ({"name": part} if part else {}),
        )
    )
    return True


def _out_of_bounds(label: str, number: int, index: int) -> Problem:
    """A value at row ``number``, column ``index`` (0 = A), beyond MAX_ROWS or MAX_COLUMNS."""
    return Problem(
        label,
        number,
        column_letter(index),
        "out_of_bounds",
        params={"rows": MAX_ROWS, "columns": MAX_COLUMNS, "last": column_letter(MAX_COLUMNS - 1)},
    )


def read_xlsx(path: Path, table_names, problems: list[Problem], *, values_only: bool = False) -> list[RawTable]:
    """Read every sheet named like a table. Formulas give their saved values; with ``values_only``
    (a workbook typed by someone else and returned: :mod:`graphmap.round.readback`) a workbook with
    macros, external links or a formula in any cell is refused instead, naming the parts or cells: a
    saved value need not be what the formula shows, and the formula may reach elsewhere.

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
            budget = _Budget.of(archive, path.name, problems)
            if budget is None or (values_only and _active_parts(archive, path, problems)):
                return []
            book = load_workbook(path, read_only=True, data_only=True)
            try:
                tables = []
                for sheet in book.worksheets:
                    table = _read_sheet(archive, sheet, path.name, table_names, problems, budget, values_only)
                    if budget.spent or budget.too_many(f"{path.name}: {sheet.title}", None, problems):
                        return []
                    if table is not None:
                        tables.append(table)
                return tables
            finally:
                book.close()
    except Exception as exc:  # openpyxl and zipfile raise many kinds on a broken file
        problems.append(Problem(path.name, None, None, "unreadable", params={"reason": type(exc).__name__}))
        return []


def _active_parts(archive: zipfile.ZipFile, path: Path, problems: list[Problem]) -> bool:
    """Macros (a ``vbaProject.bin``, an ``.xlsm``) or links to other files in a workbook: one problem."""
    names = archive.namelist()
    found = [n for n in names if n.lower().endswith("vbaproject.bin") or "/externallinks/" in n.lower()]
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlam") and not found:
        found = [path.suffix]
    if found:
        problems.append(Problem(path.name, None, None, "active_parts", params={"name": ", ".join(found[:3])}))
    return bool(found)


#: the most formula cells a refusal names
NAMED_CELLS = 10


def _read_sheet(
    archive: zipfile.ZipFile,
    sheet,
    file: str,
    table_names,
    problems: list[Problem],
    budget: "_Budget | None" = None,
    values_only: bool = False,
) -> RawTable | None:
    """One sheet as a table (None when it is no table, empty, or refused). ``budget``: what the
    workbook may still make graphmap do; spent, the sheet (and the workbook) is refused."""
    budget = budget or _Budget()
    name = normalise_header(sheet.title)
    label = f"{file}: {sheet.title}"
    if name not in table_names:
        if sheet.sheet_state == "visible" and _looks_like_table(archive, sheet):
            problems.append(
                Problem(
                    label,
                    None,
                    None,
                    "unknown_sheet",
                    "warning",
                    {"sheet": sheet.title, "valid": ", ".join(sorted(table_names))},
                )
            )
        return None
    if sheet.sheet_state != "visible":
        problems.append(Problem(label, None, None, "hidden_sheet", "warning", {"sheet": sheet.title}))
    extent = _scan_sheet(archive, sheet, budget=budget)
    if extent.over_budget is not None:
        budget.refuse(label, *extent.over_budget, problems)
        return None
    if extent.outside is not None:
        problems.append(_out_of_bounds(label, extent.outside[0], extent.outside[1] - 1))
        return None
    if values_only and extent.formula_count:
        cells = [f"{column_letter(c - 1)}{r}" for r, c in extent.formula_cells]
        problems.append(
            Problem(
                label,
                extent.formula_cells[0][0],
                None,
                "formulas_returned",
                params={
                    "cells": ", ".join(cells) + (" …" if extent.formula_count > NAMED_CELLS else ""),
                    "n": extent.formula_count,
                },
            )
        )
        return None
    if extent.spread is not None:
        (min_col, min_row, max_col, max_row), copies = extent.spread
        problems.append(
            Problem(
                label,
                min_row,
                column_letter(min_col - 1),
                "merged_too_large",
                params={
                    "range": f"{column_letter(min_col - 1)}{min_row}:{column_letter(max_col - 1)}{max_row}",
                    "cells": copies,
                    "filled": extent.cells,
                },
            )
        )
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
        if budget.too_many(label, number, problems):
            return None
        values = merged.fill(number, list(values))
        formulas = extent.formulas.get(number, ())
        if not formulas and values.count(None) == len(values):
            continue  # an empty row: a gap, or filler up to the last row with a value
        bad = _too_long(values, label, number, table.header, problems)
        cells = []
        for col, value in enumerate(values, start=1):
            if value is None and col in formulas:
                problems.append(
                    Problem(
                        label, number, table.header[col - 1] if col <= len(table.header) else None, "formula_no_value"
                    )
                )
            cells.append(_clean(_cell_text(value), label, number, table.header, col - 1, problems))
        if _is_skipped(cells) and not bad:
            continue
        row: dict = dict(zip(table.header, cells))
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
    #: where the workbook's text budget ran out: (row, column index from 1)
    over_budget: tuple[int, int] | None = None
    #: the cells holding a formula, saved value or not: how many, and the first NAMED_CELLS (row, column from 1)
    formula_count: int = 0
    formula_cells: list = field(default_factory=list)


_SI, _T, _XF = _MAIN + "si", _MAIN + "t", _MAIN + "xf"
#: the styles part's elements that each make one style object in openpyxl
_STYLE_TAGS = {_MAIN + t for t in ("xf", "font", "fill", "border", "numFmt", "dxf", "cellStyle")}


@dataclass
class _Budget:
    """What one workbook may still make graphmap do (:data:`MAX_TEXT`, :data:`MAX_STYLES`,
    :data:`MAX_SHEETS`, :data:`MAX_PARTS`, :data:`MAX_PROBLEMS`): counted from the zip's parts as they
    stream (the shared strings' lengths, the styles, the sheets), before openpyxl opens the workbook."""

    text: int = MAX_TEXT
    shared: MutableSequence[int] = field(default_factory=list)  # the length of each shared string, by index
    problems_at: int = 0  # len(problems) when the workbook's reading began
    spent: bool = False

    @classmethod
    def of(cls, archive: zipfile.ZipFile, file: str, problems: list[Problem]) -> "_Budget | None":
        """The budget of the workbook in ``archive``; None (one problem given) when its parts alone
        exceed it: too many parts, sheets or styles."""
        from array import array

        names = archive.namelist()
        budget = cls(shared=array("L"), problems_at=len(problems))
        if len(names) > MAX_PARTS:
            budget._refuse_file(file, "parts", len(names), MAX_PARTS, problems)
            return None
        sheets = sum(1 for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
        if sheets > MAX_SHEETS:
            budget._refuse_file(file, "sheets", sheets, MAX_SHEETS, problems)
            return None
        counted = {"xl/workbook.xml": {_MAIN + "sheet"}, "xl/styles.xml": _STYLE_TAGS}
        limits = {"xl/workbook.xml": ("sheets", MAX_SHEETS), "xl/styles.xml": ("styles", MAX_STYLES)}
        for part, tags in counted.items():
            if part not in names:
                continue
            n = 0
            with archive.open(part) as source:
                for element in _ends(source):
                    n += element.tag in tags
                    if n > limits[part][1]:
                        budget._refuse_file(file, limits[part][0], f"> {limits[part][1]}", limits[part][1], problems)
                        return None
        strings = next((n for n in names if n.lower() == "xl/sharedstrings.xml"), None)
        if strings is not None:
            length = 0
            with archive.open(strings) as source:
                for element in _ends(source):
                    if element.tag == _T:
                        length += len(element.text or "")
                    elif element.tag == _SI:
                        budget.shared.append(min(length, 2**32 - 1))
                        length = 0
        return budget

    def _refuse_file(self, file, what, found, limit, problems) -> None:
        problems.append(
            Problem(
                file,
                None,
                None,
                "over_budget",
                params={"what": {"sv": _WHAT_SV[what], "en": what}, "found": found, "limit": limit},
            )
        )
        self.spent = True

    def cell(self, kind: str | None, text: str | None) -> int:
        """The characters a cell of type ``kind`` with value ``text`` holds once read."""
        if kind == "s":
            try:
                return self.shared[int(text or 0)]
            except (ValueError, IndexError, OverflowError):
                return 0
        return len(text or "")

    def refuse(self, label: str, row: int, col: int, problems: list[Problem]) -> None:
        """The text budget ran out at ``row``, ``col``: one problem naming the sheet and the cell."""
        problems.append(
            Problem(
                label,
                row,
                column_letter(col - 1),
                "over_budget",
                params={
                    "what": {"sv": _WHAT_SV["text"], "en": "characters"},
                    "found": f"> {MAX_TEXT}",
                    "limit": MAX_TEXT,
                },
            )
        )
        self.spent = True

    def too_many(self, label: str, row: int | None, problems: list[Problem]) -> bool:
        """More than MAX_PROBLEMS problems from this workbook: one error, the reading stops."""
        if len(problems) - self.problems_at <= MAX_PROBLEMS:
            return False
        del problems[self.problems_at + MAX_PROBLEMS :]
        problems.append(Problem(label, row, None, "too_many_problems", params={"limit": MAX_PROBLEMS}))
        self.spent = True
        return True


def _ends(source):
    """The elements of an XML part as each ends, each dropped from its parent once seen: constant memory."""
    from openpyxl.xml.functions import iterparse

    stack = []
    for event, element in iterparse(source, events=("start", "end")):
        if event == "start":
            stack.append(element)
            continue
        stack.pop()
        yield element
        if stack:
            stack[-1].remove(element)


_WHAT_SV = {"parts": "delar", "sheets": "blad", "styles": "format", "text": "tecken"}


#: the most cells a row of a sheet can have (A–XFD); a row with more is refused before openpyxl
#: parses it whole (2.8 million empty cells in one row: a 120 KB workbook, 1.7 GB)
SHEET_COLUMNS = 16_384


def _scan_sheet(archive: zipfile.ZipFile, sheet, first_row: bool = False, budget: _Budget | None = None) -> _Extent:
    """One streaming pass over a sheet's XML, in constant memory (each element dropped once read),
    before any row is read: a value beyond MAX_ROWS rows below the header or MAX_COLUMNS columns,
    or a row of more than SHEET_COLUMNS cells, ends it (``outside``); cells without a value
    (formatting only) do not count otherwise. ``first_row``: stop after the first row. ``budget``: the
    characters the cells hold are taken from it as they stream; where it runs out ends the scan
    (``over_budget``)."""
    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
    from openpyxl.xml.functions import iterparse

    extent, stack = _Extent(), []
    last_row, last_col = MAX_ROWS + 1, MAX_COLUMNS
    row = col = cells = 0
    value = formula = False
    text = 0
    with archive.open(sheet._worksheet_path) as source:  # openpyxl keeps the part's name there
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag
            if event == "start":
                stack.append(element)
                if tag == _ROW:
                    row, col, cells = int(element.get("r") or row + 1), 0, 0
                elif tag == _CELL:
                    value = formula = False
                    text = 0
                continue
            stack.pop()
            if tag == _VALUE:
                value = value or bool(element.text)
                if budget is not None:
                    text += budget.cell(stack[-1].get("t") if stack else None, element.text)
            elif tag == _T:
                text += len(element.text or "")
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
                    if budget is not None:
                        budget.text -= text
                        if budget.text < 0:
                            extent.over_budget = (row, col)
                            break
                    extent.rows, extent.columns = max(extent.rows, row), max(extent.columns, col)
                    extent.cells += 1
                    if formula:
                        extent.formula_count += 1
                        if extent.formula_count <= NAMED_CELLS:
                            extent.formula_cells.append((row, col))
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
            if (
                min_row == number
                and min_col <= max_col
                and all(max_col < a or b < min_col for a, b, _r, _v in self.active)
            ):
                self.active.append((min_col, max_col, max_row, values[min_col - 1]))
        for min_col, max_col, _max_row, top in self.active:
            values[min_col - 1 : max_col] = [top] * (max_col - min_col + 1)
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
