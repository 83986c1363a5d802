"""CONTRIBUTING.md's "Add …" recipes, followed as written in a scratch copy of the checkout.

Each recipe (a named query, a table column, a command, a user-facing text, an export format, a page)
is applied to a copy of the repository with only the steps CONTRIBUTING.md names; then the copy runs
what the recipe promises (the query answers through `graphmap query`, the column reaches the built
graph and the new-region template, the command prints in both languages, the format is written by
`graphmap export data`, the page is served) and the checks that guard the recipe's files
(tests/test_ontology.py, tests/test_i18n.py, tests/test_docs.py). A step the recipe leaves out fails
here. The copy builds the bundled data once (its code differs, so the run's build cache rebuilds).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = pytest.mark.slow

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
COPIED = ("graphmap", "data", "ontology", "tests", "docs", "scripts", "notebooks", "benchmarks")
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", "target", "out", ".neo4j")

ACTOR = "fou-socialtjanst-vasterbotten"
PREDICATE = "https://w3id.org/graphmap/def#founded"


def _recipe(title: str) -> str:
    """The text of one "Add …" recipe (its bold title up to the next one)."""
    start = CONTRIBUTING.index(f"**{title}")
    end = CONTRIBUTING.find("\n**", start + 1)
    return CONTRIBUTING[start : end if end > 0 else None]


def _insert_after(path: Path, anchor: str, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert anchor in source, f"{path.name}: {anchor!r} not found"
    path.write_text(source.replace(anchor, anchor + text, 1), encoding="utf-8")


def _insert_before(path: Path, anchor: str, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert anchor in source, f"{path.name}: {anchor!r} not found"
    path.write_text(source.replace(anchor, text + anchor, 1), encoding="utf-8")


# ---------------------------------------------------------------------------------------- recipes


def add_query(root: Path) -> None:
    """A mapping question: NAME.rq with the header, NAME.cypher with the same answer."""
    assert "graphmap/queries/NAME.rq" in _recipe("A mapping question") and "NAME.cypher" in _recipe(
        "A mapping question"
    )
    head = textwrap.dedent(
        """\
        # name: member-of
        # title: Vad en aktör är medlem i | What an actor is a member of
        # description: Nätverk och forum där aktören är medlem. | Networks and forums the actor is a member of.
        # param: actor | actor | required | Aktör eller kommun | Actor or municipality
        # column: network | iri | Nätverk | Network
        # column: role | concept | Roll | Role
        # example: actor=fou-socialtjanst-vasterbotten
        """
    )
    (root / "graphmap/queries/member-of.rq").write_text(
        head
        + "PREFIX org: <http://www.w3.org/ns/org#>\n"
        + "SELECT DISTINCT ?actor ?network ?role WHERE {\n"
        + "  ?membership org:member ?actor ; org:organization ?network ; org:role ?role .\n"
        + "}\nORDER BY ?network\n",
        encoding="utf-8",
    )
    (root / "graphmap/queries/member-of.cypher").write_text(
        head.replace("# ", "// ")
        + "MATCH (membership)-[r1:MEMBER]->(actor:Resource {iri: $actor}), (membership)-[r2:ORGANIZATION]->(network),\n"
        + "      (membership)-[r3:ROLE]->(role)\n"
        + "WHERE all(y IN [r1, r2, r3] WHERE any(v IN y.datasets WHERE v IN $live))\n"
        + "RETURN DISTINCT network.iri AS network, role.iri AS role ORDER BY network\n",
        encoding="utf-8",
    )


def add_column(root: Path) -> None:
    """A table column: schema.py, its predicate declared in ontology/graphmap.ttl, shapes.ttl regenerated."""
    recipe = _recipe("A table column")
    assert "ontology/graphmap.ttl" in recipe and "python -m graphmap.shapes > ontology/shapes.ttl" in recipe
    _insert_after(
        root / "graphmap/schema.py",
        '        Column("homepage", "url", "foaf:homepage", help_sv="Webbplats.", help_en="Website."),\n',
        '        Column("founded", "year", "gm:founded", help_sv="Grundad år.", help_en="Year founded.", example="1998"),\n',
    )
    with (root / "ontology/graphmap.ttl").open("a", encoding="utf-8") as f:
        f.write(
            "\ngm:founded a owl:DatatypeProperty ;\n"
            '  rdfs:label "grundad"@sv, "founded"@en ;\n'
            '  rdfs:comment "Året aktören grundades."@sv, "The year the actor was founded."@en ;\n'
            "  rdfs:range xsd:gYear .\n"
        )


def add_text_and_command(root: Path) -> None:
    """A user-facing text (a catalogue key in its section) and a command (a module listed in
    COMMAND_MODULES, its command in COMMANDS) that calls one library function and prints."""
    assert "COMMAND_MODULES" in _recipe("A command") and "COMMANDS" in _recipe("A command")
    assert "graphmap/i18n/catalogue.py" in _recipe("A user-facing text")
    _insert_after(
        root / "graphmap/i18n/catalogue.py",
        "CLI: dict[str, tuple[str, str]] = {\n",
        '    "cli.areas.title": ("Områden i vokabulären", "Areas of the vocabulary"),\n',
    )
    (root / "graphmap/cli/areas.py").write_text(
        textwrap.dedent(
            '''\
            """graphmap areas: the areas of the vocabulary, in the order they are shown."""

            from __future__ import annotations

            import click

            from graphmap.cli.common import LANG
            from graphmap.i18n import t
            from graphmap.vocab import vocabularies


            @click.command("areas")
            @LANG
            def areas(lang):
                """Områdena / the areas."""
                click.echo(t("cli.areas.title", lang))
                for concept in vocabularies().shown_in_order("area"):
                    click.echo(f"{concept.notation}\\t{concept.label(lang)}")


            COMMANDS = [areas]
            '''
        ),
        encoding="utf-8",
    )
    cli = root / "graphmap/cli/__init__.py"
    modules = re.search(r"COMMAND_MODULES = \[[^\]]*", cli.read_text(encoding="utf-8"))
    assert modules, "graphmap/cli/__init__.py: no COMMAND_MODULES list"
    _insert_after(cli, modules.group(0), ', "areas"')


def add_export_format(root: Path) -> None:
    """An export format: to_<format> in export.py, its file name and its entry in WRITERS."""
    recipe = _recipe("An export format")
    assert "to_<format>" in recipe and "WRITERS" in recipe and "DEFAULT_NAMES" in recipe
    export = root / "graphmap/export.py"
    _insert_before(
        export,
        "def to_jsonld(",
        textwrap.dedent(
            '''\
            def to_nt(graph: Graph, include_personal: bool = False) -> bytes:
                """N-Triples, sorted: the shareable graph with its statement about personal data."""
                lines = shareable_graph(graph, include_personal).serialize(format="nt", encoding="utf-8").splitlines()
                return b"\\n".join(sorted(line for line in lines if line.strip())) + b"\\n"


            '''
        ),
    )
    _insert_after(export, "DEFAULT_NAMES = {\n", '    "nt": "graphmap.nt",\n')
    _insert_after(export, "WRITERS: dict[str, tuple[str, Callable]] = {\n", '    "nt": ("rdf", to_nt),\n')


def add_page(root: Path) -> None:
    """A page: a method of App rendering a template that extends base.html, its route, its texts."""
    recipe = _recipe("A page")
    assert "graphmap/serve/templates/" in recipe and "Route(" in recipe
    _insert_after(
        root / "graphmap/i18n/catalogue.py",
        "WEB: dict[str, tuple[str, str]] = {\n",
        '    "areas_heading": ("Områden", "Areas"),\n',
    )
    (root / "graphmap/serve/templates/areas.html").write_text(
        textwrap.dedent(
            """\
            {% extends "base.html" %}
            {% block title %}{{ t("areas_heading") }}{% endblock %}
            {% block content %}
            <h1>{{ t("areas_heading") }}</h1>
            <ul>{% for concept in areas %}<li>{{ concept.label(lang) }}</li>{% endfor %}</ul>
            {% endblock %}
            """
        ),
        encoding="utf-8",
    )
    app = root / "graphmap/serve/app.py"
    _insert_before(
        app,
        "    def data_page(self, request: Request):\n",
        "    def areas_page(self, request: Request):\n"
        "        from graphmap.vocab import vocabularies\n\n"
        '        return self.render(request, "areas.html", areas=vocabularies().shown_in_order("area"))\n\n',
    )
    _insert_before(
        app, '            Route("/data", self.data_page),\n', '            Route("/omraden", self.areas_page),\n'
    )


RECIPES = (add_query, add_column, add_text_and_command, add_export_format, add_page)

# what the copy runs once its recipes are applied: one process, one build of the bundled data
RUN = textwrap.dedent(
    """\
    import csv, json, shutil, sys
    from pathlib import Path

    import httpx
    from click.testing import CliRunner
    from rdflib import Graph

    import graphmap
    from graphmap.cli import main
    from graphmap.ontology import REGIONS_DIR
    from graphmap.privacy import personal_strings
    from graphmap.serve.live import LiveServer, create_app

    work = Path(sys.argv[1])
    out = {}

    def cli(*args):
        done = CliRunner().invoke(main, list(args))
        return {"code": done.exit_code, "output": done.stdout, "stderr": done.stderr}

    # the query
    out["queries"] = cli("queries", "--format", "json")
    out["member_of"] = cli("query", "member-of", "-p", "actor=%(actor)s", "--format", "json")
    out["networks"] = cli("query", "networks", "-p", "actor=%(actor)s", "--format", "json")
    # the column: a region whose actor has a founding year, built; and the new-region template
    region = work / "region"
    shutil.copytree(REGIONS_DIR / "vasterbotten", region)
    with open(region / "actors.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header, rows = reader.fieldnames + ["founded"], list(reader)
    rows[0]["founded"] = "1998"
    with open(region / "actors.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, header, lineterminator="\\n")
        writer.writeheader()
        writer.writerows(rows)
    out["build"] = cli("build", "-d", str(region), "-o", str(work / "region.nt"))
    out["built"] = (work / "region.nt").read_text(encoding="utf-8") if (work / "region.nt").exists() else ""
    out["template"] = cli("new-region", "Provfjäll", "-c", "24", "-o", str(work / "templates"))
    out["template_csv"] = (work / "templates" / "provfjall" / "csv" / "actors.csv").read_text(encoding="utf-8")
    # the command and its text
    out["areas_sv"] = cli("areas")
    out["areas_en"] = cli("areas", "--lang", "en")
    # the export format
    out["export"] = cli("export", "data", "--format", "nt", "-o", str(work / "export.nt"))
    kg = graphmap.build()
    out["personal"] = sorted(personal_strings(kg.graph))
    exported = Graph().parse(work / "export.nt", format="nt") if (work / "export.nt").exists() else Graph()
    out["exported_triples"] = len(exported)
    texts = [str(o) for o in exported.objects()]
    out["statement"] = [x for x in texts if x.startswith("Personal data (persons")]
    out["leaked"] = [p for p in out["personal"] if any(p in x for x in texts)]
    # the page
    with LiveServer(create_app(kg)) as live, httpx.Client(base_url=live.url, timeout=120) as client:
        page_sv, page_en = client.get("/omraden"), client.get("/omraden", params={"lang": "en"})
        out["page"] = {"sv": [page_sv.status_code, page_sv.text], "en": [page_en.status_code, page_en.text]}
    print(json.dumps(out))
    """
)


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """A copy of the checkout with every recipe applied, what it ran, and its checks' pytest run."""
    root = tmp_path_factory.mktemp("contributing") / "graphmap"
    root.mkdir()
    for name in COPIED:
        shutil.copytree(ROOT / name, root / name, ignore=SKIPPED)
    for path in ROOT.iterdir():
        if path.is_file():
            shutil.copy2(path, root / path.name)
    for recipe in RECIPES:
        recipe(root)
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1", "CI": "false"}

    def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, timeout=900, **kwargs
        )

    shapes = run("-m", "graphmap.shapes")  # as the recipe says: python -m graphmap.shapes > ontology/shapes.ttl
    assert shapes.returncode == 0, shapes.stderr
    (root / "ontology/shapes.ttl").write_text(shapes.stdout, encoding="utf-8")
    docs = run("scripts/docs.py")  # CONTRIBUTING: after a command, a query header or schema.py
    assert docs.returncode == 0, docs.stderr
    work = tmp_path_factory.mktemp("contributing-work")
    done = run("-c", RUN % {"actor": ACTOR}, str(work))
    assert done.returncode == 0, done.stderr[-4000:]
    checks = run(
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "-n",
        "0",
        "tests/test_ontology.py",
        "tests/test_i18n.py",
        "tests/test_docs.py",
    )
    return {"out": json.loads(done.stdout.splitlines()[-1]), "checks": checks, "root": root}


def test_the_checks_guarding_the_recipes_pass_in_the_copy(followed):
    checks = followed["checks"]
    assert checks.returncode == 0, checks.stdout[-4000:] + checks.stderr[-2000:]


def test_a_new_query_answers_from_its_header(followed):
    out = followed["out"]
    assert out["queries"]["code"] == 0 and "member-of" in out["queries"]["output"]
    assert out["member_of"]["code"] == 0, out["member_of"]["output"]
    rows = json.loads(out["member_of"]["output"])
    networks = json.loads(out["networks"]["output"])
    # the networks answer's memberships, as the new query gives them
    assert {r["network"] for r in rows} == {r["network"] for r in networks if r["relation"] == "member"}
    assert rows and all(r["network_label"] and r["role_label"] for r in rows)
    reference = (followed["root"] / "docs/reference/queries.md").read_text(encoding="utf-8")
    assert "member-of" in reference


def test_a_new_column_reaches_the_graph_and_the_template(followed):
    out = followed["out"]
    assert out["build"]["code"] == 0, out["build"]["output"]
    assert f'<{PREDICATE}> "1998"' in out["built"]
    assert out["template"]["code"] == 0, out["template"]["output"]
    assert "founded" in out["template_csv"].splitlines()[0].split(",")


def test_a_new_command_prints_its_text_in_both_languages(followed):
    out = followed["out"]
    assert out["areas_sv"]["code"] == 0, out["areas_sv"]["output"]
    assert out["areas_sv"]["output"].startswith("Områden i vokabulären\n")
    assert out["areas_en"]["output"].startswith("Areas of the vocabulary\n")
    assert "funktionshinder" in out["areas_sv"]["output"]
    assert "areas" in (followed["root"] / "docs/reference/cli.md").read_text(encoding="utf-8")


def test_a_new_export_format_is_written_without_personal_data(followed):
    out = followed["out"]
    assert out["export"]["code"] == 0, out["export"]["output"]
    assert out["exported_triples"] > 1000 and out["statement"]  # the file says personal data is left out
    assert out["personal"] and out["leaked"] == []


def test_a_new_page_is_served_in_both_languages(followed):
    page = followed["out"]["page"]
    assert page["sv"][0] == 200 and "<h1>Områden</h1>" in page["sv"][1] and "Funktionshinder" in page["sv"][1]
    assert page["en"][0] == 200 and "<h1>Areas</h1>" in page["en"][1]
