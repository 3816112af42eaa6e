"""The SQL statements a station sends, as a test reads them: each statement's verb and table, with
COMMIT marked where a transaction ends."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event

COMMIT = "COMMIT"
_TABLE = re.compile(r"\b(?:FROM|INTO|UPDATE)\s+(\w+)", re.IGNORECASE)
_AFTER_WITH = re.compile(r"\)\s*(SELECT|INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def described(statement: str) -> str:
    """``"SELECT audit_head"``, ``"INSERT documents"``, ``"BEGIN"``: the verb and the first table named
    (of the statement itself, after any ``WITH … AS (…)`` before it)."""
    verb = statement.split(None, 1)[0].upper()
    if verb == "WITH" and (main := _AFTER_WITH.search(statement)):
        statement = statement[main.start(1) :]
        verb = main.group(1).upper()
    table = _TABLE.search(statement)
    return f"{verb} {table.group(1)}" if table and verb != "BEGIN" else verb


class StatementLog:
    def __init__(self) -> None:
        self._sent: list[str] = []

    def take(self) -> list[str]:
        """The statements sent since the last take."""
        taken, self._sent = self._sent, []
        return taken

    def _statement(self, _connection, _cursor, statement, _parameters, _context, _executemany) -> None:
        self._sent.append(described(statement))

    def _commit(self, _connection) -> None:
        self._sent.append(COMMIT)


@contextmanager
def statements_sent(engine: Engine) -> Iterator[StatementLog]:
    """Every statement ``engine`` (and its writers) sends inside the block."""
    log = StatementLog()
    event.listen(engine, "before_cursor_execute", log._statement)
    event.listen(engine, "commit", log._commit)
    try:
        yield log
    finally:
        event.remove(engine, "before_cursor_execute", log._statement)
        event.remove(engine, "commit", log._commit)


def transactions(statements: list[str]) -> list[list[str]]:
    """The statements split at each COMMIT (the COMMIT left out); what follows the last one is dropped."""
    found, current = [], []
    for statement in statements:
        if statement == COMMIT:
            found.append(current)
            current = []
        else:
            current.append(statement)
    return found
