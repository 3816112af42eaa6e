"""Widgets reach the database only through services: no module of the window imports the ORM."""

from __future__ import annotations

import ast
from pathlib import Path

import receiving_app.gui

GUI = Path(receiving_app.gui.__file__).parent
FORBIDDEN = ("sqlalchemy", "receiving_app.persistence", "receiving_app.bootstrap", "receiving_app.cli")


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_no_gui_module_imports_the_database_or_the_wiring() -> None:
    offenders = {
        path.relative_to(GUI).as_posix(): sorted(
            module for module in imported_modules(path) if module.startswith(FORBIDDEN)
        )
        for path in GUI.rglob("*.py")
    }
    assert {name: modules for name, modules in offenders.items() if modules} == {}
