"""Search over actors, networks, areas and municipalities: forgiving about å/ä/ö,
case and small misspellings (rapidfuzz on diacritic-folded names).

>>> index = SearchIndex([Entry("Fyrbodals kommunalförbund", "actor", "/a"), Entry("Umeå", "kommun", "/k")])
>>> [e.label for e in index.search("fyrbodl")]
['Fyrbodals kommunalförbund']
>>> [e.label for e in index.search("umea")]
['Umeå']
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from graphmap.ontology import REFERENCE_DIR
from graphmap.vocab import ascii_fold

#: the main town (centralort) of each municipality whose name differs from it (``README.md`` beside it)
MAIN_TOWNS = Path(REFERENCE_DIR) / "search" / "centralorter.csv"


@lru_cache(maxsize=1)
def main_towns() -> dict[str, str]:
    """Municipality code -> its main town, where the town's name is not the municipality's.

    >>> main_towns()["0980"]
    'Visby'
    """
    with open(MAIN_TOWNS, encoding="utf-8", newline="") as f:
        return {r["kommunkod"]: r["centralort"] for r in csv.DictReader(f)}


@dataclass(frozen=True)
class Entry:
    label: str
    kind: str
    url: str
    names: tuple = field(default=(), compare=False)


class SearchIndex:
    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._keys: list[str] = []
        self._owner: list[int] = []
        for i, entry in enumerate(entries):
            for name in dict.fromkeys((entry.label, *entry.names)):
                if name:
                    self._keys.append(ascii_fold(name))
                    self._owner.append(i)

    def search(self, text: str, limit: int = 10) -> list[Entry]:
        """Best matches first: names containing the text, then fuzzy matches (score ≥ 70)."""
        q = ascii_fold((text or "")[:100])[:100]  # cut before folding: a 1 MB text costs nothing
        if not q:
            return []
        scores: dict[int, float] = {}
        for key, owner in zip(self._keys, self._owner):
            if key.startswith(q) or f" {q}" in key:
                scores[owner] = max(scores.get(owner, 0), 200 - len(key) / 100)
            elif q in key:
                scores[owner] = max(scores.get(owner, 0), 150 - len(key) / 100)
        if len(q) >= 3:
            hits = process.extract(q, self._keys, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=70)
            for _key, score, idx in hits:
                owner = self._owner[idx]
                scores[owner] = max(scores.get(owner, 0), score)
        ranked = sorted(scores, key=lambda i: (-scores[i], self.entries[i].label))
        return [self.entries[i] for i in ranked[:limit]]
