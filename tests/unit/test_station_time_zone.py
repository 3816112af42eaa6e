"""The station's time zone: a setting checked against the zones this computer knows, which the
RECEIVING_APP_TIME_ZONE environment variable overrides."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.services.settings import SettingsStore
from receiving_app.services.station_time import ZONE_VARIABLE, on_station_clock, station_zone


def test_a_station_is_on_its_computer_s_clock_until_it_names_a_zone(tmp_path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    assert store.load().time_zone == ""
    assert station_zone("", environ={}) is None

    store.save(store.load().with_changes(time_zone="America/Los_Angeles"))
    saved = SettingsStore(tmp_path / "settings.json").load()
    assert saved.time_zone == "America/Los_Angeles"
    assert station_zone(saved.time_zone, environ={}) == ZoneInfo("America/Los_Angeles")


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "PST8PDT-ish", "../../etc/passwd", "america/los angeles"])
def test_a_name_no_time_zone_has_is_refused_and_a_file_holding_one_is_set_aside(tmp_path, name: str) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    with pytest.raises(InputError, match=r"^time_zone: .* is not a time zone this computer knows; use an IANA name"):
        store.save(store.load().with_changes(time_zone=name))
    assert not path.exists()

    path.write_text(json.dumps({"time_zone": name, "station_id": "bench-7"}))
    loaded = SettingsStore(path)
    settings = loaded.load()
    assert settings.time_zone == "" and settings.station_id != "bench-7"  # the defaults are in effect
    assert loaded.problem is not None and "time_zone" in loaded.problem and "defaults are in effect" in loaded.problem


def test_the_environment_variable_overrides_the_setting() -> None:
    environ = {ZONE_VARIABLE: "Asia/Tokyo"}
    assert station_zone("America/Los_Angeles", environ=environ) == ZoneInfo("Asia/Tokyo")
    assert station_zone("", environ=environ) == ZoneInfo("Asia/Tokyo")
    # Empty is as good as unset: the setting stands.
    assert station_zone("Europe/Berlin", environ={ZONE_VARIABLE: "  "}) == ZoneInfo("Europe/Berlin")


def test_an_environment_variable_naming_no_zone_is_refused_naming_the_variable() -> None:
    with pytest.raises(InputError, match=f"^{ZONE_VARIABLE}: 'Atlantis/Main' is not a time zone"):
        station_zone("America/Los_Angeles", environ={ZONE_VARIABLE: "Atlantis/Main"})


def test_a_stored_time_reads_on_the_station_s_clock_with_its_abbreviation() -> None:
    stored = datetime(2026, 12, 3, 7, 30, tzinfo=UTC)
    shown = on_station_clock(stored, ZoneInfo("America/Los_Angeles"))
    assert (f"{shown:%Y-%m-%d %H:%M}", shown.tzname()) == ("2026-12-02 23:30", "PST")
    summer = on_station_clock(datetime(2026, 7, 3, 6, 30, tzinfo=UTC), ZoneInfo("America/Los_Angeles"))
    assert (f"{summer:%Y-%m-%d %H:%M}", summer.tzname()) == ("2026-07-02 23:30", "PDT")
