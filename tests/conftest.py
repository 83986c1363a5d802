"""Shared fixtures. Browser fixtures live in browserlib.py, Neo4j fixtures in neo4jlib.py, shared
helpers (regions, hostile values, waiting for the map) in helpers.py.

Every test that uses a Neo4j fixture is marked ``neo4j`` and every test that uses a browser
fixture is marked ``browser`` here, so ``pytest -m 'not neo4j and not browser'`` runs the fast
tests only. A test that starts its own server or browser without those fixtures carries the
marker itself (``@pytest.mark.neo4j``); collection stops if it does not, or if a test module
imports another test module."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
ROOT = TESTS.parent

pytest_plugins = [name for name in ("browserlib", "neo4jlib") if (TESTS / f"{name}.py").exists()]

# fixtures that need a running Neo4j server / headless Chromium; item.fixturenames is the closure,
# so fixtures built on these (bundled_push, neo4j_kg …) count too
NEO4J_FIXTURES = frozenset({"neo4j_settings", "neo4j_conn"})
BROWSER_FIXTURES = frozenset({"browser", "open_page"})


# names in a test's own source that mean it starts a server/browser itself: it must carry the marker
OWN_SERVER = {"neo4j": ("LocalNeo4j",), "browser": ("sync_playwright", "chromium.launch")}


def _unmarked_own_server(item) -> list[str]:
    """Markers a test needs by its source (it starts a server/browser itself) but does not carry."""
    import inspect

    try:
        source = inspect.getsource(item.function)
    except (AttributeError, OSError, TypeError):
        return []
    return [
        mark
        for mark, names in OWN_SERVER.items()
        if any(n in source for n in names) and item.get_closest_marker(mark) is None
    ]


# shared helpers live in helpers.py: a test module that imports another one ties the two together
# (its imports, module-level setup and fixtures come along, and a rename there breaks this one)
IMPORTS_A_TEST = re.compile(r"^\s*(?:from|import)\s+test_\w+", re.M)


def pytest_collection_modifyitems(config, items):
    missing = []
    for path in sorted({item.path for item in items if item.path.name.startswith("test_")}):
        if IMPORTS_A_TEST.search(path.read_text(encoding="utf-8")):
            missing.append(f"{path.name}: imports another test file; move what it shares to tests/helpers.py")
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & NEO4J_FIXTURES:
            item.add_marker(pytest.mark.neo4j)
        if item.get_closest_marker("neo4j") is not None and not any(
            m.args[:1] == ("neo4j",) for m in item.iter_markers("xdist_group")
        ):
            # one Neo4j server and its datasets: the two pytest-xdist workers of scripts/test.sh must
            # not push at the same time, so every Neo4j test runs in one worker
            missing.append(f"{item.nodeid}: add pytestmark = pytest.mark.xdist_group(\"neo4j\") to its module")
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        missing += [f"{item.nodeid}: add @pytest.mark.{mark}" for mark in _unmarked_own_server(item)]
    if missing:
        raise pytest.UsageError("tests/ rules (see tests/README.md):\n  " + "\n  ".join(missing))


@pytest.fixture(scope="session")
def kg(_bundled_graph):
    """The bundled dataset, built and validated once per test process: the graph the doctests get as
    ``kg`` (the repository's conftest.py). Tests read it; a test that changes a graph builds its own."""
    return _bundled_graph


@pytest.fixture(scope="session")
def seed_kg():
    """The seed regions alone (data/regions: what the five seed documents say), built once per session:
    for the tests that check what the seeds imply, without the national reference layer."""
    import graphmap
    from graphmap.ontology import REGIONS_DIR

    return graphmap.build([REGIONS_DIR])


@pytest.fixture(scope="module")
def web(kg):
    """The web app over the bundled data on a real uvicorn server (a free loopback port), one per
    module: ``web.url`` for the browser, ``web.http`` an httpx client on it (long time limit: the
    first answers are computed on a loaded machine)."""
    import httpx

    from graphmap.serve.live import LiveServer, create_app

    with LiveServer(create_app(kg)) as live, httpx.Client(base_url=live.url, timeout=180) as client:
        live.http = client
        yield live
