"""The compiled SHACL checks (graphmap.validate, the validator) find exactly what pySHACL finds.

pySHACL is the reference. The graph is the bundled data with defects planted for every
constraint kind in ontology/shapes.ttl, plus decoys that break a constraint only outside
its shape's targets (which SHACL must not report).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, SH, SKOS, XSD

from graphmap.ingest import ingest
from graphmap.ontology import GM, ID, concept_iri, kommun_iri
from graphmap.store import Store
from graphmap.validate import default_checks, row_index, validate_store, violations
from graphmap.validate.reference import shacl

ROOT = Path(__file__).resolve().parent.parent

FOU = ID["actor/fou-socialtjanst-fyrbodal"]
UMEA = kommun_iri("2480")


def _first(g: Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


@pytest.fixture(scope="module")
def planted():
    result = ingest()
    g = Graph()
    for triple in result.graph:
        g.add(triple)
    membership, post, offer = _first(g, ORG.Membership), _first(g, ORG.Post), _first(g, GM.SupportOffer)
    need, activity = _first(g, GM.Need), _first(g, GM.Activity)
    g.remove((membership, DCTERMS.source, None))  # minCount
    g.add((FOU, GM.level, concept_iri("level", "lokal")))  # maxCount
    g.set((post, GM.fte, Literal("en halv")))  # datatype (string, not decimal)
    g.add((sorted(g.subjects(RDF.type, ORG.Post))[1], GM.fte, Literal("1.5", datatype=XSD.decimal)))  # maxInclusive
    g.add((offer, GM.area, URIRef("https://example.org/not-an-area")))  # class + in
    g.add((membership, ORG.member, Literal("Umeå kommun")))  # nodeKind + or (+ maxCount)
    g.add((FOU, SKOS.prefLabel, Literal("Ett annat namn", lang="sv")))  # uniqueLang
    g.add((ID["actor/skr"], SKOS.prefLabel, Literal("SKR utan språk")))  # datatype langString
    g.set((UMEA, GM.scbCode, Literal("248")))  # pattern
    g.set((kommun_iri("0114"), GM.scbCode, Literal(114)))  # datatype xsd:string + pattern
    g.add((need, DCTERMS.date, Literal("våren 2023")))  # or of datatypes (+ maxCount)
    g.set((activity, GM.status, URIRef("https://w3id.org/graphmap/vocab/status/okand")))  # in
    g.add((FOU, GM.county, kommun_iri("1486")))  # class County (+ maxCount)
    person = sorted(g.subjects(RDF.type, FOAF.Person))[0]
    g.set((person, FOAF.mbox, URIRef("https://example.org/kontakt")))  # pattern ^mailto:
    odd = concept_iri("area", "bara-svenska")
    g.add((odd, RDF.type, SKOS.Concept))
    g.add((odd, SKOS.prefLabel, Literal("Bara svenska", lang="sv")))  # minCount 2 on concepts
    sub = ID["actor/bara-underklass"]  # targeted through rdfs:subClassOf
    g.add((sub, RDF.type, GM.RDUnit))
    g.add((sub, SKOS.prefLabel, Literal("Bara underklass", lang="sv")))
    # decoys: the same defects on nodes outside the shapes' targets are not violations
    thing = URIRef("https://example.org/ting")
    g.add((thing, GM.fte, Literal("mycket")))
    g.add((thing, GM.level, concept_iri("level", "lokal")))
    g.add((thing, GM.level, concept_iri("level", "regional")))
    g.add((thing, GM.area, Literal("inget område")))
    return g, row_index(result.rows)


def _key(problem):
    return (
        problem.params["focus"],
        problem.column,
        problem.params["message"],
        problem.params["fix"],
        problem.severity,
        problem.file,
        problem.row,
    )


def test_same_violations_as_pyshacl(planted):
    g, where = planted
    reference = shacl(g, "sv", where)
    fast = validate_store(Store.from_graph(g), "sv", where)
    assert not reference.conforms and not fast.conforms
    assert sorted(map(_key, fast.problems)) == sorted(map(_key, reference.problems))
    # every planted kind was found (so the comparison is not vacuous)
    components = {r.component.rsplit("#", 1)[-1] for r in violations(Store.from_graph(g))}
    assert components >= {
        "MinCountConstraintComponent",
        "MaxCountConstraintComponent",
        "DatatypeConstraintComponent",
        "MaxInclusiveConstraintComponent",
        "ClassConstraintComponent",
        "InConstraintComponent",
        "NodeKindConstraintComponent",
        "OrConstraintComponent",
        "UniqueLangConstraintComponent",
        "PatternConstraintComponent",
    }
    focus = {p.params["focus"] for p in fast.problems}
    assert "https://example.org/ting" not in focus
    assert str(ID["actor/bara-underklass"]) in focus  # a gm:RDUnit is a gm:Actor through the ontology


def test_english_messages_match(planted):
    g, where = planted
    assert sorted(map(_key, validate_store(Store.from_graph(g), "en", where).problems)) == sorted(
        map(_key, shacl(g, "en", where).problems)
    )


def test_screens_skip_nothing(planted):
    """The cheap screens only decide what to run: with or without them the results are equal."""
    g, _ = planted
    store = Store.from_graph(g)
    with_screens = validate_store(store, screens=True)
    without = validate_store(store, screens=False)
    assert sorted(map(_key, with_screens.problems)) == sorted(map(_key, without.problems))


def test_clean_data_conforms_and_names_rows(kg):
    assert kg.validation.conforms and kg.validation.problems == []
    g = Graph()
    for triple in kg.graph:
        g.add(triple)
    g.remove((FOU, GM.level, None))
    report = validate_store(Store.from_graph(g), "en", row_index(kg.ingest.rows))
    [problem] = report.problems
    assert (problem.file, problem.row, problem.column) == ("fyrbodal/actors", 2, "gm:level")
    assert problem.format("en").startswith("fyrbodal/actors, row 2, column gm:level")


def test_every_shape_is_compiled():
    compiled = default_checks()
    paths = {s.path for c in compiled.checks for s in c.shapes}
    assert {GM.level, GM.area, ORG.member, DCTERMS.source, GM.scbCode, SKOS.prefLabel, FOAF.mbox} <= paths
    assert all(c.sparql.startswith("SELECT") for c in compiled.checks)
    declared = set(Graph().parse(ROOT / "ontology" / "shapes.ttl").objects(None, SH.targetClass))
    targets = {t for c in compiled.checks for s in c.shapes for t in s.targets}
    assert GM.County in declared and declared <= targets  # every target class, counties too, is compiled
    assert any(str(GM.scbCode) in s.sparql for s in compiled.screens)


NO_PYSHACL = """
import sys
{run}
assert 'pyshacl' not in sys.modules, 'pyshacl was imported'
"""


@pytest.mark.parametrize(
    "run",
    [
        "import graphmap; graphmap.build()",
        "from graphmap.cli import main; sys.argv = ['graphmap', 'build', '-o', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code",
        "from graphmap.cli import main; sys.argv = ['graphmap', 'support', '--area', 'funktionshinder', "
        "'--municipality', 'Umeå']\ntry:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code",
    ],
    ids=["api.build", "graphmap build", "graphmap support"],
)
def test_build_does_not_import_pyshacl(run, tmp_path):
    """pySHACL is only the tests' reference: building and answering never load it."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", NO_PYSHACL.format(run=run), str(tmp_path / "out.nt")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "pyshacl" not in done.stderr


def test_ill_typed_literals_in_a_graph_file(tmp_path):
    """A graph file's literals are checked against their datatype (before: "0 fel", and build wrote it)."""
    from click.testing import CliRunner

    from graphmap.cli import main
    from graphmap.validate.literals import well_typed
    from rdflib import XSD

    bad = tmp_path / "bad.ttl"
    bad.write_text(
        '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
        '<https://w3id.org/graphmap/id/actor/x> <http://purl.org/dc/terms/date> "2023-13-45"^^xsd:date ;\n'
        '  <https://w3id.org/graphmap/def#year> "20x8"^^xsd:gYear ;\n'
        '  <https://w3id.org/graphmap/def#fte> "1,5"^^xsd:decimal ;\n'
        '  <https://w3id.org/graphmap/def#checked> "2024-02-29"^^xsd:date .\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(main, ["validate", str(bad), "--lang", "en"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    assert lines == [
        f'ERROR: id:actor/x, column {col}: "{value}" is not a valid {dt} value. Write a value of that type: '
        'a date that exists (YYYY-MM-DD), a four-digit year, a number with a decimal point.'
        for col, value, dt in (
            ("dcterms:date", "2023-13-45", "xsd:date"),
            ("gm:fte", "1,5", "xsd:decimal"),
            ("gm:year", "20x8", "xsd:gYear"),
        )
    ]
    out = tmp_path / "out.ttl"
    assert runner.invoke(main, ["build", str(bad), "-o", str(out)]).exit_code == 2 and not out.exists()
    assert well_typed("2024-02-29", XSD.date) and not well_typed("2023-02-29", XSD.date)
