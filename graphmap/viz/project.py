"""Project the RDF graph onto the level map's view model (see :mod:`graphmap.viz.render`).

Nodes are the actors and networks of the graph (municipalities and regions
included); counties are not nodes but the grouping key that puts the actors of
one county in one column. Edges are the graph's direct links between them:

========================  ===============  =======================================
graph                      edge kind        direction
========================  ===============  =======================================
``org:memberOf``           ``member``       member → network/organisation
``gm:ledBy``               ``leads``        leader → network
``gm:serves``              ``covers``       actor → municipality (a county: each
                                            of its municipalities in the view)
``gm:collaboratesWith``    ``collaborates`` undirected
``org:subOrganizationOf``  ``part_of``      part → whole
``gm:supports``            ``supports``
``gm:steers``              ``steers``
``gm:coordinates``         ``coordinates``
``gm:runs`` / ``gm:funds`` ``runs``/``funds``
offer ``gm:serves``        ``offers``       offering actor → place (an offer with places)
========================  ===============  =======================================

Everything is read from ``kg.store`` with the internal queries ``graphmap/queries/internal/map-*.rq``
(run by :func:`graphmap.api.run_query`); nothing reads the tables.

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> view = build_view(kg, county="Västerbotten")
>>> any(n["label"] == "Umeå" for n in view["nodes"])
True
"""

from __future__ import annotations

from collections import defaultdict, deque

from rdflib import URIRef

from graphmap.api import areas_reached, run_query
from graphmap.i18n import lang_key, sv_sort_key, t
from graphmap.ontology import VOCAB, code_of
from graphmap.sources import source_info, source_label

GM = "https://w3id.org/graphmap/def#"
ORG = "http://www.w3.org/ns/org#"

# predicate -> edge kind; ``reverse``: the edge is drawn object -> subject
LINKS = {
    ORG + "memberOf": ("member", False),
    GM + "ledBy": ("leads", True),
    GM + "serves": ("covers", False),
    GM + "collaboratesWith": ("collaborates", False),
    ORG + "subOrganizationOf": ("part_of", False),
    GM + "supports": ("supports", False),
    GM + "steers": ("steers", False),
    GM + "coordinates": ("coordinates", False),
    GM + "runs": ("runs", False),
    GM + "funds": ("funds", False),
}

# Which actor type names a node when it has several (e.g. FoU unit and RSS).
TYPE_PRIORITY = [
    "kommun",
    "region",
    "kommunalforbund",
    "fou-enhet",
    "rss",
    "kompetenscentrum",
    "gemensam-verksamhet",
    "myndighet",
    "medlemsorganisation",
    "larosate",
    "brukarorganisation",
    "namnd",
    "natverk",
    "forum",
    "samarbete",
]


def _resolve(kg, ptype: str, text, param: str):
    if text is None or str(text).strip() == "":
        return None
    return kg.resolver.resolve(ptype, str(text), param)


def _all_nodes(kg, lang: str) -> dict[str, dict]:
    rows = run_query(kg, "map-nodes").rows
    found: dict[str, dict] = {}
    for r in rows:
        iri = str(r["node"])
        node = found.setdefault(
            iri,
            {
                "id": iri,
                "types": set(),
                "level": code_of(r["level"]),
                "county_iri": r.get("county"),
                "confidence": code_of(r.get("confidence")),
            },
        )
        if r.get("type") is not None:
            node["types"].add(r["type"])
        if node["county_iri"] is None and r.get("county") is not None:
            node["county_iri"] = r["county"]
    out = {}
    for iri, n in found.items():
        types = sorted(
            n["types"],
            key=lambda ty: (
                TYPE_PRIORITY.index(code_of(ty)) if code_of(ty) in TYPE_PRIORITY else len(TYPE_PRIORITY),
                str(ty),
            ),
        )
        county = n["county_iri"]
        out[iri] = {
            "id": iri,
            "label": kg.label(URIRef(iri), lang),
            "type": code_of(types[0]) if types else "",
            "type_label": kg.label(types[0], lang) if types else "",
            "type_labels": [kg.label(ty, lang) for ty in types],
            "level": n["level"],
            "level_label": kg.label(VOCAB["level/" + n["level"]], lang) if n["level"] else "",
            "county": code_of(county) if county is not None else "",
            "county_label": kg.label(county, lang) if county is not None else "",
            "areas": [],
            "area_labels": [],
            "support": [],
            "sources": [],
            "confidence": n["confidence"],
            "group": code_of(county) if county is not None else "",
        }
    return out


def _all_edges(kg, nodes: dict) -> list[dict]:
    """Every direct link between nodes, deduplicated, in a stable order."""
    rows = run_query(kg, "map-county-municipalities").rows
    county_munis: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        county_munis[str(r["county"])].append(str(r["m"]))
    seen, edges = set(), []

    def add(src, dst, kind):
        if src == dst or src not in nodes or dst not in nodes:
            return
        key = (src, dst, kind) if kind != "collaborates" else (min(src, dst), max(src, dst), kind)
        if key not in seen:
            seen.add(key)
            edges.append({"from": key[0], "to": key[1], "kind": kind})

    def targets(obj):
        return [obj] if obj in nodes else county_munis.get(obj, [])

    rows = run_query(kg, "map-links").rows
    for r in rows:
        kind, reverse = LINKS[str(r["p"])]
        s, o = str(r["s"]), str(r["o"])
        if reverse:
            s, o = o, s
        if kind == "covers":
            for dst in targets(o):
                add(s, dst, kind)
        else:
            add(s, o, kind)
    rows = run_query(kg, "map-offer-places").rows
    for r in rows:
        for dst in targets(str(r["place"])):
            add(str(r["actor"]), dst, "offers")
    edges.sort(key=lambda e: (e["kind"], e["from"], e["to"]))
    return edges


def _enrich(kg, nodes: dict, lang: str, include_personal: bool) -> None:
    areas: dict[str, set] = defaultdict(set)
    rows = run_query(kg, "map-areas").rows
    for r in rows:
        areas[str(r["node"])].add(str(r["area"]))
    for muni, found in areas_reached(kg).items():
        areas[muni] |= found
    support: dict[str, set] = defaultdict(set)
    for r in run_query(kg, "map-support").rows:
        support[str(r["node"])].add(kg.label(r["kind"], lang))
    info = source_info(kg)
    sources: dict[str, set] = defaultdict(set)
    for r in run_query(kg, "map-sources").rows:
        sources[str(r["node"])].add(source_label(kg, r["source"], info, lang))
    people: dict[str, list] = defaultdict(list)
    if include_personal:
        for r in run_query(kg, "map-people").rows:
            post = kg.label(r["post"], lang)
            people[str(r["node"])].append(f"{post}: {r['name']}" if r.get("name") else post)
    for iri, node in nodes.items():
        pairs = sorted(
            ((code_of(a), kg.label(URIRef(a), lang)) for a in areas.get(iri, ())), key=lambda p: sv_sort_key(p[1])
        )
        node["areas"] = [p[0] for p in pairs]
        node["area_labels"] = [p[1] for p in pairs]
        node["support"] = sorted(support.get(iri, ()), key=sv_sort_key)
        node["sources"] = sorted(sources.get(iri, ()), key=sv_sort_key)
        if include_personal and people.get(iri):
            node["people"] = sorted(people[iri], key=sv_sort_key)


def _neighbourhood(edges: list[dict], start: str, depth: int) -> set:
    adj: dict[str, set] = defaultdict(set)
    for e in edges:
        adj[e["from"]].add(e["to"])
        adj[e["to"]].add(e["from"])
    seen, queue = {start: 0}, deque([start])
    while queue:
        cur = queue.popleft()
        if seen[cur] >= depth:
            continue
        for nb in adj[cur]:
            if nb not in seen:
                seen[nb] = seen[cur] + 1
                queue.append(nb)
    return set(seen)


def _select(nodes: dict, edges: list[dict], area, county, focus, depth) -> set:
    """The ids the view keeps after the focus, county and area restrictions."""
    keep = set(nodes)
    if focus is not None:
        keep = _neighbourhood(edges, str(focus), max(0, int(depth)))
    if county is not None:
        before, code = set(keep), code_of(county)
        local = {i for i in keep if nodes[i]["county"] == code}
        linked = {
            e["to"] if e["from"] in local else e["from"] for e in edges if (e["from"] in local) != (e["to"] in local)
        }
        keep = local | {i for i in linked if i in keep and not nodes[i]["county"]}
        keep |= {
            e["from"]
            for e in edges
            if e["kind"] == "leads" and e["to"] in keep and e["from"] in before and not nodes[e["from"]]["county"]
        }  # who leads those networks
    if area is not None:
        code = code_of(area)
        tagged = {i for i in keep if code in nodes[i]["areas"]}
        leaders = {e["from"] for e in edges if e["kind"] == "leads" and e["to"] in tagged}
        keep = tagged | (leaders & keep)
    if focus is not None:
        keep.add(str(focus))
    return keep


def build_view(
    kg, area=None, county=None, focus=None, depth: int = 1, lang: str = "sv", include_personal: bool = False
) -> dict:
    """The level map's view model for ``kg``, optionally narrowed.

    ``area`` (an area name or code), ``county`` (a county name or SCB code) and
    ``focus`` (an actor name; with ``depth`` steps of neighbours) are what a user
    types; they are resolved with ``kg.resolver`` and an unknown value raises
    :class:`graphmap.resolve.UnknownName` with suggestions. Personal data (the
    people holding posts) is only added with ``include_personal=True``.

    What each restriction keeps (applied in this order):

    * ``focus``: the actor and everything within ``depth`` links of it (links
      taken as undirected); the focus itself always stays.
    * ``county``: the county's actors and networks, the national ones linked to
      them directly, and the national actors that lead those networks.
    * ``area``: nodes working in the area (their own areas, their offers' and
      coverage's areas, and the broader areas containing those; a municipality
      counts the areas in which it reaches support or a network), plus the
      leaders of such networks.
    """
    lang = lang_key(lang)
    area_iri = _resolve(kg, "vocab:area", area, "area")
    county_iri = _resolve(kg, "lan", county, "county")
    focus_iri = _resolve(kg, "actor", focus, "focus")
    nodes = _all_nodes(kg, lang)
    if focus_iri is not None and str(focus_iri) not in nodes:
        from graphmap.resolve import UnknownName

        raise UnknownName("focus", str(focus), [])
    edges = _all_edges(kg, nodes)
    _enrich(kg, nodes, lang, include_personal)
    keep = _select(nodes, edges, area_iri, county_iri, focus_iri, depth)
    kept_nodes = sorted((nodes[i] for i in keep), key=lambda n: (sv_sort_key(n["label"]), n["id"]))
    kept_edges = [e for e in edges if e["from"] in keep and e["to"] in keep]
    from . import explore

    explore.link_confidence(kg, nodes, kept_edges, LINKS)
    title = _title(kg, lang, area_iri, county_iri, focus_iri)
    view = {"nodes": kept_nodes, "edges": kept_edges, "labels": {"title": title}}
    view["chains"] = explore.chain_trees(kg, [n["id"] for n in kept_nodes if n["level"] != "nationell"])
    view["betweenness"] = explore.betweenness(kg, keep)
    view["meta"] = {
        "area": str(area_iri or ""),
        "county": str(county_iri or ""),
        "focus": str(focus_iri or ""),
        "depth": depth,
        "include_personal": bool(include_personal),
    }
    return view


def _title(kg, lang, area, county, focus) -> str:
    base = t("map.title", lang)
    parts = [kg.label(x, lang) for x in (focus, county, area) if x is not None]
    return base + (": " + ", ".join(parts) if parts else "")


def map_html(
    kg, area=None, county=None, focus=None, depth: int = 1, lang: str = "sv", include_personal: bool = False
) -> str:
    """The self-contained HTML map page for the same arguments as :func:`build_view`."""
    from graphmap.viz.render import render_map_html

    view = build_view(
        kg, area=area, county=county, focus=focus, depth=depth, lang=lang, include_personal=include_personal
    )
    return render_map_html(view, lang=lang_key(lang), title=view["labels"]["title"])
