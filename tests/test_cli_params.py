"""The CLI's typed parameters (graphmap.cli.params): names resolved in the graph with "did you mean",
shell completion without the graph, the shortcuts' options from their query headers, and one DATA and
one COUNTY definition across the commands."""

from __future__ import annotations

import csv
import re

import click
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from graphmap.cli import main
from graphmap.cli.params import COUNTY, DATA_TYPE, GraphName, Name, candidates, header_params
from graphmap.ontology import ID, REFERENCE_DIR
from graphmap.queries import library, parse
from graphmap.vocab import vocabularies


def run(*args):
    return CliRunner().invoke(main, list(args))


def complete(words: str, shell: str = "bash") -> list[str]:
    """What click's own completion answers for the command line ``words`` (the last word is completed)."""
    parts = words.split(" ")
    env = {"_GRAPHMAP_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
    result = CliRunner().invoke(main, [], prog_name="graphmap", env=env)
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if line]


@pytest.fixture
def no_graph(monkeypatch):
    """Completion must never build or load the graph."""

    def refuse(*_a, **_k):
        raise AssertionError("completion built the graph")

    import graphmap.api
    import graphmap.buildcache

    monkeypatch.setattr(graphmap.buildcache, "open", refuse)
    monkeypatch.setattr(graphmap.api, "build", refuse)


def _reference(name: str) -> list[dict]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ---------------------------------------------------------------- completion


def test_area_completion_through_click(no_graph):
    assert complete("graphmap support --area funk") == ["plain,funktionshinder"]
    assert complete("graphmap support -a aldr") == ["plain,aldre"]  # ä typed as a
    zsh = complete("graphmap viz --area funk", "zsh")
    assert zsh == ["plain", "funktionshinder", "Funktionshinder"]  # type, value, help (the label)


def test_area_completion_offers_every_area_and_english_labels(no_graph):
    notations = [c.notation for c in vocabularies().concepts("area")]
    assert [line.split(",", 1)[1] for line in complete("graphmap support --area ")] == notations
    assert complete("graphmap support --area disab") == ["plain,funktionshinder"]  # the English label


def test_municipality_completion_from_the_reference_table(no_graph):
    names = sorted(r["kommun"] for r in _reference("kommuner.csv") if r["kommun"].lower().startswith("upp"))
    assert sorted(complete("graphmap support -a funk --municipality Upp")) == [f"plain,{n}" for n in names]
    assert complete("graphmap support -a funk -m umea") == ["plain,Umeå"]
    assert complete("graphmap support -a funk -m 248") == [
        f"plain,{r['kommunkod']}" for r in _reference("kommuner.csv") if r["kommunkod"].startswith("248")
    ]


def test_county_completion_everywhere_a_county_is_asked_for(no_graph):
    for words in (
        "graphmap gaps --county väster",
        "graphmap gaps -c Väster",
        "graphmap viz --county väster",
        "graphmap report -c väster",
        "graphmap new-region X --county väster",
    ):
        assert complete(words) == ["plain,Västernorrland", "plain,Västerbotten"], words  # 22, 24
    assert complete("graphmap gaps -c 2") == [
        f"plain,{r['lanskod']}" for r in _reference("lan.csv") if r["lanskod"].startswith("2")
    ]
    assert len(complete("graphmap gaps -c ")) == len(_reference("lan.csv")) == 21


def test_actor_completion_from_the_data_tables(no_graph, tmp_path):
    assert "plain,Lycksele" in complete("graphmap chain Lyck")
    assert "plain,FoU Socialtjänst (Västerbotten)" in complete("graphmap chain FoU")
    assert "plain,FoU Socialtjänst (Västerbotten)" in complete("graphmap viz --focus fou")
    # --data decides whose actors are offered
    region = tmp_path / "r"
    region.mkdir()
    (region / "actors.csv").write_text("id,name_sv,name_en\nzz-enheten,Zz-enheten,Zz unit\n", encoding="utf-8")
    assert complete(f"graphmap chain --data {region} Zz") == ["plain,Zz-enheten"]
    assert complete("graphmap chain Zz") == []


def test_query_name_and_param_completion(no_graph):
    assert complete("graphmap query c") == ["plain,chain", "plain,collaborations", "plain,coverage"]
    assert complete("graphmap query support -p ") == ["plain,area=", "plain,municipality="]  # from the header
    assert complete("graphmap query support -p municipality=ume") == ["plain,municipality=Umeå"]
    assert complete("graphmap query gaps --param county=jäm") == ["plain,county=Jämtland"]
    assert complete("graphmap neo4j query support -p area=funk") == ["plain,area=funktionshinder"]
    assert complete("graphmap query nosuch -p ") == []


def test_paramtype_shell_complete_directly():
    items = GraphName("vocab:level").shell_complete(None, None, "nat")
    assert [(i.value, i.help) for i in items] == [("nationell", "Nationell")]
    assert candidates("kommun", "Umeå") == [("Umeå", "2480 Västerbottens län")]
    assert candidates("lan", "jämtland") == [("Jämtland", "23 Jämtlands län")]
    assert candidates("text", "x") == []


# ---------------------------------------------------------------- resolution: today's one-line errors


@pytest.mark.parametrize(
    "args, sv, en",
    [
        (
            ["support", "--area", "funktionshindr", "-m", "Umeå"],
            'Okänt värde för area: "funktionshindr". Menade du: funktionshinder?',
            'Unknown value for area: "funktionshindr". Did you mean: funktionshinder?',
        ),
        (
            ["support", "-a", "funktionshinder", "--municipality", "Umeåå"],
            'Okänt värde för municipality: "Umeåå". Menade du: Umeå?',
            'Unknown value for municipality: "Umeåå". Did you mean: Umeå?',
        ),
        (
            ["gaps", "--county", "Jamtlnd"],
            'Okänt värde för county: "Jamtlnd". Menade du: Jämtlands län?',
            'Unknown value for county: "Jamtlnd". Did you mean: Jämtlands län?',
        ),
        (
            ["chain", "Lyckssele"],
            'Okänt värde för actor: "Lyckssele". Menade du: Lycksele (2481)?',
            'Unknown value for actor: "Lyckssele". Did you mean: Lycksele (2481)?',
        ),
    ],
)
def test_unknown_names_exit_2_with_one_line(args, sv, en):
    for lang, expected in (("sv", sv), ("en", en)):
        result = run(*args, "--lang", lang)
        assert result.exit_code == 2
        assert result.output.strip() == expected


def test_unknown_name_stops_before_any_work(tmp_path):
    out = tmp_path / "x.html"
    result = run("viz", "-o", str(out), "--focus", "Umeåå")
    assert result.exit_code == 2
    assert result.output.strip() == 'Okänt värde för focus: "Umeåå". Menade du: Umeå (2480)?'
    assert not out.exists()


def test_a_name_keeps_what_was_typed(kg):
    name = COUNTY.convert("Västerbotten", None, None)
    assert isinstance(name, Name) and name == "Västerbotten" and (name.ptype, name.param) == ("lan", "county")
    assert str(name.resolve(kg)) == "https://w3id.org/graphmap/id/lan/24"
    assert COUNTY.convert(name, None, None) is name


# ---------------------------------------------------------------- shortcuts from the query headers


def test_shortcuts_follow_their_headers():
    for command, argument in (("support", None), ("gaps", None), ("chain", "actor")):
        query = library()[command]
        params = {p.name: p for p in main.commands[command].params}
        for p in query.params:
            option = params[p.name]
            assert option.required == p.required, (command, p.name)
            assert isinstance(option.type, GraphName) and option.type.ptype == p.type
            assert isinstance(option, click.Argument) == (p.name == argument)
            if isinstance(option, click.Option):
                assert option.opts[0] == f"--{p.name}"
                assert p.label_sv in option.help and p.label_en in option.help
    assert main.commands["support"].params[0].opts == ["--area", "-a"]
    assert main.commands["gaps"].params[0].opts == ["--county", "-c"]


def test_a_header_change_changes_the_command(tmp_path):
    """A copy of support.rq with municipality required and relabelled: the generated command follows."""
    text = library()["support"].path.read_text(encoding="utf-8")
    text = text.replace(
        "# param: municipality | kommun | optional | Kommun | Municipality",
        "# param: municipality | kommun | required | Hemkommun | Home municipality",
    )
    text = text.replace("# param: area | vocab:area | required |", "# param: area | vocab:area | optional |")
    path = tmp_path / "support.rq"
    path.write_text(text, encoding="utf-8")
    query = parse(path)

    @click.command("support")
    @header_params(query)
    def command(**values):
        click.echo(repr(sorted(values.items())))

    helptext = CliRunner().invoke(command, ["--help"], terminal_width=200).output
    assert "Hemkommun (namn eller kod), t.ex. Umeå / Home municipality (name or code), e.g. Umeå." in helptext
    missing = CliRunner().invoke(command, ["-a", "funk"])
    assert missing.exit_code == 2 and "Missing option '--municipality' / '-m'" in missing.output
    done = CliRunner().invoke(command, ["-m", "Umeå"])
    assert done.exit_code == 0 and done.output.strip() == "[('area', None), ('municipality', 'Umeå')]"


def test_help_lists_every_option_in_both_languages():
    for path in (["support"], ["gaps"], ["chain"], ["viz"], ["report"], ["new-region"], ["build"], ["validate"]):
        text = re.sub(r"\s+", " ", run(*path, "--help").output)
        assert "-d, --data PATH" in text and "/ region folder, workbook or built graph" in text, path
    chain = re.sub(r"\s+", " ", run("chain", "--help").output)
    assert "ACTOR: Aktör eller kommun (namn eller id), t.ex. Lycksele / Actor or municipality" in chain
    support = re.sub(r"\s+", " ", run("support", "--help").output)
    assert (
        "-a, --area AREA Verksamhetsområde, t.ex. funktionshinder / Area, e.g. funktionshinder. [required]" in support
    )


def test_query_with_params_keeps_working():
    result = run("query", "support", "-p", "area=funktionshinder", "-p", "municipality=Umeå", "--format", "csv")
    assert result.exit_code == 0 and "FoU Socialtjänst (Västerbotten)" in result.output


# ---------------------------------------------------------------- one DATA, one COUNTY


def _commands(group=main, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))
        else:
            yield prefix + (name,), command


def test_every_data_option_is_the_same():
    seen = []
    for path, command in _commands():
        for p in command.params:
            if p.name in ("data", "data_args"):
                assert p.type is DATA_TYPE, path
                if isinstance(p, click.Option):
                    assert p.opts == ["--data", "-d"] and p.multiple, path
                    seen.append(" ".join(path))
                else:
                    assert p.nargs == -1, path
    assert set(seen) >= {
        "build",
        "validate",
        "query",
        "support",
        "gaps",
        "chain",
        "viz",
        "report",
        "serve",
        "new-region",
        "privacy",
        "export data",
        "export ontology",
        "neo4j push",
    }


def test_every_county_option_is_the_same():
    found = []
    for path, command in _commands():
        for p in command.params:
            if isinstance(p, click.Option) and "--county" in p.opts:
                assert p.opts == ["--county", "-c"], path
                assert isinstance(p.type, GraphName) and p.type.ptype == "lan", path
                found.append(" ".join(path))
    assert sorted(found) == ["gaps", "new-region", "report", "round start", "state", "viz"]


def test_positional_data_and_data_option_mean_the_same(tmp_path):
    region = "data/regions/fyrbodal"
    by_argument = run("build", region, "-o", str(tmp_path / "a.nt"))
    by_option = run("build", "-d", region, "-o", str(tmp_path / "b.nt"))
    assert by_argument.exit_code == by_option.exit_code == 0, by_argument.output + by_option.output
    assert by_argument.output.replace("a.nt", "x") == by_option.output.replace("b.nt", "x")
    assert (tmp_path / "a.nt").read_bytes() == (tmp_path / "b.nt").read_bytes()
    validate = run("validate", "--data", region, "--format", "json")
    assert validate.exit_code == 0 and '"errors": 0' in validate.output


@pytest.mark.slow  # builds and validates in fresh processes: 31 s (wall time, 2 workers, busy machine)
def test_build_and_validate_take_built_graph_files(tmp_path):
    """The same kinds of data everywhere: a built graph is validated (SHACL) and rewritten by build."""
    ttl, nt = tmp_path / "g.ttl", tmp_path / "g.nt"
    assert run("build", "-o", str(ttl)).exit_code == 0
    result = run("build", "-d", str(ttl), "-o", str(nt))
    assert result.exit_code == 0, result.output
    triples = len(Graph().parse(ttl, format="turtle"))
    assert result.output.strip().splitlines()[0] == f"Skrev {nt}: {triples} tripplar från {ttl}."
    assert len(Graph().parse(nt, format="nt")) == triples
    ok = run("validate", str(ttl))
    *warnings, summary = ok.output.strip().splitlines()
    assert ok.exit_code == 0 and summary == f"0 fel, {len(warnings)} varningar. Allt stämmer."
    assert warnings and all("mer än 5 år sedan" in w for w in warnings)  # only the sources due for checking
    broken = Graph().parse(ttl, format="turtle")
    broken.remove((URIRef(ID + "actor/fou-socialtjanst-vasterbotten"), SKOS.prefLabel, None))
    bad = tmp_path / "bad.ttl"
    broken.serialize(bad, format="turtle")
    result = run("validate", str(bad), "--lang", "en")
    assert result.exit_code == 2
    assert result.output.splitlines()[0].startswith(
        "ERROR: id:actor/fou-socialtjanst-vasterbotten, column skos:prefLabel"
    )
    assert run("build", str(bad), "-o", str(tmp_path / "x.ttl")).exit_code == 2
    assert not (tmp_path / "x.ttl").exists()
