"""The support layer: who reaches each municipality in each area, derived once from the graph.

The rules are those of ``graphmap/queries/support.rq``'s header (and the README's "How an answer
counts"); they are applied here once per build, for every municipality × area, instead of per
request. ``support.rq``'s SPARQL and ``support.cypher`` are the same rules in the query languages;
the tests hold all three to the same answers.

A raw row is one fact-path: (level order, actor, level, kind, match, offer area, target group,
route, via, extent, confidence, source), every IRI a plain string. Rows reached through a national
actor are the same for every municipality, so they are kept once per area (``national``); the
others per (area, municipality) (``local``).

>>> from graphmap.api import build
>>> kg = build()  # doctest: +SKIP
>>> layer = kg.support_layer
>>> umea = "https://w3id.org/graphmap/id/kommun/2480"
>>> sorted({r[1].rsplit("/", 1)[-1] for r in layer.rows(AREA + "funktionshinder", umea) if r[7] == "member"})
['funk-natverk-umea-kusten']
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from graphmap.ontology import NATIONAL, VOCAB

AREA = str(VOCAB["area"]) + "/"
ALLA = str(VOCAB["target-group/alla"])
STYRGRUPP = str(VOCAB["network-kind/styrgrupp"])
STEERING = str(VOCAB["support-kind/styrning"])
EXCHANGE = str(VOCAB["support-kind/natverk-erfarenhetsutbyte"])
PART_MEMBER = str(VOCAB["role/delvis-medlem"])
EXTENT_PART = str(VOCAB["extent/delvis"])
EXTENT_WHOLE = str(VOCAB["extent/hel"])
PLACES = str(VOCAB["record-part/places"])
DIRECT, BROAD, NARROWER = (str(VOCAB[f"area-match/{m}"]) for m in ("direct", "broad", "part"))
CONFIDENCE_SCHEME = str(VOCAB["confidence"])
AREA_SCHEME = str(VOCAB["area"])

GM = "https://w3id.org/graphmap/def#"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FOAF_PAGE = "http://xmlns.com/foaf/0.1/page"

# the predicates the rules read, by the short name the derivation uses
PREDICATES = {
    "offered_by": GM + "offeredBy",
    "area": GM + "area",
    "kind": GM + "supportKind",
    "source": DCT + "source",
    "confidence": GM + "confidence",
    "order": GM + "order",
    "target_group": GM + "targetGroup",
    "serves": GM + "serves",
    "level": GM + "level",
    "network_kind": GM + "networkKind",
    "extent": GM + "extent",
    "assumed_part": GM + "assumedPart",
    "covered_by": GM + "coveredBy",
    "place": GM + "place",
    "member": ORG + "member",
    "organization": ORG + "organization",
    "role": ORG + "role",
    "county": GM + "county",
    "broader": SKOS + "broader",
    "in_scheme": SKOS + "inScheme",
    "part_of_offer": GM + "partOfOffer",
}

# columns of a raw row
LORDER, ACTOR, LEVEL, KIND, MATCH, OFFER_AREA, TARGET_GROUP, ROUTE, VIA, EXTENT, CONFIDENCE, SOURCE = range(12)
COLUMNS = (
    "actor",
    "level",
    "kind",
    "match",
    "offer_area",
    "target_group",
    "route",
    "via",
    "extent",
    "confidence",
    "source",
)


def fields(layer: "SupportLayer", row: tuple) -> dict:
    """One raw row's fields by column name as the support answer shows them (plain IRIs and
    values), with ``role``: the actor's roles, and ``url``: the web addresses of the row's source
    (lists, empty if none; one answer row per role and address). The layer engine (:mod:`graphmap.answers.layer`) and the Neo4j projection of the layer
    (:mod:`graphmap.neo4j.derived`) both read rows through this.

    >>> layer = SupportLayer([], {}, {}, {}, roles={"x": ["r"]})
    >>> fields(layer, (1, "x", "lv", "k", "d", "a", None, "coverage", None, "hel", None, None))["role"]
    ['r']
    """
    return dict(zip(COLUMNS, row[1:])) | {
        "role": list(layer.roles.get(row[ACTOR], ())),
        "url": list(layer.pages.get(row[SOURCE], ())) if row[SOURCE] is not None else [],
    }


def sort_key(row: tuple) -> tuple:
    """The order of ``support.rq``: from the municipality outward (local and regional actors first,
    national last), then actor, breadth, route, via, extent, confidence, kind, area, group, source."""
    return (
        -row[LORDER],
        row[ACTOR],
        row[MATCH],
        row[ROUTE],
        row[VIA] or "",
        row[EXTENT],
        (0, "") if row[CONFIDENCE] is None else (1, row[CONFIDENCE]),
        row[KIND],
        row[OFFER_AREA],
        row[TARGET_GROUP] or "",
        row[SOURCE] or "",
    )


@dataclass
class SupportLayer:
    """Every municipality × area's support rows, and the needs per municipality × area."""

    areas: list[str]
    county_of: dict[str, str]  # municipality -> county
    local: dict[tuple[str, str], list[tuple]]  # (area, municipality) -> raw rows
    national: dict[str, list[tuple]]  # area -> raw rows (every municipality)
    needs: dict[tuple[str, str], int] = field(default_factory=dict)  # (area, municipality) -> needs
    roles: dict[str, list[str]] = field(default_factory=dict)  # actor -> its types or a network's kind, IRI order
    pages: dict[str, list[str]] = field(default_factory=dict)  # source -> its web addresses (foaf:page), in order
    #: (area, municipality) -> the gap cell's (providers, broad, networks), counted once per build
    #: (:meth:`counted`) from the local rows: the whole country's matrix reads no row list
    cells: dict[tuple[str, str], tuple[int, int, int]] = field(default_factory=dict)
    _national_counts: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def rows(self, area: str, municipality: str | None = None) -> list[tuple]:
        """The raw rows of one area for one municipality (or every municipality), in answer order."""
        places = (
            list(self.county_of) if municipality is None else ([municipality] if municipality in self.county_of else [])
        )
        found = {r for m in places for r in self.local.get((area, m), ())}
        if places:  # national support reaches every municipality of the graph
            found.update(self.national.get(area, ()))
        return sorted(found, key=sort_key)

    def to_json(self) -> bytes:
        """The layer as compact JSON (every string once), as the build cache keeps it.

        >>> from graphmap.api import build
        >>> kg = build()  # doctest: +SKIP
        >>> layer = kg.support_layer
        >>> SupportLayer.from_json(layer.to_json()) == layer
        True
        """
        index: dict = {}

        def i(value):
            if value is None:
                return -1
            if value not in index:
                index[value] = len(index)
            return index[value]

        def rows(rs):
            return [[r[0], *map(i, r[1:])] for r in rs]

        data = {
            "areas": [i(a) for a in self.areas],
            "county_of": [[i(m), i(c)] for m, c in self.county_of.items()],
            "local": [[i(a), i(m), rows(rs)] for (a, m), rs in self.local.items()],
            "national": [[i(a), rows(rs)] for a, rs in self.national.items()],
            "needs": [[i(a), i(m), n] for (a, m), n in self.needs.items()],
            "roles": [[i(a), [i(r) for r in rs]] for a, rs in self.roles.items()],
            "pages": [[i(a), [i(r) for r in rs]] for a, rs in self.pages.items()],
            "cells": [[i(a), i(m), *n] for (a, m), n in self.cells.items()],
        }
        return json.dumps({"strings": list(index), **data}, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "SupportLayer":
        raw = json.loads(data)
        strings = raw["strings"]

        def s(k):
            return None if k < 0 else strings[k]

        def rows(rs):
            return [(r[0], *map(s, r[1:])) for r in rs]

        return cls(
            [s(a) for a in raw["areas"]],
            {s(m): s(c) for m, c in raw["county_of"]},
            _LazyRows({(s(a), s(m)): rs for a, m, rs in raw["local"]}, rows),
            {s(a): rows(rs) for a, rs in raw["national"]},
            {(s(a), s(m)): n for a, m, n in raw["needs"]},
            {s(a): [s(r) for r in rs] for a, rs in raw["roles"]},
            {s(a): [s(r) for r in rs] for a, rs in raw["pages"]},
            {(s(a), s(m)): (p, b, n) for a, m, p, b, n in raw.get("cells", ())},
        )

    def gap_rows(self, county: str | None = None) -> list[dict]:
        """The gap matrix's rows (``gaps.rq``'s columns, plain values) for the country or one county
        (IRI), ordered by county, municipality and area."""
        places = sorted((c, m) for m, c in self.county_of.items() if c is not None and county in (None, c))
        return [{"area": a, "county": c, "municipality": m} | self.counts(a, m) for c, m in places for a in self.areas]

    def counted(self) -> "SupportLayer":
        """The layer with every gap cell's local counts (:attr:`cells`) computed: done once, at build time."""
        self.cells = {key: _local_counts(rows) for key, rows in self.local.items()}
        return self

    def counts(self, area: str, municipality: str) -> dict[str, int]:
        """The gap cell's counts for one municipality and area: the rules of ``gaps.rq`` applied to
        the same rows the support answer shows (providers, broad, national, networks, needs)."""
        key = (area, municipality)
        if self.cells:
            providers, broad, networks = self.cells.get(key, (0, 0, 0))
        else:
            providers, broad, networks = _local_counts(self.local.get(key, ()))
        needs = self.needs.get(key, 0)
        return {
            "providers": providers,
            "broad": broad,
            "national": self.national_count(area),
            "networks": networks,
            "needs": needs,
            "unmet_needs": needs if not providers else 0,
        }

    def national_count(self, area: str) -> int:
        """How many national actors offer support in the area itself (the same for every municipality)."""
        if area not in self._national_counts:
            self._national_counts[area] = len({r[ACTOR] for r in self.national.get(area, ()) if r[MATCH] != BROAD})
        return self._national_counts[area]


def _local_counts(rows) -> tuple[int, int, int]:
    """(providers, broad, networks) among a gap cell's local rows: coverage in the area itself or
    broad (not by a national actor), and networks by membership."""
    providers: set[str] = set()
    broad: set[str] = set()
    networks: set[str] = set()
    for r in rows:
        if r[ROUTE] == "coverage" and r[LEVEL] != NATIONAL:
            (broad if r[MATCH] == BROAD else providers).add(r[ACTOR])
        elif r[ROUTE] in ("member", "through"):
            networks.add(r[ACTOR])
    return len(providers), len(broad), len(networks)


class _LazyRows(dict):
    """(area, municipality) -> rows, each list turned from the cache's numbers into strings when
    first read: an answer about one municipality reads a few of the ~4,000 lists."""

    def __init__(self, raw: dict, convert):
        super().__init__(raw)
        self._convert = convert
        self._done: set = set()

    def __getitem__(self, key):
        value = super().__getitem__(key)
        if key not in self._done:
            value = self._convert(value)
            super().__setitem__(key, value)
            self._done.add(key)
        return value

    def get(self, key, default=None):
        return self[key] if key in self else default

    def items(self):
        return ((k, self[k]) for k in self)

    def values(self):
        return (self[k] for k in self)

    def __eq__(self, other):
        return dict(self.items()) == dict(other.items())


class _Facts:
    """The triples the rules read, as dicts of plain strings (one pass per predicate)."""

    def __init__(self, pairs):
        self.out: dict[str, dict[str, list]] = {}
        for name, predicate in PREDICATES.items():
            table: dict[str, list] = defaultdict(list)
            for s, o in pairs(predicate):
                table[s].append(o)
            self.out[name] = table

    def __call__(self, name: str, subject: str) -> list:
        return self.out[name].get(subject, [])

    def inverse(self, name: str) -> dict[str, list]:
        inv: dict[str, list] = defaultdict(list)
        for s, objects in self.out[name].items():
            for o in objects:
                inv[o].append(s)
        return inv


def derive(pairs, municipalities: list[str], needs: dict | None = None) -> SupportLayer:
    """The support layer from the graph's triples: ``pairs(predicate)`` yields (subject, object)
    as plain values (:meth:`graphmap.store.Store.pairs`); ``municipalities`` are the IRIs of the
    graph's municipalities (``a gm:Municipality``)."""
    f = _Facts(pairs)
    rank_of_concept = {c: int(o[0]) for c, o in f.out["order"].items() if o}
    confidence_at: dict = {}
    for concept, schemes in f.out["in_scheme"].items():
        if CONFIDENCE_SCHEME in schemes and concept in rank_of_concept:
            confidence_at.setdefault(rank_of_concept[concept], concept)
    areas = sorted(c for c, schemes in f.out["in_scheme"].items() if AREA_SCHEME in schemes)
    area_set = set(areas)

    def closure(step: dict) -> dict[str, set]:
        out = {}
        for a in area_set | set(step):
            seen, todo = set(), list(step.get(a, ()))
            while todo:
                x = todo.pop()
                if x not in seen:
                    seen.add(x)
                    todo.extend(step.get(x, ()))
            out[a] = seen
        return out

    ancestors = closure(f.out["broader"])
    descendants = closure(f.inverse("broader"))
    answered: dict[str, list[tuple[str, str]]] = {}  # offer area -> [(asked area, match)]

    def asked(oa: str) -> list[tuple[str, str]]:
        if oa not in answered:
            out = [(oa, DIRECT)] if oa in area_set else []
            out += [(a, BROAD) for a in descendants.get(oa, ()) if a in area_set and a != oa]
            out += [
                (a, NARROWER)
                for a in ancestors.get(oa, ())
                if a in area_set and a != oa and a not in descendants.get(oa, ())
            ]
            answered[oa] = out
        return answered[oa]

    wanted = {a: set(f("target_group", a)) for a in areas}

    def fits(area: str, thing: str) -> bool:
        groups = f("target_group", thing)
        if not wanted[area] or not groups or ALLA in groups:
            return True
        return all(w in groups for w in wanted[area])

    def rank(record: str):
        ranks = [rank_of_concept[c] for c in f("confidence", record) if c in rank_of_concept]
        return max(ranks) if ranks else None

    county_of = {m: (f("county", m) or [None])[0] for m in municipalities}
    municipality_set = set(municipalities)
    covers_place = f.inverse("covered_by")  # actor -> its coverage records
    level_rank = {lv: rank_of_concept.get(lv) for levels in f.out["level"].values() for lv in levels}

    def levels(actor: str) -> list[tuple[int, str]]:
        ranked = ((level_rank.get(lv), lv) for lv in f("level", actor))
        return [(rank, lv) for rank, lv in ranked if rank is not None]

    def paths(actor: str, m: str) -> list[tuple]:
        """(path rank, extent) of the strongest coverage records that bring ``actor`` to ``m``."""
        places = {m, county_of.get(m)}
        found = []
        for cov in covers_place.get(actor, ()):
            cov_rank = rank(cov)
            if cov_rank is None or not places.intersection(f("place", cov)):
                continue
            assumed = PLACES in f("assumed_part", cov)
            found.append((1 if assumed else cov_rank, cov_rank, assumed, f("extent", cov) or [None]))
        if not found:
            return [(None, None)]
        best = max((r for _p, r, assumed, _e in found if not assumed), default=None)
        return [(p, e) for p, _r, _a, extents in found if best is None or not best > p for e in extents]

    def weakest(path_rank, fact_rank):
        r = path_rank if path_rank is not None and (fact_rank is None or path_rank < fact_rank) else fact_rank
        return confidence_at.get(r) if r is not None else None

    offers_of = f.inverse("offered_by")
    offer_rows: dict[
        str, list[tuple]
    ] = {}  # actor -> (area asked, lorder, level, kind, match, oa, tg, source, fact rank)
    # a municipality's part of an offer to all its actor covers (gm:partOfOffer): the part, not the
    # whole, is that municipality's offer; (actor, municipality) -> {whole: part}
    parts_at: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for part, wholes in f.out["part_of_offer"].items():
        for actor in f("offered_by", part):
            for m in f("serves", part):
                for whole in wholes:
                    parts_at[(actor, m)][whole] = part

    def one_offer(offer: str, actor: str) -> list[tuple]:
        return thing_rows(offer, actor, f("kind", offer), f("area", offer), f("source", offer), rank(offer))

    def offered(actor: str) -> list[tuple]:
        if actor not in offer_rows:
            out = []
            for offer in offers_of.get(actor, ()):
                if not f("part_of_offer", offer):
                    out += one_offer(offer, actor)
            offer_rows[actor] = out
        return offer_rows[actor]

    def offered_to(actor: str, m: str) -> tuple[tuple, list[tuple]]:
        """(a key for the rows, the rows) of the offers ``actor`` brings to ``m``: its offers, each
        whole one replaced by ``m``'s part of it where there is one."""
        parts = parts_at.get((actor, m))
        if not parts:
            return (), offered(actor)
        out = []
        for offer in offers_of.get(actor, ()):
            if not f("part_of_offer", offer) and offer not in parts:
                out += one_offer(offer, actor)
        for part in sorted(set(parts.values())):
            out += one_offer(part, actor)
        return (m,), out

    def thing_rows(thing, actor, kinds, thing_areas, sources, fact_rank) -> list[tuple]:
        out = []
        for oa in thing_areas:
            for area, match in asked(oa):
                if not fits(area, thing):
                    continue
                for lorder, level in levels(actor):
                    for kind in kinds:
                        for tg in f("target_group", thing) or [None]:
                            for source in sources or [None]:
                                out.append((area, lorder, level, kind, match, oa, tg, source, fact_rank))
        return out

    local: dict[tuple[str, str], set] = defaultdict(set)
    national: dict[str, set] = defaultdict(set)

    def add(target: set, actor, base, route, via, path_rank, extent):
        target.add(make(actor, base, route, via, path_rank, extent))

    def make(actor, base, route, via, path_rank, extent) -> tuple:
        _a, lorder, level, kind, match, oa, tg, source, fact_rank = base
        return (
            lorder,
            actor,
            level,
            kind,
            match,
            oa,
            tg,
            route,
            via,
            extent or EXTENT_WHOLE,
            weakest(path_rank, fact_rank),
            source,
        )

    # the rows a path brings are the same for every municipality it reaches: made once per path
    made: dict[tuple, list[tuple[str, tuple]]] = {}

    def along(key: tuple, actor, base_rows, route, via, path_rank, extent) -> list[tuple[str, tuple]]:
        if key not in made:
            made[key] = [(base[0], make(actor, base, route, via, path_rank, extent)) for base in base_rows]
        return made[key]

    served_by = f.inverse("serves")  # place -> actors (and offers) that serve it
    for m in municipalities:
        # the actor covers the municipality and offers support in the area
        for actor in served_by.get(m, ()):
            own, rows = offered_to(actor, m)
            if not rows:
                continue
            for path_rank, extent in paths(actor, m):
                for area, row in along(
                    (actor, path_rank, extent, *own), actor, rows, "coverage", None, path_rank, extent
                ):
                    local[(area, m)].add(row)
    # the offer itself names the municipality
    for offer, places in f.out["serves"].items():
        for actor in f("offered_by", offer):
            for m in places:
                if m not in municipality_set or m in f("serves", actor):
                    continue
                for base in thing_rows(
                    offer, actor, f("kind", offer), f("area", offer), f("source", offer), rank(offer)
                ):
                    add(local[(base[0], m)], actor, base, "coverage", None, None, None)
    # a national actor offers support to every municipality
    for actor, lvls in f.out["level"].items():
        if NATIONAL in lvls:
            for base in offered(actor):
                add(national[base[0]], actor, base, "national", None, None, None)
    # memberships: the municipality itself, or an actor that covers it, takes part in a network
    for membership, members in f.out["member"].items():
        role_extent = EXTENT_PART if PART_MEMBER in f("role", membership) else None
        for network in f("organization", membership):
            kind = STEERING if STYRGRUPP in f("network_kind", network) else EXCHANGE
            base_rows = thing_rows(
                network, network, [kind], f("area", network), f("source", membership), rank(membership)
            )
            if not base_rows:
                continue
            for member in members:
                if member in municipality_set:
                    for base in base_rows:
                        add(local[(base[0], member)], network, base, "member", None, None, role_extent)
                for m in f("serves", member):
                    if m not in municipality_set:
                        continue
                    for path_rank, extent in paths(member, m):
                        key = (membership, network, member, path_rank, role_extent or extent)
                        for area, row in along(
                            key, network, base_rows, "through", member, path_rank, role_extent or extent
                        ):
                            local[(area, m)].add(row)
    keys: dict[tuple, tuple] = {}  # a row's sort key, computed once however many municipalities share it

    def row_key(row: tuple) -> tuple:
        k = keys.get(row)
        if k is None:
            k = keys[row] = sort_key(row)
        return k

    return SupportLayer(
        areas,
        county_of,
        {k: sorted(v, key=row_key) for k, v in local.items()},
        {k: sorted(v, key=row_key) for k, v in national.items()},
        dict(needs or {}),
        roles_of(pairs),
        pages_of(pairs),
    ).counted()


def pages_of(pairs) -> dict[str, list[str]]:
    """Each source's web addresses (``foaf:page``), in order: the support answer's ``url``."""
    pages: dict[str, set] = defaultdict(set)
    for source, page in pairs(FOAF_PAGE):
        pages[source].add(page)
    return {source: sorted(found) for source, found in pages.items()}


def roles_of(pairs) -> dict[str, list[str]]:
    """Each actor's role as the support answer names it: its types (``gm:actorType``), or a network's
    kind (``gm:networkKind``), in IRI order."""
    roles: dict[str, set] = defaultdict(set)
    for predicate in (GM + "actorType", GM + "networkKind"):
        for actor, role in pairs(predicate):
            roles[actor].add(role)
    return {actor: sorted(found) for actor, found in roles.items()}


GROUPS = ("direct", "broad", "networks", "national")
"""How a gap cell counts what reaches its municipalities: support in the area (regional and local
actors: the cell's support), broad support only (counted apart), networks (not counted as support)
and national actors in the area (reach every municipality, never counted in a cell)."""


def reach(layer: SupportLayer, area: str, municipalities) -> dict[str, dict[str, dict]]:
    """Who reaches ``municipalities`` in ``area``, grouped as the gap cell counts them
    (:data:`GROUPS`): per group, actor IRI -> its level, kinds of support, confidences, sources and
    the ``municipalities`` (of those asked) it reaches, over the rows of the support answer for
    those municipalities. The one answer behind a gap
    cell's drill-down, the report's support per area and a municipality's status per area.

    >>> from graphmap.api import build
    >>> kg = build()  # doctest: +SKIP
    >>> layer = kg.support_layer
    >>> groups = reach(layer, AREA + "funktionshinder", ["https://w3id.org/graphmap/id/kommun/2480"])
    >>> sorted(groups), "https://w3id.org/graphmap/id/actor/fou-socialtjanst-vasterbotten" in groups["direct"]
    (['broad', 'direct', 'national', 'networks'], True)
    """
    groups: dict[str, dict[str, dict]] = {g: {} for g in GROUPS}
    rows = [(r, (m,)) for m in municipalities for r in layer.local.get((area, m), ())]
    known = tuple(m for m in municipalities if m in layer.county_of)
    if rows or known:  # national support reaches every municipality
        rows += [(r, known) for r in layer.national.get(area, ())]
    group: str | None
    for r, reached in rows:
        if r[ROUTE] in ("member", "through"):
            group = "networks"
        elif r[LEVEL] == NATIONAL:
            group = "national" if r[MATCH] != BROAD else None  # as gaps.rq: national is apart
        else:
            group = "broad" if r[MATCH] == BROAD else "direct"
        if group is None:
            continue
        item = groups[group].setdefault(
            r[ACTOR],
            {"level": r[LEVEL], "kinds": set(), "confidences": set(), "sources": set(), "municipalities": set()},
        )
        item["kinds"].add(r[KIND])
        item["municipalities"].update(reached)
        if r[CONFIDENCE] is not None:
            item["confidences"].add(r[CONFIDENCE])
        if r[SOURCE] is not None:
            item["sources"].add(r[SOURCE])
    groups["broad"] = {a: v for a, v in groups["broad"].items() if a not in groups["direct"]}
    return groups
