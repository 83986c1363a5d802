"""build, validate, queries, query and the shortcuts support, gaps, chain.

The shortcuts' options (names, types, help, required-ness) come from their query's header
(:func:`graphmap.cli.params.header_params`), so a header change changes the command.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from graphmap.api import build, list_queries, run_query
from graphmap.cli.common import (
    DATA,
    DATA_ARGS,
    FORMAT,
    LANG,
    RECORD,
    emit_rows,
    err_console,
    fail,
    handle_errors,
    load_graph,
    print_problems,
)
from graphmap.cli.params import county_option, header_params, help_text, query_and_params
from graphmap.export import BUILD_OUTPUT, write_built_graph
from graphmap.i18n import t
from graphmap.queries import library


@click.command("build")
@DATA_ARGS
@click.option("-o", "--output", type=click.Path(path_type=Path), help=help_text("cli.help.core.output"))
@click.option("--include-personal", is_flag=True, help=help_text("cli.help.core.include_personal"))
@LANG
@handle_errors
def build_cmd(data, output, include_personal, lang):
    """Bygg den validerade grafen från tabellerna / build the validated graph from the tables.

    DATA är regionmappar eller arbetsböcker (.xlsx); flera slås ihop till en graf. En redan byggd graf
    (.ttl, .nt …) valideras och skrivs om, t.ex. som .nt.
    """
    kg, ingest_problems = _built(data, lang)
    problems = ingest_problems + kg.validation.problems
    print_problems([p for p in problems if p.severity == "warning" and p.code != "assumed"], lang)
    if not kg.validation.conforms:
        print_problems(kg.validation.errors, lang)
        fail(t("cli.build.invalid", lang))
    output = output or Path(BUILD_OUTPUT[include_personal])
    triples = write_built_graph(kg, output, include_personal)
    if kg.ingest is None:  # built graph files: no tables behind them
        click.echo(t("cli.build.wrote_graph", lang, output=output, triples=triples, inputs=", ".join(data)))
    else:
        assumed = sum(p.code == "assumed" for p in kg.ingest.problems)
        click.echo(
            t(
                "cli.build.wrote",
                lang,
                output=output,
                triples=triples,
                rows=len(kg.ingest.rows),
                datasets=", ".join(kg.ingest.datasets),
                assumed=assumed,
            )
        )
        click.echo(", ".join(f"{k}: {v}" for k, v in _counts(kg).items()))
    click.echo(t("cli.build.with_personal" if include_personal else "cli.build.without_personal", lang))


def _built(data, lang: str):
    """The graph of DATA and the problems of its tables; built graph files (.ttl, .nt …) have no
    tables, so only the graph is validated (SHACL)."""
    kg = build(list(data) or None, lang=lang)
    if kg.validation is None:
        from graphmap.validate import validate_store

        kg.validation = validate_store(kg.store, lang, literals=True)
    return kg, (kg.ingest.problems if kg.ingest is not None else [])


def _counts(kg) -> dict:
    out: dict[str, int] = {}
    for _ds, table, _n, _iri in kg.ingest.rows:
        out[table] = out.get(table, 0) + 1
    return out


@click.command("validate")
@DATA_ARGS
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help=help_text("cli.help.core.strict"))
@LANG
@handle_errors
def validate_cmd(data, fmt, strict, lang):
    """Kontrollera tabellerna och grafen (SHACL) / check the tables and the graph (SHACL).

    Varje problem anges med fil (eller blad), rad och kolumn, vad som är fel och hur det rättas.
    Slutkod 2 vid fel, 0 om det bara finns varningar.
    """
    from graphmap.api import stale_sources
    from graphmap.ingest import IngestError

    try:
        kg, ingest_problems = _built(data, lang)
        problems = ingest_problems + kg.validation.problems + stale_sources(kg)
    except IngestError as exc:
        problems = exc.problems
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    if fmt == "json":
        click.echo(
            json.dumps(
                {"errors": len(errors), "warnings": len(warnings), "problems": [p.as_dict(lang) for p in problems]},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print_problems(errors + warnings, lang)
        summary = t("cli.validate.counts", lang, errors=len(errors), warnings=len(warnings))
        summary += " " + t("cli.validate.fix" if errors else "cli.validate.ok", lang)
        err_console.print(summary, markup=False)
    sys.exit(2 if errors or (strict and warnings) else 0)


@click.command("queries")
@LANG
@FORMAT
def queries_cmd(lang, fmt):
    """Lista de namngivna kartläggningsfrågorna / list the named mapping queries."""
    rows = [
        {
            "name": q.name,
            "title": q.title_in(lang),
            "params": ", ".join(f"{p.name}{'' if p.required else '?'}" for p in q.params),
            "description": q.description_in(lang),
        }
        for q in list_queries()
    ]
    keys = ["name", "title", "params", "description"]
    emit_rows(rows, [(k, t(f"cli.queries.{k}", lang)) for k in keys], fmt, lang=lang)


def param_pairs(pairs, lang: str = "sv") -> dict:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            fail(t("cli.param_syntax", lang, pair=repr(pair)))
        out[key.strip()] = value
    return out


def show_result(result, fmt: str, lang: str, hidden: tuple[str, ...] = ()) -> None:
    """Print a query's answer; ``hidden``: columns the table leaves to the other formats."""
    rows = result.present(lang)
    q = result.query
    if fmt == "table":
        cols = [(c.display_key, c.label(lang)) for c in q.columns if c.name not in hidden]
        emit_rows(rows, cols, fmt, title=q.title_in(lang), lang=lang)
        err_console.print(t("cli.rows", lang, n=len(rows)), markup=False)
    else:
        emit_rows(rows, [(c.name, c.name) for c in q.columns], fmt, lang=lang)


@click.command("query")
@query_and_params
@DATA
@LANG
@FORMAT
@handle_errors
def query_cmd(name, params, data, lang, fmt):
    """Kör en namngiven fråga / run a named query (see `graphmap queries`)."""
    if name not in library():
        from graphmap.resolve import UnknownName

        raise UnknownName("query", name, sorted(library()))
    from graphmap.api import answer_note

    kg = load_graph(data, lang)
    result = run_query(kg, name, **param_pairs(params, lang))
    show_result(result, fmt, lang)
    note = answer_note(result, lang)  # an answer about a municipality: what the map does not know about it
    if note:
        err_console.print(note, markup=False)


@click.command("support")
@header_params(library()["support"])
@click.option("--stated-only", is_flag=True, help=help_text("cli.help.core.stated_only"))
@DATA
@LANG
@FORMAT
@handle_errors
def support_cmd(data, lang, fmt, stated_only, **values):
    """Var finns stöd? / where is support for an area (for a municipality)?"""
    from graphmap.api import answer_note, with_places

    kg = load_graph(data, lang, *values.values())
    result = run_query(kg, "support", **values)
    # an area alone: each row says which municipalities it reaches (the lists of codes in json/csv)
    result = with_places(result.stated_only() if stated_only else result, lang)
    show_result(result, fmt, lang, hidden=("counties", "municipalities"))
    note = answer_note(result, lang)
    if note:
        err_console.print(note, markup=False)


@click.command("gaps")
@header_params(library()["gaps"])
@click.option("--detail", is_flag=True, help=help_text("cli.help.core.detail"))
@DATA
@LANG
@FORMAT
@handle_errors
def gaps_cmd(detail, data, lang, fmt, **values):
    """Luckor: var saknas stöd och nätverk? / gaps: where is support or a network missing?

    Utan --detail: en matris område × län (eller × kommun för ett län) med andelen kommuner som har stöd.
    """
    from graphmap.api import gap_matrix
    from graphmap.ontology import code_of

    kg = load_graph(data, lang, *values.values())
    if detail or fmt != "table":
        show_result(run_query(kg, "gaps", **values), fmt, lang)
        return
    matrix = gap_matrix(kg, county=values.get("county"))
    rows = []
    for area in matrix.areas:
        row = {"area": kg.label(area, lang)}
        for col in matrix.columns:
            row[col] = matrix.cell(area, col).mark(matrix.by, lang)
        rows.append(row)
    heads = [("area", t("gaps.area", lang))] + [
        (c, code_of(c) if matrix.by == "county" else kg.label(c, lang)) for c in matrix.columns
    ]
    widest = max([len(t("gaps.not_mapped", lang))] + [len(str(v)) for r in rows for v in r.values()]) + 3
    emit_rows(
        rows, heads, "table", title=t(f"gaps.legend_{matrix.by}", lang), lang=lang, width=max(220, widest * len(heads))
    )  # a pipe gets every cell on one line
    if matrix.by == "county":
        err_console.print("; ".join(f"{code_of(c)} {kg.label(c, lang)}" for c in matrix.columns), markup=False)
    if any(cell.partly_mapped(matrix.by) for cell in matrix.cells.values()):
        err_console.print(t("gaps.partly_legend", lang), markup=False)
    if matrix.unmapped_columns:
        err_console.print(t("gaps.not_mapped_note", lang), markup=False)


@click.command("chain")
@header_params(library()["chain"], argument="actor")
@DATA
@LANG
@FORMAT
@handle_errors
def chain_cmd(data, lang, fmt, **values):
    """Kedjan från en aktör (t.ex. en kommun) till nationell nivå / the chain to the national level."""
    kg = load_graph(data, lang, *values.values())
    show_result(run_query(kg, "chain", **values), fmt, lang)


@click.command("state")
@county_option(help_text("cli.help.state.county"))
@DATA
@RECORD
@LANG
@FORMAT
@handle_errors
def state_cmd(county, data, record, lang, fmt):
    """Kartläggningsläget per län: vad som har källa, hur gamla källorna är, vad som inte är känt /
    the state of the map per county: what is sourced, how old the sources are, what is unknown."""
    from graphmap.api import map_state
    from graphmap.mapstate import QUESTIONS, STALE_YEARS
    from graphmap.ontology import code_of, concept_iri
    from graphmap.sources import due_summary

    kg = load_graph(data, lang, county)
    states = map_state(kg)
    due = due_summary(kg, states, record)
    if county:
        wanted = str(kg.resolver.county(county))
        states = {k: v for k, v in states.items() if k == wanted}
    question = {q: kg.label(concept_iri("mapping-question", q), lang) for q in QUESTIONS}
    word = {
        s: t(f"cli.state.{s}", lang) for s in ("kartlagd", "delvis", "ingen-kalla-hittad", "ej-kartlagd", "ej-angivet")
    }
    rows = []
    for iri, state in states.items():
        row = {"county": code_of(iri), "county_label": kg.label(iri, lang), "status": state.status}
        for q in QUESTIONS:
            row[q] = state.questions[q].status
            if county:
                row[f"{q}_actors"] = [kg.label(a, lang) for a in state.questions[q].actors]
                row[f"{q}_notes"] = state.questions[q].notes
        row.update(_ages(state.sources) | {"due": due.by_county.get(iri, 0) if due.last else None})
        rows.append(row)
    national = next(iter(map_state(kg).values())).national if states else None
    if national is not None and national.count:  # one national page applied to every county: counted once, apart
        rows.append(
            {
                "county": "",
                "county_label": t("cli.state.national", lang),
                "status": None,
                **{q: None for q in QUESTIONS},
                **_ages(national),
                "due": due.national if due.last else None,
            }
        )
    if fmt != "table":
        emit_rows(rows, [], fmt, lang=lang)
        return
    shown = [{**r, "status": word.get(r["status"], ""), **{q: word.get(r[q], "") for q in QUESTIONS}} for r in rows]
    heads = (
        [("county_label", t("cli.state.county", lang)), ("status", t("cli.state.status", lang))]
        + [(q, question[q]) for q in QUESTIONS]
        + [(k, t(f"cli.state.{k}", lang)) for k in ("sources", "oldest", "newest", "undated", "stale", "due")]
    )
    emit_rows(shown, heads, "table", title=t("cli.state.title", lang), lang=lang)
    for r in rows if county else []:
        for q in QUESTIONS if r["county"] else []:
            if r[f"{q}_actors"] or r[f"{q}_notes"]:
                click.echo(f"{question[q]}: " + "; ".join(r[f"{q}_actors"] + r[f"{q}_notes"]))
    if national is not None and national.count:
        click.echo(
            t(
                "cli.state.national_note",
                lang,
                label=t("cli.state.national", lang),
                **_ages(national),
                count=national.count,
            )
        )
    click.echo(due.text(lang))
    err_console.print(t("cli.state.legend", lang, years=STALE_YEARS), markup=False)


def _ages(src) -> dict:
    """A :class:`graphmap.mapstate.SourceAges` as the columns of ``graphmap state``."""
    return {
        "sources": src.count,
        "oldest": src.oldest,
        "newest": src.newest,
        "undated": src.undated,
        "checked": src.checked,
        "stale": src.stale,
    }


COMMANDS = [build_cmd, validate_cmd, queries_cmd, query_cmd, support_cmd, gaps_cmd, chain_cmd, state_cmd]
