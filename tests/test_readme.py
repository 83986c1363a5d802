"""The example outputs of README.md and docs/ are what the commands print today: scripts/readme_outputs.py runs
them (all but the Neo4j ones) and compares; on failure the diff is shown, and
``python scripts/readme_outputs.py`` rewrites the blocks between the ``<!-- output: … -->`` markers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow  # every command the README and docs/ show, run: 27-52 s (wall time, 2 workers, busy machine)
def test_readme_outputs_are_current():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_outputs.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the example outputs are current" in done.stdout
