"""Where what a user makes goes: the workspace.

A round's folder (``graphmap round start``), the record of the source checks and every output
named by a relative path belong to the user, never to the installed package or the checkout.
The workspace is ``$GRAPHMAP_WORKSPACE`` when set, else the current directory; the command line's
``graphmap --workspace DIR`` sets it and runs as if started in ``DIR`` (as ``git -C`` does).

>>> import os, tempfile
>>> os.environ["GRAPHMAP_WORKSPACE"] = folder = tempfile.mkdtemp()
>>> rounds_dir() == Path(folder) / "rounds"
True
>>> del os.environ["GRAPHMAP_WORKSPACE"]
>>> workspace() == Path.cwd()
True
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "GRAPHMAP_WORKSPACE"


def workspace() -> Path:
    """The workspace: ``$GRAPHMAP_WORKSPACE`` (``~`` expanded) or the current directory."""
    env = os.environ.get(ENV, "").strip()
    return Path(env).expanduser().resolve() if env else Path.cwd()


def rounds_dir() -> Path:
    """The workspace's mapping rounds, one folder per round (``graphmap round start`` makes them
    here; the default build lays their answers on the bundled facts)."""
    return workspace() / "rounds"


def source_checks_file() -> Path:
    """The workspace's record of the last source check (``graphmap sources check``)."""
    return workspace() / "source-checks.json"


def enter(folder: Path) -> Path:
    """Make ``folder`` (created if missing) the workspace of this process and its current
    directory; return it as an absolute path."""
    folder = Path(folder).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    os.chdir(folder)
    os.environ[ENV] = str(folder)
    return folder


__all__ = ["ENV", "enter", "rounds_dir", "source_checks_file", "workspace"]
