"""What a reference in a cell can point to: actors, networks, municipalities, counties, and
per-dataset sources and posts; with "did you mean" suggestions for unknown values.

A suggestion compares the value with every candidate, so each is computed once per value and
candidate set (5,000 cells with the same misspelling cost one), and suggestions stop once
:data:`MAX_COMPARED` comparisons have been made: however many different misspellings a table has,
ingest stays linear in its rows (later values get the plain fix).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import URIRef

from graphmap.ontology import actor_iri, kommun_iri, lan_iri, network_iri, record_iri
from graphmap.vocab import ascii_fold, best_matches, fold

#: the most comparisons of a value with a candidate that "did you mean" makes in one ingest (about
#: five seconds' work): 1,600 misspelt municipalities, or 16 misspelt references among 30,000 actors
MAX_COMPARED = 500_000


@dataclass
class Definition:
    dataset: str
    label: str
    row: int
    iri: URIRef
    raw: dict = field(default_factory=dict)


class Registry:
    def __init__(self):
        self.municipalities: dict[str, tuple[str, str]] = {}  # code -> (name, county code)
        self.counties: dict[str, str] = {}  # code -> name
        self._place_names: dict[str, str] = {}  # folded name -> code
        self.actors: dict[str, Definition] = {}
        self.networks: dict[str, Definition] = {}
        self.local: dict[tuple[str, str], dict[str, Definition]] = {}  # (dataset, table) -> id -> def
        self._suggested: dict[tuple, list[str]] = {}  # (value, candidate set) -> suggestions
        self._compared = 0  # comparisons made so far (MAX_COMPARED)

    # --- geography
    def add_municipality(self, code: str, name: str, county: str) -> None:
        self.municipalities[code] = (name, county)
        self._suggested.clear()  # the candidates changed
        for key in (fold(name), ascii_fold(name)):
            self._place_names.setdefault(key, code)

    def add_county(self, code: str, name: str) -> None:
        self.counties[code] = name
        self._suggested.clear()
        for key in (fold(name), ascii_fold(name)):
            self._place_names.setdefault(key, code)

    def municipalities_in(self, county: str) -> list[str]:
        return sorted(code for code, (_n, c) in self.municipalities.items() if c == county)

    def place(self, value: str) -> tuple[URIRef | None, str | None, str | None]:
        """(IRI, code, padded-from) for a municipality/county code or name, or (None, None, None)."""
        text = value.strip()
        if text.endswith(".0"):
            text = text[:-2]
        if re.fullmatch(r"\d{1,4}", text):
            padded = None
            if len(text) in (1, 3):
                padded, text = text, text.zfill(len(text) + 1)
            if len(text) == 4 and text in self.municipalities:
                return kommun_iri(text), text, padded
            if len(text) == 2 and text in self.counties:
                return lan_iri(text), text, padded
            return None, None, None
        code = self._place_names.get(fold(text)) or self._place_names.get(ascii_fold(text))
        if code is None:
            return None, None, None
        return (kommun_iri(code) if len(code) == 4 else lan_iri(code)), code, None

    def place_suggestions(self, value: str) -> list[str]:
        def candidates():
            names = {**{n: c for c, (n, _x) in self.municipalities.items()}, **{n: c for c, n in self.counties.items()}}
            return {name: f"{code} ({name})" for name, code in names.items()}

        return self._suggest((value, "places"), value, candidates)

    def _suggest(self, key: tuple, value: str, candidates) -> list[str]:
        """The closest of ``candidates()`` (a dict: candidate -> as shown), once per key, while
        fewer than MAX_COMPARED comparisons have been made; after that []."""
        hit = self._suggested.get(key)
        if hit is None:
            if self._compared >= MAX_COMPARED:
                return []
            shown = candidates()
            self._compared += len(shown)
            hit = self._suggested[key] = [shown[h] for h in best_matches(value, shown)]
        return hit

    # --- identifiers
    def define(self, table: str, dataset: str, ident: str, label: str, row: int, raw: dict) -> Definition | None:
        """Register an id; return the earlier definition when there is one (same dataset = duplicate)."""
        if table == "actors":
            book, iri = self.actors, actor_iri(ident)
        elif table == "networks":
            book, iri = self.networks, network_iri(ident)
        else:
            book, iri = self.local.setdefault((dataset, table), {}), record_iri(dataset, table, ident)
        if ident in book:
            return book[ident]
        book[ident] = Definition(dataset, label, row, iri, raw)
        self._suggested.clear()
        return None

    def ref(self, value: str, targets: tuple[str, ...], dataset: str) -> tuple[URIRef | None, str | None]:
        """Resolve a reference; returns (IRI, padded-from) or (None, None)."""
        for target in targets:
            if target == "actors" and value in self.actors:
                return self.actors[value].iri, None
            if target == "networks" and value in self.networks:
                return self.networks[value].iri, None
            if target == "kommun":
                iri, code, padded = self.place(value)
                if iri is not None and code is not None and len(code) == 4:
                    return iri, padded
            if target in ("sources", "posts", "rounds"):
                book = self.local.get((dataset, target), {})
                if value in book:
                    return book[value].iri, None
        return None, None

    def ref_suggestions(self, value: str, targets: tuple[str, ...], dataset: str) -> list[str]:
        def candidates():
            choices: dict[str, str] = {}
            for target in targets:
                if target == "actors":
                    names = self.actors
                elif target == "networks":
                    names = self.networks
                elif target == "kommun":
                    names = [n for n, _c in self.municipalities.values()]
                else:
                    names = self.local.get((dataset, target), {})
                choices.update((n, n) for n in names if n not in choices)
            return choices

        return self._suggest((value, targets, dataset), value, candidates)
