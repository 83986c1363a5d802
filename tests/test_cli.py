"""The CLI: human tables, csv/json for machines, Swedish by default, clean errors with suggestions."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from click.testing import CliRunner

from graphmap.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_support_json_lists_fou_and_skr_networks():
    result = run("support", "--area", "funktionshinder", "--municipality", "Umeå", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    labels = {r["actor_label"] for r in rows}
    assert {"FoU Socialtjänst (Västerbotten)", "SKR:s nätverk för kvalitet inom funktionshinderområdet",
            "SKR:s nätverk för kompetens och kompetensförsörjning inom funktionshinderområdet"} <= labels


def test_support_english_labels():
    rows = json.loads(run("support", "-a", "disability", "-m", "Umea", "--format", "json", "--lang", "en").output)
    assert "National" in {r["level_label"] for r in rows}
    assert "R&D Social Services (Västerbotten)" in {r["actor_label"] for r in rows}


def test_query_csv_has_header_and_rows():
    result = run("query", "coverage", "--param", "municipality=Uddevalla", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert "FoU-Socialtjänst Fyrbodal" in {r["actor_label"] for r in rows}


def test_table_output_is_swedish():
    result = run("chain", "Lycksele")
    assert result.exit_code == 0
    assert "Kedjan till nationell nivå" in result.output
    assert "FoU Socialtjänst (Västerbotten)" in result.output


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
    assert [r["name"] for r in rows] == ["actor", "brokers", "chain", "collaborations", "coverage", "gaps", "networks", "support"]


def test_gaps_matrix_and_detail():
    assert "Funktionshinder" in run("gaps").output
    rows = json.loads(run("gaps", "--county", "24", "--format", "json").output)
    assert len(rows) == 15 * 14


def test_validate_bundled_data_ok_with_warnings():
    result = run("validate")
    assert result.exit_code == 0
    assert "0 fel" in result.output


def test_build_writes_turtle(tmp_path):
    out = tmp_path / "g.ttl"
    result = run("build", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 100_000
    assert "290" not in result.output or "kommuner: 290" in result.output


def test_python_dash_m():
    proc = subprocess.run([sys.executable, "-m", "graphmap", "queries", "--format", "json"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert len(json.loads(proc.stdout)) == 8


def test_build_output_is_byte_stable(tmp_path):
    for suffix in (".ttl", ".nt"):
        first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        assert run("build", "-o", str(first)).exit_code == 0
        assert run("build", "-o", str(second)).exit_code == 0
        assert first.read_bytes() == second.read_bytes()
