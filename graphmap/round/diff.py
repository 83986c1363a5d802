"""What changed between two data versions: "förändringar sedan förra året".

:func:`changes` compares two graphs (last year's snapshot — ``dataversion-<v>.nt`` of a round's
folder, or any built graph or data folder — and today's) fact by fact, not record by record: a
coverage is the pair (actor, municipality) with a county read as its municipalities, a
membership (member, organisation) with its role, support (actor, kind of support, area), a need
its record. So an answer that split a coverage of fourteen municipalities to confirm one of them
shows as one confidence raised, not as a coverage removed and fourteen added.

Kinds of change: actors and networks added or removed; coverage, memberships and support added or
removed; a membership's role changed; confidence raised (an assumption confirmed) or lowered; needs
new, and needs met (now completed, or with support where they had none).

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> changes(kg, kg).total
0
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from graphmap.api import data_version, run_query
from graphmap.i18n import sv_sort_key
from graphmap.ontology import code_of

KINDS = (
    "actor_added",
    "actor_removed",
    "network_added",
    "network_removed",
    "coverage_added",
    "coverage_removed",
    "membership_added",
    "membership_removed",
    "role_changed",
    "support_added",
    "support_removed",
    "confidence_raised",
    "confidence_lowered",
    "need_new",
    "need_met",
    "need_closed",
)
RANK = {"assumed": 0, "stated": 1, "reference": 1}


@dataclass
class Change:
    kind: str
    subject: str  # the IRI the change is about (actor, member, need …)
    labels: tuple  # what the change names, in order (for the sentence)
    before: str = ""
    after: str = ""
    said: tuple = ()  # who in the round said so, when and why: (name, date, comment) per answer

    def as_dict(self, lang: str = "sv") -> dict:
        """The change as a row: ``before`` and ``after`` as labels (a role, a confidence) in ``lang``;
        ``said``: "enligt Lycksele 2027-02-20: Vi har egen FoU" for each answer behind it."""
        from graphmap.i18n import t

        said = "; ".join(
            t("round.said", lang, name=n, date=d or "–", comment=c)
            if c
            else t("round.said_when", lang, name=n, date=d or "–")
            for n, d, c in self.said
        )
        return {
            "kind": self.kind,
            "subject": self.subject,
            "what": " – ".join(self.labels),
            "before": _value(self.kind, self.before, lang),
            "after": _value(self.kind, self.after, lang),
            "said": said,
        }


@dataclass
class Changes:
    old_version: str
    new_version: str
    items: list[Change] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.items)

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.items if c.kind == kind]

    def counts(self) -> dict[str, int]:
        return {k: len(self.of(k)) for k in KINDS}


def _county_members(kg) -> tuple[dict, dict]:
    county, members = {}, defaultdict(set)
    for r in run_query(kg, "report-municipalities").rows:
        county[str(r["m"])] = str(r["county"])
        members[str(r["county"])].add(str(r["m"]))
    return county, members


def _best(confidences) -> str:
    found = [code_of(c) for c in confidences if c is not None] or ["stated"]
    return max(found, key=lambda c: RANK.get(c, 1))


def _facts(kg) -> dict:
    """Every fact of ``kg`` by kind and key: {kind: {key: (confidence, extra)}}."""
    county, members = _county_members(kg)
    out: dict[str, dict] = {
        "actor": {},
        "network": {},
        "coverage": {},
        "membership": {},
        "support": {},
        "need": {},
        "records": defaultdict(set),
        "sources": defaultdict(set),
    }

    def seen(r, what, key):
        out["records"][str(r["record"])].add((what, key))
        if r.get("source") is not None:
            out["sources"][(what, key)].add(str(r["source"]))

    for r in run_query(kg, "round-actors").rows:
        out["network" if r["network"] else "actor"][(str(r["node"]),)] = ("", "")
    found: dict[tuple, set] = defaultdict(set)
    for r in run_query(kg, "round-coverage").rows:
        place = str(r["place"])
        for m in members.get(place) or {place}:
            found[(str(r["actor"]), m)].add(r.get("confidence"))
            seen(r, "coverage", (str(r["actor"]), m))
    out["coverage"] = {k: (_best(v), "") for k, v in found.items()}
    roles: dict[tuple, set] = defaultdict(set)
    found = defaultdict(set)
    for r in run_query(kg, "round-memberships").rows:
        key: tuple = (str(r["member"]), str(r["organisation"]))
        found[key].add(r.get("confidence"))
        seen(r, "membership", key)
        if r.get("role") is not None:
            roles[key].add(str(r["role"]))
    out["membership"] = {k: (_best(v), ";".join(sorted(roles.get(k, ())))) for k, v in found.items()}
    found = defaultdict(set)  # (actor, kind, area)
    for r in run_query(kg, "round-offers").rows:
        key = (str(r["actor"]), str(r["kind"]), str(r["area"]) if r.get("area") is not None else "")
        found[key].add(r.get("confidence"))
        seen(r, "support", key)
    out["support"] = {k: (_best(v), "") for k, v in found.items()}
    statuses: dict[str, set] = defaultdict(set)
    described: dict[str, str] = {}
    for r in run_query(kg, "round-needs").rows:
        statuses[str(r["record"])].add(code_of(r.get("status")))
        seen(r, "need", (str(r["record"]),))
        described.setdefault(str(r["record"]), str(r.get("description") or code_of(r["record"])))
    supported = needs_supported(kg)
    out["need"] = {
        (k,): ("genomford" if "genomford" in v else "", "supported" if supported.get(k) else "", described[k])
        for k, v in statuses.items()
    }
    return out


def needs_supported(kg) -> dict[str, bool]:
    """Per need (IRI): whether support reaches it — some actor gives support in the need's area (or a
    broader or narrower one) to one of its municipalities (the gap matrix's count of providers).
    A need that names no municipality counts as supported when its area has any provider."""
    from graphmap.api import gap_matrix

    providers: dict[tuple, int] = {}
    any_area: dict[str, int] = defaultdict(int)
    for row in gap_matrix(kg).rows:
        providers[(str(row["area"]), str(row["municipality"]))] = int(row["providers"])
        any_area[str(row["area"])] += int(row["providers"])
    _county, members = _county_members(kg)
    places: dict[str, set] = defaultdict(set)
    areas: dict[str, set] = defaultdict(set)
    for r in run_query(kg, "round-needs").rows:
        need = str(r["record"])
        areas[need].add(str(r["area"])) if r.get("area") is not None else None
        for x in (r.get("place"), r.get("reporter")):
            if x is not None:
                places[need] |= members.get(str(x)) or ({str(x)} if "/kommun/" in str(x) else set())
    out = {}
    for need, need_areas in areas.items():
        if places[need]:
            out[need] = any(providers.get((a, m), 0) > 0 for a in need_areas for m in places[need])
        else:
            out[need] = any(any_area.get(a, 0) > 0 for a in need_areas)
    return out


def changes(old, new) -> Changes:
    """What changed from the graph ``old`` to the graph ``new`` (two :class:`graphmap.api.KnowledgeGraph`)."""
    a, b = _facts(old), _facts(new)
    out = Changes(version_of(old), version_of(new))

    def label(iri: str) -> str:
        text = new.label(iri, "sv") if iri else ""
        return old.label(iri, "sv") if text == iri or not text else text

    said = _said(a, b, new)

    def add(kind, subject, keys, before="", after="", what=None, key=None):
        out.items.append(
            Change(
                kind,
                subject,
                tuple(label(k) if k.startswith("http") else k for k in keys),
                before,
                after,
                tuple(said.get((what, key), ())),
            )
        )

    for what in ("actor", "network"):
        for key in b[what].keys() - a[what].keys():
            add(f"{what}_added", key[0], key)
        for key in a[what].keys() - b[what].keys():
            add(f"{what}_removed", key[0], key)
    for what, name in (("coverage", "coverage"), ("membership", "membership"), ("support", "support")):
        for key in b[what].keys() - a[what].keys():
            add(f"{name}_added", key[0], [k for k in key if k], what=what, key=key)
        for key in a[what].keys() - b[what].keys():
            add(f"{name}_removed", key[0], [k for k in key if k], what=what, key=key)
        for key in a[what].keys() & b[what].keys():
            (c0, x0), (c1, x1) = a[what][key], b[what][key]
            if RANK.get(c1, 1) > RANK.get(c0, 1):
                add("confidence_raised", key[0], [k for k in key if k], c0, c1, what=what, key=key)
            elif RANK.get(c1, 1) < RANK.get(c0, 1):
                add("confidence_lowered", key[0], [k for k in key if k], c0, c1, what=what, key=key)
            if what == "membership" and x0 != x1:
                add("role_changed", key[0], [k for k in key if k], _codes(x0), _codes(x1), what=what, key=key)
    for key in b["need"].keys() - a["need"].keys():
        add("need_new", key[0], [b["need"][key][2]], what="need", key=key)
    for key in a["need"].keys() - b["need"].keys():
        add("need_closed", key[0], [a["need"][key][2]], what="need", key=key)
    for key in a["need"].keys() & b["need"].keys():
        (done0, sup0, _d), (done1, sup1, text) = a["need"][key], b["need"][key]
        if (done1 and not done0) or (sup1 and not sup0):
            add("need_met", key[0], [text], "", "genomford" if done1 and not done0 else "supported")
    order = {k: i for i, k in enumerate(KINDS)}
    out.items.sort(key=lambda c: (order[c.kind], [sv_sort_key(x) for x in c.labels]))
    return out


def _said(old: dict, new: dict, kg) -> dict[tuple, list[tuple]]:
    """Per fact (kind, key): who in a round said what changed it, when and why, as (name, date,
    comment): the answers to its records (a municipality only about its own part), and the
    round answers that are the source of a record (what a municipality added, a need it reported)."""
    out: dict[tuple, list[tuple]] = defaultdict(list)
    records: dict[str, set] = defaultdict(set)
    for facts in (old, new):
        for record, keys in facts["records"].items():
            records[record] |= keys
    for a in run_query(kg, "round-answers").rows:
        if a.get("fact") is None or (a.get("need_level") is not None and code_of(a["need_level"]) != "inget"):
            continue
        who = str(a["respondent"])
        for what, key in records.get(str(a["fact"]), ()):
            if what in ("coverage", "membership") and who not in key:
                continue
            entry = (
                kg.label(who, "sv"),
                str(a.get("answered") or ""),
                str(a.get("comment") or a.get("correction") or ""),
            )
            if entry not in out[(what, key)]:
                out[(what, key)].append(entry)
    answers = {
        str(r["source"]): r for r in run_query(kg, "source-info").rows if code_of(r["source"]).startswith("svar-")
    }
    for fact, sources in new["sources"].items():
        for source in sorted(sources & answers.keys()):
            r = answers[source]
            entry = (str(r.get("publisher") or ""), str(r.get("date") or ""), "")
            if not any(e[:2] == entry[:2] for e in out[fact]):
                out[fact].append(entry)
    return out


def _value(kind: str, codes: str, lang: str) -> str:
    from graphmap.i18n import t
    from graphmap.vocab import vocabularies

    scheme = {"role_changed": "role", "confidence_raised": "confidence", "confidence_lowered": "confidence"}.get(kind)
    if scheme is None:
        return t(f"round.web.met_{codes}", lang) if kind == "need_met" and codes else codes
    concepts = vocabularies().schemes[scheme]
    return ";".join(concepts[c].label(lang) if c in concepts else c for c in codes.split(";") if c)


def version_of(kg) -> str:
    """The data version of ``kg``: the one a kept graph says it is (a round's snapshot, whose personal
    data is removed, carries the version of the full graph it was kept from), else its fingerprint."""
    rows = run_query(kg, "round-data-version").rows
    return str(rows[0]["version"]) if rows else data_version(kg)


def _codes(iris: str) -> str:
    return ";".join(code_of(x) for x in iris.split(";") if x)


__all__ = ["changes", "needs_supported", "version_of", "Changes", "Change", "KINDS"]
