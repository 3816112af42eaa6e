"""What the accountant's register and exports read: every document with the decision it was issued for
and the customer's account, the credit memos a format has not carried yet, each format's gapless
batch counter, and the batches made.

A format's counter is the row ``export:<format>`` of ``document_counters``, made the first time the
format is exported and bumped in the transaction that writes the batch: a second station exporting
the same format waits on that row until the first commits, and then sees what the first exported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Exists, Insert, and_, exists, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from receiving_app.domain.decision import Amounts
from receiving_app.domain.money import Money
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.document_tables import DocumentCounterRow, DocumentRow
from receiving_app.persistence.export_tables import ExportBatchRow, ExportEntryRow
from receiving_app.persistence.inserts_if_absent import insert_if_absent
from receiving_app.persistence.order_tables import CustomerRow, OrderRow
from receiving_app.persistence.outbox_tables import OutboxMessageRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.row_sealing import mark_written

CREDIT_MEMO = "credit_memo"


def export_counter_name(export_format: str) -> str:
    return f"export:{export_format}"


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """A document as the books see it. The customer's name and contact details are carried only so
    that a void's reason can be cleaned of them; nothing the register shows carries them."""

    document_id: int
    number: str
    document_type: str
    sequence: int
    issued_at: datetime
    issued_by: str
    station_id: str
    voided_at: datetime | None
    voided_by: str | None
    void_reason: str | None
    amounts: Amounts
    refund_total: Money
    refund_method: str | None
    policy_id: str
    policy_version: str
    rma_number: str
    line: int
    unit: int
    sku: str
    customer_account: str
    customer_name: str | None
    customer_email: str | None
    customer_phone: str | None
    card_last4: str | None


@dataclass(frozen=True, slots=True)
class ExportCandidate:
    """A credit memo with an entry still to go to a format: its issue, its void, or both."""

    facts: DocumentFacts
    issue_exported: bool
    void_exported: bool


_FACT_COLUMNS = (
    DocumentRow.id,
    DocumentRow.number,
    DocumentRow.document_type,
    DocumentRow.sequence,
    DocumentRow.issued_at,
    DocumentRow.issued_by,
    DocumentRow.station_id,
    DocumentRow.voided_at,
    DocumentRow.voided_by,
    DocumentRow.void_reason,
    DecisionRow.merchandise,
    DecisionRow.restocking_fee,
    DecisionRow.return_shipping_deduction,
    DecisionRow.shipping_refund,
    DecisionRow.refund_total,
    DecisionRow.refund_method,
    DecisionRow.policy_id,
    DecisionRow.policy_version,
    RmaRow.number,
    RmaLineRow.line_no,
    DecisionRow.unit_no,
    RmaLineRow.sku,
    CustomerRow.account_number,
    CustomerRow.name,
    CustomerRow.email,
    CustomerRow.phone,
    CustomerRow.card_last4,
)


_FACT_NAMES = tuple(item.name for item in fields(DocumentFacts))


def _facts(row: Sequence[Any]) -> DocumentFacts:
    """A row of ``_FACT_COLUMNS`` as the facts it holds (the four amounts as the decision's breakdown)."""
    merchandise, fee, label, shipping = row[10:14]
    values = (*row[:10], Amounts(merchandise, fee, label, shipping), *row[14:])
    return DocumentFacts(**dict(zip(_FACT_NAMES, values, strict=True)))


# Every document with the decision it was issued for, its RMA's line and the customer's account.
_DOCUMENTS_WITH_FACTS = (
    select(*_FACT_COLUMNS)
    .join(DecisionRow, DocumentRow.decision_id == DecisionRow.id)
    .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
    .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
    .join(OrderRow, RmaRow.order_id == OrderRow.id)
    .join(CustomerRow, OrderRow.customer_id == CustomerRow.id)
)


class AccountingRecords:
    session: Session

    def register_documents(self, start: datetime | None, end: datetime | None) -> list[DocumentFacts]:
        """Every document issued, or voided, from ``start`` up to (not including) ``end`` (None: no bound)."""
        query = _DOCUMENTS_WITH_FACTS
        if start is not None or end is not None:
            query = query.where(
                or_(_within(DocumentRow.issued_at, start, end), _within(DocumentRow.voided_at, start, end))
            )
        rows = self.session.execute(query.order_by(DocumentRow.issued_at, DocumentRow.id))
        return [_facts(tuple(row)) for row in rows]

    def export_candidates(self, export_format: str, limit: int) -> list[ExportCandidate]:
        """Credit memos whose issue, or whose void, has no entry in ``export_format`` yet, lowest number first."""
        issue_entry = _entry_exists(export_format, "issued")
        void_entry = _entry_exists(export_format, "voided")
        query = (
            _DOCUMENTS_WITH_FACTS.add_columns(issue_entry, void_entry)
            .where(
                DocumentRow.document_type == CREDIT_MEMO,
                or_(~issue_entry, and_(DocumentRow.voided_at.is_not(None), ~void_entry)),
            )
            .order_by(DocumentRow.sequence)
            .limit(limit)
        )
        return [
            ExportCandidate(_facts(tuple(row)[:-2]), bool(row[-2]), bool(row[-1]))
            for row in self.session.execute(query)
        ]

    def next_export_number(self, export_format: str) -> int:
        """The format's next batch number, taken in this transaction (its counter is made on first use)."""
        name = export_counter_name(export_format)
        self.session.execute(self._export_counter_insert(name))
        number = self.session.execute(
            update(DocumentCounterRow)
            .where(DocumentCounterRow.document_type == name)
            .values(last_number=DocumentCounterRow.last_number + 1)
            .returning(DocumentCounterRow.last_number)
        ).scalar_one()
        mark_written(self.session, DocumentCounterRow, {(name,)})
        return int(number)

    def export_batches(self, export_format: str | None = None) -> list[ExportBatchRow]:
        query = select(ExportBatchRow).order_by(ExportBatchRow.export_format, ExportBatchRow.number)
        if export_format is not None:
            query = query.where(ExportBatchRow.export_format == export_format)
        return list(self.session.scalars(query))

    def export_batch(self, batch_id: int) -> ExportBatchRow | None:
        return self.session.get(ExportBatchRow, batch_id)

    def export_file_message(self, folder: str, key: str) -> OutboxMessageRow | None:
        """The outbox message that writes a batch's file into ``folder``."""
        return self.session.scalars(
            select(OutboxMessageRow).where(
                OutboxMessageRow.kind == "file",
                OutboxMessageRow.receiver == folder,
                OutboxMessageRow.message_key == key,
            )
        ).one_or_none()

    def _export_counter_insert(self, name: str) -> Insert:
        # Another station may make it at the same moment: theirs or ours stands, and both then bump it.
        values = {"document_type": name, "last_number": 0}
        return insert_if_absent(self.session, DocumentCounterRow, values)


def _within(column: InstrumentedAttribute[Any], start: datetime | None, end: datetime | None) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = [column.is_not(None)]
    if start is not None:
        conditions.append(column >= start)
    if end is not None:
        conditions.append(column < end)
    return and_(*conditions)


def _entry_exists(export_format: str, kind: str) -> Exists:
    return exists().where(
        ExportEntryRow.export_format == export_format,
        ExportEntryRow.document_id == DocumentRow.id,
        ExportEntryRow.entry_kind == kind,
    )
