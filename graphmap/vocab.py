"""The controlled vocabularies (SKOS schemes) as Python lookups, with "did you mean".

>>> from graphmap.vocab import vocabularies
>>> v = vocabularies()
>>> v.resolve("area", "Funk").notation
'funktionshinder'
>>> v.resolve("area", "funktionshindr") is None
True
>>> v.suggest("area", "funktionshindr")
['funktionshinder']
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from graphmap.ontology import GM, VOCAB


def fold(text: str) -> str:
    """Case- and space-insensitive key that keeps å, ä, ö (they are letters in Swedish).

    >>> fold("  Våld i nära  Relation ")
    'våld i nära relation'
    """
    text = unicodedata.normalize("NFC", text).casefold().strip()
    return " ".join(text.replace("_", " ").split())


def ascii_fold(text: str) -> str:
    """The same key with diacritics removed, for forgiving matches (``aldre`` finds ``äldre``)."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in fold(text)).split())


def similarity(query: str, choice: str, **_kwargs) -> float:
    """How well a typed ``query`` matches a name (0–250): forgiving of typos, word order,
    hyphens and acronyms. Used for every "did you mean".

    >>> similarity("FoU Fyrbodl", "FoU-Socialtjänst Fyrbodal") > similarity("FoU Fyrbodl", "FOU nu")
    True
    >>> similarity("skr", "Sveriges Kommuner och Regioner (SKR)") > similarity("skr", "Karlskrona")
    True
    >>> similarity("Upsala", "Uppsala") > similarity("Upsala", "Sala")
    True
    """
    from rapidfuzz import fuzz  # only for suggestions: not imported by commands that answer

    q, c = _words(query), _words(choice)
    if not q or not c:
        return 0.0
    bonus = 50.0 if set(q.split()) <= set(c.split()) else 0.0
    # a partial match is for part of a longer name ("fyrbodl" in "Fyrbodals kommunalförbund"),
    # not for a shorter name hidden inside what was typed ("Sala" inside "Upsala")
    partial = fuzz.partial_token_sort_ratio(q, c) if len(c) >= len(q) else fuzz.ratio(q, c)
    return fuzz.WRatio(q, c) + partial + bonus


#: the longest name a user may type anywhere (a parameter, a cell naming a concept or an actor): a longer
#: one is unknown at once, before any matching (a 15 KB name cost 1–2 s of "did you mean" per request)
MAX_NAME = 300


def beyond_any(query: str, choices) -> bool:
    """``query`` is longer than :data:`MAX_NAME`, or than twice the longest of ``choices``: nothing can
    be meant by it, and it is not matched.

    >>> beyond_any("x" * 40, ["Umeå", "Skellefteå"]), beyond_any("Skelleftea kommun", ["Umeå", "Skellefteå"])
    (True, False)
    """
    return len(query) > min(MAX_NAME, 2 * max(map(len, choices), default=0) + 10)


def best_matches(query: str, choices, limit: int = 3, cutoff: float = 130.0) -> list[str]:
    """The choices closest to ``query``, best first, keeping only those near the best (none for a
    query longer than any choice could be meant by: :func:`beyond_any`)."""
    from rapidfuzz import process

    choices = list(choices)
    if beyond_any(query, choices):
        return []
    hits = process.extract(query, choices, scorer=similarity, limit=limit, score_cutoff=cutoff)
    best = hits[0][1] if hits else 0
    return [h for h, score, _i in hits if score >= best - 10]


@dataclass(frozen=True)
class Concept:
    iri: URIRef
    scheme: str
    notation: str
    labels: dict = field(hash=False, compare=False)
    alt: tuple = ()
    broader: tuple = ()
    cls: URIRef | None = None
    prop: URIRef | None = None
    order: int = 0

    def label(self, lang: str = "sv") -> str:
        return self.labels.get(lang) or self.labels.get("sv") or self.notation


class Vocabularies:
    """All schemes, indexed by scheme slug (``area``, ``level`` …)."""

    def __init__(self, graph):
        self.schemes: dict[str, dict[str, Concept]] = {}
        self.by_iri: dict[URIRef, Concept] = {}
        self._keys: dict[str, dict[str, str]] = {}
        for c in graph.subjects(RDF.type, SKOS.Concept):
            scheme_iri = graph.value(c, SKOS.inScheme)
            scheme = str(scheme_iri)[len(str(VOCAB)) :]
            labels = {lit.language: str(lit) for lit in graph.objects(c, SKOS.prefLabel)}
            order = graph.value(c, GM.order)
            concept = Concept(
                iri=c,
                scheme=scheme,
                notation=str(graph.value(c, SKOS.notation)),
                labels=labels,
                alt=tuple(sorted(str(a) for a in graph.objects(c, SKOS.altLabel))),
                broader=tuple(sorted(graph.objects(c, SKOS.broader))),
                cls=graph.value(c, GM["class"]),
                prop=graph.value(c, GM.property),
                order=int(order) if isinstance(order, Literal) else 0,
            )
            self.schemes.setdefault(scheme, {})[concept.notation] = concept
            self.by_iri[c] = concept
        for scheme, concepts in self.schemes.items():
            keys: dict[str, str] = {}
            for c in concepts.values():
                for text in (c.notation, *c.labels.values(), *c.alt):
                    keys.setdefault(fold(text), c.notation)
                    keys.setdefault(ascii_fold(text), c.notation)
            self._keys[scheme] = keys

    def concepts(self, scheme: str) -> list[Concept]:
        """Concepts of a scheme in a stable order (``gm:order``, then notation)."""
        return sorted(self.schemes[scheme].values(), key=lambda c: (c.order, c.notation))

    def rank(self, scheme: str) -> dict[str, int]:
        """Concept IRI -> its ``gm:order``: for the confidence scheme, the weakest first (the one
        ordering every "weakest of" and "surest of" reads).

        >>> r = vocabularies().rank("confidence")
        >>> sorted(r, key=r.get)[0].rsplit("/", 1)[-1]
        'assumed'
        """
        return {str(c.iri): c.order for c in self.schemes[scheme].values()}

    def surest_first(self, scheme: str, codes) -> list[str]:
        """Notations of ``scheme`` (e.g. confidences) from the highest ``gm:order`` down; unknown
        ones last, by notation: the one order in which every output lists confidences.

        >>> vocabularies().surest_first("confidence", ["assumed", "stated", "reference"])
        ['reference', 'stated', 'assumed']
        """
        order = {c.notation: c.order for c in self.schemes[scheme].values()}
        return sorted(codes, key=lambda c: (c not in order, -order.get(c, 0), c))

    def shown_in_order(self, scheme: str) -> list[Concept]:
        """Concepts in the order people see them: ``gm:order``, then the Swedish label in Swedish
        alphabetical order (the gap matrix's rows and the report's areas, in both languages).

        >>> [c.label("sv") for c in vocabularies().shown_in_order("area")][-2:]
        ['Våld i nära relation', 'Äldre / vård och omsorg']
        """
        from graphmap.i18n import sv_sort_key

        return sorted(self.schemes[scheme].values(), key=lambda c: (c.order, sv_sort_key(c.label("sv")), c.notation))

    def resolve(self, scheme: str, text: str) -> Concept | None:
        """The concept whose notation, label or alternative label is ``text``, or None."""
        keys = self._keys[scheme]
        if len(text) > MAX_NAME:
            return None
        notation = keys.get(fold(text)) or keys.get(ascii_fold(text))
        return self.schemes[scheme][notation] if notation else None

    def suggest(self, scheme: str, text: str, limit: int = 3) -> list[str]:
        """The closest notations to a misspelt ``text`` (rapidfuzz, å/ä/ö-aware)."""
        from rapidfuzz import fuzz, process

        keys = self._keys[scheme]
        if beyond_any(text, keys):
            return []
        hits = process.extract(fold(text), list(keys), scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=60)
        out: list[str] = []
        best = hits[0][1] if hits else 0
        for key, _score, _ in hits:
            if _score < best - 10:
                break
            if keys[key] not in out:
                out.append(keys[key])
        return out[:limit]

    def label(self, iri, lang: str = "sv") -> str | None:
        c = self.by_iri.get(URIRef(str(iri)))
        return c.label(lang) if c else None


@lru_cache(maxsize=1)
def vocabularies() -> Vocabularies:
    """The project's vocabularies, loaded once."""
    from graphmap.ontology import ONTOLOGY_DIR
    from graphmap.terms import TripleIndex

    files = sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl"))  # as vocab_graph() reads them, without its rdflib Graph
    return Vocabularies(TripleIndex.parse(path.read_bytes() for path in files))
