"""The ``graphmap`` command: a thin layer over the Python API (:mod:`graphmap.api`).

Each command group lives in its own module here and is registered below.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from graphmap.cli.params import help_text
from graphmap.version import __version__
from graphmap.workspace import ENV, enter

COMMAND_MODULES = ["core"]
OPTIONAL_MODULES = ["viz", "report", "neo4j", "export", "region", "serve", "synth", "privacy", "round", "sources"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="graphmap")
@click.option(
    "--workspace", type=click.Path(file_okay=False, path_type=Path), envvar=ENV, help=help_text("cli.help.workspace")
)
def main(workspace):
    """graphmap – var finns stöd i socialtjänsten? / where does support exist in Swedish social services?

    Utan DATA används det medföljande datasetet. / Without DATA the bundled dataset is used.
    """
    if workspace is not None:
        enter(workspace)


def _register() -> None:
    for name in COMMAND_MODULES + OPTIONAL_MODULES:
        try:
            module = importlib.import_module(f"graphmap.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"graphmap.cli.{name}" and name in OPTIONAL_MODULES:
                continue
            raise
        for command in module.COMMANDS:
            main.add_command(command)


_register()
