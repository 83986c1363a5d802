"""Visual vocabulary of the level map: node styles by actor type, edge
styles by relation kind, level order, and the UI strings in Swedish and
English. Everything here is plain data so the renderer and tests share it."""

from __future__ import annotations

LEVELS = ("nationell", "regional", "lokal")

LEVEL_LABELS = {
    "sv": {"nationell": "Nationell", "regional": "Regional", "lokal": "Lokal"},
    "en": {"nationell": "National", "regional": "Regional", "lokal": "Local"},
}

# Shapes are all "label below" shapes so every node has the same footprint.
NODE_STYLES = {
    "kommun": ("dot", "#4e79a7"),
    "region": ("hexagon", "#e15759"),
    "kommunalforbund": ("square", "#76b7b2"),
    "fou-enhet": ("diamond", "#f28e2b"),
    "rss": ("star", "#59a14f"),
    "kompetenscentrum": ("triangle", "#c9a227"),
    "myndighet": ("square", "#b07aa1"),
    "medlemsorganisation": ("hexagon", "#d4579a"),
    "larosate": ("triangleDown", "#9c755f"),
    "brukarorganisation": ("dot", "#6aa84f"),
    "gemensam-verksamhet": ("square", "#3d8f87"),
    "natverk": ("diamond", "#8e6bbf"),
    "forum": ("triangle", "#e07b91"),
    "samverkan": ("star", "#5b9bd5"),
    "lan": ("square", "#79706e"),
    "samarbete": ("star", "#5b9bd5"),
    "namnd": ("triangleDown", "#a0522d"),
}
DEFAULT_NODE_STYLE = ("dot", "#9d9d9d")

TYPE_LABELS = {
    "sv": {
        "kommun": "Kommun", "region": "Region", "kommunalforbund": "Kommunalförbund",
        "fou-enhet": "FoU-enhet", "rss": "Regional stödstruktur",
        "kompetenscentrum": "Kompetenscentrum", "myndighet": "Myndighet",
        "medlemsorganisation": "Medlemsorganisation", "larosate": "Lärosäte",
        "brukarorganisation": "Brukarorganisation",
        "gemensam-verksamhet": "Gemensam verksamhet", "natverk": "Nätverk",
        "forum": "Forum", "samverkan": "Samverkan", "lan": "Län",
        "samarbete": "Samarbete", "namnd": "Nämnd",
    },
    "en": {
        "kommun": "Municipality", "region": "Region",
        "kommunalforbund": "Municipal association", "fou-enhet": "R&D unit",
        "rss": "Regional support structure", "kompetenscentrum": "Competence centre",
        "myndighet": "Government agency", "medlemsorganisation": "Member organisation",
        "larosate": "Higher education institution",
        "brukarorganisation": "User organisation",
        "gemensam-verksamhet": "Joint operation", "natverk": "Network",
        "forum": "Forum", "samverkan": "Collaboration", "lan": "County",
        "samarbete": "Collaboration", "namnd": "Committee",
    },
}

# kind: (colour, dashes, arrow towards "to", width)
EDGE_STYLES = {
    "member": ("#7f7f7f", False, True, 1),
    "leads": ("#c0392b", False, True, 2),
    "covers": ("#2a9d8f", [6, 4], True, 1),
    "collaborates": ("#d4a017", [2, 4], False, 1.5),
    "part_of": ("#4d4d4d", False, True, 1),
    "offers": ("#6a4c93", [8, 3, 2, 3], True, 1),
    "steers": ("#1d3557", False, True, 2.5),
    "supports": ("#59a14f", [5, 5], True, 1.5),
    "coordinates": ("#e76f51", [10, 4], True, 1.5),
    "runs": ("#264653", False, True, 2),
    "funds": ("#b8860b", [1, 3], True, 1.5),
}
DEFAULT_EDGE_STYLE = ("#b0b0b0", [3, 3], False, 1)

EDGE_LABELS = {
    "sv": {
        "member": "medlem i", "leads": "leder", "covers": "täcker",
        "collaborates": "samverkar med", "part_of": "del av", "offers": "erbjuder stöd till",
        "steers": "styr", "supports": "stödjer", "coordinates": "samordnar",
        "runs": "driver", "funds": "finansierar",
    },
    "en": {
        "member": "member of", "leads": "leads", "covers": "covers",
        "collaborates": "collaborates with", "part_of": "part of", "offers": "offers support to",
        "steers": "steers", "supports": "supports", "coordinates": "coordinates",
        "runs": "runs", "funds": "funds",
    },
}

CONFIDENCE_LABELS = {
    "sv": {"stated": "Uppgiven i källa", "inferred": "Härledd", "assumed": "Antagen",
           "uncertain": "Osäker", "verified": "Bekräftad",
           "reference": "Referensdata"},
    "en": {"stated": "Stated in source", "inferred": "Inferred", "assumed": "Assumed",
           "uncertain": "Uncertain", "verified": "Verified",
           "reference": "Reference data"},
}

UI_STRINGS = {
    "sv": {
        "title": "Stödkarta – socialtjänsten", "filters": "Filter",
        "area": "Område", "level": "Nivå", "county": "Län", "type": "Typ",
        "all": "Alla", "search": "Sök aktör", "search_placeholder": "Namn på aktör …",
        "search_button": "Sök", "reset": "Visa alla", "legend": "Teckenförklaring",
        "node_types": "Aktörstyper", "edge_kinds": "Relationer",
        "details": "Vald aktör", "none_selected": "Klicka på en aktör eller sök efter den.",
        "areas": "Områden", "support": "Typ av stöd", "sources": "Källor",
        "confidence": "Säkerhet", "identifier": "Identifierare", "connections": "Kopplingar",
        "no_county": "Utan län", "other_level": "Övrigt", "none": "–",
        "visible": "Visar {shown} av {total} aktörer", "no_match": "Ingen synlig aktör matchar \u201d{q}\u201d.",
        "match": "Hittade: {label}", "graph": "Nätverkskarta", "people": "Tjänster och personer",
    },
    "en": {
        "title": "Support map – social services", "filters": "Filters",
        "area": "Area", "level": "Level", "county": "County", "type": "Type",
        "all": "All", "search": "Find actor", "search_placeholder": "Actor name …",
        "search_button": "Find", "reset": "Show all", "legend": "Legend",
        "node_types": "Actor types", "edge_kinds": "Relations",
        "details": "Selected actor", "none_selected": "Click an actor or search for it.",
        "areas": "Areas", "support": "Kinds of support", "sources": "Sources",
        "confidence": "Confidence", "identifier": "Identifier", "connections": "Connections",
        "no_county": "No county", "other_level": "Other", "none": "–",
        "visible": "Showing {shown} of {total} actors", "no_match": "No visible actor matches \u201c{q}\u201d.",
        "match": "Found: {label}", "graph": "Network map", "people": "Posts and people",
    },
}


def node_style(node_type: str) -> tuple[str, str]:
    """Return (shape, colour) for an actor type; unknown types get a default."""
    return NODE_STYLES.get(node_type, DEFAULT_NODE_STYLE)


def edge_style(kind: str) -> tuple[str, object, bool, float]:
    """Return (colour, dashes, arrow, width) for an edge kind."""
    return EDGE_STYLES.get(kind, DEFAULT_EDGE_STYLE)
