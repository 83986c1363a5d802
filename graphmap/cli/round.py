"""``graphmap round``: the yearly mapping round (see :mod:`graphmap.round`).

``start`` makes the workbooks, ``read`` checks returned ones and shows what they would change,
``apply`` writes the answers as the round's tables, ``status`` says where the round stands and
``changes`` what changed between two data versions.
"""

from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import DATA, FORMAT, LANG, emit_rows, fail, handle_errors, load_graph, print_problems
from graphmap.cli.params import county_option, help_text
from graphmap.i18n import t


def _round_error(func):
    """A round's own errors (no such round, a folder in use …) as one line and exit code 2."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from graphmap.round.workbook import RoundError

        try:
            return func(*args, **kwargs)
        except RoundError as exc:
            fail(exc.message(kwargs.get("lang", "sv")))

    return wrapper


@click.group("round")
def round_group():
    """Den årliga kartläggningsrundan / the yearly mapping round.

    Skicka varje kommun det graphmap tror om den (en arbetsbok), läs in svaren, se vad som ändrats.
    Send each municipality what graphmap believes about it (a workbook), read the answers back, see what changed.
    """


@round_group.command("start")
@click.argument("name")
@county_option(help_text("round.help.county"), multiple=True)
@click.option("--municipality", "-m", "municipalities", multiple=True, help=help_text("round.help.municipality"))
@click.option("--actor", "actors", multiple=True, help=help_text("round.help.actor"))
@click.option("--deadline", help=help_text("round.help.deadline"))
@click.option("--year", type=click.IntRange(2000, 2100), help=help_text("round.help.year"))
@click.option(
    "-o", "--output", "parent", default=None, type=click.Path(path_type=Path), help=help_text("round.help.output")
)
@DATA
@LANG
@handle_errors
@_round_error
def start_cmd(name, counties, municipalities, actors, deadline, year, parent, data, lang):
    """Skapa rundans arbetsböcker / make the round's workbooks (one per municipality or actor)."""
    from graphmap.ingest.cells import parse_date
    from graphmap.workspace import rounds_dir
    from graphmap.round.workbook import start_round

    if deadline and parse_date(deadline) is None:
        fail(t("round.cli.bad_deadline", lang, value=deadline))
    kg = load_graph(data, lang, *counties)
    who = [m for c in counties for m in _municipalities_of(kg, c)] + list(municipalities) + list(actors)
    made = start_round(
        kg, name, who, parent if parent is not None else rounds_dir(), deadline=deadline, year=year, lang=lang
    )
    click.echo(t("round.cli.started", lang, folder=made.folder, n=len(made.workbooks), version=made.data_version))
    emit_rows(
        [{"code": c, "name": n, "lines": lines, "assumed": a} for c, n, lines, a in made.respondents],
        [
            ("code", t("round.cli.code", lang)),
            ("name", t("round.cli.name", lang)),
            ("lines", t("round.cli.lines", lang)),
            ("assumed", t("round.cli.assumed", lang)),
        ],
        "table",
        lang=lang,
    )
    click.echo(t("round.cli.started_next", lang, folder=made.folder))


def _municipalities_of(kg, county) -> list[str]:
    from graphmap.api import run_query

    iri = str(kg.resolver.county(county))
    return sorted(str(r["code"]) for r in run_query(kg, "report-municipalities").rows if str(r["county"]) == iri)


def _readback(folder, returned, data, lang, replace):
    from graphmap.round.readback import read_returns

    kg = load_graph(data, lang)
    back = read_returns(folder, list(returned) or None, kg=kg, replace=replace)
    print_problems(back.problems, lang)
    for line in back.preview(lang):
        click.echo(line)
    return back


@round_group.command("read")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("returned", nargs=-1, type=click.Path(path_type=Path, exists=True))
@DATA
@LANG
@handle_errors
@_round_error
def read_cmd(folder, returned, data, lang):
    """Kontrollera returnerade arbetsböcker och visa vad de skulle ändra (inget skrivs) /
    check returned workbooks and show what they would change (nothing is written).

    FOLDER är rundans mapp; RETURNED filer eller mappar (standard: FOLDER/svar).
    """
    back = _readback(folder, returned, data, lang, replace=False)
    errors = back.errors
    click.echo(t("round.cli.read_summary", lang, n=len(back.returned), changes=len(back.changes()), errors=len(errors)))
    if back.skipped:
        click.echo(t("round.cli.skipped", lang, n=len(back.skipped)))
    if errors:
        if back.returned and back.held:
            click.echo(t("round.cli.would_hold", lang, n=len(back.held), files=", ".join(sorted(set(back.held)))))
        fail(t("round.error.has_errors", lang, n=len(errors)))


@round_group.command("apply")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("returned", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option("--replace", is_flag=True, help=help_text("round.help.replace"))
@click.option("--alla", "--all", "require_all", is_flag=True, help=help_text("round.help.require_all"))
@DATA
@LANG
@handle_errors
@_round_error
def apply_cmd(folder, returned, replace, require_all, data, lang):
    """Läs in svaren som rundans egna tabeller / apply the answers as the round's own tables.

    Samma kontroller som read. De felfria arbetsböckerna läses in och flyttas till svar/inlasta/; de
    med fel hålls kvar med sina fel (slutkod 1). Med --alla skrivs ingenting om en enda har fel.
    """
    from graphmap.round.apply import ApplyRefused, apply_returns

    back = _readback(folder, returned, data, lang, replace=replace)
    if back.errors and require_all:
        fail(t("round.error.require_all", lang, n=len(back.errors)))
    if not back.returned:
        if back.errors:
            fail(t("round.error.has_errors", lang, n=len(back.errors)))
        if back.skipped:
            click.echo(t("round.cli.skipped", lang, n=len(back.skipped)))
            return
        fail(t("round.error.nothing", lang))
    try:
        applied = apply_returns(back, require_all=require_all)
    except ApplyRefused as exc:  # another apply took these respondents' answers meanwhile
        print_problems(exc.errors, lang)
        fail(t("round.error.has_errors", lang, n=len(exc.errors)))
    if applied.respondents:
        click.echo(
            t(
                "round.cli.applied",
                lang,
                n=len(applied.answers),
                needs=len(applied.needs),
                respondents=", ".join(applied.respondents),
                files=", ".join(p.name for p in applied.written),
            )
        )
    if applied.archived:
        click.echo(t("round.cli.archived", lang, folder=applied.archived[0].parent, n=len(applied.archived)))
    if back.skipped:
        click.echo(t("round.cli.skipped", lang, n=len(back.skipped)))
    click.echo(t("round.cli.applied_next", lang, folder=folder))
    if applied.held:
        fail(t("round.cli.held", lang, n=len(applied.held), files=", ".join(applied.held)), 1)


def _chosen(manifest: dict, names, actors: bool, lang: str) -> dict[str, str]:
    """The round's respondents (code -> name) that links are for: the municipalities (and the actors
    with ``actors``), or those named (a code or a name)."""
    asked = {code: e["name"] for code, e in manifest["respondents"].items()}
    if not names:
        return {c: n for c, n in asked.items() if actors or c.isdigit()}
    out = {}
    for name in names:
        found = [c for c, n in asked.items() if name == c or str(name).casefold() == n.casefold()]
        if not found:
            fail(t("answer.cli.not_asked", lang, name=name, round=manifest["name"]))
        out[found[0]] = asked[found[0]]
    return out


@round_group.command("links")
@click.argument("name")
@click.option("--actor", "actors", is_flag=True, help=help_text("answer.help.actor"))
@click.option("--municipality", "-m", "municipalities", multiple=True, help=help_text("answer.help.municipality"))
@click.option(
    "--public-url", default="http://127.0.0.1:8765", show_default=True, help=help_text("answer.help.public_url")
)
@click.option(
    "--grace", default=14, show_default=True, type=click.IntRange(0, 365), help=help_text("answer.help.grace")
)
@click.option("--csv", "csv_path", type=click.Path(path_type=Path, dir_okay=False), help=help_text("answer.help.csv"))
@LANG
@handle_errors
@_round_error
def links_cmd(name, actors, municipalities, public_url, grace, csv_path, lang):
    """Privata länkar att svara i webbläsaren / private links to answer in the browser.

    En länk per kommun (och aktör med --actor); en ny länk ersätter den gamla. NAME är rundans
    namn eller mapp. Länkarna skrivs ut och som CSV (utanför rundans mapp); bara deras hash sparas.
    """
    from graphmap.fileio import write_bytes_atomic
    from graphmap.round.links import find_round, issue, links_csv
    from graphmap.round.workbook import read_manifest
    from graphmap.workspace import workspace

    folder = find_round(name)
    manifest = read_manifest(folder)
    chosen = _chosen(manifest, municipalities, actors, lang)
    if not chosen:
        fail(t("answer.cli.nobody", lang))
    made = issue(folder, chosen, public_url, grace_days=grace)
    csv_path = csv_path or workspace() / f"{manifest['round']}-lankar.csv"
    write_bytes_atomic(csv_path, links_csv(made), private=True)
    emit_rows(
        [{"code": x.respondent, "name": x.name, "url": x.url, "expires": x.expires} for x in made],
        [
            ("code", t("round.cli.code", lang)),
            ("name", t("round.cli.name", lang)),
            ("url", t("answer.web.link", lang)),
            ("expires", t("answer.web.link_valid", lang, expires="").strip()),
        ],
        "table",
        lang=lang,
    )
    click.echo(t("answer.cli.issued", lang, n=len(made), round=manifest["name"], csv=csv_path))


@round_group.command("revoke")
@click.argument("name")
@click.option(
    "--municipality", "-m", "municipalities", multiple=True, required=True, help=help_text("answer.help.municipality")
)
@LANG
@handle_errors
@_round_error
def revoke_cmd(name, municipalities, lang):
    """Återkalla en länk / revoke a link (a new one is issued with round links -m)."""
    from graphmap.round.links import find_round, revoke
    from graphmap.round.workbook import read_manifest

    folder = find_round(name)
    manifest = read_manifest(folder)
    for code, label in _chosen(manifest, municipalities, True, lang).items():
        if revoke(folder, code):
            click.echo(t("answer.cli.revoked", lang, name=label))
        else:
            fail(t("answer.cli.no_link", lang, name=label), 1)


def _web_status(folder, fmt, lang) -> None:
    """The answers in the browser and the audit log of the round in ``folder`` (:func:`graphmap.round.webanswer.web_state`)."""
    from graphmap.round.webanswer import web_state

    state = web_state(folder, lang)
    if fmt == "table":
        click.echo(t("answer.cli.web_head", lang, round=state.round))
    emit_rows(
        [{"code": r["code"], "name": r["name"], "link": r["link"], "state": r["said"]} for r in state.respondents],
        [
            ("code", t("round.cli.code", lang)),
            ("name", t("round.cli.name", lang)),
            ("link", t("answer.web.link", lang)),
            ("state", t("answer.web.state", lang)),
        ],
        fmt,
        lang=lang,
    )
    if fmt == "table" and state.audit:
        emit_rows(
            [{"time": e["time"], "name": e["name"], "text": e["text"]} for e in state.audit],
            [
                ("time", t("answer.web.time", lang)),
                ("name", t("round.cli.name", lang)),
                ("text", t("answer.web.what", lang)),
            ],
            "table",
            title=t("answer.web.audit", lang, n=len(state.audit)),
            lang=lang,
        )


@round_group.command("settle")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("ids", nargs=-1, required=True)
@click.option("--accept", "decision", flag_value="accepted", help=help_text("round.help.accept"))
@click.option("--reject", "decision", flag_value="rejected", help=help_text("round.help.reject"))
@click.option("--note", default="", help=help_text("round.help.note"))
@DATA
@LANG
@handle_errors
@_round_error
def settle_cmd(folder, ids, decision, note, data, lang):
    """Avgör svar att granska / accept or reject answers to review.

    IDS är svarens id som graphmap round status visar under Att granska (t.ex. 2481-3). Beslutet
    sparas i rundans answers.csv; nästa bygge lägger på ett godtaget svar.
    """
    from graphmap.round.apply import SettleRefused, settle_answers
    from graphmap.round.status import round_status
    from graphmap.round.workbook import read_manifest

    if decision is None:
        fail(t("round.error.settle_how", lang))
    kg = load_graph(data, lang)
    ident = read_manifest(folder)["round"]
    states = [s for s in round_status(kg, lang) if s.ident == ident] or round_status(kg, lang)
    reviewable = {r["id"] for s in states for r in (*s.to_review, *s.settled) if r["effect"] != "recorded"}
    try:
        settle_answers(folder, ids, decision, note=note, reviewable=reviewable)
    except SettleRefused as exc:
        fail(t("round.error.not_reviewable", lang, ids=", ".join(exc.unknown) or "–"))
    click.echo(
        t("round.cli.settled", lang, decision=t(f"round.effect.{decision}", lang), ids=", ".join(ids), folder=folder)
    )


@round_group.command("status")
@DATA
@FORMAT
@click.option("--round", "round_name", help=help_text("answer.help.round"))
@LANG
@handle_errors
@_round_error
def status_cmd(data, fmt, round_name, lang):
    """Var rundan står: vilka som svarat, öppna antaganden, behov utan stöd / where the round stands.

    Med --round även svaren via webben och loggen / with --round also the answers in the browser and the log.
    """
    from graphmap.round.status import round_status

    if round_name:
        from graphmap.round.links import find_round

        _web_status(find_round(round_name), fmt, lang)
        if fmt != "table":
            return
    kg = load_graph(data, lang)
    states = round_status(kg, lang)
    if not states:
        fail(t("round.cli.no_round", lang), 1)
    for s in states:
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "answered": r.answered or t("round.cli.not_answered", lang),
                "answers": r.answers,
                "open": r.open_assumptions,
            }
            for r in s.respondents
        ]
        if fmt == "table":
            click.echo(s.summary(lang))
        emit_rows(
            rows,
            [
                ("code", t("round.cli.code", lang)),
                ("name", t("round.cli.name", lang)),
                ("answered", t("round.cli.answered", lang)),
                ("answers", t("round.cli.answers", lang)),
                ("open", t("round.cli.open", lang)),
            ],
            fmt,
            lang=lang,
        )
        for title, items in (("round.cli.review_head", s.to_review), ("round.cli.settled_head", s.settled)):
            if fmt == "table" and items:
                emit_rows(
                    [
                        {**x, "decision": t(f"round.effect.{x['decision']}", lang) if x["decision"] else ""}
                        for x in items
                    ],
                    [
                        ("id", t("round.cli.id", lang)),
                        ("respondent", t("round.cli.name", lang)),
                        ("text", t("round.column.text", lang)),
                        ("fact_source", t("round.column.source", lang)),
                        ("said", t("round.web.review_said", lang)),
                        *([("decision", t("round.cli.decision", lang))] if title.endswith("settled_head") else []),
                    ],
                    "table",
                    title=t(title, lang),
                    lang=lang,
                )
        if fmt == "table" and s.needs_without_support:
            emit_rows(
                s.needs_without_support,
                [
                    ("respondent", t("round.cli.name", lang)),
                    ("need", t("round.cli.need", lang)),
                    ("areas", t("round.column.area", lang)),
                    ("level", t("round.cli.level", lang)),
                ],
                "table",
                title=t("round.cli.unmet", lang),
                lang=lang,
            )


@round_group.command("changes")
@click.argument("old", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@DATA
@FORMAT
@LANG
@handle_errors
def changes_cmd(old, data, fmt, lang):
    """Förändringar sedan förra versionen / what changed since an earlier data version.

    OLD är den tidigare versionen: en byggd graf (t.ex. dataversion-….nt i en rundas mapp) eller
    datamappar. Den nya är --data (standard: det medföljande datasetet).
    """
    from graphmap.round.diff import changes

    before = load_graph(old, lang)
    after = load_graph(data, lang)
    found = changes(before, after)
    rows = [{**c.as_dict(lang), "kind": t(f"round.change.{c.kind}", lang)} for c in found.items]
    if fmt == "table":
        click.echo(t("round.cli.changes_head", lang, old=", ".join(map(str, old)), n=found.total))
    emit_rows(
        rows,
        [
            ("kind", t("round.cli.change", lang)),
            ("what", t("round.cli.what", lang)),
            ("before", t("round.cli.before", lang)),
            ("after", t("round.cli.after", lang)),
            ("said", t("round.cli.said", lang)),
        ],
        fmt,
        lang=lang,
    )


COMMANDS = [round_group]
