"""Parse single cells: numbers with decimal comma, dates, years, URLs, e-mail addresses.

>>> parse_decimal("0,5")
Decimal('0.5')
>>> parse_date("2022-12-16")
('2022-12-16', 'date')
>>> parse_date("221216") is None
True
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_CELL = 10_000
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
    if value.strip().endswith("%"):
        number = number / 100
    return number if number.is_finite() else None


def parse_date(value: str) -> tuple[str, str] | None:
    """(normalised text, kind) where kind is ``date``, ``gYearMonth`` or ``gYear``."""
    match = _DATE.match(value.strip()[:10] if len(value) > 10 and value[10:11] == "T" else value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        return None
    if day:
        return f"{year}-{month}-{day}", "date"
    if month:
        return f"{year}-{month}", "gYearMonth"
    return year, "gYear"


def parse_year(value: str) -> str | None:
    text = value.strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text if re.fullmatch(r"\d{4}", text) else None


def is_url(value: str) -> bool:
    return bool(_URL.match(value))


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value))
