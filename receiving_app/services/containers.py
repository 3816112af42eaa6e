"""Containers that sorted units go into: opened for a route, filled by scanning a unit's plate and then
the container, closed when the next unit could not be taken or by hand, and reopened only by a supervisor.

A container adds up the units in it and their weights and refuses a unit that would take it past its
limits, so a 31 kg box is never packed to 32 kg; at its limit exactly it closes itself. Every open,
placement, close and reopen is an audit event on the trail of the unit's RMA or of the container.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.routing import RoutingTable
from receiving_app.persistence.disposition_tables import ContainerRow, LicensePlateRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.errors import LineNotOpen, NotFound
from receiving_app.services.rma_lines import SUPERVISOR_ROLES, require_user

CONTAINER_COUNTER = "container"
GRAMS_PER_KG = Decimal(1000)


def words(name: str) -> str:
    """A name from the routing file no longer in it, in words: "restock_new" -> "restock new"."""
    return name.replace("_", " ")


def container_code(sequence: int) -> str:
    return f"CT-{sequence:06d}"


@dataclass(frozen=True, slots=True)
class ContainerView:
    code: str
    kind: str
    route: str
    status: str
    units: int
    grams: Decimal
    max_units: int | None
    max_grams: Decimal | None
    closed_because: str | None
    kind_label: str = ""
    """The kind in words, as the routing file names it: "Stock tote"."""
    route_label: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "route": self.route,
            "route_label": self.route_label,
            "status": self.status,
            "units": self.units,
            "weight_kg": str((self.grams / GRAMS_PER_KG).quantize(Decimal("0.001"))),
            "max_units": self.max_units,
            "max_kg": None if self.max_grams is None else str(self.max_grams / GRAMS_PER_KG),
            "closed_because": self.closed_because,
        }


@dataclass(frozen=True, slots=True)
class Placement:
    lpn: str
    container: ContainerView
    closed: bool
    """This unit filled the container, and it closed."""


class ContainerService:
    def __init__(self, units: UnitOfWorkFactory, routing: RoutingTable) -> None:
        self._units = units
        self._routing = routing

    def open_container(self, route: str, *, user: str, station: str) -> ContainerView:
        """A new container for ``route``, with the limits its kind has in the routing file now."""
        chosen = self._routing.routes.get(route)
        if chosen is None:
            raise InputError(f"No route is named {route!r}; the routes are {', '.join(sorted(self._routing.routes))}.")
        kind = self._routing.kind_of(chosen)
        with self._units.write() as uow:
            if uow.records.open_container_for_route(route) is not None:
                raise LineNotOpen(f"A container for {chosen.label} is open already: fill or close it first.")
            sequence = uow.records.next_document_sequence(CONTAINER_COUNTER)
            row = ContainerRow(
                code=container_code(sequence),
                sequence=sequence,
                kind=kind.name,
                route=route,
                status="open",
                max_units=kind.max_units,
                max_grams=None if kind.max_kg is None else kind.max_kg * GRAMS_PER_KG,
                opened_at=uow.clock(),
                opened_by=user,
                station_id=station,
            )
            uow.records.add(row)
            uow.records.flush()
            uow.record(AuditEvent("container_opened", user, station, None, {"container": row.code, "route": route}))
            view = self._view(uow, row)
            uow.commit()
            return view

    def place(self, lpn: str, code: str, *, user: str, station: str) -> Placement:
        """Puts the unit with plate ``lpn`` into container ``code``: refused for a container of another
        route, a closed one, or one the unit would take past its limits."""
        with self._units.write() as uow:
            plate = _plate(uow, lpn)
            container = _container(uow, code, lock=True)
            if plate.container_id == container.id:
                return Placement(plate.lpn, self._view(uow, container), False)  # scanned twice: it is in already
            _require_may_take(uow, plate, container, self._route_words)
            now = uow.clock()
            plate.container_id, plate.placed_at, plate.placed_by = container.id, now, user
            uow.records.flush()
            units, grams = uow.records.container_contents(container.id)
            full = _full_after(container, units, grams)
            rma_number = uow.records.rma_number_of_license_plate(plate.lpn)
            uow.record(
                AuditEvent(
                    "unit_placed",
                    user,
                    station,
                    rma_number,
                    {"lpn": plate.lpn, "container": container.code, "grams": str(plate.grams)},
                )
            )
            if full:
                _close(uow, container, user, station, because=full, now=now)
            uow.records.flush()
            view = self._view(uow, container)
            uow.commit()
            return Placement(plate.lpn, view, bool(full))

    def close(self, code: str, *, user: str, station: str) -> ContainerView:
        with self._units.write() as uow:
            container = _container(uow, code, lock=True)
            if container.status == "closed":
                raise LineNotOpen(f"{container.code} was closed already by {container.closed_by}.")
            _close(uow, container, user, station, because="closed by hand", now=uow.clock())
            uow.records.flush()
            view = self._view(uow, container)
            uow.commit()
            return view

    def reopen(self, code: str, *, supervisor: str, station: str, reason: str) -> ContainerView:
        """A closed container opened again, by a supervisor, saying why (its manifest no longer holds)."""
        if not reason.strip():
            raise InputError("Reopening a container needs a written reason.")
        with self._units.write() as uow:
            require_user(uow, supervisor, SUPERVISOR_ROLES, "reopen a container")
            container = _container(uow, code, lock=True)
            if container.status == "open":
                raise LineNotOpen(f"{container.code} is open already.")
            if uow.records.open_container_for_route(container.route) is not None:
                raise LineNotOpen(
                    f"Another container for {self._route_words(container.route)} is open: close it first."
                )
            container.status, container.closed_at, container.closed_by, container.closed_because = (
                "open",
                None,
                None,
                None,
            )
            uow.record(
                AuditEvent(
                    "container_reopened", supervisor, station, None, {"container": container.code, "reason": reason}
                )
            )
            uow.records.flush()
            view = self._view(uow, container)
            uow.commit()
            return view

    def _view(self, uow: UnitOfWork, row: ContainerRow) -> ContainerView:
        units, grams = uow.records.container_contents(row.id)
        kind = self._routing.kinds.get(row.kind)
        return ContainerView(
            row.code,
            row.kind,
            row.route,
            row.status,
            units,
            grams,
            row.max_units,
            row.max_grams,
            row.closed_because,
            kind_label=kind.label if kind else words(row.kind),
            route_label=self._route_words(row.route),
        )

    def _route_words(self, route: str) -> str:
        known = self._routing.routes.get(route)
        return known.label if known else words(route)

    def list_containers(self, status: str | None = None) -> tuple[ContainerView, ...]:
        with self._units.read() as uow:
            return tuple(self._view(uow, row) for row in uow.records.containers(status))

    def show(self, code: str) -> ContainerView:
        with self._units.read() as uow:
            return self._view(uow, _container(uow, code, lock=False))


def _plate(uow: UnitOfWork, lpn: str) -> LicensePlateRow:
    plate = uow.records.license_plate(lpn.strip().upper())
    if plate is None:
        raise NotFound(f"No unit carries the license plate {lpn}.")
    return plate


def _container(uow: UnitOfWork, code: str, *, lock: bool) -> ContainerRow:
    container = uow.records.container(code.strip().upper(), lock=lock)
    if container is None:
        raise NotFound(f"No container is numbered {code}.")
    return container


def _require_may_take(
    uow: UnitOfWork, plate: LicensePlateRow, container: ContainerRow, route_words: Callable[[str], str]
) -> None:
    if plate.decision.voided_at is not None:
        raise LineNotOpen(f"{plate.lpn}'s decision was voided: decide the unit again before it is put away.")
    if plate.container is not None:
        raise LineNotOpen(f"{plate.lpn} is in {plate.container.code} already.")
    if container.status != "open":
        raise LineNotOpen(f"{container.code} is closed: open a new container for {route_words(container.route)}.")
    if plate.route != container.route:
        raise LineNotOpen(
            f"{plate.lpn} goes to {route_words(plate.route)}, not into {container.code} "
            f"({route_words(container.route)})."
        )
    units, grams = uow.records.container_contents(container.id)
    if container.max_units is not None and units + 1 > container.max_units:
        raise LineNotOpen(f"{container.code} holds {units} units, its limit: close it and open another.")
    if container.max_grams is not None and grams + plate.grams > container.max_grams:
        room = (container.max_grams - grams) / GRAMS_PER_KG
        raise LineNotOpen(
            f"{plate.lpn} ({plate.grams / GRAMS_PER_KG:.3f} kg) would take {container.code} past "
            f"{container.max_grams / GRAMS_PER_KG} kg ({room:.3f} kg left): close it and open another."
        )


def _full_after(container: ContainerRow, units: int, grams: Decimal) -> str:
    """Why the container is full now, or "" while it can take more."""
    if container.max_units is not None and units >= container.max_units:
        return f"full: {units} units of {container.max_units}"
    if container.max_grams is not None and grams >= container.max_grams:
        return f"full: {grams / GRAMS_PER_KG:.3f} kg of {container.max_grams / GRAMS_PER_KG} kg"
    return ""


def _close(uow: UnitOfWork, container: ContainerRow, user: str, station: str, *, because: str, now: datetime) -> None:
    container.status, container.closed_at, container.closed_by, container.closed_because = "closed", now, user, because
    uow.record(AuditEvent("container_closed", user, station, None, {"container": container.code, "because": because}))
