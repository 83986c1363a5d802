"""The code is linted and typed, and every import is declared: ``ruff check`` is clean, mypy is
clean on the core (pyproject.toml's ``[tool.mypy]``), the list of core modules mypy still skips only
shrinks, and each third-party module the package or the tests import comes from a distribution
pyproject.toml declares. Nothing is written into the source tree (the caches go to a temporary
folder)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# modules of this repository that tests import by their own name
LOCAL = {"graphmap", "tests", "helpers", "browserlib", "neo4jlib", "conftest", "make_corpus"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_ruff_check_is_clean():
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_mypy_is_clean_on_the_core_and_its_skip_list_only_shrinks(tmp_path):
    """One mypy run without the skip list: errors outside it fail, and so does a listed module
    that has none left (take it off the list)."""
    config = PYPROJECT["tool"]["mypy"]
    skipped = set()
    ini = [
        "[mypy]",
        f"python_version = {config['python_version']}",
        f"ignore_missing_imports = {config['ignore_missing_imports']}",
        "disable_error_code = " + ",".join(config.get("disable_error_code", [])),
        "exclude = " + "|".join(config["exclude"]),
    ]
    for override in config["overrides"]:
        modules = override["module"]
        if all(m.endswith(".*") for m in modules):  # serve/ and viz/: outside the core
            ini += [f"[mypy-{','.join(modules)}]", "ignore_errors = True"]
        else:
            skipped |= set(modules)
    (tmp_path / "mypy.ini").write_text("\n".join(ini) + "\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(tmp_path / "mypy.ini"),
            "--cache-dir",
            str(tmp_path / "cache"),
            *config["files"],
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    errors: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        if ": error:" in line:
            module = line.split(":", 1)[0].removesuffix(".py").removesuffix("/__init__").replace("/", ".")
            errors.setdefault(module, []).append(line)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    unlisted = {m: e for m, e in errors.items() if m not in skipped}
    assert not unlisted, "mypy errors:\n" + "\n".join(line for e in unlisted.values() for line in e)
    assert not skipped - set(errors), f"clean now, take off [tool.mypy.overrides]: {sorted(skipped - set(errors))}"


def _third_party_imports(paths) -> set[str]:
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - LOCAL


def test_every_import_of_the_package_and_the_tests_is_declared():
    project = PYPROJECT["project"]
    declared = {
        _norm(re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0])
        for spec in project["dependencies"] + [s for extra in project["optional-dependencies"].values() for s in extra]
    }
    owners = packages_distributions()
    files = [*(ROOT / "graphmap").rglob("*.py"), *(ROOT / "tests").rglob("*.py"), ROOT / "conftest.py"]
    missing = {}
    for module in sorted(_third_party_imports(files)):
        dists = {_norm(d) for d in owners.get(module, [])}
        if not dists & declared:
            missing[module] = sorted(dists) or ["(not installed)"]
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
