"""The queries of parcels as they arrive: tracking numbers and their RMAs, each parcel's arrival by its
label, and the returns that came without an RMA, with their items and the weights taken of them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from receiving_app.persistence.parcel_tables import (
    ParcelRow,
    TrackingNumberRow,
    UnidentifiedItemRow,
    UnidentifiedPhotoRow,
    UnidentifiedReturnRow,
)
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

# Built once: read each time an RMA is opened at the bench.
_TRACKING_NUMBERS_OF_RMAS = (
    select(TrackingNumberRow.rma_id, TrackingNumberRow.number)
    .where(TrackingNumberRow.rma_id.in_(bindparam("rma_ids", expanding=True)))
    .order_by(TrackingNumberRow.id)
)
_WEIGHED_ITEMS_OF_LINES = select(UnidentifiedItemRow).where(
    UnidentifiedItemRow.rma_line_id.in_(bindparam("line_ids", expanding=True)), UnidentifiedItemRow.grams.is_not(None)
)
_RMA_AWAITING_ARRIVAL = select(RmaRow.id).where(
    RmaRow.number == bindparam("number"), ~select(ParcelRow.id).where(ParcelRow.rma_id == RmaRow.id).exists()
)


class ParcelRecords:
    session: Session

    # --- tracking numbers ----------------------------------------------------------------------

    def rma_by_tracking_number(self, number: str) -> RmaRow | None:
        """The RMA whose return shipment carries ``number`` (canonical form), with its lines."""
        return self.session.execute(
            select(RmaRow)
            .join(TrackingNumberRow, TrackingNumberRow.rma_id == RmaRow.id)
            .where(TrackingNumberRow.number == number)
            .options(selectinload(RmaRow.lines).selectinload(RmaLineRow.item))
        ).scalar_one_or_none()

    def rma_number_of_tracking_number(self, number: str) -> str | None:
        return self.session.scalars(
            select(RmaRow.number)
            .join(TrackingNumberRow, TrackingNumberRow.rma_id == RmaRow.id)
            .where(TrackingNumberRow.number == number)
        ).first()

    def rma_numbers_of_tracking_numbers(self, numbers: Collection[str]) -> dict[str, str]:
        """Each of ``numbers`` already on file, with the number of the RMA it belongs to."""
        if not numbers:
            return {}
        return dict(
            self.session.execute(
                select(TrackingNumberRow.number, RmaRow.number)
                .join(RmaRow, TrackingNumberRow.rma_id == RmaRow.id)
                .where(TrackingNumberRow.number.in_(list(numbers)))
            ).all()
        )

    def tracking_numbers_of_rma(self, rma_id: int) -> list[str]:
        """The RMA's tracking numbers, in the order they were added."""
        return self.tracking_numbers_of_rmas([rma_id]).get(rma_id, [])

    def tracking_numbers_of_rmas(self, rma_ids: Collection[int]) -> dict[int, list[str]]:
        """``tracking_numbers_of_rma`` for many RMAs in one query; an RMA without any is left out."""
        found: dict[int, list[str]] = {}
        if not rma_ids:
            return found
        for rma_id, number in self.session.execute(_TRACKING_NUMBERS_OF_RMAS, {"rma_ids": list(rma_ids)}):
            found.setdefault(rma_id, []).append(number)
        return found

    def add_tracking_number(
        self, number: str, carrier: str, rma_id: int, *, source: str, at: datetime, by: str
    ) -> TrackingNumberRow:
        row = TrackingNumberRow(number=number, carrier=carrier, rma_id=rma_id, source=source, added_at=at, added_by=by)
        self.session.add(row)
        return row

    # --- parcels -------------------------------------------------------------------------------

    def parcel_by_id(self, parcel_id: int) -> ParcelRow | None:
        return self.session.get(ParcelRow, parcel_id)

    def parcel(self, label: str) -> ParcelRow | None:
        return self.session.scalars(select(ParcelRow).where(ParcelRow.label == label)).first()

    def parcels_checked_in_since(self, moment: datetime) -> int:
        """How many parcels arrived at the dock from ``moment`` on (at every station)."""
        return (
            self.session.scalar(
                select(func.count()).where(ParcelRow.arrived_at >= moment, ParcelRow.checked_in_at == "dock")
            )
            or 0
        )

    def rma_awaiting_arrival(self, number: str) -> int | None:
        """The id of the RMA with this number while no parcel of it has arrived (None: no such RMA, or it
        has arrived), in one read."""
        return self.session.execute(_RMA_AWAITING_ARRIVAL, {"number": number}).scalar_one_or_none()

    def first_parcel_of_rma(self, rma_id: int) -> ParcelRow | None:
        """The RMA's first parcel to arrive, None while none has."""
        return self.session.scalars(
            select(ParcelRow).where(ParcelRow.rma_id == rma_id).order_by(ParcelRow.arrived_at, ParcelRow.id)
        ).first()

    def add_parcel_once(self, parcel: ParcelRow, *, likely_new: bool = False) -> ParcelRow:
        """Records ``parcel``'s arrival, or returns the arrival already recorded under its label.

        Read first, unless the caller knows the parcel is ``likely_new``; the table's unique label settles
        a race with another station, or a label already there (inserted in a savepoint, so that the
        refusal leaves this transaction usable on PostgreSQL too). The answer is ``parcel`` itself only
        when this call recorded it.
        """
        standing = None if likely_new else self.parcel(parcel.label)
        if standing is not None:
            return standing
        try:
            with self.session.begin_nested():
                self.session.add(parcel)
                self.session.flush()
        except IntegrityError:
            standing = self.parcel(parcel.label)
            if standing is None:  # refused for another reason than the label: not ours to hide
                raise
            return standing
        return parcel

    # --- unidentified returns ------------------------------------------------------------------

    def unidentified_return(self, number: str, *, lock: bool = False) -> UnidentifiedReturnRow | None:
        """The unidentified return by its number (UR-000001), with its items; ``lock`` for a change."""
        return self._unidentified(UnidentifiedReturnRow.number == number, lock=lock)

    def unidentified_return_by_lpn(self, lpn: str, *, lock: bool = False) -> UnidentifiedReturnRow | None:
        return self._unidentified(UnidentifiedReturnRow.lpn == lpn, lock=lock)

    def open_unidentified_return_by_tracking_number(self, number: str) -> UnidentifiedReturnRow | None:
        return self.session.scalars(
            select(UnidentifiedReturnRow)
            .where(UnidentifiedReturnRow.tracking_number == number, UnidentifiedReturnRow.status == "open")
            .order_by(UnidentifiedReturnRow.id)
        ).first()

    def _unidentified(self, condition: ColumnElement[bool], *, lock: bool) -> UnidentifiedReturnRow | None:
        query = select(UnidentifiedReturnRow).where(condition)
        if lock:
            query = query.with_for_update(of=UnidentifiedReturnRow)
        return self.session.scalars(query.options(selectinload(UnidentifiedReturnRow.items))).first()

    def open_unidentified_returns(self, limit: int) -> Sequence[UnidentifiedReturnRow]:
        """The open ones, newest first, with their items."""
        return self.session.scalars(
            select(UnidentifiedReturnRow)
            .where(UnidentifiedReturnRow.status == "open")
            .order_by(UnidentifiedReturnRow.recorded_at.desc(), UnidentifiedReturnRow.id.desc())
            .limit(limit)
            .options(selectinload(UnidentifiedReturnRow.items))
        ).all()

    def photo_counts_of_items(self, item_ids: Collection[int]) -> dict[int, int]:
        """How many photos each item has (items without any are left out), without reading the photos."""
        if not item_ids:
            return {}
        return dict(
            self.session.execute(
                select(UnidentifiedPhotoRow.item_id, func.count())
                .where(UnidentifiedPhotoRow.item_id.in_(list(item_ids)))
                .group_by(UnidentifiedPhotoRow.item_id)
            ).all()
        )

    def rma_numbers_by_id(self, rma_ids: Collection[int]) -> dict[int, str]:
        if not rma_ids:
            return {}
        return dict(self.session.execute(select(RmaRow.id, RmaRow.number).where(RmaRow.id.in_(list(rma_ids)))).all())

    def add_unidentified_return(self, row: UnidentifiedReturnRow) -> UnidentifiedReturnRow:
        self.session.add(row)
        self.session.flush()
        return row

    def add_unidentified_item(self, row: UnidentifiedReturnRow, item: UnidentifiedItemRow) -> UnidentifiedItemRow:
        row.items.append(item)
        self.session.flush()
        return item

    def add_unidentified_photo(self, item: UnidentifiedItemRow, photo: UnidentifiedPhotoRow) -> None:
        item.photos.append(photo)

    def reject_unidentified_return(self, row: UnidentifiedReturnRow, reason: str, *, by: str, at: datetime) -> None:
        row.status, row.reject_reason, row.resolved_by, row.resolved_at = "rejected", reason, by, at

    def check_in_weights_of_lines(self, line_ids: Collection[int]) -> dict[tuple[int, int], UnidentifiedItemRow]:
        """The weighed unidentified items matched to these lines, by (line id, unit number): the weights
        taken of those very units before they had an RMA."""
        if not line_ids:
            return {}
        rows = self.session.scalars(_WEIGHED_ITEMS_OF_LINES, {"line_ids": list(line_ids)})
        return {(row.rma_line_id, row.unit_no): row for row in rows if row.rma_line_id and row.unit_no}
