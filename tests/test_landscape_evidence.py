"""The reference layer (data/landscape) is as strong as its sources and no stronger: a `stated` row
whose note calls its claim an inference marks that part `assumed_parts` (or is `assumed`), a "no
source found" answer names no organisation, no person's name or e-mail address is anywhere in the
layer, and no description repeats ten consecutive words of the page it cites (for the pages whose
text was compared: ``landscape_paraphrase.json`` keeps hashes of every ten-word run of the stored
page, never the text).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphmap
from graphmap import mapstate
from graphmap.cli import main
from graphmap.ingest import expand_paths
from graphmap.privacy import personal_strings
from graphmap.slug import slugify
from tests.helpers import ROOT

LANDSCAPE = ROOT / "data" / "landscape"
REGIONS = ROOT / "data" / "regions"
PARAPHRASE = Path(__file__).with_name("landscape_paraphrase.json")
COUNTY_CODES = [r["lanskod"] for r in csv.DictReader(open(ROOT / "data" / "reference" / "lan.csv", encoding="utf-8"))]
FACT_TABLES = (
    "actors",
    "networks",
    "coverage",
    "offers",
    "memberships",
    "relations",
    "agreements",
    "changes",
    "mapping",
)

# the project's own words for an inference (README: "assumed: an inference … note says what was inferred")
INFERENCE = re.compile(
    r"\b(tolkning|tolkat|vår klassificering|vår bedömning|slutsats|härled\w*|e-postadress\w*|"
    r"e-postdomän\w*|närmaste begrepp|närmast|är antaget|antas|är ett antagande|klassificerad|tolkad|allmän kunskap)\b",
    re.IGNORECASE,
)
RUN = 10  # words: a longer run copied from the page is a quotation, not a paraphrase


def _rows(folder: Path, table: str) -> list[dict]:
    path = folder / f"{table}.csv"
    return list(csv.DictReader(open(path, encoding="utf-8"))) if path.exists() else []


def _folders() -> list[Path]:
    return expand_paths([LANDSCAPE])


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def runs(text: str, n: int = RUN) -> set[str]:
    """Hashes of every run of ``n`` consecutive words of ``text`` (what the paraphrase record keeps).

    >>> len(runs("ett två tre fyra fem sex sju åtta nio tio elva"))
    2
    """
    w = words(text)
    return {hashlib.sha256(" ".join(w[i : i + n]).encode()).hexdigest()[:16] for i in range(len(w) - n + 1)}


@pytest.mark.parametrize("folder", _folders(), ids=lambda p: p.name)
def test_a_stated_row_that_calls_its_claim_an_inference_marks_it(folder):
    flagged = []
    for table in FACT_TABLES:
        for r in _rows(folder, table):
            if (
                r.get("confidence") == "stated"
                and INFERENCE.search(r.get("note") or "")
                and not (r.get("assumed_parts") or "").strip()
            ):
                flagged.append(f"{table} {r['id']}: {INFERENCE.search(r['note']).group(0)!r}")
    assert not flagged, f"{folder.name}: stated, but the note calls it an inference: {flagged}"


def test_the_seed_regions_mark_their_inferences_too():
    flagged = [
        f"{f.name}/{t} {r['id']}"
        for f in expand_paths([REGIONS])
        for t in FACT_TABLES
        for r in _rows(f, t)
        if r.get("confidence") == "stated"
        and INFERENCE.search(r.get("note") or "")
        and not (r.get("assumed_parts") or "").strip()
    ]
    assert not flagged


@pytest.mark.parametrize("folder", _folders()[1:], ids=lambda p: p.name)
def test_a_question_with_no_source_names_no_organisation(folder):
    named = [r["id"] for r in _rows(folder, "mapping") if r["status"] == "ingen-kalla-hittad" and r["actors"].strip()]
    assert not named, f"{folder.name}: 'ingen källa hittad' but actors named: {named}"


def test_a_row_that_applies_a_national_page_to_one_county_says_so():
    """A page about every county (or every county administrative board) cited for a fact about one
    county's actor marks the row `national` (record part: a national fact applied to the county), so that
    a county reads it as the nation's fact, not one about itself; only the page's own county goes unmarked.
    The coverage answer shows it."""
    national = mapstate.national_sources(
        [{"county": c, "source": s} for s, cs in _county_sources().items() for c in cs], len(COUNTY_CODES)
    )
    assert len(national) >= 5
    for source in national:
        plain = {c for c, marked, _s in _county_rows(source) if not marked}
        assert len(plain) <= 1, (source, sorted(plain))  # the page's own county at most
    rows = json.loads(
        CliRunner().invoke(main, ["query", "coverage", "-p", "municipality=Högsby", "--format", "json"]).stdout
    )
    lst = [r for r in rows if r["actor"] == "https://w3id.org/graphmap/id/actor/lansstyrelsen-kalmar-lan"]
    assert lst and all("https://w3id.org/graphmap/vocab/record-part/national" in r["assumed_part"] for r in lst)
    assert (
        "Länet: en nationell uppgift tillämpad på länet"
        in CliRunner().invoke(main, ["query", "coverage", "-p", "municipality=Högsby", "--format", "csv"]).stdout
    )


def _lst_county(actor: str) -> str | None:
    actors = {r["id"]: r for r in _rows(LANDSCAPE / "00-nationellt", "actors")}
    return actors[actor]["county"] if actor.startswith("lansstyrelsen-") and actor in actors else None


def _county_rows(source: str | None = None):
    """(county, marked national) for every row of the national folder about one county's actor."""
    for table in ("actors", "coverage", "offers", "relations"):
        for r in _rows(LANDSCAPE / "00-nationellt", table):
            if source and r["source"] != source:
                continue
            ends = [r["id"]] if table == "actors" else [r.get("actor"), r.get("subject"), r.get("object")]
            county = next((c for c in map(_lst_county, filter(None, ends)) if c), None)
            if county:
                yield county, "national" in (r.get("assumed_parts") or "").split(";"), r["source"]


def _county_sources() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for county, _marked, source in _county_rows():
        out.setdefault(source, set()).add(county)
    return out


def test_dalarnas_rss_covers_the_county_from_its_background_page():
    cov = {r["id"]: r for r in _rows(LANDSCAPE / "20-dalarna", "coverage")}["rss-dalarna-lanet"]
    src = {r["id"]: r for r in _rows(LANDSCAPE / "20-dalarna", "sources")}[cov["source"]]
    assert (cov["confidence"], cov["places"]) == ("stated", "20")
    assert (
        src["url"] == "https://www.regiondalarna.se/plus/vard/halsa-och-valfard/rss/bakgrund/"
        and src["title"] == "Bakgrund"
    )


def test_no_persons_name_or_address_anywhere_in_the_reference_layer():
    """The personal-data rules (graphmap.privacy): every name and e-mail address the data holds is
    searched for in every cell of the layer (its URLs, titles and notes included), also as the slug
    a web address would carry; and no cell holds an e-mail address at all."""
    secrets = {
        s for s in personal_strings(graphmap.build([REGIONS], validate=False).graph) if not s.startswith("mailto:")
    }
    names = {s for s in secrets if "@" not in s}
    assert names, "the seeds' persons are the test's reference"
    slugs = {slugify(n) for n in names} | {slugify(n).replace("-", "") for n in names}
    hits = []
    for folder in _folders():
        assert not (folder / "persons.csv").exists(), folder.name
        for path in sorted(folder.glob("*.csv")):
            for i, row in enumerate(csv.DictReader(open(path, encoding="utf-8")), start=2):
                for column, value in row.items():
                    value = value or ""
                    low = value.casefold()
                    if (
                        any(s.casefold() in low for s in secrets)
                        or any(s and s in slugify(value) for s in slugs)
                        or re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", value)
                    ):
                        hits.append(f"{folder.name}/{path.name} row {i} {column}")
    assert not hits, hits


def test_no_source_address_carries_a_persons_name():
    """A news item whose address is the person's name (kau.se/nyheter/<name>-ny-ledamot-…) is cited by
    its archive's address instead; the title says [person]."""
    kau = {r["id"]: r for r in _rows(LANDSCAPE / "17-varmland", "sources")}["kau-fou-valfard-2016"]
    assert kau["url"] == "https://www.kau.se/nyheter" and kau["title"].startswith("[person]")
    assert "ledamot" not in "".join(r["url"] for f in _folders() for r in _rows(f, "sources"))


def _record() -> dict:
    return json.loads(PARAPHRASE.read_text(encoding="utf-8"))


def test_the_paraphrase_record_names_real_sources_with_the_date_they_were_compared():
    record = _record()
    assert len(record) >= 5
    for key, entry in record.items():
        folder, source = key.split("/")
        sources = {r["id"]: r for r in _rows(LANDSCAPE / folder, "sources")}
        assert source in sources, key
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["compared"]) and entry["runs"], key


@pytest.mark.parametrize("key", sorted(json.loads(PARAPHRASE.read_text(encoding="utf-8"))))
def test_no_description_repeats_ten_words_of_its_page(key):
    folder, source = key.split("/")
    page = set(_record()[key]["runs"])
    copied = []
    for table in FACT_TABLES:
        for r in _rows(LANDSCAPE / folder, table):
            if r.get("source") != source:
                continue
            for column in ("description_sv", "description_en", "remit_sv", "title_sv"):
                if r.get(column) and runs(r[column]) & page:
                    copied.append(f"{table} {r['id']} {column}")
    assert not copied, f"{key}: {copied} repeat {RUN} consecutive words of the page"
