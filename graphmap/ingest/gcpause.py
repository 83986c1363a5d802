"""Pausing Python's cyclic garbage collector while millions of small objects are built."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused_gc():
    """Pause Python's cyclic garbage collector while building many small objects.

    Ingest creates millions of tuples, dicts and terms and frees none; with the collector on,
    its full passes over the growing heap made ingest grow faster than linearly (18 s instead
    of 3.6 s at a million triples). Reference counting still frees everything as usual.
    The collector is turned back on afterwards only if it was on before, so pauses nest.

    >>> with paused_gc():
    ...     with paused_gc():
    ...         pass
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


__all__ = ["paused_gc"]
