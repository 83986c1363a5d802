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
    reference layer (``data/landscape/*``), then the mapping rounds of the workspace
    (``rounds/*`` under :func:`workspace`, whose answers the build lays on the facts). Earlier
    datasets win a disagreement about an actor."""
    rounds_folder = rounds_dir()
    rounds = expand_paths([rounds_folder]) if rounds_folder.is_dir() else []
    return expand_paths([REGIONS_DIR]) + (expand_paths([LANDSCAPE_DIR]) if WITH_LANDSCAPE else []) + rounds


def _has_tables(folder: Path) -> bool:
    return any(p.suffix.lower() in DATA_SUFFIXES and p.is_file() for p in folder.iterdir())


def expand_paths(paths) -> list[Path]:
    """The datasets in ``paths``: a folder without tables of its own whose subfolders have them
    (``data/regions``, ``data/landscape``) stands for those subfolders, in name order; anything
    else is itself.

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
    return out


__all__ = ["DATA_SUFFIXES", "WITH_LANDSCAPE", "bundled_paths", "expand_paths", "rounds_dir", "workspace"]
