"""Trust under attack: small hostile tables that used to exhaust memory or time.

Fault 2: a 5 KB workbook whose one cell sits at XFD1048576 took `graphmap build` past 3 GB; a 2 MB
workbook with one shared string of 2 GB past 6 GB. Every reader is now bounded before it works: size
(a workbook by its parts' declared unpacked sizes), rows, columns and cell length, each refusal one
message naming file (sheet), row and column, exit 2, nothing written. Each attack runs the real CLI in
a fresh process with a 1 GB address-space limit, and its peak memory is measured from outside.

Fault 7: ingest stays linear. A part-of chain is walked once (was: from every actor, 2.5 minutes for
30,000), and a "did you mean" is computed once per value (5,000 cells with one misspelling took 3.5
minutes). Counted, never timed: lines run in the ingest for n and 2n actors, suggestions computed.
"""

from __future__ import annotations

import csv
import io
import shutil
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from openpyxl import Workbook

from graphmap.ingest import IngestError, ingest
from helpers import capped_graphmap

ROOT = Path(__file__).resolve().parent.parent
VASTERBOTTEN = ROOT / "data" / "regions" / "vasterbotten"
LIMIT = 1 << 30  # the children's address space: the old readers died of MemoryError under it
PEAK_MB = 300  # what a refused build may reach (a normal build of Västerbotten: ~70 MB)


def region(tmp_path: Path) -> Path:
    folder = tmp_path / "vasterbotten"
    shutil.copytree(VASTERBOTTEN, folder)
    return folder


def build(folder: Path, tmp_path: Path, lang: str = "sv") -> tuple[dict, Path]:
    out = tmp_path / "out" / "graphmap.ttl"
    return capped_graphmap(LIMIT, "build", folder, "-o", out, "--lang", lang), out


def assert_refused(folder: Path, tmp_path: Path, message: str, lang: str = "sv") -> None:
    """exit 2, exactly this one error and no traceback, nothing written, the peak memory bounded."""
    result, out = build(folder, tmp_path, lang)
    errors = [line for line in result["stderr"].splitlines() if line.startswith(("FEL:", "ERROR:"))]
    assert result["rc"] == 2, result["stderr"]
    assert errors == [message], result["stderr"]
    assert "Traceback" not in result["stderr"]
    assert not out.exists()
    assert result["peak_mb"] < PEAK_MB, result["peak_mb"]
    print("peak MB", round(result["peak_mb"]))


BOUNDS = (
    "cellen ligger utanför det som läses: högst 500000 rader under rubrikraden och 100 kolumner (A–CV); "
    "tabellen läses inte. Töm cellen, eller dela upp tabellen."
)


# ---------------------------------------------------------------- 2. every reader bounded before it works


def test_a_five_kilobyte_workbook_with_one_cell_at_xfd1048576(tmp_path):
    folder = region(tmp_path)
    book = Workbook()
    book.active.title = "actors"
    book.active["XFD1048576"] = 1
    book.save(folder / "region.xlsx")
    assert (folder / "region.xlsx").stat().st_size < 5_000
    assert_refused(folder, tmp_path, f"FEL: region.xlsx: actors, rad 1048576, kolumn XFD: {BOUNDS}")


@pytest.mark.parametrize("cell", ["CW2", "A500002"])
def test_a_value_just_beyond_the_rows_or_columns_refuses_its_sheet(tmp_path, cell):
    folder = region(tmp_path)
    book = Workbook()
    sheet = book.active
    sheet.title = "posts"
    with (folder / "posts.csv").open(encoding="utf-8", newline="") as f:  # posts in the sheet too (its own rows)
        for row in csv.reader(f):
            sheet.append([row[0] + "-2" if row[0] != "id" else "id", *row[1:]])
    sheet[cell] = "x"
    book.save(folder / "region.xlsx")
    column, row = cell.rstrip("0123456789"), cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert_refused(folder, tmp_path, f"FEL: region.xlsx: posts, rad {row}, kolumn {column}: {BOUNDS}")


def _deflated(prefix: bytes, size: int, suffix: bytes) -> tuple[bytes, int]:
    """Raw deflate of prefix + ``size`` x's + suffix, and its CRC, made in a second: the x's are one
    fully flushed block of 16 MiB repeated (no block refers to another, so the copies are a valid stream)."""
    chunk = b"x" * (1 << 24)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(prefix) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    count = size // len(chunk)
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    return head + block * count + packer.compress(suffix) + packer.flush(), zlib.crc32(suffix, crc)


def _write_zip(path: Path, parts: dict[str, tuple[bytes, int, int]]) -> None:
    """A zip of already deflated parts: name -> (deflated, crc, unpacked size)."""
    local, central = bytearray(), bytearray()
    for name, (data, crc, size) in parts.items():
        raw = name.encode()
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                size,
                len(raw),
                0,
                0,
                0,
                0,
                0,
                len(local),
            )
            + raw
        )
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(raw), 0) + raw + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), len(local), 0)
    path.write_bytes(bytes(local + central + end))


SHARED = b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'


def bomb(path: Path, part: str, size: int) -> None:
    """A workbook whose sheet actors holds ``id`` and one string of ``size`` x's: a shared string
    (``part`` = xl/sharedStrings.xml) or inline in the sheet (xl/worksheets/sheet1.xml)."""
    book = Workbook()
    book.active.title = "actors"
    book.active.append(["id"])
    book.active.append(["PLACEHOLDER"])
    buffer = io.BytesIO()
    book.save(buffer)
    inline = b'<c r="A2" t="inlineStr"><is><t>PLACEHOLDER</t></is></c>'
    parts = {}
    with zipfile.ZipFile(buffer) as template:
        for name in template.namelist():
            data = template.read(name)
            if part.endswith("sharedStrings.xml"):
                data = data.replace(b"</Types>", SHARED + b"</Types>").replace(inline, b'<c r="A2" t="s"><v>0</v></c>')
            if name == part:
                prefix, suffix = data.split(b"PLACEHOLDER")
                parts[name] = (*_deflated(prefix, size, suffix), len(prefix) + size + len(suffix))
            else:
                packer = zlib.compressobj(9, zlib.DEFLATED, -15)
                parts[name] = (packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))
    if part not in parts:  # the shared strings are a part of their own
        prefix = (
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
        )
        suffix = b"</t></si></sst>"
        parts[part] = (*_deflated(prefix, size, suffix), len(prefix) + size + len(suffix))
    _write_zip(path, parts)


@pytest.mark.parametrize(
    "part, lang, message",
    [
        (
            "xl/sharedStrings.xml",
            "sv",
            "FEL: region.xlsx: arbetsboken packas upp till 2000 MB (högst 50 MB), mest i "
            "xl/sharedStrings.xml, och läses inte. Spara om den i Excel, eller dela upp tabellerna på flera filer.",
        ),
        (
            "xl/worksheets/sheet1.xml",
            "en",
            "ERROR: region.xlsx: the workbook unpacks to 2000 MB (at most 50 MB), most of it "
            "in xl/worksheets/sheet1.xml, and is not read. Save it again in Excel, or split the tables over several files.",
        ),
    ],
)
def test_a_two_megabyte_workbook_holding_a_two_gigabyte_string(tmp_path, part, lang, message):
    folder = region(tmp_path)
    bomb(folder / "region.xlsx", part, 2_000_000_000 - 20_000)
    assert (folder / "region.xlsx").stat().st_size < 2_100_000
    with zipfile.ZipFile(folder / "region.xlsx") as archive:  # a valid workbook: it would inflate in full
        assert archive.getinfo(part).file_size > 1_999_000_000
    assert_refused(folder, tmp_path, message, lang)


@pytest.mark.parametrize(
    "size, message",
    [
        (48_000_000, f"FEL: agreements.csv, rad 2, kolumn CW: {BOUNDS}"),
        (
            51_000_000,
            "FEL: agreements.csv: filen är 51 MB (högst 50 MB) och läses inte. Dela upp innehållet på flera filer.",
        ),
    ],
)
def test_a_csv_line_of_sixteen_million_cells(tmp_path, size, message):
    folder = region(tmp_path)  # agreements: no other table refers to them
    header = (folder / "agreements.csv").read_bytes().split(b"\n", 1)[0]
    (folder / "agreements.csv").write_bytes(header + b"\n" + b"ab," * ((size - len(header) - 1) // 3))  # <= size bytes
    assert_refused(folder, tmp_path, message)


def with_sheet_xml(folder: Path, rows: list[list[str]], change, part: str = "xl/worksheets/sheet1.xml") -> Path:
    """region.xlsx with one sheet, posts, holding ``rows``, its XML (or another ``part``) changed by
    ``change`` (bytes -> bytes): what openpyxl would refuse to write, or write only by making every cell."""
    book = Workbook()
    book.active.title = "posts"
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as template, zipfile.ZipFile(folder / "region.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
        for name in template.namelist():
            data = template.read(name)
            out.writestr(name, change(data) if name == part else data)
    return folder / "region.xlsx"


POSTS = [["id", "actor", "title_sv", "source", "confidence"], ["p1", "fou-vasterbotten", "Strateg", "kalla", "stated"]]


def test_one_cell_merged_over_a_whole_sheet_is_refused(tmp_path):
    folder = region(tmp_path)
    merge = b'</sheetData><mergeCells count="1"><mergeCell ref="A3:CV500001"/></mergeCells>'
    book = with_sheet_xml(folder, [*POSTS, ["p2"]], lambda xml: xml.replace(b"</sheetData>", merge))
    assert book.stat().st_size < 10_000
    assert_refused(
        folder,
        tmp_path,
        "FEL: region.xlsx: posts, rad 3, kolumn A: de sammanfogade cellerna A3:CV500001 "
        "upprepar värden i 49999899 celler, fler än bladets 11 ifyllda; tabellen läses "
        "inte. Dela upp de sammanfogade cellerna och skriv värdet i de celler som ska ha det.",
    )


def test_a_row_of_2_8_million_empty_cells_is_refused(tmp_path):
    folder = region(tmp_path)
    row = b'<row r="3">' + b'<c r="A3" s="0"/>' * 2_800_000 + b"</row></sheetData>"
    book = with_sheet_xml(folder, POSTS, lambda xml: xml.replace(b"</sheetData>", row))
    assert book.stat().st_size < 200_000
    assert_refused(folder, tmp_path, f"FEL: region.xlsx: posts, rad 3, kolumn XFE: {BOUNDS}")


def test_each_workbook_is_opened_once_read_only(monkeypatch):
    """The corpus workbooks (merged cells, explanation rows, a hidden sheet, a formula without a value,
    numbers as numbers: tests/test_corpus.py asserts how each reads) are each loaded once, read-only
    (they were loaded twice, in full: once for the values, once for the formulas)."""
    import openpyxl

    opened = []
    real = openpyxl.load_workbook

    def counting(*args, **kwargs):
        opened.append(kwargs.get("read_only", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", counting)
    corpus = sorted(p for p in (ROOT / "tests" / "corpus").glob("xlsx-*") if p.name != "xlsx-corrupt")
    for case in corpus:
        ingest([case], strict=False)
    assert opened == [True] * len(corpus)


# ---------------------------------------------------------------- 7. ingest stays linear

HEAD = ["id", "name_sv", "types", "level", "county", "part_of", "source", "confidence"]


def write_actors(folder: Path, rows: list[list[str]]) -> Path:
    """A region of one source and these actors (no value holds a comma)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.csv").write_text("id,title\nkalla,Källa\n", encoding="utf-8")
    (folder / "actors.csv").write_text("".join(",".join(row) + "\n" for row in [HEAD, *rows]), encoding="utf-8")
    return folder


def chain(n: int, close: bool = False) -> list[list[str]]:
    """a0 part of a1, …, a(n-1) part of nothing (or of a0: a cycle)."""
    return [
        [
            f"a{i}",
            f"A{i}",
            "fou-enhet",
            "regional",
            "24",
            f"a{i + 1}" if i + 1 < n else ("a0" if close else ""),
            "kalla",
            "stated",
        ]
        for i in range(n)
    ]


def lines_run(folder: Path) -> int:
    """Lines of graphmap/ingest run while ingesting ``folder`` (a count, not a time)."""
    import graphmap.ingest as package

    inside = str(Path(package.__file__).parent)
    count = 0

    def line(frame, event, arg):
        nonlocal count
        count += event == "line"
        return line

    def call(frame, event, arg):
        return line if frame.f_code.co_filename.startswith(inside) else None

    sys.settrace(call)
    try:
        ingest([folder])
    except IngestError:
        pass
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("close", [False, True])
def test_a_part_of_chain_twice_as_long_costs_twice_the_work(tmp_path, close):
    n = 600
    small = lines_run(write_actors(tmp_path / "n", chain(n, close)))
    large = lines_run(write_actors(tmp_path / "2n", chain(2 * n, close)))
    assert large / small < 2.3, (small, large)  # walking the chain from every actor: ~3.7
    if close:  # the cycle is still reported, with its chain
        with pytest.raises(IngestError) as err:
            ingest([tmp_path / "2n"])
        assert [p.format("sv") for p in err.value.problems] == [
            "actors.csv, rad 2, kolumn part_of: del-av-kedjan går i cirkel: a0 → a1 → a2 → a3 → a4 → a5 → a6 → a7 → "
            "a8 → a9 → a10 → a11 → a12 → a13 → a14 → …. Bryt cirkeln i kolumnen part_of."
        ]


def suggestions_computed(folder: Path) -> tuple[int, int, list[str]]:
    """(suggestions computed, candidates compared, the messages) while ingesting ``folder``."""
    from graphmap import vocab

    computed = compared = 0
    counted = {vocab.best_matches.__code__, vocab.Vocabularies.suggest.__code__}

    def profile(frame, event, arg):
        nonlocal computed, compared
        if event == "call":
            computed += frame.f_code in counted
            compared += frame.f_code is vocab.similarity.__code__

    sys.setprofile(profile)
    try:
        ingest([folder])
    except IngestError as err:
        messages = [p.format("sv") for p in err.problems]
    finally:
        sys.setprofile(None)
    return computed, compared, messages


@pytest.mark.parametrize(
    "column, value, message",
    [
        (
            "part_of",
            "fou-vastrbotten",
            'kolumn part_of: "fou-vastrbotten" finns inte bland actors. Menade du: region-vasterbotten?',
        ),
        ("level", "regionl", 'kolumn level: "regionl" finns inte i listan level. Menade du: regional?'),
        (
            "county",
            "Västerbotten län",
            'kolumn county: "Västerbotten län" är ingen kommun- eller länskod. Menade du: 24 (Västerbottens län)?',
        ),
    ],
)
def test_one_misspelling_in_1000_rows_is_one_suggestion(tmp_path, column, value, message):
    rows = [[f"r{i}", f"R{i}", "fou-enhet", "regional", "24", "", "kalla", "stated"] for i in range(1000)]
    for row in rows:
        row[HEAD.index(column)] = value
    computed, _compared, messages = suggestions_computed(write_actors(tmp_path / "typo", rows))
    assert computed == 1
    assert messages == [f"actors.csv, rad {i + 2}, {message}" for i in range(1000)]


def test_different_misspellings_stop_suggesting_after_the_budget(tmp_path, monkeypatch):
    from graphmap.ingest import registry

    monkeypatch.setattr(registry, "MAX_COMPARED", 5_000)
    n = 400  # 400 actors, each part of a different misspelt one: 160,000 comparisons unbounded
    rows = [[f"r{i}", f"R{i}", "fou-enhet", "regional", "24", f"r{i}x", "kalla", "stated"] for i in range(n)]
    computed, compared, messages = suggestions_computed(write_actors(tmp_path / "typos", rows))
    assert compared <= 5_000 + n + 1  # the budget, plus at most one candidate set past it
    assert len(messages) == n and "Menade du" in messages[0]
    assert messages[-1] == (
        f'actors.csv, rad {n + 1}, kolumn part_of: "r{n - 1}x" finns inte bland actors. '
        "Kontrollera stavningen eller lägg till raden som det hänvisas till."
    )


# ---------------------------------------------------------------- bounded work, not only bytes
# Each workbook is inside every byte bound; what it would make graphmap do is not. Before: the shared
# string copied per cell took 1.8 GB (a 20 KB file); 700,000 styles ~630 MB; 30,000 sheets 2 GB and 30,000
# warnings. Now each is counted from the zip's parts as they stream and refused before openpyxl opens it.


def _shared_string_bomb(folder: Path, rows: int = 4_000, columns: int = 50) -> Path:
    """posts with one 9,999-character shared string named by ``rows`` x ``columns`` cells."""
    body = ("<row>" + '<c t="s"><v>0</v></c>' * columns + "</row>") * rows  # cells in order need no reference
    book = with_sheet_xml(folder, POSTS, lambda xml: xml.replace(b"</sheetData>", body.encode() + b"</sheetData>"))
    with zipfile.ZipFile(book) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", SHARED + b"</Types>")
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="1" uniqueCount="1"><si><t>' + b"L" * 9_999 + b"</t></si></sst>"
    )
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return book


def test_a_twenty_kilobyte_workbook_whose_one_long_string_fills_every_cell(tmp_path):
    folder = region(tmp_path)
    book = _shared_string_bomb(folder)
    assert book.stat().st_size < 25_000  # 200,000 cells x 9,999 characters: 2 GB of text once read
    assert_refused(
        folder,
        tmp_path,
        "FEL: region.xlsx: posts, rad 43, kolumn A: arbetsboken skulle ge fler tecken "
        "än graphmap läser (> 20000000, högst 20000000); den läses inte. Spara om den i Excel med bara "
        "tabellernas blad och värden, eller dela upp den.",
    )


def test_a_styles_part_with_700000_cell_formats(tmp_path):
    folder = region(tmp_path)
    xf = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'

    def change(xml: bytes) -> bytes:
        head, rest = xml.split(b"<cellXfs", 1)
        rest = rest.split(b">", 1)[1]
        return head + b'<cellXfs count="700000">' + xf * 700_000 + b"</cellXfs>" + rest.split(b"</cellXfs>", 1)[1]

    book = with_sheet_xml(folder, POSTS, change, "xl/styles.xml")
    assert book.stat().st_size < 200_000
    assert_refused(
        folder,
        tmp_path,
        "FEL: region.xlsx: arbetsboken skulle ge fler format än graphmap läser "
        "(> 64000, högst 64000); den läses inte. Spara om den i Excel med bara tabellernas blad och "
        "värden, eller dela upp den.",
    )


def test_a_workbook_of_300_sheets(tmp_path):
    folder = region(tmp_path)
    book = Workbook()
    book.active.title = "posts"
    for row in POSTS:
        book.active.append(row)
    for n in range(300):
        book.create_sheet(f"s{n}")["A1"] = "x"
    book.save(folder / "region.xlsx")
    assert_refused(
        folder,
        tmp_path,
        "FEL: region.xlsx: arbetsboken skulle ge fler blad än graphmap läser "
        "(301, högst 255); den läses inte. Spara om den i Excel med bara tabellernas blad och värden, "
        "eller dela upp den.",
    )


def test_a_table_of_5000_warnings_stops_at_the_thousandth(tmp_path):
    """Every cell with a control character is one warning: 5,000 lines before, one error now."""
    folder = region(tmp_path)
    clean = [[f"q{n}", "fou-vasterbotten", "Strateg", "kalla", "stated"] for n in range(200)]  # a text file's start
    rows = [*POSTS, *clean, *([f"p{n}", "fou-vasterbotten", "Strateg\x01", "kalla", "stated"] for n in range(2, 5_002))]
    with (folder / "posts.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    result, out = build(folder, tmp_path)
    assert result["rc"] == 2, result["stderr"][-2000:]
    lines = result["stderr"].splitlines()
    assert len(lines) < 1_100, len(lines)
    assert (
        "FEL: posts.csv, rad 1204: filen gav fler än 1000 problem och läses inte vidare. Rätta de första "
        "problemen (eller kontrollera att det är rätt fil) och läs in den igen."
    ) in lines  # the others: refs to posts
    assert not out.exists()
