"""``graphmap synth``: write a synthetic national dataset (for scale tests and demos)."""

from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import LANG, fail, handle_errors
from graphmap.i18n import t
from graphmap.cli.params import help_text


@click.command("synth")
@click.option("--scale", type=float, default=1.0, show_default=True, help=help_text("cli.help.synth.scale"))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help=help_text("cli.help.synth.output"))
@click.option("--seed", type=int, default=1, show_default=True, help=help_text("cli.help.synth.seed"))
@LANG
@handle_errors
def synth(scale, output, seed, lang):
    """Skapa SYNTETISKA testdata för hela landet / write SYNTHETIC test data for the whole country.

    Alla 290 kommuner och 21 län (referensdata) med påhittade FoU-enheter, stödstrukturer,
    nätverk, stöd, behov och aktiviteter. Varje rad har källan "SYNTETISKA DATA" och säkerheten
    assumed. Bygg sedan med: graphmap build MAPP/*
    """
    from graphmap import synth as generator

    if scale <= 0 or scale > 1000:
        fail(t("cli.synth.bad_scale", lang))
    folders = generator.write(output, scale, seed)
    rows = sum(f.read_text(encoding="utf-8").count("\n") - 1 for d in folders for f in d.glob("*.csv"))
    click.echo(
        t("cli.synth.wrote", lang, folders=len(folders), rows=rows, output=output, scale=f"{scale:g}", seed=seed)
    )
    click.echo(t("cli.synth.next", lang, output=output))


COMMANDS = [synth]
