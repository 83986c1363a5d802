"""Turn what a user types (a name, a code, a misspelling) into the IRI a query binds,
or a clear "unknown, did you mean …" error.

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> kg.resolver.resolve("kommun", "umea")
rdflib.term.URIRef('https://w3id.org/graphmap/id/kommun/2480')
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from graphmap.i18n import t
from graphmap.ontology import GM, ID, ORG, actor_iri, kommun_iri, lan_iri, network_iri
from graphmap.problems import echo
from graphmap.vocab import MAX_NAME, ascii_fold, best_matches, fold, vocabularies


_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


class UnknownName(ValueError):
    """A parameter value that matches nothing; ``suggestions`` holds the closest valid ones."""

    def __init__(self, param: str, value: str, suggestions: list[str]):
        self.param, self.value, self.suggestions = param, value, suggestions
        super().__init__(f"unknown {param}: {value!r}")

    def message(self, lang: str = "sv") -> str:
        text = t("error.unknown_value", lang, param=self.param, value=echo(self.value))
        return text + (
            " " + t("error.did_you_mean", lang, names=", ".join(self.suggestions)) if self.suggestions else ""
        )


class Resolver:
    def __init__(self, graph):
        self.vocab = vocabularies()
        self.kommuner: dict[str, str] = {}  # key -> code
        self.lan: dict[str, str] = {}
        self.county_names: dict[str, str] = {}  # code -> the county's name as written ("Jämtlands län")
        self.actors: dict[str, URIRef] = {}  # key -> IRI (actors, networks, municipalities)
        self.names: dict[str, str] = {}  # display name -> key for suggestions
        self.display: dict[str, str] = {}  # folded key -> name as written
        self._labels: dict[URIRef, str] = {}  # actor/network IRI -> its Swedish name (for notes)
        #: what has a page of its own, by the key in its address: municipalities and counties by SCB
        #: code, actors and networks by slug (the web app's links and search read these)
        self.pages: dict[str, dict[str, URIRef]] = {"kommun": {}, "lan": {}, "actor": {}, "network": {}}
        for m in graph.subjects(RDF.type, GM.Municipality):
            code = str(graph.value(m, GM.scbCode))
            name = str(graph.value(m, SKOS.prefLabel))
            self._add(self.kommuner, (code, name), code)
            self.pages["kommun"][code] = m
        for c in graph.subjects(RDF.type, GM.County):
            code = str(graph.value(c, GM.scbCode))
            name = str(graph.value(c, SKOS.prefLabel))
            short = name[:-5] if name.endswith("s län") else name[:-4] if name.endswith(" län") else name
            self._add(self.lan, (code, name, short), code)  # "Västerbotten" finds "Västerbottens län"
            self.county_names[code] = name
            self.pages["lan"][code] = c
        for cls in (GM.Actor, ORG.OrganizationalCollaboration):
            for s in graph.subjects(RDF.type, cls):
                slug = str(s).rsplit("/", 1)[-1]
                for kind in ("actor", "network"):
                    if str(s) == str(ID) + f"{kind}/{slug}" and (s, RDF.type, GM.Municipality) not in graph:
                        self.pages[kind][slug] = s
                keys = [slug] + [str(o) for o in graph.objects(s, SKOS.prefLabel) if isinstance(o, Literal)]
                self._add(self.actors, keys, s)
                for o in graph.objects(s, SKOS.prefLabel):
                    if getattr(o, "language", None) in ("sv", None):
                        self.names[str(o)] = slug
                        self._labels[s] = str(o)
        # the name an organisation uses for itself, without the qualifier the data adds to tell it
        # apart ("FoU Socialtjänst (Västerbotten)" -> "FoU Socialtjänst"), when no other name is that
        own: dict[str, set] = {}
        for iri, name in self._labels.items():
            base = _QUALIFIER.sub("", name)
            if base != name:
                own.setdefault(fold(base), set()).add(iri)
        self.shared: dict[str, list[str]] = {}  # an own name two organisations use -> both, to choose from
        for key, iris in own.items():
            if self._find(self.actors, key) is not None:
                continue
            if len(iris) == 1:
                self._add(self.actors, [key], next(iter(iris)))
            else:
                self.shared[key] = sorted(f"{self._labels[i]} ({i.rsplit('/', 1)[-1]})" for i in iris)

        # former names (org:ChangeEvent gm:formerName -> org:resultingOrganization) lead to the current
        # organisation; a name someone carries today wins ("FoU Välfärd" is the association's name now)
        self.former: dict[str, tuple[str, URIRef, str]] = {}  # folded old name -> (as written, IRI, when)
        for event in graph.subjects(RDF.type, ORG.ChangeEvent):
            results = list(graph.objects(event, ORG.resultingOrganization))
            if len(results) != 1:
                continue
            when = str(graph.value(event, GM.changedOn) or "")
            for old in graph.objects(event, GM.formerName):
                name = str(old)
                if self._find(self.actors, name) is None:
                    self._add(self.actors, [name], results[0])
                self.former.setdefault(fold(name), (name, results[0], when))

    #: what the index holds: kept with the build (:mod:`graphmap.buildcache`) so that a command
    #: resolves names without reading the graph
    BOOKS = ("kommuner", "lan", "county_names", "actors", "names", "display", "_labels", "shared", "former")

    def to_json(self) -> dict:
        """The name index as JSON-ready dicts (IRIs as text); :meth:`from_json` reads it back.

        >>> import graphmap
        >>> kg = graphmap.build()  # doctest: +SKIP
        >>> r = kg.resolver
        >>> back = Resolver.from_json(r.to_json())
        >>> back.resolve("actor", "FoU Socialtjänst (Västerbotten)") == r.resolve("actor", "FoU Socialtjänst (Västerbotten)")
        True
        >>> {b: getattr(back, b) == getattr(r, b) for b in Resolver.BOOKS + ("pages",)} == {b: True for b in Resolver.BOOKS + ("pages",)}
        True
        """
        data = {book: dict(getattr(self, book)) for book in self.BOOKS}
        data["actors"] = {k: str(v) for k, v in self.actors.items()}
        data["_labels"] = {str(k): v for k, v in self._labels.items()}
        data["former"] = {k: [name, str(iri), when] for k, (name, iri, when) in self.former.items()}
        data["pages"] = {kind: {k: str(v) for k, v in book.items()} for kind, book in self.pages.items()}
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Resolver":
        self = cls.__new__(cls)
        self.vocab = vocabularies()
        for book in cls.BOOKS:
            setattr(self, book, dict(data[book]))
        self.actors = {k: URIRef(v) for k, v in data["actors"].items()}
        self._labels = {URIRef(k): v for k, v in data["_labels"].items()}
        self.former = {k: (name, URIRef(iri), when) for k, (name, iri, when) in data["former"].items()}
        self.pages = {kind: {k: URIRef(v) for k, v in book.items()} for kind, book in data["pages"].items()}
        return self

    def note(self, ptype: str, text: str, lang: str = "sv") -> str | None:
        """What a user should know about how ``text`` was resolved: that it is a former name, and of
        what (``None`` when there is nothing to say).

        >>> from rdflib import Graph
        >>> g = Graph().parse(data='''@prefix org: <http://www.w3.org/ns/org#> .
        ... @prefix gm: <https://w3id.org/graphmap/def#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        ... <https://w3id.org/graphmap/id/actor/skanes-kommuner> a gm:Actor ; skos:prefLabel "Skånes Kommuner"@sv .
        ... [] a org:ChangeEvent ; gm:formerName "Kommunförbundet Skåne"@sv ; gm:changedOn "2020-10-02" ;
        ...    org:resultingOrganization <https://w3id.org/graphmap/id/actor/skanes-kommuner> .''', format="turtle")
        >>> r = Resolver(g)
        >>> r.resolve("actor", "kommunförbundet skåne").rsplit("/", 1)[-1]
        'skanes-kommuner'
        >>> r.note("actor", "Kommunförbundet Skåne")
        'Kommunförbundet Skåne är ett tidigare namn på Skånes Kommuner (ändrat 2020-10-02).'
        """
        if ptype != "actor":
            return None
        hit = self.former.get(fold(str(text).strip())) or self.former.get(ascii_fold(str(text).strip()))
        if hit is None:
            return None
        name, iri, when = hit
        current = self._labels.get(iri, iri.rsplit("/", 1)[-1])
        resolved = self._find(self.actors, str(text).strip())
        key = "error.former_name" if resolved == iri else "error.also_former_name"
        text = t(
            key, lang, name=name, current=current, now=self._labels.get(resolved, "") if resolved is not None else ""
        )
        return text[:-1] + " " + t("error.changed_on", lang, when=when) + "." if when else text

    def _add(self, book, keys, value) -> None:
        for key in keys:
            book.setdefault(fold(key), value)
            book.setdefault(ascii_fold(key), value)
            if fold(key) != key or not key.isascii() or key[:1].isupper():
                self.display.setdefault(fold(key), key)

    @staticmethod
    def _find(book, text):
        return book.get(fold(text)) or book.get(ascii_fold(text))

    def resolve(self, ptype: str, text: str, param: str | None = None) -> URIRef | Literal:
        """Resolve ``text`` for a parameter of type ``ptype``; raise :class:`UnknownName`."""
        param = param or ptype
        text = str(text).strip()
        if len(text) > MAX_NAME:  # no name is this long: unknown at once, before any folding or matching
            raise UnknownName(param, text, [])
        if ptype.startswith("vocab:"):
            scheme = ptype.split(":", 1)[1]
            concept = self.vocab.resolve(scheme, text)
            if concept is None:
                raise UnknownName(param, text, self.vocab.suggest(scheme, text))
            return concept.iri
        if ptype == "kommun":
            code = self._find(self.kommuner, text.zfill(4) if text.isdigit() else text)
            if code is None:
                raise UnknownName(param, text, self._suggest(self.kommuner, text))
            return kommun_iri(code)
        if ptype == "lan":
            return self.county(text, param)
        if ptype == "actor":
            iri = self._find(self.actors, text)
            if iri is None and text.isdigit():
                code = self._find(self.kommuner, text.zfill(4))
                iri = kommun_iri(code) if code else None
            if iri is None:
                raise UnknownName(
                    param,
                    text,
                    self.shared.get(fold(text)) or self.shared.get(ascii_fold(text)) or self._suggest_actor(text),
                )
            return iri
        return Literal(text)

    def county(self, text: str, param: str = "county") -> URIRef:
        """A county by SCB code or name, with or without "län" (``24``, ``Västerbotten``,
        ``västerbottens län``); an unknown one raises :class:`UnknownName` suggesting full names.

        The one county resolver: every command, page, the map, the report and ``new-region`` use it.

        >>> import graphmap
        >>> kg = graphmap.build()  # doctest: +SKIP
        >>> r = kg.resolver
        >>> str(r.county("Västerbotten")) == str(r.county("24")) == "https://w3id.org/graphmap/id/lan/24"
        True
        >>> r.county("Jamtlnd")
        Traceback (most recent call last):
        ...
        graphmap.resolve.UnknownName: unknown county: 'Jamtlnd'
        >>> from graphmap.resolve import UnknownName
        >>> try:
        ...     r.county("Jamtlnd")
        ... except UnknownName as exc:
        ...     print(exc.message("en"))
        Unknown value for county: "Jamtlnd". Did you mean: Jämtlands län?
        """
        text = str(text).strip()
        if len(text) > MAX_NAME:
            raise UnknownName(param, text, [])
        code = self._find(self.lan, text.zfill(2) if text.isdigit() else text)
        if code is None:
            hits = best_matches(text, sorted({k for k in self.lan if not k.isdigit()}))
            names = list(dict.fromkeys(self.county_names[self.lan[h]] for h in hits))
            raise UnknownName(param, text, names)
        return lan_iri(code)

    def _suggest(self, book, text) -> list[str]:
        """Closest names (not codes) as they are written, best first."""
        names = {self.display[k] for k in book if not k.isdigit() and k in self.display}
        return best_matches(text, sorted(names))

    def _suggest_actor(self, text) -> list[str]:
        return [f"{h} ({self.names[h]})" for h in best_matches(text, sorted(self.names))]


__all__ = ["Resolver", "UnknownName", "actor_iri", "network_iri"]
