"""``graphmap serve``: the support landscape in the browser (see :mod:`graphmap.serve`)."""
from __future__ import annotations

import threading
import webbrowser

import click

from graphmap.cli.common import DATA_ARGS, LANG, err_console, handle_errors, load_graph
from graphmap.i18n import LANGS, t


@click.command("serve")
@DATA_ARGS
@click.option("--port", "-p", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port att lyssna på / port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adress att lyssna på; annat än 127.0.0.1 gör datan synlig i nätverket / "
                   "address to listen on; anything but loopback makes the data visible on the network.")
@LANG
@click.option("--include-personal", is_flag=True,
              help="Visa personuppgifter (namn, e-post) / show personal data (names, e-mail).")
@click.option("--open", "open_browser", is_flag=True, help="Öppna webbläsaren / open the browser.")
@click.option("--sparql-timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Tidsgräns per SPARQL-fråga i sekunder / time limit per SPARQL query, seconds.")
@click.option("--sparql-limit", default=10_000, show_default=True, type=click.IntRange(1, 10_000_000),
              help="Högst så många rader per SPARQL-svar / at most this many rows per SPARQL answer.")
@click.option("--sparql-workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Antal processer för SPARQL-frågor / SPARQL worker processes.")
@handle_errors
def serve(data, port, host, lang, include_personal, open_browser, sparql_timeout, sparql_limit,
          sparql_workers):
    """Starta webbappen: stödlandskapet i webbläsaren, med en skrivskyddad SPARQL-ändpunkt.

    Start the web app: the support landscape in the browser, with a read-only SPARQL endpoint.
    Utan DATA används det medföljande datasetet. / Without DATA the bundled dataset is used.
    """
    from graphmap.serve import is_loopback, run

    if not is_loopback(host):
        err_console.print(t("cli.serve.exposed", lang, host=host), markup=False, soft_wrap=True)
    if include_personal:
        err_console.print(t("cli.serve.personal", lang), markup=False)
    kg = load_graph(data, lang)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"
    err_console.print(t("cli.serve.listening", lang, url=url), markup=False, soft_wrap=True)
    if open_browser:  # the app's own language is the default one; another is asked for in the address
        page = url if lang == LANGS[0] else f"{url}?lang={lang}"
        threading.Timer(1.0, webbrowser.open, args=(page,)).start()
    run(kg, host=host, port=port, lang=lang, include_personal=include_personal, sparql_workers=sparql_workers,
        sparql_timeout=sparql_timeout, sparql_limit=sparql_limit)


COMMANDS = [serve]
