"""The aging queries: what waits longer than it should, counted in the database with the oldest first.

Three lists, each read as its exact count and its oldest rows up to a limit (the fourth, the lines on
hold, is the daily report's query, ``ReportRecords.lines_on_hold``):
- RMAs authorized but not arrived: open, nothing of them seen at the bench (no inspection, no line
  held), no parcel checked in before the moment asked about, and authorized longer ago than their
  seller's limit;
- RMAs whose parcel arrived but that wait for the bench: a parcel checked in before the cutoff, the RMA
  not closed and one of its lines open with no unit inspected;
- returns without an RMA still open, recorded before the cutoff.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from receiving_app.persistence.inspection_tables import InspectionRow
from receiving_app.persistence.parcel_tables import ParcelRow, UnidentifiedReturnRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

if TYPE_CHECKING:
    from receiving_app.persistence.report_periods import NamedRow

Value = TypeVar("Value")
Listed = tuple[int, "Sequence[NamedRow]"]
"""How many there are, and the oldest of them up to the limit asked for."""
Ordering = tuple["ColumnElement[Any] | QueryableAttribute[Any]", ...]
UNCLOSED = ("open", "partially_received")


def _unindexed(column: ColumnElement[Value]) -> ColumnElement[Value]:
    """``+column``: the same value, which SQLite's planner cannot look up in an index."""
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)


def _line_inspected() -> ColumnElement[bool]:
    """A unit of the line was looked at, or recorded as missing from its parcel."""
    return exists().where(InspectionRow.rma_line_id == RmaLineRow.id)


def _seen_at_the_bench() -> ColumnElement[bool]:
    """Some line of the RMA was held, or has a unit inspected."""
    return exists().where(RmaLineRow.rma_id == RmaRow.id, or_(RmaLineRow.status == "on_hold", _line_inspected()))


class AgingRecords:
    session: Session

    def rmas_not_arrived(
        self, late_before: Mapping[str, date], otherwise_before: date, as_of: datetime, limit: int
    ) -> Listed:
        """Open RMAs reported before their seller's day in ``late_before`` (a seller not named there:
        ``otherwise_before``) of which nothing had arrived by ``as_of``. Rows: number, seller_id,
        reported_on; oldest first."""
        latest = max((*late_before.values(), otherwise_before))
        whens = [(RmaRow.seller_id == seller, literal(day)) for seller, day in sorted(late_before.items())]
        seller_day = case(*whens, else_=literal(otherwise_before)) if whens else literal(otherwise_before)
        conditions = (
            RmaRow.status == "open",
            RmaRow.reported_on < latest,  # the index range: only RMAs older than the most lenient limit
            RmaRow.reported_on < seller_day,
            ~exists().where(ParcelRow.rma_id == RmaRow.id, ParcelRow.arrived_at < as_of),
            ~_seen_at_the_bench(),
        )
        listed = select(RmaRow.number, RmaRow.seller_id, RmaRow.reported_on).where(*conditions)
        return self._listed(listed, (RmaRow.reported_on, RmaRow.number), limit)

    def rmas_not_inspected(self, arrived_before: datetime, limit: int) -> Listed:
        """RMAs not closed whose first parcel arrived before ``arrived_before`` and that still have an open
        line with no unit inspected. Rows: number, seller_id, arrived_at (the first parcel's); oldest first.

        Read from the smaller side: the parcels that arrived before the cutoff (few where most parcels are
        recent) or the RMAs not yet closed (few where most are received, however many parcels came); on
        SQLite, which knows neither count, each is counted up to ``PROBE`` first (the parcels are read from
        only when they are known to be the fewer) and the other side's index is hidden from the planner."""
        arrived_at: ColumnElement[datetime] = ParcelRow.arrived_at.expression
        status: ColumnElement[str] = RmaRow.status.expression
        if self.session.get_bind().dialect.name == "sqlite":
            early = self._probed(select(ParcelRow.id).where(ParcelRow.arrived_at < arrived_before))
            if early < self.PROBE and early <= self._probed(select(RmaRow.id).where(RmaRow.status.in_(UNCLOSED))):
                status = _unindexed(status)
            else:  # parcels only grow in number; the RMAs still open are the work in hand
                arrived_at = _unindexed(arrived_at)
        first_arrival = func.min(ParcelRow.arrived_at)
        # Tied to the parcel, not the RMA, so that SQLite asks it of RMAs that have a parcel only.
        waiting = exists().where(RmaLineRow.rma_id == ParcelRow.rma_id, RmaLineRow.status == "open", ~_line_inspected())
        listed = (
            select(RmaRow.number, RmaRow.seller_id, first_arrival.label("arrived_at"))
            .join(ParcelRow, ParcelRow.rma_id == RmaRow.id)
            .where(status.in_(UNCLOSED), arrived_at < arrived_before, waiting)
            .group_by(RmaRow.id, RmaRow.number, RmaRow.seller_id)
        )
        return self._listed(listed, (first_arrival, RmaRow.number), limit)

    def unidentified_open(self, recorded_before: datetime, as_of: datetime, limit: int) -> Listed:
        """Returns without an RMA recorded before ``recorded_before`` and not matched or rejected by
        ``as_of``. Rows: number, lpn, place, recorded_at, found_with_seller (the seller of the RMA whose
        parcel held it, or None); oldest first. Never the sender typed from the label."""
        still_open = or_(
            UnidentifiedReturnRow.status == "open",
            and_(UnidentifiedReturnRow.resolved_at.is_not(None), UnidentifiedReturnRow.resolved_at >= as_of),
        )
        found_with_seller = (
            select(RmaRow.seller_id).where(RmaRow.id == UnidentifiedReturnRow.found_with_rma_id).scalar_subquery()
        )
        listed = select(
            UnidentifiedReturnRow.number,
            UnidentifiedReturnRow.lpn,
            UnidentifiedReturnRow.place,
            UnidentifiedReturnRow.recorded_at,
            found_with_seller.label("found_with_seller"),
        ).where(UnidentifiedReturnRow.recorded_at < recorded_before, still_open)
        return self._listed(listed, (UnidentifiedReturnRow.recorded_at, UnidentifiedReturnRow.number), limit)

    def _listed(self, listed: Select[*tuple[object, ...]], order: Ordering, limit: int) -> Listed:
        """The count of all and the first ``limit`` in ``order``, read in one pass (a window's count)."""
        rows = self.session.execute(
            listed.add_columns(func.count().over().label("total")).order_by(*order).limit(limit)
        ).all()
        return (rows[0].total if rows else 0), rows

    PROBE = 20_000

    def _probed(self, query: Select[int]) -> int:
        """How many rows ``query`` finds, counted no further than ``PROBE`` (an index walk of a few ms)."""
        return self.session.execute(select(func.count()).select_from(query.limit(self.PROBE).subquery())).scalar_one()
