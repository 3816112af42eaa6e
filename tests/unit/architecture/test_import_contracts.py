"""The layers point one way, and the domain needs nothing but the standard library."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import receiving_app

PACKAGE = Path(receiving_app.__file__).parent


def test_layers_point_one_way() -> None:
    """import-linter checks the contract in pyproject.toml: gui -> services -> adapters -> domain."""
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
        ],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Contracts: 4 kept, 0 broken" in completed.stdout


def _imported_top_level_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def test_the_domain_imports_only_the_standard_library() -> None:
    allowed = set(sys.stdlib_module_names) | {"__future__", "receiving_app"}
    offenders = {}
    for path in sorted((PACKAGE / "domain").rglob("*.py")):
        outside = _imported_top_level_modules(path) - allowed
        if outside:
            offenders[path.name] = sorted(outside)
    assert offenders == {}


def test_the_domain_imports_no_outer_layer_of_the_package() -> None:
    outer = (
        "receiving_app.persistence",
        "receiving_app.services",
        "receiving_app.gui",
        "receiving_app.documents",
        "receiving_app.devices",
    )
    for path in sorted((PACKAGE / "domain").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(outer), f"{path.name} imports {node.module}"
