"""Export the model so that another region can reuse it: OWL, SKOS, SHACL, a JSON-LD context and
readable HTML documentation (Swedish and English pages), plus a small lint of the model.

Everything is generated from :func:`graphmap.ontology.ontology_graph`, the SHACL shapes and the
table schema (:mod:`graphmap.schema`); examples come from a built data graph.

>>> ctx = jsonld_context()["@context"]
>>> ctx["gm"], ctx["serves"]
('https://w3id.org/graphmap/def#', {'@id': 'gm:serves', '@type': '@id'})

Why not pyLODE: measured 2026-11-24, pylode 3.4.1 (newest on PyPI) fails on import (its
``version.py`` reads a ``pyproject.toml`` the wheel does not ship); 3.2.1 runs (1.1 s) but prints
Swedish and English side by side without separation ("KommunMunicipality"), has English-only
headings, takes a SKOS scheme's IRI as the ontology's when given the vocabularies, does not list
SKOS concepts, and cannot show which table column fills a property or examples from the data.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from graphmap.fileio import write_files_atomic
from graphmap.i18n import lang_key, other_lang
from graphmap.i18n import t as t_  # `t` names a Term below
from graphmap.ontology import (
    GM,
    ONTOLOGY_DIR,
    PREFIXES,
    SH,
    VOCAB,
    bind_prefixes,
    curie,
    ontology_graph,
    shapes_graph,
    vocab_graph,
)
from graphmap.schema import TABLES

ONTOLOGY_IRI = URIRef("https://w3id.org/graphmap/def")
TEMPLATES = Path(__file__).resolve().parent / "templates"
LANGS = ("sv", "en")
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property, OWL.SymmetricProperty)
#: column kinds whose values are IRIs (used for JSON-LD ``"@type": "@id"`` of reused properties)
IRI_KINDS = {"ref", "refs", "vocab", "vocabs", "places", "lan", "kommun", "url", "email"}
PAGES = {"sv": "index.html", "en": "en.html"}
LICENCE_LABELS = {
    "https://creativecommons.org/publicdomain/zero/1.0/": "CC0 1.0",
    "https://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
}
SH_PATH, SH_DATATYPE, SH_OR = (URIRef("http://www.w3.org/ns/shacl#" + n) for n in ("path", "datatype", "or"))
SHAPES_NOTE = (
    "graphmap's SHACL shapes, self-contained: they validate an export of graphmap's data on their own",
    "(pySHACL, Jena SHACL, any SHACL engine); no ontology or vocabulary needs to be merged in first.",
    "Licence: CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/).",
)
FILES = {
    "ontology_ttl": "graphmap.ttl",
    "ontology_rdf": "graphmap.rdf",
    "vocab": "vocab.ttl",
    "shapes": "shapes.ttl",
    "context": "context.jsonld",
}


# --------------------------------------------------------------------------- graphs
def ontology_only() -> Graph:
    """The OWL ontology without the SKOS vocabularies (``ontology/graphmap.ttl``)."""
    return bind_prefixes(Graph()).parse(ONTOLOGY_DIR / "graphmap.ttl", format="turtle")


def personal_terms(graph: Graph | None = None) -> set[URIRef]:
    """Classes and properties the ontology marks ``gm:personalData true`` (foaf:Person, foaf:name …)."""
    graph = graph if graph is not None else ontology_graph()
    return {s for s in graph.subjects(GM.personalData, Literal(True)) if isinstance(s, URIRef)}


def classes(graph: Graph) -> list[URIRef]:
    """Classes documented: declared ``owl:Class`` plus reused classes the ontology labels (a reused class
    only declared, for OWL 2 DL, is documented by its own vocabulary)."""
    found = {c for c in graph.subjects(RDF.type, OWL.Class) if _own_or_labelled(graph, c)}
    for s in graph.subjects(RDFS.label, None):
        if isinstance(s, URIRef) and not str(s).startswith(str(GM)) and _is_class_like(graph, s):
            found.add(s)
    return sorted((c for c in found if isinstance(c, URIRef)), key=_order)


def _own_or_labelled(graph: Graph, term) -> bool:
    return str(term).startswith(str(GM)) or (term, RDFS.label, None) in graph


def _order(term) -> tuple:
    return (not str(term).startswith(str(GM)), curie(str(term)).lower())


def _is_class_like(graph: Graph, term: URIRef) -> bool:
    local = str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return (
        local[:1].isupper()
        and (term, RDF.type, SKOS.ConceptScheme) not in graph
        and (term, RDF.type, SKOS.Concept) not in graph
    )


def properties(graph: Graph) -> list[URIRef]:
    """Properties documented: declared OWL properties plus reused properties the ontology labels."""
    found: set[URIRef] = set()
    for kind in PROPERTY_TYPES:
        found.update(s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef) and _own_or_labelled(graph, s))
    for s in graph.subjects(RDFS.label, None):
        if (
            isinstance(s, URIRef)
            and s != ONTOLOGY_IRI
            and not _is_class_like(graph, s)
            and (s, RDF.type, SKOS.Concept) not in graph
            and (s, RDF.type, SKOS.ConceptScheme) not in graph
        ):
            found.add(s)
    return sorted(found, key=_order)


# --------------------------------------------------------------------------- JSON-LD context
def _value_datatypes() -> dict:
    """Property -> the datatype its plain JSON-LD values get: the one ``sh:datatype`` the shapes give it,
    or ``xsd:date`` where they allow a date or a coarser time (a year, a month), since most values are
    dates; a year is then written as a value object (``{"@value": "2024", "@type": "xsd:gYear"}``)."""
    from rdflib.collection import Collection
    from rdflib.namespace import XSD

    shapes = shapes_graph()
    found: dict = {}
    for shape in shapes.subjects(SH_PATH, None):
        path = shapes.value(shape, SH_PATH)
        if not isinstance(path, URIRef):
            continue
        types = found.setdefault(path, set())
        types.update(shapes.objects(shape, SH_DATATYPE))
        for alternatives in shapes.objects(shape, SH_OR):
            for member in Collection(shapes, alternatives):
                types.update(shapes.objects(member, SH_DATATYPE))
    out = {}
    for path, types in found.items():
        types.discard(XSD.string)  # a plain JSON string is already xsd:string
        if len(types) == 1:
            out[path] = next(iter(types))
        elif XSD.date in types and types <= {XSD.date, XSD.gYear, XSD.gYearMonth, XSD.dateTime}:
            out[path] = XSD.date
    return out


def jsonld_context() -> dict:
    """A JSON-LD context: the project prefixes, one term per class and property (local names).

    Object properties (and reused properties whose table columns hold references) are typed
    ``@id`` so that JSON-LD readers get IRIs, not strings; a property the shapes give one datatype
    (``fte`` xsd:decimal, ``year`` xsd:gYear …) is typed with it, so plain JSON values read back as
    the graph holds them. Local names that clash are left out
    (use the compact IRI, e.g. ``gm:level``, then).
    """
    graph = ontology_graph()
    datatypes = _value_datatypes()
    ctx: dict = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    iri_columns = {col.predicate for t in TABLES for col in t.columns if col.predicate and col.kind in IRI_KINDS}
    terms: dict[str, dict | str] = {}
    clashes: set[str] = set()
    for term in classes(graph) + properties(graph):
        local = str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if local in terms or local in ctx:
            clashes.add(local)
            continue
        short = curie(str(term))
        if term in classes(graph):
            terms[local] = short
        elif (term, RDF.type, OWL.ObjectProperty) in graph or short in iri_columns:
            terms[local] = {"@id": short, "@type": "@id"}
        elif term in datatypes:
            terms[local] = {"@id": short, "@type": curie(str(datatypes[term]))}
        else:
            terms[local] = {"@id": short}
    for local in clashes:
        terms.pop(local, None)
    ctx.update(dict(sorted(terms.items())))
    return {"@context": ctx}


# --------------------------------------------------------------------------- lint
def lint(ontology: Graph | None = None, data: Graph | None = None, shapes: Graph | None = None) -> list[str]:
    """Check the model; returns one English line per problem (empty = clean).

    * the ontology header has ``owl:versionInfo`` and ``dcterms:license``;
    * every documented class and property has ``rdfs:label`` and ``rdfs:comment`` in sv and en;
    * every SKOS concept has a notation, a scheme and ``skos:prefLabel`` in sv and en;
    * every ``gm:`` term used in the shapes or (as class or predicate) in ``data`` is declared.
    """
    ontology = ontology if ontology is not None else ontology_graph()
    out: list[str] = []
    if ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is None:
        out.append("ontology: no owl:versionInfo")
    if ontology.value(ONTOLOGY_IRI, DCTERMS.license) is None:
        out.append("ontology: no dcterms:license")
    for term in classes(ontology) + properties(ontology):
        for pred in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ontology.objects(term, pred) if isinstance(o, Literal)}
            for lang in LANGS:
                if lang not in langs:
                    out.append(f"{curie(str(term))}: no {curie(str(pred))}@{lang}")
    for concept in ontology.subjects(RDF.type, SKOS.Concept):
        langs = {o.language for o in ontology.objects(concept, SKOS.prefLabel) if isinstance(o, Literal)}
        for lang in LANGS:
            if lang not in langs:
                out.append(f"{curie(str(concept))}: no skos:prefLabel@{lang}")
        if ontology.value(concept, SKOS.notation) is None:
            out.append(f"{curie(str(concept))}: no skos:notation")
        scheme = ontology.value(concept, SKOS.inScheme)
        if scheme is None or (scheme, RDF.type, SKOS.ConceptScheme) not in ontology:
            out.append(f"{curie(str(concept))}: no declared skos:inScheme")
    declared = set(classes(ontology)) | set(properties(ontology))
    declared |= {
        s
        for s in ontology.subjects()
        if isinstance(s, URIRef) and str(s).startswith(str(GM)) and (s, RDFS.label, None) in ontology
    }
    used: dict[Node, str] = {}
    for g, what in ((shapes, "shapes"), (data, "data")):
        if g is None:
            continue
        for _s, p, o in g:
            for node in (p, o) if p == RDF.type else (p,):
                if isinstance(node, URIRef) and str(node).startswith(str(GM)) and not _is_shape(g, node):
                    used.setdefault(node, what)
        if what == "shapes":
            for pred in (
                URIRef(str(PREFIXES["sh"]) + "path"),
                URIRef(str(PREFIXES["sh"]) + "class"),
                URIRef(str(PREFIXES["sh"]) + "targetClass"),
            ):
                for o in g.objects(None, pred):
                    if isinstance(o, URIRef) and str(o).startswith(str(GM)):
                        used.setdefault(o, what)
    for node, what in sorted(used.items()):
        if node not in declared:
            out.append(f"{curie(str(node))}: used in the {what} but not declared in the ontology")
    return out


def _is_shape(g: Graph, term: URIRef) -> bool:
    return (term, RDF.type, URIRef(str(PREFIXES["sh"]) + "NodeShape")) in g


# --------------------------------------------------------------------------- documentation
@dataclass
class Term:
    iri: str
    curie: str
    anchor: str
    label: str
    other_label: str
    comment: str
    kind: str = ""
    parents: list = field(default_factory=list)  # (anchor or None, label)
    children: list = field(default_factory=list)
    domain: list = field(default_factory=list)
    range: list = field(default_factory=list)
    columns: list = field(default_factory=list)  # "actors.level"
    tables: list = field(default_factory=list)
    examples: list = field(default_factory=list)  # strings
    count: int = 0
    personal: bool = False
    properties: list = field(default_factory=list)


@dataclass
class Scheme:
    iri: str
    anchor: str
    label: str
    other_label: str
    comment: str
    columns: list
    concepts: list  # dicts: notation, label, other_label, definition, broader, alt


def texts(lang: str) -> dict:
    """The documentation page's texts in ``lang``, from the catalogue (``ontology.*`` keys).

    >>> texts("en")["classes"], texts("sv")["files_desc"]["shapes"], texts("sv")["other_page"]
    ('Classes', 'valideringsregler (SHACL)', 'en.html')
    """
    from graphmap.i18n import MESSAGES, t

    lang = lang_key(lang)
    out: dict = {"files_desc": {}, "other_page": PAGES[other_lang(lang)]}
    for key in MESSAGES:
        if key.startswith("ontology.files_desc."):
            out["files_desc"][key.rsplit(".", 1)[-1]] = t(key, lang)
        elif key.startswith("ontology."):
            out[key[len("ontology.") :]] = t(key, lang)
    return out


def _text(graph: Graph, term, pred, lang: str) -> str:
    values = {o.language: str(o) for o in graph.objects(term, pred) if isinstance(o, Literal)}
    return values.get(lang) or values.get(None) or values.get(other_lang(lang)) or ""


def _anchor(term) -> str:
    return curie(str(term)).replace(":", "-").replace("/", "-")


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Doc:
    """Collects what the page shows for one language."""

    def __init__(self, ontology: Graph, data: Graph | None, lang: str, max_examples: int = 3):
        self.g, self.data, self.lang, self.max = ontology, data, lang, max_examples
        self.other = other_lang(lang)
        self.documented: set[str] = set()
        self.personal = personal_terms(ontology)
        self.data_labels: dict[str, dict[str, str]] = {}
        if data is not None:
            for pred in (SKOS.prefLabel, DCTERMS.title):
                for s, o in data.subject_objects(pred):
                    if isinstance(o, Literal):
                        self.data_labels.setdefault(str(s), {}).setdefault(o.language or "", str(o))
        self.columns: dict[str, list[str]] = defaultdict(list)
        self.tables: dict[str, list[str]] = defaultdict(list)
        for table in TABLES:
            self.tables[str(_expand(table.rdf_class))].append(table.name)
            for col in table.columns:
                if col.predicate:
                    self.columns[str(_expand(col.predicate))].append(f"{table.name}.{col.name}")

    def label(self, term, lang: str | None = None) -> str:
        lang = lang or self.lang
        text = _text(self.g, term, RDFS.label, lang) or _text(self.g, term, SKOS.prefLabel, lang)
        if not text:
            labels = self.data_labels.get(str(term), {})
            text = labels.get(lang) or labels.get("sv") or labels.get("") or ""
        return text or curie(str(term))

    def ref(self, term) -> tuple[str | None, str]:
        anchor = _anchor(term) if str(term) in self.documented else None
        return anchor, self.label(term)

    def value(self, value) -> str:
        if isinstance(value, Literal):
            return _short(value)
        if isinstance(value, BNode):
            return "[…]"
        text = self.label(value)
        return _short(text)

    def term(self, iri: URIRef, kind: str) -> Term:
        g = self.g
        t = Term(
            str(iri),
            curie(str(iri)),
            _anchor(iri),
            self.label(iri),
            self.label(iri, self.other),
            _text(g, iri, RDFS.comment, self.lang),
            kind=kind,
            personal=iri in self.personal,
        )
        if not str(iri).startswith(str(GM)):
            reused = t_("ontology.reused", self.lang)
            t.kind = f"{kind}, {reused}" if kind else reused
        t.columns = self.columns.get(str(iri), [])
        t.tables = self.tables.get(str(iri), [])
        return t

    def examples_of_class(self, term: Term, cls: URIRef) -> None:
        if self.data is None:
            return
        instances = sorted(set(self.data.subjects(RDF.type, cls)), key=str)
        term.count = len(instances)
        if term.personal:
            return
        term.examples = [self.value(i) for i in instances[: self.max]]

    def examples_of_property(self, term: Term, prop: URIRef) -> None:
        if self.data is None:
            return
        pairs = sorted(self.data.subject_objects(prop), key=lambda so: (str(so[0]), str(so[1])))
        pairs = [
            (s, o)
            for s, o in pairs
            if (s, RDF.type, SKOS.Concept) not in self.data and (s, RDF.type, SKOS.ConceptScheme) not in self.data
        ]
        term.count = len(pairs)
        if term.personal or any((s, GM.personalData, Literal(True)) in self.data for s, _o in pairs[:50]):
            term.personal = True
            term.examples = []
            return
        seen, out = set(), []
        for s, o in pairs:
            line = f"{self.value(s)} → {self.value(o)}"
            if line not in seen:
                seen.add(line)
                out.append(line)
            if len(out) >= self.max:
                break
        term.examples = out


def _expand(curie_text: str) -> URIRef:
    from graphmap.ontology import expand

    return expand(curie_text)


def documentation_context(data: Graph | None = None, lang: str = "sv") -> dict:
    """What the documentation page shows, as plain data (used by the Jinja2 template)."""
    g = ontology_graph()
    doc = _Doc(g, data, lang)
    class_terms, prop_terms = classes(g), properties(g)
    doc.documented = {str(t) for t in class_terms + prop_terms}
    out_classes = []
    for cls in class_terms:
        t = doc.term(cls, "")
        t.parents = [doc.ref(p) for p in sorted(g.objects(cls, RDFS.subClassOf), key=str)]
        t.children = [doc.ref(c) for c in sorted(g.subjects(RDFS.subClassOf, cls), key=str)]
        t.properties = [doc.ref(p) for p in prop_terms if (p, RDFS.domain, cls) in g]
        doc.examples_of_class(t, cls)
        out_classes.append(t)
    out_props = []
    for prop in prop_terms:
        kinds = [
            k for k in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty) if (prop, RDF.type, k) in g
        ]
        t = doc.term(prop, t_("ontology." + str(kinds[0]).rsplit("#", 1)[-1], lang) if kinds else "")
        t.domain = [doc.ref(d) for d in sorted(g.objects(prop, RDFS.domain), key=str)]
        t.range = [doc.ref(r) for r in sorted(g.objects(prop, RDFS.range), key=str)]
        t.parents = [doc.ref(p) for p in sorted(g.objects(prop, RDFS.subPropertyOf), key=str)]
        doc.examples_of_property(t, prop)
        out_props.append(t)
    schemes = []
    vocab_columns: dict[str, list[str]] = defaultdict(list)
    for table in TABLES:
        for col in table.columns:
            if col.vocab:
                vocab_columns[col.vocab].append(f"{table.name}.{col.name}")
    for scheme in sorted(g.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        slug = str(scheme)[len(str(VOCAB)) :]
        concepts = []
        members = sorted(
            g.subjects(SKOS.inScheme, scheme),
            key=lambda c: (int(str(g.value(c, GM.order) or 0)), str(g.value(c, SKOS.notation))),
        )
        for c in members:
            concepts.append(
                {
                    "anchor": _anchor(c),
                    "notation": str(g.value(c, SKOS.notation) or ""),
                    "label": _text(g, c, SKOS.prefLabel, lang),
                    "other_label": _text(g, c, SKOS.prefLabel, doc.other),
                    "definition": _text(g, c, SKOS.definition, lang),
                    "broader": [
                        (_anchor(b), _text(g, b, SKOS.prefLabel, lang))
                        for b in sorted(g.objects(c, SKOS.broader), key=str)
                    ],
                    "alt": sorted({str(a) for a in g.objects(c, SKOS.altLabel)}),
                }
            )
        schemes.append(
            Scheme(
                str(scheme),
                _anchor(scheme),
                _text(g, scheme, SKOS.prefLabel, lang),
                _text(g, scheme, SKOS.prefLabel, doc.other),
                _text(g, scheme, DCTERMS.description, lang),
                vocab_columns.get(slug, []),
                concepts,
            )
        )
    license_iri = g.value(ONTOLOGY_IRI, DCTERMS.license)
    page_texts = texts(lang)
    return {
        "lang": lang,
        "t": page_texts,
        "iri": str(ONTOLOGY_IRI),
        "namespace": str(GM),
        "title": _text(g, ONTOLOGY_IRI, DCTERMS.title, lang),
        "description": _text(g, ONTOLOGY_IRI, DCTERMS.description, lang),
        "version": str(g.value(ONTOLOGY_IRI, OWL.versionInfo) or ""),
        "license": str(license_iri or ""),
        "license_label": LICENCE_LABELS.get(str(license_iri or ""), str(license_iri or "")),
        "files": [(name, page_texts["files_desc"][key]) for key, name in FILES.items()],
        "classes": out_classes,
        "properties": out_props,
        "schemes": schemes,
        "prefixes": sorted((p, str(ns)) for p, ns in PREFIXES.items()),
    }


def render_documentation(data: Graph | None = None, lang: str = "sv") -> str:
    """The HTML documentation page (Jinja2 with autoescape: every label is escaped)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("ontology.html").render(**documentation_context(data, lang))


# --------------------------------------------------------------------------- export
def standalone_shapes() -> Graph:
    """The SHACL shapes rewritten to need nothing but the data: every ``sh:class C`` becomes a choice
    of ``C`` and each class below it, every ``sh:targetClass C`` targets the classes below it too (a
    SHACL engine reads subclasses from the data graph only, and an export holds no ontology), and an
    actor or network must have a Swedish name (``skos:prefLabel`` with language ``sv``).

    >>> shapes = standalone_shapes()
    >>> (None, SH.qualifiedMinCount, None) in shapes
    True
    """
    from rdflib.collection import Collection

    from graphmap.validate import subclass_closure

    shapes = bind_prefixes(Graph())
    shapes += shapes_graph()
    below: dict = subclass_closure(ontology_graph())
    for node, cls in list(shapes.subject_objects(SH["class"])):
        subs = sorted(below.get(cls, {cls}) - {cls}, key=str)
        if subs:
            shapes.remove((node, SH["class"], cls))
            choices: list[Node] = []
            for each in [cls, *subs]:
                choice = BNode()
                shapes.add((choice, SH["class"], each))
                choices.append(choice)
            head = BNode()
            Collection(shapes, head, choices)
            shapes.add((node, SH["or"], head))
    for shape, cls in list(shapes.subject_objects(SH.targetClass)):
        for sub in below.get(cls, ()):
            shapes.add((shape, SH.targetClass, sub))
    named = GM["SwedishNameShape"]
    shapes.add((named, RDF.type, SH.NodeShape))
    for cls in (ORG.Organization, GM.Network):
        for sub in below.get(cls, {cls}):
            shapes.add((named, SH.targetClass, sub))
    name = BNode()
    sv = BNode()
    shapes.add((named, SH.property, name))
    shapes.add((name, SH.path, SKOS.prefLabel))
    shapes.add((name, SH.qualifiedValueShape, sv))
    shapes.add((name, SH.qualifiedMinCount, Literal(1)))
    Collection(shapes, languages := BNode(), [Literal("sv")])
    shapes.add((sv, SH.languageIn, languages))
    for lang, text in (
        ("sv", "En aktör eller ett nätverk behöver ett svenskt namn (skos:prefLabel på svenska)."),
        ("en", "An actor or network needs a Swedish name (skos:prefLabel in Swedish)."),
    ):
        shapes.add((name, SH.message, Literal(text, lang=lang)))
    return shapes


def export_ontology(out_dir, data: Graph | None = None) -> list[Path]:
    """Write the model to ``out_dir``; returns the files written (all of them or, on a failure such
    as a full disk, none: see :func:`graphmap.fileio.write_files_atomic`).

    ``data`` (a built graph, e.g. ``kg.graph``) supplies the examples on the documentation
    pages; personal data (``gm:personalData``) is never shown.
    """
    out = Path(out_dir)
    onto = ontology_only()
    payloads: dict[Path, bytes] = {}

    def put(name: str, payload: bytes) -> None:
        payloads[out / name] = payload

    put(FILES["ontology_ttl"], onto.serialize(format="turtle", encoding="utf-8"))
    put(FILES["ontology_rdf"], onto.serialize(format="pretty-xml", encoding="utf-8"))
    put(FILES["vocab"], vocab_graph().serialize(format="turtle", encoding="utf-8"))
    head = "".join(f"# {line}\n" for line in SHAPES_NOTE)
    put(FILES["shapes"], head.encode("utf-8") + standalone_shapes().serialize(format="turtle", encoding="utf-8"))
    put(FILES["context"], json.dumps(jsonld_context(), ensure_ascii=False, indent=2).encode("utf-8"))
    for lang, page in PAGES.items():
        put(page, render_documentation(data, lang).encode("utf-8"))
    return write_files_atomic(payloads)


def read_exported(out_dir) -> tuple[Graph, Graph]:
    """(ontology + vocabularies, shapes) parsed back from an export folder."""
    out = Path(out_dir)
    onto = Graph().parse(out / FILES["ontology_ttl"], format="turtle")
    onto.parse(out / FILES["vocab"], format="turtle")
    return onto, Graph().parse(out / FILES["shapes"], format="turtle")


__all__ = [
    "export_ontology",
    "jsonld_context",
    "lint",
    "render_documentation",
    "documentation_context",
    "ontology_only",
    "personal_terms",
    "read_exported",
    "FILES",
    "PAGES",
    "FOAF",
    "ORG",
]
