"""``graphmap synth``: write a synthetic national dataset (for scale tests and demos)."""
from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import LANG, fail, handle_errors
from graphmap.i18n import t


@click.command("synth")
@click.option("--scale", type=float, default=1.0, show_default=True,
              help="Storlek: 1 ≈ en verklig nationell kartläggning, 100 ≈ en miljon tripplar / "
                   "size: 1 ≈ a real national mapping, 100 ≈ one million triples.")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Mapp där en undermapp per län (och en nationell) skrivs / folder for one subfolder per county.")
@click.option("--seed", type=int, default=1, show_default=True,
              help="Samma frö ger samma filer / the same seed gives the same files.")
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
    click.echo(t("cli.synth.wrote", lang, folders=len(folders), rows=rows, output=output, scale=f"{scale:g}",
                 seed=seed))
    click.echo(t("cli.synth.next", lang, output=output))


COMMANDS = [synth]
