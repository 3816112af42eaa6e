"""Opening the station's database: embedded SQLite by default, a shared PostgreSQL by URL.

SQLite is set up for a bench that loses power: WAL with synchronous=FULL (a commit is on disk
when it returns), foreign keys enforced, a busy timeout, and write transactions that take the
write lock at BEGIN so two stations never both read-then-write the same line.
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
