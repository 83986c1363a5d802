"""The dataset's catalogue record: DCAT-AP 3 (and what DCAT-AP-SE asks on top), with VoID statistics.

What a data portal's harvester (dataportal.se) reads to list graphmap's data: a ``dcat:Catalog``
with the dataset (title and description in Swedish and English, publisher, licence, themes from
the EU data-theme list, spatial coverage Sweden and each county in the graph, temporal coverage
from the dates of the facts, keywords, a contact point that is a function and not a person, version
and modification date), one ``dcat:Distribution`` per download (media type, format, access and
download URL) and a ``dcat:DataService`` for the SPARQL endpoint. ``graphmap export catalog``
writes it; the web app serves it at ``/catalog`` and ``/.well-known/void``.

Every IRI a harvester follows is typed in the record itself (``dct:LicenseDocument``,
``dct:Location``, ``skos:Concept`` …), so SEMIC's DCAT-AP shapes (range checks included) pass on the
record alone (``tests/test_catalog.py``). Each place has the box and centre DCAT-AP recommends
(``dcat:bbox``, ``dcat:centroid``): the counties' are approximate, computed by ``bbox_and_centroid``
from Natural Earth's public-domain polygons (``data/reference/geo/``).

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> g = catalog_graph(kg.graph, "http://127.0.0.1:8000/")
>>> str(g.value(DATASET, DCTERMS.license))
'http://publications.europa.eu/resource/authority/licence/CC0'
>>> sorted(str(g.value(d, DCAT.mediaType)).rsplit("/", 2)[-1] for d in g.objects(DATASET, DCAT.distribution))
['csv', 'ld+json', 'turtle', 'xml', 'xml']
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from functools import lru_cache
from math import cos, radians
from pathlib import Path
from typing import TypeVar

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, VOID, XSD
from rdflib.term import Node

from graphmap.export import EXPORT_IRI, GRAPH_NAME, STATEMENT, licence_statement
from graphmap.i18n import LANGS, t
from graphmap.ontology import BASE, DATA_LICENCE, GM, REFERENCE_DIR, bind_prefixes, code_of
from graphmap.ontology_export import ONTOLOGY_IRI
from graphmap.version import __version__

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
CATALOG = URIRef(BASE + "catalog")
DATASET = EXPORT_IRI
"""The dataset: the same IRI as the dataset node every Turtle and JSON-LD export carries."""
SERVICE = URIRef(BASE + "sparql")
PUBLISHER = URIRef(BASE + "id/publisher")
# EU data themes (the authority list's own labels): code -> (sv, en)
THEMES = {
    "SOCI": ("Befolkning och samhälle", "Population and society"),
    "GOVE": ("Regeringen och den offentliga sektorn", "Government and public sector"),
}
# other EU authority-list concepts the record names: IRI tail -> English label
CONCEPTS = {"licence-type/PUBLIC_DOMAIN": "Public domain", "planned-availability/STABLE": "Stable"}
CATALOG_LICENCE = URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
"""The catalogue's own licence: DCAT-AP-SE fixes it to CC0 by this IRI ("Licensen på katalognivån måste
vara CC-0"); the same licence as ``DATA_LICENCE``, which the data and its distributions keep (DCAT-AP-SE
accepts the EU licence list there)."""
SWEDEN_BBOX = ("POLYGON((10.95 55.33, 24.17 55.33, 24.17 69.06, 10.95 69.06, 10.95 55.33))", "POINT(16.75 62.78)")
"""Sweden's bounding box and centroid (WGS 84 longitude latitude) as DCAT-AP recommends for a place: the
box from Sweden's extreme points as stated (Stora Drammen 10.9575° E, Smygehuk 55.3369° N, Kataja
24.1663° E, Treriksröset 69.06° N), rounded outward; the centroid the area centroid of the 21 counties'
Natural Earth polygons (``bbox_and_centroid``; ``tests/test_catalog.py`` checks both)."""
GSP = Namespace("http://www.opengis.net/ont/geosparql#")
COUNTY_GEOMETRY = Path(REFERENCE_DIR) / "geo" / "lan.csv"
"""Each county's bounding box and centroid (``data/reference/geo/README.md``: computed by
``scripts/county_geometry.py`` from Natural Earth's admin-1 polygons, public domain, approximate)."""
LANGUAGES = {"sv": "SWE", "en": "ENG"}
SWEDEN = URIRef(EU + "country/SWE")
DCAT_VERSION = URIRef(str(DCAT) + "version")  # DCAT 3 (rdflib's DCAT namespace predates it)
DCATAP_AVAILABILITY = URIRef("http://data.europa.eu/r5r/availability")
# download file name -> (format key, IANA media type, EU file type, package format or None)
DISTRIBUTIONS = {
    "graphmap.ttl": ("ttl", "text/turtle", "RDF_TURTLE", None),
    "graphmap.jsonld": ("jsonld", "application/ld+json", "JSON_LD", None),
    "graphmap.graphml": ("graphml", "application/xml", "XML", None),
    "graphmap.gexf": ("gexf", "application/xml", "XML", None),
    "graphmap-csv.zip": ("csv", "text/csv", "CSV", "application/zip"),
}
"""The downloads the web app serves under ``/data/`` (``graphmap.serve.downloads.EXPORTS``)."""


Point = Sequence[float]  # (longitude, latitude), WGS 84, as GeoJSON writes it


def _ring_area_centroid(ring: Sequence[Point], origin: Point, scale: float) -> tuple[float, float, float]:
    """The unsigned area and the centroid of one closed ring (shoelace) in coordinates from
    ``origin`` (fewer rounding errors), longitudes times ``scale``."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        x0, x1, y0, y1 = (x0 - origin[0]) * scale, (x1 - origin[0]) * scale, y0 - origin[1], y1 - origin[1]
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        return 0.0, 0.0, 0.0
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def bbox_and_centroid(polygons: Iterable[Sequence[Sequence[Point]]]) -> tuple[tuple[float, ...], tuple[float, float]]:
    """The bounding box (west, south, east, north) and the area centroid (longitude, latitude) of a
    GeoJSON MultiPolygon's coordinates (a Polygon's are ``[coordinates]``); the first ring of each
    polygon is its outline, the others its holes.

    The centroid is taken in an equirectangular projection at the box's middle latitude (a degree of
    longitude shrunk by its cosine there), so that a northern county's east-west extent is not
    overweighted; for a county's size this is within the 1:10 million polygons' own accuracy. The box
    does not cross the antimeridian (Sweden's do not).

    >>> square = [[(10, 60), (12, 60), (12, 62), (10, 62), (10, 60)]]
    >>> bbox_and_centroid([square])
    ((10, 60, 12, 62), (11.0, 61.0))
    >>> hole = [(10.5, 60.5), (11, 60.5), (11, 61), (10.5, 61), (10.5, 60.5)]
    >>> [round(v, 3) for v in bbox_and_centroid([[square[0], hole]])[1]]
    [11.017, 61.017]
    """
    polygons = list(polygons)
    points = [p for polygon in polygons for ring in polygon for p in ring]
    if not points:
        raise ValueError("no coordinates")
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    box = (min(xs), min(ys), max(xs), max(ys))
    scale = cos(radians((box[1] + box[3]) / 2))
    area = sx = sy = 0.0
    for polygon in polygons:
        for i, ring in enumerate(polygon):
            a, cx, cy = _ring_area_centroid(ring, box[:2], scale)
            sign = 1 if i == 0 else -1  # holes subtract, whatever their winding
            area += sign * a
            sx += sign * a * cx
            sy += sign * a * cy
    return box, (box[0] + sx / area / scale, box[1] + sy / area)


def wkt_box(west: float, south: float, east: float, north: float) -> str:
    """A box as the WKT polygon DCAT-AP's ``dcat:bbox`` takes (longitude latitude, CRS84).

    >>> wkt_box(11.11, 57.16, 14.81, 59.25)
    'POLYGON((11.11 57.16, 14.81 57.16, 14.81 59.25, 11.11 59.25, 11.11 57.16))'
    """
    corners = [(west, south), (east, south), (east, north), (west, north), (west, south)]
    return "POLYGON((" + ", ".join(f"{x} {y}" for x, y in corners) + "))"


@lru_cache(maxsize=1)
def county_geometry() -> dict[str, tuple[str, str]]:
    """County code -> (``dcat:bbox``, ``dcat:centroid``) as WKT, from ``data/reference/geo/lan.csv``.

    >>> county_geometry()["24"][1]
    'POINT(17.84 64.87)'
    """
    with open(COUNTY_GEOMETRY, encoding="utf-8", newline="") as f:
        return {
            r["lanskod"]: (
                wkt_box(*(float(r[k]) for k in ("west", "south", "east", "north"))),
                f"POINT({float(r['centroid_lon'])} {float(r['centroid_lat'])})",
            )
            for r in csv.DictReader(f)
        }


def _dates(graph: Graph) -> list[str]:
    return sorted(
        str(o) for o in graph.objects() if isinstance(o, Literal) and o.datatype == XSD.date and o.value is not None
    )


_Resource = TypeVar("_Resource", bound=Node)  # an IRI or a blank node, returned as given


def _texts(g: Graph, subject, predicate, key: str, **fields) -> None:
    for lang in LANGS:
        g.add((subject, predicate, Literal(t(key, lang, **fields), lang=lang)))


def _typed(g: Graph, iri: _Resource, cls: URIRef) -> _Resource:
    g.add((iri, RDF.type, cls))
    return iri


def catalog_graph(graph: Graph, base: str = BASE, contact_email: str | None = None) -> Graph:
    """The catalogue record of ``graph`` (the shareable data), its downloads and endpoint under ``base``.

    ``base`` is where the web app is reached (``https://w3id.org/graphmap/`` once the redirect is
    registered; the server's own address when it serves the record). ``contact_email`` is the
    publisher's functional address (never a person's): DCAT-AP-SE makes an e-mail address of the
    contact point mandatory, and graphmap has none of its own to state, so the one who publishes
    gives it (``graphmap export catalog --contact-email``).
    """
    base = base if base.endswith("/") else base + "/"
    g = bind_prefixes(Graph())
    for prefix, ns in (("dcat", DCAT), ("vcard", VCARD), ("void", VOID), ("sd", SD)):
        g.bind(prefix, ns)
    dates = _dates(graph)
    modified = dates[-1] if dates else None
    for tail, label in CONCEPTS.items():
        g.add((_typed(g, URIRef(EU + tail), SKOS.Concept), SKOS.prefLabel, Literal(label, lang="en")))
    licence = _typed(g, DATA_LICENCE, DCTERMS.LicenseDocument)
    g.add((licence, DCTERMS.type, URIRef(EU + "licence-type/PUBLIC_DOMAIN")))
    catalog_licence = _typed(g, CATALOG_LICENCE, DCTERMS.LicenseDocument)
    g.add((catalog_licence, DCTERMS.type, URIRef(EU + "licence-type/PUBLIC_DOMAIN")))
    for lang in LANGS:
        for item in (licence, catalog_licence):
            g.add((item, SKOS.prefLabel, Literal("Creative Commons CC0 1.0", lang=lang)))
    publisher = _typed(g, PUBLISHER, FOAF.Agent)
    g.add((publisher, RDF.type, FOAF.Organization))
    _texts(g, publisher, FOAF.name, "catalog.publisher")
    _texts(g, publisher, DCTERMS.description, "catalog.publisher_description")
    publisher_type = _typed(g, URIRef("http://purl.org/adms/publishertype/NonProfitOrganisation"), SKOS.Concept)
    g.add((publisher_type, SKOS.prefLabel, Literal("Non-Profit Organisation", lang="en")))
    g.add((publisher, DCTERMS.type, publisher_type))
    g.add((publisher, FOAF.homepage, _typed(g, URIRef(base), FOAF.Document)))
    contact = _typed(g, URIRef(BASE + "id/contact"), VCARD.Organization)
    g.add((contact, RDF.type, VCARD.Kind))
    _texts(g, contact, VCARD.fn, "catalog.contact")
    g.add((contact, VCARD.hasURL, URIRef(base)))
    if contact_email:
        g.add((contact, VCARD.hasEmail, URIRef("mailto:" + contact_email)))
    sweden = _typed(g, SWEDEN, DCTERMS.Location)
    g.add((sweden, DCAT.bbox, Literal(SWEDEN_BBOX[0], datatype=GSP.wktLiteral)))
    g.add((sweden, DCAT.centroid, Literal(SWEDEN_BBOX[1], datatype=GSP.wktLiteral)))
    counties = [_typed(g, c, DCTERMS.Location) for c in sorted(set(graph.subjects(RDF.type, GM.County)), key=str)]
    geometry = county_geometry()
    for county in counties:
        if code_of(county) in geometry:
            box, centre = geometry[code_of(county)]
            g.add((county, DCAT.bbox, Literal(box, datatype=GSP.wktLiteral)))
            g.add((county, DCAT.centroid, Literal(centre, datatype=GSP.wktLiteral)))
    themes = [_typed(g, URIRef(EU + f"data-theme/{code}"), SKOS.Concept) for code in THEMES]
    scheme = _typed(g, URIRef(EU + "data-theme"), SKOS.ConceptScheme)
    g.add((scheme, DCTERMS.title, Literal("Data theme", lang="en")))
    for theme, labels in zip(themes, THEMES.values()):
        g.add((theme, SKOS.inScheme, scheme))
        for lang, label in zip(LANGS, labels):
            g.add((theme, SKOS.prefLabel, Literal(label, lang=lang)))
    languages = [_typed(g, URIRef(EU + f"language/{code}"), DCTERMS.LinguisticSystem) for code in LANGUAGES.values()]
    standard = _typed(g, ONTOLOGY_IRI, DCTERMS.Standard)

    catalog = _typed(g, CATALOG, DCAT.Catalog)
    _texts(g, catalog, DCTERMS.title, "catalog.title")
    _texts(g, catalog, DCTERMS.description, "catalog.description")
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, DCTERMS.license, catalog_licence))
    g.add((catalog, FOAF.homepage, URIRef(base)))
    g.add((catalog, DCAT.themeTaxonomy, scheme))
    g.add((catalog, DCAT.dataset, DATASET))
    g.add((catalog, DCAT.service, SERVICE))
    g.add((catalog, DCTERMS.spatial, sweden))
    for language in languages:
        g.add((catalog, DCTERMS.language, language))
    if modified:
        g.add((catalog, DCTERMS.modified, Literal(modified, datatype=XSD.date)))
        g.add((catalog, DCTERMS.issued, Literal(dates[0], datatype=XSD.date)))

    dataset = _typed(g, DATASET, DCAT.Dataset)
    g.add((dataset, RDF.type, VOID.Dataset))
    _texts(g, dataset, DCTERMS.title, "export.title")
    _texts(g, dataset, DCTERMS.description, "catalog.dataset_description")
    rights = _typed(g, BNode(), DCTERMS.RightsStatement)
    g.add((dataset, DCTERMS.rights, rights))
    for lang in LANGS:
        for word in t("catalog.keywords", lang).split(";"):
            g.add((dataset, DCAT.keyword, Literal(word, lang=lang)))
            g.add((SERVICE, DCAT.keyword, Literal(word, lang=lang)))
        g.add((rights, RDFS.label, Literal(licence_statement(lang), lang=lang)))
    g.add((dataset, DCTERMS.publisher, publisher))
    g.add((dataset, DCAT.contactPoint, contact))
    g.add((dataset, DCTERMS.license, licence))
    g.add((dataset, DCTERMS.accessRights, _typed(g, URIRef(EU + "access-right/PUBLIC"), DCTERMS.RightsStatement)))
    g.add((dataset, DCTERMS.conformsTo, standard))
    g.add((dataset, DCAT.landingPage, _typed(g, URIRef(base + "data"), FOAF.Document)))
    g.add((dataset, DCTERMS.identifier, Literal(str(DATASET))))
    g.add((dataset, DCAT_VERSION, Literal(f"{__version__}+{modified or 'data'}")))
    for theme in themes:
        g.add((dataset, DCAT.theme, theme))
    for place in (sweden, *counties):
        g.add((dataset, DCTERMS.spatial, place))
    for language in languages:
        g.add((dataset, DCTERMS.language, language))
    if modified:
        g.add((dataset, DCTERMS.modified, Literal(modified, datatype=XSD.date)))
        g.add((dataset, DCTERMS.issued, Literal(dates[0], datatype=XSD.date)))
        period = _typed(g, BNode(), DCTERMS.PeriodOfTime)
        g.add((period, DCAT.startDate, Literal(dates[0], datatype=XSD.date)))
        g.add((period, DCAT.endDate, Literal(modified, datatype=XSD.date)))
        g.add((dataset, DCTERMS.temporal, period))
    g.add((dataset, VOID.triples, Literal(len(graph))))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(base + "sparql")))
    g.add((dataset, VOID.vocabulary, URIRef(str(GM))))

    for name, (key, media, filetype, package) in DISTRIBUTIONS.items():
        dist = _typed(g, URIRef(f"{BASE}id/distribution/{key}"), DCAT.Distribution)
        url = URIRef(f"{base}data/{name}")
        g.add((dataset, DCAT.distribution, dist))
        if key in ("ttl", "jsonld"):
            g.add((dataset, VOID.dataDump, url))
            g.add((dist, DCTERMS.conformsTo, standard))
        _texts(g, dist, DCTERMS.title, f"catalog.distribution.{key}")
        for lang in LANGS:
            g.add(
                (
                    dist,
                    DCTERMS.description,
                    Literal(f"{t(f'catalog.distribution.{key}', lang)}. {STATEMENT[False][lang]}", lang=lang),
                )
            )
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, _typed(g, URIRef(IANA + media), DCTERMS.MediaType)))
        g.add((dist, DCTERMS.format, _typed(g, URIRef(EU + f"file-type/{filetype}"), DCTERMS.MediaTypeOrExtent)))
        if package:
            g.add((dist, DCAT.packageFormat, _typed(g, URIRef(IANA + package), DCTERMS.MediaType)))
        g.add((dist, DCTERMS.license, licence))
        g.add((dist, DCATAP_AVAILABILITY, _typed(g, URIRef(EU + "planned-availability/STABLE"), SKOS.Concept)))
        if modified:
            g.add((dist, DCTERMS.modified, Literal(modified, datatype=XSD.date)))

    service = _typed(g, SERVICE, DCAT.DataService)
    _texts(g, service, DCTERMS.title, "catalog.service_title")
    _texts(g, service, DCTERMS.description, "catalog.service_description")
    g.add((service, DCAT.endpointURL, URIRef(base + "sparql")))
    g.add((service, DCAT.endpointDescription, URIRef(base + "sparql")))
    g.add((service, DCAT.servesDataset, dataset))
    g.add(
        (service, DCTERMS.conformsTo, _typed(g, URIRef("https://www.w3.org/TR/sparql11-protocol/"), DCTERMS.Standard))
    )
    g.add((service, DCTERMS.format, _typed(g, URIRef(EU + "file-type/SPARQLQRES"), DCTERMS.MediaTypeOrExtent)))
    g.add((service, DCTERMS.publisher, publisher))
    g.add((service, DCAT.contactPoint, contact))
    g.add((service, DCTERMS.license, licence))
    g.add((service, DCTERMS.accessRights, URIRef(EU + "access-right/PUBLIC")))
    for theme in themes:
        g.add((service, DCAT.theme, theme))
    return g


def to_turtle(graph: Graph, base: str = BASE, contact_email: str | None = None) -> bytes:
    """The record as Turtle, with a comment naming the dataset and its licence."""
    head = "".join(f"# {t('catalog.title', lang)}. {licence_statement(lang)}\n" for lang in LANGS)
    return head.encode("utf-8") + catalog_graph(graph, base, contact_email).serialize(format="turtle", encoding="utf-8")


__all__ = [
    "catalog_graph",
    "service_description",
    "to_turtle",
    "CATALOG",
    "DATASET",
    "SERVICE",
    "DISTRIBUTIONS",
    "GRAPH_NAME",
]


FORMATS_NS = "http://www.w3.org/ns/formats/"
RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
)


def service_description(graph: Graph, base: str = BASE) -> Graph:
    """The SPARQL 1.1 Service Description of ``/sparql`` with VoID statistics of the served ``graph``.

    >>> import graphmap
    >>> kg = graphmap.build()  # doctest: +SKIP
    >>> sd = service_description(kg.graph, "http://127.0.0.1:8000/")
    >>> service = URIRef("http://127.0.0.1:8000/sparql")
    >>> str(sd.value(service, SD.endpoint)), (service, SD.supportedLanguage, SD.SPARQL11Query) in sd
    ('http://127.0.0.1:8000/sparql', True)
    """
    base = base if base.endswith("/") else base + "/"
    g = bind_prefixes(Graph())
    for prefix, ns in (("sd", SD), ("void", VOID), ("dcat", DCAT)):
        g.bind(prefix, ns)
    endpoint = URIRef(base + "sparql")
    g.add((endpoint, RDF.type, SD.Service))
    g.add((endpoint, SD.endpoint, endpoint))
    g.add((endpoint, SD.supportedLanguage, SD.SPARQL11Query))
    for fmt in RESULT_FORMATS:
        g.add((endpoint, SD.resultFormat, URIRef(FORMATS_NS + fmt)))
    g.add((endpoint, SD.feature, SD.UnionDefaultGraph))
    g.add((endpoint, DCTERMS.license, DATA_LICENCE))
    for lang in LANGS:
        g.add((endpoint, DCTERMS.description, Literal(t("catalog.service_description", lang), lang=lang)))
    default = BNode()
    g.add((endpoint, SD.defaultDataset, default))
    g.add((default, RDF.type, SD.Dataset))
    g.add((default, SD.defaultGraph, DATASET))
    g.add((DATASET, RDF.type, SD.Graph))
    g.add((DATASET, RDF.type, VOID.Dataset))
    g.add((DATASET, DCTERMS.license, DATA_LICENCE))
    g.add((DATASET, VOID.sparqlEndpoint, endpoint))
    for key in ("ttl", "jsonld"):
        g.add(
            (DATASET, VOID.dataDump, URIRef(base + "data/" + next(n for n, d in DISTRIBUTIONS.items() if d[0] == key)))
        )
    g.add((DATASET, VOID.triples, Literal(len(graph))))
    g.add((DATASET, VOID.distinctSubjects, Literal(len(set(graph.subjects())))))
    g.add((DATASET, VOID.distinctObjects, Literal(len(set(graph.objects())))))
    g.add((DATASET, VOID.properties, Literal(len(set(graph.predicates())))))
    counts: dict = {}
    for _s, cls in graph.subject_objects(RDF.type):
        counts[cls] = counts.get(cls, 0) + 1
    g.add((DATASET, VOID.classes, Literal(len(counts))))
    for cls, n in sorted(counts.items(), key=lambda kv: str(kv[0])):
        part = BNode()
        g.add((DATASET, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(n)))
    g.add((DATASET, VOID.vocabulary, URIRef(str(GM))))
    g.add((DATASET, URIRef(str(DCAT) + "landingPage"), URIRef(base + "catalog")))
    return g
