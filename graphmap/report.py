"""The mapping report (kartläggningsrapport) a FoU unit hands its steering group.

One self-contained HTML file (Swedish by default, ``lang="en"``) with summary
counts per level and actor type, support per area, the gap matrix area × county
(or area × municipality for one county), the chains from municipalities to the
national level, the brokers, the level map embedded, the sources and the
confidence of the facts, the date and the data version. A PNG of the gap matrix
(matplotlib) is written next to it by :func:`write_report`.

Everything comes from the graph (``kg.store`` SPARQL, the named queries and
:mod:`graphmap.analysis`); the page is rendered with a Jinja2 template with
autoescape on, so every label is escaped. Personal data (names of people in
posts) is left out unless ``include_personal=True``.

>>> import graphmap
>>> kg = graphmap.build()
>>> data = report_data(kg, county="Västerbotten")
>>> len(data["gaps"]["areas"]), len(data["gaps"]["columns"])
(14, 15)
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from collections import Counter, defaultdict
from pathlib import Path

from rdflib import URIRef

from graphmap import analysis
from graphmap.viz import build_view, render_map_html, write_text_atomic
from graphmap.i18n import lang_key, sv_sort_key, t
from graphmap.ontology import code_of
from graphmap.viz.project import PREFIXES, source_info
from graphmap.viz.render import script_hashes
from graphmap.viz.styles import LEVELS

MAX_CHAIN_PATHS = 6

STRINGS = {
    "sv": {
        "title": "Kartläggning av stöd i socialtjänsten", "subtitle": "Kartläggningsrapport",
        "scope_all": "Hela datasetet", "scope_county": "Län: {county}",
        "date": "Datum", "data_version": "Dataversion", "datasets": "Dataset",
        "graph": "Graf", "triples": "tripplar", "latest_fact": "Senaste daterade uppgift",
        "toc": "Innehåll",
        "summary": "Sammanfattning", "summary_intro": "Antal aktörer och nätverk per nivå och typ.",
        "type": "Typ", "total": "Totalt", "level": "Nivå",
        "support": "Stöd per område",
        "support_intro": "Vem som ger vilket slags stöd inom varje område och på vilken nivå.",
        "area": "Område", "actor": "Aktör", "kind": "Typ av stöd", "no_support": "Inget stöd registrerat.",
        "network_kind": "Nätverk/forum", "led_by": "leds av",
        "gaps_png": "Luckmatrisen finns också som bild: {png}",
        "chains": "Kedjor från kommunerna till nationell nivå",
        "chains_intro": "De kortaste vägarna (högst fem steg) från varje kommun via regionala strukturer till "
                        "nationella nätverk och aktörer. Kommuner med samma kedjor visas tillsammans.",
        "municipalities": "Kommuner", "chain": "Kedjor", "more_paths": "och {n} till",
        "no_chain": "Utan kedja till nationell nivå", "no_chain_count": "{n} kommuner",
        "the_municipality": "Kommunen",
        "brokers": "Brobyggare",
        "brokers_intro": "Aktörer och nätverk vars direkta kontakter finns på flera nivåer eller i flera län, "
                         "ordnade efter hur många de förbinder (betweenness i kopplingsgrafen).",
        "levels": "Nivåer", "counties": "Län", "links": "Kontakter", "betweenness": "Betweenness",
        "map": "Karta", "map_intro": "Den interaktiva kartan (filtrera, sök, klicka på en aktör).",
        "posts": "Tjänster", "post": "Tjänst", "fte": "Andel", "holder": "Person",
        "personal_omitted": "Personuppgifter ingår inte i rapporten (ta med dem med --include-personal).",
        "sources": "Källor och säkerhet",
        "sources_intro": "Källorna som uppgifterna bygger på och hur säkra uppgifterna är.",
        "source": "Källa", "publisher": "Utgivare", "document": "Dokument", "facts": "Uppgifter",
        "confidence": "Säkerhet", "assumed_list": "Antagna uppgifter att verifiera",
        "none": "–", "generated": "Skapad med graphmap {version} den {date}.",
    },
    "en": {
        "title": "Mapping of support in social services", "subtitle": "Mapping report",
        "scope_all": "The whole dataset", "scope_county": "County: {county}",
        "date": "Date", "data_version": "Data version", "datasets": "Datasets",
        "graph": "Graph", "triples": "triples", "latest_fact": "Latest dated fact",
        "toc": "Contents",
        "summary": "Summary", "summary_intro": "Number of actors and networks per level and type.",
        "type": "Type", "total": "Total", "level": "Level",
        "support": "Support per area",
        "support_intro": "Who offers which kind of support in each area, and at which level.",
        "area": "Area", "actor": "Actor", "kind": "Kind of support", "no_support": "No support recorded.",
        "network_kind": "Network/forum", "led_by": "led by",
        "gaps_png": "The gap matrix is also available as an image: {png}",
        "chains": "Chains from the municipalities to the national level",
        "chains_intro": "The shortest paths (at most five steps) from each municipality through regional "
                        "structures to national networks and actors. Municipalities with the same chains are "
                        "shown together.",
        "municipalities": "Municipalities", "chain": "Chains", "more_paths": "and {n} more",
        "no_chain": "No chain to the national level", "no_chain_count": "{n} municipalities",
        "the_municipality": "The municipality",
        "brokers": "Brokers",
        "brokers_intro": "Actors and networks whose direct links reach several levels or counties, ordered by "
                         "how much they connect (betweenness in the link graph).",
        "levels": "Levels", "counties": "Counties", "links": "Links", "betweenness": "Betweenness",
        "map": "Map", "map_intro": "The interactive map (filter, search, click an actor).",
        "posts": "Posts", "post": "Post", "fte": "Share", "holder": "Person",
        "personal_omitted": "Personal data is not included in this report (add it with --include-personal).",
        "sources": "Sources and confidence",
        "sources_intro": "The sources the facts are based on and how certain the facts are.",
        "source": "Source", "publisher": "Publisher", "document": "Document", "facts": "Facts",
        "confidence": "Confidence", "assumed_list": "Assumed facts to verify",
        "none": "–", "generated": "Generated by graphmap {version} on {date}.",
    },
}

Q_AREAS = PREFIXES + """
SELECT ?area ?order WHERE { ?area skos:inScheme <https://w3id.org/graphmap/vocab/area> .
  OPTIONAL { ?area gm:order ?order } }"""

Q_OFFERS = PREFIXES + """
SELECT DISTINCT ?area ?actor ?kind WHERE {
  ?offer a gm:SupportOffer ; gm:offeredBy ?actor ; gm:area ?area ; gm:supportKind ?kind .
}"""

Q_NETWORKS = PREFIXES + """
SELECT DISTINCT ?area ?network ?kind ?leader WHERE {
  ?network a org:OrganizationalCollaboration ; gm:area ?area .
  OPTIONAL { ?network gm:networkKind ?kind }
  OPTIONAL { ?network gm:ledBy ?leader }
}"""

Q_SERVES_MUNI = PREFIXES + """
SELECT DISTINCT ?actor ?county WHERE { ?actor gm:serves ?m . ?m a gm:Municipality ; gm:county ?county . }"""

Q_MUNICIPALITIES = PREFIXES + """
SELECT ?m ?code ?county WHERE { ?m a gm:Municipality ; gm:scbCode ?code ; gm:county ?county . }"""

Q_SOURCE_FACTS = PREFIXES + """
SELECT ?source ?confidence (COUNT(DISTINCT ?record) AS ?n) WHERE {
  ?record dcterms:source ?source .
  OPTIONAL { ?record gm:confidence ?confidence }
} GROUP BY ?source ?confidence"""

Q_SOURCE_DOCS = PREFIXES + """
SELECT ?source ?document ?url WHERE { ?source a gm:SourceDocument .
  OPTIONAL { ?source dcterms:identifier ?document } OPTIONAL { ?source foaf:page ?url } }"""

Q_CONFIDENCE = PREFIXES + """
SELECT ?confidence (COUNT(DISTINCT ?record) AS ?n) WHERE { ?record gm:confidence ?confidence } GROUP BY ?confidence"""

Q_ASSUMED = PREFIXES + """
SELECT DISTINCT ?record ?type WHERE {
  ?record gm:confidence <https://w3id.org/graphmap/vocab/confidence/assumed> .
  OPTIONAL { ?record a ?type }
  FILTER NOT EXISTS { ?record a foaf:Person }
}"""

Q_POSTS = PREFIXES + """
SELECT ?post ?actor ?fte ?name ?mbox WHERE {
  ?post a org:Post ; org:postIn ?actor .
  OPTIONAL { ?post gm:fte ?fte }
  OPTIONAL { ?person org:holds ?post ; foaf:name ?name . OPTIONAL { ?person foaf:mbox ?mbox } }
}"""

Q_LATEST = PREFIXES + """
SELECT (MAX(STR(?d)) AS ?latest) WHERE { ?r dcterms:date ?d . FILTER NOT EXISTS { ?r a gm:SourceDocument } }"""


def data_version(kg) -> str:
    """A short fingerprint of the graph's content (sorted N-Triples, sha256).

    The N-Triples come from the store (Oxigraph), not the rdflib graph: at a million
    triples that is 2 s instead of 27 s (building and serialising the rdflib graph).
    """
    from graphmap.store import serialize

    lines = sorted(serialize(kg.store, "nt").splitlines())
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:12]


def _areas(kg, lang) -> list[tuple[str, str]]:
    """Every concept of the area scheme as (IRI, label), in the scheme's order."""
    rows = kg.store.select(Q_AREAS)[1]
    rows.sort(key=lambda r: (int(r["order"]) if r.get("order") is not None else 999,
                             sv_sort_key(kg.label(r["area"], lang))))
    return [(str(r["area"]), kg.label(r["area"], lang)) for r in rows]


def _summary(view: dict, lang: str) -> dict:
    counts: Counter = Counter()
    types: dict[str, str] = {}
    for n in view["nodes"]:
        counts[(n["type"], n["level"])] += 1
        types.setdefault(n["type"], n["type_label"] or n["type"])
    levels = [lv for lv in LEVELS if any(k[1] == lv for k in counts)]
    level_labels = {n["level"]: n["level_label"] for n in view["nodes"]}
    rows = []
    for t, label in sorted(types.items(), key=lambda kv: sv_sort_key(kv[1])):
        cells = [counts.get((t, lv), 0) for lv in levels]
        rows.append({"label": label, "cells": cells, "total": sum(cells)})
    totals = [sum(counts.get((t, lv), 0) for t in types) for lv in levels]
    return {"levels": [level_labels.get(lv, lv) for lv in levels], "rows": rows,
            "totals": totals, "total": sum(totals)}


def _in_scope(view: dict) -> set:
    return {n["id"] for n in view["nodes"]}


def _support(kg, lang, areas, scope: set, county: str | None) -> list[dict]:
    """Per area: the actors and networks with support there, with kinds and level."""
    nodes = {}
    for r in kg.store.select(PREFIXES + "SELECT ?n ?level WHERE { ?n gm:level ?level }")[1]:
        nodes[str(r["n"])] = str(r["level"])
    per_area: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in kg.store.select(Q_OFFERS)[1]:
        per_area[str(r["area"])][str(r["actor"])].add(kg.label(r["kind"], lang))
    for r in kg.store.select(Q_NETWORKS)[1]:
        kind = kg.label(r["kind"], lang) if r.get("kind") is not None else STRINGS[lang]["network_kind"]
        if r.get("leader") is not None:
            kind += f" ({STRINGS[lang]['led_by']} {kg.label(r['leader'], lang)})"
        per_area[str(r["area"])][str(r["network"])].add(kind)
    order = {f"https://w3id.org/graphmap/vocab/level/{lv}": i for i, lv in enumerate(LEVELS)}
    out = []
    for area, label in areas:
        rows = []
        for actor, kinds in per_area.get(area, {}).items():
            if county and actor not in scope:
                continue
            rows.append({"actor": kg.label(URIRef(actor), lang), "level": kg.label(URIRef(nodes.get(actor, "")), lang)
                         if actor in nodes else "", "kinds": ", ".join(sorted(kinds, key=sv_sort_key)),
                         "_order": order.get(nodes.get(actor), 9)})
        rows.sort(key=lambda r: (r["_order"], sv_sort_key(r["actor"])))
        out.append({"area": label, "rows": rows})
    return out


def _gaps(kg, lang, county_iri) -> dict:
    """The gap matrix (:func:`graphmap.api.gap_matrix`) as the report's table and PNG draw it."""
    from graphmap.api import gap_matrix

    matrix = gap_matrix(kg, county=code_of(county_iri) if county_iri is not None else None)
    rows = []
    for area in matrix.areas:
        cells_out = []
        for col in matrix.columns:
            cell = matrix.cell(area, col)
            share = cell.share if matrix.by == "county" else (1.0 if cell.supported else 0.5 if cell.with_network else 0.0)
            cells_out.append({"text": cell.text(matrix.by), "share": share, "colour": _colour(share),
                              "unmet": cell.unmet_needs, "needs": cell.needs})
        rows.append({"area": kg.label(URIRef(area), lang), "area_iri": area, "cells": cells_out})
    county_label = kg.label(county_iri, lang) if county_iri is not None else ""
    return {"by": matrix.by, "areas": [r["area"] for r in rows],
            "title": t(f"gaps.title_{matrix.by}", lang, county=county_label),
            "intro": t(f"gaps.intro_{matrix.by}", lang),
            "columns": [{"iri": c, "code": code_of(c), "label": kg.label(URIRef(c), lang)} for c in matrix.columns],
            "rows": rows}


def _colour(share: float) -> str:
    """Red (none) through yellow to green (all), as a hex colour."""
    stops = [(0.0, (0xf4, 0xa5, 0xa5)), (0.5, (0xf9, 0xe0, 0x8c)), (1.0, (0x9f, 0xd8, 0x9f))]
    for (s0, c0), (s1, c1) in zip(stops, stops[1:]):
        if share <= s1:
            f = 0 if s1 == s0 else (share - s0) / (s1 - s0)
            return "#" + "".join(f"{round(a + (b - a) * f):02x}" for a, b in zip(c0, c1))
    return "#9fd89f"


def _step_text(kg, lang, current: str, step) -> tuple[str, str]:
    """One chain step seen from ``current``: (arrow text, next node)."""
    s, r, o = (str(x) for x in step)
    rel = kg.label(URIRef(r), lang)
    if s == current:
        return f"— {rel} →", o
    return f"← {rel} —", s


def _chains(kg, lang, county_iri) -> dict:
    """Municipalities grouped by their chains to the national level."""
    rows = kg.store.select(Q_MUNICIPALITIES)[1]
    if county_iri is not None:
        rows = [r for r in rows if str(r["county"]) == str(county_iri)]
    rows.sort(key=lambda r: str(r["code"]))
    groups: dict[tuple, list[str]] = defaultdict(list)
    without: dict[str, list[str]] = defaultdict(list)
    me = STRINGS[lang]["the_municipality"]
    for r in rows:
        start = str(r["m"])
        paths = analysis.chain_paths(kg.link_graph, start)
        name = kg.label(r["m"], lang)
        if not paths:
            without[kg.label(r["county"], lang)].append(name)
            continue
        texts = []
        for path in paths:
            cur, parts = start, [me]
            for step in path:
                arrow, cur = _step_text(kg, lang, cur, step)
                parts += [arrow, kg.label(URIRef(cur), lang)]
            texts.append(" ".join(parts))
        groups[tuple(sorted(set(texts), key=sv_sort_key))].append(name)
    out = []
    for paths, munis in sorted(groups.items(), key=lambda kv: (-len(kv[1]), sv_sort_key(kv[1][0]))):
        shown = list(paths[:MAX_CHAIN_PATHS])
        out.append({"municipalities": sorted(munis, key=sv_sort_key), "paths": shown,
                    "more": len(paths) - len(shown)})
    return {"groups": out, "without": [{"county": c, "municipalities": sorted(m, key=sv_sort_key)}
                                       for c, m in sorted(without.items(), key=lambda kv: sv_sort_key(kv[0]))]}


def _brokers(kg, lang, scope: set, county_iri) -> list[dict]:
    from graphmap.api import brokers

    out = []
    for r in brokers(kg):
        if county_iri is not None and r["actor"] not in scope:
            continue
        out.append({"actor": kg.label(URIRef(r["actor"]), lang), "level": kg.label(URIRef(r["level"]), lang),
                    "levels": r["levels"], "counties": r["counties"], "neighbours": r["neighbours"],
                    "betweenness": f"{r['betweenness']:.3f}"})
    out.sort(key=lambda r: (-float(r["betweenness"]), -r["levels"], sv_sort_key(r["actor"])))
    return out[:20]


def _sources(kg, lang) -> dict:
    info = source_info(kg)
    docs = {str(r["source"]): (r.get("document"), r.get("url")) for r in kg.store.select(Q_SOURCE_DOCS)[1]}
    conf_iris = {}
    facts: dict[str, Counter] = defaultdict(Counter)
    for r in kg.store.select(Q_SOURCE_FACTS)[1]:
        conf = code_of(r.get("confidence")) or "-"
        if r.get("confidence") is not None:
            conf_iris[conf] = r["confidence"]
        facts[str(r["source"])][conf] += int(r["n"])
    confidences = sorted(conf_iris, key=lambda c: ["stated", "reference", "assumed"].index(c)
                         if c in ("stated", "reference", "assumed") else 9)
    rows = []
    for src in sorted(set(info) | set(facts), key=lambda s: sv_sort_key(str((info.get(s) or (s,))[0]))):
        title, date, publisher = info.get(src, (None, None, None))
        document, url = docs.get(src, (None, None))
        rows.append({"title": str(title) if title else kg.label(URIRef(src), lang),
                     "publisher": str(publisher or ""), "date": str(date or ""),
                     "document": str(url or document or ""),
                     "counts": [facts[src].get(c, 0) for c in confidences],
                     "total": sum(facts[src].values())})
    totals = {code_of(r["confidence"]): int(r["n"]) for r in kg.store.select(Q_CONFIDENCE)[1]}
    assumed = sorted({kg.label(r["record"], lang) for r in kg.store.select(Q_ASSUMED)[1]}, key=sv_sort_key)
    return {"confidences": [kg.label(conf_iris[c], lang) for c in confidences], "rows": rows,
            "totals": [{"label": kg.label(conf_iris[c], lang) if c in conf_iris else c, "n": totals.get(c, 0)}
                       for c in confidences], "assumed": assumed}


def _posts(kg, lang, scope: set, county_iri, include_personal: bool) -> list[dict]:
    out = []
    for r in kg.store.select(Q_POSTS)[1]:
        if county_iri is not None and str(r["actor"]) not in scope:
            continue
        holder = ""
        if include_personal and r.get("name") is not None:
            holder = str(r["name"]) + (f" ({str(r['mbox']).removeprefix('mailto:')})" if r.get("mbox") else "")
        out.append({"post": kg.label(r["post"], lang), "actor": kg.label(r["actor"], lang),
                    "fte": str(r["fte"]) if r.get("fte") is not None else "", "holder": holder})
    out.sort(key=lambda p: (sv_sort_key(p["actor"]), sv_sort_key(p["post"]), p["holder"]))
    return out


def report_data(kg, lang: str = "sv", county=None, include_personal: bool = False) -> dict:
    """Everything the report shows, as plain strings and numbers."""
    import graphmap

    lang = lang_key(lang)
    county_iri = kg.resolver.county(county) if county not in (None, "") else None
    view = build_view(kg, county=county_iri and code_of(county_iri), lang=lang, include_personal=include_personal)
    scope = _in_scope(view)
    areas = _areas(kg, lang)
    texts = STRINGS[lang]
    today = _dt.date.today().isoformat()
    latest = kg.store.select(Q_LATEST)[1]
    datasets = list(kg.ingest.datasets) if kg.ingest is not None else []
    return {
        "lang": lang, "t": texts, "date": today, "version": graphmap.__version__,
        "scope": texts["scope_county"].format(county=kg.label(county_iri, lang)) if county_iri is not None
        else texts["scope_all"],
        "county_label": kg.label(county_iri, lang) if county_iri is not None else "",
        "data_version": data_version(kg), "triples": len(kg.store), "datasets": datasets,
        "latest_fact": str(latest[0]["latest"]) if latest and latest[0].get("latest") is not None else "",
        "summary": _summary(view, lang),
        "support": _support(kg, lang, areas, scope, county_iri),
        "gaps": _gaps(kg, lang, county_iri),
        "chains": _chains(kg, lang, county_iri),
        "brokers": _brokers(kg, lang, scope, county_iri),
        "posts": _posts(kg, lang, scope, county_iri, include_personal),
        "include_personal": include_personal,
        "sources": _sources(kg, lang),
        "view": view,
    }


def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("graphmap", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


def report_html(kg, lang: str = "sv", county=None, include_personal: bool = False,
                png_name: str | None = None) -> str:
    """The mapping report as one self-contained HTML page (no external loads)."""
    return _render(report_data(kg, lang=lang, county=county, include_personal=include_personal), png_name)


def _render(data: dict, png_name: str | None = None) -> str:
    data = dict(data)
    view = data.pop("view")
    map_page = render_map_html(view, lang=data["lang"], title=view["labels"]["title"])
    # the embedded map (iframe srcdoc) obeys this policy too: allow exactly its scripts
    csp = ("default-src 'none'; script-src " + " ".join(script_hashes())
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    return _environment().get_template("report.html.j2").render(
        **data, map_page=map_page, csp=csp, png_name=png_name)


def gap_matrix_png(data: dict, path, lang: str = "sv") -> Path:
    """Draw the gap matrix of ``report_data(...)["gaps"]`` as a PNG (matplotlib, Agg)."""
    import io

    import matplotlib
    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.colors import LinearSegmentedColormap

    gaps = data["gaps"] if "gaps" in data else data
    rows, cols = gaps["rows"], gaps["columns"]
    values = [[c["share"] for c in r["cells"]] for r in rows]
    cmap = LinearSegmentedColormap.from_list("gaps", [_colour(0.0), _colour(0.5), _colour(1.0)])
    fig, ax = plt.subplots(figsize=(max(6.0, 0.55 * len(cols) + 3.5), 0.42 * len(rows) + 3.0), dpi=110)
    ax.imshow(values, cmap=cmap, vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(cols)))
    ax.set_xticklabels([c["label"] for c in cols], rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r["area"] for r in rows], fontsize=8)
    for i, r in enumerate(rows):
        for j, c in enumerate(r["cells"]):
            text = c["text"] + ("!" if c["unmet"] else "")
            ax.text(j, i, text, ha="center", va="center", fontsize=6.5)
    ax.set_title(gaps["title"], fontsize=11)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    from graphmap.fileio import write_bytes_atomic

    return write_bytes_atomic(path, buf.getvalue())


def write_report(kg, path, lang: str = "sv", county=None, include_personal: bool = False) -> tuple[Path, Path]:
    """Write the report to ``path`` and the gap matrix PNG next to it (``<stem>-luckor.png``,
    ``<stem>-gaps.png`` in English); both atomically. Returns (html_path, png_path)."""
    path = Path(path)
    lang = lang_key(lang)
    png = path.with_name(f"{path.stem}-{'luckor' if lang == 'sv' else 'gaps'}.png")
    data = report_data(kg, lang=lang, county=county, include_personal=include_personal)
    html = _render(data, png_name=png.name)
    gap_matrix_png(data, png, lang)
    write_text_atomic(path, html)
    return path, png


__all__ = ["report_data", "report_html", "write_report", "gap_matrix_png", "data_version"]
