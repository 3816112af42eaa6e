"""The domain's and the services' types hold under mypy --strict: money, weights, facts and the rows
the services read never pass as None or Any unseen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import receiving_app

CHECKOUT = Path(receiving_app.__file__).parent.parent


def test_the_domain_and_the_services_pass_mypy_strict_together() -> None:
    """One mypy run over both packages (and what they import), so that the services' calls into
    the domain are checked against its types as well."""
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "receiving_app/domain",
            "receiving_app/services",
        ],
        capture_output=True,
        text=True,
        cwd=CHECKOUT,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
