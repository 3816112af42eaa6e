"""ruff keeps one layout and its lint rules over everything written by hand (pyproject.toml
[tool.ruff] says which rules and why some are off); the forms pyside6-uic writes are left alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import receiving_app

CHECKOUT = Path(receiving_app.__file__).parent.parent
CHECKED = ["receiving_app", "tests", "benchmarks", "scripts", "build_installer.spec"]


@pytest.mark.parametrize(
    "command",
    [["check", "--no-cache"], ["format", "--check", "--no-cache"]],
    ids=["lint", "format"],
)
def test_ruff_finds_nothing(command: list[str]) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "ruff", *command, *CHECKED],
        capture_output=True,
        text=True,
        cwd=CHECKOUT,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
