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
(``replace``).

One apply is one step, whatever else runs: it holds the round folder's lock
(:func:`graphmap.fileio.folder_lock`; a second apply waits, then sees the first one's answers), and
writes the three tables, the ledger of applied workbooks (``applied.json``) and the moves of the
applied workbooks from ``svar/`` to ``svar/inlasta/`` through one journal
(:func:`graphmap.fileio.commit_journaled`): killed at any point, the round is as it was before or,
once the next reader has finished the journal, as after. The good workbooks are applied and the bad
ones held, each with its problems (``require_all`` applies nothing while one is bad); a workbook
already applied, put back in ``svar/``, is recognised by its content and skipped with a note.

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
import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from graphmap.fileio import commit_journaled, folder_lock, recover_journal
from graphmap.round.beliefs import table_csv
from graphmap.round.additions import ADDED_TABLES
from graphmap.round.readback import ARCHIVE, LEDGER, Readback, already_applied, applied_respondents, applied_workbooks
from graphmap.round.workbook import RETURNED
from graphmap.schema import TABLE

TABLES = ("sources", "answers", "needs", *ADDED_TABLES)


@dataclass
class Applied:
    folder: Path
    written: list[Path] = field(default_factory=list)
    answers: list[dict] = field(default_factory=list)
    needs: list[dict] = field(default_factory=list)
    respondents: list[str] = field(default_factory=list)
    archived: list[Path] = field(default_factory=list)  # workbooks moved to svar/inlasta/
    held: list[str] = field(default_factory=list)  # files not applied: their problems are the readback's


class ApplyRefused(ValueError):
    """Nothing to apply while the readback has errors (or, with ``require_all``, any error): nothing
    is written."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__(f"{len(errors)} error(s) in the returned workbooks")


def _rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def apply_returns(readback: Readback, *, require_all: bool = False, today: str | None = None) -> Applied:
    """Write the answers of ``readback``'s good workbooks into its round's folder as one step (see the
    module's text); the files with errors are held (:attr:`Applied.held`). :class:`ApplyRefused`, and
    nothing written, when there are errors and nothing good, or any error with ``require_all``."""
    errors = readback.errors
    if errors and (require_all or not readback.returned):
        raise ApplyRefused(errors)
    folder = readback.folder
    applied = Applied(folder, held=sorted(set(readback.held)))
    if not readback.returned:
        return applied
    with folder_lock(folder):
        recover_journal(folder)
        done = applied_respondents(folder)
        late = [r for r in readback.returned if r.respondent in done and not readback.replace]
        if late:  # applied by another run since this one was read: held, never applied twice
            problems = [already_applied(r, done[r.respondent]) for r in late]
            if require_all or len(late) == len(readback.returned):
                raise ApplyRefused(problems)
            readback.problems += problems
            applied.held = sorted(set(applied.held) | {r.file for r in late})
        returned = [r for r in readback.returned if r not in late]
        replaced = {r.respondent for r in returned}
        new = {
            "sources": [r.source for r in returned],
            "answers": [a for r in returned for a in r.answers],
            "needs": [n for r in returned for n in r.needs],
            **{name: [x for r in returned for x in r.tables.get(name, ())] for name in ADDED_TABLES},
        }
        payloads = {}
        for name in TABLES:
            columns = [c.name for c in TABLE[name].columns]
            kept = [row for row in _rows(folder / f"{name}.csv") if _owner(name, row) not in replaced]
            rows = kept + new[name]
            if name in ADDED_TABLES and not rows and not (folder / f"{name}.csv").exists():
                continue  # no table the round does not need
            payloads[folder / f"{name}.csv"] = table_csv(rows, columns)
        ledger = applied_workbooks(folder)
        day = today or _dt.date.today().isoformat()
        moves: list[tuple[Path, Path]] = []
        inbox = (folder / RETURNED).resolve()
        for r in returned:
            ledger[r.digest] = {"file": r.file, "respondent": r.respondent, "answered": r.answered, "applied": day}
            if r.path is not None and r.path.resolve().parent == inbox:
                moves.append((r.path, _archive_path(folder, r.file, {dst for _s, dst in moves})))
        payloads[folder / LEDGER] = json.dumps({"workbooks": ledger}, ensure_ascii=False, indent=1).encode("utf-8")
        written = commit_journaled(folder, payloads, moves)
    applied.written = [p for p in written if p.suffix == ".csv"]
    applied.archived = [dst for _src, dst in moves]
    applied.answers, applied.needs = new["answers"], new["needs"]
    applied.respondents = sorted(replaced)
    return applied


class SettleRefused(ValueError):
    """The answers to settle are not in the round's ``answers.csv``: nothing is written."""

    def __init__(self, unknown: list[str]):
        self.unknown = unknown
        super().__init__(", ".join(unknown))


def settle_answers(
    folder, ids, decision: str, *, note: str = "", today: str | None = None, reviewable=None
) -> list[dict]:
    """Record the coordinator's ``decision`` (``accepted`` or ``rejected``) on the answers ``ids`` of the
    round in ``folder`` (their ``decision``, ``decided`` and ``decision_note`` in ``answers.csv``), as
    one locked, journaled step; the build lays an accepted answer on its fact (``graphmap/ingest/
    answers.py``). ``reviewable``: the ids that may be settled (the answers waiting for review);
    :class:`SettleRefused`, and nothing written, for an id not among them. Returns the rows changed.
    Deciding again replaces the earlier decision."""
    from graphmap.ingest.answers import DECISIONS

    if decision not in DECISIONS:
        raise ValueError(decision)
    folder = Path(folder)
    wanted = list(dict.fromkeys(ids))
    day = today or _dt.date.today().isoformat()
    with folder_lock(folder):
        recover_journal(folder)
        rows = _rows(folder / "answers.csv")
        known = {r.get("id", "") for r in rows}
        unknown = [i for i in wanted if i not in known or (reviewable is not None and i not in reviewable)]
        if unknown or not wanted:
            raise SettleRefused(unknown)
        changed = []
        for r in rows:
            if r.get("id") in wanted:
                r.update({"decision": decision, "decided": day, "decision_note": note})
                changed.append(r)
        columns = [c.name for c in TABLE["answers"].columns]
        commit_journaled(folder, {folder / "answers.csv": table_csv(rows, columns)})
    return changed


def _archive_path(folder: Path, name: str, taken: set) -> Path:
    """Where an applied workbook goes: ``svar/inlasta/<name>``, numbered when that name is taken (an
    answer replaced later keeps the earlier file beside it)."""
    target = folder / RETURNED / ARCHIVE / name
    n = 2
    while target.exists() or target in taken:
        target = target.with_name(f"{Path(name).stem}-{n}{Path(name).suffix}")
        n += 1
    return target


def _owner(table: str, row: dict) -> str:
    """Which respondent a row of the round's tables came from."""
    if table == "sources":
        return str(row.get("id", "")).removeprefix("svar-")
    if table == "answers":
        return row.get("respondent", "")
    if table == "needs":
        return row.get("reported_by", "")
    return str(row.get("source", "")).removeprefix("svar-")  # what a respondent added


__all__ = ["apply_returns", "settle_answers", "Applied", "ApplyRefused", "SettleRefused", "TABLES"]
