"""Where a mapping round stands: who has answered, which assumptions are still open, which needs
have no support yet, and which answers changed nothing and wait for a person to read them.

Read from the graph only (the round's ``rounds`` and ``answers`` tables, built), so the web page
(``/runda``), the report's section and ``graphmap round status`` show the same thing:

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> round_status(kg)        # the bundled data has no round
[]
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from graphmap.api import run_query
from graphmap.i18n import sv_sort_key
from graphmap.ontology import code_of, concept_iri
from graphmap.round.beliefs import beliefs
from graphmap.round.diff import needs_supported


@dataclass
class Respondent:
    iri: str
    code: str
    name: str
    answered: str = ""           # the date of its answers ("" = not answered)
    answers: int = 0
    effects: dict = field(default_factory=dict)   # effect -> count
    open_assumptions: int = 0


@dataclass
class RoundStatus:
    iri: str
    ident: str
    name: str
    year: str
    data_version: str
    sent: str
    deadline: str
    respondents: list[Respondent]
    open_assumptions: list[dict]     # respondent, text, key, source, note
    needs_without_support: list[dict]  # respondent, need, area, level
    to_review: list[dict]            # respondent, text, comment

    @property
    def answered(self) -> list[Respondent]:
        return [r for r in self.respondents if r.answered]

    @property
    def waiting(self) -> list[Respondent]:
        return [r for r in self.respondents if not r.answered]


def round_status(kg, lang: str = "sv") -> list[RoundStatus]:
    """One :class:`RoundStatus` per round in ``kg`` (newest year first)."""
    rounds: dict[str, dict] = {}
    for r in run_query(kg, "round-rounds").rows:
        entry = rounds.setdefault(str(r["round"]), {"row": r, "respondents": []})
        if str(r["respondent"]) not in entry["respondents"]:
            entry["respondents"].append(str(r["respondent"]))
    if not rounds:
        return []
    answers = run_query(kg, "round-answers").rows
    by_round: dict[str, list] = defaultdict(list)
    for a in answers:
        by_round[str(a["round"])].append(a)
    everyone = sorted({r for e in rounds.values() for r in e["respondents"]})
    lines = beliefs(kg, everyone, lang)
    supported = needs_supported(kg)
    levels = {str(a["fact"]): a.get("need_level") for a in answers if a.get("fact") is not None}
    out = []
    for iri, entry in rounds.items():
        row, asked = entry["row"], entry["respondents"]
        mine = by_round[iri]
        respondents, opened, review, unmet = [], [], [], []
        for who in asked:
            got = [a for a in mine if str(a["respondent"]) == who]
            effects: dict[str, int] = defaultdict(int)
            for a in got:
                effects[str(a.get("effect") or "recorded")] += 1
            answered_facts = {str(a["key"]) for a in got}
            name = kg.label(who, lang)
            still = [x for x in lines.get(who, []) if x.assumed and x.key not in answered_facts]
            respondents.append(Respondent(who, code_of(who), name, max((str(a.get("answered") or "") for a in got),
                                                                     default=""), len(got), dict(effects), len(still)))
            opened += [{"respondent": name, "text": x.text, "key": x.key, "source": x.source, "note": x.note}
                       for x in still]
            review += [{"respondent": name, "text": _line_text(lines.get(who, []), str(a["key"])),
                        "comment": str(a.get("comment") or "")}
                       for a in got if str(a.get("effect")) == "recorded" and (a.get("comment") or a.get("verdict"))]
        for line_owner in asked:
            for x in lines.get(line_owner, []):
                if x.table == "needs" and not supported.get(x.record, True):
                    level = levels.get(x.record)
                    unmet.append({"respondent": kg.label(line_owner, lang), "need": x.short or x.text,
                                  "record": x.record, "areas": ", ".join(kg.label(concept_iri("area", a), lang)
                                                                         for a in x.areas),
                                  "level": kg.label(level, lang) if level is not None else ""})
        respondents.sort(key=lambda r: sv_sort_key(r.name))
        out.append(RoundStatus(iri, code_of(iri), str(row.get("name") or code_of(iri)), str(row.get("year") or ""),
                               str(row.get("data_version") or ""), str(row.get("sent") or ""),
                               str(row.get("deadline") or ""), respondents, opened, unmet, review))
    out.sort(key=lambda s: (s.year, s.sent, s.ident), reverse=True)
    return out


def _line_text(lines, key: str) -> str:
    return next((x.text for x in lines if x.key == key), key)


__all__ = ["round_status", "RoundStatus", "Respondent"]
