"""Applying a round's answers: the rows of :class:`graphmap.round.readback.Readback` written as the
round's own tables, beside ``rounds.csv`` in the round's folder.

* ``sources.csv`` — one source per returned workbook: "Svar från Strömstad i Kartläggning 2027",
  published by the municipality, dated the day it answered;
* ``answers.csv`` — one row per answered line and per area of the needs inventory (the schema's
  ``answers`` table), with the fact it answers as ``dataset/table/id``;
* ``needs.csv`` — the needs the municipality reported, ``reported_by`` the municipality.

The original tables are never touched: the build lays the answers on them
(:mod:`graphmap.ingest.answers`), so removing the round's folder from the data gives back the map
as it was. A respondent's earlier answers are replaced only when the readback was asked to
(``replace``); the three files are written together or not at all.

>>> import graphmap, tempfile, pathlib
>>> from graphmap.round.workbook import start_round
>>> from graphmap.round.readback import read_returns
>>> kg = graphmap.build()  # doctest: +SKIP
>>> made = start_round(kg, "Runda", ["1486"], tempfile.mkdtemp(), today="2027-02-01")
>>> back = read_returns(made.folder, [made.workbooks[0]])   # returned as sent: no answer in it
>>> [p.code for p in back.errors], len(apply_returns(back).answers)
([], 0)
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from graphmap.fileio import write_files_atomic
from graphmap.round.beliefs import table_csv
from graphmap.round.readback import Readback
from graphmap.schema import TABLE

TABLES = ("sources", "answers", "needs")


@dataclass
class Applied:
    folder: Path
    written: list[Path] = field(default_factory=list)
    answers: list[dict] = field(default_factory=list)
    needs: list[dict] = field(default_factory=list)
    respondents: list[str] = field(default_factory=list)


class ApplyRefused(ValueError):
    """The readback has errors: nothing is written."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__(f"{len(errors)} error(s) in the returned workbooks")


def _rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def apply_returns(readback: Readback) -> Applied:
    """Write the answers of ``readback`` into its round's folder; :class:`ApplyRefused` (and nothing
    written) when it has errors."""
    if readback.errors:
        raise ApplyRefused(readback.errors)
    folder = readback.folder
    applied = Applied(folder)
    if not readback.returned:
        return applied
    replaced = {r.respondent for r in readback.returned}
    new = {"sources": [r.source for r in readback.returned],
           "answers": [a for r in readback.returned for a in r.answers],
           "needs": [n for r in readback.returned for n in r.needs]}
    payloads = {}
    for name in TABLES:
        columns = [c.name for c in TABLE[name].columns]
        kept = [row for row in _rows(folder / f"{name}.csv") if _owner(name, row) not in replaced]
        rows = kept + new[name]
        payloads[folder / f"{name}.csv"] = table_csv(rows, columns)
    applied.written = write_files_atomic(payloads)
    applied.answers, applied.needs = new["answers"], new["needs"]
    applied.respondents = sorted(replaced)
    return applied


def _owner(table: str, row: dict) -> str:
    """Which respondent a row of the round's tables came from."""
    if table == "sources":
        return str(row.get("id", "")).removeprefix("svar-")
    if table == "answers":
        return row.get("respondent", "")
    return row.get("reported_by", "")


__all__ = ["apply_returns", "Applied", "ApplyRefused", "TABLES"]
