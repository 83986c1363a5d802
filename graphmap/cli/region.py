"""``graphmap new-region``: templates for a region that maps itself."""
from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import DATA, LANG, fail, handle_errors, load_graph


@click.command("new-region")
@click.argument("name")
@click.option("--county", "-c", "counties", multiple=True, required=True, metavar="LÄN",
              help="Länskod eller namn (kan upprepas), t.ex. 24 / county code or name (repeatable).")
@click.option("-o", "--output", "parent", default=".", show_default=True, type=click.Path(path_type=Path),
              help="Mapp där regionmappen skapas / folder in which the region folder is created.")
@DATA
@LANG
@handle_errors
def new_region_cmd(name, counties, parent, data, lang):
    """Skapa mallar för en ny region / create templates for a new region.

    Skapar mappen NAME (som id) med en arbetsbok (ett blad per tabell, listor, länets kommuner),
    samma tabeller som CSV i csv/ och en README. Fyll i och kontrollera med `graphmap validate`.
    """
    from graphmap.region import RegionError, new_region

    kg = load_graph(data, lang)
    try:
        t = new_region(name, counties, parent, kg.graph)
    except RegionError as exc:
        fail(exc.message(lang))
    counties_text = ", ".join(f"{n} ({c})" for c, n in t.counties)
    if lang == "sv":
        click.echo(f"Skapade {t.folder}: {t.workbook.name} ({len(t.municipalities)} kommuner i {counties_text}), "
                   f"{len(t.csv_files)} CSV-mallar i csv/, README.md.")
        click.echo(f"Fyll i arbetsboken och kontrollera: graphmap validate {t.folder}")
    else:
        click.echo(f"Created {t.folder}: {t.workbook.name} ({len(t.municipalities)} municipalities in {counties_text}), "
                   f"{len(t.csv_files)} CSV templates in csv/, README.md.")
        click.echo(f"Fill in the workbook and check it: graphmap validate {t.folder}")


COMMANDS = [new_region_cmd]
