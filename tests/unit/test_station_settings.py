"""A station's settings before anyone has saved any, and the aging limits a station sets."""

from __future__ import annotations

import json
import socket

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.services.settings import SettingsStore


def test_a_station_without_a_settings_file_is_named_after_its_computer(tmp_path) -> None:
    settings = SettingsStore(tmp_path / "settings.json").load()
    assert settings.station_id == socket.gethostname()
    assert not (tmp_path / "settings.json").exists()


def test_the_aging_limits_are_48_hours_and_7_days_until_set(tmp_path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = store.load()
    assert (settings.aging_inspection_hours, settings.aging_unidentified_days) == (48, 7)

    store.save(settings.with_changes(aging_inspection_hours=24, aging_unidentified_days=3))
    reloaded = SettingsStore(tmp_path / "settings.json").load()
    assert (reloaded.aging_inspection_hours, reloaded.aging_unidentified_days) == (24, 3)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("aging_inspection_hours", 0),
        ("aging_inspection_hours", 2161),
        ("aging_inspection_hours", "48"),
        ("aging_unidentified_days", 366),
        ("aging_unidentified_days", True),
    ],
)
def test_an_aging_limit_out_of_bounds_is_refused_and_a_file_holding_one_is_set_aside(tmp_path, name, value) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    with pytest.raises(InputError, match=f"^{name} must be a whole number from 1 to "):
        store.save(store.load().with_changes(**{name: value}))
    assert not path.exists()

    path.write_text(json.dumps({name: value}))
    loaded = SettingsStore(path)
    assert loaded.load().aging_inspection_hours == 48 and loaded.load().aging_unidentified_days == 7
    assert loaded.problem is not None and name in loaded.problem
