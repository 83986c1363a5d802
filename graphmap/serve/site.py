"""The served graph and what every web page needs from it (no HTML here).

:class:`Site` wraps the knowledge graph the server shows — without personal data unless asked
for — and holds its core: the books of actors, networks, municipalities and counties, the links
to their pages, the search index, form fields for the named queries and their results as linked
tables. The rest is one module per role, mixed into :class:`Site`:

* :mod:`graphmap.serve.pages` — the start page's summary, actor/network/municipality pages, the
  gap matrix and its rows;
* :mod:`graphmap.serve.neighbourhood` — the small map of an actor's direct links;
* :mod:`graphmap.serve.downloads` — CSV/JSON answers and the graph exports;
* :mod:`graphmap.serve.content` — the plain cells, tables and form fields the templates draw.

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> site = Site(kg)
>>> site.url_for("https://w3id.org/graphmap/id/kommun/2480")
'/kommun/2480'
>>> all("Fyrbodal" in e.label for e in site.search("fyrbodl", "sv")[:3])
True
>>> table, error = site.result_table("coverage", (("municipality", "Umeå"),), "en")
>>> table.columns[0], error
('Actor', None)
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import FOAF, RDF, SKOS

from graphmap.api import KnowledgeGraph, MissingParameter, QueryResult, bind_params, run_query, with_places
from graphmap.i18n import lang_key, sv_sort_key, t
from graphmap.ontology import GM, ID, VOCAB, actor_iri, kommun_iri, lan_iri, network_iri
from graphmap.privacy import strip_personal
from graphmap.queries import NamedQuery, library
from graphmap.resolve import UnknownName
from graphmap.serve.cache import BoundedCache, per_instance_cache
from graphmap.serve.content import Cell, FormField, Table, external_url
from graphmap.serve.downloads import Downloads
from graphmap.serve.neighbourhood import Neighbourhood
from graphmap.serve.pages import Pages
from graphmap.serve.search import Entry, SearchIndex, main_towns
from graphmap.vocab import vocabularies


class Site(Pages, Neighbourhood, Downloads):
    """The served graph and everything the pages need from it."""

    def __init__(
        self, kg: KnowledgeGraph, include_personal: bool = False, lang: str = "sv", cache_bytes: int = 256_000_000
    ):
        self.include_personal = include_personal
        self.lang = lang
        self.cache = BoundedCache(max_entries=1024, max_bytes=cache_bytes)  # answers, tables, maps
        self.datasets = list(getattr(kg.ingest, "datasets", None) or [])
        self.kg = kg if include_personal else KnowledgeGraph(strip_personal(kg.graph))
        self.vocab = vocabularies()
        g = self.kg.graph
        pages = self.kg.resolver.pages  # the one name index: the CLI resolves names in the same books
        self.municipalities: dict[str, URIRef] = pages["kommun"]
        self.counties: dict[str, URIRef] = pages["lan"]
        self.actors: dict[str, URIRef] = pages["actor"]
        self.networks: dict[str, URIRef] = pages["network"]
        self.source_urls = {
            str(s): external_url(g.value(s, FOAF.page)) for s in g.subjects(RDF.type, GM.SourceDocument)
        }
        self._search = {lang: SearchIndex(self._entries(lang)) for lang in ("sv", "en")}

    # ---- links -------------------------------------------------------------------------------
    def url_for(self, iri) -> str | None:
        """The app page for an IRI (actor, network, municipality, county, area), or None."""
        text = str(iri or "")
        for prefix, route, book in (
            (str(ID) + "actor/", "/aktor/", self.actors),
            (str(ID) + "network/", "/natverk/", self.networks),
            (str(ID) + "kommun/", "/kommun/", self.municipalities),
        ):
            if text.startswith(prefix) and text[len(prefix) :] in book:
                return route + text[len(prefix) :]
        if text.startswith(str(ID) + "lan/") and text.rsplit("/", 1)[-1] in self.counties:
            return "/luckor/rader?county=" + text.rsplit("/", 1)[-1]
        if text.startswith(str(VOCAB) + "area/"):
            return "/stod?area=" + text.rsplit("/", 1)[-1]
        return None

    def cell(self, value, label: str | None = None) -> Cell:
        text = label if label is not None else ("" if value is None else str(value))
        if isinstance(value, str) and value in self.source_urls and self.source_urls[value]:
            return Cell(text, self.source_urls[value], external=True)
        return Cell(text, self.url_for(value) if value is not None else None)

    def label(self, iri, lang: str) -> str:
        return self.kg.label(iri, lang)

    # ---- search --------------------------------------------------------------------------------
    def _entries(self, lang: str) -> list[Entry]:
        g, out = self.kg.graph, []

        def names(s):
            return tuple(str(o) for o in g.objects(s, SKOS.prefLabel)) + (str(s).rsplit("/", 1)[-1],)

        for slug, s in self.actors.items():
            out.append(Entry(self.label(s, lang), t("actor", lang), f"/aktor/{slug}", names(s)))
        for slug, s in self.networks.items():
            out.append(Entry(self.label(s, lang), t("network", lang), f"/natverk/{slug}", names(s)))
        for code, s in self.municipalities.items():
            town = (main_towns().get(code),) if main_towns().get(code) else ()  # Visby finds Gotland
            out.append(Entry(self.label(s, lang), t("kommun", lang), f"/kommun/{code}", names(s)[:-1] + (code, *town)))
        for code, s in self.counties.items():
            out.append(Entry(self.label(s, lang), t("lan", lang), f"/luckor/rader?county={code}", names(s)[:-1]))
        for c in self.vocab.concepts("area"):
            out.append(
                Entry(
                    c.label(lang),
                    t("area_kind", lang),
                    f"/stod?area={c.notation}",
                    (*c.labels.values(), *c.alt, c.notation),
                )
            )
        return out

    def search(self, text: str, lang: str, limit: int = 10) -> list[Entry]:
        return self._search[lang_key(lang)].search(text, limit)

    # ---- forms and query results ---------------------------------------------------------------
    @per_instance_cache(maxsize=32)
    def options(self, ptype: str, lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
        """Drop-down options for a parameter type, as (group label, [(value, label)])."""
        if ptype.startswith("vocab:"):
            return [("", [(c.notation, c.label(lang)) for c in self.vocab.concepts(ptype.split(":", 1)[1])])]
        munis = sorted(
            ((code, self.label(s, lang)) for code, s in self.municipalities.items()), key=lambda x: sv_sort_key(x[1])
        )
        if ptype == "kommun":
            return [("", munis)]
        if ptype == "lan":
            return [
                (
                    "",
                    sorted(
                        ((c, self.label(s, lang)) for c, s in self.counties.items()), key=lambda x: sv_sort_key(x[1])
                    ),
                )
            ]
        if ptype == "actor":
            actors = sorted(
                ((slug, self.label(s, lang)) for slug, s in self.actors.items()), key=lambda x: sv_sort_key(x[1])
            )
            nets = sorted(
                ((slug, self.label(s, lang)) for slug, s in self.networks.items()), key=lambda x: sv_sort_key(x[1])
            )
            return [
                (t("actors_group", lang), actors),
                (t("networks_group", lang), nets),
                (t("municipalities_group", lang), munis),
            ]
        return []

    def resolved(self, ptype: str, raw, param: str | None = None) -> str:
        """The IRI that a typed value stands for ('' for no value): what a cache is keyed on.
        Raises :class:`UnknownName` for a value that matches nothing."""
        if raw is None or not str(raw).strip():
            return ""
        return str(self.kg.resolver.resolve(ptype, str(raw), param))

    @per_instance_cache(maxsize=2048)
    def option_value(self, ptype: str, raw: str) -> str:
        """The option value that a typed value (name, code, slug, misspelling-free) selects, or ''."""
        try:
            text = self.resolved(ptype, raw)
        except UnknownName:
            return ""
        if not text:
            return ""
        if ptype.startswith("vocab:"):
            return text.rsplit("/", 1)[-1]
        return text.rsplit("/", 1)[-1] if text.startswith(str(ID)) else ""

    def form(self, query: NamedQuery, values: dict, lang: str) -> list[FormField]:
        fields = []
        for p in query.params:
            raw = values.get(p.name, "")
            if p.type == "text":
                fields.append(FormField(p.name, p.label(lang), p.required, "text", value=raw))
            else:
                fields.append(
                    FormField(
                        p.name,
                        p.label(lang),
                        p.required,
                        "select",
                        self.options(p.type, lang),
                        self.option_value(p.type, raw),
                    )
                )
        return fields

    def _bound(self, name: str, values: dict, lang: str) -> tuple[tuple | None, dict, str | None]:
        """(the resolved parameters as a cache key, the given values, None), or (None, …, a message)."""
        query = library()[name]
        given = {p.name: str(values[p.name]) for p in query.params if values.get(p.name) not in (None, "")}
        try:
            bound = bind_params(self.kg, query, given)
        except (UnknownName, MissingParameter) as exc:
            return None, given, exc.message(lang)
        return (name, tuple(sorted((k, str(v)) for k, v in bound.items()))), given, None

    def run(self, name: str, values: dict, lang: str) -> tuple[QueryResult | None, str | None]:
        """Run a named query; (result, None) or (None, a message for the user).

        The served graph never changes, so results are cached (:attr:`cache`), keyed on the
        resolved parameters: ``Umeå``, ``umea`` and ``2480`` are one answer."""
        key, given, error = self._bound(name, values, lang)
        if error:
            return None, error
        result = self.cache.get_or_make(("result", key), lambda: run_query(self.kg, name, **given))
        if name == "support" and "municipality" not in given:
            # an area alone: each row says where it reaches (graphmap.api.with_places), in ``lang``
            result = self.cache.get_or_make(("placed", key, lang), lambda: with_places(result, lang))
        return result, None

    def result_table(self, name: str, items: tuple, lang: str) -> tuple[Table | None, str | None]:
        """The result of a named query as a table with links (cached as :meth:`run` is)."""
        key, given, error = self._bound(name, dict(items), lang)
        if error:
            return None, error
        table = self.cache.get_or_make(("table", key, lang), lambda: self.table(self.run(name, given, lang)[0], lang))
        return table, None

    def table(self, result: QueryResult, lang: str, columns: list[str] | None = None, rows=None) -> Table:
        specs = [c for c in result.query.columns if columns is None or c.name in columns]
        table = Table([c.label(lang) for c in specs])
        for item in rows if rows is not None else result.present(lang):
            table.rows.append([self._cell(spec, item, lang) for spec in specs])
        return table

    def _cell(self, spec, item: dict, lang: str) -> Cell:
        value = item.get(spec.name)
        if spec.type == "route":
            return Cell(item.get(spec.display_key, ""))
        if spec.labelled:
            return self.cell(value, item.get(spec.display_key, ""))
        if isinstance(value, bool):
            return Cell(t("yes" if value else "no", lang))
        if spec.type == "url":  # web addresses: each a link out (only http(s); anything else as text)
            values = [str(v) for v in (value if isinstance(value, (list, tuple)) else [value]) if v not in (None, "")]
            return Cell("; ".join(values), links=[v for v in values if external_url(v)])
        if isinstance(value, (list, tuple)):  # a gathered text column (the web addresses of a fact's sources)
            return Cell("; ".join(str(v) for v in value if v not in (None, "")))
        return Cell("" if value is None else str(value))

    # ---- books ---------------------------------------------------------------------------------
    def actor_iri(self, kind: str, key: str) -> URIRef | None:
        book = {"aktor": self.actors, "natverk": self.networks, "kommun": self.municipalities}[kind]
        return book.get(key)

    def county_iri(self, code: str):
        return lan_iri(code) if code in self.counties else None


__all__ = ["Site", "Cell", "Table", "FormField", "external_url", "actor_iri", "network_iri", "kommun_iri"]
