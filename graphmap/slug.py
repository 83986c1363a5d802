"""Readable identifiers.

>>> slugify("FoU-Socialtjänst Fyrbodal")
'fou-socialtjanst-fyrbodal'
>>> slugify("Region Jönköpings län")
'region-jonkopings-lan'
"""

from __future__ import annotations

import re
import unicodedata

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text)) and len(text) <= 120
