"""Labels for IRIs in Swedish or English, from the data graph and the ontology.

>>> from rdflib import Graph
>>> Labels(Graph()).label("https://w3id.org/graphmap/def#serves", "en")
'serves'
"""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDFS, SKOS

from graphmap.i18n import lang_key
from graphmap.ontology import GM, ID, curie, ontology_graph
from graphmap.vocab import vocabularies

ROUTE_SCHEME = "route"  # ontology/vocab/route.ttl: the route codes (coverage, national, member …)
PROPER_NAMES = (str(ID) + "actor/", str(ID) + "network/")
NAMES_LANG = "sv"  # the language organisations' names are written in (the data's own)
"""Actors and networks: their names are proper names, shown as the organisations write them (in
Swedish) in every language; the English name stays in the data (``name_en``)."""


class Labels:
    def __init__(self, graph: Graph):
        self._labels: dict[str, dict[str, str]] = {}
        self._inverse: dict[str, dict[str, str]] = {}
        for s, o in ontology_graph().subject_objects(GM.inverseLabel):
            self._inverse.setdefault(str(s), {})[getattr(o, "language", None) or ""] = str(o)
        for source in (ontology_graph(), graph):
            for pred in (RDFS.label, SKOS.prefLabel, DCTERMS.title, DCTERMS.description):
                for s, o in source.subject_objects(pred):
                    if isinstance(o, Literal):
                        text = str(o) if len(str(o)) <= 90 else str(o)[:87] + "…"
                        self._labels.setdefault(str(s), {}).setdefault(o.language or "", text)

    def to_json(self) -> dict:
        """The labels as JSON-ready dicts, kept with the build; :meth:`from_json` reads them back.

        >>> from rdflib import Graph
        >>> Labels.from_json(Labels(Graph()).to_json()).inverse("https://w3id.org/graphmap/def#serves", "en")
        'is covered by'
        """
        return {"labels": self._labels, "inverse": self._inverse}

    @classmethod
    def from_json(cls, data: dict) -> "Labels":
        self = cls.__new__(cls)
        self._labels, self._inverse = data["labels"], data["inverse"]
        return self

    def label(self, iri, lang: str = "sv") -> str:
        """The label in ``lang``; an actor's or a network's name is a proper name and stays Swedish.

        >>> from rdflib import Graph, Literal, URIRef
        >>> from rdflib.namespace import SKOS
        >>> g = Graph()
        >>> fou = URIRef(PROPER_NAMES[0] + "fou-x")
        >>> _ = g.add((fou, SKOS.prefLabel, Literal("FoU Socialtjänst", lang="sv")))
        >>> _ = g.add((fou, SKOS.prefLabel, Literal("R&D Social Services", lang="en")))
        >>> Labels(g).label(fou, "en")
        'FoU Socialtjänst'
        """
        if iri is None:
            return ""
        if str(iri).startswith(PROPER_NAMES):
            lang = NAMES_LANG
        labels = self._labels.get(str(iri))
        if not labels:
            text = str(iri)
            return text.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if "://" in text else text
        return labels.get(lang) or labels.get("sv") or labels.get("") or next(iter(labels.values()))

    def inverse(self, iri, lang: str = "sv") -> str:
        """How the relation ``iri`` reads from its object to its subject (``gm:inverseLabel``).

        >>> from rdflib import Graph
        >>> Labels(Graph()).inverse("https://w3id.org/graphmap/def#serves"), Labels(Graph()).inverse("https://w3id.org/graphmap/def#serves", "en")
        ('täcks av', 'is covered by')
        """
        labels = self._inverse.get(str(iri))
        return (labels.get(lang) or labels.get("sv") or "") if labels else self.label(iri, lang)

    @staticmethod
    def route(code, lang: str = "sv") -> str:
        """The label of a route code (``coverage`` → "täcker kommunen") from the route vocabulary.

        >>> Labels.route("coverage", "sv"), Labels.route("coverage", "en"), Labels.route("elsewhere")
        ('täcker kommunen', 'covers the municipality', 'elsewhere')
        """
        concept = vocabularies().schemes[ROUTE_SCHEME].get(str(code))
        return concept.label(lang_key(lang)) if concept is not None else str(code or "")


__all__ = ["Labels", "PROPER_NAMES", "ROUTE_SCHEME", "curie"]
