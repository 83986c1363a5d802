"""What graphmap believes about one municipality (or actor): the lines of its workbook.

One computation, used by the workbooks (:mod:`graphmap.round.workbook`), the reading back (which
lines were sent) and the round's status (which assumptions are still open): every record that is
about the respondent — who covers it, which networks it is in, which support reaches it, its
relations and its needs — as a :class:`Line` with its sentence, source and confidence, the column
an answer may correct (:data:`graphmap.ingest.answers.CORRECTABLE`) and that column's value.

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> lines = beliefs(kg, ["https://w3id.org/graphmap/id/kommun/1486"])["https://w3id.org/graphmap/id/kommun/1486"]
>>> sorted({line.table for line in lines})
['coverage', 'memberships', 'offers']
>>> any(line.confidence == "assumed" for line in lines)
True
"""

from __future__ import annotations

from collections import defaultdict
import dataclasses
from dataclasses import dataclass

from graphmap.api import run_query
from graphmap.i18n import sv_sort_key, t
from graphmap.ingest.answers import CORRECTABLE
from graphmap.ingest.effects import own_source
from graphmap.ontology import ID, NATIONAL, code_of
from graphmap.vocab import vocabularies

#: the order of the kinds of line in a workbook
TABLE_ORDER = ("coverage", "memberships", "relations", "offers", "needs")


@dataclass
class Line:
    """One line of "what we believe about you"."""

    key: str  # dataset/table/id: what an answer names
    record: str  # the record's IRI
    table: str
    text: str  # the sentence, in the workbook's language
    source: str  # the source's title
    confidence: str  # stated / reference / assumed
    field: str | None  # the column an answer may correct (None: answers are recorded only)
    current: str = ""  # that column's value, as codes (role: "medlem", areas: "aldre;funktionshinder")
    others: int = 0  # how many others the fact is also about (a coverage of 14: 13)
    note: str = ""  # the record's note (what was inferred, what to verify)
    areas: list = dataclasses.field(default_factory=list)
    short: str = ""  # what a list names it by: a need's description, else the sentence
    part: bool = True  # the respondent's part can be taken apart (False: an offer through coverage)
    own: bool = False  # every source of the fact is the respondent's own answer

    @property
    def assumed(self) -> bool:
        return self.confidence == "assumed"


def record_key(iri) -> str | None:
    """The key (``dataset/table/id``) of a record IRI, or None for an IRI that is no record.

    >>> record_key("https://w3id.org/graphmap/id/fyrbodal/memberships/1460-i-fourum-ifo")
    'fyrbodal/memberships/1460-i-fourum-ifo'
    >>> record_key("https://w3id.org/graphmap/id/kommun/1486") is None
    True
    """
    text = str(iri)
    if not text.startswith(str(ID)):
        return None
    rest = text[len(str(ID)) :]
    return rest if rest.count("/") == 2 and rest.split("/")[0] not in ("kommun", "lan", "actor", "network") else None


class _Facts:
    """The rows of the round's queries, grouped by record (read once for all respondents)."""

    def __init__(self, kg, lang: str):
        self.kg, self.lang = kg, lang
        self.county = {str(r["m"]): str(r["county"]) for r in run_query(kg, "report-municipalities").rows}
        self.in_county = defaultdict(set)
        for m, c in self.county.items():
            self.in_county[c].add(m)
        self.titles = {str(r["source"]): str(r["title"] or "") for r in run_query(kg, "source-info").rows}
        self.records: dict[str, dict] = {}
        for table, query in (
            ("coverage", "round-coverage"),
            ("memberships", "round-memberships"),
            ("relations", "round-relations"),
            ("offers", "round-offers"),
            ("needs", "round-needs"),
        ):
            for row in run_query(kg, query).rows:
                rec = self.records.setdefault(str(row["record"]), {"table": table, "values": defaultdict(set)})
                for name, value in row.items():
                    if value is not None and name != "record":
                        rec["values"][name].add(value)

    def municipalities(self, places) -> set[str]:
        out = set()
        for p in map(str, places):
            out |= self.in_county.get(p, {p} if p in self.county else set())
        return out

    def one(self, values, name) -> str:
        found = sorted(map(str, values.get(name, ())))
        return found[0] if found else ""

    def label(self, iri) -> str:
        return self.kg.label(iri, self.lang) if iri else ""

    def labels(self, iris) -> str:
        return ", ".join(sorted((self.label(i) for i in iris), key=sv_sort_key))


def beliefs(kg, respondents, lang: str = "sv") -> dict[str, list[Line]]:
    """For each respondent (IRI of a municipality or an actor), the lines of what the graph holds
    about it, in workbook order (coverage, memberships, relations, offers, needs)."""
    facts = _Facts(kg, lang)
    out: dict[str, list[Line]] = {}
    for respondent in map(str, respondents):
        out[respondent] = _lines(facts, respondent, lang)
    return out


def _lines(facts: _Facts, r: str, lang: str) -> list[Line]:
    is_municipality = r in facts.county
    lines: list[Line] = []
    covering: set[str] = set()  # the actors that cover the respondent (their offers reach it)
    for record, rec in facts.records.items():
        table, v = rec["table"], rec["values"]
        key = record_key(record)
        if key is None:
            continue
        text, others, field = None, 0, CORRECTABLE.get(table)
        current = ""
        if table == "coverage":
            places = facts.municipalities(v.get("place", ()))
            if is_municipality and r in places:
                covering |= set(map(str, v.get("actor", ())))
                text = t(
                    "round.line.coverage",
                    lang,
                    actor=facts.labels(v.get("actor", ())),
                    areas=facts.labels(v.get("area", ())) or t("round.line.all_areas", lang),
                    extent=facts.labels(v.get("extent", ())) or "–",
                )
                others = len(places) - 1
            elif r in map(str, v.get("actor", ())):
                text = t(
                    "round.line.coverage_by",
                    lang,
                    places=facts.labels(v.get("place", ())),
                    areas=facts.labels(v.get("area", ())) or t("round.line.all_areas", lang),
                )
            current = ";".join(sorted(code_of(a) for a in v.get("area", ())))
        elif table == "memberships" and r in map(str, v.get("member", ())):
            text = t(
                "round.line.membership",
                lang,
                organisation=facts.labels(v.get("organisation", ())),
                role=facts.labels(v.get("role", ())),
            )
            current = ";".join(sorted(code_of(x) for x in v.get("role", ())))
        elif table == "relations" and r in {str(x) for x in v.get("subject", set()) | v.get("object", set())}:
            text = t(
                "round.line.relation",
                lang,
                subject=facts.labels(v.get("subject", ())),
                relation=facts.labels(v.get("relation", ())),
                object=facts.labels(v.get("object", ())),
            )
            current = ";".join(sorted(code_of(x) for x in v.get("relation", ())))
        elif table == "needs" and (
            r in map(str, v.get("reporter", ())) or r in facts.municipalities(v.get("place", ()))
        ):
            text = t(
                "round.line.need",
                lang,
                description=facts.one(v, "description"),
                areas=facts.labels(v.get("area", ())),
                status=facts.labels(v.get("status", ())) or "–",
            )
            current = ";".join(sorted(code_of(x) for x in v.get("status", ())))
        if text is not None:
            lines.append(_line(facts, key, record, table, text, v, field, current, others, r))
            if table == "needs":
                lines[-1].short = facts.one(v, "description")
    offer_keys = {record_key(x) for x, rec in facts.records.items() if rec["table"] == "offers"}
    for record, rec in facts.records.items():  # offers: those to the respondent, and those of its coverers
        table, v = rec["table"], rec["values"]
        key = record_key(record)
        if table != "offers" or key is None:
            continue
        if f"{key}--{code_of(r)}" in offer_keys:
            continue  # the respondent's own part of it (confirmed in an earlier round) is its line
        places = {str(p) for p in v.get("place", ())}
        actors = {str(a) for a in v.get("actor", ())}
        levels = {str(x) for x in v.get("level", ())}
        text = t(
            "round.line.offer",
            lang,
            actor=facts.labels(actors),
            kind=facts.labels(v.get("kind", ())),
            areas=facts.labels(v.get("area", ())) or t("round.line.all_areas", lang),
        )
        current = ";".join(sorted(code_of(a) for a in v.get("area", ())))
        if r in places:
            lines.append(
                _line(facts, key, record, table, text, v, "areas", current, len(facts.municipalities(places)) - 1, r)
            )
        elif not places and actors & covering and NATIONAL not in levels:
            text += " " + t("round.line.offer_via", lang)
            lines.append(_line(facts, key, record, table, text, v, "areas", current, 0, r))
            lines[-1].part = False  # confirmed as a whole; a removal or correction is for review
        elif r in actors:
            lines.append(_line(facts, key, record, table, text, v, "areas", current, 0, r))
    order = {name: i for i, name in enumerate(TABLE_ORDER)}
    lines.sort(key=lambda line: (order[line.table], sv_sort_key(line.text), line.key))
    return lines


def _line(facts: _Facts, key, record, table, text, v, field, current, others, respondent) -> Line:
    rank = vocabularies().rank("confidence")  # the weakest first; one unknown counts as stated
    confidences = [code_of(c) for c in sorted(v.get("confidence", ()), key=lambda c: rank.get(str(c), 2))]
    sources = sorted(s for s in (facts.titles.get(str(x), "") for x in v.get("source", ())) if s)
    return Line(
        key,
        record,
        table,
        text,
        "; ".join(sources),
        confidences[0] if confidences else "stated",
        field,
        current,
        max(0, others),
        facts.one(v, "note"),
        sorted(code_of(a) for a in v.get("area", ())),
        text,
        own=bool(v.get("source")) and all(own_source(code_of(x), code_of(respondent)) for x in v["source"]),
    )


def table_csv(rows: list[dict], columns: list[str]) -> bytes:
    """One of the round's data tables as graphmap reads it: UTF-8, comma, each value exactly as
    answered (a table the build reads, not a download: no formula guard that would become part of
    the value)."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[row.get(c, "") or "" for c in columns] for row in rows])
    return buf.getvalue().encode("utf-8")


__all__ = ["Line", "beliefs", "record_key", "table_csv", "TABLE_ORDER"]
