"""Data exports from the built graph: Turtle, JSON-LD, GraphML, GEXF and CSV (Gephi node/edge tables).

Personal data is left out unless asked for: resources marked ``gm:personalData true`` (the
persons), every triple pointing at them, and the values of properties the ontology marks as
personal (``foaf:name``, ``foaf:mbox``, ``org:holds``). Every export says which it did: a
``dcterms:description`` on a dataset node (Turtle, JSON-LD; also a comment at the top of the
Turtle file), the graph description (GraphML, GEXF ``<meta>``) or a ``LASMIG.txt`` beside the
CSV files. Files are written atomically.

>>> import graphmap
>>> from graphmap.export import network
>>> kg = graphmap.build()  # doctest: +SKIP
>>> g = network(kg.graph)
>>> g.nodes["https://w3id.org/graphmap/id/actor/skr"]["level_code"]
'nationell'

The network formats (GraphML, GEXF, CSV) hold one node per organisation, network or county
(level, type, area, county as node attributes) and one edge per direct relation between them
(``org:memberOf``, ``gm:ledBy``, ``gm:serves``, ``gm:steers`` …). CSV is ``nodes.csv`` +
``edges.csv``, the format of Gephi's spreadsheet import, so all three carry the same network;
the full graph (every fact with its source) is in Turtle and JSON-LD.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING, Callable

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, RDFS, SKOS

from graphmap.fileio import write_bytes_atomic
from graphmap.i18n import LANGS, lang_key, t
from graphmap.labels import Labels
from graphmap.ontology import DATA_LICENCE, DATA_LICENCE_PAGE, GM, ID, VOCAB, bind_prefixes, curie, ontology_graph
from graphmap.ontology_export import ONTOLOGY_IRI, jsonld_context
from graphmap.privacy import personal_resources, strip_personal
from graphmap.tabular import csv_safe

if TYPE_CHECKING:  # networkx is imported by the functions that draw (~0.1-0.9 s): `build` and `support` skip it
    import networkx as nx

DCAT = Namespace("http://www.w3.org/ns/dcat#")
EXPORT_IRI = ID["export"]
#: where ``graphmap export data`` writes each format when not told (a folder for ``csv``)
DEFAULT_NAMES = {
    "ttl": "graphmap.ttl",
    "jsonld": "graphmap.jsonld",
    "graphml": "graphmap.graphml",
    "gexf": "graphmap.gexf",
    "csv": "graphmap-csv",
}
# What every exported file says about personal data (include_personal -> lang -> text), from the catalogue
STATEMENT = {
    personal: {lang: t(key, lang) for lang in LANGS}
    for personal, key in ((False, "export.without_personal"), (True, "export.with_personal"))
}
ROOT_CLASSES = (ORG.Organization, GM.County)
GRAPH_NAME = "graphmap"
"""The network's name in GraphML (``<graph id>``) and GEXF (the first word of ``<description>``)."""


def licence_statement(lang: str = "sv") -> str:
    """The sentence every export carries about the data's licence (CC0 1.0, ``LICENSE-DATA.md``)."""
    return t("export.licence", lang, url=DATA_LICENCE_PAGE)


@dataclass
class ExportResult:
    format: str
    paths: list[Path]
    include_personal: bool
    counts: dict = field(default_factory=dict)

    def statement(self, lang: str = "sv") -> str:
        return STATEMENT[self.include_personal][lang_key(lang)]


# --------------------------------------------------------------------------- personal data
# What personal data is and how it is left out: graphmap.privacy (one definition for every output).


def shareable_graph(graph: Graph, include_personal: bool = False) -> Graph:
    """The graph an export writes: personal data stripped (unless asked for) plus the statement node."""
    out = bind_prefixes(Graph())
    out += graph if include_personal else strip_personal(graph)
    out.bind("dcat", DCAT)
    out.add((EXPORT_IRI, RDF.type, DCAT.Dataset))
    out.add((EXPORT_IRI, DCTERMS.conformsTo, ONTOLOGY_IRI))
    out.add((EXPORT_IRI, DCTERMS.license, DATA_LICENCE))
    for lang in ("sv", "en"):
        out.add((EXPORT_IRI, DCTERMS.title, Literal(t("export.title", lang), lang=lang)))
        out.add((EXPORT_IRI, DCTERMS.description, Literal(STATEMENT[include_personal][lang], lang=lang)))
        out.add((EXPORT_IRI, DCTERMS.rights, Literal(licence_statement(lang), lang=lang)))
    return out


# --------------------------------------------------------------------------- network projection
def _node_classes() -> set:
    onto = ontology_graph()
    found: set = set()
    todo: list = list(ROOT_CLASSES)
    while todo:
        cls = todo.pop()
        if cls in found:
            continue
        found.add(cls)
        todo.extend(onto.subjects(RDFS.subClassOf, cls))
    return found


def _most_specific(types: set, onto: Graph) -> URIRef | None:
    best = None
    for cls in types:
        if not any((other, RDFS.subClassOf, cls) in onto for other in types if other != cls):
            if best is None or str(cls).startswith(str(GM)):
                best = cls
    return best


def _concepts(graph: Graph, subject, pred) -> set:
    return {o for o in graph.objects(subject, pred) if str(o).startswith(str(VOCAB))}


def network(graph: Graph, lang: str = "sv", include_personal: bool = False) -> nx.MultiDiGraph:
    """Organisations, networks and counties as nodes, direct relations between them as edges.

    Node attributes: label (in ``lang``), label_sv, label_en, class, kind, type, type_code, level,
    level_code, area, area_code, support, support_code, county, scb_code, iri. Edge attributes:
    relation (compact IRI), label, label_sv, label_en. With ``include_personal`` persons are added,
    linked to the actor of the post they hold.
    """
    import networkx as nx

    onto = ontology_graph()
    labels = Labels(graph)
    classes = _node_classes()
    nodes = {s for cls in classes for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}
    areas: dict = {n: set(_concepts(graph, n, GM.area)) for n in nodes}
    support: dict = {n: set() for n in nodes}
    for record, actor in graph.subject_objects(GM.offeredBy):
        if actor in nodes:
            areas[actor] |= _concepts(graph, record, GM.area)
            support[actor] |= _concepts(graph, record, GM.supportKind)
    for record, actor in graph.subject_objects(GM.coveredBy):
        if actor in nodes:
            areas[actor] |= _concepts(graph, record, GM.area)

    def names(concepts, language):
        return ";".join(sorted(labels.label(c, language) for c in concepts))

    def codes(concepts):
        return ";".join(sorted(str(c).rsplit("/", 1)[-1] for c in concepts))

    g = nx.MultiDiGraph()
    for n in sorted(nodes, key=str):
        types = set(graph.objects(n, RDF.type)) & classes
        cls = _most_specific(types, onto)
        type_concepts = _concepts(graph, n, GM.actorType) | _concepts(graph, n, GM.networkKind)
        levels = _concepts(graph, n, GM.level)
        county = graph.value(n, GM.county)
        scb = graph.value(n, GM.scbCode)
        county_code = (
            str(graph.value(county, GM.scbCode) or "")
            if county is not None
            else (str(scb) if (n, RDF.type, GM.County) in graph else "")
        )
        g.add_node(
            str(n),
            label=labels.label(n, lang),
            label_sv=labels.label(n, "sv"),
            label_en=labels.label(n, "en"),
            **{"class": curie(str(cls)) if cls is not None else ""},
            kind=labels.label(cls, lang) if cls is not None else "",
            type=names(type_concepts, lang),
            type_code=codes(type_concepts),
            level=names(levels, lang),
            level_code=codes(levels),
            area=names(areas[n], lang),
            area_code=codes(areas[n]),
            support=names(support[n], lang),
            support_code=codes(support[n]),
            county=county_code,
            scb_code=str(scb or ""),
            iri=str(n),
        )
    for s, p, o in graph:
        if p != RDF.type and s in nodes and o in nodes and s != o:
            g.add_edge(
                str(s),
                str(o),
                key=curie(str(p)),
                relation=curie(str(p)),
                label=labels.label(p, lang),
                label_sv=labels.label(p, "sv"),
                label_en=labels.label(p, "en"),
            )
    if include_personal:
        _add_persons(g, graph, lang)
    return g


def _add_persons(g: nx.MultiDiGraph, graph: Graph, lang: str) -> None:
    labels = Labels(graph)
    for person in sorted(personal_resources(graph), key=str):
        if (person, RDF.type, FOAF.Person) not in graph:
            continue
        mbox = graph.value(person, FOAF.mbox)
        g.add_node(
            str(person),
            label=str(graph.value(person, FOAF.name) or ""),
            label_sv="",
            label_en="",
            **{"class": "foaf:Person"},
            kind=labels.label(FOAF.Person, lang),
            type="",
            type_code="",
            level="",
            level_code="",
            area="",
            area_code="",
            support="",
            support_code="",
            county="",
            scb_code="",
            iri=str(person),
            email=str(mbox or "").removeprefix("mailto:"),
        )
        for post in graph.objects(person, ORG.holds):
            actor = graph.value(post, ORG.postIn)
            if actor is not None and str(actor) in g:
                g.add_edge(
                    str(person),
                    str(actor),
                    key="org:holds",
                    relation="org:holds",
                    label=str(graph.value(post, SKOS.prefLabel) or labels.label(ORG.holds, lang)),
                    label_sv=labels.label(ORG.holds, "sv"),
                    label_en=labels.label(ORG.holds, "en"),
                )


# --------------------------------------------------------------------------- writers
def _write(path: Path, payload: bytes) -> Path:
    write_bytes_atomic(path, payload)  # with the usual permissions, readable by others
    return path


def _graph_description(include_personal: bool) -> str:
    return (
        f"{GRAPH_NAME}: {STATEMENT[include_personal]['sv']} / {STATEMENT[include_personal]['en']} "
        f"{licence_statement('sv')} / {licence_statement('en')}"
    )


def to_turtle(graph: Graph, include_personal: bool = False) -> bytes:
    body = shareable_graph(graph, include_personal).serialize(format="turtle", encoding="utf-8")
    head = "".join(f"# {STATEMENT[include_personal][lang]}\n# {licence_statement(lang)}\n" for lang in ("sv", "en"))
    return head.encode("utf-8") + body


def to_jsonld(graph: Graph, include_personal: bool = False) -> bytes:
    """JSON-LD with the graphmap context inline (so it reads back without fetching anything)."""
    ctx = jsonld_context()["@context"]
    text = shareable_graph(graph, include_personal).serialize(format="json-ld", context=ctx, auto_compact=True)
    return json.dumps(json.loads(text), ensure_ascii=False, indent=1).encode("utf-8")


def _edge_ids(g: nx.MultiDiGraph) -> list[tuple[str, str, str, dict]]:
    """Every edge with an id of its own (``e1`` …, in a stable order): Gephi keeps one edge per id."""
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    return [(s, o, f"e{i}", attrs) for i, (s, o, _key, attrs) in enumerate(edges, 1)]


def to_graphml(g: nx.MultiDiGraph, include_personal: bool = False) -> bytes:
    """GraphML with a unique id per edge (its relation in ``relation``) and the graph named ``graphmap``."""
    import networkx as nx

    out = nx.MultiDiGraph(
        name=GRAPH_NAME,
        description=_graph_description(include_personal),
        personal_data=str(include_personal).lower(),
        license=DATA_LICENCE_PAGE,
    )
    out.add_nodes_from(g.nodes(data=True))
    for s, o, ident, attrs in _edge_ids(g):
        out.add_edge(s, o, key=ident, **attrs)
    buf = io.BytesIO()
    nx.write_graphml(out, buf, encoding="utf-8", edge_id_from_attribute=None)
    text = buf.getvalue().replace(
        b'<graph edgedefault="directed">', f'<graph id="{GRAPH_NAME}" edgedefault="directed">'.encode(), 1
    )
    return text


GEXF_NS = "http://gexf.net/1.3"


def to_gexf(g: nx.MultiDiGraph, include_personal: bool = False) -> bytes:
    """GEXF 1.3: one edge per relation with its own id, the relation as the edge's ``kind`` (so Gephi
    keeps parallel edges of different relations apart) and ``label``; node and edge attributes typed."""
    from xml.etree.ElementTree import Element, SubElement, indent, tostring

    root = Element(
        "gexf",
        {
            "xmlns": GEXF_NS,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd",
            "version": "1.3",
        },
    )
    meta = SubElement(root, "meta")
    SubElement(meta, "creator").text = GRAPH_NAME
    SubElement(meta, "keywords").text = t("catalog.keywords", "sv").replace(";", ",")
    SubElement(meta, "description").text = _graph_description(include_personal)
    graph = SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static", "idtype": "string"})
    node_columns = [c for c in NODE_COLUMNS if c != "label"] + (["email"] if include_personal else [])
    edge_columns = ["relation", "label_sv", "label_en"]
    for cls, columns in (("node", node_columns), ("edge", edge_columns)):
        attributes = SubElement(graph, "attributes", {"class": cls})
        for i, column in enumerate(columns):
            SubElement(attributes, "attribute", {"id": str(i), "title": column, "type": "string"})

    def values(element, attrs, columns):
        holder = SubElement(element, "attvalues")
        for i, column in enumerate(columns):
            if attrs.get(column):
                SubElement(holder, "attvalue", {"for": str(i), "value": str(attrs[column])})

    nodes = SubElement(graph, "nodes", {"count": str(g.number_of_nodes())})
    for n, attrs in g.nodes(data=True):
        values(SubElement(nodes, "node", {"id": n, "label": attrs.get("label", "")}), attrs, node_columns)
    ids = _edge_ids(g)
    edges = SubElement(graph, "edges", {"count": str(len(ids))})
    for s, o, ident, attrs in ids:
        edge = SubElement(
            edges, "edge", {"id": ident, "source": s, "target": o, "kind": attrs["relation"], "label": attrs["label"]}
        )
        values(edge, attrs, edge_columns)
    indent(root, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="utf-8", xml_declaration=False)


NODE_COLUMNS = (
    "label",
    "label_sv",
    "label_en",
    "class",
    "kind",
    "type",
    "type_code",
    "level",
    "level_code",
    "area",
    "area_code",
    "support",
    "support_code",
    "county",
    "scb_code",
    "iri",
)


def to_csv(g: nx.MultiDiGraph, include_personal: bool = False) -> dict[str, bytes]:
    """``nodes.csv`` (Id, Label, attributes) and ``edges.csv`` (Source, Target, Type, Label, relation …)."""
    extra = ("email",) if include_personal else ()
    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\r\n")
    w.writerow(["Id", "Label", *NODE_COLUMNS[1:], *extra])
    for n, attrs in g.nodes(data=True):
        w.writerow(
            [csv_safe(n), csv_safe(attrs.get("label"))] + [csv_safe(attrs.get(c, "")) for c in NODE_COLUMNS[1:] + extra]
        )
    edges = io.StringIO()
    w = csv.writer(edges, lineterminator="\r\n")
    w.writerow(["Source", "Target", "Type", "Label", "relation", "label_sv", "label_en"])
    for s, o, attrs in g.edges(data=True):
        w.writerow(
            [
                csv_safe(s),
                csv_safe(o),
                "Directed",
                csv_safe(attrs["label"]),
                csv_safe(attrs["relation"]),
                csv_safe(attrs["label_sv"]),
                csv_safe(attrs["label_en"]),
            ]
        )
    readme = "\r\n".join(
        [
            "graphmap – nätverksexport / network export",
            "",
            STATEMENT[include_personal]["sv"],
            STATEMENT[include_personal]["en"],
            "",
            licence_statement("sv"),
            licence_statement("en"),
            "",
            "nodes.csv: en rad per organisation, nätverk eller län / one row per organisation, network or county.",
            "edges.csv: en rad per relation (Source → Target) / one row per relation.",
            "Gephi: File → Import spreadsheet (nodes.csv, then edges.csv).",
            "",
        ]
    )
    bom = "\ufeff"  # Excel reads UTF-8 with a byte-order mark
    return {
        "nodes.csv": (bom + nodes.getvalue()).encode("utf-8"),
        "edges.csv": (bom + edges.getvalue()).encode("utf-8"),
        "LASMIG.txt": readme.encode("utf-8"),
    }


def default_path(fmt: str) -> Path:
    return Path("out") / DEFAULT_NAMES[fmt]


#: where ``graphmap build`` writes when not told: the graph without personal data, or (with
#: ``--include-personal``) the full graph under a name that says what is in it, never the name of a
#: shareable export (:data:`DEFAULT_NAMES`)
BUILD_OUTPUT = {False: "out/graphmap.ttl", True: "out/graphmap-med-personuppgifter.ttl"}


def write_built_graph(kg, path, include_personal: bool = False) -> int:
    """Write a built graph (``graphmap build``) to ``path`` in the format its suffix names (.nt
    sorted by Oxigraph), personal data left out unless ``include_personal``; Turtle and N-Triples
    say which in their first lines. Returns the number of triples written.

    >>> import tempfile, pathlib, graphmap
    >>> kg = graphmap.build()  # doctest: +SKIP
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> n = write_built_graph(kg, path)
    >>> text = path.read_text(encoding="utf-8")
    >>> text.startswith("# Personuppgifter"), "foaf/0.1/name>" in text, n < len(kg.store)
    (True, False, True)
    """
    from graphmap.fileio import write_bytes_atomic
    from graphmap.store import Store, serialize

    path = Path(path)
    store = kg.store if include_personal else Store.from_graph(strip_personal(kg.graph))
    key = "cli.build.with_personal" if include_personal else "cli.build.without_personal"
    head = "".join(f"# {t(key, lang)}\n" for lang in ("sv", "en")).encode("utf-8")
    suffix = path.suffix.lower()
    if suffix == ".nt":  # Oxigraph writes it, sorted: fast at national scale and byte-stable
        body = b"".join(sorted(serialize(store, "nt").splitlines(keepends=True)))
    elif suffix in (".ttl", ".turtle", ""):  # rdflib's Turtle is readable and byte-stable
        body = (kg.graph if include_personal else strip_personal(kg.graph)).serialize(format="turtle", encoding="utf-8")
    else:  # JSON-LD and the like have no comments: the command's message says which
        from graphmap.fileio import write_graph

        write_graph(kg.graph if include_personal else strip_personal(kg.graph), path)
        return len(store)
    write_bytes_atomic(path, head + body)
    return len(store)


def export_data(graph: Graph, fmt: str, path=None, include_personal: bool = False, lang: str = "sv") -> ExportResult:
    """Write ``graph`` (e.g. ``kg.graph``) as ``fmt`` to ``path`` (a folder for ``csv``).

    Every payload is produced before anything is written, so a failure leaves no partial export.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(path) if path else default_path(fmt)
    reads, writer = WRITERS[fmt]
    g = network(graph, lang, include_personal) if reads == "network" else None
    data = writer(graph if g is None else g, include_personal)
    payloads = {path / name: part for name, part in data.items()} if isinstance(data, dict) else {path: data}
    written = [_write(p, part) for p, part in payloads.items()]
    if g is None:
        counts = {"triples": len(shareable_graph(graph, include_personal))}
    else:
        counts = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    return ExportResult(fmt, written, include_personal, counts)


#: every format of ``graphmap export data``: what its writer reads (``"rdf"``: the graph; ``"network"``:
#: the graph's network projection, :func:`network`) and the writer, which returns the file's bytes or,
#: for a folder, {file name: bytes}
WRITERS: dict[str, tuple[str, Callable]] = {
    "ttl": ("rdf", to_turtle),
    "jsonld": ("rdf", to_jsonld),
    "graphml": ("network", to_graphml),
    "gexf": ("network", to_gexf),
    "csv": ("network", to_csv),
}
FORMATS = tuple(WRITERS)


__all__ = [
    "export_data",
    "write_built_graph",
    "BUILD_OUTPUT",
    "network",
    "strip_personal",
    "shareable_graph",
    "personal_resources",
    "ExportResult",
    "FORMATS",
    "STATEMENT",
    "EXPORT_IRI",
    "GRAPH_NAME",
    "licence_statement",
]
