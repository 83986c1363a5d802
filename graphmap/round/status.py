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
from graphmap.i18n import sv_sort_key, t
from graphmap.ontology import code_of, concept_iri
from graphmap.round.beliefs import beliefs
from graphmap.round.diff import needs_supported


@dataclass
class Respondent:
    iri: str
    code: str
    name: str
    answered: str = ""  # the date of its answers ("" = not answered)
    answers: int = 0
    effects: dict = field(default_factory=dict)  # effect -> count
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
    open_assumptions: list[dict]  # respondent, text, key, source, note
    needs_without_support: list[dict]  # respondent, need, area, level
    to_review: list[dict]  # id, respondent, text, key, effect, fact_source, answered, comment, said
    #: answers to review the coordinator has decided on (``graphmap round settle``): as ``to_review``,
    #: with decision, decided, decision_note
    settled: list[dict] = field(default_factory=list)

    @property
    def answered(self) -> list[Respondent]:
        return [r for r in self.respondents if r.answered]

    @property
    def waiting(self) -> list[Respondent]:
        return [r for r in self.respondents if not r.answered]

    def summary(self, lang: str = "sv") -> str:
        """Where the round stands, in one sentence: how many answered, open assumptions, needs without
        support, answers for the coordinator to review (the CLI, ``/runda`` and the report say it so)."""
        return t(
            "round.cli.status_head",
            lang,
            name=self.name,
            answered=len(self.answered),
            n=len(self.respondents),
            open=len(self.open_assumptions),
            unmet=len(self.needs_without_support),
            review=len(self.to_review),
        )


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
        respondents, opened, review, unmet, settled = [], [], [], [], []
        for who in asked:
            got = [a for a in mine if str(a["respondent"]) == who]
            effects: dict[str, int] = defaultdict(int)
            for a in got:
                effects[str(a.get("effect") or "recorded")] += 1
            name = kg.label(who, lang)
            # the graph after the answers: a confirmed assumption is stated, a withdrawn one gone, one
            # waiting for review still an assumption (so the count cannot disagree with the answers)
            still = [x for x in lines.get(who, []) if x.assumed]
            respondents.append(
                Respondent(
                    who,
                    code_of(who),
                    name,
                    max((str(a.get("answered") or "") for a in got), default=""),
                    len(got),
                    dict(effects),
                    len(still),
                )
            )
            opened += [
                {"respondent": name, "text": x.text, "key": x.key, "source": x.source, "note": x.note} for x in still
            ]
            review += [
                _review(lines.get(who, []), name, a, lang)
                for a in got
                if not a.get("decision")
                and (
                    str(a.get("effect")) == "review"
                    or (str(a.get("effect")) == "recorded" and (a.get("comment") or a.get("verdict")))
                )
            ]
            settled += [_review(lines.get(who, []), name, a, lang) for a in got if a.get("decision")]
        for line_owner in asked:
            for x in lines.get(line_owner, []):
                if x.table == "needs" and not supported.get(x.record, True):
                    level = levels.get(x.record)
                    unmet.append(
                        {
                            "respondent": kg.label(line_owner, lang),
                            "need": x.short or x.text,
                            "record": x.record,
                            "areas": ", ".join(kg.label(concept_iri("area", a), lang) for a in x.areas),
                            "level": kg.label(level, lang) if level is not None else "",
                        }
                    )
        respondents.sort(key=lambda r: sv_sort_key(r.name))
        out.append(
            RoundStatus(
                iri,
                code_of(iri),
                str(row.get("name") or code_of(iri)),
                str(row.get("year") or ""),
                str(row.get("data_version") or ""),
                str(row.get("sent") or ""),
                str(row.get("deadline") or ""),
                respondents,
                opened,
                unmet,
                review,
                settled,
            )
        )
    out.sort(key=lambda s: (s.year, s.sent, s.ident), reverse=True)
    return out


def _review(lines, name: str, a: dict, lang: str) -> dict:
    """An answer for the coordinator to read: the fact with its own source, and the answer with who
    said it, when and why."""
    key = str(a["key"])
    line = next((x for x in lines if x.key == key), None)
    text, source = (line.text, line.source) if line is not None else (key, "")
    return {
        "id": code_of(a["answer"]),
        "respondent": name,
        "text": text,
        "key": key,
        "effect": str(a.get("effect") or "recorded"),
        "fact_source": source,
        "answered": str(a.get("answered") or ""),
        "comment": str(a.get("comment") or a.get("correction") or ""),
        "said": t(
            "round.said",
            lang,
            name=name,
            date=str(a.get("answered") or "–"),
            comment=str(a.get("comment") or a.get("correction") or "–"),
        ),
        "decision": str(a.get("decision") or ""),
        "decided": str(a.get("decided") or ""),
        "decision_note": str(a.get("decision_note") or ""),
    }


def pending_answers(kg, parent=None) -> list[str]:
    """The answers (and coordinator's decisions) written to the rounds' folders under ``parent``
    (default: the workspace's ``rounds/``) that ``kg`` does not hold yet, as ``round/answer id``: a
    server started before ``round apply`` or ``round settle`` says so on ``/runda`` (it shows the data
    it was built from; a restart, or a new build, shows the rest). Reads each round's ``answers.csv``
    only: cheap enough for every request of the page."""
    import csv
    from pathlib import Path

    from graphmap.datasets import round_folders
    from graphmap.workspace import rounds_dir

    held = {
        (code_of(a["round"]), code_of(a["answer"]), str(a.get("decision") or ""))
        for a in run_query(kg, "round-answers").rows
    }
    out = []
    for folder in round_folders(Path(parent) if parent is not None else rounds_dir()):
        try:
            with (folder / "answers.csv").open(encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
        except OSError:
            continue
        for row in rows:
            key = (row.get("round", ""), row.get("id", ""), row.get("decision", "") or "")
            if key not in held:
                out.append(f"{key[0]}/{key[1]}")
    return sorted(out)


def round_needs(kg, lang: str = "sv", municipality: str | None = None, round_iri: str | None = None) -> list[dict]:
    """The needs the round's answers reported, one row per municipality and area: how great, what is
    missing, good examples, the kind of support needed, whether support reaches it, and who said it
    when ("enligt Sotenäs 2027-03-10"); for one ``municipality`` (IRI) or all, of one round (IRI) or
    all, by name and area.

    >>> import graphmap
    >>> round_needs(graphmap.build())        # the bundled data has no round
    []
    """
    answers = {
        str(a["fact"]): a
        for a in run_query(kg, "round-answers").rows
        if a.get("fact") is not None
        and a.get("need_level") is not None
        and (round_iri is None or str(a["round"]) == str(round_iri))
    }
    if not answers:
        return []
    supported = needs_supported(kg)
    rows: dict[str, dict] = {}
    for r in run_query(kg, "round-needs").rows:
        record = str(r["record"])
        a = answers.get(record)
        if a is None or (municipality is not None and str(a["respondent"]) != str(municipality)):
            continue
        row = rows.setdefault(
            record,
            {
                "record": record,
                "respondent": kg.label(a["respondent"], lang),
                "respondent_iri": str(a["respondent"]),
                "areas": set(),
                "level": kg.label(a["need_level"], lang),
                "missing": str(r.get("description") or ""),
                "examples": str(a.get("comment") or ""),
                "kind": kg.label(r["kind"], lang) if r.get("kind") else "",
                "supported": supported.get(record, False),
                "said": t(
                    "round.said_when", lang, name=kg.label(a["respondent"], lang), date=str(a.get("answered") or "–")
                ),
            },
        )
        if r.get("area") is not None:
            row["areas"].add(kg.label(r["area"], lang))
    out = [{**row, "areas": ", ".join(sorted(row["areas"], key=sv_sort_key))} for row in rows.values()]
    out.sort(key=lambda x: (sv_sort_key(x["respondent"]), sv_sort_key(x["areas"])))
    return out


__all__ = ["round_status", "round_needs", "pending_answers", "RoundStatus", "Respondent"]
