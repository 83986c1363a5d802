"""Trust: arbitrary text never crashes graphmap or changes what a query means; limits and faults
give clear messages and never lose a good previous result."""

from __future__ import annotations

import csv
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphmap.api import MissingParameter, run_query
from graphmap.ingest import IngestError, ingest
from graphmap.queries import library
from graphmap.resolve import UnknownName

ROOT = Path(__file__).resolve().parent.parent
HEAD = ["id", "name_sv", "types", "level", "county", "part_of", "source", "confidence"]
INJECTIONS = [
    '"} ; DROP ALL ; #',
    "x}) DETACH DELETE n //",
    "<img src=x onerror=alert(1)>",
    "=HYPERLINK(\"http://x.invalid\",\"klick\")",
    "'; DROP TABLE actors; --",
    "\u0000\u202e",
    "?area",
    "$area",
]


def write_region(folder: Path, rows: list[list[str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.csv").write_text("id,title\nkalla,Källa\n", encoding="utf-8")
    with (folder / "actors.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEAD)
        writer.writerows(rows)
    return folder


cell_text = st.one_of(st.text(max_size=60), st.sampled_from(INJECTIONS))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from(HEAD), value=cell_text)
def test_any_cell_text_is_read_or_reported(tmp_path_factory, column, value):
    row = dict(zip(HEAD, ["fou-x", "FoU X", "fou-enhet", "regional", "24", "", "kalla", "stated"]))
    row[column] = value
    folder = write_region(tmp_path_factory.mktemp("r"), [[row[h] for h in HEAD]])
    try:
        result = ingest([folder])
    except IngestError as err:
        assert all(p.format("sv") and p.format("en") for p in err.problems)
        return
    if column == "name_sv" and value.strip():
        labels = {str(o) for o in result.graph.objects(None, None)}
        expected = value.translate(dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))).strip()
        assert any(expected in label for label in labels)  # stored as text, unchanged but for control characters


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_any_bytes_in_a_csv_never_crash(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("b")
    (folder / "actors.csv").write_bytes(data)
    try:
        ingest([folder])
    except IngestError as err:
        assert err.problems


PARAMS = [(q.name, p.name) for q in library().values() for p in q.params]


@pytest.mark.parametrize("query,param", PARAMS)
def test_injection_values_never_change_a_query(kg, query, param):
    reference = run_query(kg, "coverage", municipality="Uddevalla").rows
    size = len(kg.store)
    for value in INJECTIONS:
        try:
            run_query(kg, query, **{param: value})
        except (UnknownName, MissingParameter):
            pass
    assert len(kg.store) == size
    assert run_query(kg, "coverage", municipality="Uddevalla").rows == reference


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.sampled_from(sorted(library())), value=st.text(max_size=40))
def test_any_parameter_text_never_crashes(kg, query, value):
    q = library()[query]
    if not q.params:
        return
    try:
        result = run_query(kg, query, **{q.params[0].name: value})
    except (UnknownName, MissingParameter) as exc:
        assert exc.message("sv") and exc.message("en")  # a message for the user, in both languages
    else:
        assert isinstance(result.rows, list) and len(result.present()) == len(result.rows)


# ------------------------------------------------------------------ limits


def test_deep_part_of_chain_and_cycle(tmp_path):
    n = 3000
    rows = [
        [f"a{i}", f"A{i}", "fou-enhet", "regional", "24", f"a{i + 1}" if i + 1 < n else "", "kalla", "stated"]
        for i in range(n)
    ]
    result = ingest([write_region(tmp_path / "deep", rows)])
    assert len(result.rows) > n
    rows[-1][5] = "a0"  # close the chain into a cycle
    with pytest.raises(IngestError) as err:
        ingest([write_region(tmp_path / "cycle", rows)])
    [problem] = [p for p in err.value.problems if p.code == "cycle"]
    assert problem.format("en").startswith(
        "actors.csv, row 2, column part_of: the part-of chain is a cycle: a0 → a1 → a2"
    )


def test_actor_part_of_itself(tmp_path):
    rows = [["a", "A", "fou-enhet", "regional", "24", "a", "kalla", "stated"]]
    with pytest.raises(IngestError) as err:
        ingest([write_region(tmp_path / "self", rows)])
    assert [p.format("sv") for p in err.value.problems] == [
        "actors.csv, rad 2, kolumn part_of: del-av-kedjan går i cirkel: a → a. Bryt cirkeln i kolumnen part_of."
    ]


def test_table_over_the_row_limit_is_refused_quickly(tmp_path, monkeypatch):
    from graphmap.ingest import readers

    monkeypatch.setattr(readers, "MAX_ROWS", 100_000)
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "sources.csv").write_text("id,title\nkalla,Källa\n", encoding="utf-8")
    with (folder / "actors.csv").open("w", encoding="utf-8") as f:
        f.write(",".join(HEAD) + "\n")
        for i in range(100_001):
            f.write(f"a{i},A,fou-enhet,regional,24,,kalla,stated\n")
    with pytest.raises(IngestError) as err:
        ingest([folder])
    assert [p.format("sv") for p in err.value.problems] == [
        "actors.csv: tabellen har 100001 rader (högst 100000). Dela upp tabellen."
    ]


# ------------------------------------------------------------------ faults on output


def run_cli(*args, preexec=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "graphmap", *args],
        capture_output=True,
        text=True,
        preexec_fn=preexec,
        timeout=timeout,
        cwd=ROOT,
    )


def test_output_folder_that_cannot_exist(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    proc = run_cli("build", "-o", str(blocker / "graph.ttl"))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("Kunde inte skriva")


def test_disk_full_keeps_the_previous_output(tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_text("previous good output")

    def small_disk():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    proc = run_cli("build", "-o", str(out), preexec=small_disk)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].endswith("(File too large)")  # the OS's reason, as it gave it
    assert out.read_text() == "previous good output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]  # no temporary file left


def test_build_killed_half_way_then_next_run_matches_a_clean_run(tmp_path):
    out = tmp_path / "graph.ttl"
    clean = run_cli("build", "-o", str(out))
    assert clean.returncode == 0
    good = out.read_bytes()
    for delay in (0.3, 0.8, 1.4):
        proc = subprocess.Popen(
            [sys.executable, "-m", "graphmap", "build", "-o", str(out)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert out.read_bytes() in (good,)  # the old file, whole
    again = run_cli("build", "-o", str(out))
    assert again.returncode == 0 and again.stdout.splitlines()[0] == clean.stdout.splitlines()[0]
    assert out.read_bytes() == good
    assert list(tmp_path.glob(".graph.ttl.*")) == []  # a killed run's temporary file is removed by the next run
