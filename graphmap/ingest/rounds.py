"""Rounds laid on one another, year after year: a need reported again is the same need.

The datasets come in the order the rounds started (:func:`graphmap.datasets.order_rounds`). When a
municipality reports a need in an area in which an earlier round already holds its need, the later
report is laid on the earlier record (its description, level, kind, year, date and note, its
source added beside the first one) and is not emitted as a record of its own: the gap matrix counts
the need once, and the answers of the later round that point at their own need point at the first
one. A need the municipality reports in a new area is a new need. A later round's answer *Inget
behov* in an area where an earlier round holds the municipality's need closes that need: it is
withdrawn (the gap matrix and the needs table stop counting it), the answer points at it
(``gm:withdrawnFact``), and a need reported there again later is a new one.
"""

from __future__ import annotations

from rdflib.namespace import DCTERMS

from graphmap.ontology import GM

from graphmap.ingest.cells import split_list
from graphmap.schema import TABLE

#: the columns of a need a later report changes (``id`` and ``source`` stay the first report's)
LAID_ON = tuple(c.name for c in TABLE["needs"].columns if c.name not in ("id", "source", "reported_by", "areas"))


def _need_key(row: dict) -> tuple[str, tuple[str, ...]] | None:
    who, areas = (row.get("reported_by") or "").strip(), tuple(sorted(split_list(row.get("areas") or "")))
    return (who, areas) if who and areas else None


def repeated_needs(datasets, registry) -> dict[str, str]:
    """Lay each round's needs on the same municipality's need in the same areas from an earlier round
    (see the module's text); returns ``{later fact key: earlier fact key}``, already applied to the
    later rounds' ``answers`` rows. Called once every id is defined and before the answers are laid on.

    >>> from types import SimpleNamespace as NS
    >>> from graphmap.ingest.registry import Registry
    >>> reg = Registry()
    >>> def rnd(name, date, src):
    ...     need = {"id": "1427-aldre", "reported_by": "1427", "areas": "aldre", "date": date, "source": src}
    ...     answer = {"id": "a", "fact": f"{name}/needs/1427-aldre"}
    ...     for table, row in (("needs", need), ("sources", {"id": src})):
    ...         reg.define(table, name, row["id"], table, 2, row)
    ...     return NS(name=name, tables={"rounds": NS(rows=[]), "needs": NS(rows=[(2, need)]),
    ...                                  "answers": NS(rows=[(2, answer)])})
    >>> a, b = rnd("r2027", "2027-03-10", "svar-1427"), rnd("r2028", "2028-03-02", "svar-1427")
    >>> repeated_needs([a, b], reg)
    {'r2028/needs/1427-aldre': 'r2027/needs/1427-aldre'}
    >>> first, later = a.tables["needs"].rows[0][1], b.tables["needs"].rows[0][1]
    >>> first["date"], later.get("__withdrawn"), b.tables["answers"].rows[0][1]["fact"]
    ('2028-03-02', True, 'r2027/needs/1427-aldre')
    """
    seen: dict[tuple, tuple[str, dict]] = {}
    moved: dict[str, str] = {}
    for ds in datasets:
        if "rounds" not in ds.tables or "needs" not in ds.tables:
            continue
        for _number, row in ds.tables["needs"].rows:
            key = _need_key(row)
            if key is None or row.get("__bad") or not row.get("id"):
                continue
            if key not in seen:
                seen[key] = (f"{ds.name}/needs/{row['id']}", row)
                continue
            first_key, first = seen[key]
            for column in LAID_ON:
                if row.get(column):
                    first[column] = row[column]
            source = registry.local.get((ds.name, "sources"), {}).get(row.get("source", ""))
            if source is not None:
                first.setdefault("__add", []).append((DCTERMS.source, source.iri))
            row["__withdrawn"] = True
            moved[f"{ds.name}/needs/{row['id']}"] = first_key
        answers = ds.tables.get("answers")
        for _number, row in answers.rows if answers is not None else []:
            if row.get("fact") in moved:
                row["fact"] = moved[row["fact"]]
            closed = _closes(row, seen)
            if closed is not None:  # "Inget behov" where an earlier round holds the need: it is closed
                first_key, first = seen.pop(closed)
                first["__withdrawn"] = True
                row["fact"] = first_key
                row.setdefault("__add", []).append((GM.withdrawnFact, _iri(registry, first_key)))
    return moved


def _closes(row: dict, seen: dict) -> tuple | None:
    """The key of the earlier need an answer "Inget behov" closes (the answer of the needs sheet is
    ``<respondent>-behov-<area>``), or None."""
    if (row.get("need_level") or "").strip().lower() != "inget" or row.get("__bad"):
        return None
    who = (row.get("respondent") or "").strip()
    prefix = f"{who}-behov-"
    ident = row.get("id") or ""
    if not who or not ident.startswith(prefix):
        return None
    key = (who, (ident[len(prefix) :],))
    return key if key in seen else None


def _iri(registry, key: str):
    ds, table, ident = key.split("/")
    return registry.local[(ds, table)][ident].iri


__all__ = ["repeated_needs", "LAID_ON"]
