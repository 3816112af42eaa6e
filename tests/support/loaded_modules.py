"""What a ``receiving-app`` command loads: the command run by ``main`` in a fresh interpreter, which then
names every module it has imported. A command that loads a library it does not use pays its import
at every call (a warehouse script calling `rma list` in a loop, this suite's own subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]

# The command's own output is kept apart from the list of modules printed after it.
_PROGRAM = """
import contextlib, io, json, sys
from receiving_app.cli import main
printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "stdout": printed.getvalue(), "modules": sorted(sys.modules)}))
"""


@dataclass(frozen=True)
class LoadedBy:
    code: int
    stdout: str
    stderr: str
    modules: frozenset[str]

    def loaded(self, package: str) -> bool:
        """Whether ``package`` or any module inside it was imported."""
        return any(name == package or name.startswith(f"{package}.") for name in self.modules)


def modules_loaded_by(*argv: str, env: dict[str, str] | None = None, timeout: float = 120) -> LoadedBy:
    completed = subprocess.run(
        [sys.executable, "-c", _PROGRAM, *argv],
        capture_output=True,
        text=True,
        cwd=CHECKOUT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        timeout=timeout,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    report = json.loads(completed.stdout.splitlines()[-1])
    return LoadedBy(report["code"], report["stdout"], completed.stderr, frozenset(report["modules"]))
