"""The open station makes its own nightly backup, on a worker, into the folder its settings name."""

from __future__ import annotations

import shutil

from receiving_app.bootstrap import bootstrap
from receiving_app.gui import app
from receiving_app.gui.app import StationSession
from tests.support.gui_station import DATABASE_NAME, write_settings


def test_a_station_whose_settings_name_a_backup_folder_backs_itself_up(
    qtbot, tmp_path, demo_database, monkeypatch
) -> None:
    monkeypatch.setattr(app, "NIGHTLY_BACKUP_CHECK_MS", 50)  # the station asks every minute; a test cannot wait one
    shutil.copy(demo_database, tmp_path / DATABASE_NAME)
    folder = tmp_path / "nightly"
    settings = write_settings(tmp_path, backup_folder=str(folder), backup_keep=2)
    station = bootstrap(f"sqlite:///{tmp_path / DATABASE_NAME}", settings_path=settings)
    session = StationSession(station.settings, lambda: station)
    qtbot.add_widget(session.sign_in)
    try:
        session.start()
        qtbot.waitUntil(lambda: folder.is_dir() and any(folder.iterdir()), timeout=10_000)
        qtbot.waitUntil(lambda: not session.runner.busy, timeout=10_000)

        backups = list(folder.iterdir())
        assert len(backups) == 1
        assert backups[0].name.startswith("bench-test-") and backups[0].suffix == ".sqlite"
        assert backups[0].read_bytes().startswith(b"SQLite format 3\x00")
        qtbot.wait(200)  # several checks later, tonight's backup is made: no second one
        assert list(folder.iterdir()) == backups
    finally:
        session.shut_down()
        station.close()
