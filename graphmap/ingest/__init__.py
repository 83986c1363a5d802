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
from graphmap.problems import IngestError, Problem
from graphmap.datasets import bundled_paths, expand_paths
from graphmap.ontology import LANDSCAPE_DIR, REFERENCE_DIR

__all__ = ["ingest", "bundled_paths", "expand_paths", "take_over", "IngestError", "Problem", "IngestResult"]


def ingest(paths=None, *, reference: Path | None = None, strict: bool = True) -> IngestResult:
    """Read the reference data and each dataset in ``paths`` and build the RDF graph.

    Raises :class:`IngestError` (with every problem) when any table has an error and
    ``strict`` is true; warnings are returned in ``result.problems``.
    """
    problems: list[Problem] = []
    with paused_gc():  # many small objects, none freed: see gcpause.paused_gc
        ref = read_dataset(reference or REFERENCE_DIR, problems)
        datasets: list[Dataset] = []
        for path in bundled_paths() if paths is None else expand_paths(paths):
            ds = read_dataset(Path(path), problems)
            if ds is not None:
                datasets.append(ds)
        _unique_names(datasets)
        datasets = take_over(datasets, problems)
        emitter = Emitter(problems)
        if ref is not None:
            emitter.load_reference(ref)
        result = emitter.run(datasets)
    if strict and any(p.severity == "error" for p in problems):
        raise IngestError(problems)
    return result


def _in_landscape(path: Path) -> bool:
    try:
        return Path(path).resolve().parent == LANDSCAPE_DIR.resolve()
    except OSError:
        return False


def take_over(datasets: list[Dataset], problems: list[Problem]) -> list[Dataset]:
    """A region's own mapping takes over its county from the reference layer: a dataset outside
    ``data/landscape`` whose ``mapping`` table names a county (or a municipality in it) replaces
    that county's reference folder (``data/landscape/LL-*``), and a warning says which source won.
    The seed regions have no mapping table: they extend the layer instead of replacing it.
    """
    own: dict[str, str] = {}
    for ds in datasets:
        table = ds.tables.get("mapping")
        if table is None or _in_landscape(ds.path):
            continue
        for _number, row in table.rows:
            for place in str(row.get("places", "")).replace(",", ";").split(";"):
                place = place.strip()
                if place.isdigit() and len(place) in (1, 2, 3, 4):
                    own.setdefault(place.zfill(4)[:2] if len(place) > 2 else place.zfill(2), ds.name)
    kept = []
    for ds in datasets:
        code = ds.name[:2]
        if _in_landscape(ds.path) and code in own:
            problems.append(
                Problem(
                    str(ds.path.name),
                    None,
                    None,
                    "superseded",
                    "warning",
                    {"county": code, "by": own[code], "layer": ds.name},
                )
            )
            continue
        kept.append(ds)
    return kept


def _unique_names(datasets: list[Dataset]) -> None:
    seen: dict[str, int] = {}
    for ds in datasets:
        if ds.name in seen:
            seen[ds.name] += 1
            ds.name = f"{ds.name}-{seen[ds.name]}"
        else:
            seen[ds.name] = 1
