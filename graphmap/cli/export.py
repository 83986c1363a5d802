"""``graphmap export ontology`` and ``graphmap export data``."""

from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import CONTACT_EMAIL, DATA, LANG, check_email, handle_errors, load_graph
from graphmap.i18n import MESSAGES, t
from graphmap.cli.params import help_text
from graphmap.export import FORMATS


@click.group("export")
def export_group():
    """Exportera modellen eller data / export the model or the data."""


@export_group.command("ontology")
@click.option(
    "-o",
    "--output",
    "output",
    default="out/ontology",
    show_default=True,
    type=click.Path(path_type=Path),
    help=help_text("cli.help.export.output"),
)
@DATA
@LANG
@handle_errors
def export_ontology_cmd(output, data, lang):
    """Ontologin (Turtle, RDF/XML), SKOS-vokabulärer, SHACL, JSON-LD-kontext och HTML-dokumentation.

    Exempel i dokumentationen hämtas ur data (standard: medföljande data); personuppgifter visas aldrig.
    / The ontology, vocabularies, shapes, JSON-LD context and HTML documentation (sv + en pages).
    """
    from graphmap.ontology_export import export_ontology

    kg = load_graph(data, lang)
    written = export_ontology(output, kg.graph)
    click.echo(t("cli.export.wrote_files", lang, n=len(written), output=output))
    for path in written:
        click.echo(f"  {path.name}")


@export_group.command("data")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="ttl",
    show_default=True,
    help=help_text("cli.help.export.format"),
)
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), help=help_text("cli.help.export.output_2"))
@click.option("--include-personal", is_flag=True, help=help_text("cli.help.export.include_personal"))
@DATA
@LANG
@handle_errors
def export_data_cmd(fmt, output, include_personal, data, lang):
    """Exportera grafen / export the graph: ttl, jsonld, graphml, gexf or csv (nodes.csv + edges.csv).

    Personuppgifter utelämnas om inte --include-personal anges; exporten säger vilket.
    """
    from graphmap.export import export_data

    kg = load_graph(data, lang)
    result = export_data(kg.graph, fmt, output, include_personal=include_personal, lang=lang)
    where = ", ".join(str(p) for p in result.paths)
    counts = ", ".join(f"{v} {_word(k, lang)}" for k, v in result.counts.items())
    click.echo(t("cli.export.wrote", lang, paths=where, counts=counts))
    click.echo(result.statement(lang))


@export_group.command("catalog")
@click.option(
    "-o",
    "--output",
    "output",
    default="out/catalog.ttl",
    show_default=True,
    type=click.Path(path_type=Path),
    help=help_text("cli.help.export.catalog_output"),
)
@click.option(
    "--base-url",
    "base",
    default="https://w3id.org/graphmap/",
    show_default=True,
    help=help_text("cli.help.export.base_url"),
)
@CONTACT_EMAIL
@DATA
@LANG
@handle_errors
def export_catalog_cmd(output, base, contact_email, data, lang):
    """Katalogpost enligt DCAT-AP(-SE) för dataportaler / the DCAT-AP(-SE) catalogue record for data portals.

    Datamängd, distributioner (en per format), SPARQL-tjänst, licens (CC0 1.0); utan personuppgifter.
    """
    from graphmap.catalog import DISTRIBUTIONS, to_turtle
    from graphmap.export import shareable_graph
    from graphmap.fileio import write_bytes_atomic

    check_email(contact_email, lang)
    kg = load_graph(data, lang)
    body = to_turtle(shareable_graph(kg.graph), base, contact_email)
    write_bytes_atomic(output, body)
    click.echo(
        t(
            "cli.export.wrote",
            lang,
            paths=output,
            counts=f"{len(DISTRIBUTIONS)} " + t("cli.export.count.distributions", lang),
        )
    )


def _word(key: str, lang: str) -> str:
    """What is counted (triples, nodes, edges) in ``lang``; an unknown kind by its own name."""
    return t(f"cli.export.count.{key}", lang) if f"cli.export.count.{key}" in MESSAGES else key


COMMANDS = [export_group]
