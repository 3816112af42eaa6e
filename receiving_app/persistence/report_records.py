"""The daily report's queries: aggregates over one period of decisions, grouped in the database.

Periods are half-open (start <= decided_at < end) and both ends are aware UTC datetimes. Money is
summed as the integer cents it is stored in and read back through MoneyCents, so every total is
exact. The conditions every query shares are in report_periods, the queries on where units went in
report_sorting_records. The service (services/reports.py) turns these rows into the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    SQLColumnExpression,
    case,
    func,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.orm import QueryableAttribute

from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.persistence.column_types import summed_money
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.order_tables import CustomerRow, OrderRow
from receiving_app.persistence.report_sorting_records import SortingReportRecords
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

if TYPE_CHECKING:
    from receiving_app.persistence.report_periods import NamedRow

Columns = TypeVarTuple("Columns")


def _with_line_and_customer(query: Select[*Columns]) -> Select[*Columns]:
    """A query of decisions joined to their line, RMA, order and customer, as a listed decision names them."""
    return (
        query.join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
        .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
        .join(OrderRow, RmaRow.order_id == OrderRow.id)
        .join(CustomerRow, OrderRow.customer_id == CustomerRow.id)
    )


class ReportRecords(SortingReportRecords):
    """The report's reads, over the unit of work's session."""

    def decision_groups(self, start: datetime, end: datetime, station: str | None = None) -> Sequence[NamedRow]:
        """The period's decisions counted and summed per outcome, refund method, operator, station and
        overriding supervisor: a few hundred rows at most, from which every breakdown is added up.

        Each row: outcome, refund_method, operator, station, overridden_by, currency, lines, merchandise,
        restocking_fees, label_deductions, shipping_refunded, refunded, fees_charged. (Units would
        need a join to rma_lines that doubles the query's time; a line is what a clerk receives.)
        """
        charged = case((type_coerce(DecisionRow.restocking_fee, Integer) > 0, 1), else_=0)
        outcome: QueryableAttribute[str] | ColumnElement[str] = DecisionRow.outcome
        if self._reads_whole_table(start, end):
            # Grouping by the outcome as it is would walk the outcome index, one probe per row.
            outcome = self._unindexed(DecisionRow.outcome)
        keys = (
            outcome,
            DecisionRow.refund_method,
            DecisionRow.decided_by,
            DecisionRow.station_id,
            DecisionRow.overridden_by,
            DecisionRow.currency,
        )
        return self.session.execute(
            select(
                outcome.label("outcome"),
                DecisionRow.refund_method,
                DecisionRow.decided_by.label("operator"),
                DecisionRow.station_id.label("station"),
                DecisionRow.overridden_by,
                DecisionRow.currency,
                func.count().label("lines"),
                summed_money(DecisionRow.merchandise).label("merchandise"),
                summed_money(DecisionRow.restocking_fee).label("restocking_fees"),
                summed_money(DecisionRow.return_shipping_deduction).label("label_deductions"),
                summed_money(DecisionRow.shipping_refund).label("shipping_refunded"),
                summed_money(DecisionRow.refund_total).label("refunded"),
                func.sum(charged).label("fees_charged"),
            )
            .where(*self._period(start, end, station))
            .group_by(*keys)
        ).all()

    def denial_reason_counts(
        self, start: datetime, end: datetime, station: str | None = None
    ) -> Sequence[tuple[str, int]]:
        """(reason code, denied lines carrying it) for the period's denials, most frequent first.

        The codes are taken apart from each decision's JSON list inside the database, with the
        dialect's own table function (json_each in SQLite, json_array_elements in PostgreSQL).
        """
        if self.session.get_bind().dialect.name == "postgresql":
            element = (
                func.json_array_elements(DecisionRow.reasons)
                .table_valued("value", joins_implicitly=True)
                .alias("reason")
            )
            code_value: ColumnElement[Any] = element.c.value.op("->>")("code")
        else:
            element = func.json_each(DecisionRow.reasons).table_valued("value", joins_implicitly=True).alias("reason")
            code_value = func.json_extract(element.c.value, "$.code")
        code = code_value.label("code")
        count = func.count().label("lines")
        return [
            (row.code, row.lines)
            for row in self.session.execute(
                select(code, count)
                .select_from(DecisionRow, element)
                .where(DecisionRow.outcome == "denied", *self._period(start, end, station))
                .group_by(literal_column("code"))
                .order_by(count.desc(), literal_column("code"))
            )
        ]

    def denied_fill_counts(
        self, start: datetime, end: datetime, station: str | None = None
    ) -> Sequence[tuple[int, int]]:
        """(fill level in 1/10,000ths, denied lines at it) for the period's weighed denials, lowest
        first: at most 10,001 rows, from which the service takes minimum, median, maximum and tenths."""
        fill = type_coerce(DecisionRow.fill_fraction, Integer).label("fill")
        return [
            (row.fill, row.lines)
            for row in self.session.execute(
                select(fill, func.count().label("lines"))
                .where(
                    DecisionRow.outcome == "denied",
                    DecisionRow.fill_fraction.is_not(None),
                    *self._period(start, end, station),
                )
                .group_by(DecisionRow.fill_fraction)
                .order_by(DecisionRow.fill_fraction)
            )
        ]

    def lines_on_hold(self) -> Sequence[NamedRow]:
        """Every line on hold now with its RMA, note and customer (the service decides what it shows).

        Rows: rma, seller_id, line, sku, note, customer_name, customer_email, customer_phone, card_last4;
        in no particular order (ordering here would lead SQLite to walk every RMA by number).
        """
        return self.session.execute(
            select(
                RmaRow.number.label("rma"),
                RmaRow.seller_id,
                RmaLineRow.line_no.label("line"),
                RmaLineRow.sku,
                RmaLineRow.hold_note.label("note"),
                CustomerRow.name.label("customer_name"),
                CustomerRow.email.label("customer_email"),
                CustomerRow.phone.label("customer_phone"),
                CustomerRow.card_last4,
            )
            .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
            .join(OrderRow, RmaRow.order_id == OrderRow.id)
            .join(CustomerRow, OrderRow.customer_id == CustomerRow.id)
            .where(RmaLineRow.status == "on_hold")
        ).all()

    def hold_events(self, rma_numbers: Sequence[str]) -> Sequence[NamedRow]:
        """The ``line_held`` audit events of these RMAs, oldest first (the RMA index finds them).

        Rows: rma_number, at, user_name, station_id, payload (canonical JSON naming the line).
        """
        rows: list[NamedRow] = []
        numbers = sorted(set(rma_numbers))
        for first in range(0, len(numbers), 500):  # bounded IN lists: SQLite limits bound parameters
            rows.extend(
                self.session.execute(
                    select(
                        AuditEventRow.rma_number,
                        AuditEventRow.at,
                        AuditEventRow.user_name,
                        AuditEventRow.station_id,
                        AuditEventRow.payload,
                    )
                    .where(
                        AuditEventRow.rma_number.in_(numbers[first : first + 500]),
                        AuditEventRow.event_type == "line_held",
                    )
                    .order_by(AuditEventRow.sequence)
                ).all()
            )
        return sorted(rows, key=lambda row: row.at)

    def voided_decisions(self, start: datetime, end: datetime, station: str | None = None) -> Sequence[NamedRow]:
        """The decisions voided in the period, whenever they were decided, and the period's own
        decisions voided after it ended; at ``station`` meaning decided there.

        Rows: id, rma, line, unit, sku, outcome, refunded, currency, decided_at, decided_by, station, voided_at,
        voided_by, void_reason, and the customer's name, email, phone and card_last4 (the service
        cleans the reason of them). Voids are few, and a partial index holds just them.
        """
        voided_in_period = (DecisionRow.voided_at >= start) & (DecisionRow.voided_at < end)
        decided_in_period = (
            (DecisionRow.decided_at >= start) & (DecisionRow.decided_at < end) & (DecisionRow.voided_at >= end)
        )
        conditions: list[ColumnElement[bool]] = [
            DecisionRow.voided_at.is_not(None),
            voided_in_period | decided_in_period,
        ]
        if station:
            conditions.append(DecisionRow.station_id == station)
        if self._currency:
            conditions.append(DecisionRow.currency == self._currency)
        return self.session.execute(
            _with_line_and_customer(
                select(
                    DecisionRow.id,
                    RmaRow.number.label("rma"),
                    RmaLineRow.line_no.label("line"),
                    DecisionRow.unit_no.label("unit"),
                    RmaLineRow.sku,
                    DecisionRow.outcome,
                    DecisionRow.refund_total.label("refunded"),
                    DecisionRow.currency,
                    DecisionRow.decided_at,
                    DecisionRow.decided_by,
                    DecisionRow.station_id.label("station"),
                    DecisionRow.voided_at,
                    DecisionRow.voided_by,
                    DecisionRow.void_reason,
                    *self._customer_columns(),
                )
            )
            .where(*conditions)
            .order_by(DecisionRow.voided_at, DecisionRow.id)
        ).all()

    def voided_documents(self, decision_ids: Sequence[int]) -> dict[int, list[str]]:
        """Decision id -> the numbers of its voided documents, in the order they were issued."""
        numbers: dict[int, list[str]] = {}
        ids = sorted(set(decision_ids))
        for first in range(0, len(ids), 500):  # bounded IN lists: SQLite limits bound parameters
            for decision_id, number in self.session.execute(
                select(DocumentRow.decision_id, DocumentRow.number)
                .where(DocumentRow.decision_id.in_(ids[first : first + 500]), DocumentRow.voided_at.is_not(None))
                .order_by(DocumentRow.decision_id, DocumentRow.id)
            ):
                numbers.setdefault(decision_id, []).append(number)
        return numbers

    def bench_finding_ids(self, start: datetime, end: datetime, station: str | None = None) -> Sequence[NamedRow]:
        """The period's standing decisions made on another reason or choice than their RMA line's (a
        finding at the bench), approved by a supervisor, or made against a contradicting weight.

        Rows: id, changed (1: the reason or choice was found otherwise), contradicted (1: the weight
        contradicted what was ticked); in no particular order (ordering by decided_at would walk its
        index, one probe per row). A decision keeps the customer's reason and choice beside its own,
        so no join is needed; ``bench_findings`` reads the details of the few that are found.
        """
        contradicted = func.coalesce(func.json_array_length(DecisionRow.contradictions), 0) > 0
        changed = (DecisionRow.reason != DecisionRow.stated_reason) | (
            DecisionRow.customer_choice != DecisionRow.stated_choice
        )
        return self.session.execute(
            select(
                DecisionRow.id,
                case((changed, 1), else_=0).label("changed"),
                case((contradicted, 1), else_=0).label("contradicted"),
            ).where(*self._period(start, end, station), changed | DecisionRow.approved_by.is_not(None) | contradicted)
        ).all()

    def bench_findings(self, decision_ids: Sequence[int]) -> Sequence[NamedRow]:
        """These decisions as the report lists a finding, in no particular order.

        Rows: rma, line, unit, sku, stated_reason, stated_choice (the customer's), found_reason,
        found_choice (the decision's), outcome, refunded, currency, decided_at, decided_by, station,
        approved_by, approval_note, overridden_by, override_reason, contradictions (the JSON list of
        {code, text}) and the customer's details (the service cleans the notes of them).
        """
        rows: list[NamedRow] = []
        ids = sorted(set(decision_ids))
        for first in range(0, len(ids), 500):  # bounded IN lists: SQLite limits bound parameters
            rows.extend(
                self.session.execute(
                    _with_line_and_customer(
                        select(
                            RmaRow.number.label("rma"),
                            RmaLineRow.line_no.label("line"),
                            DecisionRow.unit_no.label("unit"),
                            RmaLineRow.sku,
                            DecisionRow.stated_reason,
                            DecisionRow.stated_choice,
                            DecisionRow.reason.label("found_reason"),
                            DecisionRow.customer_choice.label("found_choice"),
                            DecisionRow.outcome,
                            DecisionRow.refund_total.label("refunded"),
                            DecisionRow.currency,
                            DecisionRow.decided_at,
                            DecisionRow.decided_by,
                            DecisionRow.station_id.label("station"),
                            DecisionRow.approved_by,
                            DecisionRow.approval_note,
                            DecisionRow.overridden_by,
                            DecisionRow.override_reason,
                            DecisionRow.contradictions,
                            *self._customer_columns(),
                        )
                    ).where(DecisionRow.id.in_(ids[first : first + 500]))
                ).all()
            )
        return rows

    @staticmethod
    def _customer_columns() -> tuple[SQLColumnExpression[str | None], ...]:
        return (
            CustomerRow.name.label("customer_name"),
            CustomerRow.email.label("customer_email"),
            CustomerRow.phone.label("customer_phone"),
            CustomerRow.card_last4,
        )

    def station_ids(self, since: datetime) -> list[str]:
        """The stations that decided anything since ``since`` (the decided_at index keeps this short)."""
        return list(
            self.session.execute(
                select(DecisionRow.station_id)
                .where(DecisionRow.decided_at >= since)
                .distinct()
                .order_by(DecisionRow.station_id)
            ).scalars()
        )
