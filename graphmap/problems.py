"""Problems found in input (tables, graph files, returned workbooks, queries), in Swedish and English.

Every problem names the file (or workbook sheet), the row (as the spreadsheet
numbers it, header = row 1) and the column, says what is wrong and how to fix it.

>>> p = Problem("actors.csv", 4, "level", "unknown_vocab", params={"value": "regionl", "scheme": "level", "suggestions": ["regional"]})
>>> p.format("sv")
'actors.csv, rad 4, kolumn level: "regionl" finns inte i listan level. Menade du: regional?'
>>> p.format("en")
'actors.csv, row 4, column level: "regionl" is not in the list level. Did you mean: regional?'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphmap.i18n import lang_key, t

MAX_ECHO = 80


def echo(value: str, limit: int = MAX_ECHO) -> str:
    """A value as a message repeats it: at most ``limit`` characters, then "…".

    >>> echo("x" * 100) == "x" * 80 + "…"
    True
    """
    return value if len(value) <= limit else value[:limit] + "…"


#: the parameters that repeat what the input said: cut to 80 characters + "…" (:func:`echo`), so that no
#: message grows with the input (a 1 MB cell gives a message under 1 KB)
ECHOED = ("column", "value", "value_a", "value_b", "sheet", "suggestion", "chain", "read_as", "reason", "name")

# Every problem's texts are in the catalogue (graphmap.i18n.catalogue.INGEST): "ingest.what.<code>"
# says what is wrong, "ingest.fix.<code>" how to fix it; suggestions read "error.did_you_mean".


@dataclass
class Problem:
    file: str
    row: int | None
    column: str | None
    code: str
    severity: str = "error"
    params: dict = field(default_factory=dict)
    #: the catalogue section of its texts: ``<section>.what.<code>`` and ``<section>.fix.<code>``
    #: (``round`` for the mapping round's returned workbooks and answers, :mod:`graphmap.i18n.round`)
    section: str = "ingest"

    def where(self, lang: str = "sv") -> str:
        row_word, col_word = t("ingest.row", lang), t("ingest.column", lang)
        parts = [self.file]
        if self.row is not None:
            parts.append(f"{row_word} {self.row}")
        if self.column:
            parts.append(f"{col_word} {echo(self.column)}")
        return ", ".join(parts)

    def what(self, lang: str = "sv") -> str:
        return _fill(t(f"{self.section}.what.{self.code}", lang), self, lang)

    def fix(self, lang: str = "sv") -> str:
        template = t(f"{self.section}.fix.{self.code}", lang)
        suggestions = self.params.get("suggestions")
        if suggestions:
            return t("error.did_you_mean", lang, names=", ".join(suggestions))
        return _fill(template, self, lang)

    def format(self, lang: str = "sv") -> str:
        return f"{self.where(lang)}: {self.what(lang)}. {self.fix(lang)}"

    def as_dict(self, lang: str = "sv") -> dict:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.what(lang),
            "fix": self.fix(lang),
        }


def _fill(template: str, problem: Problem, lang: str = "sv") -> str:
    """Fill a message; a parameter given as ``{"sv": …, "en": …}`` is taken in ``lang``."""
    values = {"column": problem.column or "", **problem.params}
    lang = lang_key(lang)
    values = {k: (v.get(lang) or v.get("en", "")) if isinstance(v, dict) else v for k, v in values.items()}
    values.update({k: echo(values[k]) for k in ECHOED if isinstance(values.get(k), str)})
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


class IngestError(Exception):
    """Raised when input tables have errors; ``problems`` holds every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in the input tables")
