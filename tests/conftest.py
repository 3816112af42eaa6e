"""Suite-wide guards: no float may ever reach a Decimal, Qt runs without a screen, and the audit
chain's key is the suite's own, not the key of whoever runs the tests."""

from __future__ import annotations

import compileall
import decimal
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.database_templates import DatabaseTemplates, database_templates_for_session
from tests.support.shared_compiling import engines_compiling_once

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Set before the workers and the subprocesses start, so that every one of them seals with one key. The
# folder is made by the process that sets the variable (the workers inherit it) and removed by it at the end.
_CHAIN_KEY_FOLDER = None
if "RECEIVING_APP_CHAIN_KEY_FILE" not in os.environ:
    _CHAIN_KEY_FOLDER = tempfile.mkdtemp(prefix="receiving-chain-key-")
    os.environ["RECEIVING_APP_CHAIN_KEY_FILE"] = os.path.join(_CHAIN_KEY_FOLDER, "audit-chain.key")


def pytest_sessionstart(session: pytest.Session) -> None:
    """The controller compiles the package once before the workers start. Hundreds of tests run the
    station as a subprocess, and on a machine where PYTHONDONTWRITEBYTECODE is set no process ever
    writes bytecode, so each of them would compile every module it imports again."""
    if not hasattr(session.config, "workerinput"):
        compileall.compile_dir(Path(__file__).resolve().parents[1] / "receiving_app", quiet=1)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _CHAIN_KEY_FOLDER is not None:
        shutil.rmtree(_CHAIN_KEY_FOLDER, ignore_errors=True)


@pytest.fixture(autouse=True)
def trap_float_operations():
    """Mixing floats into Decimal arithmetic raises during every test, wherever it happens."""
    context = decimal.getcontext()
    previous = context.traps[decimal.FloatOperation]
    context.traps[decimal.FloatOperation] = True
    yield
    context.traps[decimal.FloatOperation] = previous


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests (and the installer build) start first: pytest-xdist hands out modules in
    collection order (pyproject.toml turns its own reordering off), and a thousand power cuts
    started last would leave one worker running alone at the end."""
    items.sort(key=lambda item: not any(item.get_closest_marker(name) for name in ("slow", "installer")))


@pytest.fixture(scope="session")
def database_templates(tmp_path_factory) -> Iterator[DatabaseTemplates]:
    """Prepared databases of this test process, copied for each test (see tests/support/database_templates.py)."""
    yield from database_templates_for_session(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session", autouse=True)
def compile_each_statement_once() -> Iterator[None]:
    """Every engine of a test process shares what it compiled (tests/support/shared_compiling.py)."""
    with engines_compiling_once():
        yield
