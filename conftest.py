"""Repository-level pytest setup (tests/conftest.py holds the fixtures).

Every test gets its own build cache (``GRAPHMAP_CACHE_DIR`` in its tmp_path, see
:mod:`graphmap.buildcache`), so no test reads a graph another test — or the user's own
``graphmap`` runs — left behind. Subprocesses a test starts inherit the variable.
"""
import pytest


@pytest.fixture(autouse=True)
def _own_build_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("GRAPHMAP_CACHE_DIR", str(tmp_path_factory.mktemp("graphmap-cache")))
