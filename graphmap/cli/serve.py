"""``graphmap serve``: the support landscape in the browser (see :mod:`graphmap.serve`)."""

from __future__ import annotations

import threading
import webbrowser

import click

from graphmap.cli.common import (
    CONTACT_EMAIL,
    DATA_ARGS,
    LANG,
    check_email,
    err_console,
    fail,
    handle_errors,
    load_graph,
)
from graphmap.i18n import LANGS, t
from graphmap.cli.params import help_text


def _setting(name: str, default, kind):
    """A setting of the server (passed on to :func:`graphmap.serve.run` by name); its help is the
    catalogue's ``cli.help.serve.<name>``."""
    return click.option(
        name,
        default=default,
        show_default=True,
        type=kind,
        help=help_text("cli.help.serve." + name[2:].replace("-", "_")),
    )


@click.command("serve")
@DATA_ARGS
@click.option(
    "--port",
    "-p",
    default=8765,
    show_default=True,
    type=click.IntRange(0, 65535),
    help=help_text("cli.help.serve.port"),
)
@click.option("--host", default="127.0.0.1", show_default=True, help=help_text("cli.help.serve.host"))
@LANG
@click.option("--include-personal", is_flag=True, help=help_text("cli.help.serve.include_personal"))
@click.option("--open", "open_browser", is_flag=True, help=help_text("cli.help.serve.open"))
@click.option("--since", type=click.Path(exists=True), help=help_text("round.help.since"))
@click.option("--round", "round_name", help=help_text("answer.help.round"))
@click.option("--public-url", help=help_text("answer.help.public_url"))
@_setting("--sparql-timeout", 10.0, click.FloatRange(0.1, 3600))
@_setting("--sparql-limit", 10_000, click.IntRange(1, 10_000_000))
@_setting("--sparql-workers", 2, click.IntRange(1, 64))
@_setting("--sparql-query-bytes", 100_000, click.IntRange(100, 100_000_000))
@_setting("--sparql-result-bytes", 64_000_000, click.IntRange(1000, 10_000_000_000))
@_setting("--sparql-memory", 1024.0, click.FloatRange(0, 1_000_000))
@_setting("--sparql-queue", 8, click.IntRange(0, 10_000))
@_setting("--sparql-answers-mb", 256.0, click.FloatRange(1, 1_000_000))
@_setting("--send-timeout", 30.0, click.FloatRange(0.1, 3600))
@_setting("--read-timeout", 15.0, click.FloatRange(0.1, 3600))
@_setting("--cache-mb", 256.0, click.FloatRange(0, 1_000_000))
@CONTACT_EMAIL
@handle_errors
def serve(data, port, host, lang, include_personal, open_browser, since, round_name, public_url, **settings):
    """Starta webbappen: stödlandskapet i webbläsaren, med en skrivskyddad SPARQL-ändpunkt.

    Start the web app: the support landscape in the browser, with a read-only SPARQL endpoint.
    Utan DATA används det medföljande datasetet. / Without DATA the bundled dataset is used.
    """
    from graphmap.serve import is_loopback, run

    check_email(settings.get("contact_email"), lang)
    if not is_loopback(host):
        err_console.print(t("cli.serve.exposed", lang, host=host), markup=False, soft_wrap=True)
    if include_personal:
        err_console.print(t("cli.serve.personal", lang), markup=False)
    from graphmap.round.workbook import latest_snapshot

    round_folder = None
    if round_name:
        from graphmap.round.links import PREFIX, find_round
        from graphmap.round.workbook import RoundError, read_manifest

        round_folder = find_round(round_name)
        try:
            manifest = read_manifest(round_folder)
        except RoundError as exc:
            fail(exc.message(lang))
        err_console.print(t("answer.cli.serving", lang, round=manifest["name"], prefix=PREFIX), markup=False)
    kg = load_graph(data, lang)
    since = since or latest_snapshot(data)
    previous = load_graph([since], lang) if since else None
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"
    err_console.print(t("cli.serve.listening", lang, url=url), markup=False, soft_wrap=True)
    if open_browser:  # the app's own language is the default one; another is asked for in the address
        page = url if lang == LANGS[0] else f"{url}?lang={lang}"
        threading.Timer(1.0, webbrowser.open, args=(page,)).start()
    run(
        kg,
        host=host,
        port=port,
        lang=lang,
        include_personal=include_personal,
        previous=previous,
        round_folder=round_folder,
        public_url=public_url,
        **settings,
    )


COMMANDS = [serve]
