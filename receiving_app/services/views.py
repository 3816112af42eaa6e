"""Read-only records that services hand to the window and the command line: never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from receiving_app.domain.decision import Amounts
from receiving_app.domain.money import Money
from receiving_app.domain.weight_capture import WeightCapture


@dataclass(frozen=True, slots=True)
class RmaLineView:
    line: int
    sku: str
    description: str
    category: str
    quantity: int
    unit_price: Money
    reason: str
    customer_choice: str
    status: str
    upc: str | None
    full_g: Decimal
    empty_g: Decimal
    hold_note: str = ""
    plausible_g: tuple[Decimal, Decimal] | None = None
    """The lightest and heaviest a unit of this SKU can weigh; the service refuses any other weight."""
    units: tuple[str, ...] = ()
    """Each unit's state, unit 1 first: "open", "decided" or "not_received"."""
    check_in_weights: tuple[WeightCapture | None, ...] = ()
    """Each unit's weight taken before it had an RMA (it came as an unidentified return, since matched to
    this line), unit 1 first; None where none was taken, and empty when no unit has one. Receiving a
    unit without a weight of its own decides on this one."""

    def check_in_weight(self, unit: int) -> WeightCapture | None:
        """The weight taken of ``unit`` (from 1) before it had an RMA, None if none was."""
        return self.check_in_weights[unit - 1] if unit <= len(self.check_in_weights) else None

    @property
    def open_units(self) -> tuple[int, ...]:
        return tuple(number for number, state in enumerate(self.units, 1) if state == "open")

    def as_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "sku": self.sku,
            "category": self.category,
            "quantity": self.quantity,
            "status": self.status,
            "units": [{"unit": number, "status": state} for number, state in enumerate(self.units, 1)],
        }


@dataclass(frozen=True, slots=True)
class RmaView:
    number: str
    status: str
    policy: str
    policy_version: str
    seller: str
    authorization: str
    order_number: str
    customer_name: str  # masked where the viewer's role may not see it
    customer_account: str
    payment_method: str
    purchased: date
    shipped: date | None
    delivered: date | None
    reported: date
    lines: tuple[RmaLineView, ...]
    tracking_numbers: tuple[str, ...] = ()
    """The return shipments' tracking numbers (canonical, as stored), in the order they were added."""

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "status": self.status,
            "policy": self.policy,
            "tracking_numbers": list(self.tracking_numbers),
            "lines": [line.as_json() for line in self.lines],
        }


@dataclass(frozen=True, slots=True)
class DocumentRef:
    type: str
    number: str
    issued_at: datetime
    voided: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "number": self.number,
            "issued_at": self.issued_at.isoformat(),
            "voided": self.voided,
        }


@dataclass(frozen=True, slots=True)
class DecisionView:
    line: int
    unit: int
    reason: str  # as decided: where it differs from the line's, the bench found otherwise
    customer_choice: str
    outcome: str
    policy: str
    policy_version: str
    refund_method: str | None
    amounts: Amounts
    refund_total: Money  # as decided: what is paid back, nothing unless the outcome is a refund
    fill_fraction: Decimal | None
    reasons: tuple[tuple[str, str], ...]
    decided_at: datetime
    decided_by: str
    station: str
    overridden_by: str | None
    override_reason: str | None
    documents: tuple[DocumentRef, ...]
    approved_by: str | None = None
    approval_note: str | None = None
    contradictions: tuple[str, ...] = ()
    voided_by: str | None = None
    void_reason: str | None = None
    license_plate: str | None = None
    """None for a unit decided before units were sorted."""
    route: str | None = None
    route_label: str | None = None
    """The route in words: "Back to stock, new"."""
    container: str | None = None
    """The container the unit was put in; None until it is placed."""

    @property
    def voided(self) -> bool:
        return self.voided_by is not None

    def as_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "unit": self.unit,
            "reason": self.reason,
            "customer_choice": self.customer_choice,
            "outcome": self.outcome,
            "policy": self.policy,
            "policy_version": self.policy_version,
            "refund_method": self.refund_method,
            "currency": self.amounts.currency,
            "merchandise": str(self.amounts.merchandise),
            "restocking_fee": str(self.amounts.restocking_fee),
            "return_shipping_deduction": str(self.amounts.return_shipping_deduction),
            "shipping_refund": str(self.amounts.shipping_refund),
            "refund_total": str(self.refund_total),
            "fill_fraction": fraction_json(self.fill_fraction),
            "reasons": [{"code": code, "text": text} for code, text in self.reasons],
            "decided_at": self.decided_at.isoformat(),
            "decided_by": self.decided_by,
            "station": self.station,
            "overridden_by": self.overridden_by,
            "override_reason": self.override_reason,
            "approved_by": self.approved_by,
            "approval_note": self.approval_note,
            "contradictions": list(self.contradictions),
            "voided": self.voided,
            "voided_by": self.voided_by,
            "void_reason": self.void_reason,
            "license_plate": self.license_plate,
            "route": self.route,
            "route_label": self.route_label,
            "container": self.container,
            "documents": [document.as_json() for document in self.documents],
        }


@dataclass(frozen=True, slots=True)
class InspectionView:
    line: int
    unit: int
    arrived: bool
    inspected_at: datetime
    user: str
    station: str
    received_on: date
    condition: dict[str, bool | None]  # None: not checked
    flags: dict[str, bool | None]
    weight_grams: Decimal | None
    weight_source: str | None
    notes: str
    photo_count: int
    virgin: bool | None = None
    """An OEM empty never refilled, as the clerk answered; None: not asked."""

    def as_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "unit": self.unit,
            "arrived": self.arrived,
            "inspected_at": self.inspected_at.isoformat(),
            "user": self.user,
            "station": self.station,
            "received_on": self.received_on.isoformat(),
            "condition": self.condition,
            "flags": self.flags,
            "weight_grams": format(self.weight_grams, "f") if self.weight_grams is not None else None,
            "weight_source": self.weight_source,
            "notes": self.notes,
            "photos": self.photo_count,
            "virgin": self.virgin,
        }


@dataclass(frozen=True, slots=True)
class EventView:
    sequence: int
    type: str
    at: datetime
    user: str
    station: str
    detail: str = ""
    """What the event was about, in a few words: "line 2 unit 1 · 812.4 g from the scale"."""

    def as_json(self) -> dict[str, Any]:
        return {
            "sequence": self.sequence,
            "type": self.type,
            "at": self.at.isoformat(),
            "user": self.user,
            "station": self.station,
        }


@dataclass(frozen=True, slots=True)
class RmaDetail:
    rma: RmaView
    inspections: tuple[InspectionView, ...]
    decisions: tuple[DecisionView, ...]
    events: tuple[EventView, ...]

    def as_json(self) -> dict[str, Any]:
        documents = [document for decision in self.decisions for document in decision.documents]
        return {
            **self.rma.as_json(),
            "seller": self.rma.seller,
            "policy_version": self.rma.policy_version,
            "order": self.rma.order_number,
            "reported": self.rma.reported.isoformat(),
            "inspections": [inspection.as_json() for inspection in self.inspections],
            "decisions": [decision.as_json() for decision in self.decisions],
            "documents": [document.as_json() for document in documents],
            "events": [event.as_json() for event in self.events],
        }


@dataclass(frozen=True, slots=True)
class ReceiveResult:
    rma: str
    line: int
    unit: int
    already_decided: bool
    decision: DecisionView
    rma_status: str
    weighed_at_check_in: bool = False
    """The decision used the weight taken when the unit came as an unidentified return (none was given)."""

    def as_json(self) -> dict[str, Any]:
        return {
            "rma": self.rma,
            "line": self.line,
            "unit": self.unit,
            "outcome": self.decision.outcome,
            "currency": self.decision.amounts.currency,
            "refund_total": str(self.decision.refund_total),
            "restocking_fee": str(self.decision.amounts.restocking_fee),
            "fill_fraction": fraction_json(self.decision.fill_fraction),
            "reasons": [{"code": code, "text": text} for code, text in self.decision.reasons],
            "documents": [{"type": document.type, "number": document.number} for document in self.decision.documents],
            "already_decided": self.already_decided,
            "refund_method": self.decision.refund_method,
            "policy": self.decision.policy,
            "policy_version": self.decision.policy_version,
            "reason": self.decision.reason,
            "customer_choice": self.decision.customer_choice,
            "contradictions": list(self.decision.contradictions),
            "approved_by": self.decision.approved_by,
            "rma_status": self.rma_status,
            "weighed_at_check_in": self.weighed_at_check_in,
            # Each unit this receive decided, where it goes, and the container it was put in (None
            # until it is placed).
            "units": [
                {
                    "unit": self.unit,
                    "lpn": self.decision.license_plate,
                    "route": self.decision.route,
                    "container": self.decision.container,
                }
            ]
            if self.decision.license_plate
            else [],
        }


def fraction_json(value: Decimal | None) -> float | None:
    """A four-place fraction as a JSON number (not money: a float is exact enough to carry it)."""
    return None if value is None else float(value)
