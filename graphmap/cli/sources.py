"""graphmap sources check / due: are the source pages still where the facts say?"""

from __future__ import annotations

import click

from graphmap.cli.common import DATA, FORMAT, LANG, RECORD, emit_rows, err_console, handle_errors, load_graph
from graphmap.cli.params import help_text
from graphmap.i18n import t


@click.group("sources")
def sources_group():
    """Källornas webbsidor / the sources' web pages: check them, list what is due."""


def _show(checks, fmt: str, lang: str, everything: bool) -> None:
    from graphmap.sources import due_counts

    rows = [
        {
            "verdict": c.verdict,
            "verdict_label": t(f"cli.sources.verdict.{c.verdict}", lang),
            "source": c.source,
            "title": c.title,
            "url": c.url,
            "final_url": c.record.get("final_url"),
            "status": c.record.get("status"),
            "last_modified": c.record.get("last_modified"),
            "facts_checked": c.checked,
            "visited": c.record.get("visited"),
            "error": c.record.get("error"),
        }
        for c in checks
        if everything or c.due
    ]
    order = {"gone": 0, "moved": 1, "changed": 2, "unreachable": 3, "ok": 4}
    rows.sort(key=lambda r: (order[r["verdict"]], r["source"]))
    if fmt != "table":
        emit_rows(rows, [], fmt, lang=lang)
    else:
        heads = [
            ("verdict_label", "verdict"),
            ("title", "title_col"),
            ("url", "url"),
            ("final_url", "final_url"),
            ("status", "status"),
            ("last_modified", "last_modified"),
            ("facts_checked", "facts_checked"),
        ]
        emit_rows(
            rows,
            [(k, t(f"cli.sources.{h}", lang)) for k, h in heads],
            "table",
            title=t("cli.sources.title", lang),
            lang=lang,
        )
    err_console.print(t("cli.sources.summary", lang, **due_counts(checks)), markup=False)


def _listing(func):
    """The options both commands take (data, record, --all, language, format) and the error handling."""
    everything = click.option("--all", "everything", is_flag=True, help=help_text("cli.help.sources.all"))
    for decorator in (handle_errors, FORMAT, LANG, everything, RECORD, DATA):
        func = decorator(func)
    return func


@sources_group.command("check")
@_listing
def check_cmd(data, record, everything, lang, fmt):
    """Besök varje källas webbadress och lista sidorna som är borta, flyttade eller ändrade /
    visit every source's web address and list the pages gone, moved or changed.

    Bara detta kommando besöker sidorna (en begäran per adress, begränsad i tid och storlek; en
    omdirigering till en annan värd följs inte utan sägs). Resultatet sparas i arbetsmappens source-checks.json.
    / Only this command visits the pages (one request per address, bounded in time and size; a
    redirect to another host is not followed but reported). The result is kept in the workspace's source-checks.json.
    """
    from graphmap.sources import check_sources
    from graphmap.workspace import source_checks_file

    kg = load_graph(data, lang)
    checks = check_sources(
        kg,
        record,
        progress=lambda c: err_console.print(
            f"{t(f'cli.sources.verdict.{c.verdict}', lang)}: {c.url}", markup=False, highlight=False, soft_wrap=True
        ),
    )
    _show(checks, fmt, lang, everything)
    err_console.print(t("cli.sources.wrote", lang, path=record or source_checks_file()), markup=False)


@sources_group.command("due")
@_listing
def due_cmd(data, record, everything, lang, fmt):
    """Sidorna som den senaste kontrollen fann borta, flyttade eller ändrade (inga besök) /
    the pages the last check found gone, moved or changed (no visits)."""
    from graphmap.sources import page_checks

    kg = load_graph(data, lang)
    _show(page_checks(kg, record), fmt, lang, everything)


COMMANDS = [sources_group]
