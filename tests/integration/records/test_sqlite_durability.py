"""The embedded database is set up for a bench that loses power: WAL, synchronous=FULL,
foreign keys enforced, a busy timeout, and write transactions that take the lock at BEGIN."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from receiving_app.persistence.database import create_database_engine


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


def test_a_new_database_has_pages_of_8_kib_and_an_older_one_keeps_its_own(tmp_path) -> None:
    older = tmp_path / "older.sqlite3"
    with sqlite3.connect(older) as made_before:  # SQLite's own 4 KiB pages, as stations made them until now
        made_before.execute("CREATE TABLE kept (id INTEGER PRIMARY KEY)")
    for path, pages in ((tmp_path / "new.sqlite3", 8192), (older, 4096)):
        engine = create_database_engine(f"sqlite:///{path}")
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE IF NOT EXISTS written (id INTEGER PRIMARY KEY)"))
        engine.dispose()
        with sqlite3.connect(path) as reopened:
            assert reopened.execute("PRAGMA page_size").fetchone() == (pages,)
