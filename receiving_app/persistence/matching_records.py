"""Reading an unidentified return to match it to an order: by its number or its license plate, locked
so that two people matching the same parcel at once cannot both turn it into an RMA; and the parcel it
came in, which then arrived for that RMA."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from receiving_app.persistence.parcel_tables import ParcelRow, UnidentifiedReturnRow
from receiving_app.persistence.rma_tables import RmaRow


class MatchingRecords:
    session: Session

    def unidentified_return_to_match(self, number_or_lpn: str) -> UnidentifiedReturnRow | None:
        """The unidentified return numbered ``number_or_lpn`` (UR-…) or carrying that license plate,
        with its items, locked until commit."""
        key = number_or_lpn.strip().upper()
        return self.session.execute(
            select(UnidentifiedReturnRow)
            .where(or_(UnidentifiedReturnRow.number == key, UnidentifiedReturnRow.lpn == key))
            .options(selectinload(UnidentifiedReturnRow.items))
            .with_for_update(of=UnidentifiedReturnRow)
        ).scalar_one_or_none()

    def parcel_of_unidentified_return(self, row: UnidentifiedReturnRow) -> ParcelRow | None:
        return self.session.get(ParcelRow, row.parcel_id) if row.parcel_id is not None else None

    def number_of_rma(self, rma_id: int) -> str:
        return self.session.execute(select(RmaRow.number).where(RmaRow.id == rma_id)).scalar_one()
