"""Queries over the station's tables, in the words the services use."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import date, datetime

from sqlalchemy import Integer, case, func, insert, literal_column, select, text, type_coerce, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from receiving_app.domain.audit import ChainedEvent
from receiving_app.domain.lifecycle import UnitState
from receiving_app.domain.money import Money
from receiving_app.persistence.column_types import MoneyCents
from receiving_app.persistence.tables import (
    AuditEventRow,
    AuditHeadRow,
    CatalogItemRow,
    CustomerRow,
    DecisionRow,
    DocumentCounterRow,
    DocumentRow,
    InspectionRow,
    OrderRow,
    PolicyVersionRow,
    RmaLineRow,
    RmaRow,
    SellerRow,
    UserRow,
)


def _money_total(column):
    return type_coerce(func.coalesce(func.sum(column), 0), MoneyCents)


class Records:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row) -> None:
        self.session.add(row)

    def flush(self) -> None:
        self.session.flush()

    # RMAs and their lines -------------------------------------------------------------------

    def rma(self, number: str) -> RmaRow | None:
        return self.session.execute(
            select(RmaRow)
            .where(RmaRow.number == number)
            .options(selectinload(RmaRow.lines).selectinload(RmaLineRow.item))
        ).scalar_one_or_none()

    def rmas(self, status: str | None = None) -> Sequence[RmaRow]:
        query = select(RmaRow).options(selectinload(RmaRow.lines)).order_by(RmaRow.number)
        if status:
            query = query.where(RmaRow.status == status)
        return self.session.execute(query).scalars().all()

    def rma_line_for_update(self, rma_id: int, line_no: int) -> RmaLineRow | None:
        """The line, locked until commit: concurrent receivers of one line queue here (PostgreSQL)."""
        return self.session.execute(
            select(RmaLineRow).where(RmaLineRow.rma_id == rma_id, RmaLineRow.line_no == line_no).with_for_update(of=RmaLineRow)
        ).scalar_one_or_none()

    def line_of_decision_for_update(self, decision: DecisionRow) -> RmaLineRow:
        """The decision's line, locked as receiving locks it (a void and a receive of it queue)."""
        return self.session.execute(
            select(RmaLineRow).where(RmaLineRow.id == decision.rma_line_id).with_for_update(of=RmaLineRow)
        ).scalar_one()

    def standing_decision(self, line_id: int, unit_no: int) -> DecisionRow | None:
        """The unit's decision that has not been voided, if it has one."""
        return self.session.execute(
            select(DecisionRow)
            .where(DecisionRow.rma_line_id == line_id, DecisionRow.unit_no == unit_no, DecisionRow.voided_at.is_(None))
            .options(selectinload(DecisionRow.documents))
        ).scalar_one_or_none()

    def unit_was_voided(self, line_id: int, unit_no: int) -> bool:
        return self.session.execute(
            select(DecisionRow.id)
            .where(DecisionRow.rma_line_id == line_id, DecisionRow.unit_no == unit_no, DecisionRow.voided_at.is_not(None))
            .limit(1)
        ).first() is not None

    def unit_states(self, line: RmaLineRow) -> list[UnitState]:
        """Each unit of the line, 1 to its quantity: decided (and not voided), not arrived, or open."""
        return self.unit_states_of_lines([line])[line.id]

    def unit_states_of_lines(self, lines: Sequence[RmaLineRow]) -> dict[int, list[UnitState]]:
        """``unit_states`` for many lines in two queries, keyed by line id."""
        ids = [line.id for line in lines]
        decided = {(line_id, unit) for line_id, unit in self.session.execute(
            select(DecisionRow.rma_line_id, DecisionRow.unit_no).where(DecisionRow.rma_line_id.in_(ids), DecisionRow.voided_at.is_(None))
        )}
        missing = {(line_id, unit) for line_id, unit in self.session.execute(
            select(InspectionRow.rma_line_id, InspectionRow.unit_no).where(InspectionRow.rma_line_id.in_(ids), InspectionRow.arrived.is_(False))
        )}
        return {
            line.id: [
                UnitState.DECIDED if (line.id, unit) in decided
                else UnitState.NOT_RECEIVED if (line.id, unit) in missing
                else UnitState.OPEN
                for unit in range(1, line.quantity + 1)
            ]
            for line in lines
        }

    def inspections_for_rma(self, rma_id: int) -> Sequence[InspectionRow]:
        """Every inspection of the RMA's units, those of units that did not arrive included."""
        return self.session.execute(
            select(InspectionRow)
            .join(RmaLineRow, InspectionRow.rma_line_id == RmaLineRow.id)
            .where(RmaLineRow.rma_id == rma_id)
            .options(selectinload(InspectionRow.readings), selectinload(InspectionRow.photos))
            .order_by(RmaLineRow.line_no, InspectionRow.unit_no, InspectionRow.id)
        ).scalars().all()

    def decisions_for_rma(self, rma_id: int) -> Sequence[DecisionRow]:
        """Every decision on the RMA's lines, voided ones included, by line, unit and time."""
        return self.session.execute(
            select(DecisionRow)
            .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .where(RmaLineRow.rma_id == rma_id)
            .options(selectinload(DecisionRow.documents))
            .order_by(RmaLineRow.line_no, DecisionRow.unit_no, DecisionRow.id)
        ).scalars().all()

    def shipping_already_refunded(self, order_id: int) -> Money:
        """Seller errors refund the order's shipping once, however many of its lines come back."""
        return self._money_sum(
            select(_money_total(DecisionRow.shipping_refund))
            .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
            .where(RmaRow.order_id == order_id, DecisionRow.voided_at.is_(None))
        )

    def label_already_deducted(self, rma_id: int) -> Money:
        """An RMA's one return label is deducted once, from the first refund that carries it."""
        return self._money_sum(
            select(_money_total(DecisionRow.return_shipping_deduction))
            .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .where(RmaLineRow.rma_id == rma_id, DecisionRow.voided_at.is_(None))
        )

    def _money_sum(self, query) -> Money:
        return self.session.execute(query).scalar_one()

    # Catalog, sellers, users ------------------------------------------------------------------

    def catalog_item(self, sku: str) -> CatalogItemRow | None:
        return self.session.get(CatalogItemRow, sku)

    def catalog_item_by_upc(self, upc: str) -> CatalogItemRow | None:
        return self.session.execute(select(CatalogItemRow).where(CatalogItemRow.upc == upc)).scalar_one_or_none()

    def catalog(self) -> Sequence[CatalogItemRow]:
        return self.session.execute(select(CatalogItemRow).order_by(CatalogItemRow.sku)).scalars().all()

    def seller(self, seller_id: str) -> SellerRow | None:
        return self.session.get(SellerRow, seller_id)

    def sellers(self) -> Sequence[SellerRow]:
        return self.session.execute(select(SellerRow).order_by(SellerRow.id)).scalars().all()

    def user(self, name: str) -> UserRow | None:
        return self.session.get(UserRow, name)

    def user_for_update(self, name: str) -> UserRow | None:
        """The user, locked until commit: parallel sign-ins of one name count their failures one after another."""
        return self.session.execute(select(UserRow).where(UserRow.name == name).with_for_update()).scalar_one_or_none()

    def order(self, number: str) -> OrderRow | None:
        return self.session.execute(select(OrderRow).where(OrderRow.number == number)).scalar_one_or_none()

    def policy_version(self, policy_id: str, version: str) -> PolicyVersionRow | None:
        return self.session.get(PolicyVersionRow, (policy_id, version))

    def record_policy_version(self, policy_id: str, version: str, source_text: str, at: datetime) -> PolicyVersionRow:
        row = PolicyVersionRow(
            policy_id=policy_id,
            version=version,
            source_text=source_text,
            sha256=hashlib.sha256(source_text.encode("utf-8")).hexdigest(),
            recorded_at=at,
        )
        self.session.add(row)
        return row

    def bulk_insert(self, table, rows: list[dict]) -> None:
        """Insert many rows at once; they may carry their own ids (see ``catch_up_id_sequences``)."""
        if rows:
            self.session.execute(insert(table), rows)

    def catch_up_id_sequences(self, *tables) -> None:
        """After rows were inserted with explicit ids, move PostgreSQL's id sequences past them.

        SQLite picks max(id) + 1 by itself; PostgreSQL's sequences do not see explicit ids and would
        hand out an id that is already taken.
        """
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for table in tables:
            name = table.__tablename__
            self.session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)")
            )

    def is_empty(self) -> bool:
        return self.session.execute(select(func.count()).select_from(RmaRow)).scalar_one() == 0 and (
            self.session.execute(select(func.count()).select_from(CatalogItemRow)).scalar_one() == 0
        )

    # Documents ----------------------------------------------------------------------------------

    def next_document_sequence(self, document_type: str) -> int:
        """Bump the type's counter in this transaction: a rollback takes the number back, so no gaps."""
        return self.session.execute(
            update(DocumentCounterRow)
            .where(DocumentCounterRow.document_type == document_type)
            .values(last_number=DocumentCounterRow.last_number + 1)
            .returning(DocumentCounterRow.last_number)
        ).scalar_one()

    def store_document_pdf(self, number: str, pdf: bytes, sha256: str) -> bool:
        """Stores a document's PDF once: False when it was stored already (a PDF is never replaced)."""
        stored = self.session.execute(
            update(DocumentRow)
            .where(DocumentRow.number == number, DocumentRow.pdf.is_(None))
            .values(pdf=pdf, pdf_sha256=sha256)
            .execution_options(synchronize_session=False)
        )
        return stored.rowcount == 1

    def document(self, number: str) -> DocumentRow | None:
        return self.session.execute(select(DocumentRow).where(DocumentRow.number == number)).scalar_one_or_none()

    def rma_number_of_document(self, document: DocumentRow) -> str:
        return self.session.execute(
            select(RmaRow.number)
            .join(RmaLineRow, RmaLineRow.rma_id == RmaRow.id)
            .join(DecisionRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .where(DecisionRow.id == document.decision_id)
        ).scalar_one()

    def documents(self, document_type: str | None = None) -> Sequence[DocumentRow]:
        query = select(DocumentRow).order_by(DocumentRow.document_type, DocumentRow.sequence)
        if document_type:
            query = query.where(DocumentRow.document_type == document_type)
        return self.session.execute(query).scalars().all()

    # Audit ----------------------------------------------------------------------------------------

    def audit_events_for_rma(self, rma_number: str) -> Sequence[AuditEventRow]:
        return self.session.execute(
            select(AuditEventRow).where(AuditEventRow.rma_number == rma_number).order_by(AuditEventRow.sequence)
        ).scalars().all()

    def audit_head(self) -> AuditHeadRow:
        return self.session.get(AuditHeadRow, 1)

    def audit_chain(self, batch: int = 5_000) -> Iterator[ChainedEvent]:
        """Every event in order, in batches so that a long chain does not sit in memory at once."""
        after = 0
        while True:
            rows = self.session.execute(
                select(AuditEventRow).where(AuditEventRow.sequence > after).order_by(AuditEventRow.sequence).limit(batch)
            ).scalars().all()
            if not rows:
                return
            for row in rows:
                yield ChainedEvent(
                    row.sequence, row.event_type, row.at, row.user_name, row.station_id, row.rma_number,
                    row.payload, row.previous_hash, row.hash,
                )
            after = rows[-1].sequence
            self.session.expunge_all()

    # Searching RMAs and editing the catalog (history and catalog pages) --------------------------

    def search_rmas(
        self,
        *,
        number_prefix: str = "",
        customer: str = "",
        match_customer_names: bool = False,
        sku: str = "",
        reported_from: date | None = None,
        reported_to: date | None = None,
        outcome: str = "",
        decided_from: datetime | None = None,
        decided_before: datetime | None = None,
        limit: int,
    ) -> Sequence[RmaRow]:
        """RMAs matching every given criterion, newest on file first.

        The line criteria (SKU, outcome, decision time) must hold for one and the same line, so
        "denied, SKU TN-660" finds RMAs where TN-660 itself was denied. Ordering by the primary
        key lets the database stop after ``limit`` matches instead of sorting every RMA.
        """
        query = select(RmaRow).order_by(RmaRow.id.desc()).limit(limit)
        if number_prefix:
            query = query.where(self._starts_with(RmaRow.number, number_prefix))
        if customer:
            needle = customer.casefold()
            matches = func.lower(CustomerRow.account_number).startswith(needle, autoescape=True)
            if match_customer_names:
                matches = matches | func.lower(CustomerRow.name).contains(needle, autoescape=True)
            query = query.join(OrderRow, RmaRow.order_id == OrderRow.id).join(CustomerRow, OrderRow.customer_id == CustomerRow.id).where(matches)
        if reported_from is not None:
            query = query.where(RmaRow.reported_on >= reported_from)
        if reported_to is not None:
            query = query.where(RmaRow.reported_on <= reported_to)
        line_conditions, decision_conditions = [], []
        if sku:
            line_conditions.append(RmaLineRow.sku == sku)
        if outcome == "pending":
            line_conditions.append(RmaLineRow.status.in_(("open", "on_hold")))
        elif outcome:
            decision_conditions.append(DecisionRow.outcome == outcome)
        if decided_from is not None:
            decision_conditions.append(DecisionRow.decided_at >= decided_from)
        if decided_before is not None:
            decision_conditions.append(DecisionRow.decided_at < decided_before)
        if line_conditions or decision_conditions:
            lines = select(RmaLineRow.id).where(RmaLineRow.rma_id == RmaRow.id, *line_conditions, *decision_conditions)
            if decision_conditions:
                lines = lines.join(DecisionRow, (DecisionRow.rma_line_id == RmaLineRow.id) & DecisionRow.voided_at.is_(None))
            query = query.where(lines.exists())
        return self.session.execute(query).scalars().all()

    def _starts_with(self, column, prefix: str):
        # SQLite's LIKE ignores case and so cannot use the index; its GLOB is case-sensitive and
        # does, which matters with a million RMAs. Numbers are stored upper case, like the prefix.
        if self.session.get_bind().dialect.name == "sqlite":
            escaped = "".join(f"[{character}]" if character in "*?[" else character for character in prefix)
            return column.op("GLOB")(escaped + "*")
        return column.startswith(prefix, autoescape=True)

    def line_outcomes(self, rma_ids: Sequence[int]) -> Sequence[tuple[int, str, str, str | None, Money | None, datetime | None]]:
        """(rma id, sku, line status, outcome, refund total, decided at) for each line of the RMAs."""
        if not rma_ids:
            return []
        return self.session.execute(
            select(
                RmaLineRow.rma_id, RmaLineRow.sku, RmaLineRow.status,
                DecisionRow.outcome, DecisionRow.refund_total, DecisionRow.decided_at,
            )
            .outerjoin(DecisionRow, (DecisionRow.rma_line_id == RmaLineRow.id) & DecisionRow.voided_at.is_(None))
            .where(RmaLineRow.rma_id.in_(rma_ids))
            .order_by(RmaLineRow.rma_id, RmaLineRow.line_no)
        ).all()

    # Shift and daily reports ---------------------------------------------------------------------
    # Aggregates over one period of decisions, grouped in the database. Periods are half-open
    # (start <= decided_at < end) and both ends are aware UTC datetimes. Money is summed as the
    # integer cents it is stored in and read back through MoneyCents, so every total is exact.

    REPORT_SCAN_SHARE = 10
    """On SQLite, a period holding more than 1/10 of all decisions is read by scanning the table."""

    def begin_report_snapshot(self) -> None:
        """Makes the report's several queries read one snapshot, so that its tables agree with each
        other even while stations keep receiving. Call before the first query of a read unit of work.
        (SQLite's read transaction is a snapshot already; PostgreSQL's default is not.)"""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.connection(execution_options={"isolation_level": "REPEATABLE READ"})

    def _report_period(self, start: datetime, end: datetime, station: str | None) -> list:
        decided_at, voided_at = DecisionRow.decided_at, DecisionRow.voided_at
        if self._report_reads_whole_table(start, end):
            # "+decided_at" hides the index from SQLite's planner (which has no statistics on
            # ranges): for a day holding most of the table, one index probe per row is about
            # three times slower than reading the table straight through. "+voided_at" likewise
            # hides the standing-unit index, whose WHERE voided_at IS NULL would match (20 % slower).
            decided_at, voided_at = self._report_unindexed(decided_at), self._report_unindexed(voided_at)
        # A voided decision moved no money: it is left out of every total and listed on its own.
        conditions = [decided_at >= start, decided_at < end, voided_at.is_(None)]
        if station:
            conditions.append(DecisionRow.station_id == station)
        return conditions

    @staticmethod
    def _report_unindexed(column):
        """``+column``: the same value, which SQLite's planner cannot look up in an index."""
        return UnaryExpression(column, operator=custom_op("+"), type_=column.type)

    def _report_reads_whole_table(self, start: datetime, end: datetime) -> bool:
        if self.session.get_bind().dialect.name != "sqlite":
            return False  # PostgreSQL's planner knows the distribution of decided_at
        choices = self.__dict__.setdefault("_report_scan_choices", {})
        if (start, end) not in choices:
            in_period = self.session.execute(
                select(func.count()).select_from(DecisionRow).where(DecisionRow.decided_at >= start, DecisionRow.decided_at < end)
            ).scalar_one()  # the decided_at index alone answers this
            highest_id = self.session.execute(select(func.max(DecisionRow.id))).scalar_one() or 0
            choices[(start, end)] = in_period * self.REPORT_SCAN_SHARE > highest_id
        return choices[(start, end)]

    def report_decision_groups(self, start: datetime, end: datetime, station: str | None = None) -> Sequence:
        """The period's decisions counted and summed per outcome, refund method, operator, station and
        overriding supervisor: a few hundred rows at most, from which every breakdown is added up.

        Each row: outcome, refund_method, operator, station, overridden_by, lines, merchandise,
        restocking_fees, label_deductions, shipping_refunded, refunded, fees_charged. (Units would
        need a join to rma_lines that doubles the query's time; a line is what a clerk receives.)
        """
        charged = case((type_coerce(DecisionRow.restocking_fee, Integer) > 0, 1), else_=0)
        outcome = DecisionRow.outcome
        if self._report_reads_whole_table(start, end):
            outcome = self._report_unindexed(outcome)  # grouping by it would walk the outcome index, one probe per row
        keys = (outcome, DecisionRow.refund_method, DecisionRow.decided_by, DecisionRow.station_id, DecisionRow.overridden_by)
        return self.session.execute(
            select(
                outcome.label("outcome"),
                DecisionRow.refund_method,
                DecisionRow.decided_by.label("operator"),
                DecisionRow.station_id.label("station"),
                DecisionRow.overridden_by,
                func.count().label("lines"),
                _money_total(DecisionRow.merchandise).label("merchandise"),
                _money_total(DecisionRow.restocking_fee).label("restocking_fees"),
                _money_total(DecisionRow.return_shipping_deduction).label("label_deductions"),
                _money_total(DecisionRow.shipping_refund).label("shipping_refunded"),
                _money_total(DecisionRow.refund_total).label("refunded"),
                func.sum(charged).label("fees_charged"),
            )
            .where(*self._report_period(start, end, station))
            .group_by(*keys)
        ).all()

    def report_denial_reason_counts(self, start: datetime, end: datetime, station: str | None = None) -> Sequence[tuple[str, int]]:
        """(reason code, denied lines carrying it) for the period's denials, most frequent first.

        The codes are taken apart from each decision's JSON list inside the database, with the
        dialect's own table function (json_each in SQLite, json_array_elements in PostgreSQL).
        """
        if self.session.get_bind().dialect.name == "postgresql":
            element = func.json_array_elements(DecisionRow.reasons).table_valued("value", joins_implicitly=True).alias("reason")
            code = element.c.value.op("->>")("code")
        else:
            element = func.json_each(DecisionRow.reasons).table_valued("value", joins_implicitly=True).alias("reason")
            code = func.json_extract(element.c.value, "$.code")
        code = code.label("code")
        count = func.count().label("lines")
        return [
            (row.code, row.lines)
            for row in self.session.execute(
                select(code, count)
                .select_from(DecisionRow, element)
                .where(DecisionRow.outcome == "denied", *self._report_period(start, end, station))
                .group_by(literal_column("code"))
                .order_by(count.desc(), literal_column("code"))
            )
        ]

    def report_denied_fill_counts(self, start: datetime, end: datetime, station: str | None = None) -> Sequence[tuple[int, int]]:
        """(fill level in 1/10,000ths, denied lines at it) for the period's weighed denials, lowest
        first: at most 10,001 rows, from which the service takes minimum, median, maximum and tenths."""
        fill = type_coerce(DecisionRow.fill_fraction, Integer).label("fill")
        return [
            (row.fill, row.lines)
            for row in self.session.execute(
                select(fill, func.count().label("lines"))
                .where(DecisionRow.outcome == "denied", DecisionRow.fill_fraction.is_not(None), *self._report_period(start, end, station))
                .group_by(DecisionRow.fill_fraction)
                .order_by(DecisionRow.fill_fraction)
            )
        ]

    def report_lines_on_hold(self) -> Sequence:
        """Every line on hold now with its RMA, note and customer (the service decides what it shows).

        Rows: rma, line, sku, note, customer_name, customer_email, customer_phone, card_last4; in no
        particular order (ordering here would lead SQLite to walk every RMA by number).
        """
        return self.session.execute(
            select(
                RmaRow.number.label("rma"),
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

    def report_hold_events(self, rma_numbers: Sequence[str]) -> Sequence:
        """The ``line_held`` audit events of these RMAs, oldest first (the RMA index finds them).

        Rows: rma_number, at, user_name, station_id, payload (canonical JSON naming the line).
        """
        rows: list = []
        numbers = sorted(set(rma_numbers))
        for first in range(0, len(numbers), 500):  # bounded IN lists: SQLite limits bound parameters
            rows.extend(
                self.session.execute(
                    select(AuditEventRow.rma_number, AuditEventRow.at, AuditEventRow.user_name, AuditEventRow.station_id, AuditEventRow.payload)
                    .where(AuditEventRow.rma_number.in_(numbers[first : first + 500]), AuditEventRow.event_type == "line_held")
                    .order_by(AuditEventRow.sequence)
                ).all()
            )
        return sorted(rows, key=lambda row: row.at)

    def report_voided_decisions(self, start: datetime, end: datetime, station: str | None = None) -> Sequence:
        """The decisions voided in the period, whenever they were decided, and the period's own
        decisions voided after it ended; at ``station`` meaning decided there.

        Rows: id, rma, line, unit, sku, outcome, refunded, decided_at, decided_by, station, voided_at,
        voided_by, void_reason, and the customer's name, email, phone and card_last4 (the service
        cleans the reason of them). Voids are few, and a partial index holds just them.
        """
        voided_in_period = (DecisionRow.voided_at >= start) & (DecisionRow.voided_at < end)
        decided_in_period = (DecisionRow.decided_at >= start) & (DecisionRow.decided_at < end) & (DecisionRow.voided_at >= end)
        conditions = [DecisionRow.voided_at.is_not(None), voided_in_period | decided_in_period]
        if station:
            conditions.append(DecisionRow.station_id == station)
        return self.session.execute(
            select(
                DecisionRow.id,
                RmaRow.number.label("rma"),
                RmaLineRow.line_no.label("line"),
                DecisionRow.unit_no.label("unit"),
                RmaLineRow.sku,
                DecisionRow.outcome,
                DecisionRow.refund_total.label("refunded"),
                DecisionRow.decided_at,
                DecisionRow.decided_by,
                DecisionRow.station_id.label("station"),
                DecisionRow.voided_at,
                DecisionRow.voided_by,
                DecisionRow.void_reason,
                *self._report_customer_columns(),
            )
            .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
            .join(OrderRow, RmaRow.order_id == OrderRow.id)
            .join(CustomerRow, OrderRow.customer_id == CustomerRow.id)
            .where(*conditions)
            .order_by(DecisionRow.voided_at, DecisionRow.id)
        ).all()

    def report_voided_documents(self, decision_ids: Sequence[int]) -> dict[int, list[str]]:
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

    def report_bench_finding_ids(self, start: datetime, end: datetime, station: str | None = None) -> Sequence:
        """The period's standing decisions made on another reason or choice than their RMA line's (a
        finding at the bench), approved by a supervisor, or made against a contradicting weight.

        Rows: id, changed (1: the reason or choice was found otherwise), contradicted (1: the weight
        contradicted what was ticked); in no particular order (ordering by decided_at would walk its
        index, one probe per row). The line's own reason is needed to see a finding, so each of the
        period's decisions is joined to its line: only the keys are read here, and
        ``report_bench_findings`` reads the details of the few that are found.
        """
        contradicted = func.coalesce(func.json_array_length(DecisionRow.contradictions), 0) > 0
        changed = (DecisionRow.reason != RmaLineRow.reason) | (DecisionRow.customer_choice != RmaLineRow.customer_choice)
        return self.session.execute(
            select(
                DecisionRow.id,
                case((changed, 1), else_=0).label("changed"),
                case((contradicted, 1), else_=0).label("contradicted"),
            )
            .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .where(*self._report_period(start, end, station), changed | DecisionRow.approved_by.is_not(None) | contradicted)
        ).all()

    def report_bench_findings(self, decision_ids: Sequence[int]) -> Sequence:
        """These decisions as the report lists a finding, in no particular order.

        Rows: rma, line, unit, sku, stated_reason, stated_choice (the customer's), found_reason,
        found_choice (the decision's), outcome, refunded, decided_at, decided_by, station,
        approved_by, approval_note, overridden_by, override_reason, contradictions (the JSON list of
        {code, text}) and the customer's details (the service cleans the notes of them).
        """
        rows: list = []
        ids = sorted(set(decision_ids))
        for first in range(0, len(ids), 500):  # bounded IN lists: SQLite limits bound parameters
            rows.extend(self.session.execute(
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
                    DecisionRow.decided_at,
                    DecisionRow.decided_by,
                    DecisionRow.station_id.label("station"),
                    DecisionRow.approved_by,
                    DecisionRow.approval_note,
                    DecisionRow.overridden_by,
                    DecisionRow.override_reason,
                    DecisionRow.contradictions,
                    *self._report_customer_columns(),
                )
                .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
                .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
                .join(OrderRow, RmaRow.order_id == OrderRow.id)
                .join(CustomerRow, OrderRow.customer_id == CustomerRow.id)
                .where(DecisionRow.id.in_(ids[first : first + 500]))
            ).all())
        return rows

    @staticmethod
    def _report_customer_columns() -> tuple:
        return (
            CustomerRow.name.label("customer_name"),
            CustomerRow.email.label("customer_email"),
            CustomerRow.phone.label("customer_phone"),
            CustomerRow.card_last4,
        )

    def report_station_ids(self, since: datetime) -> list[str]:
        """The stations that decided anything since ``since`` (the decided_at index keeps this short)."""
        return list(
            self.session.execute(
                select(DecisionRow.station_id).where(DecisionRow.decided_at >= since).distinct().order_by(DecisionRow.station_id)
            ).scalars()
        )
