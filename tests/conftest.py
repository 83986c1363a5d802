"""Shared fixtures. Browser fixtures live in browserlib.py, Neo4j fixtures in neo4jlib.py."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
ROOT = TESTS.parent

pytest_plugins = [name for name in ("browserlib", "neo4jlib") if (TESTS / f"{name}.py").exists()]


@pytest.fixture(scope="session")
def kg():
    """The bundled dataset, built and validated once per test session."""
    import graphmap
    return graphmap.build()
