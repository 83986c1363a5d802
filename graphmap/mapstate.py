"""The state of the map: per county, what is sourced, how old the sources are, and what is still
unknown (the ``mapping`` table, see ``data/landscape/README.md``).

A county is **mapped** when at least one of its questions (which organisation is the RSS, the FoU
units, which municipalities they cover, their areas, their memberships) is answered from a source
(``kartlagd`` or ``delvis``); it is **partly mapped** when some question is answered only in part
or not at all; **not mapped** ("ej kartlagd") when no question is answered. Only then does an
answer say "ej kartlagd": a county that is mapped but shows no support in an area is a real gap
as far as the sources go. Data without a ``mapping`` table (a region's own folder, synthetic
data) counts a county as mapped when some regional or local actor's coverage reaches it.

>>> rows = [{"county": "lan/09", "question": "q/rss", "status": "s/ingen-kalla-hittad", "state": "a"},
...         {"county": "lan/12", "question": "q/rss", "status": "s/kartlagd", "state": "b"},
...         {"county": "lan/12", "question": "q/fou", "status": "s/kartlagd", "state": "c"},
...         {"county": "lan/12", "question": "q/fou", "status": "s/ingen-kalla-hittad", "state": "d"}]
>>> states = county_states(rows, [], counties=["lan/09", "lan/12"])
>>> states["lan/09"].status, states["lan/12"].status, states["lan/12"].mapped
('ej-kartlagd', 'delvis', True)
>>> states["lan/12"].questions["fou"].status, states["lan/12"].unknown
('delvis', ['fou-tackning', 'omraden', 'medlemskap'])

How old a county's sources are is told from **its own** sources: a page that backs facts about
more than half of the counties (one national page applied to every county, such as "I varje län
finns en länsstyrelse") is a *national* source, counted once, apart (``CountyState.national``,
the same for every county), and never dates a county or makes it due for checking:

>>> rows = [{"county": c, "source": "national", "source_date": "2016"} for c in ("lan/09", "lan/12", "lan/20")]
>>> rows += [{"county": "lan/12", "source": "own", "source_date": "2026-02-04"}]
>>> states = county_states([], rows, counties=["lan/09", "lan/12", "lan/20"], today=dt.date(2026, 12, 1))
>>> states["lan/12"].sources.newest, states["lan/12"].sources.stale, states["lan/09"].sources.count
('2026-02-04', 0, 0)
>>> states["lan/09"].national is states["lan/12"].national, states["lan/12"].national.oldest, states["lan/12"].national.stale
(True, '2016', 1)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from graphmap.ontology import code_of

#: the questions every county's mapping answers, in order (``ontology/vocab/mapping-questions.ttl``)
QUESTIONS = ("rss", "fou", "fou-tackning", "omraden", "medlemskap")
ANSWERED = ("kartlagd", "delvis")
#: a source whose own date is older than this many years is flagged as due for checking
STALE_YEARS = 5
#: a source behind facts about more than this share of the counties is a national source: counted
#: once, apart from every county's own sources
NATIONAL_SHARE = 0.5


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


@dataclass
class QuestionState:
    """One question about one county: the best status its rows give, the answering actors, notes."""

    question: str
    status: str = "ingen-kalla-hittad"
    actors: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    seen: set = field(default_factory=set, repr=False)  # the statuses of its rows
    sources: list = field(default_factory=list)  # the sources of its rows (a search record for "no source found")
    urls: list = field(default_factory=list)  # their web addresses, where they have one

    def add(self, row: dict) -> None:
        """Count one ``mapping-state`` row: rows that disagree (a part sourced, the rest not) make
        the question answered in part."""
        status = code_of(row["status"])
        self.seen.add(status)
        self.status = (
            "kartlagd"
            if self.seen == {"kartlagd"}
            else "ingen-kalla-hittad"
            if not self.seen & set(ANSWERED)
            else "delvis"
        )
        if str(row.get("state")) not in self.rows:
            self.rows.append(str(row.get("state")))
            if row.get("note"):
                self.notes.append(str(row["note"]))
        for key, found in (("actor", self.actors), ("source", self.sources), ("url", self.urls)):
            if row.get(key) and str(row[key]) not in found:
                found.append(str(row[key]))


@dataclass
class SourceAges:
    """How old the sources about a county are: their own (stated) dates and the dates checked."""

    count: int = 0
    undated: int = 0
    oldest: str | None = None
    newest: str | None = None
    checked: str | None = None
    stale: int = 0
    sources: tuple = field(default=(), repr=False)  # the IRIs counted

    @classmethod
    def of(cls, rows: list[dict], today: dt.date | None = None) -> "SourceAges":
        """``rows``: ``mapping-sources`` rows (one per source) of one county.

        >>> SourceAges.of([{"source": "a", "source_date": "2015", "checked": "2026-12-01"},
        ...                {"source": "b", "source_date": "2023-06-07", "checked": "2026-12-01"},
        ...                {"source": "c", "source_date": None, "checked": None}], dt.date(2026, 12, 1))
        SourceAges(count=3, undated=1, oldest='2015', newest='2023-06-07', checked='2026-12-01', stale=1)
        """
        today = today or dt.date.today()
        seen, dates, checked = set(), [], []
        for row in rows:
            if str(row["source"]) in seen:
                continue
            seen.add(str(row["source"]))
            if row.get("source_date"):
                dates.append(str(row["source_date"]))
            if row.get("checked"):
                checked.append(str(row["checked"]))
        stale = sum(1 for d in dates if (_year(d) or today.year) < today.year - STALE_YEARS)
        return cls(
            len(seen),
            len(seen) - len(dates),
            min(dates) if dates else None,
            max(dates) if dates else None,
            max(checked) if checked else None,
            stale,
            tuple(sorted(seen)),
        )


@dataclass
class CountyState:
    """The state of one county's mapping."""

    county: str
    questions: dict
    sources: SourceAges
    legacy: bool = False  # no mapping table: mapped means "some source says something about it"
    covered: bool = False
    #: the national sources (:data:`NATIONAL_SHARE`): one page applied to many counties, counted
    #: once for the whole map (the same object in every county's state), never in ``sources``
    national: SourceAges = field(default_factory=SourceAges)

    @property
    def code(self) -> str:
        return code_of(self.county)

    @property
    def status(self) -> str:
        """``kartlagd`` (every question sourced), ``delvis`` or ``ej-kartlagd`` (none)."""
        if self.legacy:
            return "kartlagd" if self.covered else "ej-kartlagd"
        if not any(q.status in ANSWERED for q in self.questions.values()):
            return "ej-kartlagd"
        return "kartlagd" if all(q.status == "kartlagd" for q in self.questions.values()) else "delvis"

    @property
    def mapped(self) -> bool:
        return self.status != "ej-kartlagd"

    @property
    def unknown(self) -> list[str]:
        """The questions no source answers (``ingen-kalla-hittad`` or no row at all)."""
        return [q for q, s in self.questions.items() if s.status == "ingen-kalla-hittad"]

    @property
    def partly(self) -> list[str]:
        return [q for q, s in self.questions.items() if s.status == "delvis"]


def county_states(
    rows: list[dict],
    source_rows: list[dict],
    counties: list[str],
    covered: set[str] | None = None,
    today: dt.date | None = None,
) -> dict[str, CountyState]:
    """Aggregate ``mapping-state`` rows (and ``mapping-sources`` rows) into one state per county.

    Rows about national support (question ``nationellt``) do not make a county mapped. With no
    ``mapping`` rows at all, ``covered`` (the counties some source says something about: a regional
    or local actor's coverage, an actor in the county) decides: those are mapped, the others not.
    """
    by_county: dict[str, dict[str, QuestionState]] = {
        str(c): {q: QuestionState(q) for q in QUESTIONS} for c in counties
    }
    for row in rows:
        county, question = str(row["county"]), code_of(row["question"])
        if question not in QUESTIONS or county not in by_county:
            continue
        by_county[county][question].add(row)
    national = national_sources(source_rows, len(counties))
    sources: dict[str, list[dict]] = {}
    for row in source_rows:
        if str(row["source"]) not in national:
            sources.setdefault(str(row["county"]), []).append(row)
    shared = SourceAges.of([r for r in source_rows if str(r["source"]) in national], today)
    legacy = not rows
    states = {}
    for county, questions in by_county.items():
        if legacy:  # the questions were not asked: "not recorded", and coverage decides
            for q in questions.values():
                q.status = "ej-angivet"
        own = sources.get(county, [])
        states[county] = CountyState(
            county, questions, SourceAges.of(own, today), legacy, bool(covered and county in covered), shared
        )
    return states


def municipality_questions(rows: list[dict], municipality: str, county: str) -> dict[str, QuestionState]:
    """What the map knows about one municipality, per question (:data:`QUESTIONS`): the
    ``mapping-state`` rows about the municipality itself, else (for a question no row about it
    answers) its county's rows. A question no row answers at all is ``ej-angivet`` (no search is
    recorded: not known); data without a ``mapping`` table gives every question ``ej-angivet``.

    >>> rows = [{"place": "lan/12", "county": "lan/12", "question": "q/fou-tackning", "status": "s/delvis", "state": "a"},
    ...         {"place": "k/1214", "county": "lan/12", "question": "q/fou-tackning", "status": "s/ingen-kalla-hittad",
    ...          "state": "b", "source": "sokning"},
    ...         {"place": "lan/12", "county": "lan/12", "question": "q/rss", "status": "s/kartlagd", "state": "c",
    ...          "source": "src", "url": "https://example.org/rss"}]
    >>> qs = municipality_questions(rows, "k/1214", "lan/12")
    >>> [(q, s.status) for q, s in qs.items()][:3]
    [('rss', 'kartlagd'), ('fou', 'ej-angivet'), ('fou-tackning', 'ingen-kalla-hittad')]
    >>> qs["rss"].urls, municipality_questions(rows, "k/1280", "lan/12")["fou-tackning"].status
    (['https://example.org/rss'], 'delvis')
    """
    own: dict[str, list[dict]] = {}
    shared: dict[str, list[dict]] = {}
    for row in rows:
        place = str(row.get("place") or row["county"])
        if place == str(municipality):
            own.setdefault(code_of(row["question"]), []).append(row)
        elif place == str(county):
            shared.setdefault(code_of(row["question"]), []).append(row)
    out = {}
    for question in QUESTIONS:
        state = out[question] = QuestionState(question, status="ej-angivet")
        for row in own.get(question) or shared.get(question) or []:
            state.add(row)
    return out


def national_sources(source_rows: list[dict], counties: int) -> set[str]:
    """The sources behind facts about more than :data:`NATIONAL_SHARE` of ``counties`` counties:
    national pages (one page applied to every county), counted once, apart from each county's own.

    >>> rows = [{"county": c, "source": "lst"} for c in ("01", "03", "04")] + [{"county": "13", "source": "gr"},
    ...                                                                       {"county": "14", "source": "gr"}]
    >>> sorted(national_sources(rows, 5)), sorted(national_sources(rows, 21))
    (['lst'], [])
    """
    reach: dict[str, set[str]] = {}
    for row in source_rows:
        reach.setdefault(str(row["source"]), set()).add(str(row["county"]))
    return {s for s, c in reach.items() if len(c) > NATIONAL_SHARE * counties}


__all__ = [
    "QUESTIONS",
    "STALE_YEARS",
    "NATIONAL_SHARE",
    "national_sources",
    "QuestionState",
    "SourceAges",
    "CountyState",
    "county_states",
    "municipality_questions",
]
