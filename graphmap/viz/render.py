"""Render a level-map view model as one self-contained HTML document.

The view model (built elsewhere from the RDF graph) is plain data::

    {"nodes": [{"id", "label", "type", "type_label", "level", "level_label",
                "county", "county_label", "areas", "area_labels", "support",
                "sources", "confidence", "group",
                optional "type_labels" (all types), "people" (personal data)}, ...],
     "edges": [{"from", "to", "kind", "label", optional "confidence" ("stated", "assumed" …)}, ...],
     "labels": {optional UI-string overrides},
     "chains": {optional: start id: {node id: the node before it}, the ``chain`` answer's first chains},
     "betweenness": {optional: node id: normalised betweenness}}

(:func:`graphmap.viz.build_view` fills the optional parts from the library's answers, see
:mod:`graphmap.viz.explore`.)

The page inlines vis-network (shipped inside the pyvis package), its own
CSS/JS and the data, loads nothing from outside (a Content-Security-Policy
with script hashes enforces that), and treats every data value as untrusted
text: data reaches the DOM only through ``textContent``/attribute values and
vis-network's plain-string tooltips, and the embedded JSON is escaped so no
``</script>`` or ``<!--`` can end its block.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .model import build_payload

_ASSETS = Path(__file__).with_name("assets")
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """Return (javascript, css) of the vis-network build bundled with pyvis."""
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    js = re.sub(r"//[#@] sourceMappingURL=\S*", "", js)
    return _inline_safe(js, "script"), _inline_safe(css, "style")


def _inline_safe(text: str, tag: str) -> str:
    """Neutralise sequences that would end or confuse an inline <tag> block."""
    text = re.sub(rf"</(?={tag})", r"<\\/", text, flags=re.IGNORECASE)
    return text.replace("<!--", "<\\!--")


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def json_for_script(data) -> str:
    """JSON that is safe inside <script>: <, >, & and line separators escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def script_hashes() -> list[str]:
    """CSP source expressions of the page's two scripts, for a page that embeds
    the map in an ``<iframe srcdoc>`` (a srcdoc frame also obeys its parent's CSP)."""
    vis_js, _css = vis_assets()
    return [_csp_hash(vis_js), _csp_hash(_inline_safe(_asset("map.js"), "script"))]


def render_map_html(view: dict, lang: str = "sv", title: str | None = None) -> str:
    """Return one self-contained HTML page drawing ``view`` as a level map."""
    payload = build_payload(view, lang)
    vis_js, vis_css = vis_assets()
    app_js = _inline_safe(_asset("map.js"), "script")
    page_title = title if title is not None else payload["strings"]["title"]
    csp = (
        "default-src 'none'; script-src "
        + _csp_hash(vis_js)
        + " "
        + _csp_hash(app_js)
        + "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none';"
        " base-uri 'none'; form-action 'none'"
    )
    values = {
        "LANG": payload["lang"],
        "CSP": html.escape(csp, quote=True),
        "TITLE": html.escape(page_title, quote=True),
        "VIS_CSS": vis_css,
        "APP_CSS": _inline_safe(_asset("map.css"), "style"),
        "VIS_JS": vis_js,
        "DATA": json_for_script(payload),
        "APP_JS": app_js,
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("template.html"))
