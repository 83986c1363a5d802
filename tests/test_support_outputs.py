"""One picture: every surface that says something about support for a municipality or a county
says the same as the support answer (the support layer, :mod:`graphmap.answers.support`).

The crawl reads each surface the way a person does (the HTML a real server sends, the report's
HTML, the workbook's cells) and names the surface and the disagreement when one contradicts the
answer:

* all 290 municipality pages: each area's sentence (its ``data-status``) against the support
  answer for that municipality and area (support in the area itself from a regional or local
  actor, broad support only, networks only, nothing) and against the county's gap cell;
* the gap cell's drill-down and every county's report section: the groups they list against the
  cell's counts;
* the round workbook's "Det vi tror": every confidence in the words of the confidence vocabulary.
"""

from __future__ import annotations

import html
import re

import httpx
import pytest

from graphmap.answers import support as S
from graphmap.api import gap_cell_actors, gap_matrix, run_query
from graphmap.ontology import code_of
from graphmap.serve.live import LiveServer, create_app
from graphmap.vocab import vocabularies


@pytest.fixture(scope="module")
def http(kg):
    with LiveServer(create_app(kg)) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        yield client


def answer_status(kg, area: str, municipality: str) -> str:
    """What the support answer says for one municipality and area, in the gap cell's words."""
    rows = run_query(kg, "support", area=code_of(area), municipality=code_of(municipality)).rows
    local = [r for r in rows if str(r["route"]) == "coverage" and str(r["level"]) != S.NATIONAL]
    if any(str(r["match"]) != S.BROAD for r in local):
        return "supported"
    if local:
        return "broad"
    if any(str(r["route"]) in ("member", "through") for r in rows):
        return "network"
    return "none"


@pytest.mark.slow  # 290 municipality pages read: 24-29 s (wall time, 2 workers, busy machine)
def test_every_municipality_page_says_what_the_support_answer_says(kg, http):
    areas = {c.label("sv"): str(c.iri) for c in vocabularies().shown_in_order("area")}
    layer = kg.support_layer
    assert len(layer.county_of) == 290
    wrong, pages = [], 0
    for municipality, county in sorted(layer.county_of.items()):
        page = http.get(f"/kommun/{code_of(municipality)}")
        assert page.status_code == 200, municipality
        pages += 1
        found = re.findall(r'data-status="([a-z-]+)"><a href="[^"]*">([^<]+)</a>', page.text)
        assert len(found) == len(areas), (municipality, len(found))
        matrix = gap_matrix(kg, code_of(county))
        for status, label in found:
            area = areas[html.unescape(label)]
            cell = matrix.cell(area, municipality)
            expected = "not-mapped" if not cell.mapped else answer_status(kg, area, municipality)
            if expected == "none" and cell.partly:  # nothing found where the county is mapped in part
                expected = "partly-mapped"
            if status != expected or cell.status() != status:
                wrong.append(
                    f"/kommun/{code_of(municipality)} {html.unescape(label)}: the page says {status}, "
                    f"the support answer {expected}, the gap cell {cell.status()}"
                )
    assert pages == 290
    assert not wrong, f"{len(wrong)} contradictions:\n" + "\n".join(wrong[:20])


def test_malmo_disability_is_broad_support_on_the_page_and_in_the_answer(kg, http):
    page = http.get("/kommun/1280").text
    line = re.search(r'data-status="([a-z-]+)"><a href="[^"]*">Funktionshinder</a> – ([^<]+)</li>', page)
    assert line.group(1) == "broad" and line.group(2).startswith("bara brett stöd")
    rows = run_query(kg, "support", area="funktionshinder", municipality="Malmö").present()
    assert any(r["actor_label"] == "FoU Malmö" and r["match_label"] == "Brett stöd" for r in rows)


def test_every_gap_cell_lists_what_it_counts(kg):
    """The drill-down behind each county cell (all 21 counties × every area) lists support in the area
    exactly when the cell counts a municipality with it, and networks exactly when one reaches one."""
    national = gap_matrix(kg)
    wrong = []
    for county in national.columns:
        for area in national.areas:
            cell, behind = national.cell(area, county), gap_cell_actors(kg, code_of(area), code_of(county))
            if bool(cell.supported) != bool(behind["direct"]) or bool(cell.with_network) != bool(behind["networks"]):
                wrong.append((code_of(county), code_of(area), cell, {k: len(v) for k, v in behind.items()}))
            if cell.broad and not (behind["broad"] or behind["direct"]):
                wrong.append((code_of(county), code_of(area), "broad counted, none listed"))
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("county", ["24", "14", "12"])
def test_a_county_report_lists_what_its_gap_cells_count(kg, county):
    from graphmap.report.gather import report_data

    data = report_data(kg, county=county)
    matrix = gap_matrix(kg, county)
    by_area = {b["area"]: {g["group"] for g in b["groups"]} for b in data["support"]}
    wrong = []
    for area in matrix.areas:
        label = kg.label(area)
        cells = [matrix.cell(area, m) for m in matrix.columns]
        groups = by_area[label]
        if any(c.supported for c in cells) != ("direct" in groups):
            wrong.append(f"{label}: cells with support {sum(bool(c.supported) for c in cells)}, report groups {groups}")
        if any(c.with_network for c in cells) != ("networks" in groups):
            wrong.append(f"{label}: cells with a network {sum(bool(c.with_network) for c in cells)}, groups {groups}")
    assert not wrong, wrong


def test_vasterbotten_report_shows_broad_support_for_ekonomiskt_bistand(kg):
    from graphmap.report.gather import report_data

    block = next(b for b in report_data(kg, county="24")["support"] if b["area"] == "Ekonomiskt bistånd")
    broad = next(g for g in block["groups"] if g["group"] == "broad")
    assert "FoU Socialtjänst (Västerbotten)" in [r["actor"] for r in broad["rows"]]


def test_the_round_workbook_says_confidence_in_the_vocabulary_s_words(kg):
    from graphmap.round.beliefs import beliefs
    from graphmap.round.workbook import fact_cells

    words = {c.label("sv") for c in vocabularies().concepts("confidence")}
    umea = str(kg.resolver.resolve("kommun", "Umeå"))
    lines = beliefs(kg, [umea])[umea]
    shown = {fact_cells(line, nr, "sv")["confidence"] for nr, line in enumerate(lines, 1)}
    assert len(lines) > 5 and shown and shown <= words, shown - words
