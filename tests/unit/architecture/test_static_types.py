"""The domain's types hold under mypy --strict: money, weights and facts never pass as None or Any unseen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import receiving_app

CHECKOUT = Path(receiving_app.__file__).parent.parent


def test_the_domain_passes_mypy_strict() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "receiving_app/domain"],
        capture_output=True,
        text=True,
        cwd=CHECKOUT,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
