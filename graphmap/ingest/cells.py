"""Parse single cells: numbers with decimal comma, dates, years, URLs, e-mail addresses.

>>> parse_decimal("0,5")
Decimal('0.5')
>>> parse_date("2022-12-16")
('2022-12-16', 'date')
>>> parse_date("221216") is None
True
>>> parse_date("2023-02-30") is None      # no such day: a problem, never an invalid xsd:date
True
>>> url_fault("https://example.se/{x}")
'{'
>>> url_fault("https://example.se/a%C3%A5") is None
True
"""

from __future__ import annotations

import calendar
import os
import re
from decimal import Decimal, InvalidOperation

#: the longest cell read (characters); longer ones are a problem, found before any other work.
#: A setting: GRAPHMAP_MAX_CELL.
MAX_CELL = int(os.environ.get("GRAPHMAP_MAX_CELL") or 10_000)
#: the longest value a message repeats; longer ones end in "…", so no message grows with the input
#: the largest magnitude a number may have (10^15) and the most decimals it may have (12): every
#: serialisation (Turtle, N-Triples, JSON-LD, Neo4j, HTML) writes such a number out in full
MAX_EXPONENT = 15
MAX_DECIMALS = 12
#: characters that change how text around them is shown without being seen: bidi embeddings, overrides
#: and isolates (a name could read backwards, "Umeå‮lasrevinU" shown as another), direction marks, and
#: zero-width spaces and joiners (two names that look the same are different)
INVISIBLE = "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"


def show_invisible(text: str) -> str:
    """``text`` with each :data:`INVISIBLE` character written as its code, visible and inert.

    >>> show_invisible("Ume\u202eå")
    'Ume<U+202E>å'
    """
    return text.translate(_SHOWN) if any(c in text for c in INVISIBLE) else text


_SHOWN = {ord(c): f"<U+{ord(c):04X}>" for c in INVISIBLE}


def shown(value):
    """Jinja's ``finalize`` for every page graphmap renders: a text value with its invisible characters
    written as codes (:func:`show_invisible`), then escaped by autoescape; markup graphmap made itself
    is left as it is.

    >>> from markupsafe import Markup
    >>> shown("a\u202eb"), shown(Markup("<b>x</b>")), shown(3)
    ('a<U+202E>b', Markup('<b>x</b>'), 3)
    """
    from markupsafe import Markup

    return show_invisible(value) if isinstance(value, str) and not isinstance(value, Markup) else value


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}$", re.I)
_URL = re.compile(r"^https?://[^\s<>\"]+$", re.I)


def split_list(value: str) -> list[str]:
    """Split a ``;``-separated cell (``,`` also accepted when there is no ``;``)."""
    sep = ";" if ";" in value else ("," if "," in value else ";")
    return [part.strip() for part in value.split(sep) if part.strip()]


def parse_decimal(value: str) -> Decimal | None:
    text = value.replace("\u00a0", "").replace(" ", "").replace(",", ".").rstrip("%")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    if value.strip().endswith("%"):
        if not number.is_zero() and number.adjusted() > MAX_EXPONENT + 2:
            return number  # too large either way: left for decimal_fault, no context arithmetic on it
        number = number.scaleb(-2)
    return number


def decimal_fault(number: Decimal) -> str | None:
    """Why a finite number cannot be carried: ``"magnitude"`` (beyond 10^15), ``"decimals"``
    (more than 12), else None. Checked without arithmetic (``1E+1000000`` would overflow it).

    >>> decimal_fault(Decimal("1E+1000000")), decimal_fault(Decimal("1E-20")), decimal_fault(Decimal("0.5"))
    ('magnitude', 'decimals', None)
    """
    if number.is_zero():
        return None
    if number.adjusted() >= MAX_EXPONENT:
        return "magnitude"
    exponent = number.normalize().as_tuple().exponent  # bounded by the magnitude check above
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
        return "decimals"
    return None


def parse_date(value: str) -> tuple[str, str] | None:
    """(normalised text, kind) where kind is ``date``, ``gYearMonth`` or ``gYear``."""
    match = _DATE.match(value.strip()[:10] if len(value) > 10 and value[10:11] == "T" else value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        return None
    if int(year) < 1 or day and int(day) > calendar.monthrange(int(year), int(month))[1]:
        return None  # year 0000, 30 February, 31 June: no such date
    if day:
        return f"{year}-{month}-{day}", "date"
    if month:
        return f"{year}-{month}", "gYearMonth"
    return year, "gYear"


def days_in_month(value: str) -> int | None:
    """The days of the month of a well-formed ``YYYY-MM-DD`` whose day that month does not have, else None.

    >>> days_in_month("2023-02-30"), days_in_month("2024-02-30"), days_in_month("2023-06-31"), days_in_month("2023-06-30")
    (28, 29, 30, None)
    """
    match = _DATE.match(value.strip())
    if not match or not match.group(3) or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
        return None
    days = calendar.monthrange(int(match.group(1)), int(match.group(2)))[1]
    return days if days < int(match.group(3)) <= 31 else None


def parse_year(value: str) -> str | None:
    text = value.strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text if re.fullmatch(r"\d{4}", text) else None


#: characters an IRI may not hold (RFC 3987): rdflib refuses to write them, Oxigraph to read them
_IRI_FORBIDDEN = re.compile("[<>\"{}|\\\\^`\\s\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e]")


def is_url(value: str) -> bool:
    return bool(_URL.match(value)) and url_fault(value) is None


def url_fault(value: str) -> str | None:
    """The first thing that keeps an http(s) address from being an IRI every output can carry:
    a forbidden character (``{``, a space …), or ``"iri"`` for what RFC 3986/3987 refuses
    otherwise (a bad %-escape, a bad host); None when it is a valid IRI."""
    bad = _IRI_FORBIDDEN.search(value)
    if bad:
        return bad.group()
    from pyoxigraph import NamedNode

    try:
        NamedNode(value)
    except ValueError:
        return "iri"
    if not re.match(r"^https?://[^/?#]+", value, re.I):
        return "iri"  # no host
    return None


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value))
