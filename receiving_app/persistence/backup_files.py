"""Copies of the station's database that can be trusted, and putting one back.

SQLite is copied with its online backup API: one read transaction copies every page, so the copy is
the database as of one moment even while a bench keeps receiving (a file copy could catch a write
half done, or miss what still sits in the WAL). PostgreSQL is dumped with pg_dump in its custom
format and put back with pg_restore. A password never goes on a command line, where any user of the
computer could read it: the tools get it through PGPASSWORD.

Each copy is checked by opening it: SQLite's integrity check, or pg_restore reading the archive's
table of contents. The counts that prove a copy whole are taken from the copy itself (SQLite) or
from the very snapshot pg_dump copied (PostgreSQL).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from receiving_app.domain.errors import InputError
from receiving_app.persistence.database import SQLITE_BUSY_TIMEOUT_MS, create_database_engine

SQLITE_MAGIC = b"SQLite format 3\x00"
POSTGRES_ARCHIVE_MAGIC = b"PGDMP"
# The tables whose rows a person compares between a backup and its restore; users decide emptiness too.
ARCHIVED_TABLES = ("rmas", "decisions", "documents", "audit_events")


@dataclass(frozen=True)
class RecordCounts:
    rmas: int
    decisions: int
    documents: int
    audit_events: int
    users: int

    @property
    def empty(self) -> bool:
        return not (self.rmas or self.decisions or self.audit_events or self.users)


class CopyNotWhole(RuntimeError):
    """A copy that could not be read back as a whole database."""


def backend_of(url: str) -> str:
    try:
        return make_url(url).get_backend_name()
    except ArgumentError:
        raise InputError("--db: not a database URL") from None


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database."""
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def kind_of_file(path: Path) -> str | None:
    """Which database a file is a backup of, by its first bytes: "sqlite", "postgresql", or None."""
    with path.open("rb") as file:
        start = file.read(len(SQLITE_MAGIC))
    if start == SQLITE_MAGIC:
        return "sqlite"
    if start.startswith(POSTGRES_ARCHIVE_MAGIC):
        return "postgresql"
    return None


def postgres_tool(name: str) -> str | None:
    """Where pg_dump or pg_restore is on PATH, if it is."""
    return shutil.which(name)


# SQLite


def _open_sqlite(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)


def copy_sqlite(source: Path, target: Path) -> None:
    """The whole database, as of one moment, into a new file of its own (no WAL beside it)."""
    with closing(_open_sqlite(source)) as reading, closing(_open_sqlite(target)) as copy:
        reading.backup(copy)  # every page in one step, so under one read transaction
        copy.execute("PRAGMA journal_mode=DELETE")


def restore_sqlite(backup: Path, target: Path) -> None:
    """The backup's pages over the target's (a file that does not exist yet is created)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(_open_sqlite(backup)) as reading, closing(_open_sqlite(target)) as restored:
        reading.backup(restored)


def check_sqlite_copy(path: Path) -> RecordCounts:
    """Open the copy, let SQLite check every page and index, and count its records."""
    try:
        with closing(_open_sqlite(path)) as copy:
            problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise CopyNotWhole(f"{path} failed SQLite's integrity check: {problems[0]}")
            return _sqlite_counts(copy)
    except sqlite3.DatabaseError as error:
        raise CopyNotWhole(f"{path} is not a readable SQLite database: {error}") from error


def sqlite_counts(path: Path) -> RecordCounts:
    """The records of a SQLite file; a file that does not exist holds none."""
    if not path.exists():
        return RecordCounts(0, 0, 0, 0, 0)
    with closing(_open_sqlite(path)) as database:
        return _sqlite_counts(database)


def _sqlite_counts(database: sqlite3.Connection) -> RecordCounts:
    tables = {row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def count(table: str) -> int:
        return int(database.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) if table in tables else 0

    return RecordCounts(count("rmas"), count("decisions"), count("documents"), count("audit_events"), count("users"))


# PostgreSQL


def _libpq_target(url: str) -> tuple[str, dict[str, str]]:
    """The URL as pg_dump and pg_restore take it, without its password, and their environment with it."""
    parsed = make_url(url)
    # URL.set(password=None) would mean "unchanged"; a URL built anew has no password at all.
    bare = URL.create("postgresql", parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query)
    environment = dict(os.environ)
    if parsed.password:
        environment["PGPASSWORD"] = parsed.password
    return bare.render_as_string(hide_password=False), environment


def _run_tool(command: list[str], environment: dict[str, str]) -> str:
    completed = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    if completed.returncode != 0:
        said = [line for line in completed.stderr.splitlines() if line.strip()]
        name = Path(command[0]).name
        raise RuntimeError(f"{name} failed (exit {completed.returncode}): {said[-1] if said else 'no message'}")
    return completed.stdout


def postgres_counts(url: str) -> RecordCounts:
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            return _postgres_counts(connection)
    finally:
        engine.dispose()


def _postgres_counts(connection: Connection) -> RecordCounts:
    present = set(inspect(connection).get_table_names())

    def count(table: str) -> int:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()) if table in present else 0

    return RecordCounts(count("rmas"), count("decisions"), count("documents"), count("audit_events"), count("users"))


def dump_postgres(url: str, target: Path, pg_dump: str) -> RecordCounts:
    """pg_dump's custom archive of the database, and the counts of the snapshot it copied.

    The counting transaction exports its snapshot and pg_dump copies that same snapshot, so the
    counts are those of the archive, not of a database that went on receiving meanwhile.
    """
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
                counts = _postgres_counts(connection)
                database, environment = _libpq_target(url)
                _run_tool(
                    [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}", f"--dbname={database}"],
                    environment,
                )
        return counts
    finally:
        engine.dispose()


def check_postgres_archive(path: Path, pg_restore: str) -> None:
    """pg_restore reads the archive's table of contents, which must hold the data of every archived table."""
    try:
        contents = _run_tool([pg_restore, "--list", str(path)], dict(os.environ))
    except RuntimeError as error:
        raise CopyNotWhole(f"{path} is not a readable pg_dump archive: {error}") from error
    # An entry reads "3380; 0 16425 TABLE DATA public audit_events owner".
    entries = [line.split(" TABLE DATA ", 1) for line in contents.splitlines()]
    with_data = {entry[1].split()[1] for entry in entries if len(entry) == 2}
    missing = [table for table in ARCHIVED_TABLES if table not in with_data]
    if missing:
        raise CopyNotWhole(f"{path} holds no data for {', '.join(missing)}")


def restore_postgres(path: Path, url: str, pg_restore: str) -> None:
    """The archive into the database, all of it or (one transaction, first error stops it) none."""
    database, environment = _libpq_target(url)
    _run_tool(
        [pg_restore, "--no-owner", "--single-transaction", "--exit-on-error", f"--dbname={database}", str(path)],
        environment,
    )
