"""The yearly mapping round: workbooks out, answers back, what changed, where the round stands.

The round trip fills three workbooks with openpyxl as a municipality would: Strömstad confirms an
assumption and rejects one with a reason, Tanum corrects a membership, Sotenäs reports two needs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from rdflib import URIRef
from rdflib.namespace import DCTERMS

import graphmap
from graphmap.api import gap_matrix
from graphmap.cli import main
from graphmap.ingest import bundled_paths
from graphmap.ontology import GM, ID, ORG, concept_iri, kommun_iri
from graphmap.privacy import personal_predicates, personal_strings
from graphmap.round.apply import ApplyRefused, apply_returns
from graphmap.round.diff import changes
from graphmap.round.readback import read_returns
from graphmap.round.status import round_status
from graphmap.round.workbook import MANIFEST, start_round

STROMSTAD, TANUM, SOTENAS = "1486", "1435", "1427"
ROUND = "Kartläggning 2027"
ASSUMED, STATED = concept_iri("confidence", "assumed"), concept_iri("confidence", "stated")
CONFIRMED = "fyrbodal/memberships/1486-i-fourum-ifo"
REJECTED = "fyrbodal/memberships/1486-i-fourum-funktionshinder"
CORRECTED = "fyrbodal/memberships/1435-i-fourum-vard-och-omsorg"
COL = {"answer": 9, "correction": 10, "comment": 11, "key": 12}
NEED_COL = {"level": 2, "missing": 3, "examples": 4, "support": 5, "key": 6}


@pytest.fixture(scope="module")
def made(kg, tmp_path_factory):
    return start_round(
        kg,
        ROUND,
        [STROMSTAD, TANUM, SOTENAS],
        tmp_path_factory.mktemp("rounds"),
        deadline="2027-03-31",
        today="2027-02-01",
    )


def fill(
    made,
    code: str,
    facts=(),
    needs=(),
    *,
    name: str = "",
    date: str = "2027-03-10",
    to: Path | None = None,
    as_file: str | None = None,
) -> Path:
    """Fill ``code``'s workbook as a municipality would and save it among the returned ones."""
    src = next(p for p in made.workbooks if p.name.startswith(code + "-"))
    book = load_workbook(src)
    for key, cells in facts:
        for sheet in ("Det vi tror", "Att verifiera"):
            ws = book[sheet]
            row = next((r[0].row for r in ws.iter_rows(min_row=3) if r[COL["key"] - 1].value == key), None)
            if row is not None:
                for column, value in cells.items():
                    ws.cell(row, COL[column], value)
                break
        else:
            raise AssertionError(f"{key} is not in {src.name}")
    ws = book["Behov"]
    for area, cells in needs:
        row = next(r[0].row for r in ws.iter_rows(min_row=3) if r[NEED_COL["key"] - 1].value == area)
        for column, value in cells.items():
            ws.cell(row, NEED_COL[column], value)
    info = book["Om arbetsboken"]
    info["B7"], info["B8"] = date, name
    out = (to or made.folder / "svar") / (as_file or src.name)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def fill_three(made, to=None):
    fill(
        made,
        STROMSTAD,
        [
            (CONFIRMED, {"answer": "Stämmer"}),
            (REJECTED, {"answer": "Stämmer inte", "comment": "Vi deltar inte sedan 2025."}),
        ],
        to=to,
    )
    fill(
        made,
        TANUM,
        [
            (
                CORRECTED,
                {
                    "answer": "Delvis",
                    "correction": "Inbjuden",
                    "comment": "Protokoll från socialchefsnätverket 2027-01-20",
                },
            )
        ],
        to=to,
    )
    fill(
        made,
        SOTENAS,
        needs=[
            (
                "aldre",
                {"level": "Stort behov", "missing": "Handledning i demensvård", "examples": "Demensteamet i Lysekil"},
            ),
            ("e-tjanster", {"level": "Visst behov", "support": "Kompetensutveckling"}),
        ],
        to=to,
    )


@pytest.fixture(scope="module")
def returned(made, kg):
    """The three filled workbooks read back and applied, and the graph built with the round."""
    fill_three(made)
    back = read_returns(made.folder, kg=kg)
    assert not back.errors, [p.format("en") for p in back.errors]
    applied = apply_returns(back)
    after = graphmap.build(bundled_paths() + [made.folder])
    return back, applied, after


# ------------------------------------------------------------------ the workbooks
def test_a_workbook_per_municipality_carries_round_respondent_and_data_version(made, kg):
    assert [p.name for p in made.workbooks] == ["1486-stromstad.xlsx", "1435-tanum.xlsx", "1427-sotenas.xlsx"]
    book = load_workbook(made.workbooks[0])
    assert book.sheetnames[:4] == ["Om arbetsboken", "Det vi tror", "Att verifiera", "Behov"]
    meta = {r[0]: r[1] for r in book["graphmap"].iter_rows(min_row=2, values_only=True)}
    assert (meta["round"], meta["respondent"], meta["data_version"]) == ("kartlaggning-2027", "1486", made.data_version)
    assert made.data_version == graphmap.api.data_version(kg)
    assert book["graphmap"].sheet_state == "veryHidden"
    for name in ("Om arbetsboken", "Det vi tror", "Att verifiera", "Behov"):
        assert book[name].protection.sheet, name
    verify = book["Att verifiera"]
    rows = {r[11]: r for r in verify.iter_rows(min_row=3, values_only=True)}
    assert (
        rows[CONFIRMED][4] == "Antagande (att verifiera)"
        and rows[CONFIRMED][3] == "Verksamhetsplan FoU-Socialtjänst Fyrbodal 2023"
    )
    assert "Ni ingår i FoU-rum individ- och familjeomsorg" in rows[CONFIRMED][2]
    # only the answer cells are open; the fact, its source and its key are locked
    row = next(r[0].row for r in verify.iter_rows(min_row=3) if r[11].value == CONFIRMED)
    assert [verify.cell(row, c).protection.locked for c in (3, 4, 9, 10, 11, 12)] == [
        True,
        True,
        False,
        False,
        False,
        True,
    ]
    # drop-downs: the answers, and the correction of a membership takes a role
    lists = {str(dv.sqref): dv.formula1 for dv in verify.data_validations.dataValidation}
    assert any(f"I{row}" in ref.split() for ref in lists) and any(f"J{row}" in ref.split() for ref in lists)
    needs = [r for r in book["Behov"].iter_rows(min_row=3, values_only=True)]
    assert len(needs) == 19 and needs[0][5] == "anhorigstod"
    # the round is data, and its starting version is kept for next year's comparison
    assert (
        (made.folder / "rounds.csv")
        .read_text(encoding="utf-8")
        .splitlines()[1]
        .startswith("kartlaggning-2027,Kartläggning 2027,2027,1486;1435;1427,")
    )
    assert made.snapshot.name == f"dataversion-{made.data_version}.nt" and made.snapshot.stat().st_size > 1_000_000


def test_every_assumption_about_the_municipality_is_listed_to_verify(made, kg):
    manifest = json.loads((made.folder / MANIFEST).read_text(encoding="utf-8"))
    listed = set(
        manifest["respondents"][STROMSTAD]["sheets"]["verify"][r]["key"]
        for r in manifest["respondents"][STROMSTAD]["sheets"]["verify"]
    )
    assumed = {str(r["record"])[len(str(ID)) :] for r in graphmap.run_query(kg, "report-assumed").rows}
    about = {
        k
        for k in assumed
        if k.startswith("fyrbodal/memberships/1486-") or k == "fyrbodal/coverage/fou-fyrbodalskommunerna"
    }
    assert about and about <= listed


def test_the_workbooks_hold_no_personal_data(made, kg):
    names = personal_strings(kg.graph)
    assert names, "the bundled data has people: the test must be able to fail"
    for path in made.workbooks:
        book = load_workbook(path)
        text = " ".join(str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
        assert not [n for n in names if n in text], path.name
    assert not [n for n in names if n in made.snapshot.read_text(encoding="utf-8")]


# ------------------------------------------------------------------ the round trip
def test_the_preview_says_what_would_change_before_anything_is_written(made, kg, tmp_path):
    folder = tmp_path / "round"
    shutil.copytree(
        made.folder, folder, ignore=shutil.ignore_patterns("answers.csv", "needs.csv", "sources.csv", "svar")
    )
    fill_three(made, to=folder / "svar")
    back = read_returns(folder, kg=kg)
    effects = sorted((c.respondent, c.effect) for c in back.changes())
    assert effects == [
        (SOTENAS, "need"),
        (SOTENAS, "need"),
        (TANUM, "corrected"),
        (STROMSTAD, "confirmed"),
        (STROMSTAD, "withdrawn"),
    ]
    text = "\n".join(back.preview("sv"))
    assert (
        "Tas bort: Ni ingår i FoU-rum funktionshinder/socialpsykiatri (Fyrbodal) (roll: Deltagare) (Vi deltar inte sedan 2025.)"
        in text
    )
    assert "Rättas: " in text and "roll: deltagare → inbjuden" in text
    assert not (folder / "answers.csv").exists()


def test_the_graph_holds_exactly_the_answers_with_them_as_sources(returned, kg):
    _back, applied, after = returned
    g = after.graph
    source = {code: ID[f"kartlaggning-2027/sources/svar-{code}"] for code in (STROMSTAD, TANUM, SOTENAS)}
    confirmed, rejected, corrected = (ID[k] for k in (CONFIRMED, REJECTED, CORRECTED))
    # confirmed: stated, the municipality's answer beside the plan as its source
    assert set(g.objects(confirmed, GM.confidence)) == {STATED}
    assert source[STROMSTAD] in set(g.objects(confirmed, DCTERMS.source))
    assert (kommun_iri(STROMSTAD), ORG.memberOf, ID["network/fourum-ifo-fyrbodal"]) in g
    # rejected: withdrawn, the reason kept on the answer, which points at it
    assert (rejected, None, None) not in g
    assert (kommun_iri(STROMSTAD), ORG.memberOf, ID["network/fourum-funktionshinder-fyrbodal"]) not in g
    answer = next(g.subjects(GM.withdrawnFact, rejected))
    assert str(g.value(answer, GM.answerComment)) == "Vi deltar inte sedan 2025."
    assert (
        g.value(answer, GM.answerOf) == kommun_iri(STROMSTAD) and g.value(answer, DCTERMS.source) == source[STROMSTAD]
    )
    assert str(g.value(source[STROMSTAD], DCTERMS.publisher)) == "Strömstad"
    assert str(g.value(source[STROMSTAD], DCTERMS.date)) == "2027-03-10"
    # corrected: the role, stated, sourced; the previous value kept
    assert set(g.objects(corrected, ORG.role)) == {concept_iri("role", "inbjuden")}
    assert source[TANUM] in set(g.objects(corrected, DCTERMS.source)) and g.value(corrected, GM.confidence) == STATED
    answer = next(g.subjects(GM.resultingFact, corrected))
    assert str(g.value(answer, GM.previousValue)) == "deltagare" and g.value(answer, GM.previousConfidence) == ASSUMED
    # the needs: reported by the municipality, with its answer as the source
    needs = {s for s in g.subjects(GM.reportedBy, kommun_iri(SOTENAS))}
    assert needs == {ID["kartlaggning-2027/needs/1427-aldre"], ID["kartlaggning-2027/needs/1427-e-tjanster"]}
    aldre = ID["kartlaggning-2027/needs/1427-aldre"]
    assert str(g.value(aldre, DCTERMS.description)) == "Handledning i demensvård"
    assert g.value(aldre, DCTERMS.source) == source[SOTENAS] and g.value(aldre, GM.area) == concept_iri("area", "aldre")
    assert (len(applied.answers), len(applied.needs)) == (3 + 2, 2)
    # nothing else changed: every other record of the original tables is in the graph as before
    before = {r[3] for r in kg.ingest.rows}
    after_rows = {r[3] for r in after.ingest.rows}
    assert before - after_rows == {rejected}
    assert after.validation.conforms


def test_the_original_tables_are_untouched(returned):
    from graphmap.ontology import REGIONS_DIR

    text = (REGIONS_DIR / "fyrbodal" / "memberships.csv").read_text(encoding="utf-8")
    assert "1486-i-fourum-funktionshinder,Strömstad" in text or "1486-i-fourum-funktionshinder," in text


def test_the_change_command_lists_exactly_the_answers(returned, made):
    _back, _applied, _after = returned
    data = [a for p in bundled_paths() + [made.folder] for a in ("-d", str(p))]
    result = CliRunner().invoke(main, ["round", "changes", str(made.snapshot), *data, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    got = sorted((r["kind"], r["what"], r["before"], r["after"]) for r in rows)
    assert got == sorted(
        [
            ("Medlemskap borttaget", "Strömstad – FoU-rum funktionshinder/socialpsykiatri (Fyrbodal)", "", ""),
            ("Ändrad roll", "Tanum – FoU-rum vård och omsorg (Fyrbodal)", "Deltagare", "Inbjuden"),
            (
                "Säkrare uppgift",
                "Strömstad – FoU-rum individ- och familjeomsorg (Fyrbodal)",
                "Antagande (att verifiera)",
                "Uttalad i källan",
            ),
            (
                "Säkrare uppgift",
                "Tanum – FoU-rum vård och omsorg (Fyrbodal)",
                "Antagande (att verifiera)",
                "Uttalad i källan",
            ),
            ("Nytt behov", "Handledning i demensvård", "", ""),
            ("Nytt behov", "Behov inom E-tjänster (Visst behov)", "", ""),
        ]
    )


def test_the_gap_matrix_shows_the_new_needs(returned, kg):
    _back, _applied, after = returned
    area, place = str(concept_iri("area", "aldre")), str(kommun_iri(SOTENAS))
    assert (
        gap_matrix(after, county="14").cell(area, place).needs
        == gap_matrix(kg, county="14").cell(area, place).needs + 1
    )
    area = str(concept_iri("area", "e-tjanster"))
    assert (
        gap_matrix(after, county="14").cell(area, place).needs
        == gap_matrix(kg, county="14").cell(area, place).needs + 1
    )


def test_where_the_round_stands(returned):
    _back, _applied, after = returned
    [status] = round_status(after)
    assert status.name == ROUND and sorted(r.code for r in status.answered) == sorted([STROMSTAD, SOTENAS, TANUM])
    stromstad = next(r for r in status.respondents if r.code == STROMSTAD)
    assert stromstad.answered == "2027-03-10" and stromstad.effects == {"confirmed": 1, "withdrawn": 1}
    open_keys = {o["key"] for o in status.open_assumptions}
    assert CONFIRMED not in open_keys and REJECTED not in open_keys and CORRECTED not in open_keys
    assert "fyrbodal/memberships/1486-i-fourum-vard-och-omsorg" in open_keys  # not answered: still open
    unmet = {n["record"] for n in status.needs_without_support}
    assert unmet <= {str(ID["kartlaggning-2027/needs/1427-aldre"]), str(ID["kartlaggning-2027/needs/1427-e-tjanster"])}


def test_a_shared_assumption_is_split_for_the_one_who_confirms_it(made, kg, tmp_path):
    folder = tmp_path / "round"
    shutil.copytree(
        made.folder, folder, ignore=shutil.ignore_patterns("answers.csv", "needs.csv", "sources.csv", "svar")
    )
    shared = "fyrbodal/coverage/fou-fyrbodalskommunerna"
    fill(made, STROMSTAD, [(shared, {"answer": "Stämmer"})], to=folder / "svar")
    apply_returns(read_returns(folder, kg=kg))
    after = graphmap.build(bundled_paths() + [folder])
    g = after.graph
    part = ID[shared + "--1486"]
    places = URIRef("https://w3id.org/graphmap/vocab/record-part/places")
    assert g.value(part, GM.confidence) == STATED and set(g.objects(part, GM.place)) == {kommun_iri(STROMSTAD)}
    assert (part, GM.assumedPart, places) not in g  # Strömstad's part: no longer an assumption
    # the rest: stated for its areas, its list of places still assumed (assumed_parts)
    assert (ID[shared], GM.assumedPart, places) in g and kommun_iri(STROMSTAD) not in set(
        g.objects(ID[shared], GM.place)
    )
    assert len(set(g.objects(ID[shared], GM.place))) == 13
    found = changes(kg, after)
    assert [(c.kind, c.labels) for c in found.items] == [
        ("confidence_raised", ("FoU-Socialtjänst Fyrbodal", "Strömstad"))
    ]


# ------------------------------------------------------------------ bad returns
def _copy(made, tmp_path) -> Path:
    folder = tmp_path / "round"
    shutil.copytree(
        made.folder, folder, ignore=shutil.ignore_patterns("answers.csv", "needs.csv", "sources.csv", "svar")
    )
    (folder / "svar").mkdir()
    return folder


def _refused(folder, kg) -> list[str]:
    before = sorted(p.name for p in folder.iterdir())
    back = read_returns(folder, kg=kg)
    with pytest.raises(ApplyRefused):
        apply_returns(back)
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing written
    return [p.format("sv") for p in back.errors]


def test_the_wrong_municipalitys_workbook(made, kg, tmp_path):
    folder = _copy(made, tmp_path)
    fill(made, TANUM, [(CORRECTED, {"answer": "Stämmer"})], to=folder / "svar", as_file="1486-stromstad.xlsx")
    assert _refused(folder, kg) == [
        "1486-stromstad.xlsx: filen är namngiven för Strömstad (1486) men arbetsboken gäller Tanum (1435). "
        "Kontrollera vem som skickade filen: be Strömstad om sin egen arbetsbok."
    ]


def test_a_workbook_of_another_round(made, kg, tmp_path):
    other = start_round(kg, "Runda 2026", [STROMSTAD], tmp_path / "other", today="2026-02-01")
    folder = _copy(made, tmp_path)
    shutil.copy(other.workbooks[0], folder / "svar" / "1486-stromstad.xlsx")
    assert _refused(folder, kg) == [
        "1486-stromstad.xlsx: arbetsboken hör till rundan runda-2026, inte till kartlaggning-2027. "
        "Läs in den med sin egen runda, eller be om den här rundans arbetsbok."
    ]


def test_a_protected_cell_edited(made, kg, tmp_path):
    folder = _copy(made, tmp_path)
    path = fill(made, STROMSTAD, [(CONFIRMED, {"answer": "Stämmer"})], to=folder / "svar")
    book = load_workbook(path)
    ws = book["Att verifiera"]
    row = next(r[0].row for r in ws.iter_rows(min_row=3) if r[11].value == CONFIRMED)
    was = ws.cell(row, 3).value
    ws.cell(row, 3, "Ni ingår i ett helt annat nätverk")
    book.save(path)
    assert _refused(folder, kg) == [
        f'1486-stromstad.xlsx: Att verifiera, rad {row}, kolumn Uppgift: skyddad cell ändrad: "{was}" har blivit '
        '"Ni ingår i ett helt annat nätverk". Skriv tillbaka det ursprungliga värdet; rättelser skrivs i kolumnen '
        'Rättelse och annat i Källa eller kommentar.'
    ]


def test_an_unknown_value(made, kg, tmp_path):
    folder = _copy(made, tmp_path)
    fill(made, STROMSTAD, [(CONFIRMED, {"answer": "Stämer"})], to=folder / "svar")
    [message] = _refused(folder, kg)
    assert message.startswith('1486-stromstad.xlsx: Att verifiera, rad ') and message.endswith(
        'kolumn Svar: "Stämer" finns inte i listan answer. Menade du: stammer?'
    )


def test_a_correction_without_a_source(made, kg, tmp_path):
    folder = _copy(made, tmp_path)
    fill(made, TANUM, [(CORRECTED, {"answer": "Delvis", "correction": "Inbjuden"})], to=folder / "svar")
    [message] = _refused(folder, kg)
    assert "kolumn Källa eller kommentar: en rättelse utan källa eller kommentar." in message


def test_an_empty_file(made, kg, tmp_path):
    folder = _copy(made, tmp_path)
    (folder / "svar" / "1486-stromstad.xlsx").write_bytes(b"")
    assert _refused(folder, kg) == [
        "1486-stromstad.xlsx: filen är tom. Be om arbetsboken igen; kontrollera att den sparades innan den skickades."
    ]


def test_the_same_workbook_twice(made, kg, tmp_path):
    folder = _copy(made, tmp_path)
    first = fill(made, STROMSTAD, [(CONFIRMED, {"answer": "Stämmer"})], to=folder / "svar")
    shutil.copy(first, folder / "svar" / "kopia av strömstad.xlsx")
    assert _refused(folder, kg) == [  # which one is right is the coordinator's call: both are held
        "kopia av strömstad.xlsx: Strömstad har redan en returnerad arbetsbok här (1486-stromstad.xlsx). "
        "Behåll en av filerna (den senaste) och flytta bort den andra.",
        "1486-stromstad.xlsx: Strömstad har redan en returnerad arbetsbok här (kopia av strömstad.xlsx). "
        "Behåll en av filerna (den senaste) och flytta bort den andra.",
    ]


def test_answers_applied_once_unless_replaced(made, kg, tmp_path):
    folder = _copy(made, tmp_path)
    first = fill(made, STROMSTAD, [(CONFIRMED, {"answer": "Stämmer"})], to=folder / "svar")
    content = first.read_bytes()
    applied = apply_returns(read_returns(folder, kg=kg))
    assert applied.archived == [folder / "svar" / "inlasta" / first.name] and not first.exists()
    assert applied.archived[0].read_bytes() == content
    written = (folder / "answers.csv").read_bytes()
    first.write_bytes(content)  # the same workbook put back among the returns: recognised, skipped with a note
    again = read_returns(folder, kg=kg)
    assert (again.errors, again.skipped, [p.code for p in again.problems]) == ([], [first.name], ["skipped_applied"])
    first.unlink()
    fill(made, STROMSTAD, [(CONFIRMED, {"answer": "Stämmer", "comment": "Igen"})], to=folder / "svar")
    again = read_returns(folder, kg=kg)  # another workbook from Strömstad: an error unless replaced
    assert [p.code for p in again.errors] == ["already_applied"]
    assert (folder / "answers.csv").read_bytes() == written
    replaced = apply_returns(read_returns(folder, kg=kg, replace=True))
    assert len(replaced.answers) == 1 and (folder / "answers.csv").read_text(encoding="utf-8").count("\n1486-") == 1


def test_the_cli_reads_and_refuses_with_exit_code_2(made, kg, tmp_path):
    folder = _copy(made, tmp_path)
    fill(made, TANUM, [(CORRECTED, {"answer": "Delvis", "correction": "Inbjuden"})], to=folder / "svar")
    result = CliRunner().invoke(main, ["round", "apply", str(folder)])
    assert result.exit_code == 2 and "en rättelse utan källa eller kommentar" in result.output
    assert not (folder / "answers.csv").exists()


# ------------------------------------------------------------------ personal data
def test_who_answered_is_the_municipality_unless_a_name_is_given(made, kg, tmp_path):
    folder = _copy(made, tmp_path)
    fill(made, STROMSTAD, [(CONFIRMED, {"answer": "Stämmer"})], to=folder / "svar")
    fill(made, TANUM, [(CORRECTED, {"answer": "Stämmer"})], name="Kim Svarsdóttir", to=folder / "svar")
    apply_returns(read_returns(folder, kg=kg))
    after = graphmap.build(bundled_paths() + [folder])
    g = after.graph
    names = {str(o) for o in g.objects(None, GM.respondentName)}
    assert names == {"Kim Svarsdóttir"}
    assert GM.respondentName in personal_predicates() and "Kim Svarsdóttir" in personal_strings(g)
    from graphmap.privacy import strip_personal

    assert "Kim Svarsdóttir" not in strip_personal(g).serialize(format="nt")
    stromstad = next(s for s in g.subjects(GM.answerOf, kommun_iri(STROMSTAD)))
    assert g.value(stromstad, GM.respondentName) is None and g.value(stromstad, GM.answerOf) == kommun_iri(STROMSTAD)


# ------------------------------------------------------------------ web page and report
def test_the_web_pages_and_the_report(returned, made):
    import httpx

    from graphmap.report import report_html
    from graphmap.serve.app import create_app
    from graphmap.serve.live import LiveServer

    _back, _applied, after = returned
    previous = graphmap.build([made.snapshot])
    with (
        LiveServer(create_app(after, previous=previous, sparql_workers=1)) as live,
        httpx.Client(base_url=live.url, timeout=60) as client,
    ):
        page = client.get("/runda").text
        assert "Kartläggning 2027: 3 av 3 har svarat" in page and 'data-answered="yes"' in page
        page = client.get("/forandringar").text
        assert "Medlemskap borttaget (1)" in page and "Handledning i demensvård" in page and "Ändrad roll (1)" in page
        assert "Inbjuden" in page and f"Från dataversion {made.data_version} till " in page
        assert "<h1>The mapping round</h1>" in client.get("/runda?lang=en").text
    html = report_html(after, previous=previous)
    assert 'id="round"' in html and 'id="changes"' in html and "Handledning i demensvård" in html
    assert 'id="changes"' not in report_html(after)
