"""One gap matrix: the CLI, the web page /luckor, the report (HTML table and its data) and the API
show the same cells, on the bundled data and on synthetic data of several seeds.

Each output is read back the way a person or program sees it (the CLI's CSV-free table text, the
web page's HTML, the report's HTML table), not from the object that computed it, so a copy of the
counting in any output makes this test fail.
"""

from __future__ import annotations

import html
import re

import pytest
from click.testing import CliRunner

import graphmap
from graphmap.api import gap_matrix
from graphmap.cli import main
from graphmap.ontology import code_of
from graphmap.report import report_html


def _api_cells(kg, county=None) -> dict:
    m = gap_matrix(kg, county=county)
    # the cell's mark without the needs: its text, and "?" where it is "delvis kartlagd" (the one rule)
    return {(kg.label(a), code_of(c)): m.cell(a, c).mark(m.by, needs=False) for a in m.areas for c in m.columns}


def _cli_cells(data_args, county=None) -> dict:
    """Parse `graphmap gaps` (the rich table) back into {(area label, column code): text}."""
    args = ["gaps", *data_args, "--format", "table"] + (["--county", county] if county else [])
    result = CliRunner().invoke(main, args, terminal_width=400)
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith(("│", "┃"))]
    head = [c.strip() for c in lines[0].strip("┃").split("┃")]
    cells = {}
    for line in lines[1:]:
        parts = [c.strip() for c in line.strip("│").split("│")]
        for col, text in zip(head[1:], parts[1:]):
            cells[(parts[0], col)] = text.split(" !")[0]
    return cells


def _html_table_cells(page: str, table_marker: str) -> dict:
    """Area label × column code from an HTML table: header cells carry the code in a title or link."""
    table = page[page.index(table_marker) :]
    table = table[: table.index("</table>")]
    codes = re.findall(r'<th class="col" scope="col" title="(\d+)">|county=(\d\d)">', table.split("</thead>")[0])
    codes = [a or b for a, b in codes]
    cells = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", table, re.S):
        texts = re.findall(r"<td[^>]*>(?:<a [^>]*>)?([^<]*)", row[1])
        for code, text in zip(codes, texts):
            cells[(html.unescape(row[0]), code)] = html.unescape(text).strip()
    return cells


def _web_cells(kg) -> dict:
    """The web page /luckor as the real server (uvicorn on loopback) serves it."""
    import httpx

    from graphmap.serve.live import LiveServer, create_app

    with LiveServer(create_app(kg, sparql_workers=1)) as live, httpx.Client(base_url=live.url, timeout=60) as http:
        page = http.get("/luckor").text
    return _html_table_cells(page, '<table class="matrix">')


def _report_cells(kg, county=None) -> dict:
    return _html_table_cells(report_html(kg, county=county), 'data-testid="gap-matrix"')


def _assert_same(kg, data_args, county=None, web=True):
    api = _api_cells(kg, county)
    assert len(api) == 19 * (21 if county is None else len({c for _a, c in api}))
    outputs = {"cli": _cli_cells(data_args, county), "report": _report_cells(kg, county)}
    if web and county is None:
        outputs["web"] = _web_cells(kg)
    if county is not None:
        # the CLI heads municipality columns by name: map names back to codes
        m = gap_matrix(kg, county=county)
        names = {kg.label(c): code_of(c) for c in m.columns}
        outputs["cli"] = {(a, names[c]): v for (a, c), v in outputs["cli"].items()}
    for name, cells in outputs.items():
        differing = {k: (api[k], cells.get(k)) for k in api if cells.get(k) != api[k]}
        assert not differing, f"{name} differs from the API in {len(differing)} cells: {list(differing.items())[:5]}"


def test_bundled_gap_matrix_is_the_same_everywhere(kg):
    _assert_same(kg, [])
    m = gap_matrix(kg)
    # Västerbotten's 15 municipalities reach support in disability care
    assert (
        m.cell("https://w3id.org/graphmap/vocab/area/funktionshinder", "https://w3id.org/graphmap/id/lan/24").text()
        == "15/15"
    )
    # no source says anything about Gotland's support structure: a blank on the map, not a gap
    assert (
        m.cell("https://w3id.org/graphmap/vocab/area/funktionshinder", "https://w3id.org/graphmap/id/lan/09").text()
        == "ej kartlagd"
    )
    # Norrbotten's are covered by FoUI Norrbottens Kommuner, whose sourced offers are for all of social
    # services: broad support, not support in disability care
    assert (
        m.cell("https://w3id.org/graphmap/vocab/area/funktionshinder", "https://w3id.org/graphmap/id/lan/25").text()
        == "0/14 (+14 brett)"
    )


def test_bundled_county_gap_matrix_is_the_same_everywhere(kg):
    _assert_same(kg, [], county="24")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_synthetic_gap_matrix_is_the_same_everywhere(tmp_path, seed):
    from graphmap.synth import write

    folder = tmp_path / "synt"
    write(folder, scale=1, seed=seed)
    paths = sorted(str(p) for p in folder.iterdir() if p.is_dir())
    kg = graphmap.build(paths)
    data_args = [x for p in paths for x in ("-d", p)]
    _assert_same(kg, data_args, web=seed == 1)
    _assert_same(kg, data_args, county="22", web=False)
