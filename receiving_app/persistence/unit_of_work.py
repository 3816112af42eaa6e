"""A unit of work over one database transaction: commit explicitly, leave the block to roll back.

Audit events collected during the work are chained and written at commit time, so the lock on
the chain's head is held only for the last few milliseconds of a transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import Engine, Table, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from receiving_app.domain.audit import AuditEvent, chain
from receiving_app.persistence.audit_tables import AuditEventRow, AuditHeadRow
from receiving_app.persistence.database import writer_engine
from receiving_app.persistence.records import Records
from receiving_app.persistence.report_records import ReportRecords

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class UnitOfWork:
    """``with uow: ...; uow.commit()`` — anything not committed is rolled back on leaving."""

    def __init__(self, session: Session, clock: Clock) -> None:
        self.session = session
        self.records = Records(session)
        self.reports = ReportRecords(session)
        self.clock = clock
        self._pending_events: list[AuditEvent] = []

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.session.rollback()
        self.session.close()

    def record(self, event: AuditEvent) -> None:
        self._pending_events.append(event)

    def commit(self) -> None:
        if self._pending_events:
            self._append_audit_events()
        self.session.commit()

    def _append_audit_events(self) -> None:
        # Everything else is written first, so the chain's head is locked only for its own rows;
        # the rows go in as one Core statement, not one ORM object each (a receive has ten).
        self.session.flush()
        head = self.session.execute(select(AuditHeadRow).where(AuditHeadRow.id == 1).with_for_update()).scalar_one()
        linked = chain(
            self._pending_events, after_sequence=head.last_sequence, after_hash=head.last_hash, at=self.clock()
        )
        # Declarative types __table__ as any FromClause; a class that names its table has a Table.
        events = cast(Table, AuditEventRow.__table__)
        self.session.execute(
            insert(events),
            [
                {
                    "sequence": event.sequence,
                    "event_type": event.event_type,
                    "at": event.at,
                    "user_name": event.user,
                    "station_id": event.station,
                    "rma_number": event.rma_number,
                    "payload": event.payload,
                    "previous_hash": event.previous_hash,
                    "hash": event.hash,
                }
                for event in linked
            ],
        )
        self.session.execute(
            update(AuditHeadRow)
            .where(AuditHeadRow.id == 1)
            .values(last_sequence=linked[-1].sequence, last_hash=linked[-1].hash)
        )
        self._pending_events.clear()


class UnitOfWorkFactory:
    """Hands out units of work: read ones, and write ones that take SQLite's write lock at BEGIN."""

    def __init__(self, engine: Engine, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.clock = clock
        self._readers = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(writer_engine(engine), expire_on_commit=False)

    def read(self) -> UnitOfWork:
        return UnitOfWork(self._readers(), self.clock)

    def write(self) -> UnitOfWork:
        return UnitOfWork(self._writers(), self.clock)
