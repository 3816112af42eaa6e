"""A commit seals the rows it wrote as the database holds them, whether it could tell their digests
from the objects it flushed or had to read them: ``audit verify`` then finds every row as recorded.

The cases here are those where an object does not tell: a row a statement changed after the flush,
and a row a rolled-back savepoint took away. (Every other test of this folder also checks each digest
a commit took without reading, see conftest.py.)
"""

from __future__ import annotations

from sqlalchemy import update

from receiving_app.domain.audit import AuditEvent
from receiving_app.persistence.row_sealing import mark_written
from receiving_app.persistence.user_tables import UserRow
from tests.support.invariants import assert_records_are_whole

USERS = UserRow.__table__


def a_user(name: str) -> UserRow:
    return UserRow(name=name, display_name="Temporary Clerk", role="receiver", secret_hash="not a real hash")


def test_a_row_a_statement_changed_after_its_flush_is_sealed_as_changed(station):
    with station.units.write() as uow:
        uow.records.add(a_user("temp-clerk"))
        uow.records.flush()
        uow.session.execute(update(USERS).where(USERS.c.name == "temp-clerk").values(display_name="Renamed Clerk"))
        mark_written(uow.session, UserRow, {("temp-clerk",)})
        uow.record(AuditEvent("user_added", "admin", "test", None, {"name": "temp-clerk"}))
        uow.commit()

    assert station.history.verify_audit_chain().first_break is None
    assert_records_are_whole(station)


def test_a_row_a_rolled_back_savepoint_took_away_is_not_sealed_as_there(station):
    with station.units.write() as uow:
        savepoint = uow.session.begin_nested()
        uow.records.add(a_user("never-clerk"))
        uow.records.flush()
        savepoint.rollback()
        uow.records.add(a_user("kept-clerk"))
        uow.record(AuditEvent("user_added", "admin", "test", None, {"name": "kept-clerk"}))
        uow.commit()

    with station.units.read() as uow:
        assert uow.records.user("never-clerk") is None and uow.records.user("kept-clerk") is not None
    assert station.history.verify_audit_chain().first_break is None
    assert_records_are_whole(station)
