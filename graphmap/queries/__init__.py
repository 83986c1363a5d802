"""The mapping-query library: one ``.rq`` (and one ``.cypher``) per named question.

Each file starts with a header of ``# key: value`` lines::

    # name: support
    # title: Var finns stöd? | Where is support?
    # param: area | vocab:area | required | Verksamhetsområde | Area
    # column: actor | iri | Aktör | Actor

Every SPARQL text graphmap runs lives here. The named queries (this folder) are the ones people
ask: ``graphmap queries`` lists them and the web app offers them as forms and downloads. The
*internal* queries (``internal/``, headers with ``# internal: yes``) are the ones the map, the
report and the web pages compute their answers from; they have the same header, run through the
same :func:`graphmap.api.run_query`, have no Cypher twin and are never listed (:func:`internal`,
:func:`find`).

Parameters are bound by the engine (pyoxigraph substitutions, Neo4j parameters), never
pasted into the text; every parameter is a projected variable used only in plain triple
patterns, so an omitted optional parameter simply leaves that variable free.

>>> lib = library()
>>> sorted(lib)
['actor', 'brokers', 'chain', 'collaborations', 'coverage', 'gaps', 'networks', 'support']
>>> [p.name for p in lib["support"].params]
['area', 'municipality']
>>> find("map-nodes").internal, "map-nodes" in lib, find("support") is lib["support"]
(True, False, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

QUERY_DIR = Path(__file__).resolve().parent
INTERNAL_DIR = QUERY_DIR / "internal"


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # vocab:<scheme> | kommun | lan | actor | text
    required: bool
    label_sv: str
    label_en: str

    def label(self, lang: str = "sv") -> str:
        return self.label_sv if lang == "sv" else self.label_en


TERM_TYPES = ("iri", "concept", "relation", "property")
"""Column types whose values are RDF terms (IRIs): linked in the web app, IRIs in Neo4j's answers."""
LABELLED_TYPES = TERM_TYPES + ("route", "value")
"""Column types shown to people by a label (``<column>_label``) rather than by their raw value."""


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a query's answer, from a ``# column: name | type | Svenska | English`` line.

    The one rule of which columns carry labels: a column of a :data:`LABELLED_TYPES` type is
    shown by its ``<name>_label`` (see :meth:`graphmap.api.QueryResult.present`).

    >>> ColumnSpec("actor", "iri", "Aktör", "Actor").display_key, ColumnSpec("n", "number", "Antal", "Count").display_key
    ('actor_label', 'n')
    """

    name: str
    type: str  # iri | concept | number | boolean | route | relation | property | value | text | url (a web address)
    label_sv: str
    label_en: str

    def label(self, lang: str = "sv") -> str:
        return self.label_sv if lang == "sv" else self.label_en

    @property
    def holds_term(self) -> bool:
        """The values are RDF terms (IRIs of actors, concepts, relations …)."""
        return self.type in TERM_TYPES

    @property
    def labelled(self) -> bool:
        """People see this column's ``<name>_label``, not its raw value."""
        return self.type in LABELLED_TYPES

    @property
    def display_key(self) -> str:
        """The key of :meth:`graphmap.api.QueryResult.present`'s rows that people are shown."""
        return f"{self.name}_label" if self.labelled else self.name


@dataclass
class NamedQuery:
    name: str
    title: tuple[str, str]
    description: tuple[str, str]
    params: list[Param]
    columns: list[ColumnSpec]
    sparql: str
    path: Path
    engine: str = "sparql"
    examples: list[dict] = field(default_factory=list)
    internal: bool = False
    gathered: tuple[str, ...] = ()
    """Columns (``# gather: a b``) whose values are gathered into one list per row: rows equal in
    every other column are one row (:func:`graphmap.api.shape_rows`), e.g. an actor's kinds of
    support in one area through one route."""
    symmetric: tuple[str, ...] = ()
    """Two columns (``# symmetric: a b``) that name the two ends of a pair the query finds both ways
    round: a pair is one row, in the order of the two IRIs (:func:`graphmap.api.shape_rows`)."""

    def title_in(self, lang: str = "sv") -> str:
        return self.title[0] if lang == "sv" else self.title[1]

    def description_in(self, lang: str = "sv") -> str:
        return self.description[0] if lang == "sv" else self.description[1]

    @property
    def body(self) -> str:
        """The query text without its ``#`` header (what a person reads, e.g. on the SPARQL page).

        >>> q = find("sparql-example")
        >>> q.body.startswith("#"), q.sparql.rstrip().endswith(q.body), len(q.body) < len(q.sparql)
        (False, True, True)
        """
        lines = self.sparql.splitlines()
        start = 0
        while start < len(lines) and (lines[start].startswith("#") or not lines[start].strip()):
            start += 1
        return "\n".join(lines[start:]).rstrip()

    @property
    def cypher_path(self) -> Path:
        return self.path.with_suffix(".cypher")

    @property
    def cypher(self) -> str | None:
        return self.cypher_path.read_text(encoding="utf-8") if self.cypher_path.exists() else None


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|")]


def parse(path: Path) -> NamedQuery:
    """Read one query file and its header."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        key, sep, value = line[1:].strip().partition(":")
        if sep and key.strip().isidentifier():
            meta.setdefault(key.strip(), []).append(value.strip())
    params = []
    for spec in meta.get("param", []):
        name, ptype, req, sv, en = _split(spec)
        params.append(Param(name, ptype, req == "required", sv, en))
    columns = [ColumnSpec(*_split(spec)) for spec in meta.get("column", [])]
    examples = []
    for spec in meta.get("example", []):
        examples.append(dict(item.split("=", 1) for item in spec.split()))
    title_sv, title_en = _split(meta["title"][0])  # a header without both languages stops here
    description_sv, description_en = _split(meta["description"][0])
    return NamedQuery(
        name=meta["name"][0],
        title=(title_sv, title_en),
        description=(description_sv, description_en),
        params=params,
        columns=columns,
        sparql=text,
        path=path,
        engine=meta.get("engine", ["sparql"])[0],
        examples=examples,
        internal=meta.get("internal", ["no"])[0] == "yes",
        gathered=tuple(" ".join(meta.get("gather", [])).split()),
        symmetric=tuple(" ".join(meta.get("symmetric", [])).split()),
    )


@lru_cache(maxsize=1)
def library() -> dict[str, NamedQuery]:
    """The named queries people ask (listed, offered as forms and downloads), by name."""
    return {q.name: q for q in (parse(p) for p in sorted(QUERY_DIR.glob("*.rq"))) if not q.internal}


@lru_cache(maxsize=1)
def internal() -> dict[str, NamedQuery]:
    """The internal queries (``internal/*.rq``) the views' answers are computed from, by name.

    >>> q = internal()["source-info"]
    >>> [c.name for c in q.columns], q.params
    (['source', 'title', 'date', 'publisher'], [])
    """
    found = {q.name: q for q in (parse(p) for p in sorted(INTERNAL_DIR.glob("*.rq")))}
    for name, q in found.items():
        if not q.internal:
            raise ValueError(f"{q.path}: an internal query needs '# internal: yes'")
        if name in library():
            raise ValueError(f"{q.path}: the name {name!r} is also a named query")
    return found


def find(name: str) -> NamedQuery | None:
    """The named or internal query called ``name``, or None."""
    return library().get(name) or internal().get(name)
