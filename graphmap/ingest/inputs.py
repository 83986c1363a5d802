"""Find the tables of each dataset: a folder of CSV files and/or .xlsx workbooks, or one workbook.

A dataset is named after its folder (or workbook), as a slug: ``data/regions/fyrbodal`` is
dataset ``fyrbodal``. The reference data (municipalities, counties) is dataset ``reference``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graphmap.problems import Problem
from graphmap.ingest.readers import RawTable, read_csv, read_xlsx
from graphmap.schema import TABLE
from graphmap.datasets import round_dataset
from graphmap.slug import slugify

REFERENCE_TABLES = ("kommuner", "lan")


@dataclass
class Dataset:
    name: str
    path: Path
    tables: dict[str, RawTable] = field(default_factory=dict)


DATASET_ID_FILE = "dataset-id.txt"
"""A file in a region folder whose first line is the dataset's own id: the part of every fact's IRI
(``id/<dataset>/<table>/<row id>``) that names the dataset. Without it the folder's name is the id,
so renaming the folder would change the facts' IRIs; with it they stay."""


def dataset_id(path: Path) -> str:
    r"""The dataset's id: the first line of the folder's ``dataset-id.txt`` (as a slug), else the dataset a
    mapping round's folder was started with (:func:`graphmap.datasets.round_dataset`), else the folder's
    or workbook's name.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "Fyrbodal 2026 (kopia)"
    >>> folder.mkdir()
    >>> dataset_id(folder)
    'fyrbodal-2026-kopia'
    >>> _ = (folder / DATASET_ID_FILE).write_text("# graphmap\nfyrbodal\n", encoding="utf-8")
    >>> dataset_id(folder)
    'fyrbodal'
    """
    own = path / DATASET_ID_FILE if path.is_dir() else None
    if own is not None and own.is_file():
        for line in own.read_text(encoding="utf-8-sig", errors="replace").splitlines()[:20]:
            if line.strip() and not line.lstrip().startswith("#"):
                return slugify(line.strip()[:80]) or "data"
    started = round_dataset(path) if path.is_dir() else ""  # a mapping round's folder: its manifest says
    if started:
        return slugify(started[:80]) or "data"
    return slugify(path.stem if path.is_file() else path.name) or "data"


def read_dataset(path: Path, problems: list[Problem]) -> Dataset | None:
    """Read one folder or workbook into a :class:`Dataset` (problems are appended)."""
    path = Path(path)
    if not path.exists():
        problems.append(Problem(str(path), None, None, "no_such_path"))
        return None
    names = set(TABLE) | set(REFERENCE_TABLES)
    dataset = Dataset(dataset_id(path), path)
    if path.is_file():
        tables = read_xlsx(path, names, problems) if path.suffix.lower() in (".xlsx", ".xlsm") else []
    else:
        tables = []
        files = sorted(p for p in path.iterdir() if p.is_file())
        for book in files:  # Region.XLSX too: file names are matched without regard to case
            if book.suffix.lower() in (".xlsx", ".xlsm") and not book.name.startswith("~$"):
                tables.extend(read_xlsx(book, names, problems))
        for csv_path in files:
            if csv_path.suffix.lower() != ".csv" or csv_path.name.startswith(("~$", ".")):
                continue
            name = csv_path.stem.lower()
            if name in names:
                table = read_csv(csv_path, name, problems)
                if table is not None:
                    tables.append(table)
            else:  # offer.csv, Offers_2024.csv: said, not silently left out
                problems.append(_unknown_file(csv_path, names))
    for table in tables:
        if table.name in dataset.tables:  # a CSV and a sheet for the same table: read both
            first = dataset.tables[table.name]
            for _number, row in table.rows:
                row["__label"] = table.label  # each problem names the file its row came from
            first.rows.extend(table.rows)
            first.parts.append(table)
        else:
            dataset.tables[table.name] = table
    if not dataset.tables:
        problems.append(
            Problem(str(path), None, None, "no_tables", params={"valid": ", ".join(f"{t}.csv" for t in TABLE)})
        )
        return None
    return dataset


def _unknown_file(path: Path, names) -> Problem:
    from graphmap.vocab import best_matches

    return Problem(
        path.name,
        None,
        None,
        "unknown_file",
        "warning",
        {
            "valid": ", ".join(sorted(f"{n}.csv" for n in names)),
            "suggestions": [f"{n}.csv" for n in best_matches(path.stem.lower(), list(names))],
        },
    )
