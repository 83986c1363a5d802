"""The web app's answer cache: least recently used, bounded in entries and in bytes.

The served graph never changes, so maps, query answers and tables are kept once computed. The
key must be the *resolved* request (IRIs, codes, the page's language), never what the client
typed: 360 spellings of one area are one map. The bound in bytes holds whatever the keys.

>>> cache = BoundedCache(max_entries=2, max_bytes=10)
>>> cache.get_or_make("a", lambda: "aaaa", size=len), cache.get_or_make("b", lambda: "bbbb", size=len)
('aaaa', 'bbbb')
>>> cache.get_or_make("a", lambda: "never made", size=len)  # a hit, and now the most recent
'aaaa'
>>> cache.get_or_make("c", lambda: "cccc", size=len)         # over 10 bytes: "b" goes
'cccc'
>>> sorted(cache.keys()), cache.bytes
(['a', 'c'], 8)
>>> len(cache.get_or_make("d", lambda: "d" * 50, size=len))  # larger than the bound: not kept
50
>>> sorted(cache.keys())
['a', 'c']
"""

from __future__ import annotations

import functools
import sys
import threading
from collections import OrderedDict


def text_size(value) -> int:
    """Bytes a value of the cache holds, roughly: its own size, and for a table the size of its cells."""
    rows = getattr(value, "rows", None)
    if isinstance(rows, list):
        return sys.getsizeof(value) + sum(_row_size(row) for row in rows)
    return sys.getsizeof(value)


def _row_size(row) -> int:
    values = row.values() if isinstance(row, dict) else row
    return sys.getsizeof(row) + sum(sys.getsizeof(getattr(v, "text", v)) + 64 for v in values)


class BoundedCache:
    """A thread-safe LRU mapping holding at most ``max_entries`` values of ``max_bytes`` in all."""

    def __init__(self, max_entries: int = 1024, max_bytes: int = 256_000_000):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.bytes = 0
        self._items: OrderedDict = OrderedDict()  # key -> (value, size)
        self._lock = threading.Lock()

    def keys(self) -> list:
        with self._lock:
            return list(self._items)

    def get_or_make(self, key, make, size=text_size):
        """The value kept for ``key``, or ``make()`` (kept when it fits the bound)."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key][0]
        value = make()  # outside the lock: two threads may make the same value, neither waits
        cost = size(value)
        if cost > self.max_bytes:
            return value
        with self._lock:
            if key in self._items:
                self.bytes -= self._items.pop(key)[1]
            self._items[key] = (value, cost)
            self.bytes += cost
            while self._items and (self.bytes > self.max_bytes or len(self._items) > self.max_entries):
                _old, (_value, old_cost) = self._items.popitem(last=False)
                self.bytes -= old_cost
        return value


__all__ = ["BoundedCache", "text_size"]


def per_instance_cache(maxsize: int):
    """:func:`functools.lru_cache` for a method, one cache per object, kept on the object: it goes
    when the object goes (a class-level ``lru_cache`` on a method holds every object it has seen,
    and with it a whole served graph, until its entries are pushed out).

    >>> class Site:
    ...     calls = 0
    ...     @per_instance_cache(maxsize=2)
    ...     def double(self, x):
    ...         self.calls += 1
    ...         return 2 * x
    >>> a, b = Site(), Site()
    >>> a.double(3), a.double(3), b.double(3), a.calls, b.calls
    (6, 6, 6, 1, 1)
    >>> import gc, weakref
    >>> gone = weakref.ref(a); del a; _ = gc.collect(); gone() is None
    True
    """

    def decorate(method):
        slot = f"_cache_{method.__name__}"

        @functools.wraps(method)
        def cached(self, *args, **kwargs):
            cache = self.__dict__.get(slot)
            if cache is None:
                cache = self.__dict__[slot] = functools.lru_cache(maxsize=maxsize)(functools.partial(method, self))
            return cache(*args, **kwargs)

        return cached

    return decorate
