"""Backups of the station's database: to a file, into a folder kept N deep, and back into an empty database.

The rules live here: a backup never overwrites a file unless asked to and is never left half
written, a restore goes only into a database that holds nothing yet, and a folder keeps this
station's newest N backups without touching anything else in it. How a database is copied and
checked is persistence/backup_files.py's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from receiving_app.domain.errors import InputError, RuleRefusal
from receiving_app.persistence.backup_files import (
    CopyNotWhole,
    RecordCounts,
    backend_of,
    check_postgres_archive,
    check_sqlite_copy,
    copy_sqlite,
    dump_postgres,
    kind_of_file,
    postgres_counts,
    postgres_tool,
    restore_postgres,
    restore_sqlite,
    sqlite_counts,
    sqlite_file,
)
from receiving_app.persistence.database import resolve_database_url
from receiving_app.services.credentials import with_remembered_password
from receiving_app.services.settings import StationSettings

SUFFIXES = {"sqlite": ".sqlite", "postgresql": ".dump"}
NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
STAMP_FORMAT = "%Y%m%d-%H%M%S"
POSTGRES_CLIENT = "the PostgreSQL client package (postgresql-client on Debian and Ubuntu, or PostgreSQL's installer)"


class BackupToolMissing(RuntimeError):
    """pg_dump or pg_restore is not on PATH: the station cannot back up or restore PostgreSQL without it."""


class DatabaseNotEmpty(RuleRefusal):
    """A restore would mix a backup's records with records already there."""


@dataclass(frozen=True)
class BackupReport:
    file: Path
    size: int  # bytes
    counts: RecordCounts
    removed: tuple[Path, ...] = ()  # older backups of this station deleted to keep N


class BackupService:
    def __init__(self, database_url: str, station_id: str, clock: Callable[[], datetime] = datetime.now) -> None:
        self._url = database_url
        self._backend = backend_of(database_url)
        if self._backend not in SUFFIXES:
            raise InputError(f"the station backs up SQLite or PostgreSQL, not {self._backend}")
        # The id as part of a file name: letters, digits, dot, hyphen and underscore survive every file system.
        self._file_prefix = re.sub(r"[^A-Za-z0-9._-]+", "_", station_id) + "-"
        self._clock = clock

    def back_up(self, file: Path, *, replace_existing: bool = False) -> BackupReport:
        """A checked copy of the database in ``file``; an existing file is replaced only when asked."""
        if file.is_dir():
            raise InputError(f"{file} is a folder; name the backup file")
        if file.exists() and not replace_existing:
            raise InputError(f"{file} already exists; give --replace to overwrite it")
        if not file.parent.is_dir():
            raise InputError(f"there is no folder {file.parent}")
        # Written and checked under another name first: a failed backup never leaves a file that looks whole.
        partial = file.with_name(file.name + ".partial")
        try:
            partial.unlink(missing_ok=True)
            partial.touch(mode=0o600)  # customers' details are in it: for the station's own user only
            counts = self._copy_into(partial)
            os.replace(partial, file)
        finally:
            partial.unlink(missing_ok=True)
        return BackupReport(file, file.stat().st_size, counts)

    def back_up_to_folder(self, folder: Path, keep: int) -> BackupReport:
        """A backup named after this station and the time, then only this station's newest ``keep`` left."""
        if keep < 1:
            raise InputError("--keep must be at least 1")
        folder.mkdir(parents=True, exist_ok=True)
        made = self.back_up(folder / f"{self._file_prefix}{self._clock():{STAMP_FORMAT}}{SUFFIXES[self._backend]}")
        beyond_keep = self.backups_in(folder)[:-keep]
        for old in beyond_keep:
            old.unlink()
        return replace(made, removed=tuple(beyond_keep))

    def backups_in(self, folder: Path) -> list[Path]:
        """This station's backups in ``folder``, oldest first; other files are not backups of this station."""
        return [path for _, path in sorted(self._stamped_backups(folder))]

    def newest_backup_time(self, folder: Path) -> datetime | None:
        """When this station's newest backup in ``folder`` was made, as its name says."""
        return max((made for made, _ in self._stamped_backups(folder)), default=None)

    def restore(self, file: Path) -> BackupReport:
        """The backup into this database, which must be empty; the counts are read back from it."""
        if not file.is_file():
            raise InputError(f"there is no backup file {file}")
        kind = kind_of_file(file)
        if kind is None:
            raise InputError(f"{file} is neither a SQLite backup nor a pg_dump archive")
        if kind != self._backend:
            raise InputError(
                f"{file} is a {NAMES[kind]} backup; restore it into a {NAMES[kind]} database, "
                f"not {NAMES[self._backend]}"
            )
        if self._backend == "sqlite":
            target = self._sqlite_path()
            _whole_or_bad_input(lambda: check_sqlite_copy(file))
            _refuse_unless_empty(sqlite_counts(target))
            restore_sqlite(file, target)
            counts = check_sqlite_copy(target)
        else:
            pg_restore = _postgres_tool("pg_restore", "restore")
            _whole_or_bad_input(lambda: check_postgres_archive(file, pg_restore))
            _refuse_unless_empty(postgres_counts(self._url))
            restore_postgres(file, self._url, pg_restore)
            counts = postgres_counts(self._url)
        return BackupReport(file, file.stat().st_size, counts)

    def _copy_into(self, partial: Path) -> RecordCounts:
        if self._backend == "sqlite":
            source = self._sqlite_path()
            if not source.is_file():
                raise InputError(f"there is no database at {source}")
            copy_sqlite(source, partial)
            return check_sqlite_copy(partial)
        # Both tools are looked for before anything is connected or written.
        pg_dump = _postgres_tool("pg_dump", "back up")
        pg_restore = _postgres_tool("pg_restore", "back up")
        counts = dump_postgres(self._url, partial, pg_dump)
        check_postgres_archive(partial, pg_restore)
        return counts

    def _sqlite_path(self) -> Path:
        path = sqlite_file(self._url)
        if path is None:
            raise InputError("an in-memory database has no file to back up or restore")
        return path

    def _stamped_backups(self, folder: Path) -> list[tuple[datetime, Path]]:
        if not folder.is_dir():
            return []
        name = re.compile(rf"{re.escape(self._file_prefix)}(\d{{8}}-\d{{6}})(?:\.sqlite|\.dump)")
        found = []
        for path in folder.iterdir():
            matched = name.fullmatch(path.name)
            if matched and path.is_file():
                try:
                    found.append((datetime.strptime(matched[1], STAMP_FORMAT), path))
                except ValueError:  # digits that are no time (month 13): not a name this service gave
                    continue
        return found


def station_backups(explicit_url: str | None, settings: StationSettings) -> BackupService:
    """The backups of the database the station itself opens (--db, RECEIVING_APP_DB, its settings, the
    default), without building the station: a backup needs neither its policies nor its documents."""
    configured = with_remembered_password(settings.database_url) if settings.database_url else None
    return BackupService(resolve_database_url(explicit_url, configured), settings.station_id)


def _postgres_tool(name: str, doing: str) -> str:
    found = postgres_tool(name)
    if found is None:
        raise BackupToolMissing(f"{name} is needed to {doing} a PostgreSQL database; install {POSTGRES_CLIENT}")
    return found


def _whole_or_bad_input(check: Callable[[], object]) -> None:
    try:
        check()
    except CopyNotWhole as error:
        raise InputError(f"not a whole backup: {error}") from error


def _refuse_unless_empty(counts: RecordCounts) -> None:
    if not counts.empty:
        raise DatabaseNotEmpty(
            f"the database already holds {counts.rmas} RMAs, {counts.decisions} decisions, "
            f"{counts.audit_events} audit events and {counts.users} users; restore only into an empty database"
        )
