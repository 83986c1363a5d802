"""Trust under attack: input values that used to pass validation and then break a later step, and input
problems that used to be silent or reported against the wrong file.

Each test is an attack: a copy of data/regions/vasterbotten with one bad cell (or one bad file), run
through the real CLI. What validation accepts, every later step (Turtle, N-Triples, JSON-LD, Neo4j, HTML)
can carry; what it refuses gets one message with file, row, column and a fix, and never a traceback.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from graphmap.cli import main
from graphmap.ingest.cells import is_url, parse_date

ROOT = Path(__file__).resolve().parent.parent
VASTERBOTTEN = ROOT / "data" / "regions" / "vasterbotten"


def region(tmp_path: Path, table: str | None = None, row: int = 2, column: str | None = None, value: str = "") -> Path:
    """A copy of Västerbotten with ``value`` in one cell (``row`` as the spreadsheet numbers it)."""
    folder = tmp_path / "vasterbotten"
    shutil.copytree(VASTERBOTTEN, folder)
    if table:
        path = folder / f"{table}.csv"
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        rows[row - 1][rows[0].index(column)] = value
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    return folder


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("FEL:", "ERROR:"))]


def assert_refused(folder: Path, tmp_path: Path, message: str, lang: str = "sv") -> None:
    """validate: exit 2 and exactly this one error; build: exit 2, no traceback, nothing written."""
    checked = run("validate", folder, "--lang", lang)
    assert checked.exit_code == 2, checked.output
    assert errors(checked.output) == [message], checked.output
    assert "Traceback" not in checked.output
    out = tmp_path / "out" / "graphmap.ttl"
    built = run("build", folder, "-o", out, "--lang", lang)
    assert built.exit_code == 2, built.output
    assert "Traceback" not in built.output and built.exception is None or isinstance(built.exception, SystemExit)
    assert message in built.output
    assert not out.exists()


# ---------------------------------------------------------------- 5. URLs every output can carry


@pytest.mark.parametrize(
    "char, encoded", [("{", "%7B"), ("}", "%7D"), ("|", "%7C"), ("^", "%5E"), ("\\", "%5C"), ("`", "%60")]
)
def test_homepage_with_a_character_iris_forbid(tmp_path, char, encoded):
    url = f"https://example.se/a{char}b"
    folder = region(tmp_path, "actors", 2, "homepage", url)
    assert_refused(
        folder,
        tmp_path,
        f'FEL: actors.csv, rad 2, kolumn homepage: "{url}" innehåller tecknet "{char}", som inte får finnas '
        f"i en webbadress. Ta bort tecknet eller skriv det kodat som {encoded}.",
    )


def test_source_url_with_a_bad_percent_escape_in_english(tmp_path):
    folder = region(tmp_path, "sources", 3, "url", "https://example.se/%zz")
    assert_refused(
        folder,
        tmp_path,
        'ERROR: sources.csv, row 3, column url: "https://example.se/%zz" is not a valid web address '
        "(RFC 3986/3987). Write the whole address, e.g. https://example.se/page, with special characters "
        "%-encoded.",
        lang="en",
    )


def test_a_long_bad_url_is_echoed_cut_short(tmp_path):
    url = "https://example.se/{" + "a" * 5000
    folder = region(tmp_path, "actors", 2, "homepage", url)
    assert_refused(
        folder,
        tmp_path,
        f'FEL: actors.csv, rad 2, kolumn homepage: "{url[:80]}…" innehåller tecknet "{{", som inte får '
        "finnas i en webbadress. Ta bort tecknet eller skriv det kodat som %7B.",
    )


URL_TEXT = st.text(st.sampled_from(list("aZ09-._~:/?#[]@!$&'()*+,;=%{}|^\\`<>\" \t\u00e5\u0085\u202e")), max_size=12)


@settings(max_examples=300, deadline=None)
@given(tail=URL_TEXT)
def test_every_url_validation_accepts_every_output_can_carry(tail):
    """The root of fault 5: an accepted URL is an IRI that Turtle, N-Triples (Oxigraph) and JSON-LD carry."""
    url = "https://example.se/" + tail
    if not is_url(url):
        return
    from pyoxigraph import NamedNode

    NamedNode(url)  # Oxigraph, the store behind queries, export and serve
    g = Graph()
    g.add((URIRef("https://example.se/s"), URIRef("http://xmlns.com/foaf/0.1/homepage"), URIRef(url)))
    for fmt in ("turtle", "nt", "json-ld"):
        again = Graph().parse(data=g.serialize(format=fmt), format=fmt)
        assert URIRef(url) in set(again.objects()), fmt


# ---------------------------------------------------------------- 5. dates that exist


@pytest.mark.parametrize(
    "table, row, column, value, days",
    [
        ("sources", 2, "date", "2023-02-30", 28),
        ("actors", 3, "date", "2023-06-31", 30),
        ("offers", 2, "date", "2023-02-29", 28),
    ],
)
def test_a_date_that_is_not_in_the_calendar(tmp_path, table, row, column, value, days):
    folder = region(tmp_path, table, row, column, value)
    assert_refused(
        folder,
        tmp_path,
        f'FEL: {table}.csv, rad {row}, kolumn {column}: "{value}" finns inte i kalendern: '
        f"månaden har {days} dagar. Rätta dag eller månad.",
    )


@settings(max_examples=300, deadline=None)
@given(y=st.integers(0, 9999), m=st.integers(0, 13), d=st.integers(0, 32))
def test_every_date_validation_accepts_is_a_well_typed_xsd_date(y, m, d):
    parsed = parse_date(f"{y:04d}-{m:02d}-{d:02d}")
    if parsed is not None:
        assert not Literal(parsed[0], datatype=XSD.date).ill_typed


# ---------------------------------------------------------------- 5. bounded numbers


@pytest.mark.parametrize("value", ["1E+1000000", "1E+999999", "2e15", "-5"])
def test_an_amount_beyond_any_sane_magnitude(tmp_path, value):
    folder = region(tmp_path, "agreements", 2, "amount", value)
    assert_refused(
        folder,
        tmp_path,
        f"FEL: agreements.csv, rad 2, kolumn amount: {value} ligger utanför "
        "0–1 000 000 000 000. Skriv ett tal i intervallet.",
    )


def test_a_share_of_a_post_with_a_million_decimals(tmp_path):
    folder = region(tmp_path, "posts", 2, "fte", "1E-999999")
    assert_refused(
        folder, tmp_path, "FEL: posts.csv, rad 2, kolumn fte: 1E-999999 har fler än 12 decimaler. Avrunda talet."
    )


def test_a_one_megabyte_value_gives_a_message_under_one_kilobyte(tmp_path):
    folder = region(tmp_path, "agreements", 2, "amount", "1" * 1_000_000)
    checked = run("validate", folder)
    assert checked.exit_code == 2
    assert errors(checked.output) == [
        "FEL: agreements.csv, rad 2, kolumn amount: cellen har 1000000 tecken (högst 10000). Korta texten."
    ]
    assert all(len(line.encode("utf-8")) < 1024 for line in checked.output.splitlines())
    as_json = run("validate", folder, "--format", "json")
    assert len(as_json.output.encode("utf-8")) < 20_000  # every message short, whatever the input


# ---------------------------------------------------------------- 8. no input problem is silent or misplaced


def warnings(output: str) -> list[str]:
    return [
        line for line in output.splitlines() if line.startswith(("VARNING:", "WARNING:")) and "(assumed)" not in line
    ]


def test_a_table_file_in_another_case_is_read(tmp_path):
    folder = region(tmp_path)
    (folder / "offers.csv").rename(folder / "Offers.CSV")
    plain = run("build", VASTERBOTTEN, "-o", tmp_path / "a.ttl")
    cased = run("build", folder, "-o", tmp_path / "b.ttl")
    assert cased.exit_code == 0, cased.output
    assert "offers: 10" in cased.output and warnings(cased.output) == []
    assert plain.output.splitlines()[-1] == cased.output.splitlines()[-1]  # the same rows of every table


def test_a_near_miss_file_name_is_warned_about(tmp_path):
    folder = region(tmp_path)
    (folder / "offers.csv").rename(folder / "offer.csv")
    checked = run("validate", folder)
    assert checked.exit_code == 0
    assert warnings(checked.output) == [
        "VARNING: offer.csv: filen är ingen känd tabell och läses inte. Menade du: offers.csv?"
    ]
    english = run("validate", folder, "--lang", "en")
    assert warnings(english.output) == [
        "WARNING: offer.csv: the file is not a known table and is not read. Did you mean: offers.csv?"
    ]


def test_an_error_is_reported_against_the_file_it_came_from(tmp_path):
    """offers.csv beside a workbook with an offers sheet: both are read, each error names its own file."""
    from openpyxl import Workbook

    folder = region(tmp_path, "offers", 3, "kind", "kompetensutvekling")
    book = Workbook()
    sheet = book.active
    sheet.title = "offers"
    sheet.append(["id", "actor", "kind", "areas", "source", "confidence"])
    sheet.append(
        [
            "fran-arbetsboken",
            "fou-socialtjanst-vasterbotten",
            "kompetensutveckling",
            "funktionshinder",
            "funktionshinder",
            "stated",
        ]
    )
    book.save(folder / "region.xlsx")
    checked = run("validate", folder)
    assert checked.exit_code == 2
    assert errors(checked.output) == [
        'FEL: offers.csv, rad 3, kolumn kind: "kompetensutvekling" finns inte i listan '
        "support-kind. Menade du: kompetensutveckling?"
    ]


def test_a_ten_megabyte_cell_is_one_problem_with_its_column(tmp_path):
    folder = region(tmp_path, "actors", 3, "description_sv", "x" * 10_000_000)
    checked = run("validate", folder)
    assert checked.exit_code == 2
    assert errors(checked.output) == [
        "FEL: actors.csv, rad 3, kolumn description_sv: cellen har 10000000 tecken (högst 10000). Korta texten."
    ]
    built = run("build", folder, "-o", tmp_path / "g.ttl")
    assert built.exit_code == 2 and "Traceback" not in built.output and not (tmp_path / "g.ttl").exists()


def test_a_duplicate_header_column_is_reported(tmp_path):
    folder = region(tmp_path)
    path = folder / "posts.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[0] = text[0].replace(",funding,", ",fte,")  # posts: fte in columns F and G
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    checked = run("validate", folder)
    assert checked.exit_code == 2
    assert errors(checked.output) == [
        'FEL: posts.csv, rad 1, kolumn fte: rubriken "fte" står i två kolumner '
        "(F och G). Ta bort den ena kolumnen eller byt namn på den."
    ]


def test_a_long_header_is_echoed_cut_short(tmp_path):
    folder = region(tmp_path)
    path = folder / "posts.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[0] = text[0].replace(",funding,", "," + "y" * 5000 + ",")
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    checked = run("validate", folder)
    assert all(len(line) < 1024 for line in checked.output.splitlines())
    assert any(
        f"kolumn {'y' * 80}…: kolumnen \"{'y' * 80}…\" känns inte igen" in line for line in warnings(checked.output)
    )


@pytest.mark.parametrize(
    "suffix, content, where, reason",
    [
        (".ttl", '@prefix x: <http://x/> .\nx:a x:b "unterminated .\n', "rad 2", "newline found in string literal"),
        (".nt", "<a> <b> .\n", None, "Invalid line: <a> <b>"),
        (".jsonld", '{"@id": ', None, "Expecting value: line 1 column 9 (char 8)"),
    ],
)
@pytest.mark.parametrize("command", ["build", "validate", "query"])
def test_a_broken_graph_file_is_one_line_naming_it(tmp_path, command, suffix, content, where, reason):
    broken = tmp_path / f"broken{suffix}"
    broken.write_text(content, encoding="utf-8")
    args = {
        "build": ["build", broken, "-o", tmp_path / "out.ttl"],
        "validate": ["validate", broken],
        "query": ["query", "brokers", "-d", broken],
    }[command]
    result = run(*args)
    assert result.exit_code == 2, result.output
    place = f"{broken}, {where}" if where else str(broken)
    assert result.output.strip() == (
        f"{place}: grafilen kunde inte läsas: {reason}. Bygg om den med graphmap build, "
        "eller ange regionmappen i stället."
    )
    assert not (tmp_path / "out.ttl").exists()
