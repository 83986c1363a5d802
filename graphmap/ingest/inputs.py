"""Find the tables of each dataset: a folder of CSV files and/or .xlsx workbooks, or one workbook.

A dataset is named after its folder (or workbook), as a slug: ``data/regions/fyrbodal`` is
dataset ``fyrbodal``. The reference data (municipalities, counties) is dataset ``reference``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graphmap.ingest.problems import Problem
from graphmap.ingest.readers import RawTable, read_csv, read_xlsx
from graphmap.schema import TABLE
from graphmap.slug import slugify

REFERENCE_TABLES = ("kommuner", "lan")


@dataclass
class Dataset:
    name: str
    path: Path
    tables: dict[str, RawTable] = field(default_factory=dict)


def read_dataset(path: Path, problems: list[Problem]) -> Dataset | None:
    """Read one folder or workbook into a :class:`Dataset` (problems are appended)."""
    path = Path(path)
    if not path.exists():
        problems.append(Problem(str(path), None, None, "no_such_path"))
        return None
    names = set(TABLE) | set(REFERENCE_TABLES)
    dataset = Dataset(slugify(path.stem if path.is_file() else path.name) or "data", path)
    if path.is_file():
        tables = read_xlsx(path, names, problems) if path.suffix.lower() in (".xlsx", ".xlsm") else []
    else:
        tables = []
        for book in sorted(path.glob("*.xlsx")):
            if not book.name.startswith("~$"):
                tables.extend(read_xlsx(book, names, problems))
        for csv_path in sorted(path.glob("*.csv")):
            name = csv_path.stem.lower()
            if name in names:
                table = read_csv(csv_path, name, problems)
                if table is not None:
                    tables.append(table)
    for table in tables:
        if table.name in dataset.tables:  # a CSV and a sheet for the same table: read both
            dataset.tables[table.name].rows.extend(table.rows)
        else:
            dataset.tables[table.name] = table
    if not dataset.tables:
        problems.append(Problem(str(path), None, None, "no_tables", params={"valid": ", ".join(f"{t}.csv" for t in TABLE)}))
        return None
    return dataset
