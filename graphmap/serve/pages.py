"""The web app's entity and overview pages as plain data: the start page's summary, the actor,
network and municipality pages, and the gap matrix with its rows.

>>> import graphmap
>>> from graphmap.serve.site import Site
>>> kg = graphmap.build()  # doctest: +SKIP
>>> site = Site(kg)
>>> site.summary("en")["records"][0]
('Memberships', 203)
>>> page = site.municipality_page("2480", "sv")
>>> page["label"], page["county"].text, page["county"].href
('Umeå', 'Västerbottens län', '/luckor/rader?county=24')
>>> site.gap_matrix("sv")["rows"][0]["cells"][0]["href"]
'/luckor/rader?area=anhorigstod&county=01'
"""

from __future__ import annotations

from functools import cached_property

from rdflib import URIRef
from rdflib.namespace import ORG

from graphmap.api import (
    gap_cell_reach,
    gap_matrix,
    map_state,
    municipality_areas,
    not_mapped_note,
    run_query,
    where_text,
)
from graphmap.i18n import sv_sort_key, t
from graphmap.ontology import GM, code_of, concept_iri
from graphmap.resolve import UnknownName
from graphmap.report.counts import landscape
from graphmap.round.status import round_needs
from graphmap.serve.cache import per_instance_cache
from graphmap.serve.content import Cell, external_url
from graphmap.viz.gapstyle import look
from graphmap.vocab import vocabularies

# the record classes the start page counts, with their catalogue keys
RECORDS = (
    (ORG.Membership, "serve.records.memberships"),
    (GM.Coverage, "serve.records.coverage"),
    (GM.SupportOffer, "serve.records.offers"),
    (GM.Need, "serve.records.needs"),
    (GM.Activity, "serve.records.activities"),
    (GM.Relation, "serve.records.relations"),
    (GM.Agreement, "serve.records.agreements"),
    (ORG.Post, "serve.records.posts"),
)


def in_language(texts, lang: str) -> str:
    """The text in ``lang`` among language-tagged literals, else the Swedish one, else one without a
    language, else any ("" for none).

    >>> from rdflib import Literal
    >>> in_language([Literal("Stöd", lang="sv"), Literal("Support", lang="en")], "en"), in_language([], "sv")
    ('Support', '')
    """
    by_lang = {getattr(x, "language", None) or "": str(x) for x in texts}
    return by_lang.get(lang) or by_lang.get("sv") or by_lang.get("") or next(iter(by_lang.values()), "")


def lowered(text: str) -> str:
    """A type's name inside a sentence: its first letter in lower case, unless its first word is a
    name or an abbreviation (another capital in it: "FoU-enhet", "RSS").

    >>> lowered("Stiftelse"), lowered("FoU-enhet"), lowered("R&D unit"), lowered("Region Stockholm")
    ('stiftelse', 'FoU-enhet', 'R&D unit', 'region Stockholm')
    """
    first = text.split(" ", 1)[0].rstrip(",")
    return text[:1].lower() + text[1:] if first[1:] == first[1:].lower() and first[1:2].isalpha() else text


class Pages:
    """The pages of :class:`graphmap.serve.site.Site` (needs its graph, books of actors,
    networks, municipalities and counties, ``run``, ``table``, ``cell``, ``label`` and
    ``neighbourhood``)."""

    # ---- start page ----------------------------------------------------------------------------
    @per_instance_cache(maxsize=4)
    def summary(self, lang: str) -> dict:
        """Counts per level and type, record counts, regions, the latest source date and the sources."""
        numbers = landscape(self.kg, lang)  # the report's numbers, from the same computation
        table = numbers["summary"]
        by_level = list(zip(table["levels"], table["totals"]))
        by_type = sorted(((r["label"], r["total"]) for r in table["rows"]), key=lambda x: (-x[1], sv_sort_key(x[0])))
        records = [(t(key, lang), self._record_counts.get(str(cls), 0)) for cls, key in RECORDS]
        sources, dates = [], []
        for source, info in self._source_info.items():
            if info["date"]:
                dates.append(info["date"])
            sources.append(
                {
                    "title": info["title"] or source,
                    "date": info["date"],
                    "publisher": info["publisher"],
                    "url": self.source_urls.get(source),
                }
            )
        sources.sort(key=lambda x: (x["date"], x["title"], x["url"] or "", x["publisher"]), reverse=True)
        return {
            "by_level": by_level,
            "by_type": by_type,
            "total": table["total"],
            "confidence": numbers["confidence"],
            "records": records,
            "regions": self.datasets,
            "data_date": max(dates) if dates else "",
            "sources": sources,
            "triples": numbers["triples"],
            "networks": len(self.networks),
            "actors": len(self.actors),
            "municipalities": len(self.municipalities),
        }

    # ---- actor, network and municipality pages -------------------------------------------------
    def actor_page(self, kind: str, key: str, lang: str) -> dict | None:
        """The page of an actor or network (``kind`` aktor/natverk) by its slug, or None."""
        return None if self.actor_iri(kind, key) is None else self._actor_page(kind, key, lang)

    @per_instance_cache(maxsize=512)  # known slugs only: a key that names nothing never takes a place
    def _actor_page(self, kind: str, key: str, lang: str) -> dict:
        iri = self.actor_iri(kind, key)
        arg = key
        facts, _ = self.run("actor", {"actor": arg}, lang)
        nets, _ = self.run("networks", {"actor": arg}, lang)
        profile = self._profile(arg)
        related: dict[str, Cell] = {}

        def note(value):
            if isinstance(value, str) and value != str(iri) and (value in self._actor_set):
                related.setdefault(value, self.cell(value, self.label(value, lang)))

        for res in (facts, nets):
            for row in res.rows if res else []:
                for v in row.values():
                    note(str(v) if isinstance(v, URIRef) else None)
        if str(iri) in self.kg.link_graph:
            for n in self.kg.link_graph.neighbors(str(iri)):
                note(n)
        offers = []
        for offer in run_query(self.kg, "page-offers", actor=arg).rows:
            source = offer["source"][0] if offer["source"] else None
            offers.append(
                {
                    "kind": self.label(offer["kind"], lang),
                    "areas": sorted((self.label(a, lang) for a in offer["area"]), key=sv_sort_key),
                    "places": sorted(
                        (self.cell(p, self.label(p, lang)) for p in offer["place"]),
                        key=lambda c: sv_sort_key(c.text),
                    ),
                    "description": in_language(offer["description"], lang),
                    "source": self.cell(str(source or ""), self.label(source, lang)),
                }
            )
        offers.sort(key=lambda o: (sv_sort_key(o["kind"]), sv_sort_key(o["description"]), o["areas"]))
        serves = sorted(
            (self.cell(p, self.label(p, lang)) for p in profile.get("serves", ())),
            key=lambda c: sv_sort_key(c.text),
        )
        persons = []
        if self.include_personal:
            for row in run_query(self.kg, "report-posts").rows:
                if row["actor"] == iri and row["person"] is not None:
                    mbox = str(row["mbox"] or "")
                    persons.append(
                        {
                            "name": str(row["name"] or ""),
                            "post": self.label(row["post"], lang),
                            "email": mbox[7:] if mbox.startswith("mailto:") else mbox,
                        }
                    )
        level, county = profile.get("level"), profile.get("county")
        return {
            "iri": str(iri),
            "key": key,
            "kind": kind,
            "label": self.label(iri, lang),
            "types": self._types(profile, lang),
            "level": self.label(level, lang) if level else "",
            "county": self.cell(county, self.label(county, lang)) if county else None,
            "homepage": external_url(profile.get("homepage")),
            "description": in_language(profile.get("description", ()), lang),
            "facts": self.table(
                facts,
                lang,
                ["record", "property", "value", "source", "confidence"],
                self._readable_records(facts, iri, lang),
            )
            if facts
            else None,
            "networks": self.table(nets, lang) if nets else None,
            "offers": offers,
            "serves": serves,
            "persons": persons,
            "related": sorted(related.values(), key=lambda c: sv_sort_key(c.text)),
            "neighbourhood": self.neighbourhood(iri, lang),
            "summary": self.actor_summary(iri, lang, key, profile),
        }

    def _profile(self, actor: str) -> dict:
        """The ``page-actor`` row of an actor or network (what it is), or {}."""
        rows = run_query(self.kg, "page-actor", actor=actor).rows
        return rows[0] if rows else {}

    def _types(self, profile: dict, lang: str) -> list[str]:
        labels = [self.label(x, lang) for x in (*profile.get("actor_type", ()), *profile.get("network_kind", ()))]
        return sorted(labels, key=sv_sort_key)

    @cached_property
    def _records(self) -> list[tuple[str, str]]:
        """Every (record, class) of the kinds the start page counts (``page-records``, asked once)."""
        return [(str(row["record"]), str(row["class"])) for row in run_query(self.kg, "page-records").rows]

    @cached_property
    def _record_kinds(self) -> dict[str, str]:
        """Every record -> the catalogue key of its kind."""
        kinds, out = {str(cls): key for cls, key in RECORDS}, {}
        for record, cls in self._records:
            out.setdefault(record, kinds[cls])
        return out

    @cached_property
    def _record_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _record, cls in self._records:
            counts[cls] = counts.get(cls, 0) + 1
        return counts

    @cached_property
    def _source_info(self) -> dict[str, dict]:
        """Every source document -> its title, date and publisher (``source-info``; texts, "" where none)."""
        out: dict[str, dict] = {}
        for row in run_query(self.kg, "source-info").rows:
            item = out.setdefault(str(row["source"]), {"title": "", "date": "", "publisher": ""})
            for k in ("title", "date", "publisher"):
                if not item[k] and row[k] is not None:
                    item[k] = str(row[k])
        return out

    def _readable_records(self, facts, iri, lang: str) -> list[dict]:
        """The actor query's rows with each record named by what it is ("Medlemskap", "Täckning" …;
        the actor's own facts by its name), never by its id."""
        named: dict[str, str] = {}
        rows = []
        for row in facts.present(lang):
            record = row.get("record")
            if record and record not in named:
                if record == str(iri) or record in self._actor_set:
                    named[record] = self.label(URIRef(record), lang)
                else:
                    key = self._record_kinds.get(record)
                    named[record] = t(key, lang) if key else t("pages.record", lang)
            rows.append(dict(row, record_label=named.get(record, "")))
        return rows

    @cached_property
    def _county_of(self) -> dict:
        """Every municipality -> its county (``report-municipalities``)."""
        return {str(r["m"]): r["county"] for r in run_query(self.kg, "report-municipalities").rows}

    @cached_property
    def _actor_set(self) -> set[str]:
        return {str(x) for book in (self.actors, self.networks, self.municipalities) for x in book.values()}

    def municipality_page(self, code: str, lang: str) -> dict | None:
        """The page of a municipality by its SCB code, or None."""
        return self._municipality_page(code, lang) if code in self.municipalities else None

    @per_instance_cache(maxsize=512)  # known codes only
    def _municipality_page(self, code: str, lang: str) -> dict:
        iri = self.municipalities[code]
        coverage, _ = self.run("coverage", {"municipality": code}, lang)
        nets, _ = self.run("networks", {"actor": code}, lang)
        county = self._county_of.get(str(iri))
        gaps_table = None
        if county is not None:
            gaps, _ = self.run("gaps", {"county": str(county).rsplit("/", 1)[-1]}, lang)
            if gaps:
                rows = [r for r in gaps.present(lang) if r["municipality"] == str(iri)]
                gaps_table = self.table(gaps, lang, ["area", "providers", "networks", "needs", "unmet_needs"], rows)
        areas = (
            sorted({r["area_label"] for r in coverage.present(lang) if r.get("area_label")}, key=sv_sort_key)
            if coverage
            else []
        )
        return {
            "iri": str(iri),
            "code": code,
            "label": self.label(iri, lang),
            "not_mapped": not_mapped_note(self.kg, code, lang),
            "county": self.cell(county, self.label(county, lang)) if county is not None else None,
            "coverage": self.table(coverage, lang) if coverage else None,
            "areas": areas,
            "gaps": gaps_table,
            "support_areas": self.areas_for(code, lang)[0] or [],
            "networks": self.table(nets, lang) if nets else None,
            "round_needs": round_needs(self.kg, lang, municipality=str(iri)),
            "neighbourhood": self.neighbourhood(iri, lang),
        }

    # ---- answer-first helpers (support per area, the chain drawn, an actor's summary) ------------
    def areas_for(self, raw: str, lang: str) -> tuple[list[dict] | None, str | None]:
        """Every area, each with the link to the support answer for the municipality ``raw`` and
        what the municipality reaches there, in the words of its gap cell
        (:func:`graphmap.api.municipality_areas`: the same answer as the matrix and the report)."""
        try:
            iri = self.kg.resolver.resolve("kommun", raw, "municipality")
        except UnknownName as exc:
            return None, exc.message(lang)
        code = code_of(iri)
        out = []
        for a in municipality_areas(self.kg, code):
            status = a["cell"].status()
            text = a["cell"].describe(lang)
            if a["national"] and status != "not-mapped":
                text += "; " + t("gaps.status.national", lang, n=a["national"])
            out.append(
                {
                    "label": a["concept"].label(lang),
                    "href": f"/stod?area={a['notation']}&municipality={code}",
                    "status": status,
                    "reached": status in ("supported", "broad", "network"),
                    "text": text,
                }
            )
        return out, None

    def chain_path(self, raw: str, lang: str) -> list[dict] | None:
        """The chains of ``chain`` for an actor or municipality as paths to draw: per path its steps
        (from, relation, to), each end linked."""
        result, error = self.run("chain", {"actor": raw}, lang)
        if error or result is None:
            return None
        paths: dict = {}
        for r in result.present(lang):
            paths.setdefault((r["target"], r["path"]), []).append(r)
        out = []
        for (_target, _n), steps in sorted(paths.items(), key=lambda kv: (str(kv[0][0]), kv[0][1]))[:12]:
            steps.sort(key=lambda r: r["step"])
            # the answer reads from the start outward (a relation stated the other way round is
            # already turned, "täcks av"): each step is drawn as it comes
            out.append(
                [
                    {
                        "from": self.cell(s["subject"], s["subject_label"]),
                        "forward": True,
                        "relation": s["relation_label"],
                        "to": self.cell(s["object"], s["object_label"]),
                    }
                    for s in steps
                ]
            )
        return out

    def actor_summary(self, iri, lang: str, key: str, profile: dict) -> dict:
        """An actor's answer first: what it is, where it works, for whom, in which areas, with whom,
        how sure (facts per confidence) and from which sources, as sentences of names (``profile``:
        the actor's ``page-actor`` row, :meth:`_profile`)."""
        out: dict = {}
        name = self.label(iri, lang)
        types = self._types(profile, lang)
        level = profile.get("level")
        what = ", ".join(lowered(t_) for t_ in types if t_) or (lowered(self.label(level, lang)) if level else "")
        if what:
            out["what"] = t("pages.is_a", lang, name=name, types=what)

        def names(iris, limit=8):
            labels = sorted({self.label(x, lang) for x in iris}, key=sv_sort_key)
            more = len(labels) - limit
            return ", ".join(labels[:limit]) + (f" {t('pages.and_more', lang, n=more)}" if more > 0 else "")

        county = profile.get("county")
        if county is not None:
            out["where"] = t("pages.works_in", lang, places=self.label(county, lang))
        records = run_query(self.kg, "page-actor-records", actor=key).rows
        served = {p for r in records for p in r["served"]}
        if served:
            out["whom"] = t("pages.for_whom", lang, places=names(served))
        areas = {a for r in records for a in r["area"]}
        if areas:
            out["areas"] = t("pages.in_areas", lang, areas=names(areas, 12))
        partners = set()
        if str(iri) in self.kg.link_graph:
            partners = {
                n
                for n in self.kg.link_graph.neighbors(str(iri))
                if n in self._actor_set and n not in {str(x) for x in served}
            }
        if partners:
            out["with"] = t("pages.with_whom", lang, names=names(partners))
        rank = vocabularies().rank("confidence")
        conf: dict = {}
        sources = set()
        for r in records:
            if r["confidence"] is not None:
                conf[r["confidence"]] = conf.get(r["confidence"], 0) + 1
            sources.update(r["source"])
        if conf:
            out["sure"] = t(
                "pages.how_sure",
                lang,
                counts=", ".join(
                    f"{self.label(c, lang).lower()}: {n}"
                    for c, n in sorted(conf.items(), key=lambda kv: (-kv[1], -rank.get(str(kv[0]), 0)))
                ),
            )
        if sources:
            titles = sorted({self.source_title(s, lang) for s in sources}, key=sv_sort_key)
            out["sources"] = t(
                "pages.from_sources",
                lang,
                sources="; ".join(titles[:5])
                + (f" {t('pages.and_more', lang, n=len(titles) - 5)}" if len(titles) > 5 else ""),
            )
        return out

    def gap_cell_actors(self, area: str | None, county: str | None, lang: str) -> list[dict]:
        """The actors and networks behind a gap cell, grouped as the cell counts them
        (:func:`graphmap.api.gap_cell_reach`): per group its ``heading`` and ``rows``, each actor
        with the municipalities of the county it reaches in words (``where``) and as codes, its
        level, kinds of support, confidences (weakest first) and sources. The page "Vad rutan
        bygger på" and its downloads (:meth:`gap_cell_table`) show the same rows.

        >>> import graphmap
        >>> from graphmap.serve.site import Site
        >>> groups = Site(graphmap.build()).gap_cell_actors("funktionshinder", "24", "sv")
        >>> fou = next(r for r in groups[0]["rows"] if r["label"] == "FoU Socialtjänst (Västerbotten)")
        >>> groups[0]["group"], fou["where"], len(fou["codes"].split("; "))
        ('direct', 'alla 15 kommuner', 15)
        """
        if not area or not county:
            return []
        try:
            groups = gap_cell_reach(self.kg, area, county)
        except UnknownName:
            return []
        rank = vocabularies().rank("confidence")
        out = []
        for group, actors in groups.items():
            rows = []
            for actor, item in actors.items():
                places = where_text(self.kg, item["municipalities"], lang)
                rows.append(
                    {
                        "actor": actor,
                        "label": self.label(actor, lang),
                        "href": self.url_for(actor),
                        # the county is the page's own: its name once, in the heading
                        "where": places.split(": ", 1)[1] if ": " in places else places,
                        "codes": "; ".join(sorted(code_of(m) for m in item["municipalities"])),
                        "level": self.label(item["level"], lang),
                        "kinds": "; ".join(sorted({self.label(k, lang) for k in item["kinds"]}, key=sv_sort_key)),
                        "confidence": "; ".join(
                            self.label(c, lang) for c in sorted(item["confidences"], key=lambda c: rank.get(c, 9))
                        ),
                        "sources": "; ".join(
                            sorted({self.source_title(s, lang) for s in item["sources"]}, key=sv_sort_key)
                        ),
                    }
                )
            rows.sort(key=lambda r: sv_sort_key(r["label"]))
            if rows:
                out.append({"group": group, "heading": t(f"pages.behind.{group}", lang), "rows": rows})
        return out

    def gap_cell_table(self, area: str | None, county: str | None, lang: str) -> tuple[list[str], list[list]]:
        """:meth:`gap_cell_actors` as one table (a column for the group): the ``.xlsx`` and Excel CSV
        of "Vad rutan bygger på"."""
        header = [
            t("pages.behind_group", lang),
            t("report.actor", lang),
            t("gaps.where", lang),
            t("pages.behind_codes", lang),
            t("report.level", lang),
            t("report.kind", lang),
            t("report.confidence", lang),
            t("pages.behind_sources", lang),
        ]
        rows = [
            [g["heading"], r["label"], r["where"], r["codes"], r["level"], r["kinds"], r["confidence"], r["sources"]]
            for g in self.gap_cell_actors(area, county, lang)
            for r in g["rows"]
        ]
        return header, rows

    def source_title(self, source, lang: str) -> str:
        """A source document's title (its label where it has none)."""
        return self._source_info.get(str(source), {}).get("title") or self.label(source, lang)

    # ---- gap matrix ----------------------------------------------------------------------------
    @cached_property
    def _gap_matrix(self):
        return gap_matrix(self.kg)

    @per_instance_cache(maxsize=4)
    def gap_matrix(self, lang: str) -> dict:
        """The gap matrix (:func:`graphmap.api.gap_matrix`) with a link from every cell to its rows."""
        matrix = self._gap_matrix
        head = [(self.label(c, lang), code_of(c)) for c in matrix.columns]
        rows = []
        for area in matrix.areas:
            line = []
            for county in matrix.columns:
                cell = matrix.cell(area, county)
                line.append(
                    {
                        "text": cell.mark(matrix.by, lang, needs=False),
                        "unmet": cell.unmet_needs if cell.mapped else 0,
                        "heat": look(cell, matrix.by)["heat"],
                        "mark": cell.mark(matrix.by, lang),
                        "href": f"/luckor/rader?area={code_of(area)}&county={code_of(county)}",
                        "title": f"{self.label(area, lang)} – {self.label(county, lang)}",
                    }
                )
            rows.append({"label": self.label(area, lang), "code": code_of(area), "cells": line})
        return {
            "head": head,
            "rows": rows,
            "title": t("gaps.title_county", lang),
            "intro": t("gaps.intro_county", lang),
            "not_mapped": t("gaps.not_mapped_note", lang) if matrix.unmapped_columns else None,
        }

    # ---- the state of the map -------------------------------------------------------------------
    @per_instance_cache(maxsize=4)
    def map_state(self, lang: str) -> dict:
        """The state of the map per county (:func:`graphmap.api.map_state`), as the page shows it."""
        from graphmap.mapstate import QUESTIONS, STALE_YEARS

        questions = [(q, self.label(concept_iri("mapping-question", q), lang)) for q in QUESTIONS]
        from graphmap.sources import due_summary

        counties, states = [], map_state(self.kg)
        due = due_summary(self.kg, states)
        for iri, state in states.items():
            counties.append(
                {
                    "label": self.label(iri, lang),
                    "code": code_of(iri),
                    "status": state.status,
                    "status_text": t(f"cli.state.{state.status}", lang),
                    "questions": [
                        {
                            "status": state.questions[q].status,
                            "text": t(f"cli.state.{state.questions[q].status}", lang),
                            "actors": [
                                {"label": self.label(a, lang), "href": self.url_for(a)}
                                for a in state.questions[q].actors
                            ],
                            "notes": state.questions[q].notes,
                        }
                        for q, _label in questions
                    ],
                    "sources": state.sources,
                    "due": due.by_county.get(iri, 0) if due.last else "",
                }
            )
        national = state.national if counties else None  # the national pages: one row, counted once
        return {
            "questions": questions,
            "counties": counties,
            "legend": t("cli.state.legend", lang, years=STALE_YEARS),
            "title": t("cli.state.title", lang),
            "due": due.text(lang),
            "national": {
                "label": t("cli.state.national", lang),
                "sources": national,
                "due": due.national if due.last else "",
            }
            if national and national.count
            else None,
        }

    def gap_rows(self, area: str | None, county: str | None, lang: str):
        """The ``gaps`` query's rows for a county (all counties without one), optionally one area, as a table."""
        result, error = self.run("gaps", {"county": county or ""}, lang)
        if error or result is None:
            return None, error
        rows = result.present(lang)
        if area:
            try:
                area_iri = str(self.kg.resolver.resolve("vocab:area", area, "area"))
            except UnknownName as exc:
                return None, exc.message(lang)
            rows = [r for r in rows if r["area"] == area_iri]
        return self.table(result, lang, rows=rows), None


__all__ = ["Pages", "RECORDS"]
