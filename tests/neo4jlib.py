"""A real Neo4j for the tests (loaded by conftest.py as a pytest plugin).

* ``neo4j_settings`` (session): connection settings. With ``NEO4J_URI`` set, that server is
  used (user/password from ``NEO4J_USER``/``NEO4J_PASSWORD``); otherwise a private server is
  started with ``tools/neo4j/start.sh`` in its own home under the session's tmp directory on
  free ports, and stopped at the end.
* ``neo4j_conn`` (session): a verified :class:`graphmap.neo4j.Connection`.
* ``LocalNeo4j``: start/stop one more private server (tests that stop a server use their own).

If Neo4j cannot be started the tests are skipped, or FAIL when ``CI=true``.
"""

from __future__ import annotations

import os
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools" / "neo4j"
PASSWORD = "graphmap-test"

__all__ = ["LocalNeo4j", "free_port", "neo4j_missing", "neo4j_settings", "neo4j_conn"]


def neo4j_missing(reason: str):
    """Skip for a missing Neo4j, or fail when CI=true."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"Neo4j required in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LocalNeo4j:
    """A private Neo4j server started by tools/neo4j/start.sh."""

    home: Path
    bolt_port: int = 0
    http_port: int = 0

    def __post_init__(self):
        self.bolt_port = self.bolt_port or free_port()
        self.http_port = self.http_port or free_port()

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def env(self) -> dict:
        return {
            **os.environ,
            "NEO4J_HOME_DIR": str(self.home),
            "NEO4J_BOLT_PORT": str(self.bolt_port),
            "NEO4J_HTTP_PORT": str(self.http_port),
            "NEO4J_PASSWORD": PASSWORD,
        }

    def start(self) -> None:
        proc = subprocess.run([str(TOOLS / "start.sh")], env=self.env(), capture_output=True, text=True, timeout=240)
        if proc.returncode != 0:
            raise RuntimeError(f"tools/neo4j/start.sh failed ({proc.returncode}): {proc.stderr[-2000:]}")

    def stop(self) -> None:
        subprocess.run([str(TOOLS / "stop.sh")], env=self.env(), capture_output=True, text=True, timeout=120)

    def settings(self, retry_seconds: float = 15.0):
        from graphmap.neo4j import Settings

        return Settings(uri=self.uri, user="neo4j", password=PASSWORD, retry_seconds=retry_seconds)

    @classmethod
    def started(cls, home: Path) -> "LocalNeo4j":
        server = cls(home)
        try:
            server.start()
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
            server.stop()
            neo4j_missing(str(exc))
        return server


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory):
    try:
        import neo4j  # noqa: F401
    except ImportError:
        neo4j_missing("the neo4j driver is not installed (pip install graphmap[neo4j])")
    from graphmap.neo4j import Settings

    if os.environ.get("NEO4J_URI"):
        yield Settings.from_env()
        return
    server = LocalNeo4j.started(tmp_path_factory.mktemp("neo4j-home"))
    try:
        yield server.settings()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def neo4j_conn(neo4j_settings):
    from graphmap.neo4j import Neo4jUnavailable, connect

    try:
        conn = connect(neo4j_settings)
    except Neo4jUnavailable as exc:
        neo4j_missing(exc.message("en"))
    with conn:
        yield conn
