"""Denied cartridges kept for their customers: which holds end soon, holds that ended moved on to the
route their hold names, and units the customer asked back recorded with the shipment that took them.

A hold ends on its day: a unit held until the 10th is still held on the 9th and moves on from the
10th. Each end is an audit event on the unit's RMA.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.routing import RoutingTable
from receiving_app.persistence.disposition_tables import LicensePlateRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.errors import LineNotOpen, NotFound

MAX_TRACKING_LENGTH = 64


@dataclass(frozen=True, slots=True)
class HoldView:
    lpn: str
    rma: str
    sku: str
    held_until: date
    route: str
    """The route the unit is on now: the hold's, or where it went when the hold ended."""
    ended: str | None
    """None while held; "expired" or "reclaimed"."""

    def as_json(self) -> dict[str, Any]:
        return {
            "lpn": self.lpn,
            "rma": self.rma,
            "sku": self.sku,
            "held_until": self.held_until.isoformat(),
            "route": self.route,
            "ended": self.ended,
        }


class HoldService:
    def __init__(self, units: UnitOfWorkFactory, routing: RoutingTable) -> None:
        self._units = units
        self._routing = routing

    def ending_by(self, last_day: date) -> tuple[HoldView, ...]:
        """Units still held whose hold ends on or before ``last_day``, soonest first."""
        with self._units.read() as uow:
            return tuple(_view(uow, plate) for plate in uow.records.holds_ending_by(last_day))

    def ending_soon(self, today: date, days: int) -> tuple[HoldView, ...]:
        return self.ending_by(today + timedelta(days=days))

    def end_due(self, today: date, *, user: str, station: str) -> tuple[HoldView, ...]:
        """Every hold that ends on or before ``today``, moved on to its after-hold route."""
        with self._units.write() as uow:
            ended = []
            for plate in uow.records.holds_ending_by(today, lock=True):
                assert plate.held_until is not None  # only held units end their hold
                held_on = self._routing.routes.get(plate.route)
                after = held_on.after_hold if held_on is not None else None
                if after is None:
                    continue  # a route taken out of the routing file: left for a person to sort
                plate.route, plate.hold_ended, plate.hold_ended_at = after, "expired", uow.clock()
                plate.route_label = self._routing.routes[after].label
                uow.record(
                    AuditEvent(
                        "hold_expired",
                        user,
                        station,
                        uow.records.rma_number_of_license_plate(plate.lpn),
                        {"lpn": plate.lpn, "held_until": plate.held_until.isoformat(), "route": after},
                    )
                )
                ended.append(plate)
            uow.records.flush()
            views = tuple(_view(uow, plate) for plate in ended)
            uow.commit()
            return views

    def reclaim(self, lpn: str, tracking: str, *, user: str, station: str) -> HoldView:
        """The customer asked for the held unit back: it leaves with ``tracking``, the return shipment's number."""
        tracking = tracking.strip()
        if not tracking or len(tracking) > MAX_TRACKING_LENGTH or not tracking.isprintable():
            raise InputError(f"tracking: give the return shipment's tracking number (at most {MAX_TRACKING_LENGTH}).")
        with self._units.write() as uow:
            plate = uow.records.license_plate(lpn.strip().upper())
            if plate is None:
                raise NotFound(f"No unit carries the license plate {lpn}.")
            if plate.held_until is None or plate.hold_ended is not None:
                state = "is not held" if plate.held_until is None else f"is no longer held ({plate.hold_ended})"
                raise LineNotOpen(f"{plate.lpn} {state}.")
            plate.hold_ended, plate.hold_ended_at, plate.reclaim_tracking = "reclaimed", uow.clock(), tracking
            uow.record(
                AuditEvent(
                    "hold_reclaimed",
                    user,
                    station,
                    uow.records.rma_number_of_license_plate(plate.lpn),
                    {"lpn": plate.lpn, "tracking": tracking},
                )
            )
            uow.records.flush()
            view = _view(uow, plate)
            uow.commit()
            return view


def _view(uow: UnitOfWork, plate: LicensePlateRow) -> HoldView:
    assert plate.held_until is not None  # only held units are viewed here
    rma = uow.records.rma_number_of_license_plate(plate.lpn) or ""
    sku = uow.records.sku_of_decision(plate.decision_id)
    return HoldView(plate.lpn, rma, sku, plate.held_until, plate.route, plate.hold_ended)
