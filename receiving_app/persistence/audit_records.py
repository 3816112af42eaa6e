"""Reading the audit trail: an RMA's events, the chain's head, and the whole chain in order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from receiving_app.domain.audit import ChainedEvent, ChainHead
from receiving_app.persistence.audit_tables import AuditEventRow, AuditHeadRow


class AuditRecords:
    session: Session

    def audit_events_for_rma(self, rma_number: str) -> Sequence[AuditEventRow]:
        return (
            self.session.execute(
                select(AuditEventRow).where(AuditEventRow.rma_number == rma_number).order_by(AuditEventRow.sequence)
            )
            .scalars()
            .all()
        )

    def chained_events_of_rma(self, rma_number: str, *event_types: str) -> list[ChainedEvent]:
        """The RMA's events of these types, each as the chain holds it (to be checked against its seal)."""
        return [_chained(row) for row in self.audit_events_for_rma(rma_number) if row.event_type in event_types]

    def audit_head(self) -> ChainHead:
        row = self.session.get_one(AuditHeadRow, 1)
        return ChainHead(row.last_sequence, row.last_hash, row.seal or "")

    def audit_chain(self, batch: int = 5_000) -> Iterator[ChainedEvent]:
        """Every event in order, in batches so that a long chain does not sit in memory at once."""
        after = 0
        while True:
            rows = (
                self.session.execute(
                    select(AuditEventRow)
                    .where(AuditEventRow.sequence > after)
                    .order_by(AuditEventRow.sequence)
                    .limit(batch)
                )
                .scalars()
                .all()
            )
            if not rows:
                return
            yield from (_chained(row) for row in rows)
            after = rows[-1].sequence
            self.session.expunge_all()


def _chained(row: AuditEventRow) -> ChainedEvent:
    return ChainedEvent(
        row.sequence,
        row.event_type,
        row.at,
        row.user_name,
        row.station_id,
        row.rma_number,
        row.payload,
        row.previous_hash,
        row.hash,
        row.sealed_rows or "",
        row.seal or "",
    )
