"""Unidentified returns as the window and the command line see them: frozen views, never ORM rows.

The sender was typed from the parcel's label and may be a customer's name: lists and the command
line's `show` mask it as the bench masks a customer (``mask_name``) unless asked otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from receiving_app.domain.tracking import tracking_number_from_text
from receiving_app.persistence.parcel_tables import UnidentifiedItemRow, UnidentifiedReturnRow
from receiving_app.persistence.records import Records
from receiving_app.services.mapping import mask_name

NOT_IN_THE_CATALOG = "not in the catalog"


@dataclass(frozen=True, slots=True)
class UnidentifiedItemView:
    item: int  # from 1, in the order found
    scanned: str  # the barcode or SKU as read
    sku: str | None  # None: the code names nothing in the catalog
    description: str  # the catalog's, or NOT_IN_THE_CATALOG
    grams: Decimal | None  # None: not weighed
    weight_as_read: str | None  # "1.79 lb", as the scale showed it
    weight_source: str | None  # the scale's protocol, or "manual" for a typed weight
    weighed_at: datetime | None
    photos: int
    matched: bool  # matched to a unit of an RMA

    def as_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "scanned": self.scanned,
            "sku": self.sku,
            "description": self.description,
            "grams": format(self.grams, "f") if self.grams is not None else None,
            "weight_as_read": self.weight_as_read,
            "weight_source": self.weight_source,
            "weighed_at": self.weighed_at.isoformat() if self.weighed_at else None,
            "photos": self.photos,
            "matched": self.matched,
        }


@dataclass(frozen=True, slots=True)
class UnidentifiedView:
    number: str  # UR-000001
    lpn: str  # the license plate on the parcel, LP00000042
    status: str  # "open", "matched" or "rejected"
    place: str  # the quarantine shelf or bin it waits in
    tracking_number: str | None  # canonical
    tracking_display: str | None  # "1Z 999 AA1 01 2345 6784"
    carrier: str | None  # "UPS"
    label: str | None  # the label its parcel was checked in by, None when none was recorded
    sender: str  # as typed from the label; masked where the viewer may not see it
    notes: str
    found_with_rma: str | None  # the RMA whose parcel held these items though it does not list them
    recorded_at: datetime
    recorded_by: str
    station: str
    age_days: int  # whole days since it was recorded
    matched_rma: str | None
    resolved_at: datetime | None
    resolved_by: str | None
    reject_reason: str | None
    items: tuple[UnidentifiedItemView, ...]

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "lpn": self.lpn,
            "status": self.status,
            "place": self.place,
            "tracking_number": self.tracking_number,
            "tracking_display": self.tracking_display,
            "carrier": self.carrier,
            "label": self.label,
            "sender": self.sender,
            "notes": self.notes,
            "found_with_rma": self.found_with_rma,
            "recorded_at": self.recorded_at.isoformat(),
            "recorded_by": self.recorded_by,
            "station": self.station,
            "age_days": self.age_days,
            "matched_rma": self.matched_rma,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "resolved_by": self.resolved_by,
            "reject_reason": self.reject_reason,
            "items": [item.as_json() for item in self.items],
        }


def unidentified_views(
    records: Records, rows: list[UnidentifiedReturnRow], *, now: datetime, mask_sender: bool
) -> list[UnidentifiedView]:
    """The views of ``rows``, read in a few queries whatever their number."""
    items = [item for row in rows for item in row.items]
    photos = records.photo_counts_of_items([item.id for item in items])
    rma_ids = {rma_id for row in rows for rma_id in (row.found_with_rma_id, row.matched_rma_id) if rma_id}
    rmas = records.rma_numbers_by_id(rma_ids)
    descriptions = {
        sku: item.description
        for sku in {item.sku for item in items if item.sku}
        if (item := records.catalog_item(sku)) is not None
    }
    return [_view(records, row, photos, rmas, descriptions, now=now, mask_sender=mask_sender) for row in rows]


def _view(
    records: Records,
    row: UnidentifiedReturnRow,
    photos: Mapping[int, int],
    rmas: Mapping[int, str],
    descriptions: Mapping[str, str],
    *,
    now: datetime,
    mask_sender: bool,
) -> UnidentifiedView:
    parcel = records.parcel_by_id(row.parcel_id) if row.parcel_id else None
    tracking = tracking_number_from_text(row.tracking_number) if row.tracking_number else None
    return UnidentifiedView(
        number=row.number,
        lpn=row.lpn,
        status=row.status,
        place=row.place,
        tracking_number=row.tracking_number,
        tracking_display=tracking.display if tracking else None,
        carrier=tracking.carrier.label if tracking else None,
        label=parcel.label if parcel else None,
        sender=mask_name(row.sender) if mask_sender else row.sender,
        notes=row.notes,
        found_with_rma=rmas.get(row.found_with_rma_id) if row.found_with_rma_id else None,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
        station=row.station_id,
        age_days=max((now - row.recorded_at).days, 0),
        matched_rma=rmas.get(row.matched_rma_id) if row.matched_rma_id else None,
        resolved_at=row.resolved_at,
        resolved_by=row.resolved_by,
        reject_reason=row.reject_reason,
        items=tuple(_item_view(item, photos.get(item.id, 0), descriptions) for item in row.items),
    )


def _item_view(item: UnidentifiedItemRow, photos: int, descriptions: Mapping[str, str]) -> UnidentifiedItemView:
    return UnidentifiedItemView(
        item=item.item_no,
        scanned=item.scanned,
        sku=item.sku,
        description=descriptions.get(item.sku, NOT_IN_THE_CATALOG) if item.sku else NOT_IN_THE_CATALOG,
        grams=item.grams,
        weight_as_read=f"{item.weight_value} {item.weight_unit}" if item.weight_value is not None else None,
        weight_source=item.weight_source,
        weighed_at=item.weighed_at,
        photos=photos,
        matched=item.rma_line_id is not None,
    )
