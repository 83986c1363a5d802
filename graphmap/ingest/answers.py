"""The mapping round's answers, laid on the rows they answer before the rows become triples.

A round's dataset (made by ``graphmap round``) holds its own tables: ``rounds``, ``answers``,
``needs`` and ``sources`` (one source per returned workbook). The original tables are never
edited; when the graph is built, each answer changes the row it answers, here, before emission:

* **stammer** (confirmed): the fact becomes ``stated``, with the answer's source beside its own;
* **stammer-inte** (not correct): the fact is withdrawn (not emitted); the answer keeps the
  reason (its comment) and points at the withdrawn record (``gm:withdrawnFact``);
* **delvis** with a correction: the correctable column (:data:`CORRECTABLE`) takes the
  corrected value, the fact becomes ``stated`` with the answer as a source, and the answer keeps
  the previous value; ``delvis`` without a correction is recorded and changes nothing;
* an answer to review (the removal or correction of a fact a third party states) changes nothing
  until the coordinator decides (``decision``, written by ``graphmap round settle``): ``accepted``
  lays it on as if the fact were an assumption, ``rejected`` keeps the fact (effect ``rejected``).
  Support an actor gives to everyone it covers stays either way (effect ``accepted`` or
  ``rejected``): it is changed in the actor's own tables.

A fact about several municipalities (a coverage of fourteen, an offer to a county) is split:
the part about the one who answered becomes a record of its own (``<id>--<respondent>``), which
the answer confirms, corrects or withdraws; the rest of the fact stays as it was. A county in
``places`` is then written as its other municipalities. An offer without places (it reaches every
municipality its actor covers) confirmed by one of them gets the same kind of part, an offer to
that municipality with ``gm:partOfOffer`` the whole: the support rules use the part for that
municipality and the whole, unchanged, for the others (``support.rq``'s header).

Every answer gets ``gm:answersFact`` (the record as the table had it), ``gm:answerEffect``
(``confirmed``, ``withdrawn``, ``corrected``, ``recorded``, ``need``) and, where one came of it,
``gm:resultingFact``. Problems (a fact that does not exist, is not about the respondent, a column
that cannot be corrected, a value outside its list, two answers to one fact) name the answers
table's file, row and column; their texts are the catalogue's ``round.*`` keys.
"""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import DCTERMS

from graphmap.ingest.cells import split_list
from graphmap.ingest.effects import decide, own_source
from graphmap.problems import Problem
from graphmap.ontology import GM
from graphmap.schema import ACTORS_NETWORKS, TABLE

#: the column that says whom a fact is about, per table a round asks about
CONCERNS = {
    "memberships": ("member",),
    "relations": ("subject", "object"),
    "coverage": ("places", "actor"),
    "offers": ("places", "actor"),
    "agreements": ("parties",),
    "needs": ("reported_by", "places"),
}
#: ``field`` of an answer to a line shown for information (an offer that reaches a municipality through
#: its provider's coverage): the answer is kept and changes nothing
RECORD_ONLY = "-"
#: the one column an answer may correct, per table
CORRECTABLE = {
    "memberships": "role",
    "relations": "relation",
    "coverage": "areas",
    "offers": "areas",
    "needs": "status",
}
STATED = "stated"
#: the coordinator's decisions on an answer to review (``answers.decision``, ``graphmap round settle``)
DECISIONS = ("accepted", "rejected")


def parse_key(key: str) -> tuple[str, str, str] | None:
    """``dataset/table/id`` → its three parts, or None.

    >>> parse_key("fyrbodal/memberships/1460-i-fourum-ifo"), parse_key("x/y")
    (('fyrbodal', 'memberships', '1460-i-fourum-ifo'), None)
    """
    parts = str(key or "").strip().split("/")
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 and all(parts) else None


class _Answers:
    def __init__(self, datasets, registry, problems: list[Problem]):
        self.datasets = {ds.name: ds for ds in datasets}
        self.registry, self.problems = registry, problems
        from graphmap.vocab import vocabularies

        self.vocab = vocabularies()
        self.answered: dict[tuple, int] = {}  # (round, fact key, respondent) -> row of the first answer

    def problem(self, label, row, column, code, severity="error", **params) -> None:
        self.problems.append(Problem(label, row, column, code, severity, params, section="round"))

    # ------------------------------------------------------------------ whom a value names
    def _names(self, column: str, value: str, dataset: str, respondent) -> tuple[bool, list[str]]:
        """(the value names the respondent, the value's other entries as they should stay)."""
        col = TABLE_COLUMNS[column]
        parts = split_list(value) if col.many else ([value] if value else [])
        found, rest = False, []
        r_code = str(respondent).rsplit("/", 1)[-1]
        for part in parts:
            if col.kind == "places":
                iri, code, _padded = self.registry.place(part)
                if iri == respondent:
                    found = True
                    continue
                if code and len(code) == 2 and self.registry.municipalities.get(r_code, ("", ""))[1] == code:
                    found = True  # the county: its other municipalities stay
                    rest += [m for m in self.registry.municipalities_in(code) if m != r_code]
                    continue
            else:
                iri, _padded = self.registry.ref(part, col.targets, dataset)
                if iri == respondent:
                    found = True
                    continue
            rest.append(part)
        return found, rest

    # ------------------------------------------------------------------ one answer
    def apply(self, ds, label: str, number: int, row: dict) -> None:
        key = row.get("fact", "")
        parts = parse_key(key)
        if parts is None:
            self.problem(label, number, "fact", "bad_fact", value=key)
            row["__bad"] = True
            return
        fds, ftable, fid = parts
        definition = self.registry.local.get((fds, ftable), {}).get(fid)
        if definition is None or ftable not in TABLE or TABLE[ftable].scope != "record":
            self.problem(label, number, "fact", "unknown_fact", value=key)
            row["__bad"] = True
            return
        respondent, _ = self.registry.ref(row.get("respondent", ""), ACTORS_NETWORKS, ds.name)
        if respondent is None:
            return  # the emitter reports the unknown respondent with its suggestions
        earlier = self.registry.local[(fds, ftable)].get(f"{fid}--{str(respondent).rsplit('/', 1)[-1]}")
        if earlier is not None:  # an earlier round split off the respondent's part: this answer is about it
            definition = earlier
        adds = row.setdefault("__add", [])
        adds.append((GM.answersFact, definition.iri))
        verdict = self.vocab.resolve("answer", row.get("verdict", "")) if row.get("verdict") else None
        if verdict is None:  # a need's answer, or a verdict the emitter reports as unknown
            level = row.get("need_level", "")
            effect = "recorded" if not level else "no_need" if level.strip().lower() == "inget" else "need"
            if not level and fds == ds.name and ftable != "needs":
                effect = "added"  # what the respondent added on the sheet "Det som saknas": a record of the round
            adds.append((GM.answerEffect, Literal(effect)))
            return
        # one answer per fact and respondent in a round; a later round answers again (laid on in time order)
        first = self.answered.setdefault((ds.name, key, str(respondent)), number)
        if first != number:
            self.problem(label, number, "fact", "answered_twice", value=key, first_row=first)
            row["__bad"] = True
            return
        source = self.registry.local.get((ds.name, "sources"), {}).get(row.get("source", ""))
        fact = definition.raw
        concerns = CONCERNS.get(ftable)
        correction = row.get("correction", "")
        if concerns is None or row.get("field") == RECORD_ONLY or (verdict.notation == "delvis" and not correction):
            adds.append((GM.answerEffect, Literal("recorded")))
            return
        hits = [(c, *self._names(c, fact.get(c, ""), fds, respondent)) for c in concerns]
        hit = next(((c, rest) for c, found, rest in hits if found), None)
        r_code = str(respondent).rsplit("/", 1)[-1]
        own = own_source(fact.get("source", ""), r_code)
        if hit is None and ftable == "offers" and not fact.get("places"):
            # an offer that reaches the respondent through its provider's coverage: confirmed for the
            # respondent (its part, a record of its own: the answer is no source of the others' rows);
            # a removal or correction waits for review
            effect = decide(verdict.notation, correction=bool(correction), part=False, own=own)
            if effect == "review":
                # accepted or rejected, the offer to every municipality the actor covers stays: the
                # coordinator changes the actor's own offers table where the actor no longer offers it
                effect = self._decision(label, number, row) or "review"
            if effect != "confirmed":
                adds.append((GM.answerEffect, Literal(effect)))
                return
            part = self._part(fds, ftable, fid, definition, respondent)
            if part is None:
                self.problem(label, number, "fact", "answered_twice", value=key, first_row=first)
                row["__bad"] = True
                return
            before = self.vocab.resolve("confidence", fact.get("confidence", "") or STATED)
            if before is not None:
                adds.append((GM.previousConfidence, before.iri))
            adds += [(GM.answerEffect, Literal("confirmed")), (GM.resultingFact, part["__iri"])]
            part["confidence"], part["assumed_parts"] = STATED, ""
            if source is not None:
                part.setdefault("__add", []).append((DCTERMS.source, source.iri))
            return
        if hit is None:
            self.problem(label, number, "fact", "not_about", value=key, respondent=row.get("respondent", ""))
            row["__bad"] = True
            return
        column, rest = hit
        field = CORRECTABLE.get(ftable)
        if correction:
            asked = row.get("field", "") or field
            if asked != field or field is None:  # a table without a correctable column takes no correction
                self.problem(label, number, "field", "bad_field", value=asked, field=field or "–")
                row["__bad"] = True
                return
            if not self._valid(label, number, ftable, field, correction):
                row["__bad"] = True
                return
        assumed_parts = split_list(fact.get("assumed_parts", "") or "")
        before = self.vocab.resolve(
            "confidence", "assumed" if column in assumed_parts else fact.get("confidence", "") or STATED
        )
        if before is not None:
            adds.append((GM.previousConfidence, before.iri))
        effect = decide(
            verdict.notation,
            correction=bool(correction),
            assumed=before is not None and before.notation == "assumed",
            own=own,
        )
        if effect == "review":  # a third party's page states it: the coordinator decides
            decision = self._decision(label, number, row)
            if decision != "accepted":  # not decided yet, or rejected: the fact stays as it was
                adds.append((GM.answerEffect, Literal(decision or "review")))
                return
            # accepted (``graphmap round settle``): laid on as the municipality's own word would be
            effect = decide(verdict.notation, correction=bool(correction), assumed=True)
        shared = bool(rest) and TABLE_COLUMNS[column].many
        if effect == "withdrawn":  # the whole fact, or the respondent's part of it
            if shared:
                fact[column] = ";".join(rest)
            else:
                fact["__withdrawn"] = True
            adds += [(GM.answerEffect, Literal("withdrawn")), (GM.withdrawnFact, definition.iri)]
            return
        target = fact
        if shared:  # about others too: the respondent's part becomes a record of its own
            target = self._split(fds, ftable, fid, definition, column, respondent, rest)
            if target is None:
                self.problem(label, number, "fact", "answered_twice", value=key, first_row=first)
                row["__bad"] = True
                return
            adds.append((GM.resultingFact, target["__iri"]))
        if correction:
            adds += [
                (GM.answerEffect, Literal("corrected")),
                (GM.correctedField, Literal(field)),
                (GM.previousValue, Literal(fact.get(field, ""))),
            ]
            target[field] = correction
        else:
            adds.append((GM.answerEffect, Literal("confirmed")))
        target["confidence"] = STATED
        # the part the respondent answered for (its place, its membership) is no longer an assumption
        target["assumed_parts"] = ";".join(p for p in split_list(target.get("assumed_parts", "") or "") if p != column)
        if source is not None:
            target.setdefault("__add", []).append((DCTERMS.source, source.iri))
        if target is fact:
            adds.append((GM.resultingFact, definition.iri))

    def _decision(self, label, number: int, row: dict) -> str:
        """The coordinator's decision on an answer to review ("" = none yet)."""
        decision = (row.get("decision") or "").strip().lower()
        if decision and decision not in DECISIONS:
            self.problem(label, number, "decision", "bad_decision", value=decision)
            return ""
        return decision

    def _part(self, fds, ftable, fid, definition, respondent) -> dict | None:
        """The respondent's part of an offer that reaches every municipality its actor covers: an
        offer of its own to the respondent (``<id>--<code>``, ``gm:partOfOffer`` the whole), which
        takes the whole's place in the respondent's support rows only (None: made before)."""
        slug = str(respondent).rsplit("/", 1)[-1]
        ident = f"{fid}--{slug}"
        part = {k: v for k, v in definition.raw.items() if not k.startswith("__")}
        part.update({"id": ident, "places": slug, "__add": [(GM.partOfOffer, definition.iri)]})
        if self.registry.define(ftable, fds, ident, definition.label, definition.row, part) is not None:
            return None
        part["__iri"] = self.registry.local[(fds, ftable)][ident].iri
        self.datasets[fds].tables[ftable].rows.append((definition.row, part))
        return part

    def _valid(self, label: str, number: int, table: str, field: str, value: str) -> bool:
        col = TABLE[table].column(field)
        for part in split_list(value) if col.many else [value]:
            if col.vocab and self.vocab.resolve(col.vocab, part) is None:
                self.problem(
                    label,
                    number,
                    "correction",
                    "unknown_value",
                    value=part,
                    scheme=col.vocab,
                    suggestions=self.vocab.suggest(col.vocab, part),
                )
                return False
        return True

    def _split(self, fds, ftable, fid, definition, column, respondent, rest) -> dict | None:
        """The respondent's part of a fact about several, as a record of its own (None: split before)."""
        slug = str(respondent).rsplit("/", 1)[-1]
        ident = f"{fid}--{slug}"
        part = {k: v for k, v in definition.raw.items() if not k.startswith("__")}
        part.update({"id": ident, column: slug})
        if self.registry.define(ftable, fds, ident, definition.label, definition.row, part) is not None:
            return None
        part["__iri"] = self.registry.local[(fds, ftable)][ident].iri
        definition.raw[column] = ";".join(rest)
        ds = self.datasets[fds]
        ds.tables[ftable].rows.append((definition.row, part))
        return part


TABLE_COLUMNS = {c.name: c for name in CONCERNS for c in TABLE[name].columns}


def apply_answers(datasets, registry, problems: list[Problem]) -> None:
    """Lay every ``answers`` row of ``datasets`` on the row it answers (see the module's text).
    Called by the emitter once every id is defined and before any row is emitted."""
    answers = [(ds, raw) for ds in datasets if (raw := ds.tables.get("answers")) is not None]
    if not answers:
        return
    work = _Answers(datasets, registry, problems)
    for ds, raw in answers:
        for number, row in raw.rows:
            if not row.get("__bad") and row.get("id"):
                work.apply(ds, row.get("__label") or raw.label, number, row)


__all__ = ["apply_answers", "parse_key", "CONCERNS", "CORRECTABLE", "RECORD_ONLY", "DECISIONS"]
