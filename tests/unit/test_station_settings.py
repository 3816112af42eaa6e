"""A station's settings before anyone has saved any."""

from __future__ import annotations

import socket

from receiving_app.services.settings import SettingsStore


def test_a_station_without_a_settings_file_is_named_after_its_computer(tmp_path) -> None:
    settings = SettingsStore(tmp_path / "settings.json").load()
    assert settings.station_id == socket.gethostname()
    assert not (tmp_path / "settings.json").exists()
