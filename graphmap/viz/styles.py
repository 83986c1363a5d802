"""Visual vocabulary of the level map: node styles by actor type, edge
styles by relation kind and level order. Everything here is plain data so
the renderer and tests share it.

No text lives here: the map's UI strings and edge labels are the catalogue's
``map.`` section (:mod:`graphmap.i18n.catalogue`), and the labels of actor
types, levels and confidence come from the SKOS vocabularies
(:mod:`graphmap.vocab`)."""

from __future__ import annotations

LEVELS = ("nationell", "regional", "lokal")

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
# an assumed link (no record of it is stated in a source): dotted whatever its kind
ASSUMED_DASHES = [1, 5]


def node_style(node_type: str) -> tuple[str, str]:
    """Return (shape, colour) for an actor type; unknown types get a default."""
    return NODE_STYLES.get(node_type, DEFAULT_NODE_STYLE)


def edge_style(kind: str) -> tuple[str, object, bool, float]:
    """Return (colour, dashes, arrow, width) for an edge kind."""
    return EDGE_STYLES.get(kind, DEFAULT_EDGE_STYLE)
