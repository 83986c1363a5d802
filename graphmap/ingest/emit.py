"""Turn checked rows into triples: one resource per row, provenance on every record.

Record tables (memberships, coverage, relations, offers …) follow W3C ORG's n-ary
pattern: the row is a resource with its own source, date and confidence, and a
direct triple is added beside it for simple querying (``org:memberOf``,
``gm:serves``, ``gm:steers`` …), as PROV-O pairs qualified and direct forms.

Triples are collected in a list (not an rdflib Graph, which costs ~10 µs per triple):
:meth:`IngestResult.ntriples` serialises them for the embedded store
(:mod:`graphmap.ingest.ntriples`), and
:attr:`IngestResult.graph` builds the rdflib Graph only when something asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal  # noqa: F401  (doctest)
from functools import cached_property

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from graphmap.i18n import LANGS, t
from graphmap.ingest.cells import (
    MAX_CELL,
    MAX_DECIMALS,
    MAX_EXPONENT,
    days_in_month,
    decimal_fault,
    is_email,
    is_url,
    parse_date,
    parse_decimal,
    parse_year,
    split_list,
    url_fault,
)
from graphmap.ingest.answers import apply_answers
from graphmap.ingest.rounds import repeated_needs
from graphmap.ingest.gcpause import paused_gc
from graphmap.ingest.inputs import Dataset
from graphmap.ingest.ntriples import ntriples
from graphmap.problems import Problem
from graphmap.ingest.registry import Registry
from graphmap.ontology import (
    DCTERMS,
    GM,
    ORG,
    SKOS,
    actor_iri,
    bind_prefixes,
    concept_iri,
    expand,
    kommun_iri,
    lan_iri,
    record_iri,
    vocab_graph,
)
from graphmap.schema import TABLE, TABLES, Column, Table
from graphmap.slug import is_slug, slugify
from graphmap.vocab import vocabularies

ASSUMED = concept_iri("confidence", "assumed")
DATE_TYPES = {"date": XSD.date, "gYearMonth": XSD.gYearMonth, "gYear": XSD.gYear}
SINGLE_VALUED = ("name_sv", "name_en", "level", "county", "part_of", "kind", "types")
#: the range a number column accepts (what a value may mean); other numbers: below 10^15 either way
DECIMAL_RANGE = {"fte": (0, 1), "amount": (0, 10**12)}
#: columns a second definition of the same actor/network never adds (the first row's own provenance)
MERGE_KEEP = ("id", "date", "confidence", "note", "types", "kind")


def canonical_decimal(value) -> str:
    """The canonical xsd:decimal lexical form, so every serialisation reads back the same literal.

    >>> canonical_decimal(Decimal("1")), canonical_decimal(Decimal("1E+1")), canonical_decimal(Decimal("0.50"))
    ('1.0', '10.0', '0.5')
    """
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + ".0" if "." not in text else text


def _spaced(number: int) -> str:
    """A bound as messages write it: ``1 000 000 000 000``."""
    return f"{number:,}".replace(",", " ")


def _char_name(char: str) -> str:
    """A character as a message names it: ``"{"``, or ``U+0020`` for one that does not show."""
    return f'"{char}"' if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


def _where(dataset: str, label: str, row: int, source: str) -> dict:
    """Where a value came from, in both languages: ``vasterbotten: actors.csv, rad 4, källa om-oss``."""
    return {
        lang: t("ingest.where", lang, dataset=dataset, label=label, row=row, source=source or "–") for lang in LANGS
    }


class Triples(list):
    """The emitted triples, in order (``add`` appends, like ``Graph.add``)."""

    add = list.append


@dataclass
class IngestResult:
    triples: list
    problems: list[Problem]
    rows: list[tuple[str, str, int, URIRef]] = field(default_factory=list)  # dataset, table, row, IRI
    municipalities: dict = field(default_factory=dict)
    counties: dict = field(default_factory=dict)
    datasets: list[str] = field(default_factory=list)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @cached_property
    def graph(self) -> Graph:
        """The triples as an rdflib Graph (built on first use)."""
        g = bind_prefixes(Graph())
        with paused_gc():
            g.addN((s, p, o, g) for s, p, o in self.triples)
        return g

    def ntriples(self, unique: bool = True) -> bytes:
        """The triples as N-Triples (UTF-8) in emission order; ``unique=False`` keeps repeated
        triples (cheaper, for loading a store, which drops them anyway)."""
        return ntriples(self.triples, unique)


def _joined_in_round(ds: Dataset, table: str, row: dict, earlier) -> bool:
    """Two municipalities added the same new actor or network in one round (the sheet "Det som
    saknas", :mod:`graphmap.round.additions`): one actor, each answer a source of it."""
    return (
        "rounds" in ds.tables
        and table in ("actors", "networks")
        and row.get("source", "") != earlier.raw.get("source", "")
        and str(row.get("source", "")).startswith("svar-")
    )


class Emitter:
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.registry = Registry()
        self.vocab = vocabularies()
        self.graph = Triples(vocab_graph())
        self.rows: list[tuple[str, str, int, URIRef]] = []
        self._parents: dict[URIRef, list[URIRef]] = {}  # org:subOrganizationOf, for the cycle check
        self._cache: dict[tuple, object] = {}  # converted cells that raised no problem
        self._suggested: dict[tuple, list[str]] = {}  # (scheme, misspelt text) -> vocab suggestions
        self._spec_cache: dict[int, list] = {}
        self._classes = {t.name: expand(t.rdf_class) for t in TABLES}
        self._county_members: dict[str, list[URIRef]] = {}
        self._predicates = {t.name: [(c.name, expand(c.predicate)) for c in t.columns if c.predicate] for t in TABLES}

    # ------------------------------------------------------------------ reference
    def load_reference(self, ds: Dataset) -> None:
        g, reg = self.graph, self.registry
        self._define_all(ds, only=("sources",))
        self._emit_table(ds, TABLE["sources"]) if "sources" in ds.tables else None
        src = next(iter(reg.local.get((ds.name, "sources"), {}).values()), None)
        ref_conf = concept_iri("confidence", "reference")
        lan = ds.tables.get("lan")
        for number, row in lan.rows if lan else []:
            assert lan is not None
            code, name, region = row.get("lanskod", ""), row.get("lan", ""), row.get("region", "")
            if len(code) != 2 or not code.isdigit():
                self._problem(lan.label, number, "lanskod", "unknown_code", value=code)
                continue
            reg.add_county(code, name)
            county = lan_iri(code)
            g.add((county, RDF.type, GM.County))
            g.add((county, SKOS.prefLabel, Literal(name, lang="sv")))
            g.add((county, GM.scbCode, Literal(code)))
            self._provenance(county, src, ref_conf)
            self.rows.append((ds.name, "lan", number, county))
            if region:
                rid = slugify(region)
                reg.define("actors", ds.name, rid, lan.label, number, {"name_sv": region})
                r = actor_iri(rid)
                for cls in (GM.Actor, GM.Region):
                    g.add((r, RDF.type, cls))
                g.add((r, SKOS.prefLabel, Literal(region, lang="sv")))
                g.add((r, GM.actorType, concept_iri("actor-type", "region")))
                g.add((r, GM.level, concept_iri("level", "regional")))
                g.add((r, GM.county, county))
                g.add((r, GM.serves, county))
                self._provenance(r, src, ref_conf)
        kommuner = ds.tables.get("kommuner")
        for number, row in kommuner.rows if kommuner else []:
            assert kommuner is not None
            code, name, county = row.get("kommunkod", ""), row.get("kommun", ""), row.get("lanskod", "")
            if len(code) != 4 or not code.isdigit() or county not in reg.counties:
                self._problem(kommuner.label, number, "kommunkod", "unknown_code", value=code)
                continue
            reg.add_municipality(code, name, county)
            m = kommun_iri(code)
            for cls in (GM.Actor, GM.Municipality):
                g.add((m, RDF.type, cls))
            g.add((m, SKOS.prefLabel, Literal(name, lang="sv")))
            g.add((m, GM.scbCode, Literal(code)))
            g.add((m, GM.actorType, concept_iri("actor-type", "kommun")))
            g.add((m, GM.level, concept_iri("level", "lokal")))
            g.add((m, GM.county, lan_iri(county)))
            self._provenance(m, src, ref_conf)
            self.rows.append((ds.name, "kommuner", number, m))

    def _provenance(self, subject, source, confidence) -> None:
        if source is not None:
            self.graph.add((subject, DCTERMS.source, source.iri))
        self.graph.add((subject, GM.confidence, confidence))

    # ------------------------------------------------------------------ datasets
    def run(self, datasets: list[Dataset]) -> IngestResult:
        for ds in datasets:
            self._check_headers(ds)
            self._define_all(ds)
        repeated_needs(datasets, self.registry)  # a need reported again in a later round: the same need
        apply_answers(datasets, self.registry, self.problems)  # the mapping round's answers, on the rows
        for ds in datasets:
            self._check_reference_tables(ds)
            for table in TABLES:
                if table.name in ds.tables:
                    self._emit_table(ds, table)
        self._check_cycles()
        reg = self.registry
        return IngestResult(
            self.graph,
            self.problems,
            self.rows,
            dict(reg.municipalities),
            dict(reg.counties),
            [d.name for d in datasets],
        )

    def _check_headers(self, ds: Dataset) -> None:
        for name, raw in ds.tables.items():
            if name not in TABLE:
                continue
            table = TABLE[name]
            known = {c.name for c in table.columns}
            for part in (raw, *raw.parts):  # each file of the table (offers.csv and region.xlsx: offers)
                for col in table.required:
                    if col not in part.header:
                        self._problem(part.label, 1, col, "missing_column")
                for col in part.header:
                    if col and col not in known:
                        self._problem(
                            part.label,
                            1,
                            col,
                            "unknown_column",
                            "warning",
                            valid=", ".join(c.name for c in table.columns),
                        )

    def _define_all(self, ds: Dataset, only: tuple[str, ...] | None = None) -> None:
        for table in TABLES:
            raw = ds.tables.get(table.name)
            if raw is None or (only and table.name not in only):
                continue
            for number, row in raw.rows:
                ident = row.get("id", "")
                if not ident:
                    continue  # reported as empty_required when emitting
                label = row.get("__label") or raw.label  # the file the row came from
                if not is_slug(ident):
                    self._problem(label, number, "id", "bad_id", value=ident, suggestion=slugify(ident) or "exempel-1")
                    row["__bad"] = True
                    continue
                earlier = self.registry.define(table.name, ds.name, ident, label, number, row)
                if earlier is None:
                    continue
                if earlier.dataset == ds.name and not _joined_in_round(ds, table.name, row, earlier):
                    self._problem(label, number, "id", "duplicate_id", value=ident, first_row=earlier.row)
                    row["__bad"] = True
                else:
                    row["__merged_into"] = earlier
                    self._compare(table, ds.name, label, number, row, earlier)

    def _compare(self, table: Table, dataset: str, label: str, number: int, row: dict, earlier) -> None:
        """Two datasets define the same actor or network: report every disagreement with both places.

        Values are compared as meant, not as typed: vocabulary values by concept (``Nationell`` =
        ``nationell``), lists as sets (``fou-enhet;rss`` = ``rss;fou-enhet``), text case-insensitively.
        """
        for name in SINGLE_VALUED + ("homepage",):
            a, b = earlier.raw.get(name, ""), row.get(name, "")
            if not a or not b or self._same(table, name, a, b):
                continue
            self._problem(
                label,
                number,
                name,
                "conflict",
                "warning",
                value_a=a,
                value_b=b,
                where_a=_where(earlier.dataset, earlier.label, earlier.row, earlier.raw.get("source", "")),
                where_b=_where(dataset, label, number, row.get("source", "")),
            )

    def _same(self, table: Table, name: str, a: str, b: str) -> bool:
        from graphmap.vocab import fold

        try:
            col = table.column(name)
        except KeyError:
            return fold(a) == fold(b)
        parts_a, parts_b = (split_list(a), split_list(b)) if col.many else ([a], [b])

        def key(text):
            concept = self.vocab.resolve(col.vocab, text) if col.vocab else None
            return concept.notation if concept is not None else fold(text)

        return {key(x) for x in parts_a} == {key(x) for x in parts_b}

    def _check_reference_tables(self, ds: Dataset) -> None:
        raw = ds.tables.get("kommuner")
        if raw is None:
            return
        for number, row in raw.rows:
            code = row.get("kommunkod", "")
            iri, found, padded = self.registry.place(code)
            label = row.get("__label") or raw.label
            if iri is None or found is None or len(found) != 4:
                self._problem(
                    label,
                    number,
                    "kommunkod",
                    "unknown_code",
                    value=code,
                    suggestions=self.registry.place_suggestions(row.get("kommun", code)),
                )
            elif padded:
                self._problem(
                    label,
                    number,
                    "kommunkod",
                    "padded_code",
                    "warning",
                    value=padded,
                    read_as=found,
                    name=self.registry.municipalities[found][0],
                )

    # ------------------------------------------------------------------ rows
    def _emit_table(self, ds: Dataset, table: Table) -> None:
        raw = ds.tables[table.name]
        for number, row in raw.rows:
            if row.get("__bad") or row.get("__withdrawn"):  # withdrawn: a round's answer said it is wrong
                continue
            ident = row.get("id", "")
            label = row.get("__label") or raw.label  # the file the row came from
            if not ident:
                self._problem(label, number, "id", "empty_required")
                continue
            merged = row.get("__merged_into")
            if merged is not None:  # same actor/network from another dataset: add its source, fill gaps
                fill = [
                    c
                    for c in table.columns
                    if c.name == "source"
                    or (c.predicate and c.name not in MERGE_KEEP and row.get(c.name) and not merged.raw.get(c.name))
                ]
                values = self._convert(ds, label, number, row, fill)
                if values is None:
                    continue
                for col in fill:
                    assert col.predicate, col.name  # "source" and the columns with a predicate
                    for value in values.get(col.name, []):
                        self.graph.add((merged.iri, expand(col.predicate), value))
                self.rows.append((ds.name, table.name, number, merged.iri))
                continue
            values = self._convert(ds, label, number, row, table.columns)
            if values is None:
                continue
            if table.scope == "record":
                defined = self.registry.local.get((ds.name, table.name), {}).get(ident)
                subject = defined.iri if defined is not None else record_iri(ds.name, table.name, ident)
            else:
                subject = self.registry.ref(ident, ("actors",) if table.scope == "actor" else ("networks",), ds.name)[
                    0
                ] or record_iri(ds.name, table.name, ident)
            self._emit_row(table, subject, values, row)
            for p, o in row.get("__add", ()):  # what a round's answer adds (its source, the facts it answers)
                self.graph.append((subject, p, o))
            self.rows.append((ds.name, table.name, number, subject))

    def _convert(self, ds: Dataset, label: str, number: int, row: dict, columns) -> dict | None:
        values: dict[str, list] = {}
        ok = True
        cache = self._cache
        dataset = ds.name
        for col, name, kind, many, required, lang, colkey in self._specs(columns):
            cell = row.get(name)
            if not cell:
                if required and cell is not None:
                    self._problem(label, number, name, "empty_required")
                    ok = False
                continue
            if len(cell) > MAX_CELL:
                self._problem(label, number, name, "too_long", length=len(cell), limit=MAX_CELL)
                ok = False
                continue
            if kind == "text":
                values[name] = [Literal(cell, lang=lang) if lang else Literal(cell)]
                continue
            out = []
            for part in split_list(cell) if many else (cell,):
                key = (colkey, part, dataset)
                term = cache.get(key)
                if term is None:
                    before = len(self.problems)
                    term = self._term(ds, label, number, col, part)
                    if term is None:
                        ok = False
                        continue
                    if len(self.problems) == before:
                        cache[key] = term
                if type(term) is list:
                    out.extend(term)
                else:
                    out.append(term)
            values[name] = out
        confidence = values.get("confidence")
        if confidence and len(confidence) == 1 and confidence[0] == ASSUMED:
            self._problem(label, number, "confidence", "assumed", "warning")
        return values if ok else None

    def _specs(self, columns) -> list[tuple]:
        """(column, name, kind, many, required, lang, key) for the columns a row converts (cached per column list)."""
        key = id(columns) if isinstance(columns, tuple) else None
        specs = self._spec_cache.get(key) if key is not None else None
        if specs is None:
            specs = [(c, c.name, c.kind, c.many, c.required, c.lang, id(c)) for c in columns if c.kind != "id"]
            if key is not None:
                self._spec_cache[key] = specs
        return specs

    def _vocab_suggestions(self, scheme: str, text: str) -> list[str]:
        """``vocab.suggest`` once per scheme and text in this ingest (5,000 cells with one misspelling
        cost one); the registry does the same for references and places."""
        key = (scheme, text)
        if key not in self._suggested:
            self._suggested[key] = self.vocab.suggest(scheme, text)
        return self._suggested[key]

    def _term(self, ds: Dataset, label: str, number: int, col: Column, text: str):
        kind = col.kind
        if kind == "text":
            return Literal(text, lang=col.lang) if col.lang else Literal(text)
        if kind in ("vocab", "vocabs"):
            assert col.vocab, col.name  # schema.py gives every vocabulary column its scheme
            concept = self.vocab.resolve(col.vocab, text)
            if concept is None:
                self._problem(
                    label,
                    number,
                    col.name,
                    "unknown_vocab",
                    value=text,
                    scheme=col.vocab,
                    suggestions=self._vocab_suggestions(col.vocab, text),
                )
                return None
            return concept.iri
        if kind in ("ref", "refs"):
            iri, padded = self.registry.ref(text, col.targets, ds.name)
            if iri is None:
                self._problem(
                    label,
                    number,
                    col.name,
                    "unknown_ref",
                    value=text,
                    targets="/".join(col.targets),
                    suggestions=self.registry.ref_suggestions(text, col.targets, ds.name),
                )
                return None
            if padded:
                self._padded(label, number, col, padded)
            return iri
        if kind in ("places", "lan", "kommun"):
            iri, code, padded = self.registry.place(text)
            if (
                iri is None
                or code is None
                or (kind == "lan" and len(code) != 2)
                or (kind == "kommun" and len(code) != 4)
            ):
                self._problem(
                    label,
                    number,
                    col.name,
                    "unknown_code",
                    value=text,
                    suggestions=self.registry.place_suggestions(text),
                )
                return None
            if padded:
                self._padded(label, number, col, padded)
            return iri
        if kind == "decimal":
            number_value = parse_decimal(text)
            if number_value is None:
                self._problem(label, number, col.name, "bad_decimal", value=text)
                return None
            low, high = DECIMAL_RANGE.get(col.name, (-(10**MAX_EXPONENT), 10**MAX_EXPONENT))
            fault = decimal_fault(number_value)
            if fault == "magnitude" or not low <= number_value <= high:  # compared exactly: no overflow
                self._problem(label, number, col.name, "out_of_range", value=text, low=_spaced(low), high=_spaced(high))
                return None
            if fault == "decimals":
                self._problem(label, number, col.name, "too_many_decimals", "error", value=text, limit=MAX_DECIMALS)
                return None
            return Literal(canonical_decimal(number_value), datatype=XSD.decimal)
        if kind == "date":
            parsed = parse_date(text)
            if parsed is None:
                days = days_in_month(text)
                if days is not None:  # the right form, but no such day (2023-02-30, 2023-06-31)
                    self._problem(label, number, col.name, "no_such_date", value=text, days=days)
                else:
                    self._problem(label, number, col.name, "bad_date", value=text)
                return None
            return Literal(parsed[0], datatype=DATE_TYPES[parsed[1]])
        if kind == "year":
            year = parse_year(text)
            if year is None:
                self._problem(label, number, col.name, "bad_year", value=text)
                return None
            return Literal(year, datatype=XSD.gYear)
        if kind == "url":
            if not is_url(text):
                fault = url_fault(text) if text[:8].lower().startswith(("http://", "https://")) else None
                if fault is None or fault == "iri":
                    self._problem(label, number, col.name, "bad_iri" if fault else "bad_url", value=text)
                else:  # a character no IRI may hold: {, }, |, ^, \\, `, <, >, ", a space, a control character
                    self._problem(
                        label,
                        number,
                        col.name,
                        "url_char",
                        value=text,
                        char=_char_name(fault),
                        encoded="".join(f"%{b:02X}" for b in fault.encode("utf-8")),
                    )
                return None
            return URIRef(text)
        if kind == "email":
            if not is_email(text):
                self._problem(label, number, col.name, "bad_email", value=text)
                return None
            return URIRef("mailto:" + text)
        raise ValueError(f"unknown column kind {kind}")

    def _padded(self, label, number, col, padded) -> None:
        _iri, code, _ = self.registry.place(padded)
        code = code or ""
        name = self.registry.municipalities.get(code, (self.registry.counties.get(code, ""),))[0]
        self._problem(label, number, col.name, "padded_code", "warning", value=padded, read_as=code, name=name)

    def _emit_row(self, table: Table, s: URIRef, values: dict, row: dict) -> None:
        add = self.graph.append
        add((s, RDF.type, self._classes[table.name]))
        for name, p in self._predicates[table.name]:
            for value in values.get(name, ()):
                add((s, p, value))
        extra = self.EXTRA.get(table.name)
        if extra is not None:
            extra(self, s, values)

    def _concepts(self, values, name):
        return [self.vocab.by_iri[v] for v in values.get(name, [])]

    def _extra_actors(self, s, values) -> None:
        for parent in values.get("part_of", ()):
            self._parents.setdefault(s, []).append(parent)
        for c in self._concepts(values, "types"):
            if c.cls is not None:
                self.graph.add((s, RDF.type, c.cls))

    def _extra_networks(self, s, values) -> None:
        for c in self._concepts(values, "kind"):
            self.graph.add((s, RDF.type, c.cls))
            if c.notation == "forum":
                self.graph.add((s, RDF.type, GM.Network))

    def _extra_memberships(self, s, values) -> None:
        self.graph.add((values["member"][0], ORG.memberOf, values["organisation"][0]))

    def _extra_relations(self, s, values) -> None:
        prop = self._concepts(values, "relation")[0].prop
        self.graph.add((values["subject"][0], prop, values["object"][0]))

    def _serves(self, actor, places) -> None:
        for place in places:
            self.graph.add((actor, GM.serves, place))
            code = str(place).rsplit("/", 1)[-1]
            if len(code) == 2:
                for m in self._municipalities_in(code):
                    self.graph.add((actor, GM.serves, m))

    def _municipalities_in(self, county: str) -> list[URIRef]:
        members = self._county_members.get(county)
        if members is None:
            members = self._county_members[county] = [kommun_iri(m) for m in self.registry.municipalities_in(county)]
        return members

    def _extra_coverage(self, s, values) -> None:
        self._serves(values["actor"][0], values.get("places", []))

    def _extra_offers(self, s, values) -> None:
        places = values.get("places", [])
        for place in places:
            code = str(place).rsplit("/", 1)[-1]
            if len(code) == 2:
                for m in self._municipalities_in(code):
                    self.graph.add((s, GM.serves, m))

    def _extra_persons(self, s, values) -> None:
        self.graph.add((s, GM.personalData, Literal(True)))

    #: what a row adds beyond its columns' triples, by table (the other tables add nothing more)
    EXTRA = {
        "actors": _extra_actors,  # the types' classes; part_of kept for the cycle check
        "networks": _extra_networks,  # the kind's class (and gm:Network for a forum)
        "memberships": _extra_memberships,  # the direct org:memberOf
        "relations": _extra_relations,  # the direct triple with the relation's property
        "coverage": _extra_coverage,  # the actor gm:serves each place (and a county's municipalities)
        "offers": _extra_offers,  # the offer gm:serves each municipality of a county it names
        "persons": _extra_persons,  # gm:personalData true
    }

    # ------------------------------------------------------------------ checks
    def _check_cycles(self) -> None:
        """An actor that is part of itself through others is reported, not followed forever. One pass:
        each actor is walked once (a walk stops at an actor an earlier walk has finished), so a
        30,000-long chain costs 30,000 steps, not 450 million."""
        parents = self._parents
        done: set = set()
        for start in parents:
            path: list = []
            on_path: dict = {}
            node = start
            while node in parents and node not in done:
                if node in on_path:  # back on this walk: the cycle is the path from there
                    names = [str(n).rsplit("/", 1)[-1] for n in path[on_path[node] :]] + [str(node).rsplit("/", 1)[-1]]
                    definition = self.registry.actors.get(names[0])
                    self._problem(
                        definition.label if definition else "actors",
                        definition.row if definition else None,
                        "part_of",
                        "cycle",
                        chain=" → ".join(names),
                    )
                    break
                on_path[node] = len(path)
                path.append(node)
                node = parents[node][0]
            done.update(path)

    def _problem(self, label, row, column, code, severity="error", **params) -> None:
        self.problems.append(Problem(label, row, column, code, severity, params))


__all__ = ["Emitter", "IngestResult"]
