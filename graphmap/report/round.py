"""The report's two sections of the mapping round: where the round stands, and what changed since an
earlier data version ("förändringar sedan förra året"), from :mod:`graphmap.round`.

>>> import graphmap
>>> kg = graphmap.build()  # doctest: +SKIP
>>> round_sections(kg)
{'rounds': [], 'changes': None}
"""

from __future__ import annotations

from graphmap.i18n import t
from graphmap.round.diff import KINDS, changes
from graphmap.round.status import round_needs, round_status


def round_sections(kg, lang: str = "sv", previous=None) -> dict:
    """``rounds``: each round's summary, respondents and needs without support; ``changes``: the
    changes from ``previous`` (a KnowledgeGraph) by kind, or None without one."""
    rounds = [
        {
            "name": s.name,
            "summary": s.summary(lang),
            "respondents": [
                {
                    "name": r.name,
                    "answered": r.answered or t("round.cli.not_answered", lang),
                    "answers": r.answers,
                    "open": r.open_assumptions,
                }
                for r in s.respondents
            ],
            "unmet": s.needs_without_support,
            "needs": round_needs(kg, lang, round_iri=s.iri),
        }
        for s in round_status(kg, lang)
    ]
    found = None
    if previous is not None:
        diff = changes(previous, kg)
        found = {
            "versions": t("round.web.versions", lang, old=diff.old_version, new=diff.new_version, n=diff.total),
            "groups": [
                {"label": t(f"round.change.{k}", lang), "rows": [c.as_dict(lang) for c in diff.of(k)]}
                for k in KINDS
                if diff.of(k)
            ],
        }
    return {"rounds": rounds, "changes": found}


__all__ = ["round_sections"]
