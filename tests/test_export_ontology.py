"""`graphmap export ontology`: the files parse, pass the lint and meta-SHACL, the bundled data
validates against the exported shapes, and the HTML documents every term in one language per page."""

from __future__ import annotations

import html as htmllib
import json
import re

import pytest
from click.testing import CliRunner
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

from graphmap.cli import main
from graphmap.ontology import DATA_LICENCE_PAGE, GM, ONTOLOGY_DIR, OWL, actor_iri
from graphmap.ontology_export import (
    FILES,
    PAGES,
    classes,
    export_ontology,
    lint,
    ontology_only,
    properties,
    read_exported,
    render_documentation,
)


@pytest.fixture(scope="module")
def out(tmp_path_factory, kg):
    folder = tmp_path_factory.mktemp("ontology")
    export_ontology(folder, kg.graph)
    return folder


def test_files_parse_in_both_serialisations(out):
    assert sorted(p.name for p in out.iterdir()) == sorted(list(FILES.values()) + list(PAGES.values()))
    ttl = Graph().parse(out / "graphmap.ttl", format="turtle")
    rdfxml = Graph().parse(out / "graphmap.rdf", format="xml")
    assert isomorphic(ttl, rdfxml) and isomorphic(ttl, ontology_only())
    onto = URIRef("https://w3id.org/graphmap/def")
    assert str(ttl.value(onto, OWL.versionInfo)) == "0.1.0"
    assert str(ttl.value(onto, URIRef("http://purl.org/dc/terms/license"))) == DATA_LICENCE_PAGE  # CC0 1.0, as the data
    vocab = Graph().parse(out / "vocab.ttl", format="turtle")
    schemes = set(vocab.subjects(RDF.type, SKOS.ConceptScheme))  # one per ontology/vocab/*.ttl
    assert (
        len(schemes) == len(list((ONTOLOGY_DIR / "vocab").glob("*.ttl"))) == 22
        and URIRef("https://w3id.org/graphmap/vocab/route") in schemes
    )
    ctx = json.loads((out / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert ctx["gm"] == str(GM) and ctx["ledBy"] == {"@id": "gm:ledBy", "@type": "@id"}
    assert ctx["Municipality"] == "gm:Municipality"


def test_lint_is_clean_and_catches_gaps(out, kg):
    onto, shapes = read_exported(out)
    assert lint(onto, data=kg.graph, shapes=shapes) == []
    broken = Graph()
    broken += onto
    broken.remove((GM.Region, RDFS.comment, Literal("The regional authority of a county.", lang="en")))
    data = Graph()
    data.add((actor_iri("x"), RDF.type, GM.Unknownthing))
    assert lint(broken, data=data) == [
        "gm:Region: no rdfs:comment@en",
        "gm:Unknownthing: used in the data but not declared in the ontology",
    ]


@pytest.mark.slow  # pySHACL on 17,000 triples with the class choices: about 1-2 minutes on 2 busy cores
def test_exported_shapes_validate_exported_data_on_their_own(out, kg, tmp_path):
    """The exported shapes.ttl and the exported data, nothing merged in (before: 210 false violations
    without the ontology); an actor without a Swedish name is caught."""
    from graphmap.export import export_data

    _onto, shapes = read_exported(out)
    export_data(kg.graph, "ttl", tmp_path / "data.ttl")
    data = Graph().parse(tmp_path / "data.ttl", format="turtle")
    conforms, _graph, text = validate(data, shacl_graph=shapes, inference="none", meta_shacl=True, allow_warnings=True)
    assert conforms, text[:2000]
    skr = URIRef("https://w3id.org/graphmap/id/actor/skr")
    alone = Graph()
    for triple in data.triples((skr, None, None)):
        alone.add(triple)
    alone.remove((skr, SKOS.prefLabel, None))
    alone.add((skr, SKOS.prefLabel, Literal("Swedish Association of Local Authorities and Regions", lang="en")))
    conforms, _graph, text = validate(alone, shacl_graph=shapes, inference="none", allow_warnings=True)
    assert not conforms and "An actor or network needs a Swedish name" in text and str(skr) in text


def _text(html: str) -> str:
    return htmllib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_html_documents_every_term_one_language_per_page(out):
    sv = (out / "index.html").read_text(encoding="utf-8")
    en = (out / "en.html").read_text(encoding="utf-8")
    onto = Graph().parse(out / "graphmap.ttl", format="turtle")
    for term in classes(onto) + properties(onto):
        anchor = str(term).replace(str(GM), "gm-")
        if anchor.startswith("gm-"):
            assert f'id="{anchor}"' in sv and f'id="{anchor}"' in en
    assert '<html lang="sv">' in sv and '<html lang="en">' in en
    assert "En av Sveriges 290 kommuner" in sv and "One of Sweden's 290 municipalities" not in sv
    assert "One of Sweden&#39;s 290 municipalities" in en and "En av Sveriges 290 kommuner" not in en
    for page in (sv, en):
        assert f'href="{DATA_LICENCE_PAGE}"' in page and "CC0 1.0" in page
        assert '<dd id="version">0.1.0</dd>' in page
        assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(js|css)', page)  # nothing loaded from the web
    text = _text(sv)
    assert "Kolumn i mallen offers.places" in text  # where a property comes from
    assert "FoU Socialtjänst (Västerbotten)" in text  # examples from the data
    assert "funktionshinder Funktionshinder Disability" in text  # vocabulary table: code, sv, en
    assert "Personuppgift: exempel visas inte." in text


def test_html_escapes_labels_from_data():
    data = Graph()
    data.add((actor_iri("x"), RDF.type, GM.Actor))
    data.add((actor_iri("x"), SKOS.prefLabel, Literal('<script>alert("x")</script>', lang="sv")))
    html = render_documentation(data, "sv")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html and "<script>" not in html


def test_cli_export_ontology(tmp_path, kg):
    result = CliRunner().invoke(main, ["export", "ontology", "-o", str(tmp_path / "onto")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Skrev 7 filer till {tmp_path / 'onto'}:")
    names = {str(o) for o in kg.graph.objects(None, URIRef("http://xmlns.com/foaf/0.1/name"))}
    assert names
    for path in (tmp_path / "onto").iterdir():
        content = path.read_text(encoding="utf-8")
        assert not [n for n in names if n in content], path.name
