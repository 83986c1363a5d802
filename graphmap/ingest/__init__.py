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
from graphmap.ontology import REFERENCE_DIR, REGIONS_DIR

__all__ = ["ingest", "bundled_paths", "IngestError", "Problem", "IngestResult"]


def bundled_paths() -> list[Path]:
    """The region folders of the bundled dataset (``data/regions/*``)."""
    return sorted(p for p in REGIONS_DIR.iterdir() if p.is_dir())


def ingest(paths=None, *, reference: Path | None = None, strict: bool = True) -> IngestResult:
    """Read the reference data and each dataset in ``paths`` and build the RDF graph.

    Raises :class:`IngestError` (with every problem) when any table has an error and
    ``strict`` is true; warnings are returned in ``result.problems``.
    """
    problems: list[Problem] = []
    with paused_gc():  # many small objects, none freed: see gcpause.paused_gc
        ref = read_dataset(reference or REFERENCE_DIR, problems)
        datasets: list[Dataset] = []
        for path in (bundled_paths() if paths is None else paths):
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
