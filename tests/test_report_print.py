"""The report on paper: `graphmap report --pdf` printed by real headless Chromium (A4, the page's print
stylesheet) and read back with pypdf, as a steering group gets it. Every county of the national gap
matrix and every one of Västra Götaland's 49 municipalities is on the paper, the folded county
sections print open, and a county report lists only the sources of the facts it shows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS

from browserlib import need

from graphmap.report import report_data
from graphmap.report.pdf import find_chromium
from helpers import DATA, graphmap_process

pytestmark = pytest.mark.browser


def _pages(pdf: Path) -> list[str]:
    """The text of every page; a page too heavy for pypdf's parsing budget (the national map's
    thousands of lines) reads as empty: no test looks for text there."""
    import pypdf
    from pypdf.errors import LimitReachedError

    out = []
    for page in pypdf.PdfReader(pdf).pages:
        try:
            out.append(page.extract_text())
        except LimitReachedError:
            out.append("")
    return out


def _section(pages: list[str], start: str, end: str) -> str:
    """The text from the first page holding ``start`` up to ``end`` (a heading of the next section)."""
    text = "\n".join(pages)
    # the table of contents is not printed, so the first occurrence is the section's heading
    first = text.index(start)
    return text[first : text.index(end, first + len(start))]


def _names(code: str | None) -> list[str]:
    rows = list(csv.DictReader(open(DATA / "reference" / ("kommuner.csv" if code else "lan.csv"), encoding="utf-8")))
    return [r["kommun"] for r in rows if r["lanskod"] == code] if code else [r["lan"] for r in rows]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The national and the Västra Götaland report, each written and printed by `graphmap report --pdf`."""
    if find_chromium() is None:
        need("no Chromium to print with (apt-get install chromium)")
    out = tmp_path_factory.mktemp("print")
    pdfs = {}
    for name, args in (("national", []), ("vg", ["-c", "14"])):
        done = graphmap_process("report", "-o", out / f"{name}.html", "--pdf", *args)
        assert done.returncode == 0, done.stderr
        assert f"{name}.pdf" in done.stdout
        pdfs[name] = _pages(out / f"{name}.pdf")
    return pdfs


def test_national_gap_matrix_prints_every_county(printed):
    matrix = _section(printed["national"], "Luckor: område × län", "Kartläggningsläget")
    counties = _names(None)
    assert len(counties) == 21
    missing = [c for c in counties if c not in matrix]
    assert not missing, f"counties not on the paper: {missing}"


def test_county_gap_matrix_prints_every_municipality(printed):
    matrix = _section(printed["vg"], "Luckor: område × kommun", "Kartläggningsläget")
    municipalities = _names("14")
    assert len(municipalities) == 49
    flat = " ".join(matrix.split())
    missing = [m for m in municipalities if m not in flat]
    assert not missing, f"municipalities not on the paper: {missing}"


def test_folded_county_sections_print_open(printed, kg):
    """Every folded county section's own text (its support and chains) is in the PDF, not only the
    21 headings: the sections are printed open."""
    data = report_data(kg)
    # one actor of each county section's support, as the section shows it
    expected = {
        c["label"]: c["support"][0]["groups"][0]["rows"][0]["actor"]
        for c in data["per_county"]
        if c["support"] and c["support"][0]["groups"]
    }
    assert len(expected) >= 15
    folded = " ".join(_section(printed["national"], "Per län\n", "Skapad med graphmap").split())
    missing = {county: actor for county, actor in expected.items() if " ".join(actor.split()) not in folded}
    assert not missing, f"folded sections printed without their content: {missing}"


def test_county_report_lists_only_the_sources_of_its_facts(kg):
    """Each source the Västerbotten report lists backs a fact that names the county, one of its
    municipalities or one of its own actors (checked on the graph with rdflib, not with the report's
    query), and the national list's sources about other counties are not there."""
    county = kg.resolver.county("24")
    data = report_data(kg, county="24")
    national = report_data(kg)
    g = kg.graph
    shown = {URIRef(n["id"]) for n in data["view"]["nodes"] if n.get("county") == "24"} | {county}

    def about_county(source) -> bool:
        for record in g.subjects(DCTERMS.source, source):
            if record in shown or any(o in shown for o in g.objects(record, None)):
                return True
        return False

    titles = {}
    for source in set(g.objects(None, DCTERMS.source)):
        title = g.value(source, DCTERMS.title)
        titles.setdefault(str(title) if title is not None else kg.label(source, "sv"), []).append(source)
    listed = [row["title"] for row in data["sources"]["rows"]]
    assert 5 <= len(listed) < len(national["sources"]["rows"]) / 3
    strays = [t for t in listed if not any(about_county(s) for s in titles.get(t, []))]
    assert not strays, f"sources of no fact in the report: {strays}"
    # the counts are the county's: the facts per confidence add up to fewer than the nation's
    assert sum(c["n"] for c in data["sources"]["totals"]) < sum(c["n"] for c in national["sources"]["totals"]) / 4


def test_report_pdf_without_a_browser_says_how_to_get_one(tmp_path):
    """No Chromium: the HTML report is still written, and one line says how to get the PDF; exit 2."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "GRAPHMAP_CHROMIUM": str(tmp_path / "no-chromium")}  # the run's build cache
    done = subprocess.run(
        [sys.executable, "-m", "graphmap", "report", "-c", "24", "-o", str(tmp_path / "r.html"), "--pdf"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2
    assert "apt-get install chromium" in done.stderr and "Spara som PDF" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "r.html").is_file() and not (tmp_path / "r.pdf").exists()


def test_county_report_support_says_where_on_paper(printed, kg):
    """The Västra Götaland report's support tables name, per actor, the municipalities it reaches; on
    paper every such cell is whole (its closing "(k av 49)" printed, not cut at the margin)."""
    import re

    data = report_data(kg, county="14")
    wheres = {row["where"] for block in data["support"] for group in block["groups"] for row in group["rows"]}
    assert "Västra Götalands län: alla 49 kommuner" in wheres
    parts = {re.search(r"\(\d+ av 49\)$", w).group(0) for w in wheres if "av 49)" in w}
    assert parts
    flat = " ".join(_section(printed["vg"], "Stöd per område", "Luckor: område × kommun").split())
    assert "Når kommunerna" in flat and "alla 49 kommuner" in flat
    missing = [p for p in parts if p not in flat]
    assert not missing, f"cells cut on paper: {missing}"
