"""The build cache (graphmap.buildcache): commands answer from the last build while the tables are
unchanged, rebuild when they change, and never trust a damaged cache.

The repository conftest gives every test its own GRAPHMAP_CACHE_DIR; the tests here also point it
at their own tmp_path so what they inspect is theirs alone."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphmap
from graphmap import buildcache
from graphmap.api import list_queries, run_query
from graphmap.cli import main
from graphmap.ontology import REGIONS_DIR

SUPPORT = ["support", "--area", "funktionshinder", "--municipality", "Umeå", "--format", "json"]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("GRAPHMAP_CACHE_DIR", str(folder))
    # graphmap's own source is watched too (test_code_change_rebuilds); here a frozen copy of the
    # list and contents, so that someone editing graphmap while the tests run cannot turn an
    # expected hit into a (correct) rebuild
    frozen = tmp_path / "code"
    frozen.mkdir()
    for i, path in enumerate(buildcache._code_files()):
        (frozen / f"{i}.py").write_bytes(path.read_bytes())
    monkeypatch.setattr(buildcache, "_code_files", lambda: sorted(frozen.iterdir()))
    return folder


@pytest.fixture(scope="module")
def fresh():
    """The bundled data built from the tables, as graphmap.build does."""
    return graphmap.build()


def cli(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def region_copy(tmp_path) -> Path:
    target = tmp_path / "vasterbotten"
    shutil.copytree(REGIONS_DIR / "vasterbotten", target)
    return target


def labels(kg, **params):
    return sorted({r["actor_label"] for r in run_query(kg, "support", **params).present()})


def test_second_command_answers_from_the_cache(cache_dir):
    before = dict(buildcache.stats)
    first = cli(*SUPPORT)
    (folder,) = [p for p in cache_dir.iterdir() if p.is_dir()]
    written = {name: (folder / name).stat().st_mtime_ns for name in ("manifest.json", "graph.nt", "ingest.json")}
    second = cli(*SUPPORT)
    assert second == first
    assert buildcache.stats["built"] == before["built"] + 1
    assert buildcache.stats["hit"] == before["hit"] + 1
    del written["manifest.json"]  # may be refreshed (same inputs, newer mtimes recorded), never the graph
    assert {name: (folder / name).stat().st_mtime_ns for name in written} == written
    assert json.loads(first) and "FoU Socialtjänst" in first


def test_changed_table_rebuilds_with_the_new_answer(cache_dir, tmp_path):
    region = region_copy(tmp_path)
    kg = buildcache.open([region])
    assert kg.cache.status == "built"
    old = labels(kg, area="funktionshinder", municipality="Umeå")
    assert "FoU Socialtjänst (Västerbotten)" in old
    assert buildcache.open([region]).cache.status == "hit"
    actors = region / "actors.csv"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("FoU Socialtjänst (Västerbotten)", "FoU Umeå-länet"),
        encoding="utf-8",
    )
    kg = buildcache.open([region])
    assert kg.cache.status == "built" and "changed" in kg.cache.reason
    new = labels(kg, area="funktionshinder", municipality="Umeå")
    assert "FoU Umeå-länet" in new and "FoU Socialtjänst (Västerbotten)" not in new
    assert new == labels(graphmap.build([region]), area="funktionshinder", municipality="Umeå")
    assert buildcache.open([region]).cache.status == "hit"


def test_added_table_file_rebuilds(cache_dir, tmp_path):
    region = region_copy(tmp_path)
    assert buildcache.open([region]).cache.status == "built"
    (region / "notes.txt").write_text("not a table", encoding="utf-8")
    kg = buildcache.open([region])
    assert kg.cache.status == "built" and "added or removed" in kg.cache.reason


def test_code_change_rebuilds(cache_dir, tmp_path):
    code = buildcache._code_files()
    assert buildcache.open().cache.status == "built"
    assert buildcache.open().cache.status == "hit"
    code[0].write_text(code[0].read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    kg = buildcache.open()
    assert kg.cache.status == "built" and "changed" in kg.cache.reason


def test_the_code_that_shapes_the_build_is_watched():
    names = {p.relative_to(buildcache.PACKAGE_DIR).as_posix() for p in buildcache._code_files()}
    assert {"api.py", "buildcache.py", "ingest/__init__.py", "ontology.py", "vocab.py", "store.py"} <= names
    assert not any(n.startswith(("cli/", "serve/", "viz/", "report/")) or n == "report.py" for n in names)


def test_touched_table_with_the_same_content_is_still_a_hit(cache_dir, tmp_path):
    region = region_copy(tmp_path)
    assert buildcache.open([region]).cache.status == "built"
    later = os.stat(region / "offers.csv").st_mtime_ns + 10_000_000_000
    os.utime(region / "offers.csv", ns=(later, later))
    assert buildcache.open([region]).cache.status == "hit"  # content hashed again: unchanged
    assert buildcache.open([region]).cache.status == "hit"


@pytest.mark.parametrize("damage", ["truncate", "flip", "manifest", "missing-graph", "missing-ingest"])
def test_damaged_cache_is_rebuilt(cache_dir, damage):
    buildcache.open()
    (folder,) = [p for p in cache_dir.iterdir() if p.is_dir()]
    graph = folder / "graph.nt"
    if damage == "truncate":  # a run killed while writing, or a full disk
        graph.write_bytes(graph.read_bytes()[: graph.stat().st_size // 2])
    elif damage == "flip":  # same size, other bytes
        data = bytearray(graph.read_bytes())
        data[len(data) // 2] ^= 0x20
        graph.write_bytes(bytes(data))
    elif damage == "manifest":
        (folder / "manifest.json").write_text('{"fingerprint": ', encoding="utf-8")
    elif damage == "missing-graph":
        graph.unlink()
    else:
        (folder / "ingest.json").unlink()
    kg = buildcache.open()
    assert kg.cache.status == "built", kg.cache.reason
    assert labels(kg, area="funktionshinder", municipality="Umeå") == labels(
        graphmap.build(), area="funktionshinder", municipality="Umeå"
    )
    assert buildcache.open().cache.status == "hit"


def test_damaged_ingest_detail_after_open_reads_the_tables(cache_dir, fresh):
    buildcache.open()
    kg = buildcache.open()
    assert kg.cache.status == "hit"
    (folder,) = [p for p in cache_dir.iterdir() if p.is_dir()]
    (folder / "ingest.json").write_text("[]", encoding="utf-8")
    assert kg.ingest.rows == fresh.ingest.rows


def test_every_named_query_answers_the_same_from_the_cache(cache_dir, fresh):
    buildcache.open()
    cached = buildcache.open()
    assert cached.cache.status == "hit"
    checked = 0
    for query in list_queries():
        for params in query.examples or [{}]:
            try:
                want = run_query(fresh, query.name, **params)
            except Exception as exc:  # the cache must fail the same way
                with pytest.raises(type(exc)):
                    run_query(cached, query.name, **params)
                continue
            got = run_query(cached, query.name, **params)
            assert got.rows == want.rows, (query.name, params)
            assert got.present("sv") == want.present("sv") and got.present("en") == want.present("en")
            checked += 1
    assert checked >= len(list_queries())


def test_cached_graph_has_what_commands_read(cache_dir, fresh):
    buildcache.open()
    kg = buildcache.open()
    assert kg.cache.status == "hit"
    assert kg.ingest.datasets == fresh.ingest.datasets
    assert kg.ingest.rows == fresh.ingest.rows
    assert [p.as_dict("en") for p in kg.ingest.problems] == [p.as_dict("en") for p in fresh.ingest.problems]
    assert kg.validation.conforms == fresh.validation.conforms
    assert [p.as_dict("sv") for p in kg.validation.problems] == [p.as_dict("sv") for p in fresh.validation.problems]
    assert set(kg.graph) == set(fresh.graph)
    assert dict(kg.graph.namespaces())["gm"] == dict(fresh.graph.namespaces())["gm"]
    assert len(kg.store) == len(fresh.store)


def test_cli_answer_with_and_without_the_cache(cache_dir):
    first = cli(*SUPPORT)
    os.environ["GRAPHMAP_CACHE_DIR"] = "off"
    try:
        uncached = cli(*SUPPORT)
    finally:
        os.environ["GRAPHMAP_CACHE_DIR"] = str(cache_dir)
    assert cli(*SUPPORT) == first == uncached


def test_caching_off_and_unwritable_cache_build_in_memory(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHMAP_CACHE_DIR", "off")
    assert buildcache.open().cache.status == "memory"
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("GRAPHMAP_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    kg = buildcache.open()
    assert kg.cache.status == "memory" and "cannot write" in kg.cache.reason
    assert labels(kg, area="funktionshinder", municipality="Umeå")
    assert "FoU Socialtjänst" in cli(*SUPPORT)


def test_graph_files_and_bad_tables_are_not_cached(cache_dir, tmp_path):
    from graphmap.ingest import IngestError

    region = region_copy(tmp_path)
    (region / "actors.csv").write_text("id,name_sv\nBad Id!,x\n", encoding="utf-8")
    with pytest.raises(IngestError):
        buildcache.open([region])
    assert not any(cache_dir.rglob("manifest.json"))


COMMANDS = [
    ["gaps"],
    ["gaps", "--county", "24", "--format", "csv"],
    ["chain", "Lycksele", "--format", "json"],
    ["query", "brokers", "--format", "json"],
    ["query", "coverage", "-p", "municipality=Uddevalla", "--lang", "en"],
    ["export", "data", "--format", "ttl"],
    ["export", "data", "--format", "graphml"],
    ["export", "data", "--format", "csv"],
    ["report"],
    ["privacy", "--format", "json"],
    ["viz", "--county", "24"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_commands_answer_the_same_from_the_cache(cache_dir, tmp_path, monkeypatch, command):
    """Each command's output (and the files it writes) with no cache, then from a warm cache."""

    def outputs(name):
        out = tmp_path / name
        args = list(command)
        if command[0] in ("export", "report", "viz"):
            args += ["-o", str(out / ("x" if command[-1] == "csv" else "x.out"))]
        text = cli(*args).replace(str(out), "OUT")
        files = (
            {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
            if out.exists()
            else {}
        )
        return text, files

    monkeypatch.setenv("GRAPHMAP_CACHE_DIR", "off")
    want = outputs("fresh")
    monkeypatch.setenv("GRAPHMAP_CACHE_DIR", str(cache_dir))
    before = buildcache.stats["hit"]
    cli(*SUPPORT)  # writes the cache
    got = outputs("cached")
    assert buildcache.stats["hit"] == before + 1
    assert got == want


def test_the_cache_is_readable_by_its_owner_only(cache_dir):
    """The cache holds the whole graph, the names of people included: 0700 folder, 0600 files."""
    import stat

    cli(*SUPPORT)
    folders = [p for p in cache_dir.iterdir() if p.is_dir()]
    assert len(folders) == 1
    assert stat.S_IMODE(folders[0].stat().st_mode) == 0o700
    files = sorted(p.name for p in folders[0].iterdir())
    assert files == ["derived.json", "graph.nt", "ingest.json", "lookups.json", "manifest.json", "support.json"]
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in folders[0].iterdir()} == {"0o600"}


def test_a_support_answer_on_a_hit_loads_no_store(cache_dir, fresh):
    """The layer, the name index, the labels and the map's state are kept with the build: a
    support answer (and its note on an unmapped county) reads them and never loads the graph."""
    from graphmap.api import not_mapped_note

    buildcache.open()
    kg = buildcache.open()
    assert kg.cache.status == "hit"
    got = run_query(kg, "support", area="funktionshinder", municipality="Umeå").present("sv")
    note = not_mapped_note(kg, "Gotland", "sv")
    assert "store" not in kg.__dict__ and "graph" not in kg.ingest.__dict__  # neither the store nor an rdflib graph
    assert got == run_query(fresh, "support", area="funktionshinder", municipality="Umeå").present("sv")
    assert note == not_mapped_note(fresh, "Gotland", "sv") and "Gotland" in note


def test_a_chain_on_a_hit_reads_the_kept_links(cache_dir, fresh):
    """The links the chains follow and each link's confidence and sources are derived at build
    time and kept (derived.json): a chain answer on a hit runs no query over the graph for them and
    equals a fresh build's, row for row; a damaged derived.json is derived from the graph again."""
    from graphmap.api import link_confidence, link_sources

    buildcache.open()
    kg = buildcache.open()
    assert kg.cache.status == "hit"
    got = run_query(kg, "chain", actor="Umeå").present("sv")
    assert "store" not in kg.__dict__  # the names, the links and their confidence: all kept
    want = run_query(fresh, "chain", actor="Umeå").present("sv")
    assert got == want and len(got) > 10
    sure = link_confidence(kg)
    assert sure == link_confidence(fresh) and link_sources(kg) == link_sources(fresh)
    assert {c.rsplit("/", 1)[1] for c in sure.values()} == {"stated", "assumed", "reference"}
    (folder,) = [p for p in cache_dir.iterdir() if p.is_dir()]
    path = folder / "derived.json"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    again = buildcache.open()
    assert run_query(again, "chain", actor="Umeå").present("sv") == want
    assert "store" in again.__dict__  # derived from the graph


def test_damaged_lookups_are_computed_from_the_graph(cache_dir, fresh):
    """lookups.json with the same size and other bytes (read only when first needed): the answer
    comes from the graph instead, the same as a fresh build's."""
    buildcache.open()
    (folder,) = [p for p in cache_dir.iterdir() if p.is_dir()]
    path = folder / "lookups.json"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    kg = buildcache.open()
    assert kg.cache.status == "hit"
    assert labels(kg, area="funktionshinder", municipality="Umeå") == labels(
        fresh, area="funktionshinder", municipality="Umeå"
    )
    assert "store" in kg.__dict__  # the names were read from the graph


def test_the_code_named_as_reading_only_is_there():
    """Every folder and module the cache names as only reading a built graph is part of the package:
    a stale name says something about code that is gone."""
    from graphmap.buildcache import PACKAGE_DIR, READS_ONLY, READS_ONLY_MODULES

    assert sorted(d for d in READS_ONLY if not (PACKAGE_DIR / d).is_dir()) == []
    assert sorted(m for m in READS_ONLY_MODULES if not (PACKAGE_DIR / m).is_file()) == []
