"""User-facing texts of the yearly mapping round (graphmap.round): keys start with ``round.``.

A section of :mod:`graphmap.i18n.catalogue`, kept in its own file; the catalogue merges it.
"""
from __future__ import annotations

ROUND: dict[str, tuple[str, str]] = {
}
