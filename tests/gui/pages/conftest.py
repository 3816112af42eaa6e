"""A demo station on a fresh SQLite file whose printers all save to a folder under tmp_path, and the
station's type size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.gui.style import apply_station_style
from receiving_app.services.settings import (
    DOCUMENT_PRINTER_KEYS,
    SettingsStore,
    StationSettings,
)
from receiving_app.services.station import Station
from tests.support.deciding import decide  # noqa: F401  (a fixture, used by name)
from tests.support.printer_ports import closed_port  # noqa: F401  (a fixture, used by name)


@pytest.fixture
def printed(tmp_path) -> Path:
    return tmp_path / "printed"


@pytest.fixture
def station(tmp_path, printed, qapp: QApplication) -> Iterator[Station]:
    apply_station_style(qapp)
    settings_path = tmp_path / "settings.json"
    SettingsStore(settings_path).save(
        StationSettings(
            station_id="S1",
            printers={key: {"backend": "folder", "folder": str(printed)} for key in DOCUMENT_PRINTER_KEYS},
        )
    )
    built = bootstrap(f"sqlite:///{tmp_path}/s.sqlite3", settings_path=settings_path)
    fill_demo_data(built, rmas=30, seed=7)
    yield built
    built.close()
