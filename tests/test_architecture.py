"""The layers of ARCHITECTURE.md, checked: imports run downhill, no module imports a private name of
another package, and every layer named in ARCHITECTURE.md's table is the one this test enforces."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "graphmap"

# the top-level module or package of graphmap -> its layer (ARCHITECTURE.md, "Layers")
LAYERS = {
    0: {"version", "ontology", "i18n", "fileio", "tabular", "slug", "problems", "terms", "packagedata", "workspace"},
    1: {"schema", "vocab", "labels", "shapes", "privacy", "queries", "datasets"},
    2: {"ingest", "validate", "store", "resolve"},
    3: {"api", "answers", "analysis", "mapstate", "buildcache", "sources"},
    4: {"viz", "export", "catalog", "ontology_export", "region", "synth", "neo4j", "round"},
    5: {"report", "serve"},
    6: {"cli", "__main__", ""},  # "" = graphmap/__init__.py, the front door that re-exports the API
}
LAYER = {name: layer for layer, names in LAYERS.items() for name in names}


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports():
    """(importing module, its top-level name, imported module, names) for every graphmap import."""
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        module = ".".join(rel.parts)
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        module = module.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if target == "graphmap" or target.startswith("graphmap."):
                    for alias in node.names:  # ``from graphmap import analysis`` imports graphmap.analysis
                        sub = PACKAGE.joinpath(*target.split(".")[1:], alias.name)
                        if sub.with_suffix(".py").exists() or (sub / "__init__.py").exists():
                            yield module, f"{target}.{alias.name}", []
                        else:
                            yield module, target, [alias.name]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "graphmap" or alias.name.startswith("graphmap."):
                        yield module, alias.name, []


def test_every_module_has_a_layer():
    tops = {_top(m) for m, _t, _n in _imports()} | {_top(t) for _m, t, _n in _imports()}
    missing = sorted(t for t in tops if t not in LAYER)
    assert not missing, f"add these to ARCHITECTURE.md's layers and to LAYERS here: {missing}"


def test_imports_run_downhill():
    upward = sorted({(m, t) for m, t, _n in _imports() if LAYER[_top(t)] > LAYER[_top(m)]})
    assert not upward, "imports that go up a layer (ARCHITECTURE.md):\n" + "\n".join(f"  {m} -> {t}" for m, t in upward)


def test_no_module_imports_a_private_name_of_another_module():
    """Not across packages, and not inside one either (a private name is its module's own)."""
    private = sorted(
        {
            (m, t, n)
            for m, t, names in _imports()
            for n in names
            if n.startswith("_") and not n.startswith("__") and m != t
        }
    )
    assert not private, f"private names imported from another module: {private}"


def _module_imports() -> dict[str, set[str]]:
    """graphmap module -> the graphmap modules it imports (anywhere in it, at any depth)."""
    graph: dict[str, set[str]] = {}
    for m, t, _n in _imports():
        graph.setdefault(m, set()).add(t)
    return graph


def test_no_two_modules_import_each_other():
    graph = _module_imports()
    pairs = sorted(
        {tuple(sorted((a, b))) for a, targets in graph.items() for b in targets if a != b and a in graph.get(b, set())}
    )
    assert not pairs, f"modules that import each other (a seam is missing): {pairs}"


def test_the_layer_table_in_architecture_md_matches():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for layer, names in LAYERS.items():
        row = next(line for line in text.splitlines() if re.match(rf"\| {layer} ", line))
        named = set(re.findall(r"`([a-z_0-9]+)(?:/|`|\.py| \()", row.split("|")[2]))
        expected = {n for n in names if n}
        assert expected <= named, f"layer {layer}: ARCHITECTURE.md does not name {sorted(expected - named)}"
