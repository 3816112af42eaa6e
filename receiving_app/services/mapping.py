"""Turning rows into the read-only views that leave the service layer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from receiving_app.domain.audit import ChainedEvent
from receiving_app.domain.inspection import WeightLimits
from receiving_app.domain.lifecycle import UnitState
from receiving_app.domain.policy import Policy
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.inspection_tables import InspectionRow
from receiving_app.persistence.parcel_tables import UnidentifiedItemRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.services.timeline import event_detail
from receiving_app.services.views import DecisionView, DocumentRef, EventView, InspectionView, RmaLineView, RmaView


def mask_name(name: str) -> str:
    """'Dana Whitfield' -> 'D*** W***': enough to match a parcel, not enough to know a person."""
    return " ".join(f"{word[0]}***" for word in name.split() if word)


CheckInWeights = Mapping[tuple[int, int], WeightCapture]
"""The weights taken of units before they had an RMA, by (line id, unit number)."""


def rma_line_view(line: RmaLineRow, units: Sequence[UnitState], check_in: CheckInWeights | None = None) -> RmaLineView:
    item = line.item
    limits = WeightLimits(item.sku, item.full_g, item.empty_g, item.weight_tolerance_g)
    return RmaLineView(
        line=line.line_no,
        sku=line.sku,
        description=item.description,
        category=item.category,
        quantity=line.quantity,
        unit_price=line.order_line.unit_price,
        reason=line.reason,
        customer_choice=line.customer_choice,
        status=line.status,
        upc=item.upc,
        full_g=item.full_g,
        empty_g=item.empty_g,
        hold_note=line.hold_note,
        plausible_g=(limits.lowest_g, limits.highest_g),
        units=tuple(state.value for state in units),
        check_in_weights=_check_in_weights_of_line(line, check_in) if check_in else (),
    )


def _check_in_weights_of_line(line: RmaLineRow, check_in: CheckInWeights) -> tuple[WeightCapture | None, ...]:
    weights = tuple(check_in.get((line.id, unit)) for unit in range(1, line.quantity + 1))
    return weights if any(weights) else ()


def check_in_weights(items: Mapping[tuple[int, int], UnidentifiedItemRow]) -> dict[tuple[int, int], WeightCapture]:
    """Each weighed unidentified item's weight as the capture a receive decides on, by (line id, unit)."""
    return {key: captured for key, item in items.items() if (captured := check_in_capture(item)) is not None}


def check_in_capture(item: UnidentifiedItemRow) -> WeightCapture | None:
    """The weight taken of an unidentified item, as it was read (its source and time kept); None if unweighed."""
    if item.grams is None or item.weight_value is None or item.weight_unit is None or item.weight_source is None:
        return None
    # Only a settled reading is ever stored on an item (services/unidentified.py).
    return WeightCapture(item.weight_value, item.weight_unit, item.grams, True, item.weight_source, item.weighed_at)


def rma_view(
    rma: RmaRow,
    policy: Policy | None,
    units: Mapping[int, Sequence[UnitState]],
    *,
    mask_customer: bool,
    tracking_numbers: Sequence[str] = (),
    check_in: CheckInWeights | None = None,
) -> RmaView:
    """The RMA as the bench and History show it; ``units`` holds each line's unit states by line id,
    ``check_in`` the weights taken of units before they had an RMA (left out of lists)."""
    order = rma.order
    customer = order.customer
    return RmaView(
        number=rma.number,
        status=rma.status,
        policy=rma.seller_id,
        policy_version=policy.version if policy else "",
        seller=rma.seller.name,
        authorization=rma.seller.authorization,
        order_number=order.number,
        customer_name=mask_name(customer.name) if mask_customer else customer.name,
        customer_account=customer.account_number,
        payment_method=order.payment_method,
        purchased=order.purchased_on,
        shipped=order.shipped_on,
        delivered=order.delivered_on,
        reported=rma.reported_on,
        lines=tuple(rma_line_view(line, units[line.id], check_in) for line in rma.lines),
        tracking_numbers=tuple(tracking_numbers),
    )


def decision_view(row: DecisionRow, line_no: int) -> DecisionView:
    return DecisionView(
        line=line_no,
        unit=row.unit_no,
        reason=row.reason,
        customer_choice=row.customer_choice,
        outcome=row.outcome,
        policy=row.policy_id,
        policy_version=row.policy_version,
        refund_method=row.refund_method,
        amounts=row.amounts,
        refund_total=row.refund_total,
        fill_fraction=row.fill_fraction,
        reasons=tuple((reason["code"], reason["text"]) for reason in row.reasons),
        decided_at=row.decided_at,
        decided_by=row.decided_by,
        station=row.station_id,
        overridden_by=row.overridden_by,
        override_reason=row.override_reason,
        documents=tuple(
            DocumentRef(document.document_type, document.number, document.issued_at, document.voided_at is not None)
            for document in row.documents
        ),
        approved_by=row.approved_by,
        approval_note=row.approval_note,
        contradictions=tuple(item["text"] for item in row.contradictions),
        voided_by=row.voided_by,
        void_reason=row.void_reason,
        license_plate=row.license_plate.lpn if row.license_plate else None,
        route=row.license_plate.route if row.license_plate else None,
        route_label=row.license_plate.route_label if row.license_plate else None,
        container=row.license_plate.container.code if row.license_plate and row.license_plate.container else None,
    )


def inspection_view(row: InspectionRow, line_no: int) -> InspectionView:
    captured = next((reading for reading in row.readings if reading.captured), None)
    return InspectionView(
        line=line_no,
        unit=row.unit_no,
        arrived=row.arrived,
        inspected_at=row.inspected_at,
        user=row.user_name,
        station=row.station_id,
        received_on=row.received_on,
        condition={
            "unopened": row.unopened,
            "sealed": row.sealed,
            "original_packaging": row.original_packaging,
            "box_damage": row.box_damage,
            "labels_intact": row.labels_intact,
        },
        flags={
            "sold_by_seller": row.sold_by_seller,
            "hp_plus_rejected": row.hp_plus_rejected,
            "firmware_blocked": row.firmware_blocked,
            "improper_use": row.improper_use,
        },
        weight_grams=captured.grams if captured else None,
        weight_source=captured.source if captured else None,
        notes=row.notes,
        photo_count=len(row.photos),
        virgin=row.virgin,
    )


def event_view(row: AuditEventRow) -> EventView:
    return EventView(
        row.sequence, row.event_type, row.at, row.user_name, row.station_id, event_detail(row.event_type, row.payload)
    )


def archived_event_view(event: ChainedEvent) -> EventView:
    """An event read from an archive file (services/archive_reading.py), shown as a live one is."""
    return EventView(
        event.sequence,
        event.event_type,
        event.at,
        event.user,
        event.station,
        event_detail(event.event_type, event.payload),
    )
