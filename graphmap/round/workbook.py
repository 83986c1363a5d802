"""Starting a mapping round: one workbook per municipality (or actor), and the round's folder.

:func:`start_round` makes ``<parent>/<slug of the round's name>/``::

    rounds.csv                  the round as data: its name, year, who was asked, the data version
    round.json                  the manifest: every workbook's protected cells, to check returns against
    dataversion-<version>.nt    the graph the workbooks were made from (no personal data): next
                                year's "what changed" compares against it
    utskick/<code>-<name>.xlsx  the workbooks to send
    svar/                       put the returned workbooks here (``graphmap round read``)

The folder is an ordinary graphmap data folder: once answers are applied it also holds
``answers.csv``, ``needs.csv`` and ``sources.csv`` (:mod:`graphmap.round.apply`), and a build
that includes it lays the answers on the facts they answer (:mod:`graphmap.ingest.answers`).

A workbook (Swedish by default) has the sheets: *Om arbetsboken* (which round, which
municipality, which data version, the deadline, how to answer; two cells to fill: the date and,
only if the municipality wants it, a name), *Det vi tror* (what graphmap believes about the
municipality, one line per fact with its source and confidence), *Att verifiera* (the
assumptions about it), *Behov* (the needs inventory: one row per area with drop-downs), the
hidden lists of the drop-downs and a hidden sheet ``graphmap`` with the round, the respondent,
the data version and the workbook's key. Every cell but the answer cells is protected; the
protected cells are also kept in ``round.json``, so that a return with an edited one is refused
whether or not the protection was lifted. No person's name is written in a workbook.

>>> import graphmap, tempfile
>>> kg = graphmap.build()  # doctest: +SKIP
>>> made = start_round(kg, "Kartläggning 2027", ["1486", "1435"], tempfile.mkdtemp(), today="2027-02-01")
>>> [p.name for p in made.workbooks], made.data_version == graphmap.api.data_version(kg)
(['1486-stromstad.xlsx', '1435-tanum.xlsx'], True)
"""

from __future__ import annotations

import datetime as _dt
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from graphmap.api import data_version
from graphmap.fileio import write_files_atomic
from graphmap.i18n import lang_key, t
from graphmap.ingest.answers import RECORD_ONLY
from rdflib import Literal

from graphmap.ontology import GM, ID, code_of
from graphmap.round.beliefs import Line, beliefs, table_csv
from graphmap.schema import TABLE
from graphmap.slug import slugify
from graphmap.tabular import workbook_bytes
from graphmap.vocab import vocabularies

FORMAT = 1
MANIFEST = "round.json"
OUTGOING = "utskick"
RETURNED = "svar"
META = "graphmap"  # the hidden sheet with what the workbook belongs to (not translated)
LISTS = "listor"
#: the columns of the two fact sheets: the protected ones, then the three to answer, then the key
FACT_COLUMNS = (
    "nr",
    "kind",
    "text",
    "source",
    "confidence",
    "note",
    "field",
    "current",
    "answer",
    "correction",
    "comment",
    "key",
)
ANSWER_COLUMNS = ("answer", "correction", "comment")
NEED_COLUMNS = ("area", "level", "missing", "examples", "support", "key")
NEED_ANSWERS = ("level", "missing", "examples", "support")
INFO_ANSWERS = ("answered", "respondent_name")
#: the sheet of what is missing (:func:`graphmap.round.readback`): a numbered row per actor or network
ADD_COLUMNS = (
    "nr",
    "add_name",
    "add_kind",
    "add_level",
    "add_areas",
    "add_target",
    "add_url",
    "add_how",
    "add_support",
    "add_comment",
)
ADD_ANSWERS = ADD_COLUMNS[1:]
#: the drop-down list of each column (``add-kind``: network kinds and actor types; ``add-how``: :data:`ADD_HOW`)
ADD_LISTS = {
    "add_kind": "add-kind",
    "add_level": "level",
    "add_areas": "area",
    "add_target": "target-group",
    "add_how": "add-how",
    "add_support": "support-kind",
}
#: how the respondent reaches what it names (concepts of the route scheme): it covers us, we take part
ADD_HOW = ("coverage", "member")
ADD_ROWS = 30
FIRST_ROW = 3  # row 1: headings, row 2: what each column is for (starts with "# ": not data)


class RoundError(ValueError):
    """A round that cannot be started or read (no such folder, a folder in use, nobody to ask)."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "sv") -> str:
        return t(f"round.error.{self.code}", lang, **self.params)


@dataclass
class RoundMade:
    folder: Path
    name: str
    ident: str
    data_version: str
    workbooks: list[Path]
    respondents: list[tuple[str, str, int, int]] = field(default_factory=list)  # (code, name, lines, assumed)
    snapshot: Path | None = None


def sheet_names(lang: str) -> dict[str, str]:
    """The visible sheets' names in ``lang`` (what readback looks for)."""
    return {key: t(f"round.sheet.{key}", lang) for key in ("info", "beliefs", "verify", "needs", "missing")}


def add_kinds(lang: str) -> list[tuple[str, str]]:
    """The choices of "what it is" on the sheet of what is missing: the network kinds, then the actor
    types, as (scheme, label)."""
    vocab = vocabularies()
    return [
        (scheme, c.label(lang))
        for scheme in ("network-kind", "actor-type")
        for c in vocab.concepts(scheme)
        if (scheme, c.notation) != ("actor-type", "kommun")
    ]


def respondent_code(iri) -> str:
    """How a respondent is written in the round's tables: a municipality's SCB code, an actor's id."""
    return code_of(iri)


def _value_label(scheme: str, codes: str, lang: str) -> str:
    vocab = vocabularies()
    out = []
    for code in filter(None, codes.split(";")):
        concept = vocab.schemes.get(scheme, {}).get(code)
        out.append(concept.label(lang) if concept is not None else code)
    return ";".join(out)


def field_scheme(line: Line) -> str | None:
    """The vocabulary the correctable column of a line takes its values from."""
    if not line.field or line.field == RECORD_ONLY:
        return None
    return TABLE[line.table].column(line.field).vocab


def _confidence_label(notation: str, lang: str) -> str:
    """The label of a confidence (``stated``, ``reference``, ``assumed``); the notation if unknown."""
    concept = vocabularies().resolve("confidence", notation)
    return concept.label(lang) if concept is not None else notation


def fact_cells(line: Line, nr: int, lang: str) -> dict[str, str]:
    """The protected cells of one fact line, as written (and as kept in the manifest)."""
    scheme = field_scheme(line)
    return {
        "nr": str(nr),
        "kind": t(f"round.kind.{line.table}", lang),
        "text": line.text,
        "source": line.source or "–",
        "confidence": _confidence_label(line.confidence, lang),
        "note": line.note,
        "field": (
            t(f"round.field.{line.field}", lang) + ("" if line.part else " " + t("round.field.reviewed", lang))
            if scheme
            else t("round.field.none", lang)
        ),
        "current": _value_label(scheme, line.current, lang) if scheme else "",
        "key": line.key,
    }


# --------------------------------------------------------------------------- the workbook
def build_workbook(meta: dict, lines: list[Line], lang: str) -> tuple[bytes, dict]:
    """One respondent's workbook as bytes, and its manifest entry (the protected cells of every sheet)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    vocab = vocabularies()
    names = sheet_names(lang)
    book = Workbook()
    bold, italic = Font(bold=True), Font(italic=True, color="555555")
    head_fill, answer_fill = PatternFill("solid", fgColor="DDE7EE"), PatternFill("solid", fgColor="FFF4C2")
    open_cell = Protection(locked=False)
    wrap = Alignment(wrap_text=True, vertical="top")

    lists = book.create_sheet(LISTS)
    ranges: dict[str, str] = {}
    choices = {
        scheme: [c.label(lang) for c in vocab.concepts(scheme)]
        for scheme in (
            "answer",
            "need-level",
            "support-kind",
            "role",
            "relation-kind",
            "status",
            "area",
            "level",
            "target-group",
        )
    }
    choices["add-kind"] = [label for _scheme, label in add_kinds(lang)]
    choices["add-how"] = [vocab.schemes["route"][code].label(lang) for code in ADD_HOW]
    for i, (scheme, values) in enumerate(choices.items(), start=1):
        letter = get_column_letter(i)
        lists.cell(1, i, scheme)
        for r, value in enumerate(values, start=2):
            lists.cell(r, i, value)
        ranges[scheme] = f"{LISTS}!${letter}$2:${letter}${len(values) + 1}"
    lists.sheet_state = "hidden"
    lists.protection.sheet = True

    def validation(scheme: str, strict: bool = True) -> DataValidation:
        dv = DataValidation(
            type="list",
            formula1=f"={ranges[scheme]}",
            allow_blank=True,
            showErrorMessage=strict,
            errorStyle="stop" if strict else "warning",
        )
        dv.errorTitle = t("round.workbook.not_in_list_title", lang)[:32]
        dv.error = t("round.workbook.not_in_list", lang)[:255]
        return dv

    def heading(ws, columns, widths, help_row=True, frozen=0):
        for i, key in enumerate(columns, start=1):
            cell = ws.cell(1, i, t(f"round.column.{key}", lang))
            cell.font, cell.fill, cell.alignment = (
                bold,
                answer_fill if key in ANSWER_COLUMNS + NEED_ANSWERS + ADD_ANSWERS else head_fill,
                wrap,
            )
            if help_row:
                text = t(f"round.column_help.{key}", lang)
                note = ws.cell(2, i, ("# " if i == 1 else "") + text)
                note.font, note.alignment = italic, wrap
            ws.column_dimensions[get_column_letter(i)].width = widths.get(key, 16)
        ws.row_dimensions[2].height = 48
        ws.freeze_panes = ws.cell(FIRST_ROW, frozen + 1)  # the headings, and the statement beside the answers

    entry: dict = {"sheets": {}}
    # -- info
    info = book.active
    info.title = names["info"]
    info_rows = [
        ("round", meta["round_name"]),
        ("respondent", meta["respondent_name"]),
        ("respondent_code", meta["respondent"]),
        ("data_version", meta["data_version"]),
        ("deadline", meta.get("deadline") or "–"),
        ("answered", ""),
        ("respondent_name", ""),
    ]
    info.cell(1, 1, t("round.column.info_item", lang)).font = bold
    info.cell(1, 2, t("round.column.info_value", lang)).font = bold
    kept = {}
    for r, (key, value) in enumerate(info_rows, start=2):
        info.cell(r, 1, t(f"round.info.{key}", lang)).alignment = wrap
        cell = info.cell(r, 2, value)
        if key in INFO_ANSWERS:
            cell.protection, cell.fill = open_cell, answer_fill
            if key == "answered":
                cell.number_format = "yyyy-mm-dd"
        kept[str(r)] = {"item": t(f"round.info.{key}", lang), "value": value, "key": key}
    for r, text in enumerate(
        t("round.workbook.instructions", lang, deadline=meta.get("deadline") or "–").split("\n"),
        start=len(info_rows) + 3,
    ):
        info.cell(r, 1, text).font = bold if r == len(info_rows) + 3 else Font()
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 60, 60
    info.protection.sheet = True
    entry["sheets"]["info"] = kept

    # -- the two fact sheets
    widths = {
        "nr": 5,
        "kind": 14,
        "text": 60,
        "source": 30,
        "confidence": 14,
        "note": 40,
        "field": 14,
        "current": 20,
        "answer": 16,
        "correction": 24,
        "comment": 40,
        "key": 10,
    }
    nr = 0
    for sheet_key, chosen in (
        ("beliefs", [x for x in lines if not x.assumed]),
        ("verify", [x for x in lines if x.assumed]),
    ):
        ws = book.create_sheet(names[sheet_key])
        heading(ws, FACT_COLUMNS, widths, frozen=FACT_COLUMNS.index("text") + 1)
        answer_dv = validation("answer")
        field_dvs: dict[str, DataValidation] = {}
        kept = {}
        for r, line in enumerate(chosen, start=FIRST_ROW):
            nr += 1
            cells = fact_cells(line, nr, lang)
            for i, key in enumerate(FACT_COLUMNS, start=1):
                cell = ws.cell(r, i, cells.get(key, ""))
                cell.alignment = wrap
                if key in ANSWER_COLUMNS:
                    cell.protection, cell.fill = open_cell, answer_fill
            answer_dv.add(f"{get_column_letter(FACT_COLUMNS.index('answer') + 1)}{r}")
            field_vocab = field_scheme(line)
            if field_vocab and line.field:
                multi = TABLE[line.table].column(line.field).many
                dv = field_dvs.get(field_vocab) or field_dvs.setdefault(
                    field_vocab, validation(field_vocab, strict=not multi)
                )
                dv.add(f"{get_column_letter(FACT_COLUMNS.index('correction') + 1)}{r}")
            kept[str(r)] = {k: v for k, v in cells.items()}
            ws.row_dimensions[r].height = _row_height(cells, widths)
        for dv in (answer_dv, *field_dvs.values()):
            ws.add_data_validation(dv)
        ws.column_dimensions[get_column_letter(len(FACT_COLUMNS))].hidden = True
        ws.protection.sheet = True
        entry["sheets"][sheet_key] = kept

    # -- the needs inventory
    ws = book.create_sheet(names["needs"])
    heading(
        ws, NEED_COLUMNS, {"area": 34, "level": 16, "missing": 50, "examples": 50, "support": 24, "key": 10}, frozen=1
    )
    level_dv, kind_dv = validation("need-level"), validation("support-kind")
    kept = {}
    for r, concept in enumerate(vocab.shown_in_order("area"), start=FIRST_ROW):
        ws.cell(r, 1, concept.label(lang)).alignment = wrap
        for i, _key in enumerate(NEED_COLUMNS[1:-1], start=2):
            cell = ws.cell(r, i, "")
            cell.protection, cell.fill, cell.alignment = open_cell, answer_fill, wrap
        ws.cell(r, len(NEED_COLUMNS), concept.notation)
        level_dv.add(f"B{r}")
        kind_dv.add(f"E{r}")
        kept[str(r)] = {"area": concept.label(lang), "key": concept.notation}
    ws.add_data_validation(level_dv)
    ws.add_data_validation(kind_dv)
    ws.column_dimensions[get_column_letter(len(NEED_COLUMNS))].hidden = True
    ws.protection.sheet = True
    entry["sheets"]["needs"] = kept

    # -- what is missing: actors and networks the respondent uses that the map does not hold
    ws = book.create_sheet(names["missing"])
    heading(
        ws,
        ADD_COLUMNS,
        {
            "nr": 5,
            "add_name": 34,
            "add_kind": 24,
            "add_level": 14,
            "add_areas": 34,
            "add_target": 16,
            "add_url": 30,
            "add_how": 20,
            "add_support": 24,
            "add_comment": 40,
        },
    )
    dvs = {key: validation(scheme, strict=key != "add_areas") for key, scheme in ADD_LISTS.items()}
    kept = {}
    for r in range(FIRST_ROW, FIRST_ROW + ADD_ROWS):
        ws.cell(r, 1, str(r - FIRST_ROW + 1))
        for i, key in enumerate(ADD_COLUMNS[1:], start=2):
            cell = ws.cell(r, i, "")
            cell.protection, cell.fill, cell.alignment = open_cell, answer_fill, wrap
            if key in dvs:
                dvs[key].add(f"{get_column_letter(i)}{r}")
        kept[str(r)] = {"nr": str(r - FIRST_ROW + 1)}
    for dv in dvs.values():
        ws.add_data_validation(dv)
    ws.protection.sheet = True
    entry["sheets"]["missing"] = kept

    # -- what the workbook belongs to
    hidden = book.create_sheet(META)
    hidden.cell(1, 1, "key")
    hidden.cell(1, 2, "value")
    for r, key in enumerate(
        ("format", "round", "round_name", "respondent", "respondent_name", "data_version", "token", "lang", "created"),
        start=2,
    ):
        hidden.cell(r, 1, key)
        hidden.cell(r, 2, str(meta[key]))
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True
    book.move_sheet(LISTS, offset=len(book.sheetnames) - 1 - book.sheetnames.index(LISTS))
    return workbook_bytes(book), entry  # every cell a value: a fact's "=HYPERLINK(…)" stays text


def _row_height(cells: dict, widths: dict) -> float:
    """A fact line's height in points, so that its wrapped statement shows whole in every spreadsheet
    program (LibreOffice keeps a row one line high unless told): about a character per unit of
    width, 15 points a line, at most 12 lines.

    >>> _row_height({"text": "x" * 130}, {"text": 60}), _row_height({"text": "kort"}, {"text": 60})
    (45, 15)
    """
    lines = (
        max(-(-len(str(cells.get(k) or "")) // max(int(widths[k]), 1)) for k in widths if k in cells) if cells else 1
    )
    return 15 * min(max(lines, 1), 12)


# --------------------------------------------------------------------------- the round
def resolve_respondents(kg, names) -> list[str]:
    """IRIs for what was typed (municipality codes or names, actor ids or names), in order, once each;
    an unknown one raises :class:`graphmap.resolve.UnknownName` (with "did you mean")."""
    out: list[str] = []
    for name in names:
        iri = str(kg.resolver.resolve("actor", str(name), "respondent"))
        if iri not in out:
            out.append(iri)
    return out


def start_round(
    kg,
    name: str,
    respondents,
    parent,
    *,
    deadline: str | None = None,
    year: int | None = None,
    lang: str = "sv",
    today: str | None = None,
    folder: Path | None = None,
) -> RoundMade:
    """Make the round's folder (see the module's text) for ``respondents`` (codes, names or ids)."""
    from graphmap.datasets import bundled_paths, round_dataset_id
    from graphmap.ingest.inputs import dataset_id
    from graphmap.privacy import strip_personal

    lang = lang_key(lang)
    ident = slugify(name)
    if not ident:
        raise RoundError("bad_name", value=name)
    folder = Path(folder) if folder is not None else Path(parent) / ident
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise RoundError("exists", path=str(folder))
    iris = resolve_respondents(kg, respondents)
    if not iris:
        raise RoundError("nobody")
    today = today or _dt.date.today().isoformat()
    year = year or int((deadline or today)[:4])
    version = data_version(kg)
    lines = beliefs(kg, iris, lang)
    taken = set(kg.ingest.datasets) if kg.ingest is not None else set()
    dataset = round_dataset_id(slugify(folder.name), taken | {dataset_id(p) for p in bundled_paths()})
    payloads: dict[Path, bytes] = {}
    manifest: dict = {
        "format": FORMAT,
        "round": ident,
        "name": name,
        "year": year,
        "dataset": dataset,
        "data_version": version,
        "created": today,
        "deadline": deadline or "",
        "lang": lang,
        "respondents": {},
    }
    made = RoundMade(folder, name, ident, version, [])
    for iri in iris:
        code, label = respondent_code(iri), kg.label(iri, lang)
        meta = {
            "format": FORMAT,
            "round": ident,
            "round_name": name,
            "respondent": code,
            "respondent_name": label,
            "data_version": version,
            "token": secrets.token_hex(8),
            "lang": lang,
            "created": today,
            "deadline": deadline or "",
        }
        data, entry = build_workbook(meta, lines[iri], lang)
        path = folder / OUTGOING / (f"{code}-{slugify(label)}.xlsx" if code.isdigit() else f"{code}.xlsx")
        payloads[path] = data
        manifest["respondents"][code] = {
            "iri": iri,
            "name": label,
            "token": meta["token"],
            "file": path.name,
            "lines": {
                x.key: {
                    "table": x.table,
                    "field": x.field,
                    "text": x.text,
                    "current": x.current,
                    "confidence": x.confidence,
                    "part": x.part,
                    "own": x.own,
                }
                for x in lines[iri]
            },
            **entry,
        }
        made.workbooks.append(path)
        made.respondents.append((code, label, len(lines[iri]), sum(x.assumed for x in lines[iri])))
    rounds = [
        {
            "id": ident,
            "name_sv": name,
            "year": year,
            "respondents": ";".join(respondent_code(i) for i in iris),
            "data_version": version,
            "sent": today,
            "deadline": deadline or "",
            "note": "",
        }
    ]
    payloads[folder / "rounds.csv"] = table_csv(rounds, [c.name for c in TABLE["rounds"].columns])
    payloads[folder / MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    snapshot = folder / f"dataversion-{version}.nt"
    graph = strip_personal(kg.graph)
    graph.add((ID["dataversion"], GM.dataVersion, Literal(version)))  # what "what changed" calls this version
    payloads[snapshot] = b"".join(sorted(graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)))
    payloads[folder / RETURNED / ".keep"] = b""
    write_files_atomic(payloads)
    made.snapshot = snapshot
    return made


def read_manifest(folder) -> dict:
    """The manifest of a round's folder; :class:`RoundError` when the folder is no round."""
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise RoundError("not_a_round", path=str(folder)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RoundError("not_a_round", path=str(folder))
    where = shape_fault(manifest, MANIFEST_SHAPE)
    if where is None:
        where = next(
            (
                f"respondents.{code}.sheets.{sheet}.{n}.key"
                for code, entry in manifest["respondents"].items()
                for sheet in ("beliefs", "verify")
                for n, cells in entry["sheets"].get(sheet, {}).items()
                if cells["key"] not in entry["lines"]
            ),
            None,
        )  # each line answered is one of its lines
    if where is not None:
        raise RoundError("bad_manifest", path=str(path), where=where)
    return manifest


_ROW = {"nr": str, "key": str}
#: what a round's manifest must hold for its returns to be read (more keys may be there): ``"*"`` any
#: key, ``"#"`` any row number
MANIFEST_SHAPE = {
    "round": str,
    "name": str,
    "dataset": str,
    "respondents": {
        "*": {
            "name": str,
            "token": str,
            "file": str,
            "lines": {"*": {"table": str, "field": (str, type(None)), "text": str, "current": (str, type(None))}},
            "sheets": {
                "info": {"#": {"item": str, "value": str, "key": str}},
                "beliefs?": {"#": _ROW},
                "verify?": {"#": _ROW},
                "needs?": {"#": {"area": str, "key": str}},
                "missing?": {"#": {"nr": str}},
            },
        }
    },
}


def shape_fault(value, shape, where: str = "") -> str | None:
    """Where ``value`` (parsed JSON) differs from ``shape`` (a type or tuple of types, or a dict of keys to shapes; ``"*"``
    any key, ``"#"`` any row number, ``"name?"`` a key that may be missing), or None.

    >>> shape_fault({"a": {"1": "x"}}, {"a": {"#": str}}), shape_fault({"a": ["x"]}, {"a": {"#": str}})
    (None, 'a')
    >>> shape_fault({"a": {"b": 2}}, {"a": {"*": str}, "c?": int})
    'a.b'
    """
    if not isinstance(shape, dict):
        return None if isinstance(value, shape) and not isinstance(value, bool) else (where or "/")
    if not isinstance(value, dict):
        return where or "/"
    for key, inner in shape.items():
        if key in ("*", "#"):
            for k, v in value.items():
                if key == "#" and not k.isdigit():
                    return f"{where}.{k}".lstrip(".")
                found = shape_fault(v, inner, f"{where}.{k}".lstrip("."))
                if found:
                    return found
            continue
        name = key.rstrip("?")
        if name not in value:
            if key.endswith("?"):
                continue
            return f"{where}.{name}".lstrip(".")
        found = shape_fault(value[name], inner, f"{where}.{name}".lstrip("."))
        if found:
            return found
    return None


def latest_snapshot(paths=None) -> Path | None:
    """The data version the newest round among the data folders ``paths`` (default: the bundled
    data) was started from (its ``dataversion-<v>.nt``), or None: what "what changed" compares with
    when no earlier version is named."""
    from graphmap.datasets import bundled_paths, expand_paths

    found = []
    for folder in bundled_paths() if not paths else expand_paths(paths):
        try:
            manifest = read_manifest(folder)
        except RoundError:
            continue
        snapshot = Path(folder) / f"dataversion-{manifest.get('data_version', '')}.nt"
        if snapshot.exists():
            found.append((manifest.get("created", ""), str(snapshot)))
    return Path(max(found)[1]) if found else None


__all__ = [
    "start_round",
    "latest_snapshot",
    "build_workbook",
    "read_manifest",
    "resolve_respondents",
    "RoundError",
    "RoundMade",
    "sheet_names",
    "fact_cells",
    "field_scheme",
    "respondent_code",
    "FACT_COLUMNS",
    "NEED_COLUMNS",
    "ANSWER_COLUMNS",
    "NEED_ANSWERS",
    "ADD_COLUMNS",
    "ADD_HOW",
    "add_kinds",
    "MANIFEST",
    "OUTGOING",
    "RETURNED",
    "META",
    "FIRST_ROW",
]
