"""A license plate label as it is printed: a decided unit's, drawn from its plate, decision and the
routing file, or a parcel's that came without an RMA, drawn from its record.

The label is drawn anew for each print (it is not a customer's document and is not stored), always from
the record, so a reprint says what the first print said.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from receiving_app.documents.license_plate import LicensePlateContent, render_license_plate
from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.media import LABEL_4X6, Medium
from receiving_app.domain.routing import RoutingTable
from receiving_app.persistence.disposition_tables import LicensePlateRow
from receiving_app.persistence.parcel_tables import UnidentifiedReturnRow
from receiving_app.persistence.rma_tables import RmaLineRow
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.errors import NotFound
from receiving_app.services.station_time import on_station_clock

QUARANTINE_ROUTE_LABEL = "Quarantine: no RMA"


@dataclass(frozen=True, slots=True)
class DrawnPlate:
    lpn: str
    rma_number: str | None  # None: a parcel that came without an RMA
    pdf: bytes


def license_plate_label(
    uow: UnitOfWork, lpn: str, routing: RoutingTable, medium: Medium | None, *, zone: tzinfo | None = None
) -> DrawnPlate:
    """The plate's label for ``medium`` (a 4 x 6 in label where the printer does not say), its time in the
    station's ``zone`` (None: this computer's); NotFound for a number no unit carries."""
    number = lpn.strip().upper()
    plate = uow.records.license_plate(number)
    if plate is None:
        unidentified = uow.records.unidentified_return_by_lpn(number)
        if unidentified is None:
            raise NotFound(f"No unit carries the license plate {lpn}.")
        content = _quarantine(unidentified, zone)
        return DrawnPlate(unidentified.lpn, None, render_license_plate(content, medium or LABEL_4X6))
    line = uow.session.get_one(RmaLineRow, plate.decision.rma_line_id)
    pdf = render_license_plate(_content(plate, line, routing, zone), medium or LABEL_4X6)
    return DrawnPlate(plate.lpn, line.rma.number, pdf)


def _content(
    plate: LicensePlateRow, line: RmaLineRow, routing: RoutingTable, zone: tzinfo | None
) -> LicensePlateContent:
    decision = plate.decision
    # The instruction is the routing file's today; a route it no longer has leaves the label to speak.
    route = routing.routes.get(plate.route)
    return LicensePlateContent(
        lpn=plate.lpn,
        sku=line.sku,
        described=line.item.description,
        route_label=plate.route_label,
        instruction=route.instruction if route else "",
        container=None,
        origin=f"RMA {line.rma.number} line {line.line_no} unit {decision.unit_no}",
        measured=f"Fill: {fill_text(decision.fill_fraction) if decision.fill_fraction is not None else 'not weighed'}",
        made_at=on_station_clock(decision.decided_at, zone),
        station_id=decision.station_id,
    )


def _quarantine(unidentified: UnidentifiedReturnRow, zone: tzinfo | None) -> LicensePlateContent:
    """The plate of a parcel without an RMA: it waits in quarantine, so the label says where and why."""
    items = unidentified.items
    skus = sorted({item.sku for item in items if item.sku is not None})
    weighed = sum(1 for item in items if item.grams is not None)
    count = f"{len(items)} item" + ("" if len(items) == 1 else "s")
    return LicensePlateContent(
        lpn=unidentified.lpn,
        sku=", ".join(skus) if skus else "no catalog item",
        described=f"{count} found in a parcel without an RMA" if items else "Parcel without an RMA, not opened",
        route_label=QUARANTINE_ROUTE_LABEL,
        instruction="Keep it there until the back office matches it to an order or rejects it.",
        container=unidentified.place,
        origin=f"Unidentified return {unidentified.number}",
        measured=f"{weighed} of {count} weighed",
        made_at=on_station_clock(unidentified.recorded_at, zone),
        station_id=unidentified.station_id,
    )
