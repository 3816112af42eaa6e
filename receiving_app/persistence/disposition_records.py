"""The queries of where units go: routing versions, license plates and the stock ledger."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.disposition_tables import ContainerRow, LicensePlateRow, RoutingVersionRow, StockMoveRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow


class DispositionRecords:
    session: Session

    def routing_version(self, version: str) -> RoutingVersionRow | None:
        return self.session.get(RoutingVersionRow, version)

    def record_routing_version(self, version: str, source_text: str, at: datetime) -> RoutingVersionRow:
        row = RoutingVersionRow(
            version=version,
            source_text=source_text,
            sha256=hashlib.sha256(source_text.encode("utf-8")).hexdigest(),
            recorded_at=at,
        )
        self.session.add(row)
        return row

    def license_plate_of_decision(self, decision_id: int) -> LicensePlateRow | None:
        return self.session.scalars(select(LicensePlateRow).where(LicensePlateRow.decision_id == decision_id)).first()

    def license_plate(self, lpn: str) -> LicensePlateRow | None:
        return self.session.scalars(select(LicensePlateRow).where(LicensePlateRow.lpn == lpn)).first()

    def rma_number_of_license_plate(self, lpn: str) -> str | None:
        """The RMA whose unit carries the plate: a plate scanned anywhere opens that unit's RMA."""
        return self.session.scalars(
            select(RmaRow.number)
            .join(RmaLineRow, RmaLineRow.rma_id == RmaRow.id)
            .join(DecisionRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .join(LicensePlateRow, LicensePlateRow.decision_id == DecisionRow.id)
            .where(LicensePlateRow.lpn == lpn)
        ).first()

    def container(self, code: str, *, lock: bool) -> ContainerRow | None:
        query = select(ContainerRow).where(ContainerRow.code == code)
        return self.session.scalars(query.with_for_update() if lock else query).first()

    def open_container_for_route(self, route: str) -> ContainerRow | None:
        return self.session.scalars(
            select(ContainerRow).where(ContainerRow.route == route, ContainerRow.status == "open")
        ).first()

    def containers(self, status: str | None) -> Sequence[ContainerRow]:
        query = select(ContainerRow).order_by(ContainerRow.sequence)
        return self.session.scalars(query.where(ContainerRow.status == status) if status else query).all()

    def container_contents(self, container_id: int) -> tuple[int, Decimal]:
        """How many units a container holds and what they weigh together, in grams (summed here: the
        weights are kept as exact text)."""
        grams = self.session.scalars(select(LicensePlateRow.grams).where(LicensePlateRow.container_id == container_id))
        weights = list(grams)
        return len(weights), sum(weights, Decimal(0))

    def plates_in_container(self, container_id: int) -> Sequence[LicensePlateRow]:
        return self.session.scalars(
            select(LicensePlateRow)
            .where(LicensePlateRow.container_id == container_id)
            .order_by(LicensePlateRow.sequence)
        ).all()

    def holds_ending_by(self, last_day: date, *, lock: bool = False) -> Sequence[LicensePlateRow]:
        query = (
            select(LicensePlateRow)
            .where(
                LicensePlateRow.held_until.is_not(None),
                LicensePlateRow.held_until <= last_day,
                LicensePlateRow.hold_ended.is_(None),
            )
            .order_by(LicensePlateRow.held_until, LicensePlateRow.sequence)
        )
        return self.session.scalars(query.with_for_update() if lock else query).all()

    def sku_of_decision(self, decision_id: int) -> str:
        return self.session.scalars(
            select(RmaLineRow.sku)
            .join(DecisionRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .where(DecisionRow.id == decision_id)
        ).one()

    def restock_of_decision(self, decision_id: int) -> StockMoveRow | None:
        return self.session.scalars(
            select(StockMoveRow).where(StockMoveRow.decision_id == decision_id, StockMoveRow.kind == "restocked")
        ).first()

    def stock_on_hand(self) -> Sequence[tuple[str, str, int]]:
        """(SKU, grade, quantity) for every SKU and grade with units on hand, by SKU and grade."""
        quantity = func.sum(StockMoveRow.quantity)
        rows = self.session.execute(
            select(StockMoveRow.sku, StockMoveRow.grade, quantity)
            .group_by(StockMoveRow.sku, StockMoveRow.grade)
            .having(quantity != 0)
            .order_by(StockMoveRow.sku, StockMoveRow.grade)
        ).all()
        return [(sku, grade, int(total)) for sku, grade, total in rows]
