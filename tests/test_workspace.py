"""What a user makes goes to the workspace (``--workspace``, ``$GRAPHMAP_WORKSPACE``, else the
current folder), never into the package or the checkout; the default build reads the workspace's
rounds. The installed wheel is tested in tests/test_package.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from graphmap.datasets import bundled_paths
from graphmap.ontology import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent


def _graphmap(*args, cwd, env=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "graphmap", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
    )


def test_a_round_started_anywhere_lands_in_the_workspace_and_the_build_reads_it(tmp_path, monkeypatch):
    workspace, elsewhere = tmp_path / "arbete", tmp_path / "annan"
    elsewhere.mkdir()
    before = sorted(p.name for p in DATA_DIR.iterdir())
    done = _graphmap("--workspace", workspace, "round", "start", "runda-1", "-m", "Strömstad", cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    made = workspace / "rounds" / "runda-1"
    assert (made / "round.json").is_file()
    assert list(elsewhere.iterdir()) == [] and sorted(p.name for p in DATA_DIR.iterdir()) == before
    monkeypatch.setenv("GRAPHMAP_WORKSPACE", str(workspace))
    assert bundled_paths()[-1] == made
    monkeypatch.delenv("GRAPHMAP_WORKSPACE")
    monkeypatch.chdir(elsewhere)
    assert made not in bundled_paths()


def test_the_environment_variable_names_the_workspace_for_relative_outputs(tmp_path):
    workspace, elsewhere = tmp_path / "arbete", tmp_path / "annan"
    elsewhere.mkdir()
    done = _graphmap("export", "ontology", "-o", "ut", cwd=elsewhere, env={"GRAPHMAP_WORKSPACE": str(workspace)})
    assert done.returncode == 0, done.stderr
    assert any((workspace / "ut").iterdir()) and list(elsewhere.iterdir()) == []
