"""The CLI: human tables, csv/json for machines, Swedish by default, clean errors with suggestions."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graphmap.api import run_query
from graphmap.cli import main
from helpers import bundled_row_count, graphmap_process, municipalities_in_county


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_support_json_lists_fou_and_skr_networks():
    result = run("support", "--area", "funktionshinder", "--municipality", "Umeå", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    labels = {r["actor_label"] for r in rows}
    assert {
        "FoU Socialtjänst (Västerbotten)",
        "SKR:s nätverk för kvalitet inom funktionshinderområdet",
        "SKR:s nätverk för kompetens och kompetensförsörjning inom funktionshinderområdet",
    } <= labels


def test_support_english_labels():
    rows = json.loads(run("support", "-a", "disability", "-m", "Umea", "--format", "json", "--lang", "en").output)
    assert "National" in {r["level_label"] for r in rows}
    assert "FoU Socialtjänst (Västerbotten)" in {r["actor_label"] for r in rows}  # a proper name stays as written


def test_query_csv_has_header_and_rows():
    result = run("query", "coverage", "--param", "municipality=Uddevalla", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert "FoU-Socialtjänst Fyrbodal" in {r["actor_label"] for r in rows}


def test_table_output_is_swedish():
    result = run("chain", "Lycksele")
    assert result.exit_code == 0
    assert "Kedjan till nationell nivå" in result.output
    # the table wraps long names in their column (the chain has a column per step's role)
    assert "FoU Socialtjänst" in result.output and "(Västerbotten)" in result.output
    assert "Tills roll" in result.output and "stödstruktur (RSS)" in result.output


def test_unknown_area_exit_2_with_suggestion():
    result = run("support", "--area", "funktionshindr", "--municipality", "Umeå")
    assert result.exit_code == 2
    assert result.output.strip() == 'Okänt värde för area: "funktionshindr". Menade du: funktionshinder?'


def test_unknown_query_name():
    result = run("query", "suport")
    assert result.exit_code == 2
    assert "support" in result.output


def test_queries_lists_all_eight():
    rows = json.loads(run("queries", "--format", "json").output)
    assert [r["name"] for r in rows] == [
        "actor",
        "brokers",
        "chain",
        "collaborations",
        "coverage",
        "gaps",
        "networks",
        "support",
    ]


def table_cell(output: str, row_label: str, column: str) -> str:
    """The text of one cell of a rich table printed by the CLI (header row ┃, body rows │)."""
    header = next(line for line in output.splitlines() if line.startswith("┃"))
    columns = [c.strip() for c in header.strip("┃").split("┃")]
    row = next(line for line in output.splitlines() if line.startswith(f"│ {row_label} "))
    return [c.strip() for c in row.strip("│").split("│")][columns.index(column)]


def test_gaps_matrix_and_detail(kg):
    matrix = run("gaps").output
    for county in ("24", "14"):
        # independently: the municipalities from the reference table, and how many of them have a
        # provider in the area by the rows of the gaps query
        total = municipalities_in_county(county)
        rows = [r for r in run_query(kg, "gaps", county=county).present() if r["area"].endswith("/funktionshinder")]
        assert sorted(r["municipality"].rsplit("/", 1)[-1] for r in rows) == sorted(total)
        supported = sum(r["providers"] > 0 for r in rows)
        assert table_cell(matrix, "Funktionshinder", county) == f"{supported}/{len(total)}"
    assert table_cell(matrix, "Funktionshinder", "24") == "15/15"  # FoU Socialtjänst serves all of Västerbotten
    # the reference layer: the county's support structure and Länsstyrelsen (disability policy) reach all 49
    assert table_cell(matrix, "Funktionshinder", "14") == "49/49"
    seeds = run("gaps", "-d", "data/regions").output  # the seeds alone: FoU Fyrbodal's 14 + part of Lilla Edet
    assert (
        table_cell(seeds, "Funktionshinder", "14") == "15/49"
        and table_cell(seeds, "Funktionshinder", "25") == "ej kartlagd"
    )
    rows = json.loads(run("gaps", "--county", "24", "--format", "json").output)
    assert len(rows) == 15 * 19  # every municipality of Västerbotten × every area


def test_validate_bundled_data_ok_with_warnings():
    result = run("validate")
    assert result.exit_code == 0
    assert "0 fel" in result.output


def test_build_writes_turtle(tmp_path):
    out = tmp_path / "g.ttl"
    result = run("build", "-o", str(out))
    assert result.exit_code == 0, result.output
    triples, rows = map(int, re.search(r"(\d+) tripplar från (\d+) rader", result.output).groups())
    assert triples == len(Graph().parse(out, format="turtle"))
    assert rows == bundled_row_count()  # counted from the CSV files
    assert "kommuner: 290" in result.output  # Sweden's 290 municipalities


def test_python_dash_m():
    proc = subprocess.run(
        [sys.executable, "-m", "graphmap", "queries", "--format", "json"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert len(json.loads(proc.stdout)) == 8


@pytest.mark.slow  # two full builds in fresh processes: 34 s (wall time, 2 workers, busy machine)
def test_build_output_is_byte_stable(tmp_path):
    """Two processes with different hash seeds write the same bytes (one process could hide a set order)."""
    for suffix in (".ttl", ".nt"):
        first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        for path, seed in ((first, "1"), (second, "2")):
            done = graphmap_process("build", "-o", path, hashseed=seed)
            assert done.returncode == 0, done.stderr
        assert first.read_bytes() == second.read_bytes()


def test_gaps_marks_partly_mapped_counties_as_the_pages_do():
    """`graphmap gaps` marks "delvis kartlagd" with "?" and its legend, in exactly the counties whose
    coverage or areas question has no source by `graphmap state`, and only in cells without support."""
    result = CliRunner().invoke(main, ["gaps"], terminal_width=400)
    assert result.exit_code == 0, result.output
    states = json.loads(run("state", "--format", "json").output)
    partly = {
        s["county"]
        for s in states
        if s["status"] != "ej-kartlagd" and "ingen-kalla-hittad" in (s["fou-tackning"], s["omraden"])
    }
    assert {"07", "13", "19"} <= partly  # Kronoberg, Halland, Västmanland
    marked = {
        s["county"]
        for s in states
        if s["county"]
        for a in ("Anhörigstöd", "E-tjänster", "Folkhälsa")
        if table_cell(result.stdout, a, s["county"]).endswith(" ?")
    }
    assert marked == partly
    assert table_cell(result.stdout, "Anhörigstöd", "07") == "0/8 ?"
    assert table_cell(result.stdout, "Funktionshinder", "24") == "15/15"  # support found is shown as found
    assert table_cell(result.stdout, "Anhörigstöd", "01") == "0/26"  # a gap where the county is mapped
    assert "? = delvis kartlagd" in result.stderr
    county = CliRunner().invoke(main, ["gaps", "--county", "Kronoberg"], terminal_width=400)
    assert table_cell(county.stdout, "Anhörigstöd", "Växjö") == "?" and "? = delvis kartlagd" in county.stderr
