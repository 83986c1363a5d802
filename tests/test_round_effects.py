"""Every answer of the mapping round has the effect its workbook promises (issue 26, part 1), tried
as a county coordinator in Västerbotten would: Umeå confirms an assumed offer and a stated coverage,
Lycksele says FoU Socialtjänst does not cover it ("Vi har egen FoU"), Gotland (county not mapped)
answers with nothing but its date.
"""
from __future__ import annotations

import datetime as _dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rdflib.namespace import DCTERMS

import graphmap
from graphmap.ingest import bundled_paths
from graphmap.ontology import GM, ID, concept_iri, kommun_iri
from graphmap.round.apply import apply_returns
from graphmap.round.beliefs import beliefs
from graphmap.round.readback import read_returns
from graphmap.round.status import round_status
from graphmap.round.workbook import start_round

UMEA, LYCKSELE, GOTLAND = "2480", "2481", "0980"
OFFER = "vasterbotten/offers/karnomraden"          # FoU Socialtjänst erbjuder Processtöd …: an assumption
COVERAGE = "vasterbotten/coverage/fou-tacker-lanet"  # FoU Socialtjänst täcker länet: stated on its web page
STATED = concept_iri("confidence", "stated")
COL = {"answer": 9, "correction": 10, "comment": 11, "key": 12}


@pytest.fixture(scope="module")
def kg():
    return graphmap.build()


@pytest.fixture(scope="module")
def made(kg, tmp_path_factory):
    return start_round(kg, "Västerbotten 2027", [UMEA, LYCKSELE, GOTLAND], tmp_path_factory.mktemp("rounds"),
                       deadline="2027-03-31", today="2027-02-01")


def fill(made, code: str, facts=(), *, date: str | None = "2027-02-20", to: Path | None = None) -> Path:
    """Fill ``code``'s workbook as its development lead would and save it among the returned ones."""
    src = next(p for p in made.workbooks if p.name.startswith(code + "-"))
    book = load_workbook(src)
    for key, cells in facts:
        for ws in book.worksheets[1:3]:
            row = next((r[0].row for r in ws.iter_rows(min_row=3) if r[COL["key"] - 1].value == key), None)
            if row is not None:
                for column, value in cells.items():
                    ws.cell(row, COL[column], value)
                break
        else:
            raise AssertionError(f"{key} is not in {src.name}")
    if date is not None:
        book["Om arbetsboken"]["B7"] = date
    out = (to or made.folder / "svar") / src.name
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def copy(made, tmp_path) -> Path:
    folder = tmp_path / "round"
    shutil.copytree(made.folder, folder, ignore=shutil.ignore_patterns("answers.csv", "needs.csv", "sources.csv", "svar"))
    (folder / "svar").mkdir()
    return folder


@pytest.fixture(scope="module")
def applied(made, kg):
    fill(made, UMEA, [(OFFER, {"answer": "Stämmer"}), (COVERAGE, {"answer": "Stämmer"})])
    fill(made, LYCKSELE, [(COVERAGE, {"answer": "Stämmer inte", "comment": "Vi har egen FoU"})])
    back = read_returns(made.folder, kg=kg)
    assert not back.errors, [p.format("en") for p in back.errors]
    apply_returns(back)
    return back, graphmap.build(bundled_paths() + [made.folder])


def test_the_preview_promises_what_the_build_does(applied):
    back, _after = applied
    assert sorted((c.respondent, c.effect) for c in back.changes()) == [
        (UMEA, "confirmed"), (UMEA, "confirmed"), (LYCKSELE, "review")]
    text = "\n".join(back.preview("sv"))
    assert ("Att granska (samordnaren avgör): FoU Socialtjänst (Västerbotten) täcker er kommun inom" in text
            and "(enligt FoU Socialtjänst – Om oss (webbsida); enligt Lycksele 2027-02-20: Vi har egen FoU)" in text)


def test_umeas_confirmed_offer_is_stated_with_umea_as_source(applied, kg):
    _back, after = applied
    g, offer = after.graph, ID[OFFER]
    assert g.value(offer, GM.confidence) == STATED
    assert ID["vasterbotten-2027/sources/svar-2480"] in set(g.objects(offer, DCTERMS.source))
    assert ID["vasterbotten/sources/om-oss"] in set(g.objects(offer, DCTERMS.source))   # its own source kept
    # the support Umeå gets in Barn och unga through FoU Socialtjänst is no longer an assumption
    rows = graphmap.run_query(after, "support", area="barn-och-unga", municipality=UMEA).rows
    fou = [r for r in rows if str(r["actor"]).endswith("fou-socialtjanst-vasterbotten")]
    assert fou and all(r["confidence"] == STATED for r in fou)
    before = graphmap.run_query(kg, "support", area="barn-och-unga", municipality=UMEA).rows
    assert any(r["confidence"] != STATED for r in before if str(r["actor"]).endswith("fou-socialtjanst-vasterbotten"))


def test_confirming_a_stated_coverage_gives_one_row_per_fact_with_both_sources(applied, kg):
    _back, after = applied
    rows_before = graphmap.run_query(kg, "coverage", municipality=UMEA).rows
    rows_after = graphmap.run_query(after, "coverage", municipality=UMEA).rows
    assert len(rows_after) == len(rows_before)
    fou = [r for r in rows_after if str(r["actor"]).endswith("fou-socialtjanst-vasterbotten")]
    assert fou and all({str(s).rsplit("/", 1)[-1] for s in r["source"]} == {"om-oss", "svar-2480"} for r in fou)


def test_lyckseles_removal_of_a_third_partys_fact_waits_for_the_coordinator(applied):
    _back, after = applied
    g = after.graph
    assert kommun_iri(LYCKSELE) in set(g.objects(ID[COVERAGE], GM.place)) or \
        ID["lan/24"] in set(g.objects(ID[COVERAGE], GM.place))          # still covered: not removed at once
    [status] = round_status(after)
    [review] = [r for r in status.to_review if r["respondent"] == "Lycksele"]
    assert review["effect"] == "review" and review["fact_source"] == "FoU Socialtjänst – Om oss (webbsida)"
    assert review["said"] == "enligt Lycksele 2027-02-20: Vi har egen FoU"


def test_open_assumptions_are_counted_from_the_graph_after_the_answers(applied, kg):
    _back, after = applied
    [status] = round_status(after)
    umea = next(r for r in status.respondents if r.code == UMEA)
    lines = beliefs(after, [str(kommun_iri(UMEA))])[str(kommun_iri(UMEA))]
    assert umea.open_assumptions == sum(x.assumed for x in lines)
    assert OFFER not in {o["key"] for o in status.open_assumptions if o["respondent"] == "Umeå"}
    was = sum(x.assumed for x in beliefs(kg, [str(kommun_iri(UMEA))])[str(kommun_iri(UMEA))])
    assert umea.open_assumptions == was - 1


def test_a_workbook_without_a_date_and_an_empty_partly_warn(made, kg, tmp_path):
    folder = copy(made, tmp_path)
    fill(made, UMEA, [(OFFER, {"answer": "Delvis"})], date=None, to=folder / "svar")
    back = read_returns(folder, kg=kg)
    assert not back.errors
    got = sorted(p.format("sv") for p in back.problems)
    assert got == [
        "2480-umea.xlsx: Att verifiera, rad 5, kolumn Svar: Delvis utan rättelse eller kommentar: det framgår inte "
        "vilken del som inte stämmer. Svaret ändrar ingenting. Be kommunen skriva det rätta värdet i Rättelse eller "
        "vad som inte stämmer i Källa eller kommentar.",
        "2480-umea.xlsx: Om arbetsboken, kolumn Datum för svaret (ÅÅÅÅ-MM-DD): arbetsboken saknar datum för svaret. "
        f"Svaret dateras {_dt.date.today().isoformat()} (dagen det lästes in). Fråga kommunen vilket datum som gäller "
        "och skriv det i arbetsboken om det är ett annat."]
    assert all(p.severity == "warning" for p in back.problems)
