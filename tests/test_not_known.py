"""Issue #30, evidence shown as it is: an answer about a municipality says what the map does not
know about it (per mapping question: no source found, answered in part, no search recorded), from
one function (graphmap.answers.state.not_known), on every surface; every answer that names a
structure says its role and links its source's web address.

The subjects are found by name (Högsby, Svalöv, Skinnskatteberg: counties mapped in part), never by
counts of the bundled rows, which the data work changes.
"""

from __future__ import annotations

import io
import json
import re

import httpx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from graphmap.answers.state import question_text
from graphmap.api import answer_note, not_known, not_mapped_note, run_query
from graphmap.mapstate import QUESTIONS
from graphmap.ontology import code_of
from graphmap.serve.live import LiveServer, create_app

THREE = ("Högsby", "Svalöv", "Skinnskatteberg")
STATUS = "https://w3id.org/graphmap/vocab/mapping-status/"


def unknown_rows(kg, municipality) -> dict[str, dict]:
    rows = run_query(kg, "coverage", municipality=municipality).present()
    return {code_of(r["unknown"]): r for r in rows if r["route"] == "unknown"}


@pytest.mark.parametrize("municipality", THREE)
def test_coverage_says_what_covers_it_or_that_no_source_was_found(kg, municipality):
    rows = run_query(kg, "coverage", municipality=municipality).present()
    covering = [r for r in rows if r["actor"]]
    assert covering, "something covers every municipality (at least its region)"
    for row in covering:  # every structure says its role; every source with a page, its address
        assert row["role"] and row["role_label"], row["actor_label"]
        if row["source"]:
            assert row["url"] and all(u.startswith("http") for u in row["url"]), row["actor_label"]
    unknown = unknown_rows(kg, municipality)
    for question in QUESTIONS:
        if question in unknown:  # not known: said, with the status and (where there is one) the page
            row = unknown[question]
            assert row["status"] in (STATUS + "ingen-kalla-hittad", STATUS + "delvis"), row
            if row["status"] == STATUS + "delvis":
                assert row["url"], f"{municipality}: a partial answer links the page it rests on"
            else:
                assert row["confidence"] is None  # "no source found" is sure of nothing but the search
    # the coverage answer's rows of what is not known are the one rule's (not_known)
    assert {q: STATUS + s.status for q, s in ((q.question, q) for q in not_known(kg, municipality))} == {
        q: r["status"] for q, r in unknown.items()
    }


def test_the_one_rule_agrees_with_the_coverage_answer_for_every_municipality(kg):
    """not_known (what support answers, pages and downloads say) and the coverage query's rows of what
    is not known (SPARQL; Cypher equal in test_neo4j) give the same questions and statuses everywhere."""
    municipalities = [r["m"] for r in run_query(kg, "report-municipalities").rows]
    assert len(municipalities) == 290
    differ = []
    for m in municipalities:
        said = {q.question: q.status for q in not_known(kg, m)}
        rows = {q: code_of(r["status"]) for q, r in unknown_rows(kg, code_of(m)).items()}
        if said != rows:
            differ.append((code_of(m), said, rows))
    assert not differ, differ[:3]


def test_a_municipality_mapped_on_its_own_is_told_apart_from_its_county(kg):
    """Skåne's coverage question is answered per municipality: Malmö's own FoU unit covers it, while
    Svalöv has no source; the county-wide status ('delvis') is neither's."""
    malmo = {q.question: q.status for q in not_known(kg, "Malmö")}
    svalov = {q.question: q.status for q in not_known(kg, "Svalöv")}
    if "fou-tackning" in svalov:
        assert svalov["fou-tackning"] in ("ingen-kalla-hittad", "delvis")
        assert malmo.get("fou-tackning") != svalov["fou-tackning"]


@pytest.mark.parametrize("municipality", THREE)
def test_the_note_names_each_question_not_known_with_its_page(kg, municipality):
    note = not_mapped_note(kg, municipality)
    missing = not_known(kg, municipality)
    if not missing:
        assert note is None
        return
    text = " ".join(note.split())
    assert f"Inte känt för {municipality}:" in text
    for q in missing:
        label = kg.label(f"https://w3id.org/graphmap/vocab/mapping-question/{q.question}", "sv")
        assert label[1:] in text, label
        for url in q.urls:
            assert url in text
    said = {"ingen-kalla-hittad": "ingen källa hittad", "delvis": "bara delvis besvarat"}
    assert all(said.get(q.status, "ingen sökning antecknad") in text for q in missing)


def test_command_line_says_it_after_coverage_and_support(kg):
    from graphmap.cli import main

    for args in (
        ["query", "coverage", "-p", "municipality=Skinnskatteberg", "--format", "csv"],
        ["support", "--area", "funktionshinder", "--municipality", "Skinnskatteberg", "--format", "csv"],
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        text = " ".join(result.stderr.split())
        assert "Inte känt för Skinnskatteberg:" in text, args
        assert "FoU-enheter (ingen källa hittad)" in text or "FoU-enheter" not in text
    # another answer says nothing of the kind
    other = CliRunner().invoke(main, ["query", "networks", "-p", "actor=Skinnskatteberg", "--format", "csv"])
    assert "Inte känt" not in other.stderr


def test_answer_note_only_for_answers_about_one_municipality(kg):
    assert answer_note(run_query(kg, "coverage", municipality="Högsby")) == not_mapped_note(kg, "Högsby")
    assert answer_note(run_query(kg, "support", area="funktionshinder")) is None
    assert answer_note(run_query(kg, "networks", actor="Högsby")) is None


@pytest.fixture(scope="module")
def http(kg):
    with LiveServer(create_app(kg)) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        yield client


def test_web_pages_and_downloads_say_it_and_link_the_pages(kg, http):
    note = " ".join(not_mapped_note(kg, "Svalöv").split())
    page = http.get("/fraga/coverage", params={"municipality": "Svalöv"}).text
    shown = re.search(r'<p class="note" data-testid="not-mapped">(.*?) <a', page, re.S)
    assert shown and " ".join(shown.group(1).split()).replace("&amp;", "&") == note
    # the sources' web addresses are links out
    urls = {u for r in run_query(kg, "coverage", municipality="Svalöv").present() for u in r["url"]}
    assert urls
    for url in urls:
        assert f'<a class="url" href="{url}" rel="noopener noreferrer nofollow">' in page
    support = http.get("/stod", params={"area": "funktionshinder", "municipality": "Svalöv"}).text
    assert "Inte känt för Svalöv:" in support
    # downloads: JSON carries it, the workbook's sheet about the data says it
    data = http.get("/fraga/coverage.json", params={"municipality": "Svalöv"}).json()
    assert " ".join(data["not_known"].split()) == note
    book = load_workbook(
        io.BytesIO(
            http.get("/fraga/support.xlsx", params={"area": "funktionshinder", "municipality": "Svalöv"}).content
        )
    )
    about = {r[0].value: r[1].value for r in book.worksheets[1].iter_rows() if r[0].value}
    assert about.get("Inte känt om kommunen") == not_mapped_note(kg, "Svalöv")
    # the support answer's web addresses, one cell joined by '; ' in the CSV as every download does
    csv_text = http.get("/fraga/support.csv", params={"area": "funktionshinder", "municipality": "Svalöv"}).text
    assert (
        "Källans webbadress"
        in http.get("/fraga/support", params={"area": "funktionshinder", "municipality": "Svalöv"}).text
    )
    assert "url" in csv_text.splitlines()[0]
    assert json.loads(json.dumps(data))  # plain JSON


@pytest.mark.parametrize(
    "name,params,columns",
    [
        ("support", {"area": "funktionshinder", "municipality": "Svalöv"}, ("role",)),
        ("networks", {"actor": "fou-socialtjanst-vasterbotten"}, ("network_role",)),
        ("collaborations", {"actor": "fou-nu"}, ("actor_role", "partner_role")),
        ("chain", {"actor": "Lycksele"}, ("object_role",)),
    ],
)
def test_every_answer_that_names_a_structure_says_its_role(kg, name, params, columns):
    rows = run_query(kg, name, **params).present()
    assert rows
    for column in columns:
        # every structure a row names has a type, its label shown (RSS, FoU-enhet, Kommunalförbund …)
        assert all(r[column] and r[f"{column}_label"] for r in rows), [r for r in rows if not r[column]][:1]
        if name != "networks":
            assert any("RSS" in r[f"{column}_label"] or "FoU-enhet" in r[f"{column}_label"] for r in rows), column
    if any(c.name == "url" for c in run_query(kg, name, **params).query.columns):
        sourced = [r for r in rows if r.get("source")]
        assert sourced and any(r["url"] for r in sourced)


def test_actor_answer_names_the_role_of_a_structure_among_its_values(kg):
    rows = run_query(kg, "actor", actor="Uddevalla").present()
    roles = {r["value_label"]: r["value_role_label"] for r in rows if r["value_role"]}
    assert any("FoU-enhet" in role for role in roles.values()), roles
    assert any(r["url"] for r in rows if r["source"])


def test_county_report_lists_what_is_not_known_per_municipality(kg):
    from graphmap.api import not_known_groups
    from graphmap.report import report_html

    html = " ".join(report_html(kg, county="Skåne").split())
    groups = not_known_groups(kg, "https://w3id.org/graphmap/id/lan/12")
    assert groups and 'data-testid="not-known"' in html
    for text, names in groups:  # each group: its municipalities and what none of them has a source for
        assert f"<li><strong>{', '.join(names)}</strong>: {text}</li>" in html
    svalov = next(text for text, names in groups if "Svalöv" in names)
    assert svalov == "; ".join(question_text(kg, q) for q in not_known(kg, "Svalöv"))
