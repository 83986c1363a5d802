"""Apache Jena 5.6.0 and the OWL API 5.5.0 (Maven Central, ``tools/jena``, ``tools/owlapi``) as independent readers of every RDF file
graphmap writes: ``riot --validate --strict`` reports nothing (no warning, no error) on the data
exports, the build's N-Triples, the catalogue record and the ontology export; Jena's SHACL engine
finds the exported data conforming to the exported shapes alone; the OWL API finds the ontology in
OWL 2 DL."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.catalog import to_turtle as catalog_turtle
from graphmap.cli import main
from graphmap.export import export_data, shareable_graph
from graphmap.ontology_export import export_ontology

pytestmark = [pytest.mark.jena, pytest.mark.xdist_group("jena")]  # one JVM tool at a time, jars fetched once
RUN = Path(__file__).resolve().parent.parent / "tools" / "jena" / "run.sh"


def jena(*args: str) -> subprocess.CompletedProcess:
    for tool in ("java", "mvn"):
        if shutil.which(tool) is None:
            if os.environ.get("CI", "").strip().lower() == "true":
                pytest.fail(f"{tool} missing in CI", pytrace=False)
            pytest.skip(f"{tool} not installed")
    return subprocess.run([str(RUN), *args], capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def written(kg, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("jena")
    for fmt in ("ttl", "jsonld"):
        export_data(kg.graph, fmt, folder / f"graphmap.{fmt}")
    export_ontology(folder / "ontology", kg.graph)
    (folder / "catalog.ttl").write_bytes(catalog_turtle(shareable_graph(kg.graph), "https://w3id.org/graphmap/"))
    result = CliRunner().invoke(main, ["build", "-o", str(folder / "graphmap.nt")])
    assert result.exit_code == 0, result.output
    return folder


def test_riot_strict_finds_nothing_in_any_rdf_file(written):
    files = sorted(str(p) for p in written.rglob("*") if p.suffix in (".ttl", ".nt", ".jsonld", ".rdf"))
    assert len(files) == 9  # data ttl + jsonld, build nt, catalog, ontology ttl + rdf, vocab, shapes, context
    done = jena("riotcmd.riot", "--validate", "--strict", *files)
    problems = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if " - File: " not in line and line.strip() and "[0m" not in line
    ]
    assert done.returncode == 0 and problems == [], "\n".join(problems[:20])


def test_riot_strict_finds_nothing_in_the_other_rdf_outputs(kg, tmp_path):
    """The rest of what graphmap writes as RDF: ``build -o`` as Turtle, JSON-LD and RDF/XML, the
    build with personal data (``--include-personal``, Turtle and N-Triples), ``export data`` with
    personal data, and the data version a mapping round keeps (``dataversion-N.nt``). ``neo4j pull``
    writes through the same ``write_graph`` as ``build -o x.jsonld`` (its graph is tested isomorphic
    in ``tests/test_neo4j.py``)."""
    from graphmap.round.workbook import start_round

    runs = [
        (["build", "-o", str(tmp_path / "built.ttl")]),
        (["build", "-o", str(tmp_path / "built.jsonld")]),
        (["build", "-o", str(tmp_path / "built.rdf")]),
        (["build", "--include-personal", "-o", str(tmp_path / "personal.ttl")]),
        (["build", "--include-personal", "-o", str(tmp_path / "personal.nt")]),
        (["export", "data", "--include-personal", "-o", str(tmp_path / "export-personal.ttl")]),
        (
            [
                "export",
                "data",
                "--include-personal",
                "--format",
                "jsonld",
                "-o",
                str(tmp_path / "export-personal.jsonld"),
            ]
        ),
    ]
    for args in runs:
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, (args, result.output)
    made = start_round(kg, "Riot 2027", ["1486"], tmp_path / "rounds", deadline="2027-03-31", today="2027-02-01")
    files = sorted(str(p) for p in tmp_path.rglob("*") if p.suffix in (".ttl", ".nt", ".jsonld", ".rdf"))
    assert len(files) == 8 and str(made.snapshot) in files, files
    done = jena("riotcmd.riot", "--validate", "--strict", *files)
    problems = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if " - File: " not in line and line.strip() and "[0m" not in line
    ]
    assert done.returncode == 0 and problems == [], "\n".join(problems[:20])


def test_jena_shacl_agrees_the_export_conforms(written):
    done = jena(
        "shacl.shacl_validate",
        "--shapes",
        str(written / "ontology" / "shapes.ttl"),
        "--data",
        str(written / "graphmap.ttl"),
        "--text",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Conforms" in done.stdout and "Violation" not in done.stdout, done.stdout[:3000]


OWLAPI = Path(__file__).resolve().parent.parent / "tools" / "owlapi" / "profile.sh"


def test_owl_api_finds_the_ontology_in_owl2_dl(written):
    """The OWL API 5.5.0's OWL 2 DL profile check on the ontology and its RDF/XML export (before:
    undeclared PROV-O terms and xsd:gYear, outside OWL 2's datatype map)."""
    for tool in ("java", "javac", "mvn"):
        if shutil.which(tool) is None:
            if os.environ.get("CI", "").strip().lower() == "true":
                pytest.fail(f"{tool} missing in CI", pytrace=False)
            pytest.skip(f"{tool} not installed")
    files = [written / "ontology" / "graphmap.ttl", written / "ontology" / "graphmap.rdf"]
    done = subprocess.run([str(OWLAPI), *map(str, files)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    profiles = [line.split("\t") for line in done.stdout.splitlines() if line.startswith("profile\t")]
    violations = [line for line in done.stdout.splitlines() if line.startswith("violation\t")]
    assert [p[2:] for p in profiles] == [["DL", "0"], ["DL", "0"]], violations[:10]


@pytest.fixture(scope="module")
def served_documents(kg, tmp_path_factory) -> list[Path]:
    """Every kind of RDF document the web app answers, saved as a client receives it."""
    import httpx

    from graphmap.serve.live import LiveServer, create_app

    folder = tmp_path_factory.mktemp("served")
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/graphmap/def#County> ; ?p ?o }"
    asks = [
        ("actor.ttl", "/id/actor/skr", "text/turtle"),
        ("actor.nt", "/id/actor/skr", "application/n-triples"),
        ("actor.jsonld", "/id/actor/skr", "application/ld+json"),
        ("actor.rdf", "/id/actor/skr", "application/rdf+xml"),
        ("county.ttl", "/id/lan/24.ttl", "*/*"),
        ("scheme.ttl", "/vocab/area.ttl", "*/*"),
        ("concept.jsonld", "/vocab/area/funktionshinder", "application/ld+json"),
        ("def.ttl", "/def", "text/turtle"),
        ("def.rdf", "/def.rdf", "*/*"),
        ("catalog.ttl", "/catalog", "text/turtle"),
        ("catalog.jsonld", "/catalog", "application/ld+json"),
        ("catalog.rdf", "/catalog", "application/rdf+xml"),
        ("void.nt", "/.well-known/void", "application/n-triples"),
        ("sd.ttl", "/sparql", "text/turtle"),
        ("sd.jsonld", "/sparql", "application/ld+json"),
        ("download.ttl", "/data/graphmap.ttl", "*/*"),
        ("download.jsonld", "/data/graphmap.jsonld", "*/*"),
        ("construct.ttl", "/sparql", "text/turtle"),
        ("construct.jsonld", "/sparql", "application/ld+json"),
    ]
    paths = []
    with (
        LiveServer(create_app(kg, sparql_workers=1, contact_email="data@example.org")) as live,
        httpx.Client(base_url=live.url, timeout=120) as client,
    ):
        for name, path, accept in asks:
            query = {"query": construct} if name.startswith("construct") else None
            r = client.get(path, headers={"Accept": accept}, params=query)
            assert r.status_code == 200 and r.content, (path, accept, r.status_code)
            (folder / name).write_bytes(r.content)
            paths.append(folder / name)
    return paths


def test_riot_strict_finds_nothing_in_what_the_web_app_serves(served_documents):
    """The same reader on the documents the server answers (IRIs, /def, /catalog, VoID, the service
    description, the downloads, a CONSTRUCT as Turtle and JSON-LD): no warning, no error."""
    assert len(served_documents) == 19
    done = jena("riotcmd.riot", "--validate", "--strict", *map(str, served_documents))
    problems = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if " - File: " not in line and line.strip() and "[0m" not in line
    ]
    assert done.returncode == 0 and problems == [], "\n".join(problems[:20])


def test_jena_reads_jsonld_written_with_the_context_as_the_graph(written, tmp_path):
    """The JSON-LD context round-trips in Jena too (Titanium, not PyLD): the JSON-LD export is the same
    graph as the Turtle export, and data written by hand with the published context is the graph PyLD
    reads from it (IRIs, decimals, years and dates typed as the shapes want them)."""
    import json

    from pyld import jsonld

    from graphmap.ontology_export import jsonld_context

    same = jena("jena.rdfcompare", str(written / "graphmap.jsonld"), str(written / "graphmap.ttl"))
    assert "models are equal" in same.stdout.lower(), same.stdout[-500:] + same.stderr[-1500:]
    doc = {
        "@context": jsonld_context()["@context"],
        "@id": "id:actor/x",
        "@type": "RDUnit",
        "memberOf": "id:network/y",
        "fte": "0.5",
        "year": "2024",
        "checked": "2024-05-01",
        "date": {"@value": "2024", "@type": "xsd:gYear"},
    }
    (tmp_path / "written.jsonld").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "pyld.nt").write_text(jsonld.to_rdf(doc, {"format": "application/n-quads"}), encoding="utf-8")
    assert len((tmp_path / "pyld.nt").read_text(encoding="utf-8").splitlines()) == 6
    same = jena("jena.rdfcompare", str(tmp_path / "written.jsonld"), str(tmp_path / "pyld.nt"))
    assert "models are equal" in same.stdout.lower(), same.stdout[-500:] + same.stderr[-1500:]
    other = tmp_path / "other.nt"  # the comparison can fail: one year less
    other.write_text(
        (tmp_path / "pyld.nt").read_text(encoding="utf-8").replace('"2024"', '"2023"', 1), encoding="utf-8"
    )
    differs = jena("jena.rdfcompare", str(tmp_path / "written.jsonld"), str(other))
    assert "models are unequal" in differs.stdout.lower(), differs.stdout[-500:]
