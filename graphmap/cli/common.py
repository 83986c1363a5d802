"""What every command shares: data and language options, output formats, clean errors."""
from __future__ import annotations

import functools
import json
import sys

import click
from rich.console import Console
from rich.table import Table

from graphmap.api import MissingParameter, build
from graphmap.ingest.problems import IngestError
from graphmap.resolve import UnknownName
from graphmap.tabular import csv_text

err_console = Console(stderr=True, highlight=False)

LANG = click.option("--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True,
                    help="Språk för etiketter och meddelanden / language of labels and messages.")
FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
                      help="Utdata: tabell för människor, csv eller json för program / output format.")
DATA = click.option("--data", "-d", "data", multiple=True, type=click.Path(path_type=str),
                    help="Regionmapp, arbetsbok (.xlsx) eller byggd graf (.ttl); kan upprepas. Standard: medföljande data.")


def fail(message: str, code: int = 2) -> None:
    err_console.print(message, markup=False, soft_wrap=True)
    sys.exit(code)


def print_problems(problems, lang: str) -> None:
    for p in problems:
        tag = ("FEL" if p.severity == "error" else "VARNING") if lang == "sv" else p.severity.upper()
        err_console.print(f"{tag}: {p.format(lang)}", markup=False, soft_wrap=True)


def handle_errors(func):
    """Turn expected failures (bad tables, unknown names, broken pipes) into one-line messages, exit 2."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        lang = kwargs.get("lang", "sv")
        try:
            return func(*args, **kwargs)
        except IngestError as exc:
            errors = [p for p in exc.problems if p.severity == "error"]
            print_problems(errors, lang)
            fail((f"{len(errors)} fel i indata; inget skrevs." if lang == "sv"
                  else f"{len(errors)} error(s) in the input; nothing was written."))
        except UnknownName as exc:
            fail(exc.message(lang))
        except MissingParameter as exc:
            fail(exc.message(lang))
        except BrokenPipeError:
            sys.exit(0)
        except OSError as exc:
            fail(f"{'Kunde inte skriva' if lang == 'sv' else 'Could not write'}: {exc.filename or ''} ({exc.strerror})")
    return wrapper


def load_graph(data, lang: str = "sv"):
    """The graph for a command that reads it: from the last build when the tables are unchanged
    (:mod:`graphmap.buildcache`), else built again (and cached)."""
    from graphmap import buildcache
    return buildcache.open(list(data) if data else None, lang=lang)


def emit_rows(rows: list[dict], columns: list[tuple[str, str]], fmt: str, title: str | None = None) -> None:
    """Write rows as a rich table, CSV or JSON. ``columns`` are (key, heading)."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    if fmt == "csv":
        click.echo(csv_text(rows, list(rows[0].keys()) if rows else [k for k, _h in columns]), nl=False)
        return
    table = Table(title=title, show_lines=False, header_style="bold")
    for _key, heading in columns:
        table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*[_text(row.get(k)) for k, _h in columns])
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=220)
    console.print(table)


def _text(value) -> str:
    from rich.markup import escape
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    return escape(str(value))
