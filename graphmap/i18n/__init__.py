"""User-facing language: the one catalogue of texts, the language switch and Swedish sorting.

Every text a person reads (CLI messages, web pages, the map, the report, error messages) comes
from :data:`graphmap.i18n.catalogue.MESSAGES` through :func:`t`; labels of concepts (areas,
levels, kinds of support …) come from the SKOS vocabularies, never from here.

>>> t("nav_support", "sv"), t("nav_support", "en")
('Var finns stöd?', 'Where is support?')
>>> t("rows", "en", n=3)
'Matches: 3'
>>> sorted(["Örebro", "Älvsbyn", "Åre", "Arboga", "Zinkgruvan"], key=sv_sort_key)
['Arboga', 'Zinkgruvan', 'Åre', 'Älvsbyn', 'Örebro']
>>> lang_key("en-GB"), lang_key("sv"), lang_key(None), other_lang("sv")
('en', 'sv', 'sv', 'en')
"""

from __future__ import annotations

from graphmap.i18n.catalogue import MESSAGES

LANGS = ("sv", "en")

# å, ä, ö (and the Danish/Norwegian æ, ø with ä, ö) become the three characters after "z"
_SV_FOLD = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})


def lang_key(lang) -> str:
    """Normalise a language tag to ``"sv"`` or ``"en"`` (Swedish unless English)."""
    return "en" if str(lang or "").lower().startswith("en") else "sv"


def other_lang(lang) -> str:
    """The other of the two languages (for a language switch)."""
    return "sv" if lang_key(lang) == "en" else "en"


def t(key: str, lang: str = "sv", **values) -> str:
    """The text ``key`` in ``lang`` (``sv`` or ``en``), with ``{name}`` fields filled in."""
    sv, en = MESSAGES[key]
    text = en if lang_key(lang) == "en" else sv
    return text.format(**values) if values else text


def sv_sort_key(text) -> str:
    """Case-insensitive sort key that puts å, ä, ö after z, as in Swedish (the one sort order)."""
    return str(text or "").casefold().translate(_SV_FOLD)


__all__ = ["LANGS", "MESSAGES", "lang_key", "other_lang", "sv_sort_key", "t"]
