"""Running ``receiving-app`` inside the test's own process as a named user, and reading back from the
SQLite file what a command left behind: the audit events, and every table a sign-in does not touch."""

from __future__ import annotations

import io
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from receiving_app.cli import main
from receiving_app.cli.credentials import APPROVER_PASSWORD_VARIABLE, PASSWORD_VARIABLE
from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.services.station import Station
from tests.support.invariants import row_counts

# The events and tables a sign-in writes, refused or not: everything else is the command's own work.
SIGN_IN_EVENTS = frozenset({"signed_in", "sign_in_failed", "sign_in_refused_locked", "user_locked_out"})
SIGN_IN_TABLES = frozenset({"users", "audit_events", "audit_head"})

# The demo's users (receiving_app/services/demo.py) with their PIN or password, one for each role.
DEMO_SECRETS = {"receiver": "1111", "supervisor": "supervisor-demo", "admin": "admin-demo"}


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


def run_in_process(
    argv: list[str],
    *,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    secret: str | None = None,
    approver_secret: str | None = None,
    stdin: str = "",
) -> Outcome:
    """`receiving-app ARGV` as ``main`` runs it, with the secrets in the environment (None: not set) and
    ``stdin`` as a pipe, not a terminal, so that nothing is ever asked for."""
    for variable, value in ((PASSWORD_VARIABLE, secret), (APPROVER_PASSWORD_VARIABLE, approver_secret)):
        if value is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, value)
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    capsys.readouterr()
    code = main(argv)
    printed = capsys.readouterr()
    return Outcome(code, printed.out, printed.err)


def event_types(database: Path) -> list[str]:
    with closing(sqlite3.connect(database)) as connection:
        return [row[0] for row in connection.execute("SELECT event_type FROM audit_events ORDER BY sequence")]


def records_beside_sign_ins(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table a sign-in leaves alone, and who the users are (a sign-in changes only
    their count of failed attempts and their lock), in a fixed order."""
    with closing(sqlite3.connect(database)) as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if name not in SIGN_IN_TABLES
        ]
        records = {table: sorted(connection.execute(f'SELECT * FROM "{table}"'), key=repr) for table in tables}
        records["users"] = list(connection.execute("SELECT name, display_name, role, active FROM users ORDER BY name"))
        return records


def row_counts_beside_sign_ins(station: Station) -> dict[str, int]:
    """``row_counts`` with the sign-in's own audit events left out: what a refused command must leave as it was."""
    counts = row_counts(station)
    with station.units.read() as uow:
        sign_ins = sum(event.event_type in SIGN_IN_EVENTS for event in uow.records.audit_chain())
    counts[AuditEventRow.__tablename__] -= sign_ins
    return counts
