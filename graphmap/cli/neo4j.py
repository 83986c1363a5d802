"""``graphmap neo4j push|query|pull|status``: the graph in a Neo4j server.

The connection comes from NEO4J_URI (or --uri), NEO4J_USER and NEO4J_PASSWORD; a password is
never a command-line argument.
"""

from __future__ import annotations

import functools
from pathlib import Path

import click

from graphmap.cli.common import DATA_ARGS, FORMAT, LANG, emit_rows, err_console, fail, handle_errors, load_graph
from graphmap.cli.params import help_text, query_and_params
from graphmap.i18n import t

URI = click.option("--uri", default=None, metavar="URI", help=help_text("cli.help.neo4j.uri"))
DATASET = click.option("--dataset", default=None, metavar="NAMN", help=help_text("cli.help.neo4j.dataset"))


def neo4j_errors(func):
    """Connection, version, model and dataset problems -> one line on stderr, exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from neo4j.exceptions import DriverError, Neo4jError

        from graphmap.neo4j import ModelError, Neo4jUnavailable, PushError, UnknownDataset

        lang = kwargs.get("lang", "sv")
        try:
            return func(*args, **kwargs)
        except (Neo4jUnavailable, PushError, ModelError, UnknownDataset) as exc:
            fail(exc.message(lang))
        except Neo4jError as exc:
            fail(t("cli.neo4j.error", lang, message=(exc.message or str(exc)).splitlines()[0]))
        except (DriverError, ConnectionError) as exc:  # an exception without text: just its type's name
            fail(t("cli.neo4j.lost", lang, message=str(exc).splitlines()[0]) if str(exc) else type(exc).__name__)

    return wrapper


def _connect(uri):
    import logging

    from graphmap.neo4j import Settings, connect

    logging.getLogger("neo4j").setLevel(logging.ERROR)  # retries are reported by our own one-line errors
    return connect(Settings.from_env(uri=uri))


@click.group("neo4j")
def neo4j_group():
    """Grafen i en Neo4j-server / the graph in a Neo4j server.

    Anslutning: NEO4J_URI (eller --uri), NEO4J_USER, NEO4J_PASSWORD.
    Connection: NEO4J_URI (or --uri), NEO4J_USER, NEO4J_PASSWORD.
    """


@neo4j_group.command("push")
@DATA_ARGS
@DATASET
@URI
@click.option(
    "--batch-size",
    default=1000,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help=help_text("cli.help.neo4j.batch_size"),
)
@click.option("--without-personal", is_flag=True, help=help_text("cli.help.neo4j.without_personal"))
@LANG
@handle_errors
@neo4j_errors
def push_cmd(data, dataset, uri, batch_size, without_personal, lang):
    """För över grafen till Neo4j som ett namngivet dataset / push the graph as a named dataset.

    DATA som för `graphmap build` (standard: medföljande data, dataset "bundled"). En ny push
    ersätter exakt samma dataset och lämnar andra orörda; den som läser ser den gamla versionen
    tills den nya är helt skriven.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graphmap.neo4j import DEFAULT_DATASET, push
    from graphmap.neo4j.push import check_dataset

    dataset = check_dataset(dataset or DEFAULT_DATASET)
    kg = load_graph(data, lang)
    graph = kg.graph
    if without_personal:
        from graphmap.privacy import strip_personal

        graph = strip_personal(graph)
    with _connect(uri) as conn:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as bar:
            task = bar.add_task(t("cli.neo4j.writing", lang), total=None)

            def progress(_phase, done, total):
                bar.update(task, completed=done, total=total)

            result = push(conn, graph, dataset, batch_size=batch_size, progress=progress, layer=kg.support_layer)
    click.echo(
        t(
            "cli.neo4j.pushed",
            lang,
            dataset=result.dataset,
            version=result.version,
            nodes=result.nodes,
            relationships=result.relationships,
            batches=result.batches,
            removed_nodes=result.removed_nodes,
            removed_relationships=result.removed_relationships,
        )
    )


@neo4j_group.command("query")
@query_and_params
@DATASET
@URI
@LANG
@FORMAT
@handle_errors
@neo4j_errors
def query_cmd(name, params, dataset, uri, lang, fmt):
    """Kör en namngiven fråga i Cypher på Neo4j / run a named query in Cypher on Neo4j.

    Samma frågor, parametrar och svar som `graphmap query` (se `graphmap queries`). Utan
    --dataset frågas alla dataset i servern.
    """
    from graphmap.cli.core import param_pairs, show_result
    from graphmap.neo4j.query import run_cypher_query
    from graphmap.queries import library
    from graphmap.resolve import UnknownName

    if name not in library():
        raise UnknownName("query", name, sorted(library()))
    values = param_pairs(params, lang)
    with _connect(uri) as conn:
        result = run_cypher_query(conn, name, dataset=dataset, **values)
    show_result(result, fmt, lang)


@neo4j_group.command("pull")
@DATASET
@URI
@click.option(
    "-o",
    "--output",
    default="out/neo4j.ttl",
    show_default=True,
    type=click.Path(path_type=Path),
    help=help_text("cli.help.neo4j.output"),
)
@LANG
@handle_errors
@neo4j_errors
def pull_cmd(dataset, uri, output, lang):
    """Hämta ett dataset från Neo4j tillbaka till RDF / export a dataset from Neo4j back to RDF.

    Ändringar gjorda i Neo4j Browser följer med. Utan --dataset hämtas alla dataset.
    """
    from graphmap.fileio import write_graph
    from graphmap.neo4j import pull

    with _connect(uri) as conn:
        graph = pull(conn, dataset)
    write_graph(graph, output)
    click.echo(t("cli.neo4j.pulled", lang, output=output, triples=len(graph)))


@neo4j_group.command("status")
@URI
@LANG
@FORMAT
@handle_errors
@neo4j_errors
def status_cmd(uri, lang, fmt):
    """Server, dataset och antal noder per etikett / server, datasets and node counts per label."""
    import json

    from graphmap.neo4j.status import status

    with _connect(uri) as conn:
        info = status(conn)
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return
    click.echo(f"Neo4j {info['version']} ({info['edition']}) {info['uri']}")
    out = "csv" if fmt == "csv" else "table"
    emit_rows(
        info["datasets"],
        [("name", "Dataset"), ("version", "Version")]
        + [(k, t(f"cli.neo4j.{k}", lang)) for k in ("nodes", "relationships", "pushed_at", "staging")],
        out,
        title=t("cli.neo4j.datasets", lang),
        lang=lang,
    )
    emit_rows(
        info["labels"],
        [("label", t("cli.neo4j.label", lang)), ("nodes", t("cli.neo4j.nodes", lang))],
        out,
        title=t("cli.neo4j.nodes_per_label", lang),
        lang=lang,
    )


COMMANDS = [neo4j_group]
