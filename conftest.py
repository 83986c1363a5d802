"""Repository-level pytest setup (tests/conftest.py holds the fixtures).

The whole test run shares one build cache (``GRAPHMAP_CACHE_DIR`` in the run's temporary folder,
see :mod:`graphmap.buildcache`), never the user's own: commands answer from the last build of the
same tables as they do for a user, and a test that changes a table gets a rebuild, as a user does
(``tests/test_buildcache.py`` proves both, each test there with a cache of its own). Subprocesses a
test starts inherit the variable.

The package's doctests share one graph of the bundled data, built once per test process: ``kg`` in
every doctest's namespace. A docstring shows where it comes from with
``>>> kg = graphmap.build()  # doctest: +SKIP``; a doctest that changes a graph builds its own.
"""

import pytest
from _pytest.doctest import DoctestItem


@pytest.fixture(scope="session")
def _run_build_cache(tmp_path_factory):
    return str(tmp_path_factory.mktemp("graphmap-cache"))


@pytest.fixture(autouse=True)
def _shared_build_cache(_run_build_cache, monkeypatch):
    monkeypatch.setenv("GRAPHMAP_CACHE_DIR", _run_build_cache)


@pytest.fixture(scope="session")
def _bundled_graph():
    import graphmap

    return graphmap.build()


@pytest.fixture(autouse=True)
def _doctest_graph(request, doctest_namespace):
    # only a doctest builds it, so a run of test files alone never pays for it
    if isinstance(request.node, DoctestItem):
        doctest_namespace["kg"] = request.getfixturevalue("_bundled_graph")
