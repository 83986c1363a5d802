"""No shareable output contains a person's name or e-mail address unless asked for.

Every output is made by the real CLI from the bundled data plus a region with a person of its
own, then every file is scanned for every name and e-mail address in the data.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphmap
from graphmap.cli import main
from graphmap.ingest import bundled_paths
from graphmap.privacy import inventory, personal_strings, strip_personal
from graphmap.queries import library


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> list[str]:
    extra = tmp_path_factory.mktemp("extra") / "testregion"
    shutil.copytree(bundled_paths()[0], extra)
    (extra / "persons.csv").write_text(
        "id,name,email,posts,source,date,confidence\n"
        "p9,Zlatan Testsson,zlatan.testsson@example.se,fou-strateg,verksamhetsplan-2023,2023,stated\n",
        encoding="utf-8",
    )
    return [str(p) for p in bundled_paths()] + [str(extra)]


@pytest.fixture(scope="module")
def secrets(data) -> set[str]:
    values = personal_strings(graphmap.build(data, validate=False).graph)
    assert {
        "Zlatan Testsson",
        "zlatan.testsson@example.se",
        "Christine Österman",
        "elisabeth.lauritzen@regionstockholm.se",
    } <= values
    return {v for v in values if not v.startswith("https://")}


@pytest.fixture(scope="module")
def outputs(data, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("outputs")
    d = [arg for path in data for arg in ("--data", path)]
    runs = [
        ["viz", "-o", str(out / "map.html")],
        ["viz", "--focus", "fou-socialtjanst-vasterbotten", "-o", str(out / "focus.html")],
        ["report", "-o", str(out / "report.html")],
        ["report", "--county", "24", "--lang", "en", "-o", str(out / "report-24.html")],
        ["export", "ontology", "-o", str(out / "ontology")],
        ["new-region", "Testland", "--county", "24", "-o", str(out / "region")],
    ]
    runs += [
        ["export", "data", "--format", fmt, "-o", str(out / f"data.{fmt}" if fmt != "csv" else out / "csv")]
        for fmt in ("ttl", "jsonld", "graphml", "gexf", "csv")
    ]
    runner = CliRunner()
    for args in runs:
        result = runner.invoke(
            main, args[:1] + (args[1:2] if args[0] == "export" else []) + d + args[(2 if args[0] == "export" else 1) :]
        )
        assert result.exit_code == 0, (args, result.output)
    for name in ("built.ttl", "built.nt"):  # graphmap build: personal data left out unless asked
        result = runner.invoke(main, ["build", *data, "-o", str(out / name)])
        assert result.exit_code == 0, result.output
        assert "graphmap build --include-personal" in result.output
    for q in library().values():
        params = [x for k, v in (q.examples[0] if q.examples else {}).items() for x in ("-p", f"{k}={v}")]
        result = runner.invoke(main, ["query", q.name, *params, *d, "--format", "json"])
        assert result.exit_code == 0, (q.name, result.output)
        (out / f"query-{q.name}.json").write_text(result.output, encoding="utf-8")
    return out


@pytest.mark.slow  # every output of the CLI written and scanned: 34-43 s (wall time, 2 workers, busy machine)
def test_no_output_names_a_person(outputs, secrets):
    files = [p for p in outputs.rglob("*") if p.is_file()]
    assert len(files) > 25
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="ignore")
        if path.suffix == ".xlsx":
            import zipfile

            with zipfile.ZipFile(path) as z:
                text = " ".join(z.read(n).decode("utf-8", "ignore") for n in z.namelist())
        for secret in secrets:
            assert secret not in text, f"{secret!r} in {path.relative_to(outputs)}"
            assert json.dumps(secret)[1:-1] not in text, f"{secret!r} (escaped) in {path.relative_to(outputs)}"


def test_include_personal_is_the_only_way_in(data, tmp_path):
    out = tmp_path / "with.ttl"
    result = CliRunner().invoke(
        main,
        [
            "export",
            "data",
            "--format",
            "ttl",
            "--include-personal",
            *[a for p in data for a in ("--data", p)],
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0
    assert "Zlatan Testsson" in out.read_text(encoding="utf-8")


def test_build_includes_personal_data_only_when_asked(data, tmp_path, monkeypatch):
    """``graphmap build --include-personal`` writes the full graph, by default not under the name
    of the shareable export, and says so in the file and on the screen."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", *data, "--include-personal"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "out" / "graphmap-med-personuppgifter.ttl"
    text = written.read_text(encoding="utf-8")
    assert "Zlatan Testsson" in text and "zlatan.testsson@example.se" in text
    assert text.startswith("# Den byggda grafen INNEHÅLLER personuppgifter")
    assert "INNEHÅLLER personuppgifter" in result.output
    assert not (tmp_path / "out" / "graphmap.ttl").exists()


def test_privacy_report_lists_every_personal_field(data):
    kg = graphmap.build(data, validate=False)
    fields = inventory(kg.graph)
    assert len({f.resource for f in fields}) == 7
    assert {f.value for f in fields} >= {"Zlatan Testsson", "mailto:zlatan.testsson@example.se"}
    assert not personal_strings(strip_personal(kg.graph))
    result = CliRunner().invoke(main, ["privacy", *[a for p in data for a in ("--data", p)]])
    assert result.exit_code == 0
    assert "Zlatan Testsson" in result.output and "--include-personal" in result.output
