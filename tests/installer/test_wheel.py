"""A wheel built from this checkout is the whole station: installed alone, it finds its policies.

The wheel is built from a copy of the packaging inputs (so no ``build/`` or ``*.egg-info`` appears
in the work tree), installed with ``--no-deps`` into a fresh virtual environment in a temporary
folder, and run from another temporary folder, never from the checkout. The new environment has
no pip of its own (the running pip installs into it with ``--python``, which is much faster than
bootstrapping one) and borrows the third-party dependencies from the running environment through a
``.pth`` line naming its site-packages. A ``.pth`` line only adds a folder to ``sys.path``: the
``.pth`` files inside that folder are not run, so the editable install's import hook, the one way
to this checkout, stays off. The tests check that too: ``receiving_app`` and its resources must be
imported from the new environment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from receiving_app import APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
# What setuptools reads to build the wheel: pyproject.toml names the readme and maps resources/.
PACKAGING_INPUTS = ("pyproject.toml", "README.md", "receiving_app", "resources")
EXAMPLES = ROOT / "resources" / "examples"
TIMEOUT_S = 600


@dataclass(frozen=True)
class InstalledWheel:
    wheel: Path
    environment: Path  # the fresh virtual environment
    scratch: Path  # the working directory of every run, outside the checkout

    @property
    def bin(self) -> Path:
        return self.environment / ("Scripts" if sys.platform == "win32" else "bin")

    @property
    def python(self) -> Path:
        return self.bin / ("python.exe" if sys.platform == "win32" else "python")

    @property
    def command(self) -> Path:
        return self.bin / (f"{APP_NAME}.exe" if sys.platform == "win32" else APP_NAME)


def _run(
    args: list[str], *, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=TIMEOUT_S)


def _must(result: subprocess.CompletedProcess[str], doing: str) -> None:
    if result.returncode != 0:
        pytest.fail(
            f"{doing} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}", pytrace=False
        )


def _ignore_leftovers(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name == "__pycache__" or name.startswith(".") or name.endswith(".egg-info")]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> InstalledWheel:
    base = tmp_path_factory.mktemp("wheel")
    source, wheels, environment, scratch = base / "source", base / "wheels", base / "venv", base / "scratch"
    source.mkdir()
    scratch.mkdir()
    for name in PACKAGING_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=_ignore_leftovers)
        else:
            shutil.copy2(ROOT / name, source / name)

    started = time.perf_counter()
    # Built as `pip install .` builds it: in an isolated environment with the build-system.requires.
    _must(
        _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(wheels), str(source)], cwd=scratch),
        "building the wheel",
    )
    (wheel,) = wheels.glob("*.whl")
    built = time.perf_counter()

    # From the base interpreter, never from this virtual environment's site-packages.
    _must(
        _run([sys.executable, "-m", "venv", "--without-pip", str(environment)], cwd=scratch),
        "creating the virtual environment",
    )
    installed = InstalledWheel(wheel, environment, scratch)
    _must(
        _run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(installed.python),
                "install",
                "--no-deps",
                "--no-index",
                str(wheel),
            ],
            cwd=scratch,
        ),
        "installing the wheel",
    )
    # The dependencies (PySide6, SQLAlchemy, reportlab...) only, after the wheel is in place.
    target = Path(
        _run(
            [str(installed.python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=scratch
        ).stdout.strip()
    )
    borrowed = sorted({sysconfig.get_path("purelib"), sysconfig.get_path("platlib")})
    (target / "zz_borrowed_dependencies.pth").write_text(
        "".join(f"{folder}\n" for folder in borrowed), encoding="utf-8"
    )
    print(f"wheel {wheel.name} built in {built - started:.1f} s, installed in {time.perf_counter() - built:.1f} s")
    return installed


def _station_env(installed: InstalledWheel) -> dict[str, str]:
    env = dict(os.environ)
    # Nothing from the development environment may help the installed station find its code.
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "RECEIVING_APP_DB"):
        env.pop(name, None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # The command logs to the user's state folder; keep the run out of the real one.
    for variable in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[variable] = str(installed.scratch / variable.lower())
    return env


def run_station(installed: InstalledWheel, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return _run([str(installed.command), *args], cwd=installed.scratch, env=_station_env(installed), stdin=stdin)


def test_the_station_and_its_resources_come_from_the_wheel_not_the_checkout(installed: InstalledWheel) -> None:
    probe = (
        "import receiving_app, receiving_app.locations as l; print(receiving_app.__file__); print(l.resources_dir())"
    )
    result = _run([str(installed.python), "-c", probe], cwd=installed.scratch, env=_station_env(installed))

    assert result.returncode == 0, result.stderr
    package, resources = (Path(line).resolve() for line in result.stdout.split())
    environment = installed.environment.resolve()
    assert package.is_relative_to(environment), f"receiving_app was imported from {package}"
    assert resources.is_relative_to(environment), f"the resources were found at {resources}"
    assert not resources.is_relative_to(ROOT)


def test_the_wheel_carries_every_resource_file(installed: InstalledWheel) -> None:
    result = _run(
        [str(installed.python), "-c", "import receiving_app.locations as l; print(l.resources_dir())"],
        cwd=installed.scratch,
        env=_station_env(installed),
    )
    assert result.returncode == 0, result.stderr
    resources = Path(result.stdout.strip())

    def files_under(folder: Path) -> set[str]:
        return {
            path.relative_to(folder).as_posix()
            for path in folder.rglob("*")
            if path.is_file()
            and not any(part.startswith(".") or part == "__pycache__" for part in path.relative_to(folder).parts)
        }

    missing = files_under(ROOT / "resources") - files_under(resources)
    assert not missing, f"missing from the wheel: {sorted(missing)}"


def test_evaluate_decides_the_worked_example_from_another_folder(installed: InstalledWheel) -> None:
    scenario = installed.scratch / "scenario.json"
    shutil.copy2(EXAMPLES / "spec-scenario.json", scenario)
    expected = json.loads((EXAMPLES / "spec-decision.json").read_text(encoding="utf-8"))

    result = run_station(installed, "evaluate", scenario.name)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected


def test_self_test_passes_from_another_folder(installed: InstalledWheel) -> None:
    result = run_station(installed, "--self-test")

    assert result.returncode == 0, result.stderr
    assert f"{APP_NAME} {__version__} self-test ok" in result.stdout
    policies = len(list((ROOT / "resources" / "policies").glob("*.toml")))
    assert f"{policies} policies" in result.stdout
