"""Connecting to Neo4j: settings from the environment, clear one-line errors.

The password is read from ``NEO4J_PASSWORD`` only (never from a command-line argument).

>>> s = Settings.from_env({"NEO4J_URI": "bolt://db:7687", "NEO4J_USER": "kim", "NEO4J_PASSWORD": "x"})
>>> (s.uri, s.user, s.database)
('bolt://db:7687', 'kim', None)
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_URI = "bolt://127.0.0.1:7687"
MIN_VERSION = (5, 23)  # chain.cypher's CALL (x) { … } scope clause came in 5.23


class Neo4jUnavailable(RuntimeError):
    """The server cannot be used: unreachable, wrong credentials, too old. ``message(lang)`` is one line."""

    def __init__(self, code: str, detail: str = ""):
        self.code, self.detail = code, detail
        super().__init__(f"{code}: {detail}")

    def message(self, lang: str = "sv") -> str:
        from graphmap.i18n import t

        return t(f"neo4j.{self.code}", lang, d=self.detail)


@dataclass(frozen=True)
class Settings:
    uri: str = DEFAULT_URI
    user: str = "neo4j"
    password: str = ""
    database: str | None = None
    retry_seconds: float = 15.0  # how long managed transactions retry on transient errors

    @classmethod
    def from_env(cls, env=None, uri: str | None = None) -> "Settings":
        env = os.environ if env is None else env
        return cls(
            uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
            user=env.get("NEO4J_USER") or "neo4j",
            password=env.get("NEO4J_PASSWORD") or "",
            database=env.get("NEO4J_DATABASE") or None,
        )


class Connection:
    """A verified driver plus the server version. Use as a context manager."""

    def __init__(self, driver, settings: Settings, version: str, edition: str):
        self.driver, self.settings, self.version, self.edition = driver, settings, version, edition

    def session(self, **kw):
        if self.settings.database:
            kw.setdefault("database", self.settings.database)
        return self.driver.session(**kw)

    def read(self, cypher: str, **params) -> list[dict]:
        """Run one read query in a managed transaction and return its records as dicts."""
        with self.session() as s:
            return s.execute_read(lambda tx: [r.data() for r in tx.run(cypher, params)])

    def write(self, cypher: str, **params) -> list[dict]:
        with self.session() as s:
            return s.execute_write(lambda tx: [r.data() for r in tx.run(cypher, params)])

    def close(self) -> None:
        self.driver.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def connect(settings: Settings | None = None, *, timeout: float = 10.0) -> Connection:
    """Open and verify a connection; raise :class:`Neo4jUnavailable` with a readable reason."""
    import neo4j
    from neo4j import exceptions as nx

    settings = settings or Settings.from_env()
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            connection_timeout=timeout,
            max_transaction_retry_time=settings.retry_seconds,
            notifications_min_severity="OFF",
        )
    except (ValueError, nx.ConfigurationError) as exc:
        raise Neo4jUnavailable("uri", settings.uri) from exc
    try:
        # an auto-commit query: no retries, so an unreachable server fails at once
        with driver.session(database=settings.database) as session:
            rows = [
                r.data()
                for r in session.run(
                    "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition"
                )
            ]
    except nx.AuthError as exc:
        driver.close()
        raise Neo4jUnavailable("auth", settings.user) from exc
    except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as exc:
        driver.close()
        raise Neo4jUnavailable("unreachable", settings.uri) from exc
    except nx.Neo4jError as exc:
        driver.close()
        raise Neo4jUnavailable("failed", exc.message or str(exc)) from exc
    version, edition = rows[0]["version"], rows[0]["edition"]
    if not supported(version):
        driver.close()
        raise Neo4jUnavailable("version", version)
    return Connection(driver, settings, version, edition)


def supported(version: str) -> bool:
    """True for Neo4j 5.23 and later (including calendar versions such as 2025.01).

    >>> supported("5.26.31"), supported("5.20.0"), supported("4.4.2"), supported("2025.01.0")
    (True, False, False, True)
    """
    return at_least(version, MIN_VERSION)


def at_least(version: str, minimum: tuple[int, int]) -> bool:
    """True when a server ``version`` ("5.26.31", "2025.06.0") is ``minimum`` (major, minor) or later.

    >>> at_least("5.26.31", (5, 26)), at_least("5.20.0", (5, 26)), at_least("5", (5, 0))
    (True, False, False)
    """
    try:
        major, minor = (int(part) for part in str(version).split(".")[:2])
    except ValueError:
        return False
    return (major, minor) >= minimum
