"""Every answer of the mapping round has the effect its workbook promises, tried
as a county coordinator in Västerbotten would: Umeå confirms an assumed offer and a stated coverage,
Lycksele says FoU Socialtjänst does not cover it ("Vi har egen FoU"), Gotland (county not mapped)
answers with nothing but its date.
"""

from __future__ import annotations

import datetime as _dt
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rdflib.namespace import DCTERMS, SKOS

import graphmap
from graphmap.ingest import bundled_paths
from graphmap.ontology import GM, ID, ORG, concept_iri, kommun_iri
from graphmap.round.additions import ADDED_TABLES
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
        made.folder,
        folder,
        ignore=shutil.ignore_patterns(
            "answers.csv", "needs.csv", "sources.csv", "applied.json", "svar", *(f"{t}.csv" for t in ADDED_TABLES)
        ),
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
    assert (
        "Stöd som en aktör ger till alla kommuner den täcker bekräftas för er kommun: ert svar är källa bara"
        in " ".join(str(c.value) for c in book["Om arbetsboken"]["A"] if c.value)
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
    g, offer = after.graph, ID[f"{OFFER}--{UMEA}"]  # Umeå's part of the offer FoU gives all it covers
    assert g.value(offer, GM.confidence) == STATED
    assert ID["vasterbotten-2027/sources/svar-2480"] in set(g.objects(offer, DCTERMS.source))
    assert ID["vasterbotten/sources/om-oss"] in set(g.objects(offer, DCTERMS.source))  # its own source kept
    assert g.value(ID[OFFER], GM.confidence) != STATED  # for the others it is the assumption it was
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
    g, fou = after.graph, ID["actor/fou-lycksele"]
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
    network = ID["network/gotlands-fou-natverk"]
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


def test_the_coordinator_accepts_or_rejects_an_answer_to_review(applied, made, tmp_path):
    """Lycksele says FoU Socialtjänst does not cover it (FoU's own page says it covers the county): the
    coordinator reads both sources, calls FoU, and accepts; another time rejects. Each decision is in the
    round's data, shown in round status and /runda, and the build applies it."""
    from click.testing import CliRunner

    from graphmap.cli import main

    fou = "https://w3id.org/graphmap/id/actor/fou-socialtjanst-vasterbotten"
    for decision, covered in (("--accept", False), ("--reject", True)):
        folder = tmp_path / decision.strip("-") / made.folder.name
        shutil.copytree(made.folder, folder)
        data = [a for p in bundled_paths() + [folder] for a in ("-d", str(p))]
        status = CliRunner().invoke(main, ["round", "status", *data])
        assert status.exit_code == 0, status.output
        review = status.output.split("Att granska", 1)[1]
        assert "enligt Lycksele 2027-02-20: Vi har egen FoU" in review
        [ident] = re.findall(rf"│ ({LYCKSELE}-\d+) +│ Lycksele", review)
        done = CliRunner().invoke(
            main, ["round", "settle", str(folder), ident, decision, "--note", "Ringt FoU 2027-03-02", *data]
        )
        assert done.exit_code == 0, done.output
        after = graphmap.build(bundled_paths() + [folder])
        rows = graphmap.run_query(after, "coverage", municipality=LYCKSELE).rows
        assert any(str(r["actor"]) == fou for r in rows) is covered
        assert any(str(r["actor"]) == fou for r in graphmap.run_query(after, "coverage", municipality=UMEA).rows)
        [state] = round_status(after)
        assert not [r for r in state.to_review if r["respondent"] == "Lycksele"]
        [settled] = state.settled
        assert (settled["id"], settled["decision"], settled["decision_note"]) == (
            ident,
            {"--accept": "accepted", "--reject": "rejected"}[decision],
            "Ringt FoU 2027-03-02",
        )
        shown = CliRunner().invoke(main, ["round", "status", *data]).output
        assert "Beslutade" in shown and ident in shown.split("Beslutade", 1)[1]
    wrong = CliRunner().invoke(main, ["round", "settle", str(folder), f"{UMEA}-1", "--accept", *data])
    assert wrong.exit_code == 2 and "Inget svar att granska med id" in wrong.output


def test_the_round_page_shows_the_decision_and_what_a_running_server_does_not_show_yet(
    applied, made, tmp_path, monkeypatch
):
    import httpx

    from graphmap.round.apply import settle_answers
    from graphmap.serve.app import create_app
    from graphmap.serve.live import LiveServer

    monkeypatch.setenv("GRAPHMAP_WORKSPACE", str(tmp_path))
    folder = tmp_path / "rounds" / made.folder.name
    shutil.copytree(made.folder, folder)
    _back, after = applied
    [state] = round_status(after)
    [review] = [r for r in state.to_review if r["respondent"] == "Lycksele"]
    with LiveServer(create_app(after, sparql_workers=1)) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        assert 'data-testid="pending"' not in client.get("/runda").text  # the server shows all there is
        # the coordinator decides while the server runs: the page says the server does not show it yet
        settle_answers(folder, [review["id"]], "rejected", note="FoU:s sida gäller", today="2027-03-02")
        page = client.get("/runda").text
        assert (
            "1 svar eller beslut har lästs in i rundans mapp sedan servern startade och syns inte här än: "
            "starta om graphmap serve." in page
        )
    kg = graphmap.build(bundled_paths() + [folder])
    with LiveServer(create_app(kg, sparql_workers=1)) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        page = client.get("/runda").text
    assert 'data-testid="settled"' in page and 'data-decision="rejected"' in page
    assert "Avvisat av samordnaren (uppgiften står kvar) 2027-03-02: FoU:s sida gäller" in page
    assert 'data-testid="pending"' not in page


DEMENS = {
    "name": "Demensnätverket Södra Lappland",
    "kind": "Nätverk",
    "level": "Regional",
    "areas": "Äldre",
    "how": "medlem i",
    "support": "Nätverk för erfarenhetsutbyte",
}


def test_two_municipalities_adding_the_same_actor_make_one_within_a_round_and_across_rounds(made, kg, tmp_path):
    folder = copy(made, tmp_path)
    fill(made, UMEA, added=[DEMENS], to=folder / "svar")
    fill(made, LYCKSELE, added=[{**DEMENS, "name": "demensnätverket  södra lappland"}], to=folder / "svar")
    back = read_returns(folder, kg=kg)
    assert not back.errors, [p.format("en") for p in back.errors]
    apply_returns(back)
    after = graphmap.build(bundled_paths() + [folder])
    assert not [p for p in after.ingest.problems if p.severity == "error"]
    g, network = after.graph, ID["network/demensnatverket-sodra-lappland"]
    named = {s for s, o in g.subject_objects(SKOS.prefLabel) if "demensnätverket" in str(o).lower()}
    assert named == {network}
    sources = {str(s).rsplit("/", 1)[-1] for s in g.objects(network, DCTERMS.source)}
    assert sources == {f"svar-{UMEA}", f"svar-{LYCKSELE}"}
    members = {str(m) for ms in g.subjects(ORG.organization, network) for m in g.objects(ms, ORG.member)}
    assert members == {str(kommun_iri(UMEA)), str(kommun_iri(LYCKSELE))}
    # next year Storuman names it too: the name resolves to the network the round added
    storuman = "2421"
    nxt = start_round(after, "Västerbotten 2028", [storuman], tmp_path / "next", today="2028-02-01")
    fill(nxt, storuman, added=[{"name": "Demensnätverket Södra Lappland", "how": "medlem i"}], date="2028-02-20")
    back = read_returns(nxt.folder, kg=after)
    assert not back.errors, [p.format("en") for p in back.errors]
    apply_returns(back)
    later = graphmap.build(bundled_paths() + [folder, nxt.folder])
    assert not [p for p in later.ingest.problems if p.severity == "error"]
    g = later.graph
    assert {s for s, o in g.subject_objects(SKOS.prefLabel) if "demensnätverket" in str(o).lower()} == {network}
    assert {str(s).rsplit("/", 1)[-1] for s in g.objects(network, DCTERMS.source)} == {
        f"svar-{UMEA}",
        f"svar-{LYCKSELE}",
        f"svar-{storuman}",
    }
    members = {str(m) for ms in g.subjects(ORG.organization, network) for m in g.objects(ms, ORG.member)}
    assert str(kommun_iri(storuman)) in members


def test_every_line_offered_a_verdict_is_one_the_municipality_can_settle(made):
    """No line in the workbooks offers the verdicts while none of them changes anything: Stämmer settles
    every line (confirmed); where Stämmer inte or a correction only reaches the coordinator (support an
    actor gives to all it covers), the line says so beside the answer cells."""
    from graphmap.ingest.answers import RECORD_ONLY
    from graphmap.ingest.effects import decide
    from graphmap.round.workbook import read_manifest

    manifest = read_manifest(made.folder)
    lines = [line for entry in manifest["respondents"].values() for line in entry["lines"].values()]
    assert lines
    for line in lines:
        settles = bool(line.get("field")) and line["field"] != RECORD_ONLY
        effect = decide(
            "stammer", settles=settles, part=line.get("part", True), assumed=line.get("confidence") == "assumed"
        )
        assert effect == "confirmed", line
    reviewed = [line for line in lines if not line.get("part", True)]
    assert reviewed and all(decide("stammer-inte", part=False, assumed=True) == "review" for _ in reviewed)


def test_umeas_confirmation_of_an_offer_to_everyone_fou_covers_is_a_source_for_umea_only(applied, kg):
    _back, after = applied
    umea_answer = ID["vasterbotten-2027/sources/svar-2480"]
    for code in (LYCKSELE, "2421"):  # Lycksele (it answered, but not about this offer) and Storuman
        before = graphmap.run_query(kg, "support", area="barn-och-unga", municipality=code).rows
        rows = graphmap.run_query(after, "support", area="barn-och-unga", municipality=code).rows
        fou = [r for r in rows if str(r["actor"]).endswith("fou-socialtjanst-vasterbotten")]
        assert fou and not any(umea_answer in r["source"] for r in fou)
        was = [r for r in before if str(r["actor"]).endswith("fou-socialtjanst-vasterbotten")]
        assert sorted(str(r["confidence"]) for r in fou) == sorted(str(r["confidence"]) for r in was)
    umea = graphmap.run_query(after, "support", area="barn-och-unga", municipality=UMEA).rows
    assert any(umea_answer in r["source"] for r in umea if str(r["actor"]).endswith("fou-socialtjanst-vasterbotten"))
    assert (ID[OFFER], DCTERMS.source, umea_answer) not in after.graph  # the whole offer is not Umeå's word
    assert after.graph.value(ID[f"{OFFER}--{UMEA}"], GM.partOfOffer) == ID[OFFER]


def test_the_support_layer_answers_as_sparql_with_a_municipalitys_part_of_an_offer(applied):
    from rdflib import URIRef

    from graphmap.api import layer_rows, shape_rows
    from graphmap.queries import find

    _back, after = applied
    query = find("support")
    for code in (UMEA, LYCKSELE, "2421"):
        for area in after.support_layer.areas:
            params = {"area": URIRef(area), "municipality": kommun_iri(code)}
            mine = shape_rows(layer_rows(after, "support", {k: str(v) for k, v in params.items()}), query)
            _names, raw = after.store.select(query.sparql, params)
            assert mine == shape_rows(raw, query), (code, area)
