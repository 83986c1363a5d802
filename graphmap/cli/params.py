"""The commands' typed parameters: names resolved in the graph (areas and the other vocabularies,
municipalities, counties, actors) as click ``ParamType``\\ s with shell completion, the one DATA
and the one COUNTY definition every command shares, and the shortcut commands' options read from
their query's header.

A name is resolved in the graph the command reads, and which graph that is depends on ``--data``,
which may come after the name on the command line. So, like ``click.File(lazy=True)``, a
:class:`GraphName` converts what was typed into a :class:`Name` (the text, its type and the
parameter's name) and the name is resolved once the graph is loaded (:meth:`Name.resolve`, called
by :func:`graphmap.cli.common.load_graph`). An unknown name then gives the resolver's one line
("Okänt värde för area: … Menade du: …?") and exit code 2, as every error does.

Completion never builds the graph: areas (and every other vocabulary) come from the SKOS files,
municipalities and counties from the reference tables (``data/reference/``), actors from the
tables of the data folders (``--data``, else the bundled regions).

>>> area = GraphName("vocab:area")
>>> [c.value for c in area.shell_complete(None, None, "funk")]
['funktionshinder']
>>> [c.value for c in GraphName("lan").shell_complete(None, None, "västerb")]
['Västerbotten']
>>> name = area.convert("funktionshindr", None, None)
>>> name, name.ptype, name.param
('funktionshindr', 'vocab:area', 'area')
"""

from __future__ import annotations

import csv
import functools
import inspect
from functools import lru_cache
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from graphmap.i18n import MESSAGES, sv_sort_key, t
from graphmap.vocab import ascii_fold

TYPE_NAMES = {"kommun": "municipality", "lan": "county", "actor": "actor"}
"""The word for a parameter type: its metavar (``--municipality MUNICIPALITY``) and the default
parameter name in messages. A vocabulary type ``vocab:<scheme>`` is named by its scheme."""


class Name(str):
    """What a person typed for a name that is resolved in the graph.

    It is the text itself (a ``str``: commands hand it to the API as typed) and it knows its
    parameter type (``vocab:area``, ``kommun``, ``lan``, ``actor``) and the parameter's name for
    messages (``area``, ``county``, ``focus`` …).
    """

    ptype: str
    param: str

    def __new__(cls, text: str, ptype: str, param: str):
        self = super().__new__(cls, text)
        self.ptype, self.param = ptype, param
        return self

    def resolve(self, kg):
        """The term it names in ``kg``; raises :class:`graphmap.resolve.UnknownName` ("did you mean")."""
        return kg.resolver.resolve(self.ptype, str(self), self.param)


class GraphName(click.ParamType):
    """A parameter whose value names something in the graph: ``vocab:<scheme>``, ``kommun``,
    ``lan`` or ``actor`` (the types of the query headers). ``param`` names it in messages
    (default: the click parameter's name)."""

    def __init__(self, ptype: str, param: str | None = None):
        self.ptype, self.param = ptype, param
        self.name = TYPE_NAMES.get(ptype) or ptype.split(":", 1)[-1]

    def __repr__(self) -> str:
        return f"GraphName({self.ptype!r})"

    def convert(self, value, param, ctx):
        if isinstance(value, Name):
            return value
        return Name(str(value), self.ptype, self.param or (param.name if param is not None else self.name))

    def shell_complete(self, ctx, param, incomplete):
        lang = (ctx.params.get("lang") if ctx is not None else None) or "sv"
        data = (ctx.params.get("data") if ctx is not None else None) or ()
        return [
            CompletionItem(value, help=help_text) for value, help_text in candidates(self.ptype, incomplete, lang, data)
        ]


class QueryParam(click.ParamType):
    """``-p NAME=VALUE`` of ``graphmap query``: kept as typed (the query's own header types it when it
    runs); completion offers the parameters of the query named on the command line, then their
    values (``-p municipality=Um`` -> ``municipality=Umeå``)."""

    name = "param"

    def shell_complete(self, ctx, param, incomplete):
        from graphmap.queries import library

        if ctx is None:
            return []
        # while an option's value is completed click has not bound the positional NAME yet: it is
        # still among the unparsed arguments
        name = ctx.params.get("name") or next((a for a in ctx.args if not a.startswith("-")), "")
        query = library().get(name)
        if query is None:
            return []
        key, sep, partial = incomplete.partition("=")
        if not sep:
            return [
                CompletionItem(f"{p.name}=", help=p.label(ctx.params.get("lang") or "sv"))
                for p in query.params
                if p.name.startswith(key)
            ]
        ptype = next((p.type for p in query.params if p.name == key), None)
        if ptype is None:
            return []
        lang, data = ctx.params.get("lang") or "sv", ctx.params.get("data") or ()
        return [CompletionItem(f"{key}={value}", help=h) for value, h in candidates(ptype, partial, lang, data)]


def complete_query_name(ctx, param, incomplete) -> list[CompletionItem]:
    """Completion of ``graphmap query NAME``: the named queries, with their titles."""
    from graphmap.queries import library

    lang = (ctx.params.get("lang") if ctx is not None else None) or "sv"
    return [CompletionItem(name, help=q.title_in(lang)) for name, q in library().items() if name.startswith(incomplete)]


AREA = GraphName("vocab:area")
MUNICIPALITY = GraphName("kommun")
COUNTY = GraphName("lan")
ACTOR = GraphName("actor")

DATA_TYPE = click.Path(path_type=str)
"""Every command's data: region folders, workbooks (.xlsx) and built graph files (.ttl, .nt, .jsonld)."""


def help_text(key: str) -> str:
    """An option's help in both languages, ``svenska / english`` (the help is shown before
    ``--lang`` is read, so it carries both), from the catalogue's ``cli.help.*`` keys.

    >>> help_text("cli.help.common.lang")
    'Språk för etiketter och meddelanden / language of labels and messages.'
    """
    return f"{t(key, 'sv')} / {t(key, 'en')}"


# ---------------------------------------------------------------- DATA and COUNTY, one definition each


def DATA(func):  # used like the other shared options (LANG, FORMAT)
    """``-d/--data PATH`` (repeatable): the data a command reads; without it, the bundled data."""
    return click.option("--data", "-d", "data", multiple=True, type=DATA_TYPE, help=help_text("cli.help.data"))(func)


def DATA_ARGS(func):
    """DATA as positional arguments *and* ``-d/--data`` (build, validate, serve, neo4j push): both
    arrive merged, positional first, as ``data``."""

    @functools.wraps(func)
    def merged(*args, data_args=(), data=(), **kwargs):
        return func(*args, data=tuple(data_args) + tuple(data), **kwargs)

    return click.argument("data_args", metavar="[DATA]...", nargs=-1, type=DATA_TYPE)(DATA(merged))


def county_option(help: str, *, multiple: bool = False, required: bool = False):  # click's word
    """``-c/--county COUNTY``: a county by SCB code or name, resolved by the one county resolver.
    ``help`` says what the command does with it; ``multiple`` for the commands that take several
    (their value arrives as ``counties``)."""
    return click.option(
        "--county",
        "-c",
        "counties" if multiple else "county",
        type=COUNTY,
        multiple=multiple,
        required=required,
        help=help,
    )


# ---------------------------------------------------------------- options from a query header

RESERVED_FLAGS = {"-d", "-h", "-o", "-p"}
"""Short flags the commands use for themselves (data, help, output, --param)."""


def param_type(ptype: str) -> click.ParamType:
    """The click type of a query parameter type: a :class:`GraphName`, or text."""
    return click.STRING if ptype == "text" else GraphName(ptype)


def param_help(param, query) -> str:
    """A query parameter's help from its header line: label, what may be typed, the header's example.

    >>> from graphmap.queries import library
    >>> q = library()["support"]
    >>> param_help(q.params[1], q)
    'Kommun (namn eller kod), t.ex. Umeå / Municipality (name or code), e.g. Umeå.'
    """
    example = next((ex[param.name] for ex in query.examples if param.name in ex), None)
    hint_key = f"cli.help.hint.{param.type}"

    def one(lang: str) -> str:
        text = param.label(lang)
        if hint_key in MESSAGES:
            text += f" ({t(hint_key, lang)})"
        if example:
            text += t("cli.help.example", lang, value=example)
        return text

    return f"{one('sv')} / {one('en')}."


def header_params(query, argument: str | None = None):
    """Decorator: a shortcut command's parameters from ``query``'s header, in header order.

    Every ``# param:`` line becomes ``--<name>`` (plus ``-<first letter>`` when free) with the
    type's :class:`GraphName`, the header's labels (sv / en) and example as help, and the header's
    required-ness; ``argument`` names the one parameter typed positionally instead (``chain
    ACTOR``), described in the command's help. The command receives the values by parameter name,
    ``None`` when an optional one is left out. A header change changes the command.
    """

    def decorator(func):
        used = set(RESERVED_FLAGS)
        decorators, notes = [], []
        for p in query.params:
            if p.name == argument:
                decorators.append(click.argument(p.name, type=param_type(p.type), required=p.required))
                notes.append(f"{p.name.upper()}: {param_help(p, query)}")
                continue
            decls = [f"--{p.name.replace('_', '-')}"]
            short = f"-{p.name[0]}"
            if short not in used:
                decls.append(short)
                used.add(short)
            decorators.append(
                click.option(*decls, p.name, type=param_type(p.type), required=p.required, help=param_help(p, query))
            )
        if argument is not None and argument not in {p.name for p in query.params}:
            raise ValueError(f"{query.path}: no parameter {argument!r} for the argument")
        for deco in reversed(decorators):  # click lists parameters in the order they are declared
            func = deco(func)
        if notes:
            func.__doc__ = inspect.cleandoc(func.__doc__ or "") + "\n\n" + "\n\n".join(notes)
        return func

    return decorator


# ---------------------------------------------------------------- completion without the graph


def candidates(ptype: str, incomplete: str, lang: str = "sv", data=()) -> list[tuple[str, str]]:
    """(value, help) pairs for what may be typed for ``ptype``, starting like ``incomplete`` (case,
    spacing and diacritics ignored: ``umea`` completes ``Umeå``), without building the graph.

    >>> candidates("kommun", "umea")
    [('Umeå', '2480 Västerbottens län')]
    >>> candidates("lan", "24")
    [('24', 'Västerbottens län')]
    >>> candidates("actor", "FoU Soc")[:1]
    [('FoU Socialtjänst (Uppsala län)', 'fou-socialtjanst-uppsala')]
    """
    key = ascii_fold(incomplete)
    digits = incomplete.strip().isdigit()

    def starts(*texts) -> bool:
        return any(ascii_fold(text).startswith(key) for text in texts if text)

    if ptype.startswith("vocab:"):
        from graphmap.vocab import vocabularies

        scheme = ptype.split(":", 1)[1]
        return [
            (c.notation, c.label(lang))
            for c in vocabularies().concepts(scheme)
            if starts(c.notation, *c.labels.values(), *c.alt)
        ]
    if ptype == "kommun":
        if digits:
            return [(code, name) for code, name, _county in _municipalities() if code.startswith(incomplete.strip())]
        return [(name, f"{code} {county}") for code, name, county in _municipalities() if starts(name)]
    if ptype == "lan":
        if digits:
            return [(code, name) for code, name in _counties() if code.startswith(incomplete.strip())]
        # the short name ("Västerbotten"): the resolver takes it, and bash inserts a value as one word only
        # when it has no space (click's bash script does not quote)
        return [(_short(name), f"{code} {name}") for code, name in _counties() if starts(name, _short(name))]
    if ptype == "actor":
        out = []
        for slug, name in _actors(tuple(data)):
            if starts(name):
                out.append((name, slug))
            elif starts(slug):
                out.append((slug, name))
        return out + candidates("kommun", incomplete, lang)
    return []


def _short(county: str) -> str:
    """``Västerbottens län`` -> ``Västerbotten`` (the resolver accepts both)."""
    return county[:-5] if county.endswith("s län") else county[:-4] if county.endswith(" län") else county


def _rows(path: Path) -> list[dict]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except OSError:
        return []


@lru_cache(maxsize=1)
def _municipalities() -> list[tuple[str, str, str]]:
    from graphmap.ontology import REFERENCE_DIR

    return [(r["kommunkod"], r["kommun"], r["lan"]) for r in _rows(Path(REFERENCE_DIR) / "kommuner.csv")]


@lru_cache(maxsize=1)
def _counties() -> list[tuple[str, str]]:
    from graphmap.ontology import REFERENCE_DIR

    return [(r["lanskod"], r["lan"]) for r in _rows(Path(REFERENCE_DIR) / "lan.csv")]


@lru_cache(maxsize=8)
def _actors(data: tuple) -> list[tuple[str, str]]:
    """(id, Swedish name) of the actors and networks in the data folders' tables (workbooks and
    graph files are not read for completion)."""
    from graphmap.datasets import bundled_paths

    folders = [Path(p) for p in data] if data else bundled_paths()
    out: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for table in ("actors.csv", "networks.csv"):
            for path in sorted(folder.rglob(table)):
                for r in _rows(path):
                    if r.get("id"):
                        out.setdefault(r["id"], r.get("name_sv") or r["id"])
    return sorted(out.items(), key=lambda item: sv_sort_key(item[1]))


__all__ = [
    "ACTOR",
    "AREA",
    "COUNTY",
    "DATA",
    "DATA_ARGS",
    "DATA_TYPE",
    "GraphName",
    "MUNICIPALITY",
    "Name",
    "QueryParam",
    "candidates",
    "complete_query_name",
    "county_option",
    "header_params",
    "param_help",
    "param_type",
    "query_and_params",
]


def query_and_params(func):
    """The ``NAME`` argument (a named query) and its ``--param/-p NAMN=VÄRDE`` options, as
    ``graphmap query`` and ``graphmap neo4j query`` both take them."""
    func = click.option(
        "--param",
        "-p",
        "params",
        multiple=True,
        type=QueryParam(),
        metavar="NAMN=VÄRDE",
        help=help_text("cli.help.core.param"),
    )(func)
    return click.argument("name", shell_complete=complete_query_name)(func)
