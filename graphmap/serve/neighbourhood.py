"""The small server-drawn map on an actor's page: its direct links, national level at the top.

>>> import graphmap
>>> from graphmap.serve.site import Site
>>> kg = graphmap.build()  # doctest: +SKIP
>>> site = Site(kg)
>>> near = site.neighbourhood(site.actors["fou-socialtjanst-vasterbotten"], "sv")
>>> [n["cls"] for n in near["nodes"] if n["cls"] == "center"], near["count"] > 10
(['center'], True)
"""

from __future__ import annotations

from rdflib import URIRef

from graphmap.i18n import sv_sort_key
from graphmap.ontology import GM

LEVEL_ROWS = {"nationell": 0, "regional": 1, "lokal": 2}
ROW_Y = {0: 40, 1: 150, 2: 260}


class Neighbourhood:
    """The neighbourhood drawing of :class:`graphmap.serve.site.Site` (needs ``kg``, ``label``
    and ``url_for``)."""

    def neighbourhood(self, iri, lang: str, width: int = 960, per_row: int = 14) -> dict:
        """A small server-drawn map (SVG data) of an actor's direct links, national level at the top.

        Rows: national, regional, local; the actor itself is highlighted. Rows with more than
        ``per_row`` neighbours end in a "+N" node linking to the interactive map.
        """
        g, center = self.kg.link_graph, str(iri)
        rows: dict[int, list[str]] = {0: [], 1: [], 2: []}
        rel: dict[str, set] = {}
        if center in g:
            for _a, b, data in g.edges(center, data=True):
                rel.setdefault(b, set()).add(self.label(data.get("relation"), lang))
        own = LEVEL_ROWS.get(str(self.kg.graph.value(URIRef(center), GM.level) or "").rsplit("/", 1)[-1], 1)
        for n in rel:
            rows[LEVEL_ROWS.get(str(g.nodes[n].get("level", "")).rsplit("/", 1)[-1], 1)].append(n)
        nodes, edges, positions = [], [], {}
        for level, members in rows.items():
            members = sorted(members, key=lambda n: sv_sort_key(self.label(n, lang)))
            shown = members[:per_row] if len(members) > per_row + 1 else members
            slots = shown + (["+more"] if len(shown) < len(members) else [])
            if level == own:
                slots = slots[: len(slots) // 2] + [center] + slots[len(slots) // 2 :]
            for i, n in enumerate(slots):
                x = int(width * (i + 1) / (len(slots) + 1))
                y = ROW_Y[level] + (18 if i % 2 and len(slots) > 7 else 0)
                if n == "+more":
                    nodes.append(
                        {
                            "x": x,
                            "y": y,
                            "label": f"+{len(members) - len(shown)}",
                            "title": "",
                            "href": None,
                            "cls": "more",
                        }
                    )
                    continue
                label = self.label(n, lang)
                positions[n] = (x, y)
                nodes.append(
                    {
                        "x": x,
                        "y": y,
                        "label": label if len(label) <= 22 else label[:21] + "…",
                        "title": label + ("" if n == center else " – " + ", ".join(sorted(rel[n]))),
                        "href": None if n == center else self.url_for(n),
                        "cls": "center" if n == center else ("lvl" + str(level)),
                    }
                )
        cx, cy = positions.get(center, (width // 2, ROW_Y[own]))
        for n, (x, y) in positions.items():
            if n != center:
                edges.append({"x1": cx, "y1": cy, "x2": x, "y2": y})
        return {"width": width, "height": 300, "nodes": nodes, "edges": edges, "count": len(rel)}


__all__ = ["Neighbourhood"]
