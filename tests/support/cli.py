"""Running ``receiving-app`` as a real subprocess, the way scripts and the acceptance checks do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(
    *args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 120,
) -> Run:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "receiving_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=timeout,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)
