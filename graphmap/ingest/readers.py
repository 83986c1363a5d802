"""Read tables from CSV files and .xlsx workbooks, as exported by real spreadsheets.

CSV: UTF-8 with or without byte-order mark, or Windows-1252 (Swedish Excel);
comma, semicolon or tab separated; CRLF or LF. XLSX: one sheet per table,
formulas read as their saved values, merged cells read as their top-left value.
Rows that are empty, or whose first cell starts with ``#`` (the explanation row
of the templates), are skipped. Rows are numbered as the spreadsheet shows them.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from graphmap.ingest.cells import MAX_CELL
from graphmap.ingest.problems import Problem

MAX_ROWS = 500_000
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
    label = label or path.name
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        problems.append(Problem(label, None, None, "unreadable", params={"reason": exc.strerror or str(exc)}))
        return None
    if text.count("\x00") > 8 or sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\r\n") > 64:
        problems.append(Problem(label, None, None, "unreadable", params={"reason": "binär fil / binary file"}))
        return None
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first))
    try:
        rows = list(reader)
    except csv.Error as exc:
        problems.append(Problem(label, reader.line_num, None, "unreadable", params={"reason": str(exc)}))
        return None
    if not rows or not any(any(v.strip() for v in r) for r in rows):
        problems.append(Problem(label, None, None, "empty_file"))
        return None
    table = RawTable(name, label, _header(label, rows[0], problems))
    control = _CONTROL_RE.search(text) is not None
    long_cells = len(text) > MAX_CELL  # else no cell can be too long
    for number, values in enumerate(rows[1:], start=2):
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
    _check_size(table, problems)
    return table


def read_xlsx(path: Path, table_names, problems: list[Problem]) -> list[RawTable]:
    """Read every sheet named like a table. Formulas give their saved values."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        problems.append(Problem(path.name, None, None, "unreadable", params={"reason": type(exc).__name__}))
        return []
    out = []
    for sheet in book.worksheets:
        name = normalise_header(sheet.title)
        if name not in table_names:
            if sheet.sheet_state == "visible" and _looks_like_table(sheet):
                problems.append(Problem(f"{path.name}: {sheet.title}", None, None, "unknown_sheet", "warning",
                                        {"sheet": sheet.title, "valid": ", ".join(sorted(table_names))}))
            continue
        label = f"{path.name}: {sheet.title}"
        if sheet.sheet_state != "visible":
            problems.append(Problem(label, None, None, "hidden_sheet", "warning", {"sheet": sheet.title}))
        merged = _merged_values(sheet)
        raw_formulas = formulas[sheet.title]
        rows = list(sheet.iter_rows(values_only=True))
        if not rows:
            continue
        table = RawTable(name, label, _header(label, rows[0], problems))
        for number, values in enumerate(rows[1:], start=2):
            values = list(values)
            bad = _too_long(values, label, number, table.header, problems)
            cells = []
            for col, value in enumerate(values, start=1):
                value = merged.get((number, col), value)
                if value is None:
                    formula = raw_formulas.cell(number, col).value
                    if isinstance(formula, str) and formula.startswith("="):
                        problems.append(Problem(label, number, table.header[col - 1] if col <= len(table.header) else None,
                                                "formula_no_value"))
                cells.append(_clean(_cell_text(value), label, number, table.header, col - 1, problems))
            if _is_skipped(cells) and not bad:
                continue
            row = dict(zip(table.header, cells))
            if bad:
                row["__bad"] = True
            table.rows.append((number, row))
        _check_size(table, problems)
        out.append(table)
    return out


def _looks_like_table(sheet) -> bool:
    """A sheet whose first row has an ``id`` or ``kommunkod`` column (a renamed table, not notes)."""
    first = next(sheet.iter_rows(max_row=1, values_only=True), ())
    return bool({"id", "kommunkod"} & {normalise_header(c) for c in first if c is not None})


def _merged_values(sheet) -> dict:
    values = {}
    for rng in sheet.merged_cells.ranges:
        top = sheet.cell(rng.min_row, rng.min_col).value
        for row in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                values[(row, col)] = top
    return values


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


def _check_size(table: RawTable, problems: list[Problem]) -> None:
    if len(table.rows) > MAX_ROWS:
        problems.append(Problem(table.label, None, None, "too_many_rows", params={"rows": len(table.rows), "limit": MAX_ROWS}))
        table.rows = []
