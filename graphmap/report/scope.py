"""What a county report's facts are: the records that name the county, its municipalities or its own
actors and networks (never the national actors' own records, which are the national report's).

The county report's "Källor och säkerhet" lists the sources of these records and counts them per
confidence, so the Västerbotten report lists Västerbotten's sources, not the ~200 of the country.

>>> import graphmap
>>> from graphmap.viz import build_view
>>> kg = graphmap.build()  # doctest: +SKIP
>>> iri = kg.resolver.county("24")
>>> facts = county_facts(kg, iri, build_view(kg, county="24"))
>>> 0 < len({f["record"] for f in facts}) < len({f["record"] for f in county_facts(kg, None, None)})
True
"""

from __future__ import annotations

from graphmap.api import run_query
from graphmap.ontology import code_of


def county_facts(kg, county_iri, view) -> list[dict]:
    """One row per fact (``source``, ``record``, ``confidence`` or None) that names the county
    ``county_iri`` or a node of ``view`` in it; every fact of the graph when ``county_iri`` is None."""
    rows = run_query(kg, "report-source-records").rows
    if county_iri is None:
        named = None
    else:
        code = code_of(county_iri)
        named = {str(county_iri)} | {n["id"] for n in view["nodes"] if n.get("county") == code}
    seen: dict[tuple, dict] = {}
    for r in rows:
        if named is not None and str(r["about"]) not in named:
            continue
        key = (str(r["source"]), str(r["record"]))
        seen.setdefault(key, {"source": key[0], "record": key[1], "confidence": r.get("confidence")})
    return list(seen.values())


__all__ = ["county_facts"]
