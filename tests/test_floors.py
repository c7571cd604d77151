"""The house rule (README, "How it is built"): every import of the project's
own code runs to the same floor or a lower one, read from the source (every
import statement, also those inside functions), so a cycle cannot be dodged by
hiding an import in a function."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOORS: dict[str, int] = {
    "core": 1,  # the document model and the text tools
    "parsers": 2,  # one per input format
    "extractors": 2,  # one per kind of record
    "pipeline": 3,  # parse → extract → assemble one document (and its review, its scoring)
    "tracker": 4,  # store, query, status, reminders, scoresheet, citation graph
    "cli": 5,  # the shells: the vanban command, the Prefect flows, benches, tools
    "flows": 5,
    "bench": 5,
    "tools": 5,
}
# floors that are a library: functions and types, no command-line parsing
NO_ARGPARSE_BELOW = 5


def _imported(node: ast.AST, module: str) -> list[str]:
    """Absolute names of the modules an import statement reaches."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:  # relative: resolve against the importing module's package
            base = module.split(".")[: -node.level]
            return [".".join(base + ([node.module] if node.module else []))]
        return [node.module or ""]
    return []


def violations(path: str, source: str) -> list[str]:
    """Every import in ``source`` (the module at ``path``, relative to the
    root) that climbs to a higher floor, or reads argv below the shells."""
    parts = Path(path).with_suffix("").parts
    module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    floor = FLOORS[parts[0]]
    out = []
    for node in ast.walk(ast.parse(source, filename=path)):
        for name in _imported(node, module):
            top = name.split(".")[0]
            where = f"{path}:{getattr(node, 'lineno', '?')}"
            if top in FLOORS and FLOORS[top] > floor:
                out.append(f"{where}: {parts[0]} (floor {floor}) imports {name} (floor {FLOORS[top]})")
            if top == "argparse" and floor < NO_ARGPARSE_BELOW:
                out.append(f"{where}: {parts[0]} (floor {floor}) is a library but imports argparse")
    return out


def _modules() -> list[Path]:
    return sorted(p for pkg in FLOORS for p in (ROOT / pkg).rglob("*.py"))


def test_every_import_runs_to_the_same_or_a_lower_floor():
    found = [v for p in _modules() for v in violations(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found)


def test_every_package_of_the_project_has_a_floor():
    skip = {"tests", "data", "build", "dist"}
    packages = {
        d.name for d in ROOT.iterdir()
        if d.is_dir() and not d.name.startswith((".", "_")) and d.name not in skip and any(d.glob("*.py"))
    }
    assert packages <= set(FLOORS), f"give these a floor in tests/test_floors.py: {sorted(packages - set(FLOORS))}"
    assert len(_modules()) > 60  # the walk found the tree


def test_the_rule_catches_an_import_up_even_inside_a_function():
    hidden = "def f():\n    from tracker.store import Store\n    return Store\n"
    assert violations("extractors/x.py", hidden) == [
        "extractors/x.py:2: extractors (floor 2) imports tracker.store (floor 4)"
    ]
    assert violations("core/x.py", "from . import model\nimport parsers\n") == [
        "core/x.py:2: core (floor 1) imports parsers (floor 2)"
    ]
    assert violations("tracker/x.py", "import argparse\n")
    assert not violations("cli/x.py", "import argparse\nfrom tracker.query import select\nfrom core import io\n")
    assert not violations("parsers/x.py", "from extractors.dates import find_dates\nfrom core.model import Document\n")
