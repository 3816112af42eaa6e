"""Queries over the station's tables, in the words the services use."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import date, datetime

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session, selectinload

from receiving_app.domain.audit import ChainedEvent
from receiving_app.domain.lifecycle import UnitState
from receiving_app.domain.money import Money
from receiving_app.persistence.column_types import summed_money
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
            select(RmaLineRow)
            .where(RmaLineRow.rma_id == rma_id, RmaLineRow.line_no == line_no)
            .with_for_update(of=RmaLineRow)
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
        return (
            self.session.execute(
                select(DecisionRow.id)
                .where(
                    DecisionRow.rma_line_id == line_id,
                    DecisionRow.unit_no == unit_no,
                    DecisionRow.voided_at.is_not(None),
                )
                .limit(1)
            ).first()
            is not None
        )

    def unit_states(self, line: RmaLineRow) -> list[UnitState]:
        """Each unit of the line, 1 to its quantity: decided (and not voided), not arrived, or open."""
        return self.unit_states_of_lines([line])[line.id]

    def unit_states_of_lines(self, lines: Sequence[RmaLineRow]) -> dict[int, list[UnitState]]:
        """``unit_states`` for many lines in two queries, keyed by line id."""
        ids = [line.id for line in lines]
        decided = {
            (line_id, unit)
            for line_id, unit in self.session.execute(
                select(DecisionRow.rma_line_id, DecisionRow.unit_no).where(
                    DecisionRow.rma_line_id.in_(ids), DecisionRow.voided_at.is_(None)
                )
            )
        }
        missing = {
            (line_id, unit)
            for line_id, unit in self.session.execute(
                select(InspectionRow.rma_line_id, InspectionRow.unit_no).where(
                    InspectionRow.rma_line_id.in_(ids), InspectionRow.arrived.is_(False)
                )
            )
        }
        return {
            line.id: [
                UnitState.DECIDED
                if (line.id, unit) in decided
                else UnitState.NOT_RECEIVED
                if (line.id, unit) in missing
                else UnitState.OPEN
                for unit in range(1, line.quantity + 1)
            ]
            for line in lines
        }

    def inspections_for_rma(self, rma_id: int) -> Sequence[InspectionRow]:
        """Every inspection of the RMA's units, those of units that did not arrive included."""
        return (
            self.session.execute(
                select(InspectionRow)
                .join(RmaLineRow, InspectionRow.rma_line_id == RmaLineRow.id)
                .where(RmaLineRow.rma_id == rma_id)
                .options(selectinload(InspectionRow.readings), selectinload(InspectionRow.photos))
                .order_by(RmaLineRow.line_no, InspectionRow.unit_no, InspectionRow.id)
            )
            .scalars()
            .all()
        )

    def decisions_for_rma(self, rma_id: int) -> Sequence[DecisionRow]:
        """Every decision on the RMA's lines, voided ones included, by line, unit and time."""
        return (
            self.session.execute(
                select(DecisionRow)
                .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
                .where(RmaLineRow.rma_id == rma_id)
                .options(selectinload(DecisionRow.documents))
                .order_by(RmaLineRow.line_no, DecisionRow.unit_no, DecisionRow.id)
            )
            .scalars()
            .all()
        )

    def shipping_already_refunded(self, order_id: int) -> Money:
        """Seller errors refund the order's shipping once, however many of its lines come back."""
        return self._money_sum(
            select(summed_money(DecisionRow.shipping_refund))
            .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
            .where(RmaRow.order_id == order_id, DecisionRow.voided_at.is_(None))
        )

    def label_already_deducted(self, rma_id: int) -> Money:
        """An RMA's one return label is deducted once, from the first refund that carries it."""
        return self._money_sum(
            select(summed_money(DecisionRow.return_shipping_deduction))
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
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
                )
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
        return (
            self.session.execute(
                select(AuditEventRow).where(AuditEventRow.rma_number == rma_number).order_by(AuditEventRow.sequence)
            )
            .scalars()
            .all()
        )

    def audit_head(self) -> AuditHeadRow:
        return self.session.get(AuditHeadRow, 1)

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
            for row in rows:
                yield ChainedEvent(
                    row.sequence,
                    row.event_type,
                    row.at,
                    row.user_name,
                    row.station_id,
                    row.rma_number,
                    row.payload,
                    row.previous_hash,
                    row.hash,
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
            query = (
                query.join(OrderRow, RmaRow.order_id == OrderRow.id)
                .join(CustomerRow, OrderRow.customer_id == CustomerRow.id)
                .where(matches)
            )
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
                lines = lines.join(
                    DecisionRow, (DecisionRow.rma_line_id == RmaLineRow.id) & DecisionRow.voided_at.is_(None)
                )
            query = query.where(lines.exists())
        return self.session.execute(query).scalars().all()

    def _starts_with(self, column, prefix: str):
        # SQLite's LIKE ignores case and so cannot use the index; its GLOB is case-sensitive and
        # does, which matters with a million RMAs. Numbers are stored upper case, like the prefix.
        if self.session.get_bind().dialect.name == "sqlite":
            escaped = "".join(f"[{character}]" if character in "*?[" else character for character in prefix)
            return column.op("GLOB")(escaped + "*")
        return column.startswith(prefix, autoescape=True)

    def line_outcomes(
        self, rma_ids: Sequence[int]
    ) -> Sequence[tuple[int, str, str, str | None, Money | None, datetime | None]]:
        """(rma id, sku, line status, outcome, refund total, decided at) for each line of the RMAs."""
        if not rma_ids:
            return []
        return self.session.execute(
            select(
                RmaLineRow.rma_id,
                RmaLineRow.sku,
                RmaLineRow.status,
                DecisionRow.outcome,
                DecisionRow.refund_total,
                DecisionRow.decided_at,
            )
            .outerjoin(DecisionRow, (DecisionRow.rma_line_id == RmaLineRow.id) & DecisionRow.voided_at.is_(None))
            .where(RmaLineRow.rma_id.in_(rma_ids))
            .order_by(RmaLineRow.rma_id, RmaLineRow.line_no)
        ).all()
