"""The report's queries on where the period's units went: counted by route, the containers closed with
the units in them, and what the stock ledger gained."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, func, select

from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.disposition_tables import ContainerRow, LicensePlateRow, StockMoveRow
from receiving_app.persistence.report_periods import PeriodRecords
from receiving_app.persistence.rma_tables import RmaLineRow

if TYPE_CHECKING:
    from receiving_app.persistence.report_periods import NamedRow


class SortingReportRecords(PeriodRecords):
    def units_by_route(self, start: datetime, end: datetime, station: str | None = None) -> Sequence[NamedRow]:
        """The period's standing decisions counted by the route their license plate names now (a hold
        that ended has moved its unit on). Rows: route, units."""
        return self.session.execute(
            select(LicensePlateRow.route, func.count().label("units"))
            .join(DecisionRow, LicensePlateRow.decision_id == DecisionRow.id)
            .where(*self._period(start, end, station))
            .group_by(LicensePlateRow.route)
        ).all()

    def containers_closed(self, start: datetime, end: datetime, station: str | None = None) -> Sequence[NamedRow]:
        """Containers whose close falls in the period and that are closed still, opened at ``station``
        if one is given (a reopened container loses its close). Rows: id, code, route, closed_at,
        closed_by, closed_because; by when closed."""
        conditions: list[ColumnElement[bool]] = [ContainerRow.closed_at >= start, ContainerRow.closed_at < end]
        if station:
            conditions.append(ContainerRow.station_id == station)
        return self.session.execute(
            select(
                ContainerRow.id,
                ContainerRow.code,
                ContainerRow.route,
                ContainerRow.closed_at,
                ContainerRow.closed_by,
                ContainerRow.closed_because,
            )
            .where(*conditions)
            .order_by(ContainerRow.closed_at, ContainerRow.sequence)
        ).all()

    def units_in_containers(self, container_ids: Sequence[int]) -> Sequence[NamedRow]:
        """One row per unit in these containers, as its manifest counts them. Rows: container_id, sku,
        grams (exact text, so the service adds them: SQL would sum them as floats)."""
        rows: list[NamedRow] = []
        ids = sorted(set(container_ids))
        for first in range(0, len(ids), 500):  # bounded IN lists: SQLite limits bound parameters
            rows.extend(
                self.session.execute(
                    select(LicensePlateRow.container_id, RmaLineRow.sku, LicensePlateRow.grams)
                    .join(DecisionRow, LicensePlateRow.decision_id == DecisionRow.id)
                    .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
                    .where(LicensePlateRow.container_id.in_(ids[first : first + 500]))
                ).all()
            )
        return rows

    def stock_moved(self, start: datetime, end: datetime, station: str | None = None) -> Sequence[NamedRow]:
        """The stock ledger's moves in the period added up per SKU and grade, moved at ``station`` if one is
        given; a void in the period takes back its restock, and SKUs where the two cancel out are left out.
        Rows: sku, grade, units; by SKU, then grade."""
        units = func.sum(StockMoveRow.quantity)
        conditions: list[ColumnElement[bool]] = [StockMoveRow.moved_at >= start, StockMoveRow.moved_at < end]
        if station:
            conditions.append(StockMoveRow.station_id == station)
        return self.session.execute(
            select(StockMoveRow.sku, StockMoveRow.grade, units.label("units"))
            .where(*conditions)
            .group_by(StockMoveRow.sku, StockMoveRow.grade)
            .having(units != 0)
            .order_by(StockMoveRow.sku, StockMoveRow.grade)
        ).all()
