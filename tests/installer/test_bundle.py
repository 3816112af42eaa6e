"""The PyInstaller bundle built by build_installer.spec starts and behaves like the checkout.

The bundle is built once per session into a temporary folder (never into the work tree) and then
run as a user would run it: from an unrelated working directory, headless on Qt's offscreen
platform. Building takes a while, so every test here is marked ``installer`` and can be deselected
with ``-m "not installer"``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from receiving_app import APP_NAME, __version__

pytestmark = pytest.mark.installer

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build_installer.spec"
EXAMPLES = ROOT / "resources" / "examples"
BUILD_TIMEOUT_S = 1800  # two shared cores; a cold build takes well under a minute
RUN_TIMEOUT_S = 120


@dataclass(frozen=True)
class Bundle:
    folder: Path  # dist/<APP_NAME>, the folder an installer would ship
    executable: Path
    internal: Path  # sys._MEIPASS of the frozen app
    build_seconds: float
    scratch: Path  # a working directory away from the checkout, with its own XDG folders


def _require_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    reason = f"PyInstaller is not installed in {sys.executable} (pip install -e '.[installer]')"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}: the installer must be built in CI", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    _require_pyinstaller()
    base = tmp_path_factory.mktemp("installer")
    dist, work, scratch = base / "dist", base / "build", base / "scratch"
    scratch.mkdir()
    started = time.perf_counter()
    # cwd is deliberately not the checkout: the spec must find everything relative to itself.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(SPEC),
            "--noconfirm",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
        ],
        cwd=scratch,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    build_seconds = time.perf_counter() - started
    if result.returncode != 0:
        pytest.fail(f"PyInstaller failed ({result.returncode}):\n{result.stderr[-6000:]}", pytrace=False)
    folder = dist / APP_NAME
    executable = folder / (f"{APP_NAME}.exe" if sys.platform == "win32" else APP_NAME)
    assert executable.is_file(), f"no executable at {executable}"
    print(f"built {folder} in {build_seconds:.1f} s")
    return Bundle(folder, executable, folder / "_internal", build_seconds, scratch)


def run_bundle(bundle: Bundle, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    # Nothing from the development environment may help the frozen app find its code.
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(name, None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # The CLI logs to the user's state folder; keep the test run out of the real one.
    env["XDG_STATE_HOME"] = str(bundle.scratch / "state")
    return subprocess.run(
        [str(bundle.executable), *args],
        cwd=bundle.scratch,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )


def test_version_comes_from_the_package(bundle: Bundle) -> None:
    result = run_bundle(bundle, "--version")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{APP_NAME} {__version__}"


def test_self_test_passes_on_the_offscreen_platform(bundle: Bundle) -> None:
    started = time.perf_counter()
    result = run_bundle(bundle, "--self-test")
    elapsed = time.perf_counter() - started

    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout
    assert "on offscreen" in result.stdout
    print(f"self-test ran in {elapsed:.2f} s: {result.stdout.strip()}")


def test_evaluate_decides_the_worked_example_as_documented(bundle: Bundle) -> None:
    scenario = (EXAMPLES / "spec-scenario.json").read_text(encoding="utf-8")
    expected = json.loads((EXAMPLES / "spec-decision.json").read_text(encoding="utf-8"))

    result = run_bundle(bundle, "evaluate", "-", stdin=scenario)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected


def _files_under(folder: Path, relative_to: Path) -> set[str]:
    return {
        path.relative_to(relative_to).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in path.parts)
    }


def test_every_resource_file_is_bundled_where_resources_dir_looks(bundle: Bundle) -> None:
    # resources/ is the package receiving_app.resources, in the bundle as in a wheel.
    shipped = _files_under(ROOT / "resources", ROOT / "resources")
    bundled = _files_under(
        bundle.internal / "receiving_app" / "resources", bundle.internal / "receiving_app" / "resources"
    )

    assert shipped <= bundled, f"missing from the bundle: {sorted(shipped - bundled)}"


def test_migration_scripts_are_files_where_alembic_looks(bundle: Bundle) -> None:
    # Alembic loads env.py and versions/*.py from disk, not from the frozen archive.
    migrations = ROOT / "receiving_app" / "persistence" / "migrations"
    shipped = _files_under(migrations, ROOT)
    bundled = _files_under(bundle.internal / "receiving_app", bundle.internal)

    assert shipped <= bundled, f"missing from the bundle: {sorted(shipped - bundled)}"


def test_bundle_carries_the_qt_the_station_uses_and_not_the_rest(bundle: Bundle) -> None:
    files = [path for path in bundle.folder.rglob("*") if path.is_file()]
    platform_plugins = {
        path.name.split(".")[0].removeprefix("lib") for path in files if path.parent.name == "platforms"
    }
    names = " ".join(path.name for path in files)
    unused = sorted(
        path.name
        for path in files
        if any(part in path.name for part in ("Qt6WebEngine", "Qt63D", "Qt6VirtualKeyboard"))
    )

    assert "qoffscreen" in platform_plugins, f"platform plugins bundled: {sorted(platform_plugins)}"
    for needed in ("Qt6Charts", "Qt6Pdf", "Qt6Multimedia", "Qt6PrintSupport"):
        assert needed in names, f"{needed} is missing from the bundle"
    assert unused == [], f"Qt libraries the station does not use were bundled: {unused}"
