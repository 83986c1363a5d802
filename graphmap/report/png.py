"""The gap matrix of the mapping report as a PNG (matplotlib, Agg backend).

>>> import graphmap, tempfile, pathlib
>>> from graphmap.report import report_data
>>> kg = graphmap.build()  # doctest: +SKIP
>>> data = report_data(kg, county="24")
>>> gap_matrix_png(data)[:4]
b'\x89PNG'
"""

from __future__ import annotations

import io


def gap_matrix_png(data: dict, lang: str = "sv") -> bytes:
    """Draw the gap matrix of ``report_data(...)["gaps"]`` (or that dict itself) as a PNG; the
    cells' colours are the HTML table's. :func:`graphmap.report.write_report` writes it."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    import matplotlib.colors as mcolors

    gaps = data["gaps"] if "gaps" in data else data
    rows, cols = gaps["rows"], gaps["columns"]
    import numpy as np

    # every cell in its own colour (the HTML table's): the share's, or a neutral one never read as a gap
    values = np.array([[mcolors.to_rgb(c["colour"]) for c in r["cells"]] for r in rows]).reshape(
        len(rows), len(cols), 3
    )
    fig, ax = plt.subplots(figsize=(max(6.0, 0.55 * len(cols) + 3.5), 0.42 * len(rows) + 3.0), dpi=110)
    ax.imshow(values, aspect="auto")
    ax.set_xticks(range(len(cols)))
    ax.set_xticklabels([c["label"] for c in cols], rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r["area"] for r in rows], fontsize=8)
    for i, r in enumerate(rows):
        for j, c in enumerate(r["cells"]):
            text = c["text"] + ("!" if c["unmet"] else "")
            ax.text(
                j,
                i,
                text.replace(" ", "\n") if c["share"] is None else text,
                ha="center",
                va="center",
                fontsize=5 if c["share"] is None else 6.5,
                style="italic" if c["share"] is None else "normal",
            )
    ax.set_title(gaps["title"], fontsize=11)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


__all__ = ["gap_matrix_png"]
