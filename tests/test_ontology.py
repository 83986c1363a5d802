"""The model: every term labelled in Swedish and English, shapes in step with the table schema."""

from __future__ import annotations

import os
import subprocess
import sys

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graphmap import shapes
from graphmap.ontology import GM, ONTOLOGY_DIR, ontology_graph, vocab_graph
from graphmap.schema import TABLES


def test_every_gm_term_has_sv_en_label_and_comment():
    g = Graph().parse(ONTOLOGY_DIR / "graphmap.ttl")
    terms = {s for s in g.subjects(RDF.type, None) if str(s).startswith(str(GM))}
    assert len(terms) > 60
    for term in terms:
        langs = {o.language for o in g.objects(term, RDFS.label)}
        assert {"sv", "en"} <= langs, term
        assert {o.language for o in g.objects(term, RDFS.comment)} >= {"sv", "en"}, term


def test_every_predicate_in_the_schema_is_declared_or_reused():
    g = ontology_graph()
    from graphmap.ontology import expand

    for table in TABLES:
        for col in table.columns:
            if col.predicate:
                assert (expand(col.predicate), RDFS.label, None) in g, col.predicate


def test_every_concept_has_sv_and_en_labels():
    g = vocab_graph()
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 80
    for c in concepts:
        assert {o.language for o in g.objects(c, SKOS.prefLabel)} == {"sv", "en"}, c


def test_shapes_file_matches_schema():
    committed = (ONTOLOGY_DIR / "shapes.ttl").read_text(encoding="utf-8")
    assert committed == shapes.turtle(), "run: python -m graphmap.shapes > ontology/shapes.ttl"


def test_shapes_output_is_the_same_in_every_process():
    """Two processes with different hash seeds print the same shapes (one process could hide a set order)."""
    outputs = []
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "graphmap.shapes"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == (ONTOLOGY_DIR / "shapes.ttl").read_text(encoding="utf-8")


def test_ontology_declares_version_and_license():
    g = ontology_graph()
    onto = next(g.subjects(RDF.type, OWL.Ontology))
    assert g.value(onto, OWL.versionInfo) is not None


def test_every_scheme_has_top_concepts_licence_version_and_date():
    """No loose concept (skosify's check): each concept is a top concept of its scheme or reaches one
    by skos:broader; each scheme names its licence (CC0 1.0), version and modification date."""
    from rdflib import URIRef
    from rdflib.namespace import DCTERMS

    from graphmap.ontology import DATA_LICENCE_PAGE

    g = vocab_graph()
    schemes = set(g.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(schemes) == 22
    for scheme in schemes:
        tops = set(g.objects(scheme, SKOS.hasTopConcept))
        assert tops and all((c, SKOS.topConceptOf, scheme) in g for c in tops), scheme
        assert g.value(scheme, DCTERMS.license) == URIRef(DATA_LICENCE_PAGE)
        assert g.value(scheme, OWL.versionInfo) is not None and g.value(scheme, DCTERMS.modified) is not None
        for concept in g.subjects(SKOS.inScheme, scheme):
            seen, node = set(), concept
            while node not in tops:
                assert node not in seen, f"{concept}: a skos:broader cycle"
                seen.add(node)
                node = g.value(node, SKOS.broader)
                assert node is not None, f"{concept} is loose: no top concept above it in {scheme}"


def test_links_to_established_vocabularies_are_the_ones_a_cited_source_lists():
    """Every skos:*Match leads to a concept of a stored, cited list (the ADMS publisher types as DIGG's
    DCAT-AP-SE 3.0.1 lists them, shipped in tests/data/dcat-ap-se), and each linking scheme says so."""
    import json
    from pathlib import Path

    bundle = Path(__file__).resolve().parent / "data" / "dcat-ap-se" / "bundle.json"
    listed = {
        c["value"]
        for t in json.loads(bundle.read_text(encoding="utf-8"))["templates"]
        if t.get("id") == "adms:publishertype"
        for c in t["choices"]
    }
    assert len(listed) == 11
    g = vocab_graph()
    mapping = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
    links = [(s, p, o) for p in mapping for s, o in g.subject_objects(p)]
    assert len(links) == 9
    assert {str(o) for _s, _p, o in links} <= listed
    kommun = next(s for s in g.subjects(SKOS.notation, None) if str(s).endswith("/actor-type/kommun"))
    assert (kommun, SKOS.closeMatch, URIRef("http://purl.org/adms/publishertype/LocalAuthority")) in g
    for scheme in {g.value(s, SKOS.inScheme) for s, _p, _o in links}:
        notes = {str(n) for n in g.objects(scheme, SKOS.editorialNote)}
        assert any("2026-12-07" in n and "DCAT-AP-SE 3.0.1" in n for n in notes), scheme
    # a link never stands in for the concept itself: no target is also a concept of graphmap's schemes
    assert not [o for _s, _p, o in links if (o, RDF.type, SKOS.Concept) in g]
