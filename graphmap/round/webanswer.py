"""A respondent's answers given in the browser: the form's rows, drafts, and the answer sent as a workbook.

One code path with a returned workbook: the answer pages show the rows the round's manifest keeps
for the respondent (the protected cells :func:`graphmap.round.workbook.fact_cells` wrote into its
workbook, not computed again), and what the form holds is written into a copy of the respondent's
own outgoing workbook (``utskick/``), cell by cell where an official would type it. That workbook is
checked by :func:`graphmap.round.readback.read_returns` (the same checks and messages as ``graphmap
round read``) and, when sent, put in ``svar/`` as ``<code>-webb.xlsx``: ``round read`` and
``round apply`` read it as any return. A workbook and a web answer from the same respondent in
``svar/`` are the same respondent's twice (both held, the coordinator decides).

The draft is ``webb/<code>.json`` (the form's cells, a version number, saved or sent). A save names
the version it started from: an older one is a conflict (nothing written, the newer version shown
with what was not saved), the same form again is no change (a replayed form). Every save is one
journaled step with the round's lock held (:func:`graphmap.fileio.commit_journaled`): the draft,
the audit entry and, when sent, the workbook, all or nothing, whatever kills the process.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from graphmap.fileio import commit_journaled, folder_lock, settle
from graphmap.i18n import t
from graphmap.ingest.answers import RECORD_ONLY
from graphmap.round.audit import appended, entry
from graphmap.round.links import WEB
from graphmap.round.workbook import (
    ADD_COLUMNS,
    ADD_HOW,
    ADD_LISTS,
    ANSWER_COLUMNS,
    FACT_COLUMNS,
    NEED_COLUMNS,
    NEED_ANSWERS,
    OUTGOING,
    RETURNED,
    add_kinds,
    read_manifest,
)
from graphmap.schema import TABLE
from graphmap.vocab import vocabularies

#: the answer cells of each sheet, as the form names them
ANSWERED = {
    "beliefs": ANSWER_COLUMNS,
    "verify": ANSWER_COLUMNS,
    "needs": NEED_ANSWERS,
    "missing": ADD_COLUMNS[1:],
}
#: the column (1-based) of each answer cell in its sheet
COLUMN = {
    **{("fact", k): FACT_COLUMNS.index(k) + 1 for k in ANSWER_COLUMNS},
    **{("needs", k): NEED_COLUMNS.index(k) + 1 for k in NEED_ANSWERS},
    **{("missing", k): ADD_COLUMNS.index(k) + 1 for k in ADD_COLUMNS[1:]},
}
MAX_TEXT = 2000  # characters of one free-text cell
MAX_NAME = 200  # characters of the respondent's name
SUFFIX = "-webb.xlsx"


def draft_path(folder, code: str) -> Path:
    return Path(folder) / WEB / f"{code}.json"


def answer_file(folder, code: str) -> Path:
    """Where a sent answer goes: among the returns, named for the respondent."""
    return Path(folder) / RETURNED / f"{code}{SUFFIX}"


@dataclass
class Draft:
    version: int = 0
    state: str = ""  # "", "draft" or "sent"
    saved: str = ""
    cells: dict = field(default_factory=dict)  # sheet -> row -> column -> value
    respondent_name: str = ""
    problems: list = field(default_factory=list)  # the last check's problems, as dicts
    changes: list = field(default_factory=list)  # the last check's changes: [effect, text, detail]

    def as_json(self) -> bytes:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")

    def value(self, sheet: str, row, column: str) -> str:
        return str(self.cells.get(sheet, {}).get(str(row), {}).get(column, ""))

    def answer_count(self) -> int:
        return sum(1 for rows in self.cells.values() for cells in rows.values() if any(cells.values()))


def read_draft(folder, code: str) -> Draft:
    try:
        data = json.loads(draft_path(folder, code).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Draft()
    if not isinstance(data, dict):
        return Draft()
    known = {k: data[k] for k in Draft().__dict__ if k in data}
    try:
        return Draft(**known)
    except TypeError:
        return Draft()


# --------------------------------------------------------------------------- what the form shows
def _scheme_of(line: dict) -> tuple[str | None, bool]:
    """The vocabulary of a line's correctable column and whether it takes several values."""
    name = line.get("field")
    if not name or name == RECORD_ONLY:
        return None, False
    col = TABLE[line["table"]].column(name)
    return col.vocab, bool(col.many)


def choices(scheme: str, value_lang: str, shown_lang: str) -> list[tuple[str, str]]:
    """(value, label) of a drop-down: the value is the label the workbook's list has (the round's
    language), the label the one the page is read in."""
    vocab = vocabularies()
    if scheme == "add-kind":  # the same kinds in the same order in both languages
        return [(v, s) for (_a, v), (_b, s) in zip(add_kinds(value_lang), add_kinds(shown_lang))]
    if scheme == "add-how":
        return [
            (vocab.schemes["route"][c].label(value_lang), vocab.schemes["route"][c].label(shown_lang)) for c in ADD_HOW
        ]
    return [(c.label(value_lang), c.label(shown_lang)) for c in vocab.concepts(scheme)]


def form_sheets(manifest: dict, code: str, draft: Draft, lang: str, extra_rows: int = 5) -> list[dict]:
    """The four sheets of the respondent's workbook as the form shows them: per row the protected
    cells as the manifest keeps them and the answer cells (the draft's values, the drop-down's choices)."""
    entry_ = manifest["respondents"][code]
    value_lang = manifest.get("lang", "sv")
    out: list[dict] = []
    for sheet in ("beliefs", "verify"):
        rows = []
        for number, cells in sorted(entry_["sheets"].get(sheet, {}).items(), key=lambda kv: int(kv[0])):
            line = entry_["lines"].get(cells["key"], {})
            scheme, many = _scheme_of(line)
            rows.append(
                {
                    "row": number,
                    "cells": cells,
                    "answer": draft.value(sheet, number, "answer"),
                    "correction": draft.value(sheet, number, "correction"),
                    "comment": draft.value(sheet, number, "comment"),
                    "correction_choices": choices(scheme, value_lang, lang) if scheme else [],
                    "many": many,
                    "correctable": bool(scheme),
                }
            )
        out.append({"key": sheet, "rows": rows, "answer_choices": choices("answer", value_lang, lang)})
    needs = []
    for number, cells in sorted(entry_["sheets"].get("needs", {}).items(), key=lambda kv: int(kv[0])):
        needs.append({"row": number, "cells": cells, **{k: draft.value("needs", number, k) for k in NEED_ANSWERS}})
    out.append(
        {
            "key": "needs",
            "rows": needs,
            "level_choices": choices("need-level", value_lang, lang),
            "support_choices": choices("support-kind", value_lang, lang),
        }
    )
    kept = sorted(entry_["sheets"].get("missing", {}).items(), key=lambda kv: int(kv[0]))
    filled = [n for n, _c in kept if any(draft.value("missing", n, k) for k in ADD_COLUMNS[1:])]
    last = max((int(n) for n in filled), default=int(kept[0][0]) - 1 if kept else 0)
    missing = [
        {"row": n, "cells": c, **{k: draft.value("missing", n, k) for k in ADD_COLUMNS[1:]}}
        for n, c in kept
        if int(n) <= last + extra_rows
    ]
    out.append(
        {
            "key": "missing",
            "rows": missing,
            "max_rows": len(kept),
            "lists": {key: choices(scheme, value_lang, lang) for key, scheme in ADD_LISTS.items()},
        }
    )
    return out


def cells_from_form(
    manifest: dict, code: str, form: dict, limit: int = MAX_TEXT
) -> tuple[dict, list[tuple[str, str, str]]]:
    """The answer cells a posted form holds (only rows and columns of the respondent's workbook;
    anything else is ignored), and the cells too long to take (sheet, row, column)."""
    entry_ = manifest["respondents"][code]
    cells: dict = {}
    too_long = []
    for sheet, columns in ANSWERED.items():
        for number in entry_["sheets"].get(sheet, {}):
            for column in columns:
                value = str(form.get(f"{sheet}.{number}.{column}", "")).replace("\r\n", "\n").strip()
                value = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable())
                if len(value) > limit:
                    too_long.append((sheet, number, column))
                    continue
                if value:
                    cells.setdefault(sheet, {}).setdefault(str(number), {})[column] = value
    return cells, too_long


# --------------------------------------------------------------------------- the workbook
def fill_workbook(folder, manifest: dict, code: str, cells: dict, respondent_name: str, answered: str) -> bytes:
    """The respondent's outgoing workbook with the answer cells filled in, as bytes."""
    from openpyxl import load_workbook

    from graphmap.round.workbook import sheet_names

    entry_ = manifest["respondents"][code]
    book = load_workbook(Path(folder) / OUTGOING / entry_["file"])
    names = sheet_names(manifest.get("lang", "sv"))
    for sheet, rows in cells.items():
        ws = book[names[sheet]]
        kind = "fact" if sheet in ("beliefs", "verify") else sheet
        for number, values in rows.items():
            for column, value in values.items():
                ws.cell(int(number), COLUMN[(kind, column)], value)
    info = book[names["info"]]
    for number, kept in entry_["sheets"]["info"].items():
        if kept["key"] == "answered":
            info.cell(int(number), 2, answered)
        elif kept["key"] == "respondent_name":
            info.cell(int(number), 2, respondent_name or None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def check(folder, code: str, data: bytes, kg=None):
    """The workbook ``data`` read back as ``graphmap round read`` reads a return (a
    :class:`graphmap.round.readback.Readback` of that one file)."""
    from graphmap.round.readback import read_returns

    with tempfile.TemporaryDirectory(prefix="graphmap-webb-") as tmp:
        path = Path(tmp) / f"{code}{SUFFIX}"
        path.write_bytes(data)
        back = read_returns(folder, [path], kg=kg)
        for r in back.returned:
            r.path = None
    return back


# --------------------------------------------------------------------------- saving
@dataclass
class Saved:
    draft: Draft
    outcome: str  # "saved", "sent", "not_sent", "same", "conflict", "too_long"
    unsaved: list = field(default_factory=list)  # (sheet, row, column, value) of a conflict
    too_long: list = field(default_factory=list)


def save(
    folder,
    code: str,
    form: dict,
    *,
    version: int,
    send: bool = False,
    kg=None,
    lang: str = "sv",
    today: str | None = None,
) -> Saved:
    """Save the form ``form`` of respondent ``code`` as a draft (and, with ``send``, put the answer
    workbook among the returns), if ``version`` is the current one; see the module's text."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    cells, too_long = cells_from_form(manifest, code, form)
    name = str(form.get("respondent_name", "")).strip()[: MAX_NAME + 1]
    name = "".join(ch for ch in name if ch.isprintable())
    if len(name) > MAX_NAME:
        too_long.append(("info", "", "respondent_name"))
    if too_long:
        return Saved(read_draft(folder, code), "too_long", too_long=too_long)
    settle(folder)
    with folder_lock(folder, wait=30):
        current = read_draft(folder, code)
        same = cells == current.cells and name == current.respondent_name
        if version != current.version:
            if same:  # the same form again (a replay, a double click): nothing changes
                return Saved(current, "same")
            unsaved = [
                (sheet, row, column, value)
                for sheet, rows in cells.items()
                for row, values in rows.items()
                for column, value in values.items()
                if current.value(sheet, row, column) != value
            ]
            path, audit = appended(folder, [entry(code, "conflict", {"version": current.version})])
            commit_journaled(folder, {path: audit})
            return Saved(current, "conflict", unsaved=unsaved)
        if same and current.state == "sent" and send:
            return Saved(current, "same")
        answered = today or _dt.date.today().isoformat()
        data = fill_workbook(folder, manifest, code, cells, name, answered)
        back = check(folder, code, data, kg)
        errors = back.errors
        draft = Draft(
            version=current.version + 1,
            state="sent" if send and not errors else "draft",
            saved=_dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            cells=cells,
            respondent_name=name,
            problems=[{**p.as_dict(lang), "where": p.where(lang)} for p in back.problems],
            changes=[[c.effect, c.text, c.detail] for c in back.changes()],
        )
        what = [
            _audit_line(manifest, sheet, row, values) for sheet, rows in cells.items() for row, values in rows.items()
        ]
        details = {"version": draft.version, "answers": draft.answer_count(), "what": what}
        path, audit = appended(folder, [entry(code, draft.state, details)])
        payloads = {draft_path(folder, code): draft.as_json(), path: audit}
        if draft.state == "sent":
            payloads[answer_file(folder, code)] = data
        (folder / WEB).mkdir(exist_ok=True)
        commit_journaled(folder, payloads)
    return Saved(draft, draft.state if draft.state == "sent" else ("not_sent" if send else "saved"))


def _audit_line(manifest: dict, sheet: str, row: str, values: dict) -> str:
    """What one row's answer was, for the audit log: the sheet, the row's number and the values
    (free text cut to 80 characters)."""
    lang = manifest.get("lang", "sv")
    shown = ", ".join(f"{t('round.column.' + k, lang)}={v[:80]}" for k, v in values.items())
    return f"{t('round.sheet.' + sheet, lang)} {row}: {shown}"


# --------------------------------------------------------------------------- the coordinator's view
@dataclass
class WebState:
    """Where the answers in the browser stand, for ``/runda`` and ``graphmap round status``."""

    round: str
    folder: Path
    respondents: list[dict] = field(default_factory=list)  # code, name, link, state, changes
    audit: list[dict] = field(default_factory=list)  # newest first: time, respondent, name, text


def web_state(folder, lang: str = "sv", today: str | None = None, last: int = 200) -> WebState:
    """Each respondent's link and answer (the changes its answer sent would make, as ``round read``
    says them) and the latest ``last`` entries of the audit log."""
    from graphmap.round.audit import describe, read_audit
    from graphmap.round.links import read_links

    folder = Path(folder)
    manifest = read_manifest(folder)
    today = today or _dt.date.today().isoformat()
    links = read_links(folder)
    names = {code: e["name"] for code, e in manifest["respondents"].items()}
    state = WebState(manifest["name"], folder)
    for code, name in names.items():
        link = links.get(code)
        if link is None:
            link_text = t("answer.web.link_none", lang)
        elif link.get("revoked"):
            link_text = t("answer.web.link_revoked", lang, date=link["revoked"])
        elif str(link.get("expires", "")) < today:
            link_text = t("answer.web.link_expired", lang, expires=link.get("expires", "–"))
        else:
            link_text = t("answer.web.link_valid", lang, expires=link.get("expires", "–"))
        draft = read_draft(folder, code)
        if draft.state in ("draft", "sent"):
            said = t(f"answer.web.{draft.state}", lang, version=draft.version, saved=draft.saved)
        else:
            said = t("answer.web.nothing", lang)
        changes = [
            {"effect": t(f"round.effect.{c[0]}", lang), "text": c[1], "detail": c[2]}
            for c in draft.changes
            if isinstance(c, list) and len(c) == 3
        ]
        state.respondents.append(
            {
                "code": code,
                "name": name,
                "link": link_text,
                "state": draft.state or "",
                "said": said,
                "changes": changes if draft.state == "sent" else [],
            }
        )
    for e in reversed(read_audit(folder)[-last:]):
        state.audit.append(
            {
                "time": e.get("time", ""),
                "respondent": e["respondent"],
                "name": names.get(e["respondent"], e["respondent"]),
                "text": describe(e, lang),
            }
        )
    return state


__all__ = [
    "WebState",
    "web_state",
    "Draft",
    "Saved",
    "save",
    "read_draft",
    "form_sheets",
    "cells_from_form",
    "fill_workbook",
    "check",
    "choices",
    "answer_file",
    "draft_path",
    "MAX_TEXT",
]
