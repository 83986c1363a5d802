"""``graphmap report``: the mapping report (kartläggningsrapport) as one HTML file plus a PNG."""

from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import DATA, LANG, fail, handle_errors, load_graph
from graphmap.cli.params import county_option, help_text
from graphmap.i18n import t


@click.command("report")
@click.option(
    "-o",
    "--output",
    default="out/rapport.html",
    show_default=True,
    type=click.Path(path_type=Path),
    help=help_text("cli.help.report.output"),
)
@county_option("Rapport för ett län (namn eller SCB-kod): luckor per kommun / report for one county.")
@click.option("--include-personal", is_flag=True, help=help_text("cli.help.report.include_personal"))
@click.option("--pdf", is_flag=True, help=help_text("cli.help.report.pdf"))
@click.option("--since", type=click.Path(path_type=Path, exists=True), help=help_text("round.help.since"))
@DATA
@LANG
@handle_errors
def report(output, county, include_personal, pdf, since, data, lang):
    """Skriv kartläggningsrapporten till styrgruppen / write the mapping report.

    Sammanfattning per nivå och typ, stöd per område, luckmatrisen (område × län,
    eller område × kommun med --county), kedjorna till nationell nivå, brobyggare,
    kartan, källor och säkerhet. En fil som fungerar utan nätverk.
    """
    from graphmap.report import write_report

    from graphmap.round.workbook import latest_snapshot

    kg = load_graph(data, lang, county)
    since = since or latest_snapshot(data)
    previous = load_graph([since], lang) if since else None
    html_path, png_path = write_report(
        kg, output, lang=lang, county=county, include_personal=include_personal, previous=previous
    )
    click.echo(t("cli.report.wrote", lang, html=html_path, png=png_path))
    if pdf:
        from graphmap.report.pdf import NoBrowser, print_pdf

        try:
            click.echo(t("cli.report.wrote_pdf", lang, pdf=print_pdf(html_path, html_path.with_suffix(".pdf"), lang)))
        except NoBrowser as exc:  # the HTML page is written: say how to get the PDF
            fail(str(exc))


COMMANDS = [report]
