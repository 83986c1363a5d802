"""Debris, as an attacker (or a full disk) leaves it: a run killed inside its atomic write, and
multi-file outputs that fail half-way.

Each test runs the real CLI in a child process under a file-size limit (``RLIMIT_FSIZE``: the
kernel's own "disk full" for that process). With ``SIGXFSZ`` ignored the write fails with
``EFBIG`` (a full disk's error path); with ``SIGXFSZ`` at its default the process is killed by the
kernel in the middle of writing, exactly where a crash or ``kill -9`` would leave a temporary file.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys

import pytest

from graphmap.fileio import TMP_MARK
from tests.helpers import ROOT

KILLED_BY_KERNEL = -signal.SIGXFSZ


def run(*args, limit: int | None = None, die: bool = False, cache: str = "off", timeout: int = 180):
    """``graphmap ARGS`` in a child process; ``limit`` bytes per file; ``die``: killed by the kernel
    at the limit (SIGXFSZ at its default) instead of getting the error."""

    def preexec():
        import resource

        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    # Python ignores SIGXFSZ at start-up; the wrapper restores the default so the kernel kills it
    code = (
        (
            "import signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_DFL); "
            "from graphmap.cli import main; sys.argv[0] = 'graphmap'; main()"
        )
        if die
        else None
    )
    argv = [sys.executable, "-c", code, *map(str, args)] if die else [sys.executable, "-m", "graphmap", *map(str, args)]
    env = {**os.environ, "GRAPHMAP_CACHE_DIR": cache}
    return subprocess.run(argv, capture_output=True, text=True, preexec_fn=preexec, timeout=timeout, cwd=ROOT, env=env)


def leftovers(folder):
    return sorted(p for p in folder.rglob("*") if TMP_MARK in p.name)


def last_line(proc) -> str:
    return proc.stderr.strip().splitlines()[-1]


def test_build_killed_inside_the_write_leaves_an_owner_only_file_that_the_next_run_removes(tmp_path):
    out = tmp_path / "graph.ttl"
    killed = run("build", "-o", out, limit=64 * 1024, die=True)
    assert killed.returncode == KILLED_BY_KERNEL, killed.stderr
    debris = leftovers(tmp_path)
    assert len(debris) == 1 and debris[0].stat().st_size == 64 * 1024  # the first 64 KB of the graph
    assert stat.S_IMODE(debris[0].stat().st_mode) == 0o600  # never readable by others, even half-written
    assert not out.exists()

    clean = run("build", "-o", out)
    assert clean.returncode == 0, clean.stderr
    assert leftovers(tmp_path) == []  # the next run removed the dead run's file
    assert out.read_text(encoding="utf-8").count(" a ") > 100


def test_build_cache_killed_inside_its_write_is_swept_too(tmp_path):
    cache = tmp_path / "cache"
    ask = ("support", "--area", "funktionshinder", "--municipality", "Umeå")  # answers through the cache
    killed = run(*ask, limit=64 * 1024, die=True, cache=str(cache))
    assert killed.returncode == KILLED_BY_KERNEL
    debris = leftovers(cache)
    assert debris and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in debris)  # the whole graph, names included
    again = run(*ask, cache=str(cache))
    assert again.returncode == 0, again.stderr
    assert leftovers(cache) == []


def test_a_temporary_file_of_a_running_process_is_left_alone(tmp_path):
    """The sweep removes only files whose process is gone: a concurrent run keeps its file."""
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = tmp_path / f".graph.ttl{TMP_MARK}{sleeper.pid}.abc.tmp"
        theirs.write_text("being written by another run")
        assert run("build", "-o", tmp_path / "graph.ttl").returncode == 0
        assert theirs.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert run("build", "-o", tmp_path / "graph.ttl").returncode == 0
    assert not theirs.exists()


@pytest.mark.parametrize("limit", [40 * 1024, 100 * 1024])  # the first file fits / the first three fit
def test_full_disk_during_the_ontology_export_leaves_no_half_export(tmp_path, limit):
    out = tmp_path / "ontologi"
    proc = run("export", "ontology", "-o", out, limit=limit)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    line = last_line(proc)
    assert line.startswith(f"Kunde inte skriva: {out}/") and line.endswith("(File too large)"), line
    assert not out.exists()  # before: graphmap.ttl (and more) without the rest


def test_full_disk_during_the_ontology_export_keeps_the_previous_export(tmp_path):
    out = tmp_path / "ontologi"
    assert run("export", "ontology", "-o", out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    for p in out.iterdir():  # an older export: each file different from what would be written now
        p.write_bytes(b"old " + p.read_bytes())
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    proc = run("export", "ontology", "-o", out, limit=100 * 1024)
    assert proc.returncode == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old  # not one file replaced
    assert len(old) == len(before) == 7


@pytest.mark.slow  # the report written under a file-size limit: 26 s (wall time, 2 workers, busy machine)
def test_full_disk_during_the_report_writes_neither_the_png_nor_the_page(tmp_path):
    page = tmp_path / "rapport" / "rapport.html"
    proc = run("report", "-o", page, limit=500 * 1024)  # the PNG (~200 KB) fits, the page (~1.5 MB) does not
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert last_line(proc) == f"Kunde inte skriva: {page} (File too large)"
    assert not page.parent.exists()  # before: rapport-luckor.png without rapport.html


def test_full_disk_during_new_region_leaves_no_empty_folder(tmp_path):
    # 128 KB: openpyxl's own temporary sheets (up to ~105 KB) fit, the workbook (~150 KB) does not
    proc = run("new-region", "Testfjäll", "--county", "24", "-o", tmp_path, limit=128 * 1024)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert last_line(proc) == f"Kunde inte skriva: {tmp_path / 'testfjall' / 'testfjall.xlsx'} (File too large)"
    assert list(tmp_path.iterdir()) == []  # before: an empty testfjall/ that the next run refused ("finns redan")
    again = run("new-region", "Testfjäll", "--county", "24", "-o", tmp_path)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "testfjall" / "testfjall.xlsx").exists()


def test_full_disk_message_names_the_file_in_english_too(tmp_path):
    out = tmp_path / "graph.ttl"
    proc = run("build", "-o", out, "--lang", "en", limit=64 * 1024)
    assert proc.returncode == 2
    assert last_line(proc) == f"Could not write: {out} (File too large)"
