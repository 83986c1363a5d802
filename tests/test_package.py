"""graphmap installed the way Python tools are installed: the wheel built from a copy of the
checkout, installed in a fresh virtual environment (its dependencies from the package index), run
from an empty folder. It answers the README's first question from the package data alone and
writes nothing into its own install location, nor into the folder it runs in."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# what a copy of the checkout leaves out: environments, caches, build output, what a user made
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".neo4j",
    "build",
    "dist",
    "out",
    "rounds",
    "target",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".hypothesis",
    "source-checks.json",
)

pytestmark = pytest.mark.slow


def _ordinary_shell() -> dict[str, str]:
    """The environment of a user's shell: bytecode written beside the sources (as pip compiles it
    at install), no variable of graphmap's own or of this test run (PYTHONPYCACHEPREFIX would send
    pip's bytecode elsewhere, and the first run would then write it into site-packages)."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("GRAPHMAP_", "PYTHON")) and k != "VIRTUAL_ENV"}


def _run(*args, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=900, **kwargs)
    assert done.returncode == 0, f"{args}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and mtime: a write shows as a change."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python of a fresh venv holding the wheel, its installed package folder, the wheel)."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE, symlinks=True)  # the build writes build/ in it
    env = _ordinary_shell()
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", base / "dist", source, env=env)
    wheel = next((base / "dist").glob("graphmap-*.whl"))
    _run(sys.executable, "-m", "venv", base / "venv", env=env)
    python = base / "venv" / "bin" / "python"
    _run(python, "-m", "pip", "install", "-q", wheel, env=env)
    package = Path(
        _run(
            python, "-c", "import graphmap, os; print(os.path.dirname(graphmap.__file__))", cwd=base, env=env
        ).stdout.strip()
    )
    return python, package, wheel


def test_the_wheel_carries_the_shipped_folders(installed):
    python, package, wheel = installed
    assert package.parent.name == "site-packages" and ROOT not in package.parents
    for shipped in (
        "share/ontology/graphmap.ttl",
        "share/ontology/vocab/areas.ttl",
        "share/ontology/shapes.ttl",
        "share/data/reference/kommuner.csv",
        "share/data/reference/lan.csv",
        "share/data/regions/vasterbotten",
        "share/data/landscape/00-nationellt",
    ):
        assert (package / shipped).exists(), shipped


def test_the_installed_tool_answers_from_an_empty_folder_and_writes_nothing_into_itself(installed, tmp_path):
    python, package, _ = installed
    empty, cache = tmp_path / "empty", tmp_path / "xdg-cache"
    empty.mkdir()
    before = _tree(package.parent)
    env = {**_ordinary_shell(), "XDG_CACHE_HOME": str(cache)}
    graphmap = python.parent / "graphmap"
    question = ["support", "--area", "funktionshinder", "--municipality", "Umeå"]
    table = _run(graphmap, *question, cwd=empty, env=env)
    count = int(re.search(r"Träffar: (\d+)", table.stderr).group(1))
    # the same answer again as rows, now from the build cache, which lives in the user's cache folder
    rows = json.loads(_run(graphmap, *question, "--format", "json", cwd=empty, env=env).stdout)
    assert len(rows) == count > 0
    assert any(r["actor_label"].startswith("FoU Socialtjänst") for r in rows)
    assert any(cache.rglob("manifest.json"))
    assert list(empty.iterdir()) == []
    assert _tree(package.parent) == before
