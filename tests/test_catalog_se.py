"""The catalogue record against DCAT-AP-SE 3.0.1, the Swedish data portal's profile (DIGG).

DCAT-AP-SE publishes no SHACL shapes: its formal specification is the RDForms template bundle the
specification page is rendered from, shipped unchanged in ``tests/data/dcat-ap-se/`` (CC BY 4.0, see
its README). ``se_results`` reads the templates of each class the record holds (catalogue, dataset,
distribution, data service, and the publisher and contact point they name) and checks them as
written: ``cardinality.min`` (mandatory), ``cardinality.pref`` (recommended), ``max``, ``choices``,
a fixed ``value``, ``nodetype``, ``datatype``, ``pattern`` and, for a choice or a group, the value's
``constraints``. DIGG's two documented deviations are applied (an EU file-type IRI as
``dcterms:format``, an EU licence IRI on a distribution). The record holds every mandatory property
of the profile; what stays recommended-but-absent is a list with the reason for each.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD

from graphmap.catalog import CATALOG, CATALOG_LICENCE, DATASET, SERVICE, VCARD, catalog_graph
from graphmap.cli import main
from graphmap.export import shareable_graph

BUNDLE = Path(__file__).resolve().parent / "data" / "dcat-ap-se" / "bundle.json"
BASE = "http://127.0.0.1:8000/"
EMAIL = "data@example.org"
PREFIXES = {
    "rdf": str(RDF),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
    "dcat": str(DCAT),
    "vcard": str(VCARD),
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "odrs": "http://schema.theodi.org/odrs#",
    "locn": "http://www.w3.org/ns/locn#",
    "adms": "http://www.w3.org/ns/adms#",
    "dcatap": "http://data.europa.eu/r5r/",
    "spdx": "http://spdx.org/rdf/terms#",
}
# the class templates of the profile, and the templates of what their properties name
CLASSES = {
    "dcat:Catalog": DCAT.Catalog,
    "dcat:Dataset": DCAT.Dataset,
    "dcat:Distribution": DCAT.Distribution,
    "dcat:DataService": DCAT.DataService,
}
NESTED = {DCTERMS.publisher: "dcat:foaf:Agent", DCAT.contactPoint: "dcat:contactPoint"}
EU = "http://publications.europa.eu/resource/authority/"


def expand(name: str) -> str:
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES else name


@lru_cache(maxsize=1)
def templates() -> dict:
    return {t["id"]: t for t in json.loads(BUNDLE.read_text(encoding="utf-8"))["templates"] if "id" in t}


def resolve(item) -> dict:
    """An item of a template (an id, or a dict that may extend another) with what it extends merged in."""
    if isinstance(item, str):
        item = templates()[item]
    if "extends" in item:
        item = {**resolve(item["extends"]), **{k: v for k, v in item.items() if k != "extends"}}
    return item


def conforms(g: Graph, item: dict, value) -> bool:
    """Whether ``value`` is a value the item accepts (node type, choices, fixed value, datatype, pattern, type)."""
    kind = item.get("nodetype")
    if kind == "URI" and not isinstance(value, URIRef):
        return False
    if kind == "RESOURCE" and isinstance(value, Literal):
        return False
    if kind in ("LITERAL", "ONLY_LITERAL", "LANGUAGE_LITERAL", "DATATYPE_LITERAL", "PLAIN_LITERAL"):
        if not isinstance(value, Literal):
            return False
        if kind == "LANGUAGE_LITERAL" and not value.language:
            return False
        if kind == "ONLY_LITERAL" and (value.language or value.datatype not in (None, XSD.string)):
            return False
        if kind == "PLAIN_LITERAL" and value.datatype not in (None, XSD.string):
            return False
    datatypes = item.get("datatype")
    if datatypes:
        allowed = {expand(d) for d in (datatypes if isinstance(datatypes, list) else [datatypes])}
        if not isinstance(value, Literal) or str(value.datatype) not in allowed:
            return False
    if "value" in item and str(value) != expand(item["value"]):
        return False
    if item.get("choices") and str(value) not in {expand(c["value"]) for c in item["choices"]}:
        return False
    if item.get("pattern") and not re.search(item["pattern"], str(value)):
        return False
    if item.get("type") in ("choice", "group"):
        for prop, wanted in (item.get("constraints") or {}).items():
            wanted = {expand(w) for w in (wanted if isinstance(wanted, list) else [wanted])}
            if not {str(o) for o in g.objects(value, URIRef(expand(prop)))} & wanted:
                return False
    return True


def deviation(g: Graph, prop: URIRef, node, value) -> bool:
    """DIGG's documented deviations (``docs/changes.md``): EU file types with ``dcat:mediaType``, EU licences."""
    if prop == DCTERMS.format:
        return str(value).startswith(EU + "file-type/")
    return (
        prop == DCTERMS.license and (node, RDF.type, DCAT.Distribution) in g and str(value).startswith(EU + "licence/")
    )


def applies(g: Graph, item: dict, node) -> bool:
    """An item with ``deps`` (property, value) counts only where the node has that value (HVD categories)."""
    deps = item.get("deps")
    return not deps or (node, URIRef(expand(deps[0])), URIRef(expand(deps[1]))) in g


def leaves(item: dict) -> list[dict]:
    """The items of a group without a property of its own (alternatives for one value), else the item."""
    if item.get("type") == "group" and not item.get("property"):
        return [leaf for sub in item.get("items", []) for leaf in leaves(resolve(sub))]
    return [item]


def check(g: Graph, template: str, node, label: str, out: list) -> None:
    for raw in templates()[template]["items"]:
        item = resolve(raw)
        alternatives = [a for a in leaves(item) if a.get("property")]
        if not alternatives or not applies(g, item, node):
            continue
        card = item.get("cardinality", {})
        good = set()
        for alt in alternatives:
            prop = URIRef(expand(alt["property"]))
            for value in g.objects(node, prop):
                if conforms(g, alt, value) or deviation(g, prop, node, value):
                    good.add((prop, value))
        name = alternatives[0]["property"]
        if len(good) < card.get("min", 0):
            out.append(("mandatory", label, name))
        elif len(good) < card.get("pref", 0):
            out.append(("recommended", label, name))
        if "max" in card and len(good) > card["max"]:
            out.append(("max", label, name))
    # a value no item of this class accepts is not understood by the portal
    for raw in templates()[template]["items"]:
        for alt in (a for a in leaves(resolve(raw)) if a.get("property")):
            prop = URIRef(expand(alt["property"]))
            if prop == RDF.type:
                continue
            siblings = [
                a
                for r in templates()[template]["items"]
                for a in leaves(resolve(r))
                if a.get("property") and URIRef(expand(a["property"])) == prop
            ]
            for value in g.objects(node, prop):
                if not any(conforms(g, a, value) for a in siblings) and not deviation(g, prop, node, value):
                    out.append(("value", label, f"{alt['property']} {value}"))
    for prop, nested in NESTED.items():
        for value in g.objects(node, prop):
            check(g, nested, value, f"{label}/{nested}", out)


def se_results(g: Graph) -> list[tuple[str, str, str]]:
    """Every unmet DCAT-AP-SE 3.0.1 requirement: (kind, class/nested template, property)."""
    out: list = []
    for template, cls in CLASSES.items():
        for node in sorted(g.subjects(RDF.type, cls), key=str):
            check(g, template, node, template, out)
    return sorted(set(out))


# recommended properties the record leaves out, each for a reason
ABSENT_FOR_A_REASON = {
    # the organisation number: the graphmap project is no registered organisation and has none
    ("recommended", "dcat:Catalog/dcat:foaf:Agent", "dcterms:identifier"),
    ("recommended", "dcat:Dataset/dcat:foaf:Agent", "dcterms:identifier"),
    ("recommended", "dcat:DataService/dcat:foaf:Agent", "dcterms:identifier"),
    # "finansieras med avgifter": only for a publisher that charges fees; graphmap charges none
    ("recommended", "dcat:Catalog/dcat:foaf:Agent", "https://www.w3.org/ns/org#classification"),
    ("recommended", "dcat:Dataset/dcat:foaf:Agent", "https://www.w3.org/ns/org#classification"),
    ("recommended", "dcat:DataService/dcat:foaf:Agent", "https://www.w3.org/ns/org#classification"),
    # a telephone and a postal address: the contact point is a function reached by e-mail and the web
    ("recommended", "dcat:Dataset/dcat:contactPoint", "vcard:hasTelephone"),
    ("recommended", "dcat:Dataset/dcat:contactPoint", "vcard:hasAddress"),
    ("recommended", "dcat:DataService/dcat:contactPoint", "vcard:hasTelephone"),
    ("recommended", "dcat:DataService/dcat:contactPoint", "vcard:hasAddress"),
}


@pytest.fixture(scope="module")
def record(kg) -> Graph:
    return catalog_graph(shareable_graph(kg.graph), BASE, EMAIL)


def test_the_record_holds_every_mandatory_property_of_dcat_ap_se(record):
    results = se_results(record)
    assert not [r for r in results if r[0] != "recommended"], results
    assert set(results) == ABSENT_FOR_A_REASON


def test_without_a_contact_address_the_one_mandatory_gap_is_named(kg):
    """graphmap has no e-mail address of its own: without ``--contact-email`` the profile says what is missing."""
    results = se_results(catalog_graph(shareable_graph(kg.graph), BASE))
    assert [r for r in results if r[0] == "mandatory"] == [
        ("mandatory", "dcat:DataService/dcat:contactPoint", "vcard:hasEmail"),
        ("mandatory", "dcat:Dataset/dcat:contactPoint", "vcard:hasEmail"),
    ]


def test_the_check_catches_what_the_profile_forbids(record):
    """The reading of the templates can fail: each planted defect is reported as the profile says."""
    broken = Graph()
    for triple in record:
        broken.add(triple)
    broken.remove((CATALOG, DCTERMS.license, None))
    broken.add((CATALOG, DCTERMS.license, URIRef(EU + "licence/CC0")))  # the catalogue's licence is fixed
    broken.remove((DATASET, DCTERMS.publisher, None))
    dist = next(broken.objects(DATASET, DCAT.distribution))
    broken.remove((dist, DCTERMS.format, None))
    broken.add((dist, DCTERMS.format, Literal("Turtle")))  # neither a media type nor an EU file type
    broken.remove((dist, DCAT.accessURL, None))
    broken.add((SERVICE, DCTERMS.accessRights, URIRef(EU + "access-right/SOMETIMES")))
    broken.add((DATASET, DCTERMS.issued, Literal("last year")))
    period = BNode()
    broken.add((DATASET, DCTERMS.temporal, period))  # a period that is not typed
    results = se_results(broken)
    assert ("mandatory", "dcat:Catalog", "dcterms:license") in results
    assert ("value", "dcat:Catalog", f"dcterms:license {EU}licence/CC0") in results
    assert ("mandatory", "dcat:Dataset", "dcterms:publisher") in results
    assert ("mandatory", "dcat:Distribution", "dcterms:format") in results
    assert ("value", "dcat:Distribution", "dcterms:format Turtle") in results
    assert ("mandatory", "dcat:Distribution", "dcat:accessURL") in results
    assert ("value", "dcat:DataService", f"dcterms:accessRights {EU}access-right/SOMETIMES") in results
    assert ("max", "dcat:DataService", "dcterms:accessRights") not in results  # SOMETIMES is no choice
    assert ("value", "dcat:Dataset", "dcterms:issued last year") in results
    assert ("value", "dcat:Dataset", f"dcterms:temporal {period}") in results


def test_the_catalogue_licence_is_the_one_dcat_ap_se_fixes(record):
    fixed = resolve("dcat:dcterms:license_ca")["value"]
    assert record.value(CATALOG, DCTERMS.license) == CATALOG_LICENCE == URIRef(fixed)


def test_cli_writes_the_contact_address_or_refuses_a_bad_one(tmp_path):
    out = tmp_path / "catalog.ttl"
    ok = CliRunner().invoke(main, ["export", "catalog", "-o", str(out), "--contact-email", EMAIL])
    assert ok.exit_code == 0, ok.output
    g = Graph().parse(out, format="turtle")
    assert set(g.objects(None, VCARD.hasEmail)) == {URIRef("mailto:" + EMAIL)}
    assert not [r for r in se_results(g) if r[0] != "recommended"]
    bad = tmp_path / "bad.ttl"
    refused = CliRunner().invoke(
        main, ["export", "catalog", "-o", str(bad), "--contact-email", "Anna Svensson", "--lang", "en"]
    )
    assert refused.exit_code == 2 and not bad.exists()
    assert "--contact-email: Anna Svensson is not an e-mail address (like data@region.se)." in refused.output
