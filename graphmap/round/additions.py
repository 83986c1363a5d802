"""What a municipality adds in its workbook (the sheet "Det som saknas"): an actor or network it uses
that the map does not hold, that it covers the municipality or that the municipality takes part in
it, and the support it gets from it.

Each filled row becomes rows of the round's own tables, with the municipality's answer as their
source (confidence ``stated``: the answer states it; the source says who):

* the actor (``actors``: a kind of actor) or network (``networks``: a kind of network), unless its
  name resolves to one the map already holds (then the rows below name that one). Its id is its
  name's slug: two municipalities naming the same new actor (its name folded: case, accents, spaces)
  in one round write two rows of one id, which the build joins into one actor with both answers as
  sources; named again in a later round (the name then resolves), the answer is one more source;
* "täcker kommunen": a ``coverage`` row (the actor covers the municipality in the areas given);
  "medlem i": a ``memberships`` row (the municipality takes part, role ``medlem``);
* a kind of support: an ``offers`` row to the municipality in the areas given.

Every problem names the file, the sheet, the row and the column, as in the rest of the workbook.
"""

from __future__ import annotations

import re

from graphmap.i18n import t
from graphmap.ingest.cells import split_list, url_fault
from graphmap.ingest.readers import normalise_header
from graphmap.problems import Problem
from graphmap.round.workbook import ADD_COLUMNS, ADD_HOW
from graphmap.slug import slugify
from graphmap.vocab import fold, vocabularies

_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")

#: the tables an addition writes, in the order they are written
ADDED_TABLES = ("actors", "networks", "coverage", "memberships", "offers")


def _problem(problems, where, column, code, lang, severity="error", **params) -> None:
    problems.append(
        Problem(where[0], where[1], t(f"round.column.{column}", lang), code, severity, params, section="round")
    )


def _concept(scheme: str, text: str, where, column, lang, problems):
    """The concept ``text`` names in ``scheme`` ("" gives None), or False after reporting it."""
    if not text:
        return None
    vocab = vocabularies()
    found = vocab.resolve(scheme, text)
    if found is None:
        _problem(
            problems,
            where,
            column,
            "unknown_value",
            lang,
            value=text,
            scheme=scheme,
            suggestions=vocab.suggest(scheme, text),
        )
        return False
    return found


def _kind(text: str, where, lang, problems):
    """(table, notation) of "what it is": a network kind or an actor type."""
    vocab = vocabularies()
    for scheme, table in (("network-kind", "networks"), ("actor-type", "actors")):
        found = vocab.resolve(scheme, text)
        if found is not None and (scheme, found.notation) != ("actor-type", "kommun"):
            return table, found.notation
    _problem(
        problems,
        where,
        "add_kind",
        "unknown_value",
        lang,
        value=text,
        scheme="add-kind",
        suggestions=vocab.suggest("network-kind", text) + vocab.suggest("actor-type", text),
    )
    return None


def _how(text: str, where, lang, problems):
    vocab = vocabularies()
    found = vocab.resolve("route", text)
    if found is None or found.notation not in ADD_HOW:
        _problem(
            problems,
            where,
            "add_how",
            "unknown_value",
            lang,
            value=text,
            scheme="add-how",
            suggestions=[vocab.schemes["route"][c].label(lang) for c in ADD_HOW],
        )
        return None
    return found


def _taken(resolver, ident: str) -> bool:
    try:
        resolver.resolve("actor", ident, "name")
    except ValueError:
        return False
    return True


def read_additions(
    table, entry, returned, lang: str, problems: list[Problem], resolver=None, added_before=None
) -> list[tuple]:
    """Read the sheet of what is missing into ``returned.tables``; the changes it makes as (effect,
    text, detail, the record it adds as ``table/id`` in the round's dataset, the row's number, comment):
    the preview's lines and the answers that record them. ``added_before``: the actors and networks
    (IRI -> name) that municipalities added in earlier rounds: named again, the respondent's answer
    becomes one more source of theirs."""
    added_before = added_before or {}
    changes: list[tuple] = []
    kept = entry["sheets"].get("missing", {})
    if table is None:
        if kept:
            problems.append(
                Problem(
                    returned.file,
                    None,
                    None,
                    "missing_sheet",
                    "error",
                    {"sheet": t("round.sheet.missing", lang)},
                    section="round",
                )
            )
        return changes
    heads = {key: normalise_header(t(f"round.column.{key}", lang)) for key in ADD_COLUMNS}
    rows = dict(table.rows)
    code, answer = returned.respondent, returned.source
    provenance = {"source": answer["id"], "date": returned.answered, "confidence": "stated", "note": ""}
    out: dict[str, list[dict]] = {name: [] for name in ADDED_TABLES}
    for number, cells in sorted(kept.items(), key=lambda kv: int(kv[0])):
        n = int(number)
        row = rows.get(n, {})
        where = (table.label, n)
        if (row.get(heads["nr"], "") or "") != cells["nr"]:
            problems.append(
                Problem(
                    table.label,
                    n,
                    t("round.column.nr", lang),
                    "protected_changed",
                    "error",
                    {"was": cells["nr"], "now": row.get(heads["nr"], "") or "–"},
                    section="round",
                )
            )
            continue
        v = {key: (row.get(heads[key], "") or "").strip() for key in ADD_COLUMNS[1:]}
        if not any(v.values()):
            continue
        before = len([p for p in problems if p.severity == "error"])
        name = v["add_name"]
        if not name:
            _problem(problems, where, "add_name", "add_no_name", lang)
        how = _how(v["add_how"], where, lang, problems) if v["add_how"] else None
        if name and not v["add_how"]:
            _problem(problems, where, "add_how", "add_no_how", lang, name=name)
        existing = None
        if name and resolver is not None:
            try:
                existing = str(resolver.resolve("actor", name, "name"))
            except ValueError as exc:
                like = [
                    x
                    for x in getattr(exc, "suggestions", [])
                    if fold(_QUALIFIER.sub("", _QUALIFIER.sub("", x))) == fold(name)
                ]  # the same name with a qualifier: "FoU Socialtjänst (Västerbotten)"
                if like:  # a new one named like one the map holds: say so, the coordinator checks
                    _problem(
                        problems,
                        where,
                        "add_name",
                        "add_like_existing",
                        lang,
                        "warning",
                        name=name,
                        names=", ".join(like),
                    )
        kind = _kind(v["add_kind"], where, lang, problems) if v["add_kind"] else None
        level = _concept("level", v["add_level"], where, "add_level", lang, problems)
        target = _concept("target-group", v["add_target"], where, "add_target", lang, problems)
        support = _concept("support-kind", v["add_support"], where, "add_support", lang, problems)
        areas = []
        for part in split_list(v["add_areas"]):
            found = _concept("area", part, where, "add_areas", lang, problems)
            if found:
                areas.append(found.notation)
        if name and existing is None:
            for key, value in (("add_kind", v["add_kind"]), ("add_level", v["add_level"])):
                if not value:
                    _problem(problems, where, key, "add_new_needs", lang, name=name)
        if v["add_url"] and url_fault(v["add_url"]) is not None:
            _problem(problems, where, "add_url", "add_bad_url", lang, value=v["add_url"])
        if support and not areas:
            _problem(problems, where, "add_areas", "add_support_no_areas", lang)
        if len([p for p in problems if p.severity == "error"]) > before or how is None:
            continue
        comment = v["add_comment"]
        if existing is not None:
            ident = existing.rsplit("/", 1)[-1]
            if existing in added_before:  # added by a municipality in an earlier round: one more source
                table_name = "networks" if existing.rsplit("/", 2)[-2] == "network" else "actors"
                out[table_name].append({"id": ident, "name_sv": added_before[existing], **provenance, "note": comment})
        else:
            # the same name from two municipalities is one actor (the build joins their rows and sources);
            # an id the map already gives an actor of another name gets the municipality's code before it
            ident = slugify(name)
            if resolver is not None and _taken(resolver, ident):
                ident = slugify(f"{code}-{name}")
            assert kind is not None and level is not None  # a new one without them is an error above
            thing = {"id": ident, "name_sv": name, "level": level.notation, **provenance, "note": comment}
            if kind[0] == "networks":
                thing.update(
                    {
                        "kind": kind[1],
                        "areas": ";".join(areas),
                        "target_groups": target.notation if target else "",
                        "note": "; ".join(x for x in (comment, v["add_url"]) if x),
                    }
                )
            else:
                thing.update({"types": kind[1], "homepage": v["add_url"]})
            out[kind[0]].append(thing)
        if how.notation == "coverage":
            out["coverage"].append(
                {
                    "id": f"{ident}-{code}",
                    "actor": ident,
                    "places": code,
                    "areas": ";".join(areas),
                    **provenance,
                    "note": comment,
                }
            )
            fact = f"coverage/{ident}-{code}"
        else:
            out["memberships"].append(
                {
                    "id": f"{code}-{ident}",
                    "member": code,
                    "organisation": ident,
                    "role": "medlem",
                    **provenance,
                    "note": comment,
                }
            )
            fact = f"memberships/{code}-{ident}"
        if support:
            out["offers"].append(
                {
                    "id": f"{ident}-{code}-{support.notation}",
                    "actor": ident,
                    "kind": support.notation,
                    "areas": ";".join(areas),
                    "places": code,
                    "target_groups": target.notation if target else "",
                    **provenance,
                    "note": comment,
                }
            )
        changes.append(
            (
                "added",
                t("round.added.line", lang, name=name, how=how.label(lang)),
                t("round.added.existing", lang) if existing is not None else t("round.added.new", lang),
                fact,
                cells["nr"],
                comment,
            )
        )
    returned.tables = {name: rows for name, rows in out.items() if rows}
    return changes


__all__ = ["read_additions", "ADDED_TABLES"]
