"""The synthetic national dataset: synth -> build -> validate -> every named query answers."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphmap
from graphmap import synth
from graphmap.cli import main
from graphmap.queries import library

SCALE = 1  # the size of a real national mapping (~20k triples)

PARAMS = {  # every named query, with parameters that exist in the synthetic data
    "support": {"area": "funktionshinder", "municipality": "Umeå"},
    "gaps": {"county": "Västerbotten"},
    "chain": {"actor": "Lycksele"},
    "brokers": {},
    "networks": {"actor": "fou-vasterbotten"},
    "actor": {"actor": "FoU Socialtjänst Västerbotten"},
    "collaborations": {},
    "coverage": {"municipality": "Kiruna"},
}


def _files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*.csv"))


@pytest.fixture(scope="module")
def synth_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "land"
    result = CliRunner().invoke(main, ["synth", "--scale", str(SCALE), "-o", str(out), "--seed", "7"])
    assert result.exit_code == 0, result.output
    assert f"graphmap build {out}/*" in result.output
    return out


@pytest.fixture(scope="module")
def synth_kg(synth_dir):
    return graphmap.build(sorted(synth_dir.iterdir()))


def test_one_folder_per_county_and_a_national_one(synth_dir):
    names = sorted(p.name for p in synth_dir.iterdir())
    assert len(names) == 22 and "nationellt" in names
    assert "lan-24-vasterbotten" in names and "lan-01-stockholm" in names
    header = (synth_dir / "lan-24-vasterbotten" / "actors.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == [c.name for c in graphmap.schema.TABLE["actors"].columns]


def test_same_seed_same_files_other_seed_other_files(synth_dir, tmp_path):
    again = synth.write(tmp_path / "again", SCALE, seed=7)
    assert [f.name for f in again] == sorted(p.name for p in synth_dir.iterdir())
    files = _files(synth_dir)
    assert files == _files(tmp_path / "again")
    match, mismatch, errors = filecmp.cmpfiles(synth_dir, tmp_path / "again", [str(f) for f in files], shallow=False)
    assert mismatch == [] and errors == [] and len(match) == len(files)
    synth.write(tmp_path / "other", SCALE, seed=8)
    assert (tmp_path / "other/lan-24-vasterbotten/offers.csv").read_bytes() != (
        synth_dir / "lan-24-vasterbotten/offers.csv"
    ).read_bytes()


def test_builds_and_passes_validation(synth_kg):
    assert synth_kg.validation.conforms, [p.format("en") for p in synth_kg.validation.problems[:5]]
    assert {p.code for p in synth_kg.ingest.problems} <= {"assumed"}
    assert 12_000 < len(synth_kg.store) < 40_000
    counts = {}
    for _ds, table, _n, _iri in synth_kg.ingest.rows:
        counts[table] = counts.get(table, 0) + 1
    assert counts["kommuner"] == 290 and counts["lan"] == 21
    for table in (
        "actors",
        "networks",
        "memberships",
        "offers",
        "needs",
        "activities",
        "posts",
        "coverage",
        "relations",
        "agreements",
    ):
        assert counts.get(table, 0) > 20, table


def test_marked_synthetic_with_assumed_confidence(synth_kg):
    _names, rows = synth_kg.store.select("""
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX gm: <https://w3id.org/graphmap/def#>
        SELECT ?record ?title ?confidence WHERE {
          ?record dcterms:source ?source ; gm:confidence ?confidence .
          ?source dcterms:title ?title .
          FILTER(?confidence != <https://w3id.org/graphmap/vocab/confidence/reference>)
        }""")
    assert len(rows) > 1000
    assert all(str(r["title"]).startswith("SYNTETISKA DATA") for r in rows)
    assert {str(r["confidence"]).rsplit("/", 1)[-1] for r in rows} == {"assumed"}


def test_every_named_query_answers(synth_kg):
    assert set(PARAMS) == set(library())
    for name, params in PARAMS.items():
        result = graphmap.run_query(synth_kg, name, **params)
        assert result.rows, name
        assert result.present("sv")[0], name
    chain = graphmap.run_query(synth_kg, "chain", actor="Lycksele").present("en")
    assert any(r["target_label"].startswith("SKR") for r in chain)
    coverage = {r["actor_label"] for r in graphmap.run_query(synth_kg, "coverage", municipality="Kiruna").present()}
    assert {"FoU Socialtjänst Norrbotten", "Region Norrbotten"} <= coverage
    # the queries, names and labels read the store: the rdflib graph was never built
    assert synth_kg._graph is None


def test_graph_is_built_on_demand_and_matches_the_store(synth_dir):
    kg = graphmap.build(sorted(synth_dir.iterdir()))
    assert kg._graph is None
    assert len(kg.graph) == len(kg.store)
    assert {_value(t) for t in kg.graph} == {_value(t) for t in kg.store.view()}


def _value(triple):
    """A triple with literals compared by value (Oxigraph writes the decimal 6.0 as 6)."""
    s, p, o = triple
    return s, p, (o.toPython(), o.datatype, o.language) if hasattr(o, "toPython") and hasattr(o, "language") else o


def test_bad_scale_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["synth", "--scale", "0", "-o", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "--scale" in result.output
    assert not (tmp_path / "x").exists()
