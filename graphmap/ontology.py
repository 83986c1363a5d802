"""Namespaces, IRIs and the ontology/vocabulary files under ``ontology/``.

Everything else imports its terms from here::

    >>> from graphmap.ontology import GM, actor_iri, kommun_iri
    >>> str(kommun_iri("0180"))
    'https://w3id.org/graphmap/id/kommun/0180'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from graphmap.packagedata import CHECKOUT, shipped
from graphmap.workspace import rounds_dir

ROOT = CHECKOUT  # the checkout (tests and scripts); an installed package reads shipped() instead
ONTOLOGY_DIR = shipped("ontology")
DATA_DIR = shipped("data")
REFERENCE_DIR = DATA_DIR / "reference"
REGIONS_DIR = DATA_DIR / "regions"
LANDSCAPE_DIR = DATA_DIR / "landscape"  # the national reference layer, one folder per county


def __getattr__(name: str) -> Path:
    # ROUNDS_DIR follows the workspace (GRAPHMAP_WORKSPACE or the current directory) at each use
    if name == "ROUNDS_DIR":
        return rounds_dir()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


BASE = "https://w3id.org/graphmap/"
GM = Namespace(BASE + "def#")
VOCAB = Namespace(BASE + "vocab/")
ID = Namespace(BASE + "id/")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES = {
    "gm": GM,
    "org": ORG,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "foaf": FOAF,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "sh": SH,
    "vocab": VOCAB,
    "id": ID,
}

# Plain strings (an rdflib URIRef never equals a str): compare them with str(term).
NATIONAL = str(VOCAB["level/nationell"])
"""The national level: the end of every chain, the level whose support reaches every municipality."""
AREA_SCHEME = str(VOCAB["area"])
"""The SKOS scheme of areas (verksamhetsområden)."""
DATA_LICENCE = URIRef("http://publications.europa.eu/resource/authority/licence/CC0")
"""The licence of the data, the ontology and the vocabularies: CC0 1.0 (``LICENSE-DATA.md`` says why),
by the IRI DCAT-AP's licence list gives it."""
DATA_LICENCE_PAGE = "https://creativecommons.org/publicdomain/zero/1.0/"
"""The licence's own page (what a person reads)."""

__all__ = [
    "GM",
    "VOCAB",
    "ID",
    "SH",
    "ORG",
    "SKOS",
    "DCTERMS",
    "PROV",
    "FOAF",
    "RDF",
    "RDFS",
    "OWL",
    "XSD",
    "PREFIXES",
    "NATIONAL",
    "AREA_SCHEME",
    "DATA_LICENCE",
    "DATA_LICENCE_PAGE",
    "sparql_prefixes",
    "code_of",
    "curie",
    "expand",
    "kommun_iri",
    "lan_iri",
    "actor_iri",
    "network_iri",
    "record_iri",
    "concept_iri",
    "ontology_graph",
    "vocab_graph",
    "shapes_graph",
    "bind_prefixes",
]


def expand(term: str) -> URIRef:
    """Expand a CURIE such as ``"gm:serves"`` to a full IRI.

    >>> expand("skos:prefLabel")
    rdflib.term.URIRef('http://www.w3.org/2004/02/skos/core#prefLabel')
    """
    prefix, _, local = term.partition(":")
    return URIRef(str(PREFIXES[prefix]) + local)


def curie(iri: str) -> str:
    """Shorten an IRI with the project prefixes (the inverse of :func:`expand`)."""
    best = None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(str(ns)) and (best is None or len(str(ns)) > len(str(PREFIXES[best]))):
            best = prefix
    return f"{best}:{iri[len(str(PREFIXES[best])) :]}" if best else iri


def sparql_prefixes(*names: str) -> str:
    """The SPARQL ``PREFIX`` lines for ``names`` (every project prefix when none is given).

    >>> print(sparql_prefixes("gm", "skos"), end="")
    PREFIX gm: <https://w3id.org/graphmap/def#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    """
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in (names or PREFIXES))


def code_of(iri) -> str:
    """The last part of an IRI: a municipality's or county's SCB code, a concept's notation.

    >>> code_of("https://w3id.org/graphmap/id/lan/24"), code_of(VOCAB["level/nationell"]), code_of(None)
    ('24', 'nationell', '')
    """
    return str(iri).rstrip("/").rsplit("/", 1)[-1] if iri is not None else ""


def kommun_iri(code: str) -> URIRef:
    """A municipality, by its four-digit SCB code."""
    return ID[f"kommun/{code}"]


def lan_iri(code: str) -> URIRef:
    """A county (län), by its two-digit SCB code."""
    return ID[f"lan/{code}"]


def actor_iri(slug: str) -> URIRef:
    """An actor (organisation); one IRI across all datasets so regions merge."""
    return ID[f"actor/{slug}"]


def network_iri(slug: str) -> URIRef:
    """A network, forum or collaboration; one IRI across all datasets."""
    return ID[f"network/{slug}"]


def record_iri(dataset: str, table: str, slug: str) -> URIRef:
    """A fact with its own provenance (a row of a record table), scoped by dataset."""
    return ID[f"{dataset}/{table}/{slug}"]


def concept_iri(scheme: str, notation: str) -> URIRef:
    """A SKOS concept, e.g. ``concept_iri("area", "funktionshinder")``."""
    return VOCAB[f"{scheme}/{notation}"]


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


@lru_cache(maxsize=1)
def vocab_graph() -> Graph:
    """All SKOS schemes in ``ontology/vocab/*.ttl``."""
    return _parse_turtle(sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl")))


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The OWL ontology (``ontology/graphmap.ttl``) together with the vocabularies."""
    g = _parse_turtle([ONTOLOGY_DIR / "graphmap.ttl"])
    g += vocab_graph()
    return g


def _parse_turtle(paths) -> Graph:
    """Turtle files as one rdflib Graph, parsed by Oxigraph (about twice as fast as rdflib's own
    parser on the 24 files every command reads), with the files' prefixes and graphmap's bound.

    >>> g = _parse_turtle([ONTOLOGY_DIR / "vocab" / "route.ttl"])
    >>> (concept_iri("route", "coverage"), RDF.type, SKOS.Concept) in g, str(dict(g.namespaces())["skos"]) == str(SKOS)
    (True, True)
    """
    import pyoxigraph as ox

    from graphmap.terms import from_ox

    g = Graph()
    for path in paths:
        parser = ox.parse(Path(path).read_bytes(), format=ox.RdfFormat.TURTLE, base_iri=Path(path).resolve().as_uri())
        g.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), g) for q in parser)
        for prefix, ns in parser.prefixes.items():
            g.bind(prefix, ns, override=False)
    return bind_prefixes(g)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes (``ontology/shapes.ttl``)."""
    return bind_prefixes(Graph()).parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
