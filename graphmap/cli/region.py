"""``graphmap new-region``: templates for a region that maps itself."""

from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import DATA, LANG, fail, handle_errors, load_graph
from graphmap.cli.params import county_option, help_text
from graphmap.i18n import t


@click.command("new-region")
@click.argument("name")
@county_option(
    "Länskod eller namn (kan upprepas), t.ex. 24 / county code or name (repeatable).", multiple=True, required=True
)
@click.option(
    "-o",
    "--output",
    "parent",
    default=".",
    show_default=True,
    type=click.Path(path_type=Path),
    help=help_text("cli.help.region.output"),
)
@DATA
@LANG
@handle_errors
def new_region_cmd(name, counties, parent, data, lang):
    """Skapa mallar för en ny region / create templates for a new region.

    Skapar mappen NAME (som id) med en arbetsbok (ett blad per tabell, listor, länets kommuner),
    samma tabeller som CSV i csv/ och en README. Fyll i och kontrollera med `graphmap validate`.
    """
    from graphmap.region import RegionError, new_region

    kg = load_graph(data, lang)  # the counties are resolved by new_region, with its own message
    try:
        made = new_region(name, counties, parent, kg.graph)
    except RegionError as exc:
        fail(exc.message(lang))
    counties_text = ", ".join(f"{n} ({c})" for c, n in made.counties)
    click.echo(
        t(
            "cli.region.created",
            lang,
            folder=made.folder,
            workbook=made.workbook.name,
            n=len(made.municipalities),
            counties=counties_text,
            csv=len(made.csv_files),
        )
    )
    click.echo(t("cli.region.next", lang, folder=made.folder))


COMMANDS = [new_region_cmd]
