"""Where the files graphmap ships are: the ontology, the vocabularies, the reference tables and the
bundled data.

An installed wheel carries them as package data under ``graphmap/share/`` (``setup.py`` copies the
checkout's ``data/`` and ``ontology/`` there), found with :mod:`importlib.resources`; a checkout (or
an editable install) reads the folders beside the package. Nothing here is ever written: what a
user makes lives in the workspace (:mod:`graphmap.workspace`).

>>> (shipped("ontology") / "graphmap.ttl").is_file()
True
>>> sorted(p.name for p in shipped("data").iterdir() if p.is_dir())[:3]
['landscape', 'reference', 'regions']
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

#: the folders shipped with graphmap (a checkout's top-level folders, a wheel's ``graphmap/share/*``)
SHIPPED = ("data", "ontology")
CHECKOUT = Path(__file__).resolve().parent.parent


def shipped(name: str) -> Path:
    """The folder ``name`` (one of :data:`SHIPPED`) as shipped: the package data of an installed
    wheel, else the checkout's folder of that name."""
    if name not in SHIPPED:
        raise ValueError(f"not a shipped folder: {name!r}")
    packaged = resources.files("graphmap") / "share" / name
    if packaged.is_dir():
        # a wheel is installed unpacked on the file system, so the resource is a real folder
        return Path(os.fspath(packaged))  # type: ignore[call-overload]
    return CHECKOUT / name


__all__ = ["CHECKOUT", "SHIPPED", "shipped"]
