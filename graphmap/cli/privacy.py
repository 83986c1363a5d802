"""graphmap privacy: every personal field in the data and where it would go."""
from __future__ import annotations

import click

from graphmap.cli.common import DATA, FORMAT, LANG, emit_rows, handle_errors, load_graph
from graphmap.privacy import OUTPUTS, inventory


@click.command("privacy")
@DATA
@LANG
@FORMAT
@handle_errors
def privacy(data, lang, fmt):
    """Personuppgifter: vilka fält som finns och vart de skulle gå / personal data and where it would go."""
    kg = load_graph(data, lang)
    rows = [{"resource": f.resource.rsplit("/id/", 1)[-1], "field": kg.label(f.field, lang), "value": f.value,
             "source": kg.label(f.source, lang)} for f in inventory(kg.graph)]
    sv = lang == "sv"
    emit_rows(rows, [("resource", "Post" if sv else "Record"), ("field", "Fält" if sv else "Field"),
                     ("value", "Värde" if sv else "Value"), ("source", "Källa" if sv else "Source")], fmt,
              title="Personuppgifter i datat" if sv else "Personal data in the data")
    if fmt == "table":
        outputs = [{"output": o, "default": d_sv if sv else d_en, "include": inc_sv if sv else inc_en}
                   for o, d_sv, d_en, inc_sv, inc_en in OUTPUTS]
        emit_rows(outputs, [("output", "Utdata" if sv else "Output"), ("default", "Som standard" if sv else "By default"),
                            ("include", "Ändras med" if sv else "Changed with")], "table",
                  title="Vart personuppgifterna skulle gå" if sv else "Where personal data would go")


COMMANDS = [privacy]
