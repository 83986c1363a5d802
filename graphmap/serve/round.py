"""The mapping round's two pages: where the round stands (``/runda``) and what changed since an
earlier data version (``/forandringar``), from :mod:`graphmap.round` (the same answers as
``graphmap round status`` and ``graphmap round changes``).
"""

from __future__ import annotations

from graphmap.i18n import t
from graphmap.round.diff import KINDS, changes
from graphmap.round.status import round_needs, round_status


def status_page(site, lang: str) -> dict:
    """Every round in the served graph: who answered, open assumptions, needs without support."""
    rounds = []
    for s in round_status(site.kg, lang):
        rounds.append(
            {
                "name": s.name,
                "year": s.year,
                "sent": s.sent,
                "deadline": s.deadline,
                "data_version": s.data_version,
                "summary": s.summary(lang),
                "respondents": [
                    {
                        "name": r.name,
                        "href": site.url_for(r.iri),
                        "answered": r.answered,
                        "answers": r.answers,
                        "open": r.open_assumptions,
                        "effects": ", ".join(
                            f"{t('round.effect.' + k, lang)}: {n}" for k, n in sorted(r.effects.items())
                        ),
                    }
                    for r in s.respondents
                ],
                "open": s.open_assumptions,
                "unmet": s.needs_without_support,
                "review": s.to_review,
                "settled": s.settled,
                "needs": round_needs(site.kg, lang, round_iri=s.iri),
            }
        )
    from graphmap.api import data_version

    return {
        "title": t("round.web.status_title", lang),
        "intro": t("round.web.status_intro", lang),
        "rounds": rounds,
        "refresh": t("round.web.refresh", lang, version=data_version(site.kg)),
    }


def pending_note(site, lang: str) -> str:
    """What ``/runda`` says when answers or decisions were applied since the server's graph was built
    (read on every request, never cached: :func:`graphmap.round.status.pending_answers`)."""
    from graphmap.round.status import pending_answers

    pending = pending_answers(site.kg)
    return t("round.web.pending", lang, n=len(pending)) if pending else ""


def changes_page(site, previous, lang: str) -> dict:
    """The changes from ``previous`` (a KnowledgeGraph, or None) to the served graph, by kind."""
    page = {
        "title": t("round.web.changes_title", lang),
        "intro": t("round.web.changes_intro", lang),
        "groups": [],
        "previous": previous is not None,
    }
    if previous is None:
        page["intro"] = t("round.web.changes_none", lang)
        return page
    found = changes(previous, site.kg)
    page["versions"] = t("round.web.versions", lang, old=found.old_version, new=found.new_version, n=found.total)
    for kind in KINDS:
        items = found.of(kind)
        if items:
            page["groups"].append(
                {"kind": kind, "label": t(f"round.change.{kind}", lang), "rows": [c.as_dict(lang) for c in items]}
            )
    return page


__all__ = ["status_page", "changes_page", "pending_note"]
