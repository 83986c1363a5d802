"""Reading returned workbooks back: every problem with its file, sheet, row and column, and what the
answers would change, before anything is written.

:func:`read_returns` reads a folder (or files) of returned workbooks through the bounded reader of
:mod:`graphmap.ingest.readers` (the same size limits as every table graphmap reads) and checks each
one against the round's manifest (:data:`graphmap.round.workbook.MANIFEST`):

* the file: empty or unreadable, no round workbook, a workbook of another round, of a respondent
  the round did not ask, named for another respondent, or the same respondent's twice;
* the protected cells: every one as it was sent (an edited fact, source, key or area is refused
  even where the sheet protection was lifted);
* the answers: a value outside its list (answer, correction, need level, kind of support), a
  correction without a source or comment, a correction of a line that cannot be corrected, an
  answer "stämmer" with a correction, a need without its level, a date that is no date;
* against the data: a fact that is no longer in the graph, answers already applied (unless they
  are to be replaced), a data version other than the one the workbooks were made from (a warning).

Problems are :class:`graphmap.problems.Problem` with the ``round`` section's texts, formatted
like every other input problem. :class:`Readback` holds the rows the answers become
(:mod:`graphmap.round.apply` writes them) and :meth:`Readback.preview`, one line per change.
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from graphmap.fileio import settle
from graphmap.i18n import LANGS, t
from graphmap.ingest.answers import CORRECTABLE, RECORD_ONLY
from graphmap.ingest.effects import decide
from graphmap.ingest.cells import parse_date, split_list
from graphmap.problems import Problem
from graphmap.ingest.readers import normalise_header, read_xlsx
from graphmap.round.additions import read_additions
from graphmap.round.workbook import (
    ANSWER_COLUMNS,
    FACT_COLUMNS,
    META,
    NEED_COLUMNS,
    RETURNED,
    read_manifest,
    sheet_names,
)
from graphmap.schema import TABLE
from graphmap.vocab import vocabularies

#: the protected columns of a fact line, compared with the manifest
PROTECTED = tuple(c for c in FACT_COLUMNS if c not in ANSWER_COLUMNS)


def _problem(problems, file, row, column, code, severity="error", **params) -> None:
    problems.append(Problem(file, row, column, code, severity, params, section="round"))


@dataclass
class Change:
    """One change an answer makes, for the preview."""

    respondent: str
    effect: str  # one of graphmap.ingest.effects.EFFECTS
    text: str
    detail: str = ""


@dataclass
class Returned:
    """One returned workbook that was read: the rows its answers become."""

    file: str
    respondent: str
    name: str
    answered: str
    respondent_name: str
    source: dict
    answers: list[dict] = field(default_factory=list)
    needs: list[dict] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    #: what the respondent added (the sheet "Det som saknas"): rows of the tables actors, networks,
    #: coverage, memberships and offers, with its answer as their source
    tables: dict[str, list[dict]] = field(default_factory=dict)
    path: Path | None = None  # the file read
    digest: str = ""  # its content's SHA-256: an applied workbook put back is recognised by it


@dataclass
class Readback:
    manifest: dict
    folder: Path
    returned: list[Returned] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    replace: bool = False  # answers already applied for a respondent are to be replaced
    skipped: list[str] = field(default_factory=list)  # files already applied, as they are: not read again
    held: list[str] = field(default_factory=list)  # files with errors: not applied, left in svar/

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def changes(self) -> list[Change]:
        return [c for r in self.returned for c in r.changes]

    def preview(self, lang: str = "sv") -> list[str]:
        """What the answers would change, one line each, grouped by respondent."""
        out = []
        for r in self.returned:
            out.append(
                t("round.preview.respondent", lang, name=r.name, code=r.respondent, file=r.file, n=len(r.answers))
            )
            for c in r.changes:
                out.append(
                    "  " + t(f"round.effect.{c.effect}", lang) + ": " + c.text + (f" ({c.detail})" if c.detail else "")
                )
        return out


def _sheets(path: Path, names: set[str], problems: list[Problem]) -> dict:
    tables = read_xlsx(path, names | {META}, problems, values_only=True)  # no formula, macro or link accepted
    problems[:] = [p for p in problems if not (p.code == "hidden_sheet" and p.params.get("sheet") == META)]
    return {t_.name: t_ for t_ in tables}


#: what a returned file may be: read (``.xlsx``, ``.xlsm``), read after LibreOffice has saved it as
#: ``.xlsx`` (``.ods``, ``.fods``, ``.xls``: :func:`calc_to_xlsx`; refused with how to save it as
#: ``.xlsx`` where LibreOffice is not installed), refused, or not a workbook (a scan, a letter: named
#: and left alone)
READ_SUFFIXES = (".xlsx", ".xlsm")
CONVERTED_SUFFIXES = (".ods", ".fods", ".xls")
REFUSED_SUFFIXES = {
    ".ods": "OpenDocument (.ods)",
    ".fods": "OpenDocument (.fods)",
    ".xls": "Excel 97–2003 (.xls)",
    ".xlsb": "Excel binär (.xlsb)",
    ".numbers": "Numbers (.numbers)",
    ".xltx": "Excel-mall (.xltx)",
}
#: the environment variable naming the LibreOffice program (``soffice``); "off": none, every
#: ``.ods`` and ``.xls`` is refused with how to save it as ``.xlsx``
SOFFICE_ENV = "GRAPHMAP_SOFFICE"
CONVERT_TIMEOUT = 300


def soffice() -> str | None:
    """The LibreOffice program that converts ``.ods``/``.xls`` returns, or None."""
    import os
    import shutil

    named = os.environ.get(SOFFICE_ENV, "").strip()
    if named.lower() == "off":
        return None
    if named:
        return shutil.which(named)
    return shutil.which("soffice") or shutil.which("libreoffice")


def calc_to_xlsx(paths: list[Path], out: Path, program: str | None = None) -> dict[Path, Path]:
    """``paths`` saved as ``.xlsx`` into ``out`` by LibreOffice headless (one run for all of them, with a
    user profile of its own under ``out`` so that a LibreOffice the coordinator has open is not
    disturbed); returns the file each one became (a file LibreOffice could not convert is missing)."""
    import os
    import subprocess

    program = program or soffice()
    if program is None or not paths:
        return {}
    out.mkdir(parents=True, exist_ok=True)
    profile = (out / "profile").resolve().as_uri()
    done: dict[Path, Path] = {}
    batches: list[list[Path]] = []  # one LibreOffice run per batch; x.ods and x.xls in different ones
    for p in paths:
        batch = next((b for b in batches if all(q.stem != p.stem for q in b)), None)
        if batch is None:
            batches.append(batch := [])
        batch.append(p)
    for n, batch in enumerate(batches):
        target = out / str(n)
        try:
            subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML",
                    "--outdir",
                    str(target),
                    *map(str, batch),
                ],
                capture_output=True,
                timeout=CONVERT_TIMEOUT,
                env=dict(os.environ, HOME=str(out)),
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        for p in batch:
            saved = target / f"{p.stem}.xlsx"
            if saved.is_file():
                done[p] = saved
    return done


#: applied workbooks are moved here, under ``svar/`` (see :mod:`graphmap.round.apply`)
ARCHIVE = "inlasta"
#: the round's ledger of applied workbooks: content digest -> file, respondent, answered, applied
LEDGER = "applied.json"
MAX_LEDGER = 16 << 20


def _files(paths, problems: list[Problem], held: list[str]) -> list[Path]:
    """The workbooks to read among ``paths`` (an ``.ods`` or ``.xls`` among them where LibreOffice is
    installed); every other file in a folder of returns is named: a
    spreadsheet in a format graphmap does not read is an error (how to save it as .xlsx), anything
    else a warning. Office's and LibreOffice's lock files and hidden files are left out silently."""
    out: list[Path] = []
    for path in map(Path, paths):
        found = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for p in found:
            name, suffix = p.name, p.suffix.lower()
            if name.startswith(("~$", ".")):  # ~$x.xlsx, .~lock.x.xlsx#, .keep
                continue
            if suffix in READ_SUFFIXES or (suffix in CONVERTED_SUFFIXES and soffice() is not None):
                out.append(p)
            elif suffix in REFUSED_SUFFIXES:
                _problem(problems, name, None, None, "unsupported_format", format=REFUSED_SUFFIXES[suffix])
                held.append(name)
            else:
                _problem(problems, name, None, None, "not_a_workbook_file", "warning")
    return out


def applied_workbooks(folder) -> dict[str, dict]:
    """The round's ledger (:data:`LEDGER`): content digest -> what was applied from it."""
    path = Path(folder) / LEDGER
    try:
        with path.open("rb") as f:
            data = json.loads(f.read(MAX_LEDGER).decode("utf-8"))
        books = data.get("workbooks", {}) if isinstance(data, dict) else {}
        return {k: v for k, v in books.items() if isinstance(k, str) and isinstance(v, dict)}
    except (OSError, ValueError, AttributeError):
        return {}


def digest(path: Path) -> str:
    """The SHA-256 of a file's content (read in pieces)."""
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def already_applied(returned: Returned, date: str) -> Problem:
    """The error of a workbook whose respondent's answers are already applied."""
    return Problem(
        returned.file, None, None, "already_applied", "error", {"name": returned.name, "date": date}, section="round"
    )


def applied_respondents(folder) -> dict[str, str]:
    """Respondent -> the date of its answers already applied in the round's folder."""
    path = Path(folder) / "answers.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {row["respondent"]: row.get("answered") or "–" for row in csv.DictReader(f) if row.get("respondent")}


def read_returns(folder, paths=None, *, kg=None, replace: bool = False) -> Readback:
    """Read the returned workbooks ``paths`` (files or folders; default ``<folder>/svar``) of the round
    in ``folder``. With ``kg`` (the current graph) each answered fact is looked up in it. Answers
    already applied for a respondent are an error unless ``replace``; a workbook applied before, as
    it was, is skipped with a note. Each file's problems hold that file only: the good ones can be
    applied (:func:`graphmap.round.apply.apply_returns`)."""
    folder = Path(folder)
    settle(folder)  # an apply killed half-way: finished or undone first
    manifest = read_manifest(folder)
    result = Readback(manifest, folder, replace=replace)
    files = _files(paths if paths else [folder / RETURNED], result.problems, result.held)
    if not files:
        if not result.problems:
            _problem(result.problems, str(paths[0] if paths else folder / RETURNED), None, None, "no_workbooks")
        return result
    keys = None
    if kg is not None:
        from graphmap.round.beliefs import record_key

        keys = {record_key(r[3]) for r in kg.ingest.rows} if kg.ingest is not None else None
    applied = applied_respondents(folder)
    ledger = applied_workbooks(folder)
    with tempfile.TemporaryDirectory(prefix="graphmap-calc-") as tmp:
        converted = calc_to_xlsx([p for p in files if p.suffix.lower() in CONVERTED_SUFFIXES], Path(tmp))
        _read_all(result, files, converted, manifest, keys, kg, applied, ledger, replace)
    return result


def _added_by_rounds(kg) -> dict[str, str]:
    """The actors and networks in ``kg`` that a municipality added in a round (a source ``svar-…``):
    IRI -> name."""
    from rdflib.namespace import DCTERMS, RDF, SKOS

    from graphmap.ontology import GM, ORG

    g = kg.graph
    out = {}
    for cls in (GM.Actor, ORG.OrganizationalCollaboration):
        for s in g.subjects(RDF.type, cls):
            if any(str(o).rsplit("/", 1)[-1].startswith("svar-") for o in g.objects(s, DCTERMS.source)):
                out[str(s)] = str(g.value(s, SKOS.prefLabel) or "")
    return out


def _read_all(result: Readback, files, converted, manifest, keys, kg, applied, ledger, replace) -> None:
    seen: dict[str, Returned] = {}
    added = _added_by_rounds(kg) if kg is not None else {}
    for path in files:
        try:
            content = digest(path)
        except OSError as exc:
            _problem(result.problems, path.name, None, None, "unreadable", reason=exc.strerror or str(exc))
            result.held.append(path.name)
            continue
        if content in ledger and not replace:
            entry = ledger[content]
            _problem(
                result.problems,
                path.name,
                None,
                None,
                "skipped_applied",
                "warning",
                date=str(entry.get("applied", "–")),
                first=str(entry.get("file", "–")),
            )
            result.skipped.append(path.name)
            continue
        errors = len(result.errors)
        readable = converted.get(path, path) if path.suffix.lower() in CONVERTED_SUFFIXES else path
        if readable is path and path.suffix.lower() in CONVERTED_SUFFIXES:
            _problem(
                result.problems,
                path.name,
                None,
                None,
                "not_converted",
                format=REFUSED_SUFFIXES[path.suffix.lower()],
            )
            result.held.append(path.name)
            continue
        returned = _read_one(
            readable,
            manifest,
            result.problems,
            keys,
            kg.resolver if kg is not None else None,
            name=path.name,
            added_before=added,
        )
        if returned is None:
            if len(result.errors) > errors:
                result.held.append(path.name)
            continue
        returned.path, returned.digest = path, content
        if returned.respondent in seen:  # which one is right is the coordinator's call: both are held
            first = seen[returned.respondent]
            _problem(result.problems, path.name, None, None, "twice", name=returned.name, first=first.file)
            result.held.append(path.name)
            if first in result.returned:
                result.returned.remove(first)
                _problem(result.problems, first.file, None, None, "twice", name=first.name, first=path.name)
                result.held.append(first.file)
            continue
        seen[returned.respondent] = returned
        if returned.respondent in applied and not replace:
            result.problems.append(already_applied(returned, applied[returned.respondent]))
            result.held.append(path.name)
            continue
        result.returned.append(returned)


def _read_one(
    path: Path,
    manifest: dict,
    problems: list[Problem],
    keys,
    resolver=None,
    name: str | None = None,
    added_before: dict | None = None,
) -> Returned | None:
    """One workbook read (``name``: the file as returned, when ``path`` is LibreOffice's .xlsx of it)."""
    name = name or path.name
    own: list[Problem] = []
    try:
        size = path.stat().st_size
    except OSError as exc:
        _problem(problems, name, None, None, "unreadable", reason=exc.strerror or str(exc))
        return None
    if size == 0:
        _problem(problems, name, None, None, "empty_file")
        return None
    lang = manifest.get("lang", "sv")
    all_names = {normalise_header(n): (lg, key) for lg in LANGS for key, n in sheet_names(lg).items()}
    sheets = _sheets(path, set(all_names), own)
    if name != path.name:  # LibreOffice's .xlsx of a returned .ods: every message names the returned file
        for p in own:
            p.file = p.file.replace(path.name, name, 1)
        for table in sheets.values():
            table.label = table.label.replace(path.name, name, 1)
    problems += own
    if any(p.severity == "error" for p in own):
        return None
    meta_table = sheets.get(META)
    if meta_table is None:
        _problem(problems, name, None, None, "not_a_round_workbook")
        return None
    meta = {row.get("key", ""): row.get("value", "") for _n, row in meta_table.rows}
    if meta.get("round") != manifest["round"]:
        _problem(problems, name, None, None, "other_round", found=meta.get("round") or "–", expected=manifest["round"])
        return None
    respondent = meta.get("respondent", "")
    entry = manifest["respondents"].get(respondent)
    if entry is None or entry.get("token") != meta.get("token"):
        _problem(
            problems,
            name,
            None,
            None,
            "not_in_round",
            name=meta.get("respondent_name") or respondent,
            round=manifest["name"],
        )
        return None
    for other, e in manifest["respondents"].items():
        if other != respondent and (name.startswith(other + "-") or name == e["file"]):
            _problem(
                problems,
                name,
                None,
                None,
                "wrong_file",
                name=entry["name"],
                own_code=respondent,
                other=e["name"],
                other_code=other,
            )
            return None
    lang = meta.get("lang") or lang
    by_key = {key: sheets.get(normalise_header(n)) for key, n in sheet_names(lang).items()}
    before = len([p for p in problems if p.severity == "error"])
    info = _info(by_key.get("info"), entry, name, lang, problems)
    answered = info.get("answered", "")
    code = respondent
    source_id = f"svar-{code}"
    returned = Returned(
        name,
        code,
        entry["name"],
        answered,
        info.get("respondent_name", ""),
        {
            "id": source_id,
            "title": t("round.source.title", lang, name=entry["name"], round=manifest["name"]),
            "publisher": entry["name"],
            "url": "",
            "document": name,
            "date": answered,
            "checked": _dt.date.today().isoformat(),
            "note": t("round.source.note", lang, version=meta.get("data_version", "")),
        },
    )
    for sheet_key in ("beliefs", "verify"):
        _facts(by_key.get(sheet_key), sheet_key, entry, manifest, returned, name, lang, problems, keys)
    _needs(by_key.get("needs"), entry, manifest, returned, name, lang, problems)
    if by_key.get("missing") is not None or "missing" in entry["sheets"]:
        for effect, text, detail, fact, nr, comment in read_additions(
            by_key.get("missing"), entry, returned, lang, problems, resolver, added_before
        ):
            returned.changes.append(Change(returned.respondent, effect, text, detail))
            returned.answers.append(
                _answer_row(
                    returned,
                    manifest,
                    f"{returned.respondent}-tillagg-{nr}",
                    f"{manifest['dataset']}/{fact}",
                    "",
                    "",
                    "",
                    "",
                    comment,
                )
            )
    if meta.get("data_version") != manifest.get("data_version"):
        _problem(
            problems,
            name,
            None,
            None,
            "other_version",
            "warning",
            found=meta.get("data_version") or "–",
            expected=manifest.get("data_version") or "–",
        )
    if len([p for p in problems if p.severity == "error"]) > before:
        return None
    return returned


def _label(table, lang: str) -> str:
    return table.label if table is not None else ""


def _missing_sheet(problems, file, key, lang) -> None:
    _problem(problems, file, None, None, "missing_sheet", sheet=sheet_names(lang)[key])


def _info(table, entry, file, lang, problems) -> dict:
    if table is None:
        _missing_sheet(problems, file, "info", lang)
        return {}
    kept = entry["sheets"]["info"]
    rows = dict(table.rows)
    out = {}
    item, value = (normalise_header(t(f"round.column.info_{k}", lang)) for k in ("item", "value"))
    for number, cells in kept.items():
        row = rows.get(int(number), {})
        if row.get(item, "") != cells["item"]:
            _changed(
                problems, table.label, int(number), t("round.column.info_item", lang), cells["item"], row.get(item, "")
            )
            continue
        got = row.get(value, "")
        if cells["key"] in ("answered", "respondent_name"):
            out[cells["key"]] = got
        elif got != cells["value"]:
            _changed(problems, table.label, int(number), t("round.column.info_value", lang), cells["value"], got)
    if out.get("answered"):
        if parse_date(out["answered"]) is None:
            _problem(problems, table.label, None, t("round.info.answered", lang), "bad_date", value=out["answered"])
    else:
        out["answered"] = _dt.date.today().isoformat()
        _problem(
            problems,
            table.label,
            None,
            t("round.info.answered", lang),
            "no_answer_date",
            "warning",
            date=out["answered"],
        )
    return out


def _changed(problems, label, row, column, was, now) -> None:
    _problem(problems, label, row, column, "protected_changed", was=was or "–", now=now or "–")


def _resolve(scheme: str, text: str):
    return vocabularies().resolve(scheme, text)


def _facts(table, sheet_key, entry, manifest, returned: Returned, file, lang, problems, keys) -> None:
    kept = entry["sheets"].get(sheet_key, {})
    if table is None:
        if kept:
            _missing_sheet(problems, file, sheet_key, lang)
        return
    heads = {key: normalise_header(t(f"round.column.{key}", lang)) for key in FACT_COLUMNS}
    rows = dict(table.rows)
    for number in rows:
        if str(number) not in kept and any(rows[number].get(heads[k]) for k in ANSWER_COLUMNS):
            _problem(problems, table.label, number, None, "extra_row", "warning")
    for number, cells in kept.items():
        n = int(number)
        row = rows.get(n, {})
        bad = False
        for key in PROTECTED:
            if row.get(heads[key], "") != (cells.get(key) or ""):
                _changed(
                    problems,
                    table.label,
                    n,
                    t(f"round.column.{key}", lang),
                    cells.get(key, ""),
                    row.get(heads[key], ""),
                )
                bad = True
        if bad:
            continue
        answer, correction, comment = (row.get(heads[k], "") for k in ANSWER_COLUMNS)
        if not (answer or correction or comment):
            continue
        line = entry["lines"][cells["key"]]
        where = (table.label, n)
        verdict = None
        if answer:
            verdict = _resolve("answer", answer)
            if verdict is None:
                _problem(
                    problems,
                    *where,
                    t("round.column.answer", lang),
                    "unknown_value",
                    value=answer,
                    scheme="answer",
                    suggestions=vocabularies().suggest("answer", answer),
                )
                continue
        elif correction:
            verdict = _resolve("answer", "delvis")
        codes = ""
        field_name = line["field"]
        if correction:
            if not field_name or field_name == RECORD_ONLY or CORRECTABLE.get(line["table"]) != field_name:
                _problem(problems, *where, t("round.column.correction", lang), "not_correctable", value=correction)
                continue
            assert verdict is not None  # the answer resolved above, or "delvis"
            if verdict.notation == "stammer":
                _problem(problems, *where, t("round.column.correction", lang), "correction_with_correct")
                continue
            if not comment:
                _problem(problems, *where, t("round.column.comment", lang), "correction_without_source")
                continue
            col = TABLE[line["table"]].column(field_name)
            parts, ok = [], True
            for part in split_list(correction) if col.many else [correction]:
                concept = _resolve(col.vocab, part) if col.vocab else None
                if col.vocab and concept is None:
                    _problem(
                        problems,
                        *where,
                        t("round.column.correction", lang),
                        "unknown_value",
                        value=part,
                        scheme=col.vocab,
                        suggestions=vocabularies().suggest(col.vocab, part),
                    )
                    ok = False
                    break
                parts.append(concept.notation if concept is not None else part)
            if not ok:
                continue
            codes = ";".join(parts)
            if codes == line["current"]:
                codes = ""  # the same value again: nothing to correct
        if verdict is not None and verdict.notation == "stammer-inte" and not comment:
            _problem(problems, *where, t("round.column.comment", lang), "no_reason", "warning")
        if verdict is not None and verdict.notation == "delvis" and not (codes or comment):
            _problem(problems, *where, t("round.column.answer", lang), "partly_empty", "warning")
        if keys is not None and cells["key"] not in keys:
            _problem(problems, *where, t("round.column.key", lang), "fact_gone", value=cells["key"])
            continue
        effect = _effect(verdict, codes, line)
        returned.answers.append(
            _answer_row(
                returned,
                manifest,
                f"{returned.respondent}-{cells['nr']}",
                cells["key"],
                verdict.notation if verdict is not None else "",
                field_name if codes else (RECORD_ONLY if not field_name else ""),
                codes,
                "",
                comment,
            )
        )
        detail = ""
        if effect == "corrected":
            detail = f"{t('round.field.' + field_name, lang)}: {line['current'] or '–'} → {codes}"
        elif comment:
            detail = comment
        if effect == "review":
            detail = t(
                "round.review.detail",
                lang,
                source=cells.get("source") or "–",
                name=returned.name,
                date=returned.answered,
                comment=comment or codes or "–",
            )
        returned.changes.append(Change(returned.respondent, effect, line["text"], detail))


def _effect(verdict, codes: str, line: dict) -> str:
    """The effect the build will give the answer (:func:`graphmap.ingest.effects.decide`), from the line
    as it was sent."""
    return decide(
        verdict.notation if verdict is not None else "",
        correction=bool(codes),
        settles=bool(line.get("field")) and line["field"] != RECORD_ONLY,
        part=line.get("part", True),
        assumed=line.get("confidence") == "assumed",
        own=line.get("own", False),
    )


def _answer_row(
    returned: Returned,
    manifest: dict,
    ident: str,
    key: str,
    verdict: str,
    field_name: str,
    correction: str,
    level: str,
    comment: str,
) -> dict:
    return {
        "id": ident,
        "round": manifest["round"],
        "respondent": returned.respondent,
        "fact": key,
        "verdict": verdict,
        "field": field_name,
        "correction": correction,
        "need_level": level,
        "comment": comment,
        "answered": returned.answered,
        "respondent_name": returned.respondent_name,
        "data_version": manifest.get("data_version", ""),
        "source": returned.source["id"],
        "date": returned.answered,
        "confidence": "stated",
        "note": "",
    }


def _needs(table, entry, manifest, returned: Returned, file, lang, problems) -> None:
    kept = entry["sheets"].get("needs", {})
    if table is None:
        _missing_sheet(problems, file, "needs", lang)
        return
    heads = {key: normalise_header(t(f"round.column.{key}", lang)) for key in NEED_COLUMNS}
    rows = dict(table.rows)
    vocab = vocabularies()
    for number, cells in kept.items():
        n = int(number)
        row = rows.get(n, {})
        if row.get(heads["area"], "") != cells["area"] or row.get(heads["key"], "") != cells["key"]:
            column = "area" if row.get(heads["area"], "") != cells["area"] else "key"
            _changed(
                problems, table.label, n, t(f"round.column.{column}", lang), cells[column], row.get(heads[column], "")
            )
            continue
        level_text, missing, examples, kind_text = (
            row.get(heads[k], "") for k in ("level", "missing", "examples", "support")
        )
        if not (level_text or missing or examples or kind_text):
            continue
        where = (table.label, n)
        if not level_text:
            _problem(problems, *where, t("round.column.level", lang), "need_level_missing")
            continue
        level = _resolve("need-level", level_text)
        if level is None:
            _problem(
                problems,
                *where,
                t("round.column.level", lang),
                "unknown_value",
                value=level_text,
                scheme="need-level",
                suggestions=vocab.suggest("need-level", level_text),
            )
            continue
        kind = _resolve("support-kind", kind_text) if kind_text else None
        if kind_text and kind is None:
            _problem(
                problems,
                *where,
                t("round.column.support", lang),
                "unknown_value",
                value=kind_text,
                scheme="support-kind",
                suggestions=vocab.suggest("support-kind", kind_text),
            )
            continue
        area = cells["key"]
        ident = f"{returned.respondent}-{area}"
        fact = f"{manifest['dataset']}/needs/{ident}"
        returned.answers.append(
            _answer_row(
                returned,
                manifest,
                f"{returned.respondent}-behov-{area}",
                fact,
                "",
                "",
                "",
                level.notation,
                "; ".join(x for x in (missing, examples) if x) if level.notation == "inget" else examples,
            )
        )
        if level.notation == "inget":
            returned.changes.append(Change(returned.respondent, "no_need", cells["area"]))
            returned.answers[-1]["fact"] = f"{manifest['dataset']}/rounds/{manifest['round']}"
            continue
        label = vocab.schemes["area"][area].label(lang)
        returned.needs.append(
            {
                "id": ident,
                "description_sv": missing or t("round.need.default", lang, area=label, level=level.label(lang)),
                "areas": area,
                "kind": kind.notation if kind is not None else "",
                "reported_by": returned.respondent,
                "places": returned.respondent if returned.respondent.isdigit() else "",
                "inventoried_by": "",
                "status": "",
                "year": str(manifest.get("year", "")),
                "source": returned.source["id"],
                "date": returned.answered,
                "confidence": "stated",
                "note": t("round.need.note", lang, level=level.label(lang), examples=examples or "–"),
            }
        )
        returned.changes.append(Change(returned.respondent, "need", f"{label}: {level.label(lang)}", missing))


__all__ = [
    "read_returns",
    "applied_workbooks",
    "applied_respondents",
    "already_applied",
    "digest",
    "Readback",
    "Returned",
    "Change",
    "PROTECTED",
    "ARCHIVE",
    "LEDGER",
    "READ_SUFFIXES",
    "CONVERTED_SUFFIXES",
    "calc_to_xlsx",
    "soffice",
    "REFUSED_SUFFIXES",
]
