"""Every answer of the mapping round has the effect its workbook promises, tried
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
from rdflib.namespace import DCTERMS, SKOS

import graphmap
from graphmap.ingest import bundled_paths
from graphmap.ontology import GM, ID, ORG, concept_iri, kommun_iri
from graphmap.round.apply import ApplyRefused, apply_returns
from graphmap.round.beliefs import beliefs
from graphmap.round.readback import read_returns
from graphmap.round.status import round_needs, round_status
from graphmap.round.workbook import start_round

UMEA, LYCKSELE, GOTLAND = "2480", "2481", "0980"
OFFER = "vasterbotten/offers/karnomraden"  # FoU Socialtjänst erbjuder Processtöd …: an assumption
COVERAGE = "vasterbotten/coverage/fou-tacker-lanet"  # FoU Socialtjänst täcker länet: stated on its web page
MEMBERSHIP = "vasterbotten/memberships/2480-i-umea-kusten"  # Umeå in a network: an assumption
LYCKSELE_NETWORK = "vasterbotten/memberships/2481-i-sodra-lappland"
STATED = concept_iri("confidence", "stated")
COL = {"answer": 9, "correction": 10, "comment": 11, "key": 12}
ADD = ("name", "kind", "level", "areas", "target", "url", "how", "support", "comment")  # columns B–J
OWN_FOU = {
    "name": "FoU Lycksele",
    "kind": "FoU-enhet",
    "level": "Lokal",
    "areas": "Barn och unga;Äldre",
    "url": "https://www.lycksele.se/fou",
    "how": "täcker kommunen",
    "support": "Kompetensutveckling",
    "comment": "Vi har egen FoU sedan 2025",
}


@pytest.fixture(scope="module")
def made(kg, tmp_path_factory):
    return start_round(
        kg,
        "Västerbotten 2027",
        [UMEA, LYCKSELE, GOTLAND],
        tmp_path_factory.mktemp("rounds"),
        deadline="2027-03-31",
        today="2027-02-01",
    )


def fill(
    made, code: str, facts=(), added=(), needs=(), *, date: str | None = "2027-02-20", to: Path | None = None
) -> Path:
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
    for area, cells in needs:
        ws = book["Behov"]
        row = next(r[0].row for r in ws.iter_rows(min_row=3) if r[5].value == area)
        for column, value in cells.items():
            ws.cell(row, {"level": 2, "missing": 3, "examples": 4, "support": 5}[column], value)
    for i, row in enumerate(added):
        for column, value in row.items():
            book["Det som saknas"].cell(3 + i, 2 + ADD.index(column), value)
    if date is not None:
        book["Om arbetsboken"]["B7"] = date
    out = (to or made.folder / "svar") / src.name
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def copy(made, tmp_path) -> Path:
    folder = tmp_path / "round"
    shutil.copytree(
        made.folder, folder, ignore=shutil.ignore_patterns("answers.csv", "needs.csv", "sources.csv", "svar")
    )
    (folder / "svar").mkdir()
    return folder


@pytest.fixture(scope="module")
def applied(made, kg):
    fill(
        made,
        UMEA,
        [
            (OFFER, {"answer": "Stämmer"}),
            (COVERAGE, {"answer": "Stämmer"}),
            (MEMBERSHIP, {"answer": "Stämmer inte", "comment": "Vi lämnade nätverket 2026"}),
        ],
    )
    fill(
        made,
        LYCKSELE,
        [
            (COVERAGE, {"answer": "Stämmer inte", "comment": "Vi har egen FoU"}),
            (LYCKSELE_NETWORK, {"answer": "Stämmer"}),
        ],
        [OWN_FOU],
        needs=[
            (
                "aldre",
                {
                    "level": "Stort behov",
                    "missing": "Handledning i demensvård",
                    "examples": "Demensteamet i Storuman",
                    "support": "Kompetensutveckling",
                },
            )
        ],
    )
    fill(
        made,
        GOTLAND,
        added=[
            {
                "name": "Gotlands FoU-nätverk",
                "kind": "Nätverk",
                "level": "Regional",
                "areas": "Äldre;Funktionshinder",
                "how": "medlem i",
                "support": "Nätverk för erfarenhetsutbyte",
            },
            {"name": "Sveriges Kommuner och Regioner", "how": "medlem i"},
        ],
    )
    back = read_returns(made.folder, kg=kg)
    assert not back.errors, [p.format("en") for p in back.errors]
    apply_returns(back)
    return back, graphmap.build(bundled_paths() + [made.folder])


def test_a_line_through_coverage_says_in_the_workbook_that_changes_to_it_are_reviewed(made):
    book = load_workbook(next(p for p in made.workbooks if p.name.startswith(UMEA)))
    row = next(r for r in book["Att verifiera"].iter_rows(min_row=3, values_only=True) if r[11] == OFFER)
    assert row[6] == "områden (samordnaren granskar rättelser och Stämmer inte)"
    assert "Stöd som en aktör ger till alla kommuner den täcker bekräftas som helhet." in " ".join(
        str(c.value) for c in book["Om arbetsboken"]["A"] if c.value
    )


def test_the_preview_promises_what_the_build_does(applied):
    back, _after = applied
    assert sorted((c.respondent, c.effect) for c in back.changes()) == [
        (GOTLAND, "added"),
        (GOTLAND, "added"),
        (UMEA, "confirmed"),
        (UMEA, "confirmed"),
        (UMEA, "withdrawn"),
        (LYCKSELE, "added"),
        (LYCKSELE, "confirmed"),
        (LYCKSELE, "need"),
        (LYCKSELE, "review"),
    ]
    text = "\n".join(back.preview("sv"))
    assert (
        "Att granska (samordnaren avgör): FoU Socialtjänst (Västerbotten) täcker er kommun inom" in text
        and "(enligt FoU Socialtjänst – Om oss (webbsida); enligt Lycksele 2027-02-20: Vi har egen FoU)" in text
    )


def test_umeas_confirmed_offer_is_stated_with_umea_as_source(applied, kg):
    _back, after = applied
    g, offer = after.graph, ID[OFFER]
    assert g.value(offer, GM.confidence) == STATED
    assert ID["vasterbotten-2027/sources/svar-2480"] in set(g.objects(offer, DCTERMS.source))
    assert ID["vasterbotten/sources/om-oss"] in set(g.objects(offer, DCTERMS.source))  # its own source kept
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


def test_a_confirmed_membership_is_one_network_row_with_both_sources(applied, kg):
    _back, after = applied
    before = graphmap.run_query(kg, "networks", actor=LYCKSELE).rows
    rows = graphmap.run_query(after, "networks", actor=LYCKSELE).rows
    assert len(rows) == len(before)
    [row] = [r for r in rows if str(r["network"]).endswith("sodra-lappland")]
    assert row["confidence"] == STATED and {str(s).rsplit("/", 1)[-1] for s in row["source"]} == {
        "funktionshinder",
        "svar-2481",
    }


def test_lyckseles_removal_of_a_third_partys_fact_waits_for_the_coordinator(applied):
    _back, after = applied
    g = after.graph
    assert kommun_iri(LYCKSELE) in set(g.objects(ID[COVERAGE], GM.place)) or ID["lan/24"] in set(
        g.objects(ID[COVERAGE], GM.place)
    )  # still covered: not removed at once
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
    assert umea.open_assumptions == was - 2  # one confirmed, one withdrawn


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
        "och skriv det i arbetsboken om det är ett annat.",
    ]
    assert all(p.severity == "warning" for p in back.problems)


def test_lyckseles_own_fou_added_in_the_workbook_covers_lycksele(applied):
    _back, after = applied
    g, fou = after.graph, ID["actor/2481-fou-lycksele"]
    assert str(g.value(fou, SKOS.prefLabel)) == "FoU Lycksele"
    assert g.value(fou, DCTERMS.source) == ID["vasterbotten-2027/sources/svar-2481"]
    rows = graphmap.run_query(after, "coverage", municipality=LYCKSELE).rows
    own = [r for r in rows if r["actor"] == fou]
    assert {str(r["area"]).rsplit("/", 1)[-1] for r in own} == {"barn-och-unga", "aldre"}
    assert all(
        r["confidence"] == STATED and [str(s).rsplit("/", 1)[-1] for s in r["source"]] == ["svar-2481"] for r in own
    )
    support = graphmap.run_query(after, "support", area="barn-och-unga", municipality=LYCKSELE).rows
    assert any(r["actor"] == fou and concept_iri("support-kind", "kompetensutveckling") in r["kind"] for r in support)
    # and FoU Socialtjänst still covers Lycksele until the coordinator has read Lycksele's answer
    assert any(str(r["actor"]).endswith("fou-socialtjanst-vasterbotten") for r in rows)


def test_gotland_describes_its_structure(applied):
    _back, after = applied
    g = after.graph
    [status] = round_status(after)
    gotland = next(r for r in status.respondents if r.code == GOTLAND)
    assert (gotland.answered, gotland.effects) == ("2027-02-20", {"added": 2})  # it answered: with what it added
    network = ID["network/0980-gotlands-fou-natverk"]
    assert g.value(network, GM.networkKind) == concept_iri("network-kind", "natverk")
    members = {str(o) for m in g.subjects(ORG.member, kommun_iri(GOTLAND)) for o in g.objects(m, ORG.organization)}
    assert members == {str(network), str(ID["actor/skr"])}  # the SKR it named is the one the map holds
    assert (ID["actor/0980-sveriges-kommuner-och-regioner"], None, None) not in g


def test_every_bad_added_row_names_file_sheet_row_and_column(made, kg, tmp_path):
    folder = copy(made, tmp_path)
    fill(
        made,
        GOTLAND,
        added=[
            {"name": "Nytt nätverk", "how": "medlem i"},
            {"kind": "Nätverk", "level": "Regional", "how": "medlem i"},
            {"name": "X", "kind": "Natverk", "level": "Lokal", "how": "ingår"},
            {"name": "Y", "kind": "FoU-enhet", "level": "Lokal", "how": "täcker kommunen", "support": "Processtöd"},
            {"name": "Z", "kind": "FoU-enhet", "level": "Lokal", "how": "täcker kommunen", "url": "www.z.se"},
            {"name": "FoU Socialtjänst", "kind": "FoU-enhet", "level": "Regional", "how": "täcker kommunen"},
        ],
        to=folder / "svar",
    )
    back = read_returns(folder, kg=kg)
    got = [p.format("sv") for p in back.problems]
    file = "0980-gotland.xlsx: Det som saknas"
    assert got == [
        f"{file}, rad 3, kolumn Vad det är: Nytt nätverk finns inte i kartan: det behövs vad det är och nivå. "
        "Välj ur listorna; står namnet redan i kartan, skriv det som där.",
        f"{file}, rad 3, kolumn Nivå: Nytt nätverk finns inte i kartan: det behövs vad det är och nivå. "
        "Välj ur listorna; står namnet redan i kartan, skriv det som där.",
        f"{file}, rad 4, kolumn Namn på aktör eller nätverk: raden saknar namn. "
        "Skriv namnet på aktören eller nätverket, eller töm raden.",
        f'{file}, rad 5, kolumn Hur ni når det: "ingår" finns inte i listan add-how. '
        "Menade du: täcker kommunen, medlem i?",
        f"{file}, rad 6, kolumn Områden: stöd utan områden. Välj inom vilka områden ni får stödet.",
        f'{file}, rad 7, kolumn Webbsida: "www.z.se" är ingen webbadress. '
        "Skriv hela adressen, t.ex. https://www.example.se/fou.",
        f"{file}, rad 8, kolumn Namn på aktör eller nätverk: FoU Socialtjänst finns inte i kartan under det namnet, "
        "men liknar: FoU Socialtjänst (Uppsala län) (fou-socialtjanst-uppsala), FoU Socialtjänst (Västerbotten) "
        "(fou-socialtjanst-vasterbotten). Det läggs till som nytt. Menar kommunen en av dem, skriv namnet som i kartan.",
    ]
    assert [p.severity for p in back.problems].count("warning") == 1
    before = sorted(p.name for p in folder.iterdir())
    with pytest.raises(ApplyRefused):
        apply_returns(back)
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing written


def test_what_the_round_found_is_one_table_of_needs_on_every_surface(applied, made):
    import httpx

    from graphmap.report import report_html
    from graphmap.serve.app import create_app
    from graphmap.serve.live import LiveServer

    _back, after = applied
    [need] = round_needs(after)
    assert (
        need["respondent"],
        need["areas"],
        need["level"],
        need["missing"],
        need["examples"],
        need["kind"],
        need["said"],
    ) == (
        "Lycksele",
        "Äldre / vård och omsorg",
        "Stort behov",
        "Handledning i demensvård",
        "Demensteamet i Storuman",
        "Kompetensutveckling",
        "enligt Lycksele 2027-02-20",
    )
    row = (
        "<td>Lycksele</td><td>Äldre / vård och omsorg</td><td>Stort behov</td><td>Handledning i demensvård</td>"
        "<td>Demensteamet i Storuman</td><td>Kompetensutveckling</td>"
    )
    with (
        LiveServer(create_app(after, previous=graphmap.build([made.snapshot]), sparql_workers=1)) as live,
        httpx.Client(base_url=live.url, timeout=60) as client,
    ):
        page = client.get("/runda").text
        assert row in page and "Behov som rundan fann (1)" in page
        assert "enligt Lycksele 2027-02-20: Vi har egen FoU" in page and "FoU Socialtjänst – Om oss (webbsida)" in page
        assert row in client.get(f"/kommun/{LYCKSELE}").text
        assert "data-testid=\"round-needs\"" not in client.get(f"/kommun/{UMEA}").text
    assert row in report_html(after)


def test_the_changes_say_who_said_so_when_and_why(applied, made):
    from graphmap.round.diff import changes

    _back, after = applied
    found = {
        (c["kind"], c["what"]): c["said"]
        for c in (x.as_dict("sv") for x in changes(graphmap.build([made.snapshot]), after).items)
    }
    assert (
        found[("coverage_added", "FoU Lycksele – Lycksele")] == "enligt Lycksele 2027-02-20: Vi har egen FoU sedan 2025"
    )
    removed = [(what, said) for (kind, what), said in found.items() if kind == "membership_removed"]
    assert removed == [
        (
            "Umeå – Länsnätverk funktionshinder – kranskommunerna runt Umeå och kusten",
            "enligt Umeå 2027-02-20: Vi lämnade nätverket 2026",
        )
    ]
    assert found[("need_new", "Handledning i demensvård")] == "enligt Lycksele 2027-02-20"
    assert (
        found[("confidence_raised", "FoU Socialtjänst (Västerbotten) – Processtöd – Barn och unga")]
        == "enligt Umeå 2027-02-20"
    )
