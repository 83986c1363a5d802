"""The mapping round year after year: three rounds for the same county, each
started from the data the last one left, with answers that overlap.

* 2027 ("Kartläggning 2027"): Strömstad confirms an assumed membership and its part of a coverage of
  fourteen municipalities (split off as its own record), Sotenäs reports a need in elderly care;
* 2028 ("Kartläggning 2028"): Strömstad confirms both again (now facts the 2027 round settled),
  Sotenäs reports the elderly-care need again with a new text and a new need;
* 2029, named "Fyrbodal" like the region's dataset (its folder's name sorts before the others):
  Strömstad confirms once more; Sotenäs reports elderly care a third time.

After each round: the whole data builds and validates, the membership is stated with each year's
answer as a source, the gap matrix counts each need once, and "what changed" lists exactly the
round's news. Then the rounds' folders are removed one by one (the README's undo): the data is as it
was before each round.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from rdflib.namespace import DCTERMS

import graphmap
from graphmap.api import gap_matrix
from graphmap.cli import main
from graphmap.datasets import expand_paths, round_folders
from graphmap.ingest import bundled_paths
from graphmap.ontology import GM, ID, concept_iri, kommun_iri
from graphmap.round.apply import apply_returns
from graphmap.round.diff import changes
from graphmap.round.readback import read_returns
from graphmap.round.status import round_needs
from graphmap.round.workbook import start_round

STROMSTAD, SOTENAS = "1486", "1427"
MEMBERSHIP = "fyrbodal/memberships/1486-i-fourum-ifo"
COVERAGE = "fyrbodal/coverage/fou-fyrbodalskommunerna"  # about 14 municipalities: Strömstad's part is split off
STATED = concept_iri("confidence", "stated")
COL = {"answer": 9, "correction": 10, "comment": 11, "key": 12}
NEED_COL = {"level": 2, "missing": 3, "examples": 4, "support": 5, "key": 6}
#: (round name, started, answered, Sotenäs's needs)
YEARS = [
    ("Kartläggning 2027", "2027-01-12", "2027-03-10", [("aldre", "Stort behov", "Handledning i demensvård")]),
    (
        "Kartläggning 2028",
        "2028-01-11",
        "2028-03-02",
        [
            ("aldre", "Visst behov", "Handledning i demensvård, nya chefer"),
            ("e-tjanster", "Stort behov", "Stöd vid upphandling"),
        ],
    ),
    (
        "Fyrbodal",
        "2029-01-10",
        "2029-02-20",
        [("aldre", "Visst behov", "Demensvård: uppföljning"), ("e-tjanster", "Inget behov", "")],
    ),
]


def fill(workbook: Path, to: Path, facts=(), needs=(), date="") -> Path:
    book = load_workbook(workbook)
    for key, cells in facts:
        for sheet in ("Det vi tror", "Att verifiera"):
            ws = book[sheet]
            row = next((r[0].row for r in ws.iter_rows(min_row=3) if r[COL["key"] - 1].value == key), None)
            if row is not None:
                for column, value in cells.items():
                    ws.cell(row, COL[column], value)
                break
        else:
            raise AssertionError(f"{key} is not in {workbook.name}")
    ws = book["Behov"]
    for area, cells in needs:
        row = next(r[0].row for r in ws.iter_rows(min_row=3) if r[NEED_COL["key"] - 1].value == area)
        for column, value in cells.items():
            ws.cell(row, NEED_COL[column], value)
    book["Om arbetsboken"]["B7"] = date
    out = to / workbook.name
    book.save(out)
    return out


def needs_of(kg, code: str, area: str) -> int:
    return gap_matrix(kg, county="14").cell(str(concept_iri("area", area)), str(kommun_iri(code))).needs


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    """Run the three rounds; after each: (the round made, the graph before it, the graph after it)."""
    parent = tmp_path_factory.mktemp("data") / "rounds"
    parent.mkdir()
    data = lambda: bundled_paths() + expand_paths([parent]) if round_folders(parent) else bundled_paths()  # noqa: E731
    kg = graphmap.build(data())
    out = []
    for name, started, answered, needs in YEARS:
        made = start_round(kg, name, [STROMSTAD, SOTENAS], parent, today=started)
        folder = made.folder
        book = {p.name.split("-")[0]: p for p in made.workbooks}
        coverage = COVERAGE if name == YEARS[0][0] else f"{COVERAGE}--{STROMSTAD}"  # later: the part split off
        fill(
            book[STROMSTAD],
            folder / "svar",
            [(MEMBERSHIP, {"answer": "Stämmer"}), (coverage, {"answer": "Stämmer"})],
            date=answered,
        )
        fill(
            book[SOTENAS],
            folder / "svar",
            needs=[(a, {"level": lv, "missing": m}) for a, lv, m in needs],
            date=answered,
        )
        back = read_returns(folder, kg=kg)
        assert not back.errors, [p.format("en") for p in back.errors]
        apply_returns(back)
        after = graphmap.build(data())
        assert not after.ingest.problems or all(p.severity == "warning" for p in after.ingest.problems), [
            p.format("en") for p in after.ingest.problems
        ]
        out.append((made, kg, after))
        kg = after
    return parent, out


def test_the_rounds_are_laid_on_in_the_order_they_started(years):
    parent, _ = years
    assert [p.name for p in round_folders(parent)] == ["kartlaggning-2027", "kartlaggning-2028", "fyrbodal"]


def test_a_round_named_like_a_dataset_gets_its_own_dataset(years):
    _parent, out = years
    made = out[2][0]
    assert json.loads((made.folder / "round.json").read_text(encoding="utf-8"))["dataset"] == "runda-fyrbodal"
    g = out[2][2].graph
    assert (ID["runda-fyrbodal/sources/svar-1486"], DCTERMS.publisher, None) in g
    assert out[2][2].validation.conforms


def test_a_fact_confirmed_every_year_is_one_stated_fact_with_every_answer_as_source(years):
    _parent, out = years
    datasets = ["kartlaggning-2027", "kartlaggning-2028", "runda-fyrbodal"]
    for i, (_made, _before, after) in enumerate(out):
        g = after.graph
        fact = ID[MEMBERSHIP]
        assert set(g.objects(fact, GM.confidence)) == {STATED}
        answers = {s for s in g.subjects(GM.answersFact, fact)}
        assert len(answers) == i + 1
        sources = set(g.objects(fact, DCTERMS.source))
        assert {ID[f"{d}/sources/svar-{STROMSTAD}"] for d in datasets[: i + 1]} <= sources
        assert after.validation.conforms


def test_a_shared_fact_confirmed_every_year_is_the_part_split_off_the_first_year(years):
    _parent, out = years
    part = ID[f"{COVERAGE}--{STROMSTAD}"]
    for i, (_made, _before, after) in enumerate(out):
        g = after.graph
        assert set(g.objects(part, GM.confidence)) == {STATED} and set(g.objects(part, GM.place)) == {
            kommun_iri(STROMSTAD)
        }
        assert kommun_iri(STROMSTAD) not in set(g.objects(ID[COVERAGE], GM.place))
        assert len(set(g.objects(ID[COVERAGE], GM.place))) == 13
        assert (
            len(
                {
                    s
                    for s in g.subjects(GM.answerOf, kommun_iri(STROMSTAD))
                    if (s, GM.resultingFact, part) in g or (s, GM.answersFact, part) in g
                }
            )
            == i + 1
        )


def test_a_need_reported_again_is_the_same_need_with_a_new_date(years):
    _parent, out = years
    base = needs_of(out[0][1], SOTENAS, "aldre")
    first = ID[f"kartlaggning-2027/needs/{SOTENAS}-aldre"]
    for (_made, _before, after), (_name, _started, answered, needs) in zip(out, YEARS):
        assert needs_of(after, SOTENAS, "aldre") == base + 1
        g = after.graph
        assert str(g.value(first, DCTERMS.date)) == answered
        assert str(g.value(first, DCTERMS.description)) == dict((a, m) for a, _lv, m in needs)["aldre"]
        reported = {
            s for s in g.subjects(GM.reportedBy, kommun_iri(SOTENAS)) if (s, GM.area, concept_iri("area", "aldre")) in g
        }
        assert reported == {first}
    # the e-services need, new in 2028, is one need; in 2029 Sotenäs answers "Inget behov": it is closed
    assert [needs_of(after, SOTENAS, "e-tjanster") for _m, _b, after in out] == [
        base_e := needs_of(out[0][1], SOTENAS, "e-tjanster"),
        base_e + 1,
        base_e,
    ]
    closed = ID[f"kartlaggning-2028/needs/{SOTENAS}-e-tjanster"]
    assert (closed, None, None) in out[1][2].graph and (closed, None, None) not in out[2][2].graph
    assert any(n["record"] == str(closed) for n in round_needs(out[1][2]))
    assert not [n for n in round_needs(out[2][2]) if n["record"] == str(closed)]
    answer = next(out[2][2].graph.subjects(GM.withdrawnFact, closed))
    assert str(out[2][2].graph.value(answer, GM.answerEffect)) == "no_need"
    g = out[2][2].graph
    assert {
        ID[f"{d}/sources/svar-{SOTENAS}"] for d in ("kartlaggning-2027", "kartlaggning-2028", "runda-fyrbodal")
    } <= set(g.objects(first, DCTERMS.source))


def test_what_changed_each_year_is_that_years_news(years):
    _parent, out = years
    found = [sorted((c.kind, c.labels) for c in changes(before, after).items) for _made, before, after in out]
    assert found == [
        [
            ("confidence_raised", ("FoU-Socialtjänst Fyrbodal", "Strömstad")),
            ("confidence_raised", ("Strömstad", "FoU-rum individ- och familjeomsorg (Fyrbodal)")),
            ("need_new", ("Handledning i demensvård",)),
        ],
        [("need_new", ("Stöd vid upphandling",))],  # the same facts and the elderly-care need again: no news
        [("need_closed", ("Stöd vid upphandling",))],  # "Inget behov" in e-services
    ]
    said = [c.as_dict("sv")["said"] for c in changes(out[2][1], out[2][2]).items]
    assert said == ["enligt Sotenäs 2029-02-20"]


def test_the_commands_work_after_each_round(years):
    parent, _ = years
    result = CliRunner().invoke(
        main, ["round", "status", *(a for p in bundled_paths() + expand_paths([parent]) for a in ("-d", str(p)))]
    )
    assert result.exit_code == 0, result.output
    assert "Fyrbodal" in result.output and "Kartläggning 2028" in result.output


def test_removing_a_round_gives_back_the_data_before_it(years, tmp_path):
    parent, out = years
    copy = tmp_path / "rounds"
    shutil.copytree(parent, copy)
    for i in (2, 1, 0):
        shutil.rmtree(copy / out[i][0].folder.name)
        paths = bundled_paths() + (expand_paths([copy]) if round_folders(copy) else [])
        assert graphmap.api.data_version(graphmap.build(paths)) == graphmap.api.data_version(out[i][1])
    assert not any(copy.iterdir()) and round_folders(copy) == []


def test_an_empty_or_emptied_rounds_folder_is_no_dataset(monkeypatch, tmp_path):
    import graphmap.datasets as datasets

    before = datasets.bundled_paths()
    rounds = tmp_path / "rounds"
    (rounds / "kartlaggning-2027" / "svar").mkdir(parents=True)  # a round's folder emptied by hand
    monkeypatch.setenv("GRAPHMAP_WORKSPACE", str(tmp_path))  # the workspace's rounds/: the emptied round
    assert datasets.bundled_paths() == before  # before: the rounds folder itself was read as a dataset, and failed
    monkeypatch.setenv("GRAPHMAP_WORKSPACE", str(tmp_path / "gone"))
    assert datasets.bundled_paths() == before
