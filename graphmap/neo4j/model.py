"""How the RDF graph maps onto a Neo4j property graph, and back.

* Every IRI node becomes one shared node ``:Resource {iri, datasets}``: the IRI (unique) and the
  tokens (``D@n``) of the dataset versions that hold it.
* What a dataset version states about the node is its own claim, a node
  ``(:GraphmapClaim {_token: "D@n", _labels: [...], <literals>})-[:GRAPHMAP_CLAIMS]->(:Resource)``:
  one label per ``rdf:type`` class of the ontology in ``_labels`` (``gm:Municipality`` ->
  ``Municipality``, ``org:Membership`` -> ``Membership``, ``skos:Concept`` -> ``Concept`` …) and
  the literals as properties (below). Two datasets may say different things about one node (SKR's
  description in two regions): each pull and each query in one dataset reads its own claim.
* The shared node carries every label a claim states, so that the queries can match on labels
  (``:Municipality``) with the label index: a query in one dataset also sees a label that only
  another dataset states for a shared node (pulls do not). A label no claim states was added in
  Neo4j Browser and comes back in pulls, like any property on the shared node other than ``iri``
  and ``datasets``.
* An IRI-valued triple whose predicate is an object property of the ontology becomes a
  relationship typed by its local name in UPPER_SNAKE (``gm:serves`` -> ``SERVES``,
  ``org:memberOf`` -> ``MEMBER_OF``, ``skos:broader`` -> ``BROADER``) between the shared nodes,
  with the tokens of the versions that state it in its ``datasets``.
* A literal becomes a property of the claim keyed by the predicate's local name, with the language as a
  suffix (``skos:prefLabel "Umeå"@sv`` -> ``prefLabel_sv``); several values make a list.
  Integers, booleans and dates in canonical form are stored natively; any other datatype
  (``xsd:decimal``, ``xsd:gYear`` …) is kept as its exact lexical string and the datatype is
  recorded in ``_datatypes`` (``["fte=xsd:decimal"]``), so a pull restores the exact literal.
  IRI values of annotation-like properties (``foaf:mbox``, ``foaf:page``) are strings with
  the datatype ``@id``.
* Labels and relationship types come only from this whitelist (never from free text):
  Cypher cannot take them as parameters, so they are checked here before any query is built.

>>> m = model()
>>> m.rel_type("http://www.w3.org/ns/org#memberOf")
'MEMBER_OF'
>>> m.label_of("https://w3id.org/graphmap/def#Municipality")
'Municipality'
>>> m.key_for("http://www.w3.org/2004/02/skos/core#prefLabel", "sv")
'prefLabel_sv'
>>> m.decode_key("prefLabel_sv")
('http://www.w3.org/2004/02/skos/core#prefLabel', 'sv')

Every class and column of the tables (:mod:`graphmap.schema`) has its name here:

>>> from graphmap.schema import TABLES
>>> terms = [t.rdf_class for t in TABLES] + [c.predicate for t in TABLES for c in t.columns if c.predicate]
>>> [term for term in terms if str(expand(term)) not in {**m.labels, **m.rel_types, **m.keys}]
[]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, RDF, RDFS, SKOS, XSD

from graphmap.ontology import GM, curie, expand, ontology_graph

BASE_LABEL = "Resource"
CLAIM_LABEL = "GraphmapClaim"  # what one dataset version states about a node
CLAIMS = "GRAPHMAP_CLAIMS"  # (claim)-[:GRAPHMAP_CLAIMS]->(:Resource)
SYSTEM_KEYS = ("iri", "datasets", "_token", "_labels", "_datatypes", "_owners", "_personal", "_derived")
RESERVED = (BASE_LABEL, CLAIM_LABEL, CLAIMS, "GraphmapDataset")
IRI_DATATYPE = "@id"

# Terms of standard vocabularies the ontology reuses (it declares only its own gm: terms).
STANDARD_CLASSES = [
    ORG.Organization,
    ORG.OrganizationalCollaboration,
    ORG.Membership,
    ORG.Post,
    ORG.Role,
    ORG.ChangeEvent,
    SKOS.Concept,
    SKOS.ConceptScheme,
    FOAF.Person,
    OWL.Ontology,
]
STANDARD_OBJECT = [
    ORG.member,
    ORG.memberOf,
    ORG.hasMember,
    ORG.organization,
    ORG.role,
    ORG.holds,
    ORG.heldBy,
    ORG.postIn,
    ORG.subOrganizationOf,
    ORG.hasSubOrganization,
    ORG.originalOrganization,
    ORG.resultingOrganization,
    ORG.changedBy,
    ORG.resultedFrom,
    SKOS.broader,
    SKOS.narrower,
    SKOS.related,
    SKOS.inScheme,
    SKOS.hasTopConcept,
    SKOS.topConceptOf,
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
    SKOS.relatedMatch,
    DCTERMS.source,
    DCTERMS.isPartOf,
    DCTERMS.hasPart,
    RDFS.seeAlso,
]
STANDARD_LITERAL = [
    SKOS.prefLabel,
    SKOS.altLabel,
    SKOS.hiddenLabel,
    SKOS.definition,
    SKOS.editorialNote,
    SKOS.scopeNote,
    SKOS.note,
    SKOS.example,
    SKOS.notation,
    DCTERMS.date,
    DCTERMS.description,
    DCTERMS.identifier,
    DCTERMS.publisher,
    DCTERMS.title,
    DCTERMS.created,
    DCTERMS.modified,
    DCTERMS.issued,
    DCTERMS.dateAccepted,
    DCTERMS.license,
    FOAF.name,
    FOAF.mbox,
    FOAF.page,
    FOAF.homepage,
    RDFS.label,
    RDFS.comment,
    OWL.versionInfo,
]
NATIVE_DATATYPES = {XSD.integer, XSD.boolean, XSD.date}


class ModelError(ValueError):
    """The graph uses a class or predicate outside the ontology whitelist."""

    def __init__(self, kind: str, iri: str):
        self.kind, self.iri = kind, iri
        super().__init__(f"{kind} {iri}")

    def message(self, lang: str = "sv") -> str:
        from graphmap.i18n import t

        if self.kind == "personal":
            return t("neo4j.personal_contradiction", lang, term=self.iri)
        return t("neo4j.not_in_ontology", lang, what=t(f"neo4j.what_{self.kind}", lang), term=curie(self.iri))


def _local(iri: str) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


@dataclass
class Model:
    labels: dict[str, str]  # class IRI -> label
    rel_types: dict[str, str]  # predicate IRI -> relationship type
    keys: dict[str, str]  # predicate IRI -> property key (literal-valued)

    def __post_init__(self):
        self.class_of = {v: k for k, v in self.labels.items()}
        self.predicate_of_type = {v: k for k, v in self.rel_types.items()}
        self.predicate_of_key = {v: k for k, v in self.keys.items()}

    def label_of(self, cls) -> str:
        try:
            return self.labels[str(cls)]
        except KeyError:
            raise ModelError("class", str(cls)) from None

    def rel_type(self, predicate) -> str:
        try:
            return self.rel_types[str(predicate)]
        except KeyError:
            raise ModelError("predicate", str(predicate)) from None

    def is_relationship(self, predicate, obj) -> bool:
        return isinstance(obj, URIRef) and str(predicate) in self.rel_types

    def key_for(self, predicate, lang: str | None = None) -> str:
        try:
            base = self.keys[str(predicate)]
        except KeyError:
            raise ModelError("predicate", str(predicate)) from None
        return f"{base}_{lang}" if lang else base

    def decode_key(self, key: str) -> tuple[str, str | None]:
        """Property key -> (predicate IRI, language or None); raise ModelError if unknown."""
        if key in self.predicate_of_key:
            return self.predicate_of_key[key], None
        base, sep, lang = key.rpartition("_")
        if sep and base in self.predicate_of_key and re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", lang):
            return self.predicate_of_key[base], lang
        raise ModelError("key", key)

    def check_label(self, label: str) -> str:
        """A label that may be pasted into Cypher text (whitelisted)."""
        if label != BASE_LABEL and label not in self.class_of:
            raise ModelError("class", label)
        return label

    def check_type(self, rel_type: str) -> str:
        if rel_type not in self.predicate_of_type:
            raise ModelError("predicate", rel_type)
        return rel_type


def _unique_names(iris, make) -> dict[str, str]:
    """Name each IRI by ``make(local)``; IRIs whose names collide get the prefix too."""
    names: dict[str, list[str]] = {}
    for iri in iris:
        names.setdefault(make(_local(iri)), []).append(str(iri))
    out = {}
    for name, group in names.items():
        if len(group) == 1 and name not in SYSTEM_KEYS and name not in RESERVED:
            out[group[0]] = name
        else:
            for iri in group:
                prefix = curie(iri).split(":", 1)[0]
                out[iri] = make(f"{prefix}_{_local(iri)}")
    return out


@lru_cache(maxsize=1)
def model() -> Model:
    """The whitelist built from the ontology (its declared terms plus the standard terms it reuses)."""
    g = ontology_graph()

    def own(kind) -> set[str]:
        # the ontology's own gm: terms; the reused ones it declares for OWL 2 DL (prov:Activity,
        # foaf:page …) map as the lists above say, so that no label or key changes with a declaration
        return {str(s) for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef) and str(s).startswith(str(GM))}

    classes = sorted(own(OWL.Class) | {str(c) for c in STANDARD_CLASSES})
    obj = sorted(own(OWL.ObjectProperty) | {str(p) for p in STANDARD_OBJECT})
    lit = sorted(
        (own(OWL.DatatypeProperty) | own(OWL.AnnotationProperty) | {str(p) for p in STANDARD_LITERAL}) - set(obj)
    )
    labels = _unique_names(classes, lambda n: n[:1].upper() + n[1:].replace("-", "_"))
    rel_types = _unique_names(obj, lambda n: _snake(n.replace("-", "_")))
    keys = _unique_names(lit, lambda n: n.replace("-", "_"))
    for name in list(labels.values()) + list(rel_types.values()) + list(keys.values()):
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name), name
    return Model(labels, rel_types, keys)


# ------------------------------------------------------------------ literal values


def encode_literal(value) -> tuple[object, str | None]:
    """RDF object (Literal or IRI stored as a value) -> (Neo4j value, datatype to record or None)."""
    if isinstance(value, URIRef):
        return str(value), IRI_DATATYPE
    lex = str(value)
    if value.language:
        return lex, None
    dtype = value.datatype
    if dtype is None:
        return lex, None
    if dtype in NATIVE_DATATYPES:
        py = value.toPython()
        if dtype == XSD.boolean and lex in ("true", "false"):
            return lex == "true", None
        if dtype == XSD.integer and isinstance(py, int) and str(py) == lex:
            return py, None
        if dtype == XSD.date and isinstance(py, dt.date) and py.isoformat() == lex:
            return py, None
    return lex, curie(str(dtype))


def decode_value(value, datatype: str | None, lang: str | None):
    """Neo4j value + recorded datatype + language -> rdflib term."""
    if datatype == IRI_DATATYPE:
        return URIRef(str(value))
    if lang:
        return Literal(str(value), lang=lang)
    if datatype:
        return Literal(
            str(value),
            datatype=URIRef(expand(datatype)) if ":" in datatype and "://" not in datatype else URIRef(datatype),
        )
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(repr(value), datatype=XSD.double)
    if hasattr(value, "iso_format") and type(value).__name__ == "Date":
        return Literal(value.iso_format(), datatype=XSD.date)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return Literal(value.isoformat(), datatype=XSD.date)
    if hasattr(value, "iso_format"):  # DateTime and friends edited in Neo4j Browser
        return Literal(value.iso_format(), datatype=XSD.dateTime)
    return Literal(str(value))


def parse_datatypes(entries) -> dict[str, list[str]]:
    """``["fte=xsd:decimal", "date=xsd:date|xsd:gYear"]`` -> {key: [datatype per value]}."""
    out = {}
    for entry in entries or []:
        key, _sep, dts = str(entry).partition("=")
        out[key] = dts.split("|")
    return out


__all__ = [
    "Model",
    "ModelError",
    "model",
    "encode_literal",
    "decode_value",
    "parse_datatypes",
    "BASE_LABEL",
    "CLAIM_LABEL",
    "CLAIMS",
    "SYSTEM_KEYS",
    "GM",
]
