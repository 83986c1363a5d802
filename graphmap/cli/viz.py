"""``graphmap viz``: the interactive level map as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import DATA, LANG, handle_errors, load_graph
from graphmap.cli.params import ACTOR, AREA, county_option, help_text
from graphmap.i18n import t


@click.command("viz")
@click.option(
    "-o",
    "--output",
    default="out/karta.html",
    show_default=True,
    type=click.Path(path_type=Path),
    help=help_text("cli.help.viz.output"),
)
@click.option("--area", default=None, type=AREA, help=help_text("cli.help.viz.area"))
@county_option("Bara ett län (namn eller SCB-kod), t.ex. 24 / only one county.")
@click.option("--focus", default=None, type=ACTOR, help=help_text("cli.help.viz.focus"))
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 10), help=help_text("cli.help.viz.depth"))
@click.option("--include-personal", is_flag=True, help=help_text("cli.help.viz.include_personal"))
@DATA
@LANG
@handle_errors
def viz(output, area, county, focus, depth, include_personal, data, lang):
    """Rita den interaktiva nivåkartan / draw the interactive level map.

    Nationell nivå överst, regional i mitten, lokal nederst; aktörerna i ett län
    står tillsammans. Sidan fungerar utan nätverk (inga externa resurser).
    """
    from graphmap.fileio import write_text_atomic
    from graphmap.viz import build_view, render_map_html

    kg = load_graph(data, lang, area, county, focus)
    view = build_view(
        kg, area=area, county=county, focus=focus, depth=depth, lang=lang, include_personal=include_personal
    )
    write_text_atomic(output, render_map_html(view, lang=lang, title=view["labels"]["title"]))
    n, e = len(view["nodes"]), len(view["edges"])
    click.echo(t("cli.viz.wrote", lang, output=output, nodes=n, edges=e))


COMMANDS = [viz]
