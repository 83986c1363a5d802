"""One catalogue of user-facing text (graphmap.i18n): complete in both languages, and the only place
that chooses a text by language."""

from __future__ import annotations

import re
import string
from pathlib import Path


from graphmap.i18n import LANGS, MESSAGES, t
from graphmap.i18n.catalogue import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "graphmap"

# a branch on the language: lang == "sv", lang != 'en', "en" == lang …
LANG_BRANCH = re.compile(r"""\blang\s*[!=]=\s*['"](?:sv|en)['"]|['"](?:sv|en)['"]\s*[!=]=\s*lang\b""")

# Modules that still choose a text with a lang == branch, each owned by another engineer who is moving its
# texts into the catalogue. Remove a module from here once it reads its texts through graphmap.i18n.t;
# a module not listed here must not branch on the language.
ALLOWED = {
    # the named queries' titles, parameter and column labels: the sv | en texts of each query file's header
    "graphmap/queries/__init__.py",
}


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def _faults(key: str) -> list[str]:
    """What is wrong with one key of the catalogue (nothing when it is complete in both languages)."""
    pair = MESSAGES[key]
    if not (isinstance(pair, tuple) and len(pair) == len(LANGS) == 2):
        return [f"{key}: not a (sv, en) pair"]
    sv, en = pair
    if not (isinstance(sv, str) and isinstance(en, str) and sv.strip() and en.strip()):
        return [f"{key}: empty text"]
    if _fields(sv) != _fields(en):
        return [f"{key}: {{fields}} differ between sv and en ({sorted(_fields(sv))} / {sorted(_fields(en))})"]
    values = {name: "x" for name in _fields(sv)}
    try:
        filled = t(key, "sv", **values) and t(key, "en", **values)  # every field fills in
    except (KeyError, IndexError, ValueError) as exc:
        return [f"{key}: does not fill in ({exc!r})"]
    return [] if filled else [f"{key}: fills in empty"]


def test_every_key_has_sv_and_en_with_the_same_fields():
    """One test for the whole catalogue that lists every key at fault, not one item per key."""
    faults = [fault for key in sorted(MESSAGES) for fault in _faults(key)]
    assert not faults, f"{len(faults)} of {len(MESSAGES)} keys:\n" + "\n".join(faults)


def test_a_faulty_key_is_listed(monkeypatch):
    monkeypatch.setitem(MESSAGES, "test.broken", ("Hej {namn}", "Hello {name}"))
    monkeypatch.setitem(MESSAGES, "test.empty", ("", "Hello"))
    assert [f.split(":")[0] for f in _faults("test.broken") + _faults("test.empty")] == ["test.broken", "test.empty"]


def test_section_keys_carry_their_section_name():
    for name, section in SECTIONS.items():
        if name == "web":  # the web app's keys predate the prefixes
            continue
        bad = [key for key in section if not key.startswith(name + ".")]
        assert not bad, f"section {name!r}: keys without the {name}. prefix: {bad}"


def test_the_catalogue_merges_every_section():
    assert len(MESSAGES) == sum(len(s) for s in SECTIONS.values())


def test_t_picks_the_language():
    assert t("error.did_you_mean", "sv", names="a, b") == "Menade du: a, b?"
    assert t("error.did_you_mean", "en-GB", names="a") == "Did you mean: a?"
    assert t("map.title", None) == "Stödkarta – socialtjänsten"


def _offenders() -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("graphmap/i18n/"):
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        hits = [n for n, line in enumerate(lines, start=1) if LANG_BRANCH.search(line)]
        if hits:
            found[rel] = hits
    return found


def test_the_pattern_finds_language_branches():
    for line in ('x if lang == "sv" else y', "lang != 'en'", '"en" == lang', 'sv = lang == "sv"'):
        assert LANG_BRANCH.search(line), line
    for line in ('o.language == "sv"', 'lang_key(lang)', 'slang == "svenska"'):
        assert not LANG_BRANCH.search(line), line


def test_no_module_outside_i18n_chooses_a_text_by_language():
    """Texts come from the catalogue through t(key, lang), not from ``if lang == "sv"`` branches."""
    offenders = {path: lines for path, lines in _offenders().items() if path not in ALLOWED}
    assert not offenders, f"choose texts with graphmap.i18n.t, not lang == branches: {offenders}"


def test_converted_modules_stay_converted():
    """The modules whose texts moved into the catalogue (map, labels, errors, ingest, export, privacy)."""
    for rel in (
        "graphmap/viz/styles.py",
        "graphmap/viz/render.py",
        "graphmap/viz/model.py",
        "graphmap/labels.py",
        "graphmap/resolve.py",
        "graphmap/api.py",
        "graphmap/region.py",
        "graphmap/problems.py",
        "graphmap/ingest/emit.py",
        "graphmap/validate/results.py",
        "graphmap/export.py",
        "graphmap/privacy.py",
    ):
        assert rel not in ALLOWED
        text = (ROOT / rel).read_text(encoding="utf-8")
        assert not LANG_BRANCH.search(text), rel
    styles = (PACKAGE / "viz" / "styles.py").read_text(encoding="utf-8")
    assert '"sv":' not in styles and '"en":' not in styles  # no label table of its own


def test_the_cli_chooses_no_text_by_language():
    """Every message of graphmap/cli/* comes from the catalogue's cli.* keys (none is allowed to branch)."""
    modules = sorted((PACKAGE / "cli").glob("*.py"))
    assert len(modules) >= 11
    for path in modules:
        rel = path.relative_to(ROOT).as_posix()
        assert rel not in ALLOWED
        assert not LANG_BRANCH.search(path.read_text(encoding="utf-8")), rel


def test_route_labels_come_from_the_route_vocabulary():
    from graphmap.labels import Labels
    from graphmap.vocab import vocabularies

    routes = vocabularies().schemes["route"]
    assert sorted(routes) == [
        "county",
        "coverage",
        "leads",
        "member",
        "national",
        "region",
        "supports",
        "through",
        "unknown",
    ]
    for code, concept in routes.items():
        assert Labels.route(code, "sv") == concept.labels["sv"] and Labels.route(code, "en") == concept.labels["en"]
    assert (Labels.route("coverage", "sv"), Labels.route("coverage", "en")) == (
        "täcker kommunen",
        "covers the municipality",
    )
    assert Labels.route("through", "en") == "through a network the covering actor takes part in"
    assert Labels.route("unknown-route") == "unknown-route" and Labels.route(None) == ""


def test_map_confidence_labels_are_the_vocabulary_labels():
    from graphmap.viz.model import build_payload
    from graphmap.vocab import vocabularies

    for lang in LANGS:
        payload = build_payload({"nodes": [], "edges": []}, lang)
        assert payload["confidence"] == {c.notation: c.labels[lang] for c in vocabularies().concepts("confidence")}
    assert build_payload({"nodes": [], "edges": []}, "sv")["confidence"]["stated"] == "Uttalad i källan"
    assert build_payload({"nodes": [], "edges": []}, "en")["strings"]["title"] == t("map.title", "en")
