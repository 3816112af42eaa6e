"""The command-line tests' printer ports (tests/support/printer_ports.py), and the folders and database
copies of the modules that run commands in this process on one demo database each."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.printer_ports import closed_port, raw_port_server  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Iterator[Path]:
    """One user's folders for the module, so that the audit key and settings the commands use are the test's own."""
    folder = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            patch.setenv(variable, str(folder / variable.lower()))
        patch.delenv("RECEIVING_APP_DB", raising=False)
        yield folder


@pytest.fixture
def database(template, tmp_path) -> Path:
    """A copy of the module's ``template`` database, for one test to change."""
    copy = tmp_path / "station.sqlite3"
    shutil.copy(template, copy)
    return copy
