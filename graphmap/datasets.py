"""Where the data is: the datasets of the bundled data and of the folders a user names.

Light on purpose (paths only): every command finds its inputs here before it knows whether the
build cache can answer, so reading a table is never imported for a cached answer.
"""

from __future__ import annotations

from pathlib import Path

from graphmap.ontology import LANDSCAPE_DIR, REGIONS_DIR
from graphmap.workspace import rounds_dir, workspace

WITH_LANDSCAPE = True  # the seed regions and the national reference layer build together

#: what makes a folder a dataset: a table file directly in it
DATA_SUFFIXES = (".csv", ".xlsx", ".xlsm")


def bundled_paths() -> list[Path]:
    """The folders of the bundled dataset: the seed regions (``data/regions/*``), then the national
    reference layer (``data/landscape/*``), then the mapping rounds of the workspace (``rounds/*``
    under :func:`workspace`, whose answers the build lays on the facts), in the order they started.
    Earlier datasets win a disagreement about an actor."""
    return (
        expand_paths([REGIONS_DIR])
        + (expand_paths([LANDSCAPE_DIR]) if WITH_LANDSCAPE else [])
        + round_folders(rounds_dir())
    )


#: a round's folder holds its manifest (:mod:`graphmap.round.workbook`) and its own ``rounds.csv``
ROUND_MANIFEST = "round.json"
ROUND_TABLE = "rounds.csv"


def is_round(folder) -> bool:
    """Whether ``folder`` is a mapping round's folder (``graphmap round start`` made it)."""
    folder = Path(folder)
    return folder.is_dir() and (folder / ROUND_MANIFEST).is_file()


def _manifest_value(folder, key: str) -> str:
    import json

    try:
        with (Path(folder) / ROUND_MANIFEST).open("rb") as f:
            value = json.loads(f.read(64 << 20)).get(key, "")
        return value if isinstance(value, str) else ""
    except (OSError, ValueError, AttributeError):
        return ""


def round_dataset(folder) -> str:
    """The dataset id a round's folder was started with (its manifest's ``dataset``), or ``""``: the
    round's answers name their facts by it, so the folder may be renamed or copied."""
    return _manifest_value(folder, "dataset") if is_round(folder) else ""


def round_start(folder) -> str:
    """The day a round started (``sent`` in its ``rounds.csv``, else ``created`` in its manifest), or
    ``""``: what orders the rounds, whatever their folders are called. Bounded reads: a round's
    files are the coordinator's, but a return may have been put in the wrong place."""
    import csv
    import io

    folder = Path(folder)
    try:
        with (folder / ROUND_TABLE).open("rb") as f:
            text = f.read(1 << 20).decode("utf-8-sig", errors="replace")
        days = sorted(row.get("sent", "").strip() for row in csv.DictReader(io.StringIO(text)) if row.get("sent"))
        if days:
            return days[0]
    except OSError:
        pass
    return _manifest_value(folder, "created")


def order_rounds(paths) -> list[Path]:
    """``paths`` with the rounds' folders in the order they started (then by name), after the other
    datasets in their given order: a later round's answers are laid on an earlier one's.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for name, sent in (("a-2029", "2029-01-10"), ("z-2027", "2027-01-12"), ("m-2028", "2028-01-11")):
    ...     (root / name).mkdir()
    ...     _ = (root / name / ROUND_MANIFEST).write_text("{}")
    ...     _ = (root / name / ROUND_TABLE).write_text(f"id,sent\\n{name},{sent}\\n")
    >>> [p.name for p in order_rounds([root / "a-2029", REGIONS_DIR / "fyrbodal", root / "z-2027", root / "m-2028"])]
    ['fyrbodal', 'z-2027', 'm-2028', 'a-2029']
    """
    from graphmap.fileio import settle

    paths = [Path(p) for p in paths]
    rounds = [p for p in paths if is_round(p)]
    for folder in rounds:
        settle(folder)  # a `round apply` killed half-way: finished or undone before the round is read
    rounds.sort(key=lambda p: (round_start(p), p.name))
    return [p for p in paths if p not in rounds] + rounds


def round_folders(parent) -> list[Path]:
    """The rounds' folders under ``parent`` (the data's rounds folder) that hold tables, in the order
    they started; none when ``parent`` is missing or empty (a removed round leaves the data as it
    was before it, and an empty folder is no dataset).

    >>> import tempfile
    >>> round_folders(Path(tempfile.mkdtemp())), round_folders(Path(tempfile.mkdtemp()) / "gone")
    ([], [])
    """
    parent = Path(parent)
    if not parent.is_dir():
        return []
    subs = [p for p in parent.iterdir() if p.is_dir() and not p.name.startswith(".") and _has_tables(p)]
    return order_rounds(subs)


def round_dataset_id(name: str, taken) -> str:
    """The dataset id of a new round called ``name`` (a slug): the name itself unless a dataset of the
    data (``taken``) is already called so, then ``runda-<name>`` (a round named "Fyrbodal" must not
    take the region's facts for its own).

    >>> round_dataset_id("kartlaggning-2027", {"fyrbodal"}), round_dataset_id("fyrbodal", {"fyrbodal"})
    ('kartlaggning-2027', 'runda-fyrbodal')
    """
    taken = set(taken)
    ident, n = name, 1
    while ident in taken:
        ident = f"runda-{name}" if n == 1 else f"runda-{name}-{n}"
        n += 1
    return ident


def _has_tables(folder: Path) -> bool:
    return any(p.suffix.lower() in DATA_SUFFIXES and p.is_file() for p in folder.iterdir())


def expand_paths(paths) -> list[Path]:
    """The datasets in ``paths``: a folder without tables of its own whose subfolders have them
    (``data/regions``, ``data/landscape``) stands for those subfolders, in name order; anything
    else is itself. The rounds' folders come last, in the order the rounds started
    (:func:`order_rounds`).

    >>> [p.name for p in expand_paths([REGIONS_DIR])]
    ['fyrbodal', 'jonkoping', 'stockholm', 'vasterbotten']
    >>> expand_paths([REGIONS_DIR / "fyrbodal"]) == [REGIONS_DIR / "fyrbodal"]
    True
    """
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir() and not _has_tables(path):
            subs = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".") and _has_tables(p))
            if subs:
                out.extend(subs)
                continue
        out.append(path)
    return order_rounds(out)


__all__ = [
    "DATA_SUFFIXES",
    "WITH_LANDSCAPE",
    "bundled_paths",
    "expand_paths",
    "is_round",
    "round_start",
    "round_dataset",
    "order_rounds",
    "round_folders",
    "round_dataset_id",
    "ROUND_MANIFEST",
    "ROUND_TABLE",
    "rounds_dir",
    "workspace",
]
