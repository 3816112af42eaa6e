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


def _demo_with_30_rmas(url: str, folder: Path) -> None:
    built = bootstrap(url, settings_path=folder / "settings.json")
    try:
        fill_demo_data(built, rmas=30, seed=7)
    finally:
        built.close()


@pytest.fixture
def station(tmp_path, printed, qapp: QApplication, database_templates) -> Iterator[Station]:
    apply_station_style(qapp)
    settings_path = tmp_path / "settings.json"
    SettingsStore(settings_path).save(
        StationSettings(
            station_id="S1",
            printers={key: {"backend": "folder", "folder": str(printed)} for key in DOCUMENT_PRINTER_KEYS},
        )
    )
    url = f"sqlite:///{tmp_path}/s.sqlite3"
    database_templates.fill(url, "demo with 30 RMAs", _demo_with_30_rmas)
    built = bootstrap(url, settings_path=settings_path)
    yield built
    built.close()
