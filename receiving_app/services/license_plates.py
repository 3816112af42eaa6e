"""A unit's license plate label as it is printed: drawn from the plate, its decision and the routing file.

The label is drawn anew for each print (it is not a customer's document and is not stored), always from
the recorded plate, so a reprint says what the first print said.
"""

from __future__ import annotations

from dataclasses import dataclass

from receiving_app.documents.license_plate import LicensePlateContent, render_license_plate
from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.media import LABEL_4X6, Medium
from receiving_app.domain.routing import RoutingTable
from receiving_app.persistence.disposition_tables import LicensePlateRow
from receiving_app.persistence.rma_tables import RmaLineRow
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.errors import NotFound


@dataclass(frozen=True, slots=True)
class DrawnPlate:
    lpn: str
    rma_number: str
    pdf: bytes


def license_plate_label(uow: UnitOfWork, lpn: str, routing: RoutingTable, medium: Medium | None) -> DrawnPlate:
    """The plate's label for ``medium`` (a 4 x 6 in label where the printer does not say); NotFound for
    a number no unit carries."""
    plate = uow.records.license_plate(lpn.strip().upper())
    if plate is None:
        raise NotFound(f"No unit carries the license plate {lpn}.")
    line = uow.session.get_one(RmaLineRow, plate.decision.rma_line_id)
    pdf = render_license_plate(_content(plate, line, routing), medium or LABEL_4X6)
    return DrawnPlate(plate.lpn, line.rma.number, pdf)


def _content(plate: LicensePlateRow, line: RmaLineRow, routing: RoutingTable) -> LicensePlateContent:
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
        rma_number=line.rma.number,
        line=line.line_no,
        unit=decision.unit_no,
        fill_text=fill_text(decision.fill_fraction) if decision.fill_fraction is not None else "not weighed",
        decided_at=decision.decided_at,
        station_id=decision.station_id,
    )
