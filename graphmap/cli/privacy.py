"""graphmap privacy: every personal field in the data and where it would go."""

from __future__ import annotations

import click

from graphmap.cli.common import DATA, FORMAT, LANG, emit_rows, handle_errors, load_graph
from graphmap.i18n import LANGS, lang_key, t
from graphmap.privacy import OUTPUTS, inventory


@click.command("privacy")
@DATA
@LANG
@FORMAT
@handle_errors
def privacy(data, lang, fmt):
    """Personuppgifter: vilka fält som finns och vart de skulle gå / personal data and where it would go."""
    kg = load_graph(data, lang)
    rows = [
        {
            "resource": f.resource.rsplit("/id/", 1)[-1],
            "field": kg.label(f.field, lang),
            "value": f.value,
            "source": kg.label(f.source, lang),
        }
        for f in inventory(kg.graph)
    ]
    heads = [("resource", "record"), ("field", "field"), ("value", "value"), ("source", "source")]
    emit_rows(
        rows,
        [(k, t(f"cli.privacy.{word}", lang)) for k, word in heads],
        fmt,
        title=t("cli.privacy.title", lang),
        lang=lang,
    )
    if fmt == "table":
        i = LANGS.index(lang_key(lang))  # OUTPUTS rows: (output, default sv, default en, include sv, include en)
        outputs = [{"output": row[0], "default": row[1 + i], "include": row[3 + i]} for row in OUTPUTS]
        emit_rows(
            outputs,
            [(k, t(f"cli.privacy.{k}", lang)) for k in ("output", "default", "include")],
            "table",
            title=t("cli.privacy.where", lang),
            lang=lang,
        )


COMMANDS = [privacy]
