"""Opening the station's database: embedded SQLite by default, a shared PostgreSQL by URL.

SQLite is set up for a bench that loses power: WAL with synchronous=FULL (a commit is on disk
when it returns), foreign keys enforced, a busy timeout, and write transactions that take the
write lock at BEGIN so two stations never both read-then-write the same line. A new database file
has 8 KiB pages (see SQLITE_PAGE_SIZE); one made before December 2026 keeps its 4 KiB pages.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import ConnectionPoolEntry

from receiving_app import APP_NAME
from receiving_app.domain.errors import InputError

DB_ENVIRONMENT_VARIABLE = "RECEIVING_APP_DB"
SQLITE_BUSY_TIMEOUT_MS = 15_000
# Pages of 8 KiB rather than SQLite's 4: a decision's audit event (about 1.5 KB) or a photo (2 to 3 KB) left
# most of a 4 KiB page's rest unused, as the next such row did not fit beside it. Measured on a received
# line: 5.96 KiB of database with 4 KiB pages, 5.48 with 8 (16 KiB pages: 4.88, but each commit writes
# twice the bytes again and a receive took 0.7 ms longer, against 0.25).
SQLITE_PAGE_SIZE = 8192
WRITE_BEGIN_OPTION = "sqlite_begin"


def default_database_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'station.sqlite3'}"


def resolve_database_url(explicit: str | None, configured: str | None = None) -> str:
    """--db first, then RECEIVING_APP_DB, then the station's settings, then the embedded default."""
    return explicit or os.environ.get(DB_ENVIRONMENT_VARIABLE) or configured or default_database_url()


def _without_password(url: str) -> str:
    """A URL that did not parse may still carry a password (``scheme://user:secret@host``): never echo it."""
    return re.sub(r"([^:/@\s]+:)[^@\s]*@", r"\1***@", url)


def create_database_engine(url: str) -> Engine:
    """An engine whose errors never quote the statement's values (hide_parameters): those are a
    customer's details or a password hash, and an error's text ends up on a screen and in the log."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError(f"--db: not a database URL: {_without_password(url)!r}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=5, hide_parameters=True)
    raise InputError(f"--db: the station runs on SQLite or PostgreSQL, not {parsed.get_backend_name()}")


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # pysqlite's own transaction handling would delay BEGIN; we issue BEGIN ourselves below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA page_size={SQLITE_PAGE_SIZE}")  # a new file's; an existing one keeps its own
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(WRITE_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer_engine(engine: Engine) -> Engine:
    """The same pool, but every transaction takes SQLite's write lock up front (no-op elsewhere)."""
    return engine.execution_options(**{WRITE_BEGIN_OPTION: "IMMEDIATE"})
