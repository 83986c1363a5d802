"""The plain content the web app's templates draw: linked cells, tables and form fields.

>>> external_url("https://example.org/x"), external_url("javascript:alert(1)")
('https://example.org/x', None)
>>> Table(["Aktör"], [[Cell("Umeå", "/kommun/2480")]]).rows[0][0].href
'/kommun/2480'
"""

from __future__ import annotations

from dataclasses import dataclass, field


def external_url(value) -> str | None:
    """An http(s) address that is safe to link to, or None."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) and " " not in text else None


@dataclass
class Cell:
    text: str
    href: str | None = None
    external: bool = False
    #: several web addresses in one cell (a ``url`` column: the sources' pages), each its own link
    links: list[str] = field(default_factory=list)


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class FormField:
    name: str
    label: str
    required: bool
    widget: str  # select | text
    groups: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # (group label, [(value, label)])
    value: str = ""  # the selected option value or typed text


__all__ = ["Cell", "Table", "FormField", "external_url"]
