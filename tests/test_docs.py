"""The references in docs/reference/ are current: what scripts/docs.py writes from the commands'
``--help``, the query headers and ``schema.py`` is what the pages say (run ``python scripts/docs.py``
after a change), and every page docs/README.md links to exists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_generated_references_are_current():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "docs.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr


def test_the_references_name_every_command_query_and_table():
    from graphmap.queries import library
    from graphmap.schema import TABLES

    cli = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    queries = (ROOT / "docs" / "reference" / "queries.md").read_text(encoding="utf-8")
    tables = (ROOT / "docs" / "reference" / "tables.md").read_text(encoding="utf-8")
    assert {"## graphmap support", "## graphmap round start", "## graphmap export ontology"} <= set(cli.splitlines())
    assert {f"## {name}" for name in library()} <= set(queries.splitlines())
    assert {f"## {t.name}" for t in TABLES} <= set(tables.splitlines())


def test_every_link_of_the_docs_index_resolves():
    index = ROOT / "docs" / "README.md"
    targets = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", index.read_text(encoding="utf-8"))
    assert targets
    missing = [t for t in targets if not t.startswith("http") and not (index.parent / t).exists()]
    assert not missing, missing


def test_the_readme_is_a_front_door_and_every_page_link_resolves():
    """README.md stays short (what graphmap is, the two commands, the first answer, pictures, links;
    the rest is in docs/), and every relative link in it and in docs/*.md leads to a file."""
    readme = ROOT / "README.md"
    assert len(readme.read_text(encoding="utf-8").splitlines()) <= 150
    missing = []
    for page in [readme, *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not target.startswith(("http:", "https:", "mailto:")) and not (page.parent / target).exists():
                missing.append(f"{page.relative_to(ROOT)}: {target}")
    assert not missing, missing


def test_the_readme_says_what_each_reader_gets_and_under_which_licence():
    """Issue 29: the README's export section names what a harvester, Gephi and a SPARQL client get,
    and the licence, and leads to the page that says how each is checked."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Exports / Exporter", 1)[1].split("\n## ", 1)[0]
    bullets = [" ".join(b.split()) for b in section.split("\n- ")[1:]]  # each bullet with its continuation lines
    readers = ("harvester", "Gephi", "SPARQL client")
    assert [next(r for r in readers if r in b) for b in bullets] == list(readers)
    assert "CC0 1.0" in section.split("\n- ", 1)[0] and all("CC0 1.0" in b or "licence" in b for b in bullets)
    assert "/catalog" in bullets[0] and "GEXF 1.3" in bullets[1] and "/sparql" in bullets[2]
    assert "(docs/new-region.md#exports)" in section and "### Exports" in (ROOT / "docs" / "new-region.md").read_text()
