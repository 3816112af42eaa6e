"""The embedded database is set up for a bench that loses power: WAL, synchronous=FULL,
foreign keys enforced, a busy timeout, and write transactions that take the lock at BEGIN."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_every_connection_is_durable_and_checks_foreign_keys(station) -> None:
    with station.units.read() as uow:
        pragma = {
            name: uow.session.execute(text(f"PRAGMA {name}")).scalar_one()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 15_000}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_write_unit_of_work_holds_the_write_lock_from_its_start(station) -> None:
    path = station.units.engine.url.database
    with station.units.write() as uow:
        uow.session.execute(text("SELECT 1"))  # nothing written yet, but the lock is already taken
        other = sqlite3.connect(path, timeout=0.2)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
