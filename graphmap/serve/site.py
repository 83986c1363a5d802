"""What the web app's pages show, as plain data built from the served graph (no HTML here).

:class:`Site` wraps the knowledge graph the server shows — without personal data unless asked
for — and builds each page's content: summary counts, form fields for the named queries,
result tables with links, actor and municipality pages, the gap matrix and the search index.

>>> import graphmap
>>> site = Site(graphmap.build())
>>> site.url_for("https://w3id.org/graphmap/id/kommun/2480")
'/kommun/2480'
>>> all("Fyrbodal" in e.label for e in site.search("fyrbodl", "sv")[:3])
True
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, SKOS

from graphmap.api import KnowledgeGraph, MissingParameter, QueryResult, gap_matrix, run_query
from graphmap.ontology import GM, ID, VOCAB, actor_iri, code_of, kommun_iri, lan_iri, network_iri
from graphmap.queries import NamedQuery, library
from graphmap.resolve import UnknownName
from graphmap.i18n import sv_sort_key, t
from graphmap.privacy import strip_personal
from graphmap.serve.search import Entry, SearchIndex
from graphmap.tabular import csv_text
from graphmap.vocab import vocabularies



def _has_export() -> bool:
    import importlib.util
    return importlib.util.find_spec("graphmap.export") is not None


def external_url(value) -> str | None:
    """An http(s) address that is safe to link to, or None."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) and " " not in text else None


@dataclass
class Cell:
    text: str
    href: str | None = None
    external: bool = False


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class FormField:
    name: str
    label: str
    required: bool
    widget: str                     # select | text
    groups: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # (group label, [(value, label)])
    value: str = ""                 # the selected option value or typed text


class Site:
    """The served graph and everything the pages need from it."""

    def __init__(self, kg: KnowledgeGraph, include_personal: bool = False, lang: str = "sv"):
        self.include_personal = include_personal
        self.lang = lang
        self.datasets = list(getattr(kg.ingest, "datasets", None) or [])
        self.kg = kg if include_personal else KnowledgeGraph(strip_personal(kg.graph))
        self.vocab = vocabularies()
        g = self.kg.graph
        self.municipalities = {str(g.value(m, GM.scbCode)): m for m in g.subjects(RDF.type, GM.Municipality)}
        self.counties = {str(g.value(c, GM.scbCode)): c for c in g.subjects(RDF.type, GM.County)}
        self.actors: dict[str, URIRef] = {}
        self.networks: dict[str, URIRef] = {}
        actor_ns, network_ns = str(ID) + "actor/", str(ID) + "network/"
        for cls in (GM.Actor, ORG.OrganizationalCollaboration):
            for s in g.subjects(RDF.type, cls):
                text = str(s)
                if text.startswith(actor_ns) and (s, RDF.type, GM.Municipality) not in g:
                    self.actors[text[len(actor_ns):]] = s
                elif text.startswith(network_ns):
                    self.networks[text[len(network_ns):]] = s
        self.source_urls = {str(s): external_url(g.value(s, FOAF.page))
                            for s in g.subjects(RDF.type, GM.SourceDocument)}
        self._search = {lang: SearchIndex(self._entries(lang)) for lang in ("sv", "en")}

    # ---- links -------------------------------------------------------------------------------
    def url_for(self, iri) -> str | None:
        """The app page for an IRI (actor, network, municipality, county, area), or None."""
        text = str(iri or "")
        for prefix, route, book in ((str(ID) + "actor/", "/aktor/", self.actors),
                                    (str(ID) + "network/", "/natverk/", self.networks),
                                    (str(ID) + "kommun/", "/kommun/", self.municipalities)):
            if text.startswith(prefix) and text[len(prefix):] in book:
                return route + text[len(prefix):]
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
            out.append(Entry(self.label(s, lang), t("kommun", lang), f"/kommun/{code}", names(s)[:-1] + (code,)))
        for code, s in self.counties.items():
            out.append(Entry(self.label(s, lang), t("lan", lang), f"/luckor/rader?county={code}", names(s)[:-1]))
        for c in self.vocab.concepts("area"):
            out.append(Entry(c.label(lang), t("area_kind", lang), f"/stod?area={c.notation}",
                             (*c.labels.values(), *c.alt, c.notation)))
        return out

    def search(self, text: str, lang: str, limit: int = 10) -> list[Entry]:
        return self._search["en" if lang == "en" else "sv"].search(text, limit)

    # ---- start page ----------------------------------------------------------------------------
    @cached_property
    def _summary_rows(self):
        q = """PREFIX gm: <https://w3id.org/graphmap/def#>
        SELECT ?key ?value (COUNT(DISTINCT ?x) AS ?n) WHERE {
          { ?x gm:level ?value BIND("level" AS ?key) } UNION { ?x gm:actorType ?value BIND("type" AS ?key) }
          UNION { ?x gm:networkKind ?value BIND("type" AS ?key) }
        } GROUP BY ?key ?value"""
        return self.kg.store.select(q)[1]

    @lru_cache(maxsize=4)
    def summary(self, lang: str) -> dict:
        """Counts per level and type, record counts, regions, the latest source date and the sources."""
        by_level, by_type = [], []
        order = {c.iri: c.order for c in self.vocab.concepts("level")}
        for row in self._summary_rows:
            item = (self.label(row["value"], lang), int(row["n"]), row["value"])
            (by_level if str(row["key"]) == "level" else by_type).append(item)
        by_level.sort(key=lambda x: order.get(x[2], 9))
        by_type.sort(key=lambda x: (-x[1], sv_sort_key(x[0])))
        g = self.kg.graph
        records = []
        for cls, key in ((ORG.Membership, "Medlemskap|Memberships"), (GM.Coverage, "Täckning|Coverage"),
                         (GM.SupportOffer, "Stöd som erbjuds|Support offers"), (GM.Need, "Behov|Needs"),
                         (GM.Activity, "Aktiviteter|Activities"), (GM.Relation, "Relationer|Relations"),
                         (GM.Agreement, "Avtal|Agreements"), (ORG.Post, "Tjänster|Posts")):
            sv, en = key.split("|")
            records.append((en if lang == "en" else sv, len(set(g.subjects(RDF.type, cls)))))
        sources, dates = [], []
        for s in g.subjects(RDF.type, GM.SourceDocument):
            date = g.value(s, DCTERMS.date)
            if date is not None:
                dates.append(str(date))
            sources.append({"title": str(g.value(s, DCTERMS.title) or s), "date": str(date or ""),
                            "publisher": str(g.value(s, DCTERMS.publisher) or ""),
                            "url": self.source_urls.get(str(s))})
        sources.sort(key=lambda x: (x["date"], x["title"]), reverse=True)
        return {"by_level": [(a, b) for a, b, _ in by_level], "by_type": [(a, b) for a, b, _ in by_type],
                "records": records, "regions": self.datasets, "data_date": max(dates) if dates else "",
                "sources": sources, "triples": len(g), "networks": len(self.networks),
                "actors": len(self.actors), "municipalities": len(self.municipalities)}

    # ---- forms and query results ---------------------------------------------------------------
    @lru_cache(maxsize=32)
    def options(self, ptype: str, lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
        """Drop-down options for a parameter type, as (group label, [(value, label)])."""
        if ptype.startswith("vocab:"):
            return [("", [(c.notation, c.label(lang)) for c in self.vocab.concepts(ptype.split(":", 1)[1])])]
        munis = sorted(((code, self.label(s, lang)) for code, s in self.municipalities.items()),
                       key=lambda x: sv_sort_key(x[1]))
        if ptype == "kommun":
            return [("", munis)]
        if ptype == "lan":
            return [("", sorted(((c, self.label(s, lang)) for c, s in self.counties.items()),
                                key=lambda x: sv_sort_key(x[1])))]
        if ptype == "actor":
            actors = sorted(((slug, self.label(s, lang)) for slug, s in self.actors.items()), key=lambda x: sv_sort_key(x[1]))
            nets = sorted(((slug, self.label(s, lang)) for slug, s in self.networks.items()), key=lambda x: sv_sort_key(x[1]))
            return [(t("actors_group", lang), actors), (t("networks_group", lang), nets),
                    (t("municipalities_group", lang), munis)]
        return []

    @lru_cache(maxsize=2048)
    def option_value(self, ptype: str, raw: str) -> str:
        """The option value that a typed value (name, code, slug, misspelling-free) selects, or ''."""
        if raw in (None, ""):
            return ""
        try:
            term = self.kg.resolver.resolve(ptype, raw)
        except UnknownName:
            return ""
        text = str(term)
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
                fields.append(FormField(p.name, p.label(lang), p.required, "select", self.options(p.type, lang),
                                        self.option_value(p.type, raw)))
        return fields

    @staticmethod
    def defaults(query: NamedQuery) -> dict:
        return dict(query.examples[0]) if query.examples else {}

    def run(self, name: str, values: dict, lang: str) -> tuple[QueryResult | None, str | None]:
        """Run a named query; (result, None) or (None, a message for the user).

        The served graph never changes, so results are cached (bounded LRU)."""
        query = library()[name]
        items = tuple((p.name, str(values[p.name])) for p in query.params if values.get(p.name) not in (None, ""))
        return self._run(name, items, lang)

    @lru_cache(maxsize=512)
    def _run(self, name: str, items: tuple, lang: str):
        try:
            return run_query(self.kg, name, **dict(items)), None
        except (UnknownName, MissingParameter) as exc:
            return None, exc.message(lang)

    @lru_cache(maxsize=512)
    def result_table(self, name: str, items: tuple, lang: str) -> tuple[Table | None, str | None]:
        """The result of a named query as a table with links (cached: the served graph never changes)."""
        result, error = self.run(name, dict(items), lang)
        return (self.table(result, lang) if result is not None else None), error

    def table(self, result: QueryResult, lang: str, columns: list[str] | None = None, rows=None) -> Table:
        specs = [c for c in result.query.columns if columns is None or c.name in columns]
        table = Table([c.label(lang) for c in specs])
        for item in (rows if rows is not None else result.present(lang)):
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
        return Cell("" if value is None else str(value))

    @staticmethod
    def csv_bytes(result: QueryResult, lang: str) -> bytes:
        rows = result.present(lang)
        keys = list(rows[0].keys()) if rows else [c.name for c in result.query.columns]
        return ("\ufeff" + csv_text(rows, keys)).encode("utf-8")

    @staticmethod
    def json_bytes(result: QueryResult, lang: str) -> bytes:
        payload = {"query": result.query.name, "params": {k: str(v) for k, v in result.params.items()},
                   "columns": [c.name for c in result.query.columns], "rows": result.present(lang)}
        return json.dumps(payload, ensure_ascii=False, indent=1, default=str).encode("utf-8")

    # ---- actor, network and municipality pages -------------------------------------------------
    def actor_iri(self, kind: str, key: str) -> URIRef | None:
        book = {"aktor": self.actors, "natverk": self.networks, "kommun": self.municipalities}[kind]
        return book.get(key)

    @lru_cache(maxsize=512)
    def actor_page(self, kind: str, key: str, lang: str) -> dict | None:
        iri = self.actor_iri(kind, key)
        if iri is None:
            return None
        g = self.kg.graph
        arg = key
        facts, _ = self.run("actor", {"actor": arg}, lang)
        nets, _ = self.run("networks", {"actor": arg}, lang)
        related: dict[str, Cell] = {}

        def note(value):
            if isinstance(value, str) and value != str(iri) and (value in self._actor_set):
                related.setdefault(value, self.cell(value, self.label(value, lang)))

        for res in (facts, nets):
            for row in (res.rows if res else []):
                for v in row.values():
                    note(str(v) if isinstance(v, URIRef) else None)
        if str(iri) in self.kg.link_graph:
            for n in self.kg.link_graph.neighbors(str(iri)):
                note(n)
        offers = []
        for offer in g.subjects(GM.offeredBy, iri):
            offers.append({
                "kind": self.label(g.value(offer, GM.supportKind), lang),
                "areas": sorted((self.label(a, lang) for a in g.objects(offer, GM.area)), key=sv_sort_key),
                "places": sorted((self.cell(p, self.label(p, lang)) for p in g.objects(offer, GM.serves)),
                                 key=lambda c: sv_sort_key(c.text)),
                "description": self._text(offer, DCTERMS.description, lang),
                "source": self.cell(str(g.value(offer, DCTERMS.source) or ""),
                                    self.label(g.value(offer, DCTERMS.source), lang)),
            })
        offers.sort(key=lambda o: sv_sort_key(o["kind"]))
        serves = sorted((self.cell(p, self.label(p, lang)) for p in set(g.objects(iri, GM.serves))),
                        key=lambda c: sv_sort_key(c.text))
        persons = []
        if self.include_personal:
            for post in g.subjects(ORG.postIn, iri):
                for person in g.subjects(ORG.holds, post):
                    mbox = str(g.value(person, FOAF.mbox) or "")
                    persons.append({"name": str(g.value(person, FOAF.name) or ""), "post": self.label(post, lang),
                                    "email": mbox[7:] if mbox.startswith("mailto:") else mbox})
        return {
            "iri": str(iri), "key": key, "kind": kind, "label": self.label(iri, lang),
            "types": [self.label(x, lang) for x in g.objects(iri, GM.actorType)]
                     + [self.label(x, lang) for x in g.objects(iri, GM.networkKind)],
            "level": self.label(g.value(iri, GM.level), lang) if g.value(iri, GM.level) else "",
            "county": self.cell(g.value(iri, GM.county), self.label(g.value(iri, GM.county), lang))
                      if g.value(iri, GM.county) else None,
            "homepage": external_url(g.value(iri, FOAF.homepage)),
            "description": self._text(iri, DCTERMS.description, lang),
            "facts": self.table(facts, lang, ["record", "property", "value", "source", "confidence"]) if facts else None,
            "networks": self.table(nets, lang) if nets else None,
            "offers": offers, "serves": serves, "persons": persons,
            "related": sorted(related.values(), key=lambda c: sv_sort_key(c.text)),
            "neighbourhood": self.neighbourhood(iri, lang),
        }

    def neighbourhood(self, iri, lang: str, width: int = 960, per_row: int = 14) -> dict:
        """A small server-drawn map (SVG data) of an actor's direct links, national level at the top.

        Rows: national, regional, local; the actor itself is highlighted. Rows with more than
        ``per_row`` neighbours end in a "+N" node linking to the interactive map.
        """
        g, center = self.kg.link_graph, str(iri)
        levels = {"nationell": 0, "regional": 1, "lokal": 2}
        rows: dict[int, list[str]] = {0: [], 1: [], 2: []}
        rel: dict[str, set] = {}
        if center in g:
            for _a, b, data in g.edges(center, data=True):
                rel.setdefault(b, set()).add(self.label(data.get("relation"), lang))
        own = levels.get(str(self.kg.graph.value(URIRef(center), GM.level) or "").rsplit("/", 1)[-1], 1)
        for n in rel:
            rows[levels.get(str(g.nodes[n].get("level", "")).rsplit("/", 1)[-1], 1)].append(n)
        nodes, edges, positions = [], [], {}
        row_y = {0: 40, 1: 150, 2: 260}
        for level, members in rows.items():
            members = sorted(members, key=lambda n: sv_sort_key(self.label(n, lang)))
            shown = members[:per_row] if len(members) > per_row + 1 else members
            slots = shown + (["+more"] if len(shown) < len(members) else [])
            if level == own:
                slots = slots[: len(slots) // 2] + [center] + slots[len(slots) // 2:]
            for i, n in enumerate(slots):
                x = int(width * (i + 1) / (len(slots) + 1))
                y = row_y[level] + (18 if i % 2 and len(slots) > 7 else 0)
                if n == "+more":
                    nodes.append({"x": x, "y": y, "label": f"+{len(members) - len(shown)}", "title": "",
                                  "href": None, "cls": "more"})
                    continue
                label = self.label(n, lang)
                positions[n] = (x, y)
                nodes.append({"x": x, "y": y, "label": label if len(label) <= 22 else label[:21] + "…",
                              "title": label + ("" if n == center else " – " + ", ".join(sorted(rel[n]))),
                              "href": None if n == center else self.url_for(n),
                              "cls": "center" if n == center else ("lvl" + str(level))})
        cx, cy = positions.get(center, (width // 2, row_y[own]))
        for n, (x, y) in positions.items():
            if n != center:
                edges.append({"x1": cx, "y1": cy, "x2": x, "y2": y})
        return {"width": width, "height": 300, "nodes": nodes, "edges": edges, "count": len(rel)}

    @cached_property
    def _actor_set(self) -> set[str]:
        return {str(x) for book in (self.actors, self.networks, self.municipalities) for x in book.values()}

    def _text(self, s, pred, lang: str) -> str:
        texts = {o.language or "": str(o) for o in self.kg.graph.objects(s, pred) if isinstance(o, Literal)}
        return texts.get(lang) or texts.get("sv") or texts.get("") or next(iter(texts.values()), "")

    @lru_cache(maxsize=512)
    def municipality_page(self, code: str, lang: str) -> dict | None:
        iri = self.municipalities.get(code)
        if iri is None:
            return None
        g = self.kg.graph
        coverage, _ = self.run("coverage", {"municipality": code}, lang)
        county = g.value(iri, GM.county)
        gaps_table = None
        if county is not None:
            gaps, _ = self.run("gaps", {"county": str(county).rsplit("/", 1)[-1]}, lang)
            if gaps:
                rows = [r for r in gaps.present(lang) if r["municipality"] == str(iri)]
                gaps_table = self.table(gaps, lang, ["area", "providers", "networks", "needs", "unmet_needs"], rows)
        areas = sorted({r["area_label"] for r in coverage.present(lang) if r.get("area_label")}, key=sv_sort_key) if coverage else []
        return {"iri": str(iri), "code": code, "label": self.label(iri, lang),
                "county": self.cell(county, self.label(county, lang)) if county is not None else None,
                "coverage": self.table(coverage, lang) if coverage else None, "areas": areas, "gaps": gaps_table}

    # ---- gap matrix ----------------------------------------------------------------------------
    @cached_property
    def _gap_matrix(self):
        return gap_matrix(self.kg)

    @lru_cache(maxsize=4)
    def gap_matrix(self, lang: str) -> dict:
        """The gap matrix (:func:`graphmap.api.gap_matrix`) with a link from every cell to its rows."""
        matrix = self._gap_matrix
        head = [(self.label(c, lang), code_of(c)) for c in matrix.columns]
        rows = []
        for area in matrix.areas:
            line = []
            for county in matrix.columns:
                cell = matrix.cell(area, county)
                line.append({"text": cell.text(matrix.by), "unmet": cell.unmet_needs,
                             "heat": min(4, int(cell.share * 4)),
                             "href": f"/luckor/rader?area={code_of(area)}&county={code_of(county)}",
                             "title": f"{self.label(area, lang)} – {self.label(county, lang)}"})
            rows.append({"label": self.label(area, lang), "cells": line})
        return {"head": head, "rows": rows, "title": t("gaps.title_county", lang),
                "intro": t("gaps.intro_county", lang)}

    def gap_rows(self, area: str | None, county: str | None, lang: str):
        result, error = self.run("gaps", {"county": county or ""}, lang)
        if error or result is None:
            return None, error
        rows = result.present(lang)
        if area:
            try:
                area_iri = str(self.kg.resolver.resolve("vocab:area", area, "area"))
            except UnknownName as exc:
                return None, exc.message(lang)
            rows = [r for r in rows if r["area"] == area_iri]
        return self.table(result, lang, rows=rows), None

    # ---- downloads -----------------------------------------------------------------------------
    EXPORTS = {"graphmap.ttl": ("text/turtle; charset=utf-8", "Turtle"),
               "graphmap.jsonld": ("application/ld+json", "JSON-LD"),
               "graphmap.graphml": ("application/graphml+xml", "GraphML (Gephi, yEd, networkx)"),
               "graphmap.gexf": ("application/gexf+xml", "GEXF (Gephi)"),
               "graphmap-csv.zip": ("application/zip", "CSV: nodes.csv + edges.csv (Gephi)")}

    def exports(self) -> list[tuple[str, str]]:
        """(file name, label) of the data downloads this installation offers."""
        names = list(self.EXPORTS) if _has_export() else ["graphmap.ttl"]
        return [(n, self.EXPORTS[n][1]) for n in names]

    @lru_cache(maxsize=8)
    def export_bytes(self, name: str) -> tuple[bytes, str] | None:
        """A download of the served graph (already without personal data unless asked for)."""
        if name not in dict(self.exports()):
            return None
        graph, personal = self.kg.graph, self.include_personal
        if not _has_export():
            return graph.serialize(format="turtle", encoding="utf-8"), self.EXPORTS[name][0]
        from graphmap import export
        if name == "graphmap.ttl":
            body = export.to_turtle(graph, personal)
        elif name == "graphmap.jsonld":
            body = export.to_jsonld(graph, personal)
        elif name == "graphmap.graphml":
            body = export.to_graphml(export.network(graph, self.lang, personal), personal)
        elif name == "graphmap.gexf":
            body = export.to_gexf(export.network(graph, self.lang, personal), personal)
        else:
            import zipfile
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for fname, data in export.to_csv(export.network(graph, self.lang, personal), personal).items():
                    zf.writestr(f"graphmap-csv/{fname}", data)
            body = buf.getvalue()
        return body, self.EXPORTS[name][0]

    def county_iri(self, code: str):
        return lan_iri(code) if code in self.counties else None


__all__ = ["Site", "Cell", "Table", "FormField", "external_url", "actor_iri", "network_iri",
           "kommun_iri"]
