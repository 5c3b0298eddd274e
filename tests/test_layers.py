"""Imports flow one way: every module of ``pipeline`` imports only from its own layer's units or from lower ones.

The layers, highest first (docs/architecture.md, "Import rule"). A unit is a top-level module or package
of ``pipeline``; a module may always import from its own unit. Units of a layer marked shared may import
each other; the rule packages are peers that never do (what one needs from another goes down a layer).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pipeline.config import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "pipeline"

# (layer, its units, whether its units may import each other)
LAYERS: tuple[tuple[str, frozenset[str], bool], ...] = (
    ("commands", frozenset({"__main__", "cli", "runner", "bench", "evaluate", "report", "query", "dictionary"}), True),
    ("stages", frozenset({"stages"}), True),
    ("rules", frozenset({"normalize", "events", "timeline", "nlp", "parser", "relevance"}), False),
    ("inputs and tables", frozenset({"readers", "io", "publish", "schemas"}), True),
    ("helpers", frozenset({"articles", "labels", "rulefiles", "records", "config", "views", "names", "errors",
                           "fingerprint", "progress", "executors", "permissions"}), True),
)
RANK = {unit: rank for rank, (_, units, _) in enumerate(LAYERS) for unit in units}


def unit_of(module: str) -> str:
    """The unit of a dotted module name inside ``pipeline`` ("pipeline.normalize.dates" → "normalize")."""
    return module.split(".")[1]


def imported_modules(source: str) -> set[str]:
    """Every ``pipeline.*`` module a source imports, at the top or inside a function.

    ``from pipeline import io`` imports the module ``pipeline.io``; ``from pipeline.x import name``
    counts as importing ``pipeline.x``.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError("relative imports hide which layer they reach; write pipeline.<unit>")
            if node.module == "pipeline":
                found.update(f"pipeline.{alias.name}" for alias in node.names)
            elif node.module:
                found.add(node.module)
    return {name for name in found if name.startswith("pipeline.")}


def back_edges(module: str, source: str) -> list[str]:
    """What is wrong with the imports of ``module`` (a dotted name), one message per bad import."""
    own = unit_of(module)
    problems = []
    for target in sorted(imported_modules(source)):
        other = unit_of(target)
        if other == own:
            continue
        if other not in RANK:
            problems.append(f"{module} imports {target}, whose unit {other!r} has no layer in LAYERS")
            continue
        mine, theirs = RANK[own], RANK[other]
        name, _, shared = LAYERS[mine]
        if theirs < mine:
            problems.append(f"{module} ({name}) imports {target} ({LAYERS[theirs][0]}), a higher layer")
        elif theirs == mine and not shared:
            problems.append(f"{module} imports {target}: the {name} units are peers and never import each other")
    return problems


def modules() -> list[tuple[str, Path]]:
    """Every module of the package as ``(dotted name, path)``, the package's own ``__init__`` aside."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
        if parts == ("pipeline", "__init__"):
            continue
        out.append((".".join(parts), path))
    return out


@pytest.mark.parametrize(("module", "path"), modules(), ids=[name for name, _ in modules()])
def test_imports_flow_down(module, path):
    assert unit_of(module) in RANK, f"{module}: add its unit to LAYERS (and to docs/architecture.md)"
    assert back_edges(module, path.read_text(encoding="utf-8")) == []


def test_every_layer_unit_exists():
    # A unit that was renamed or removed would leave the table describing a package that is not there.
    present = {unit_of(name) for name, _ in modules()}
    # "parser" is placed for the syntax parser's package, which arrives with its own change.
    assert set(RANK) - present <= {"parser"}


@pytest.mark.parametrize(("module", "source", "expected"), [
    ("pipeline.normalize.dates", "from pipeline.stages.normalize import registered", "a higher layer"),
    ("pipeline.nlp.people", "def f():\n    from pipeline.normalize import officials", "peers"),
    ("pipeline.events.detect", "import pipeline.normalize.registry", "peers"),
    ("pipeline.names", "from pipeline import io", "a higher layer"),
    ("pipeline.readers.text", "from pipeline.extras import x", "no layer"),
])
def test_a_back_edge_is_reported(module, source, expected):
    [problem] = back_edges(module, source)
    assert expected in problem


@pytest.mark.parametrize(("module", "source"), [
    ("pipeline.stages.normalize", "from pipeline.normalize.registry import Normalizer"),
    ("pipeline.normalize.quotes", "from pipeline.views import Mention\nfrom pipeline.normalize.registry import N"),
    ("pipeline.cli", "from pipeline import io\nfrom pipeline.report import write_report"),
    ("pipeline.articles", "from pipeline.records import RawArticle"),
])
def test_imports_down_or_within_a_shared_layer_pass(module, source):
    assert back_edges(module, source) == []
