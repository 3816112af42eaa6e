"""A failure as the log keeps it: where each error of its chain was raised, and what the database
said in codes and names, never the values it was given.

A traceback as Python prints it would quote SQLAlchemy's text and the driver's, and PostgreSQL's
text holds the refused row ("Failing row contains (...)"): a customer's name, address and card
digits, or a new user's password hash. So each error's frames are kept as they are (they hold
code, not data) and its message is rebuilt from what is safe to keep.
"""

from __future__ import annotations

import traceback
from typing import TYPE_CHECKING

from receiving_app.services.database_failures import sqlite_code
from receiving_app.services.failures import causes

if TYPE_CHECKING:
    import psycopg

_LONGEST_STATEMENT_LOGGED = 400
# The PostgreSQL errors whose text may quote a value: data exceptions ("invalid input syntax for
# type date: ...") and a trigger's own RAISE. Of these only the codes and the names are logged.
_CLASSES_QUOTING_VALUES = ("22", "P0")


def logged_failure(error: BaseException) -> str:
    """The error's chain, first cause first, as a traceback without any value the work carried."""
    chain = list(causes(error))
    return "\n\nwhich led to:\n\n".join(
        "Traceback (most recent call last):\n"
        + "".join(traceback.format_tb(cause.__traceback__))
        + f"{_qualified_name(cause)}: {_safe_text(cause)}"
        for cause in reversed(chain)
    )


def _safe_text(error: BaseException) -> str:
    import sqlite3

    import psycopg
    from sqlalchemy.exc import StatementError

    if isinstance(error, StatementError):
        statement = " ".join((error.statement or "").split())
        if len(statement) > _LONGEST_STATEMENT_LOGGED:
            statement = statement[:_LONGEST_STATEMENT_LOGGED] + "…"
        wrapped = f"{_qualified_name(error.orig)}: {_safe_text(error.orig)}" if error.orig is not None else ""
        return f"{wrapped} [statement: {statement}] [its values are not logged]" if statement else wrapped
    if isinstance(error, sqlite3.Error):
        # SQLite's texts name a rule, a table or a file, never a value.
        return f"{sqlite_code(error) or 'no SQLite code'}: {error}"
    if isinstance(error, psycopg.Error):
        return _postgres_text(error)
    return str(error)


def _postgres_text(error: psycopg.Error) -> str:
    if error.sqlstate is None:
        # Raised by the driver itself (a connection that failed, a NUL in a text): no row in it.
        return next(iter(str(error).strip().splitlines()), "")
    diagnosis = error.diag
    names = {
        "table": diagnosis.table_name,
        "column": diagnosis.column_name,
        "constraint": diagnosis.constraint_name,
        "type": diagnosis.datatype_name,
    }
    found = ", ".join(f"{what} {name}" for what, name in names.items() if name)
    message = "" if error.sqlstate.startswith(_CLASSES_QUOTING_VALUES) else f" {diagnosis.message_primary or ''}"
    return f"SQLSTATE {error.sqlstate}{message}" + (f" ({found})" if found else "")


def _qualified_name(error: BaseException) -> str:
    kind = type(error)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
