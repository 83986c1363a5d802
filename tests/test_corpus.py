"""Real-world spreadsheet input: each file in tests/corpus/ is read correctly or gets a clear message.

The corpus is made by tests/corpus/make_corpus.py. For each case: the outcome ("ok" with what
must be read, or "error" with the messages naming file/sheet, row and column), and no traceback.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.namespace import SKOS

from graphmap.cli import main
from graphmap.ingest import IngestError, ingest
from graphmap.ontology import GM, actor_iri, kommun_iri

CORPUS = Path(__file__).resolve().parent / "corpus"
FOU = actor_iri("fou-test")


def name(result, iri=FOU):
    return str(result.graph.value(iri, SKOS.prefLabel))


def served(result):
    return set(result.graph.objects(FOU, GM.serves))


OK = {
    "utf8-comma": lambda r: name(r) == "FoU Åsele–Dorotea",
    "utf8-bom": lambda r: name(r) == "FoU Åsele–Dorotea",
    "excel-cp1252-semicolon-crlf": lambda r: name(r) == "FoU Åsele–Dorotea",
    "utf16-tab": lambda r: name(r) == "FoU Åsele–Dorotea",
    "decimal-comma-and-percent": lambda r: (
        sorted(o.toPython() for o in r.graph.objects(None, GM.fte)) == [Decimal("0.2"), Decimal("0.5")]
    ),
    "lost-leading-zero": lambda r: (
        served(r) == {kommun_iri("0180"), kommun_iri("0114")} and sum(p.code == "padded_code" for p in r.problems) == 2
    ),
    "names-hyphens-and-spaces": lambda r: served(r) == {kommun_iri("0139"), kommun_iri("2480"), kommun_iri("1462")},
    "empty-rows-and-comment-row": lambda r: name(r) == "FoU Åsele–Dorotea",
    "header-case-and-unknown-column": lambda r: (
        name(r) == "FoU Åsele–Dorotea" and [p.code for p in r.problems] == ["unknown_column"]
    ),
    "nul-byte": lambda r: name(r) == "FoUTest" and [p.code for p in r.problems] == ["control_chars"],
    "csv-formula-text": lambda r: name(r).startswith("=HYPERLINK("),  # stored as plain text; exports neutralise it
    "xlsx-plain": lambda r: name(r) == "FoU Åsele–Dorotea",
    "xlsx-explanations-empty-rows-trailing-spaces": lambda r: name(r) == "FoU Åsele–Dorotea",
    "xlsx-merged-cells": lambda r: name(r, actor_iri("fou-andra")) == "FoU Andra",
    "xlsx-hidden-sheet": lambda r: (
        [p.code for p in r.problems] == ["hidden_sheet"] and any(True for _ in r.graph.objects(None, GM.fte)) is False
    ),
    "xlsx-numbers-as-numbers": lambda r: served(r) == {kommun_iri("2480"), kommun_iri("0180")},
}

ERRORS = {
    "bad-date-and-year": [
        'needs.csv, rad 2, kolumn year: "tjugotjugotre" är inget år. Skriv fyra siffror, t.ex. 2023.',
        'needs.csv, rad 2, kolumn date: "27/2 2023" är inget datum. Skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.',
    ],
    "empty-file": ["actors.csv: filen är tom. Fyll i rubrikraden och minst en rad, eller ta bort filen."],
    "huge-cell": ["actors.csv, rad 2, kolumn name_sv: cellen har 20000 tecken (högst 10000). Korta texten."],
    "wrong-vocab-and-ref": [
        'offers.csv, rad 2, kolumn actor: "fou-tset" finns inte bland actors/networks. Menade du: fou-test?',
        'offers.csv, rad 2, kolumn kind: "kompetensutvekling" finns inte i listan support-kind. '
        "Menade du: kompetensutveckling?",
    ],
    "xlsx-formula-without-value": [
        "region.xlsx: actors, rad 2, kolumn name_sv: cellen är en formel utan sparat värde. "
        "Öppna och spara arbetsboken i Excel, eller skriv värdet.",
        "region.xlsx: actors, rad 2, kolumn name_sv: obligatoriskt värde saknas. Fyll i cellen.",
    ],
    "xlsx-corrupt": ["region.xlsx: filen kunde inte läsas: BadZipFile. Spara om filen som CSV (UTF-8) eller .xlsx."],
    "binary-garbage": [
        "actors.csv: filen kunde inte läsas: binär fil / binary file. Spara om filen som CSV (UTF-8) eller .xlsx."
    ],
}


def test_every_corpus_case_has_an_expectation():
    cases = {p.name for p in CORPUS.iterdir() if p.is_dir() and p.name != "__pycache__"}  # Python's, not a case
    assert cases == set(OK) | set(ERRORS)


@pytest.mark.parametrize("case", sorted(OK))
def test_read_correctly(case):
    result = ingest([CORPUS / case])
    assert OK[case](result), [p.format("sv") for p in result.problems]


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_clear_message(case):
    with pytest.raises(IngestError) as err:
        ingest([CORPUS / case])
    errors = [p.format("sv") for p in err.value.problems if p.severity == "error"]
    assert errors[: len(ERRORS[case])] == ERRORS[case]


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_cli_exit_2_without_traceback(case, tmp_path):
    result = CliRunner().invoke(main, ["build", str(CORPUS / case), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert not (tmp_path / "g.ttl").exists()
