"""Answering the round in the browser, in a real Chromium (issue 27): Lycksele opens its private
link, confirms an assumption, adds its own FoU, reports a need (with a ``<script>`` in its text) and
sends. The coordinator then sees exactly those answers in ``/runda`` and, after ``round apply`` and
a build, in ``support`` and the gap matrix, as with a returned workbook.
"""

from __future__ import annotations

import datetime as _dt
import json

import graphmap
from graphmap.api import gap_matrix
from graphmap.ingest import bundled_paths
from graphmap.ontology import concept_iri, kommun_iri
from graphmap.round.apply import apply_returns
from graphmap.round.links import issue
from graphmap.round.readback import read_returns
from graphmap.round.workbook import start_round
from graphmap.serve.live import LiveServer, create_app
from graphmap.vocab import vocabularies

LYCKSELE = "2481"
NEED = "Handledning i demensvård <script>alert('need')</script>"
FOU = "FoU Lycksele <img src=x onerror=alert(1)>"


def test_a_municipality_answers_in_the_browser_and_the_coordinator_sees_it(kg, open_page, tmp_path):
    deadline = (_dt.date.today() + _dt.timedelta(days=30)).isoformat()
    made = start_round(kg, "Webbsvar 2027", [LYCKSELE], tmp_path / "rounds", deadline=deadline)
    [link] = issue(made.folder, {LYCKSELE: "Lycksele"}, "http://x")
    entry = json.loads((made.folder / "round.json").read_text())["respondents"][LYCKSELE]
    number, cells = min(entry["sheets"]["verify"].items(), key=lambda kv: int(kv[0]))
    assumption = cells["key"]
    vocab = vocabularies()
    label = {
        "kind": vocab.resolve("actor-type", "FoU-enhet").label("sv"),
        "level": vocab.resolve("level", "Lokal").label("sv"),
        "how": vocab.schemes["route"]["coverage"].label("sv"),
        "support": vocab.resolve("support-kind", "Kompetensutveckling").label("sv"),
    }
    with LiveServer(create_app(kg, round_folder=made.folder)) as live:
        run = open_page(f"{live.url}/svar/{link.token}")
        page = run.page
        assert page.locator("h1").inner_text().endswith("Lycksele")
        page.select_option(f'tr[data-key="{assumption}"] select[name$=".answer"]', "Stämmer")
        row = page.locator('section[data-sheet="missing"] tr[data-row="3"]')
        row.locator('input[name$=".add_name"]').fill(FOU)
        row.locator('select[name$=".add_kind"]').select_option(label["kind"])
        row.locator('select[name$=".add_level"]').select_option(label["level"])
        row.locator('input[name$=".add_areas"]').fill("Barn och unga;Äldre")
        row.locator('select[name$=".add_how"]').select_option(label["how"])
        row.locator('select[name$=".add_support"]').select_option(label["support"])
        need = page.locator('section[data-sheet="needs"] tr[data-key="aldre"]')
        need.locator('select[name$=".level"]').select_option("Stort behov")
        need.locator('textarea[name$=".missing"]').fill(NEED)
        page.click('[data-testid="save"]')
        assert page.locator('[data-testid="answer-message"]').get_attribute("data-outcome") == "saved"
        assert page.locator('tr[data-key="aldre"] textarea[name$=".missing"]').input_value() == NEED
        page.click('[data-testid="send"]')
        message = page.locator('[data-testid="answer-message"]')
        assert message.get_attribute("data-outcome") == "sent", page.locator("main").inner_text()[:2000]
        shown = [x.inner_text() for x in page.locator('[data-testid="changes"] li').all()]
        run.assert_clean()  # no dialog: the <script> and the onerror stayed text

        # the coordinator: exactly those answers, as round read says them
        back = read_returns(made.folder, kg=kg)
        assert not back.errors, [p.format("en") for p in back.errors]
        [returned] = back.returned
        assert returned.file == f"{LYCKSELE}-webb.xlsx"
        said = [
            f"{graphmap.i18n.t('round.effect.' + c.effect, 'sv')}: {c.text}" + (f" ({c.detail})" if c.detail else "")
            for c in returned.changes
        ]
        assert shown == said
        effects = sorted({c.effect for c in returned.changes})
        assert "confirmed" in effects and "added" in effects and "need" in effects
        coordinator = open_page(f"{live.url}/runda")
        listed = [
            x.inner_text()
            for x in coordinator.page.locator(f'[data-testid="web-respondents"] tr[data-code="{LYCKSELE}"] li').all()
        ]
        assert listed == said
        audit = coordinator.page.locator(f'[data-testid="web-audit"] tr[data-code="{LYCKSELE}"]').all_inner_texts()
        assert len(audit) == 3 and "skickat v2" in audit[0] and "utkast v1" in audit[1] and "länk utfärdad" in audit[2]
        coordinator.assert_clean()

    # round apply and a build: the answers are in support and the gap matrix
    applied = apply_returns(back)
    assert applied.respondents == [LYCKSELE]
    after = graphmap.build(bundled_paths() + [made.folder])
    support = graphmap.run_query(after, "support", area="barn-och-unga", municipality=LYCKSELE).rows
    own = [r for r in support if str(r.get("actorLabel") or r.get("label") or "").startswith("FoU Lycksele")]
    own = own or [r for r in support if "fou-lycksele" in str(r["actor"])]
    assert own and any(concept_iri("support-kind", "kompetensutveckling") in r["kind"] for r in own)
    area, place = str(concept_iri("area", "aldre")), str(kommun_iri(LYCKSELE))
    assert (
        gap_matrix(after, county="24").cell(area, place).needs
        == gap_matrix(kg, county="24").cell(area, place).needs + 1
    )
    with LiveServer(create_app(after)) as live:
        for path in ("/stod?area=barn-och-unga&municipality=2481", "/luckor?county=24", "/runda", "/kommun/2481"):
            run = open_page(live.url + path)
            run.assert_clean()
        run = open_page(live.url + "/stod?area=barn-och-unga&municipality=2481")
        assert "FoU Lycksele <img" in run.page.locator("main").inner_text()
