"""Tables -> RDF graph, with one clear problem per bad cell.

>>> from graphmap.ingest import ingest
>>> result = ingest()                  # the bundled data
>>> len(result.municipalities)
290
"""
from __future__ import annotations

from pathlib import Path

from graphmap.ingest.emit import Emitter, IngestResult
from graphmap.ingest.gcpause import paused_gc
from graphmap.ingest.inputs import Dataset, read_dataset
from graphmap.ingest.problems import IngestError, Problem
from graphmap.ontology import LANDSCAPE_DIR, REFERENCE_DIR, REGIONS_DIR

__all__ = ["ingest", "bundled_paths", "expand_paths", "IngestError", "Problem", "IngestResult"]

WITH_LANDSCAPE = False  # switched on once every output shows the state of the map

#: what makes a folder a dataset: a table file directly in it
DATA_SUFFIXES = (".csv", ".xlsx", ".xlsm")


def bundled_paths() -> list[Path]:
    """The folders of the bundled dataset: the seed regions (``data/regions/*``), then the national
    reference layer (``data/landscape/*``). Earlier datasets win a disagreement about an actor."""
    return expand_paths([REGIONS_DIR]) + (expand_paths([LANDSCAPE_DIR]) if WITH_LANDSCAPE else [])


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


def ingest(paths=None, *, reference: Path | None = None, strict: bool = True) -> IngestResult:
    """Read the reference data and each dataset in ``paths`` and build the RDF graph.

    Raises :class:`IngestError` (with every problem) when any table has an error and
    ``strict`` is true; warnings are returned in ``result.problems``.
    """
    problems: list[Problem] = []
    with paused_gc():  # many small objects, none freed: see gcpause.paused_gc
        ref = read_dataset(reference or REFERENCE_DIR, problems)
        datasets: list[Dataset] = []
        for path in (bundled_paths() if paths is None else expand_paths(paths)):
            ds = read_dataset(Path(path), problems)
            if ds is not None:
                datasets.append(ds)
        _unique_names(datasets)
        emitter = Emitter(problems)
        if ref is not None:
            emitter.load_reference(ref)
        result = emitter.run(datasets)
    if strict and any(p.severity == "error" for p in problems):
        raise IngestError(problems)
    return result


def _unique_names(datasets: list[Dataset]) -> None:
    seen: dict[str, int] = {}
    for ds in datasets:
        if ds.name in seen:
            seen[ds.name] += 1
            ds.name = f"{ds.name}-{seen[ds.name]}"
        else:
            seen[ds.name] = 1
