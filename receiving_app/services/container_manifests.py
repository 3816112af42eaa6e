"""A container's manifest as it is printed: counted from the units the database says are in it.

The counts are worked out here, one unit at a time, and the document refuses counts that do not add up;
a manifest therefore says what the container holds, not what someone meant it to. Weights are printed
to the gram: each SKU's weight is rounded once, and the total is the sum of those printed weights, so
the figures on the paper add up (the limit itself was held against the exact weights when each unit
went in).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import tzinfo
from decimal import ROUND_HALF_UP, Decimal

from receiving_app.documents.container_manifest import ManifestContent, ManifestLine, render_container_manifest
from receiving_app.domain.media import LABEL_4X6, Medium
from receiving_app.domain.routing import RoutingTable
from receiving_app.persistence.disposition_tables import ContainerRow
from receiving_app.persistence.rma_tables import RmaLineRow
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.errors import LineNotOpen, NotFound
from receiving_app.services.station_time import on_station_clock

GRAMS_PER_KG = Decimal(1000)
PRINTED_KG = Decimal("0.001")


def _printed_kg(grams: Decimal) -> Decimal:
    return (grams / GRAMS_PER_KG).quantize(PRINTED_KG, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class DrawnManifest:
    code: str
    pdf: bytes


def manifest_pdf(
    uow: UnitOfWork, code: str, routing: RoutingTable, medium: Medium | None, *, zone: tzinfo | None = None
) -> DrawnManifest:
    """The closed container's manifest for ``medium`` (a 4 x 6 in label where the printer does not say), its
    times in the station's ``zone`` (None: this computer's)."""
    container = uow.records.container(code.strip().upper(), lock=False)
    if container is None:
        raise NotFound(f"No container is numbered {code}.")
    if container.status != "closed":
        raise LineNotOpen(f"{container.code} is open: its manifest is printed when it closes.")
    return DrawnManifest(
        container.code, render_container_manifest(_content(uow, container, routing, zone), medium or LABEL_4X6)
    )


def _content(uow: UnitOfWork, container: ContainerRow, routing: RoutingTable, zone: tzinfo | None) -> ManifestContent:
    plates = uow.records.plates_in_container(container.id)
    by_sku: dict[str, list[tuple[bool | None, Decimal]]] = defaultdict(list)
    described: dict[str, str] = {}
    for plate in plates:
        line = uow.session.get_one(RmaLineRow, plate.decision.rma_line_id)
        by_sku[line.sku].append((plate.decision.inspection.virgin, plate.grams))
        described[line.sku] = line.item.description
    lines = tuple(
        ManifestLine(
            sku=sku,
            described=described[sku],
            units=len(units),
            virgin=sum(1 for virgin, _grams in units if virgin is True),
            not_virgin=sum(1 for virgin, _grams in units if virgin is False),
            weight_kg=_printed_kg(sum((grams for _virgin, grams in units), Decimal(0))),
        )
        for sku, units in sorted(by_sku.items())
    )
    route = routing.routes.get(container.route)
    kind = routing.kinds.get(container.kind)
    assert container.closed_at is not None and container.closed_by and container.closed_because  # closed above
    return ManifestContent(
        container=container.code,
        kind_label=kind.label if kind else container.kind.replace("_", " "),
        route_label=route.label if route else container.route.replace("_", " "),
        lines=lines,
        total_units=len(plates),
        total_weight_kg=sum((line.weight_kg for line in lines), Decimal(0)),
        max_units=container.max_units,
        max_kg=None if container.max_grams is None else container.max_grams / GRAMS_PER_KG,
        opened_at=on_station_clock(container.opened_at, zone),
        closed_at=on_station_clock(container.closed_at, zone),
        closed_by=container.closed_by,
        closed_because=container.closed_because,
        station_id=container.station_id,
        license_plates=tuple(plate.lpn for plate in plates),
    )
