"""RDF graph -> property-graph rows (nodes with labels and properties, relationships by type),
and property-graph rows -> RDF triples. Pure functions; no server involved.

>>> from rdflib import Graph, Literal, URIRef
>>> from graphmap.ontology import GM, SKOS, RDF
>>> g = Graph()
>>> a, m = URIRef("https://w3id.org/graphmap/id/actor/x"), URIRef("https://w3id.org/graphmap/id/kommun/2480")
>>> _ = g.add((a, RDF.type, GM.Actor)).add((a, SKOS.prefLabel, Literal("X", lang="sv"))).add((a, GM.serves, m))
>>> pg = to_property_graph(g)
>>> pg.nodes[str(a)].props, sorted(pg.nodes[str(a)].labels), pg.rels["SERVES"]
({'prefLabel_sv': 'X'}, ['Actor'], [('https://w3id.org/graphmap/id/actor/x', 'https://w3id.org/graphmap/id/kommun/2480')])

Personal data (:mod:`graphmap.privacy`: a person, or a personal value such as a respondent's name on
an answer) marks the node's claim ``personalData: true``, as the graph marks a person; where the graph
does not state the mark itself, ``_derived`` says so (a pull leaves it out), and ``_personal`` lists
the keys whose values are personal:

>>> answer = URIRef("https://w3id.org/graphmap/id/x/answers/a1")
>>> _ = g.add((answer, GM.respondentName, Literal("Anna Andersson")))
>>> props = to_property_graph(g).nodes[str(answer)].full_props()
>>> props
{'respondentName': 'Anna Andersson', 'personalData': True, '_derived': ['personalData'], '_personal': ['respondentName']}
>>> set(node_triples(str(answer), [], props)) == set(g.triples((answer, None, None)))
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from graphmap.ontology import GM, curie
from graphmap.neo4j.model import (
    BASE_LABEL,
    SYSTEM_KEYS,
    Model,
    ModelError,
    decode_value,
    encode_literal,
    model,
    parse_datatypes,
)


@dataclass
class NodeRow:
    iri: str
    labels: set[str] = field(default_factory=set)
    props: dict = field(default_factory=dict)  # key -> value or list (without system keys)
    datatypes: list[str] = field(default_factory=list)
    #: the keys whose values are personal data (``gm:personalData`` properties: a person's name, a
    #: respondent's name on an answer), stored as ``_personal`` so that Cypher can leave them out
    personal: list[str] = field(default_factory=list)
    #: keys graphmap adds that the graph does not state (``personalData`` on an answer that holds a
    #: respondent's name), stored as ``_derived``: a pull leaves them out
    derived: list[str] = field(default_factory=list)

    def full_props(self) -> dict:
        out = dict(self.props)
        if self.datatypes:
            out["_datatypes"] = self.datatypes
        if self.derived:
            out["_derived"] = self.derived
        if self.personal:
            out["_personal"] = self.personal
        return out


@dataclass
class PropertyGraph:
    nodes: dict[str, NodeRow]
    rels: dict[str, list[tuple[str, str]]]  # type -> [(subject iri, object iri)]

    @property
    def relationship_count(self) -> int:
        return sum(len(v) for v in self.rels.values())


def to_property_graph(graph: Graph, m: Model | None = None) -> PropertyGraph:
    """Project every triple; raise :class:`ModelError` for a class or predicate outside the whitelist."""
    from graphmap.privacy import personal_predicates, personal_resources

    m = m or model()
    nodes: dict[str, NodeRow] = {}
    values: dict[str, dict[str, list]] = {}
    rels: dict[str, set] = {}
    personal = personal_predicates()
    holders = personal_resources(graph)  # marked gm:personalData true or typed foaf:Person

    def node(iri) -> NodeRow:
        key = str(iri)
        if key not in nodes:
            nodes[key] = NodeRow(key)
        return nodes[key]

    for s, p, o in graph:
        if not isinstance(s, URIRef):
            raise ModelError("class", f"blank node {s}")
        n = node(s)
        if p == RDF.type:
            if not isinstance(o, URIRef):
                raise ModelError("class", str(o))
            n.labels.add(m.label_of(o))
        elif m.is_relationship(p, o):
            rels.setdefault(m.rel_type(p), set()).add((str(s), str(o)))
            node(o)
            if p in personal:  # org:holds: the person's post
                holders.add(s)
        else:
            if not isinstance(o, (Literal, URIRef)):
                raise ModelError("predicate", f"{p} (blank node value)")
            key = m.key_for(p, o.language if isinstance(o, Literal) else None)
            values.setdefault(str(s), {}).setdefault(key, []).append(o)
            if p in personal and key not in n.personal:
                n.personal.append(key)
                holders.add(s)
    for iri, by_key in values.items():
        n = nodes[iri]
        n.personal.sort()
        for key, objs in sorted(by_key.items()):
            encoded = sorted((encode_literal(o) for o in objs), key=lambda ed: (str(ed[0]), ed[1] or ""))
            if len(encoded) == 1:
                value, dtype = encoded[0]
                n.props[key] = value
                if dtype:
                    n.datatypes.append(f"{key}={dtype}")
                continue
            kinds = {type(v) for v, _d in encoded}
            dtypes = [d for _v, d in encoded]
            if len(kinds) == 1 and len(set(dtypes)) == 1:
                n.props[key] = [v for v, _d in encoded]
                if dtypes[0]:
                    n.datatypes.append(f"{key}={dtypes[0]}")
            else:  # mixed types: exact lexical strings with one datatype per value
                per_value = [(str(o), _dtype_name(o)) for o in sorted(objs, key=lambda o: (str(o), _dtype_name(o)))]
                n.props[key] = [v for v, _d in per_value]
                n.datatypes.append(f"{key}=" + "|".join(d for _v, d in per_value))
    mark = m.key_for(GM.personalData)
    for iri in sorted(str(h) for h in holders):
        stated = values.get(iri, {}).get(mark)
        if stated is None:
            nodes[iri].props[mark] = True
            nodes[iri].derived.append(mark)
        elif [o.toPython() for o in stated] != [True]:  # "personalData false" on a node that holds some
            raise ModelError("personal", iri)
    return PropertyGraph(nodes, {t: sorted(pairs) for t, pairs in sorted(rels.items())})


def _dtype_name(o) -> str:
    if isinstance(o, URIRef):
        return "@id"
    return "" if o.datatype is None else curie(str(o.datatype))


def node_triples(iri: str, labels, props: dict, m: Model | None = None):
    """Triples of one node from its labels and properties (inverse of :func:`to_property_graph`)."""
    m = m or model()
    s = URIRef(iri)
    for label in labels:
        if label != BASE_LABEL and label in m.class_of:
            yield s, RDF.type, URIRef(m.class_of[label])
    dts = parse_datatypes(props.get("_datatypes"))
    derived = set(props.get("_derived") or [])
    for key, value in props.items():
        if key in SYSTEM_KEYS or key in derived or value is None:
            continue
        pred, lang = m.decode_key(key)
        items = value if isinstance(value, list) else [value]
        kinds = dts.get(key, [])
        for i, item in enumerate(items):
            dtype = kinds[i] if len(kinds) == len(items) else (kinds[0] if kinds else None)
            yield s, URIRef(pred), decode_value(item, dtype or None, lang)


__all__ = ["NodeRow", "PropertyGraph", "to_property_graph", "node_triples"]
