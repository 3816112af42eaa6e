"""Shared test helpers live in tests/support: a test module never imports from another test module,
so moving or deleting one test cannot break another."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[2]
TEST_FOLDERS = ("tests.unit", "tests.integration", "tests.gui", "tests.installer", "tests.benchmarks_smoke")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


def test_no_test_module_imports_from_another_test_module() -> None:
    offenders = [
        f"{path.relative_to(TESTS.parent)} imports {module}"
        for path in sorted(TESTS.rglob("*.py"))
        if "support" not in path.relative_to(TESTS).parts
        for module in imported_modules(path)
        if module.startswith(TEST_FOLDERS) or module.startswith(".")
    ]
    assert offenders == []
