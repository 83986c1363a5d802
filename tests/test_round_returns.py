"""A coordinator's returns over six weeks: batches, bad files, formats,
two applies at once, a kill at any point, and a real spreadsheet program in between.

* a batch with one half-filled workbook: the good ones are applied and archived, the bad one held in
  ``svar/`` with its message (file, sheet, row, column), exit 1; ``--alla`` writes nothing;
* an ``.ods`` or ``.xls`` return is named and refused with how to save it as ``.xlsx``;
* two ``round apply`` processes at once both keep their answers (the folder's lock);
* ``round apply`` killed at every file operation: the round is the old state or the new one;
* a filled workbook saved again by LibreOffice Calc headless reads back as the openpyxl-saved one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import graphmap
from graphmap.cli import main
from graphmap.fileio import JOURNAL, STAGED, settle
from graphmap.ingest import bundled_paths
from graphmap.round.apply import apply_returns
from graphmap.round.readback import read_returns
from graphmap.round.workbook import start_round

ROOT = Path(__file__).resolve().parent.parent
STROMSTAD, TANUM, SOTENAS = "1486", "1435", "1427"
CONFIRMED = "fyrbodal/memberships/1486-i-fourum-ifo"
CORRECTED = "fyrbodal/memberships/1435-i-fourum-vard-och-omsorg"
COL = {"answer": 9, "correction": 10, "comment": 11, "key": 12}


@pytest.fixture(scope="module")
def made(kg, tmp_path_factory):
    return start_round(
        kg,
        "Kartläggning 2027",
        [STROMSTAD, TANUM, SOTENAS],
        tmp_path_factory.mktemp("rounds"),
        deadline="2027-03-31",
        today="2027-01-15",
    )


def fresh(made, tmp_path) -> Path:
    """A copy of the round's folder as it was sent: nothing returned yet."""
    folder = tmp_path / "round"
    shutil.copytree(
        made.folder,
        folder,
        ignore=shutil.ignore_patterns("answers.csv", "needs.csv", "sources.csv", "applied.json", "svar"),
    )
    (folder / "svar").mkdir()
    return folder


def fill(made, code: str, to: Path, facts=(), needs=(), date="2027-02-20") -> Path:
    src = next(p for p in made.workbooks if p.name.startswith(code + "-"))
    book = load_workbook(src)
    for key, cells in facts:
        ws = next(
            book[s]
            for s in ("Det vi tror", "Att verifiera")
            if any(r[COL["key"] - 1].value == key for r in book[s].iter_rows(min_row=3))
        )
        row = next(r[0].row for r in ws.iter_rows(min_row=3) if r[COL["key"] - 1].value == key)
        for column, value in cells.items():
            ws.cell(row, COL[column], value)
    ws = book["Behov"]
    for area, level in needs:
        row = next(r[0].row for r in ws.iter_rows(min_row=3) if r[5].value == area)
        ws.cell(row, 2, level)
    book["Om arbetsboken"]["B7"] = date
    out = to / src.name
    book.save(out)
    return out


def good_three(made, to: Path) -> list[Path]:
    return [
        fill(made, STROMSTAD, to, [(CONFIRMED, {"answer": "Stämmer"})]),
        fill(
            made,
            TANUM,
            to,
            [(CORRECTED, {"answer": "Delvis", "correction": "Inbjuden", "comment": "Protokoll 2027-01-20"})],
        ),
        fill(made, SOTENAS, to, needs=[("aldre", "Stort behov")]),
    ]


def state(folder: Path) -> tuple:
    """What a reader of the round sees: the answers applied, the returns waiting, the ones archived."""
    settle(folder)
    answers = (folder / "answers.csv").read_text(encoding="utf-8") if (folder / "answers.csv").exists() else ""
    rows = sorted(line.split(",", 1)[0] for line in answers.splitlines()[1:])
    waiting = sorted(p.name for p in (folder / "svar").iterdir() if p.is_file() and not p.name.startswith("."))
    archived = (
        sorted(p.name for p in (folder / "svar" / "inlasta").iterdir())
        if (folder / "svar" / "inlasta").exists()
        else []
    )
    leftovers = [n for n in (JOURNAL, STAGED) if (folder / n).exists()]
    return rows, waiting, archived, leftovers


# ------------------------------------------------------------------ batches
def test_a_half_filled_workbook_is_held_and_the_others_applied(made, tmp_path):
    folder = fresh(made, tmp_path)
    stromstad, tanum, sotenas = good_three(made, folder / "svar")
    fill(made, TANUM, folder / "svar", [(CORRECTED, {"answer": "Delvis", "correction": "Inbjuden"})])  # no source
    result = CliRunner().invoke(main, ["round", "apply", str(folder)])
    assert result.exit_code == 1, result.output
    assert (
        "FEL: 1435-tanum.xlsx: Att verifiera, rad 6, kolumn Källa eller kommentar: en rättelse utan källa eller "
        "kommentar."
    ) in result.output
    assert "1 arbetsböcker hålls kvar i svar/ med sina fel (ovan): 1435-tanum.xlsx" in result.output
    rows, waiting, archived, leftovers = state(folder)
    assert waiting == ["1435-tanum.xlsx"] and archived == ["1427-sotenas.xlsx", "1486-stromstad.xlsx"] and not leftovers
    assert {r.split("-")[0] for r in rows} == {STROMSTAD, SOTENAS}
    # the municipality sends it again, fixed: the next run applies it, the others are not read again
    good = fill(
        made,
        TANUM,
        folder / "svar",
        [(CORRECTED, {"answer": "Delvis", "correction": "Inbjuden", "comment": "Protokoll 2027-01-20"})],
    )
    result = CliRunner().invoke(main, ["round", "apply", str(folder)])
    assert result.exit_code == 0, result.output
    assert state(folder)[1:3] == ([], ["1427-sotenas.xlsx", "1435-tanum.xlsx", "1486-stromstad.xlsx"])
    assert not good.exists()


def test_require_all_writes_nothing_while_one_is_bad(made, tmp_path):
    folder = fresh(made, tmp_path)
    good_three(made, folder / "svar")
    fill(made, TANUM, folder / "svar", [(CORRECTED, {"answer": "Delvis", "correction": "Inbjuden"})])
    before = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    result = CliRunner().invoke(main, ["round", "apply", "--alla", str(folder)])
    assert result.exit_code == 2 and "Inget har skrivits (--alla): 1 fel" in result.output
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) == before


@pytest.mark.parametrize("suffix", [".ods", ".xls", ".numbers"])
def test_a_spreadsheet_in_another_format_is_named_and_refused(made, tmp_path, suffix, monkeypatch):
    monkeypatch.setenv("GRAPHMAP_SOFFICE", "off")  # a coordinator's machine without LibreOffice
    folder = fresh(made, tmp_path)
    book = fill(made, STROMSTAD, folder / "svar", [(CONFIRMED, {"answer": "Stämmer"})])
    book.rename(book.with_suffix(suffix))
    (folder / "svar" / "följebrev.pdf").write_bytes(b"%PDF-1.4")
    back = read_returns(folder)
    got = [(p.file, p.code, p.severity) for p in back.problems]
    assert got == [
        ("1486-stromstad" + suffix, "unsupported_format", "error"),
        ("följebrev.pdf", "not_a_workbook_file", "warning"),
    ]
    text = back.problems[0].format("sv")
    assert text.startswith(f"1486-stromstad{suffix}: filen är sparad som ") and "Spara som" in text


# ------------------------------------------------------------------ one step, whatever else runs
def _child(folder: Path, files, kill_after: int | None = None, start: Path | None = None) -> subprocess.Popen:
    """``apply_returns(read_returns(folder, files))`` in a process of its own; with ``kill_after`` the
    process kills itself (SIGKILL) at that file operation (``os.replace``, ``os.unlink``, ``os.rmdir``).
    With ``start`` it reads, then waits for that file to exist before it applies, and its disk is slow
    (each rename takes 0.2 s more): two such processes apply at the same moment."""
    code = """
import os, signal, sys, time
limit = None if sys.argv[1] == "-" else int(sys.argv[1])
start = None if sys.argv[2] == "-" else sys.argv[2]
count = [0]
def counted(f):
    def inner(*a, **k):
        count[0] += 1
        if limit is not None and count[0] > limit:
            os.kill(os.getpid(), signal.SIGKILL)
        if start is not None and f is os.replace:
            time.sleep(0.2)
        return f(*a, **k)
    return inner
from graphmap.round.apply import apply_returns
from graphmap.round.readback import read_returns
back = read_returns(sys.argv[3], sys.argv[4:] or None)
if start is not None:
    open(f"{start}.ready.{os.getpid()}", "w").close()
while start is not None and not os.path.exists(start):
    time.sleep(0.01)
os.replace, os.unlink, os.rmdir = counted(os.replace), counted(os.unlink), counted(os.rmdir)
applied = apply_returns(back)
print(len(applied.answers), count[0])
"""
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            code,
            "-" if kill_after is None else str(kill_after),
            "-" if start is None else str(start),
            str(folder),
            *map(str, files),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, GRAPHMAP_CACHE_DIR="off"),
    )


def test_two_applies_at_once_lose_nothing(made, tmp_path):
    for attempt in range(3):
        folder = fresh(made, tmp_path / str(attempt))
        books = good_three(made, folder / "svar")
        go = tmp_path / f"go-{attempt}"
        first, second = _child(folder, books[:2], start=go), _child(folder, books[2:], start=go)
        for _ in range(3000):  # both have read their workbooks: reading takes no lock
            if len(list(go.parent.glob(f"{go.name}.ready.*"))) == 2 or any(
                p.poll() is not None for p in (first, second)
            ):
                break
            time.sleep(0.1)
        go.write_text("go")
        outs = [p.communicate(timeout=300) for p in (first, second)]
        assert [p.returncode for p in (first, second)] == [0, 0], outs
        rows, waiting, archived, leftovers = state(folder)
        assert {r.split("-")[0] for r in rows} == {STROMSTAD, TANUM, SOTENAS}, rows
        assert (waiting, len(archived), leftovers) == ([], 3, [])
        sources = (folder / "sources.csv").read_text(encoding="utf-8")
        assert all(f"svar-{c}" in sources for c in (STROMSTAD, TANUM, SOTENAS))


def test_apply_killed_at_any_point_leaves_the_old_state_or_the_new(made, tmp_path):
    base = fresh(made, tmp_path / "base")
    books = good_three(made, base / "svar")
    apply_returns(read_returns(base, [books[0]]))  # Strömstad applied last week
    old = state(base)
    clean = tmp_path / "clean"
    shutil.copytree(base, clean)
    done = _child(clean, [])
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    new = state(clean)
    assert new[0] != old[0] and len(new[2]) == 3
    operations = int(out.split()[1])
    assert operations >= 10  # staged files, the journal, the renames, the clean-up
    seen = {"old": 0, "new": 0}
    for point in range(operations):
        folder = tmp_path / f"kill-{point}"
        shutil.copytree(base, folder)
        proc = _child(folder, [], kill_after=point)
        proc.communicate(timeout=300)
        assert proc.returncode == -9, point
        now = state(folder)  # what the next reader (a build, a read, an apply) finds
        assert now in (old, new), (point, now)
        seen["old" if now == old else "new"] += 1
        back = read_returns(folder)  # and the coordinator runs apply again
        if back.returned:
            apply_returns(back)
        assert state(folder) == new, point
    assert seen["old"] > 0 and seen["new"] > 0, seen


def test_a_killed_apply_is_finished_by_the_next_build(made, tmp_path):
    folder = fresh(made, tmp_path)
    good_three(made, folder / "svar")
    proc = _child(folder, [], kill_after=9)  # after the journal, among the renames
    proc.communicate(timeout=300)
    assert proc.returncode == -9 and (folder / JOURNAL).exists()
    kg = graphmap.build(bundled_paths() + [folder])
    assert not (folder / JOURNAL).exists() and not (folder / STAGED).exists()
    answered = {str(o).rsplit("/", 1)[-1] for o in kg.graph.objects(None, graphmap.ontology.GM.answerOf)}
    assert {STROMSTAD, TANUM, SOTENAS} <= answered


# ------------------------------------------------------------------ a real spreadsheet program
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail("LibreOffice (soffice) missing in CI: apt-get install libreoffice-calc", pytrace=False)
        pytest.skip("LibreOffice (soffice) is not installed (apt-get install libreoffice-calc)")
    return found


def calc_save(path: Path, fmt: str, out: Path) -> Path:
    """``path`` opened and saved by LibreOffice Calc headless as ``fmt`` into ``out``."""
    return calc_save_all([path], fmt, out)[0]


def calc_save_all(paths: list[Path], fmt: str, out: Path) -> list[Path]:
    """Each of ``paths`` opened and saved by LibreOffice Calc headless as ``fmt`` into ``out``, by one
    LibreOffice process (it converts the files one after another, as for one file each)."""
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [soffice(), "--headless", "--norestore", "--convert-to", fmt, "--outdir", str(out), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, HOME=str(out.parent)),
    )
    saved = [out / f"{path.stem}.{fmt.split(':')[0]}" for path in paths]
    assert all(p.exists() for p in saved), done.stderr or done.stdout
    return saved


def _read(made, folder, kg):
    back = read_returns(folder, kg=kg)
    return (
        [p.format("en") for p in back.problems],
        [(r.respondent, r.answered, r.answers, r.needs) for r in back.returned],
    )


def test_a_workbook_saved_by_libreoffice_reads_back_as_the_openpyxl_one(made, kg, tmp_path):
    ours = fresh(made, tmp_path / "openpyxl")
    books = good_three(made, ours / "svar")
    expected = _read(made, ours, kg)
    assert expected[0] == [] and len(expected[1]) == 3
    theirs = fresh(made, tmp_path / "calc")
    for book, saved in zip(books, calc_save_all(books, "xlsx", tmp_path / "calc-out"), strict=True):
        shutil.move(saved, theirs / "svar" / book.name)
    got = _read(made, theirs, kg)

    def strip(rows):
        return [
            (c, a, [{k: v for k, v in x.items() if k != "checked"} for x in ans], needs) for c, a, ans, needs in rows
        ]

    assert got[0] == expected[0] and strip(got[1]) == strip(expected[1])


def test_the_statement_stays_beside_its_answer_cells_in_calc(made, tmp_path):
    book = load_workbook(made.workbooks[0])
    # number, kind and statement stay while the answer columns scroll in (Calc headless keeps no view
    # settings when it saves, so the panes are checked on the workbook as sent)
    assert (book["Att verifiera"].freeze_panes, book["Det vi tror"].freeze_panes, book["Behov"].freeze_panes) == (
        "D3",
        "D3",
        "B3",
    )
    saved = calc_save(made.workbooks[0], "xlsx", tmp_path / "calc-out")
    for shown in (book, load_workbook(saved)):  # a long statement's row is tall enough for it, also after Calc
        ws = shown["Att verifiera"]
        long_row = next(r[0].row for r in ws.iter_rows(min_row=3) if len(str(r[2].value or "")) > 60)
        assert ws.row_dimensions[long_row].height >= 30 and ws.cell(long_row, 3).alignment.wrap_text


@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_a_workbook_saved_by_libreoffice_as_ods_or_xls_reads_back_as_the_openpyxl_one(made, kg, tmp_path, fmt):
    ours = fresh(made, tmp_path / "openpyxl")
    books = good_three(made, ours / "svar")
    expected = _read(made, ours, kg)
    theirs = fresh(made, tmp_path / fmt)
    for book in books:  # Strömstad, Tanum and Sotenäs saved their workbooks in Calc's own format
        saved = calc_save(book, fmt, tmp_path / "calc-out")
        shutil.move(saved, theirs / "svar" / saved.name)
    soffice()
    back = read_returns(theirs, kg=kg)
    got = (
        [p.format("en") for p in back.problems],
        [(r.respondent, r.answered, r.answers, r.needs) for r in back.returned],
    )

    def strip(rows):
        return [
            (c, a, [{k: v for k, v in x.items() if k != "checked"} for x in ans], needs) for c, a, ans, needs in rows
        ]

    assert got[0] == expected[0] == [] and strip(got[1]) == strip(expected[1])
    assert sorted(r.file for r in back.returned) == [f"{b.stem}.{fmt}" for b in sorted(books)]
    applied = apply_returns(back)  # the returned file itself is archived, as an .xlsx would be
    assert sorted(p.name for p in applied.archived) == [f"{b.stem}.{fmt}" for b in sorted(books)]


def test_an_ods_return_with_a_bad_cell_names_the_ods_file_sheet_row_and_column(made, kg, tmp_path):
    folder = fresh(made, tmp_path)
    book = fill(made, TANUM, tmp_path, [(CORRECTED, {"answer": "Delvis", "correction": "Inbjuden"})])  # no source
    saved = calc_save(book, "ods", tmp_path / "calc-out")
    shutil.move(saved, folder / "svar" / saved.name)
    (folder / "svar" / "1486-stromstad.ods").write_bytes(b"PK\x03\x04 not a spreadsheet")
    back = read_returns(folder, kg=kg)
    got = [(p.file, p.row, p.column, p.code) for p in back.errors]
    [(file, row, column)] = [(f, r, c) for f, r, c, code in got if code == "correction_without_source"]
    assert file.startswith("1435-tanum.ods: ") and row is not None and column == "Källa eller kommentar"
    assert ("1486-stromstad.ods", None, None, "not_converted") in got, got
    assert not back.returned and sorted(back.held) == ["1435-tanum.ods", "1486-stromstad.ods"]


def test_the_round_page_says_which_data_it_shows_and_how_to_refresh(kg):
    import httpx

    from graphmap.serve.app import create_app
    from graphmap.serve.live import LiveServer

    with LiveServer(create_app(kg, sparql_workers=1)) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        page = client.get("/runda").text
        assert re.search(r"Sidan visar dataversion [0-9a-f]{12}\. Svar som lästs in efter att servern startade", page)
        assert "syns när graphmap serve startas om" in page
