"""The top of the house: the wiring imports everything, and nothing imports the wiring back."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

# bot.app builds the Core; bot.runner runs the commands with it; bot.__main__ starts them.
WIRING = {"bot/app.py", "bot/runner.py", "bot/__main__.py"}


def _imports(source: str) -> set[str]:
    """Every module a file imports, by its dotted name (from-imports name their module)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_module_below_the_wiring_imports_bot_app() -> None:
    """Adapters, the service and the rest take a Core (bot.core); only wiring imports bot.app."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "bot").rglob("*.py")
        if str(path.relative_to(ROOT)) not in WIRING
        and {"bot.app", "bot.runner"} & _imports(path.read_text("utf-8"))
    ]
    assert offenders == []
