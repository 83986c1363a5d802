"""What every command shares: data and language options, output formats, clean errors.

Every text a command prints comes from the catalogue (``cli.*`` keys of :mod:`graphmap.i18n.catalogue`).
"""

from __future__ import annotations

from decimal import Decimal

import functools
import json
import re
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from graphmap.api import MissingParameter
from graphmap.fileio import RemoteContext
from graphmap.cli.params import DATA, DATA_ARGS, Name, help_text  # noqa: F401 - re-exported: the shared DATA
from graphmap.i18n import t
from graphmap.problems import IngestError, echo
from graphmap.resolve import UnknownName
from graphmap.tabular import csv_text

err_console = Console(stderr=True, highlight=False, emoji=False)  # ":date:" in a column name is text

LANG = click.option(
    "--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True, help=help_text("cli.help.common.lang")
)
FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help=help_text("cli.help.common.format"),
)

CONTACT_EMAIL = click.option(
    "--contact-email", "contact_email", default=None, help=help_text("cli.help.export.contact_email")
)
"""The publisher's functional e-mail address for the catalogue record (DCAT-AP-SE makes it mandatory)."""


def check_email(value: str | None, lang: str) -> str | None:
    """``value`` if it is an e-mail address a ``mailto:`` IRI can carry (``data@region.se``); else exit 2 naming it."""
    if value is not None and not re.fullmatch(r"[^@\s<>\"{}|\\^`%]+@[^@\s<>\"{}|\\^`%]+\.[A-Za-z]{2,}", value):
        fail(t("cli.export.bad_email", lang, value=echo(value)))
    return value


RECORD = click.option(
    "--record", type=click.Path(path_type=Path), default=None, help=help_text("cli.help.sources.record")
)


def fail(message: str, code: int = 2) -> None:
    err_console.print(message, markup=False, soft_wrap=True)
    sys.exit(code)


#: the most problem lines one command prints (the rest are counted in one line): an input that gives
#: 200,000 warnings must not give 200,000 lines
MAX_PRINTED = 1_000


def print_problems(problems, lang: str) -> None:
    for p in problems[:MAX_PRINTED]:
        err_console.print(f"{t(f'cli.severity.{p.severity}', lang)}: {p.format(lang)}", markup=False, soft_wrap=True)
    if len(problems) > MAX_PRINTED:
        err_console.print(t("cli.more_problems", lang, n=len(problems) - MAX_PRINTED), markup=False, soft_wrap=True)


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
            fail(t("cli.input_errors", lang, n=len(errors)))
        except UnknownName as exc:
            fail(exc.message(lang))
        except MissingParameter as exc:
            fail(exc.message(lang))
        except BrokenPipeError:
            sys.exit(0)
        except RemoteContext as exc:
            fail(remote_context_problem(exc).format(lang))
        except OSError as exc:
            fail(t("cli.write_failed", lang, path=exc.filename or "", reason=exc.strerror))
        except Exception:  # a broken graph file given as DATA: one line naming it, not the parser's traceback
            problem = broken_graph_file(kwargs.get("data"))
            if problem is None:
                raise
            fail(problem.format(lang))

    return wrapper


def remote_context_problem(exc):
    """The problem of a JSON-LD file whose context names another document (nothing was fetched)."""
    from graphmap.problems import Problem

    return Problem(exc.path, None, None, "remote_context", params={"value": exc.url})


def broken_graph_file(data):
    """The problem of the first graph file in DATA that cannot be parsed (only asked once reading failed)."""
    from graphmap.fileio import GRAPH_SUFFIXES, RemoteContext, read_graph
    from graphmap.problems import Problem

    for path in [p for p in (data or ()) if str(p).lower().endswith(tuple(GRAPH_SUFFIXES))]:
        try:
            read_graph([path])
        except RemoteContext as exc:
            return remote_context_problem(exc)
        except Exception as exc:  # rdflib's parsers raise many kinds
            why, line = getattr(exc, "_why", None), getattr(exc, "lines", None)  # Turtle's BadSyntax
            reason = (why or (str(exc).strip().splitlines() or [type(exc).__name__])[0]).rstrip(". ")
            return Problem(
                str(path),
                line + 1 if isinstance(line, int) else None,
                None,
                "bad_graph_file",
                params={"reason": reason},
            )
    return None


def load_graph(data, lang: str = "sv", *names):
    """The graph for a command that reads it: from the last build when the tables are unchanged
    (:mod:`graphmap.buildcache`), else built again (and cached).

    ``names`` are the command's typed names (:class:`graphmap.cli.params.Name`; ``None`` for one
    left out): each is resolved in the graph, in order, before the command does anything, so an
    unknown one stops it with the resolver's message. A former name is resolved to the current
    organisation, and the command says so (on stderr, so that CSV and JSON stay clean).
    """
    from graphmap import buildcache

    kg = buildcache.open(list(data) if data else None, lang=lang)
    for name in names:
        if isinstance(name, Name):
            name.resolve(kg)
            note = kg.resolver.note(name.ptype, str(name), lang)
            if note:
                click.echo(note, err=True)
    return kg


def emit_rows(
    rows: list[dict],
    columns: list[tuple[str, str]],
    fmt: str,
    title: str | None = None,
    lang: str = "sv",
    width: int = 220,
) -> None:
    """Write rows as a rich table, CSV or JSON. ``columns`` are (key, heading); ``width``: the
    table's width when the output is not a terminal (a pipe, a file)."""
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
        table.add_row(*[_text(row.get(k), lang) for k, _h in columns])
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=width)
    console.print(table)


def _text(value, lang: str = "sv") -> str:
    from rich.markup import escape

    if value is None:
        return ""
    if isinstance(value, bool):
        return t("cli.yes" if value else "cli.no", lang)
    if isinstance(value, (list, tuple)):  # a gathered column of text (the web addresses of a fact's sources)
        return "; ".join(_text(v, lang) for v in value if v not in (None, ""))
    if isinstance(value, (float, Decimal)):
        return str(value).replace(".", t("cli.decimal_mark", lang))  # tables only; CSV/JSON keep the point
    return escape(str(value))
