"""The station's nightly backup: due once a night at its backup time (a station that was off catches
up), kept as many deep as its settings say, and retried an hour after a failure rather than every minute."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import datetime, time

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.services.backups import BackupService
from receiving_app.services.nightly_backups import NightlyBackups, nightly_backups
from receiving_app.services.settings import SettingsStore, StationSettings

NIGHT = datetime(2026, 3, 17, 2, 0)


def nightly(tmp_path, now: datetime = NIGHT, folder_name: str = "nightly") -> NightlyBackups:
    database = tmp_path / "station.sqlite3"
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS rmas (number TEXT)")
        connection.commit()
    backups = BackupService(f"sqlite:///{database}", "bench-1", clock=lambda: now)
    return NightlyBackups(backups, tmp_path / folder_name, keep=2, at=time(2, 0))


@pytest.mark.parametrize(
    ("now", "last_run", "due"),
    [
        (datetime(2026, 3, 17, 2, 0), datetime(2026, 3, 16, 2, 0), True),  # the backup time has come
        (datetime(2026, 3, 17, 1, 59), datetime(2026, 3, 16, 2, 0), False),  # not yet
        (datetime(2026, 3, 17, 9, 30), datetime(2026, 3, 16, 2, 0), True),  # off at 02:00: caught up at start
        (datetime(2026, 3, 17, 9, 30), datetime(2026, 3, 17, 2, 1), False),  # tonight's is made
        (datetime(2026, 3, 17, 1, 0), datetime(2026, 3, 15, 2, 0), True),  # last night's was missed
        (datetime(2026, 3, 17, 1, 0), None, True),  # never backed up
    ],
)
def test_a_backup_is_due_when_none_was_made_since_the_latest_backup_time(tmp_path, now, last_run, due) -> None:
    assert nightly(tmp_path).due(now, last_run) is due


def test_the_folder_remembers_the_last_backup_and_keeps_this_station_s_newest(tmp_path) -> None:
    first = nightly(tmp_path, NIGHT)
    made = first.run_if_due(NIGHT)

    assert made is not None and made.file.name == "bench-1-20260317-020000.sqlite"
    # A station started again that morning finds tonight's backup made.
    assert nightly(tmp_path, NIGHT).run_if_due(datetime(2026, 3, 17, 8, 0)) is None
    for night in (18, 19):
        nightly(tmp_path, NIGHT.replace(day=night)).run_if_due(NIGHT.replace(day=night))
    assert sorted(path.name for path in (tmp_path / "nightly").iterdir()) == [
        "bench-1-20260318-020000.sqlite",
        "bench-1-20260319-020000.sqlite",
    ]


def test_a_failed_backup_is_tried_again_after_an_hour_not_every_minute(tmp_path) -> None:
    (tmp_path / "not a folder").write_text("a file where the folder should be")
    station = nightly(tmp_path, folder_name="not a folder")

    with pytest.raises(OSError):
        station.run_if_due(NIGHT)
    assert station.run_if_due(NIGHT.replace(minute=59)) is None
    with pytest.raises(OSError):
        station.run_if_due(NIGHT.replace(hour=3))


def test_no_backup_folder_means_no_nightly_backup() -> None:
    assert nightly_backups("sqlite:///station.sqlite3", StationSettings(station_id="bench-1")) is None


def test_the_settings_say_where_how_deep_and_when(tmp_path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(StationSettings(station_id="bench-1", backup_folder=str(tmp_path / "b"), backup_keep=14))
    settings = store.load()

    planned = nightly_backups("sqlite:///station.sqlite3", settings)

    assert (settings.backup_keep, settings.backup_time) == (14, "02:00")
    assert planned is not None and (planned.folder, planned.keep, planned.at) == (tmp_path / "b", 14, time(2, 0))


@pytest.mark.parametrize(
    ("setting", "value"),
    [("backup_keep", 0), ("backup_keep", "7"), ("backup_time", "2:00"), ("backup_time", "24:00"), ("backup_folder", 3)],
)
def test_a_settings_file_with_a_bad_backup_setting_is_reported_and_the_defaults_used(tmp_path, setting, value) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"station_id": "bench-1", setting: value}), encoding="utf-8")
    store = SettingsStore(path)

    assert store.load() == StationSettings()
    assert store.problem is not None and setting in store.problem
    with pytest.raises(InputError, match=setting):
        store.save(StationSettings(**{setting: value}))
