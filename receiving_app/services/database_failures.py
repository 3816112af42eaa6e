"""The database's failures in words, read from the codes SQLite and PostgreSQL give.

Never from their texts: PostgreSQL's quote the refused row and the values it could not take, so
the sentence is built from the error's code and the names the server reports (constraint,
table), and an over-long value is found by comparing the statement's values with the columns'
lengths, naming the column, never the value.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_app.services.failures import Failure, read_only_folder
from receiving_app.services.redaction import redacted

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy.engine import URL

NOTHING_SAVED = "nothing was saved"
ASK_AGAIN = "try again; if it fails again, show the log to whoever looks after the database"
DatabaseUrl = Callable[[], str | None]

_WRITTEN_TABLE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE)\s+\"?(\w+)\"?", re.IGNORECASE)
_BATCH_SUFFIX = re.compile(r"__\d+$")  # SQLAlchemy's name for the value of row N of a batched INSERT
_VARCHAR_LENGTH = re.compile(r"character varying\((\d+)\)")


def database_failure(error: BaseException, database_url: DatabaseUrl) -> Failure | None:
    """The sentence for a failure of the database, or None if ``error`` is not one."""
    import psycopg
    from sqlalchemy import exc

    if isinstance(error, exc.TimeoutError):
        return Failure("every connection to the database is in use: wait a moment and try again")
    if isinstance(error, exc.DBAPIError):
        driver_error, statement, values = error.orig, error.statement, error.params
        lost = error.connection_invalidated
    elif isinstance(error, sqlite3.Error | psycopg.Error):
        driver_error, statement, values, lost = error, None, None, False
    else:
        return None
    if isinstance(driver_error, sqlite3.Error):
        return _sqlite_failure(driver_error, _sqlite_file(database_url))
    if isinstance(driver_error, psycopg.Error):
        server = _server(driver_error, database_url)
        if lost:
            return Failure(f"the connection to {server} was lost: check the server, then try again")
        return _postgres_failure(driver_error, server, statement, values)
    return Failure(f"the database failed ({type(driver_error).__name__}): {ASK_AGAIN}")


def _sqlite_failure(error: sqlite3.Error, path: Path | None) -> Failure:
    code = sqlite_code(error)
    file = f"the database file {path}" if path else "the station's database file"
    if code == "SQLITE_NOTADB":
        return Failure(f"{file} is not a station database: check --db")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return Failure(f"{file} is locked by another program: wait or close that program, then try again")
    if code == "SQLITE_FULL":
        return Failure("the disk is full: free space and try again")
    if code.startswith("SQLITE_CONSTRAINT"):
        # SQLite's text names the rule ("UNIQUE constraint failed: users.name"), never the values.
        return _refused(redacted(str(error)))
    if code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
        return _cannot_write(file, path, code)
    if code.startswith("SQLITE_IOERR"):
        return Failure(f"the disk failed reading or writing {file}: check the disk, then try again")
    if code == "SQLITE_CORRUPT":
        return Failure(f"{file} is damaged: restore it from a backup")
    return Failure(f"{file} failed ({code or type(error).__name__}): {ASK_AGAIN}")


def sqlite_code(error: sqlite3.Error) -> str:
    """SQLite's name for the error (SQLITE_BUSY, ...); "" for one the sqlite3 module raised itself
    (a closed connection, a connection used from another thread), which has none."""
    return str(getattr(error, "sqlite_errorname", None) or "")


def _cannot_write(file: str, path: Path | None, code: str) -> Failure:
    if path is None:
        if code == "SQLITE_READONLY_DIRECTORY":
            return Failure("cannot write to the folder of the station's database file: the folder is read-only")
        return Failure(f"cannot open {file}: check --db and that its folder can be written")
    folder = read_only_folder(path)
    if folder is not None or code == "SQLITE_READONLY_DIRECTORY":
        return Failure(f"cannot write to {folder or path.parent}: the folder is read-only")
    if code.startswith("SQLITE_READONLY"):
        return Failure(f"cannot write to {path}: the file is read-only")
    if not path.parent.is_dir():
        return Failure(f"cannot open {file}: its folder {path.parent} does not exist")
    return Failure(f"cannot open {file}: check --db and that its folder can be written")


def _postgres_failure(error: psycopg.Error, server: str, statement: str | None, values: object) -> Failure:
    import psycopg

    code = error.sqlstate or ""
    if not code and isinstance(error, psycopg.OperationalError):
        return _unreachable(error, server)  # the connection failed before the server said anything
    if not code and isinstance(error, psycopg.DataError):
        return _bad_value(error, statement, values)  # refused by the driver on its way to the server
    if code.startswith("08") or code in ("57P01", "57P02", "57P03"):
        return Failure(f"the connection to {server} was lost: check the server, then try again")
    if code.startswith("28"):
        return Failure(f"{server} refused the sign-in: check the user in --db and the password")
    if code == "3D000":
        return Failure(f"{server} has no such database: create it or check --db")
    if code.startswith("53"):
        return Failure(f"{server} has run out of disk space or memory: free space on it and try again")
    if code in ("40001", "40P01", "55P03"):
        return Failure("the database was busy with other work: try again")
    if code.startswith("23"):
        rule = error.diag.constraint_name or error.diag.column_name or code
        table = f" on {error.diag.table_name}" if error.diag.table_name else ""
        return _refused(f"{rule}{table}")
    if code.startswith("22"):
        return _bad_value(error, statement, values)
    if code == "42501":
        return Failure("the database user may not do this: ask whoever looks after the database to allow it")
    if code == "25006":
        return Failure(f"{server} takes no changes (it is a read-only copy): check --db")
    return Failure(f"the database failed (SQLSTATE {code or type(error).__name__}): {ASK_AGAIN}")


def _unreachable(error: psycopg.Error, server: str) -> Failure:
    # Only matched, never shown: the driver's text can hold the user and the host's other addresses.
    text = str(error).lower()
    if "authentication" in text or "password" in text or ("role" in text and "does not exist" in text):
        return Failure(f"{server} refused the sign-in: check the user in --db and the password")
    if "database" in text and "does not exist" in text:
        return Failure(f"{server} has no such database: create it or check --db")
    if "fatal:" in text:  # the server answered, and said no
        return Failure(f"{server} refused the connection: check --db, or ask whoever looks after the server")
    return Failure(f"{server} does not answer: start it or check --db")


def _refused(rule: str) -> Failure:
    return Failure(
        f"the database refused the change ({rule}): {NOTHING_SAVED}; "
        "correct the data or ask whoever looks after the database"
    )


def _bad_value(error: psycopg.Error, statement: str | None, values: object) -> Failure:
    written = _written_values(statement, values)
    if error.sqlstate == "22001":
        too_long = [
            f"{table}.{column} (at most {length} characters)"
            for table, column, value, length in written
            if length is not None and isinstance(value, str) and len(value) > length
        ]
        if too_long:
            verb = "is" if len(too_long) == 1 else "are"
            return Failure(f"{' and '.join(too_long)} {verb} longer than the database allows: {NOTHING_SAVED}", True)
        limit = _VARCHAR_LENGTH.search(error.diag.message_primary or "")
        at_most = f" (at most {limit.group(1)} characters)" if limit else ""
        return Failure(f"a value is longer than the database allows{at_most}: {NOTHING_SAVED}", True)
    with_nul = [f"{table}.{column}" for table, column, value, _ in written if isinstance(value, str) and "\0" in value]
    if with_nul:
        return Failure(f"{' and '.join(with_nul)} holds a NUL character, which cannot be stored: {NOTHING_SAVED}", True)
    if error.sqlstate == "22003":
        return Failure(f"a number is too large for the database: {NOTHING_SAVED}", True)
    return Failure(f"the database cannot store a value as given (SQLSTATE {error.sqlstate}): {NOTHING_SAVED}", True)


def _written_values(statement: str | None, values: object) -> list[tuple[str, str, object, int | None]]:
    """(table, column, value, the column's length) for each value the INSERT or UPDATE wrote."""
    from receiving_app.persistence.all_tables import STATION_METADATA

    match = _WRITTEN_TABLE.match(statement or "")
    table = STATION_METADATA.tables.get(match.group(1)) if match else None
    if table is None:
        return []
    rows = [values] if isinstance(values, Mapping) else values if isinstance(values, list | tuple) else []
    written = []
    for row in rows:
        if not isinstance(row, Mapping):
            continue
        for key, value in row.items():
            column = table.columns.get(_BATCH_SUFFIX.sub("", str(key)))
            if column is not None:
                written.append((table.name, column.name, value, getattr(column.type, "length", None)))
    return written


def _server(error: psycopg.Error, database_url: DatabaseUrl) -> str:
    connection = error.pgconn
    host = connection.host.decode() if connection is not None and connection.host else ""
    port = connection.port.decode() if connection is not None and connection.port else ""
    if not host:
        url = _parsed(database_url)
        host, port = (url.host or "", str(url.port or 5432)) if url is not None else ("", "")
    return f"the database server at {host}:{port or 5432}" if host else "the database server"


def _sqlite_file(database_url: DatabaseUrl) -> Path | None:
    url = _parsed(database_url)
    if url is None or url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _parsed(database_url: DatabaseUrl) -> URL | None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    url = database_url()
    if not url:
        return None
    try:
        return make_url(url)
    except ArgumentError:
        return None
