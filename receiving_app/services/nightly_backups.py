"""The station's own nightly backup: into its backup folder at its backup time, kept as many deep as it says.

The station window asks every minute whether one is due. A station that was switched off at the
backup time makes the backup it missed when it next runs; one whose folder could not be written
tries again an hour later rather than every minute.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from receiving_app.services.backups import BackupReport, BackupService
from receiving_app.services.settings import StationSettings

RETRY_AFTER = timedelta(hours=1)


class NightlyBackups:
    def __init__(self, backups: BackupService, folder: Path, keep: int, at: time) -> None:
        self._backups = backups
        self.folder = folder
        self.keep = keep
        self.at = at
        self._last_attempt: datetime | None = None

    def due(self, now: datetime, last_run: datetime | None) -> bool:
        """Whether no backup was made since the latest backup time at or before ``now``."""
        latest = datetime.combine(now.date(), self.at)
        if latest > now:
            latest -= timedelta(days=1)
        return last_run is None or last_run < latest

    def last_run(self) -> datetime | None:
        """When this station's newest backup in the folder was made (the folder remembers, not the window)."""
        return self._backups.newest_backup_time(self.folder)

    def run(self) -> BackupReport:
        return self._backups.back_up_to_folder(self.folder, self.keep)

    def run_if_due(self, now: datetime) -> BackupReport | None:
        """The backup when it is due and no attempt failed within the hour; None when nothing was done."""
        if self._last_attempt is not None and now - self._last_attempt < RETRY_AFTER:
            return None
        if not self.due(now, self.last_run()):
            return None
        self._last_attempt = now
        return self.run()


def nightly_backups(database_url: str, settings: StationSettings) -> NightlyBackups | None:
    """The nightly backups the settings ask for; None when they name no backup folder."""
    if not settings.backup_folder:
        return None
    return NightlyBackups(
        BackupService(database_url, settings.station_id),
        Path(settings.backup_folder),
        settings.backup_keep,
        time.fromisoformat(settings.backup_time),
    )
