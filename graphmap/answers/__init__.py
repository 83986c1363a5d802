"""The answers graphmap gives, each computed once from the built graph.

``support`` holds the derived support layer: for every municipality and area, who reaches it, by
which route, how broadly, for whom, how surely and from which sources. The named queries
``support`` and ``gaps``, the web pages, the report, the map and the round read it.
"""
