"""What the bench does to an RMA line besides deciding its units: hold it with a note, release the
hold (a supervisor), or record units that were not in the parcel.

Each takes the line's row lock first, as receiving does, so that it never races a receive of the
same line from another station.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.lifecycle import (
    LineStatus,
    UnitState,
    require_can_hold,
    require_can_release,
    require_unit_open,
)
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services import receiving_rows
from receiving_app.services.errors import LineNotOpen
from receiving_app.services.rma_lines import (
    RECEIVING_ROLES,
    SUPERVISOR_ROLES,
    refusals_as_line_not_open,
    require_unit_number,
    require_user,
    rma_and_line,
    set_statuses,
    where,
)


class LineActionService:
    def __init__(self, units: UnitOfWorkFactory, today: Callable[[], date] = date.today) -> None:
        self._units = units
        self._today = today

    def hold(self, rma_number: str, line_no: int, *, user: str, station: str, note: str) -> None:
        if not note.strip():
            raise InputError("A hold needs a note saying why the line waits.")
        with self._units.write() as uow:
            rma, line = _locked_line(uow, rma_number, line_no, user, RECEIVING_ROLES, "hold lines")
            with refusals_as_line_not_open():
                require_can_hold(LineStatus(line.status), where=where(rma, line))
            line.status, line.hold_note = LineStatus.ON_HOLD.value, note.strip()
            uow.record(AuditEvent("line_held", user, station, rma.number, {"line": line_no, "note": note.strip()}))
            uow.commit()

    def release_hold(self, rma_number: str, line_no: int, *, user: str, station: str, note: str = "") -> None:
        with self._units.write() as uow:
            rma, line = _locked_line(uow, rma_number, line_no, user, SUPERVISOR_ROLES, "release holds")
            with refusals_as_line_not_open():
                require_can_release(LineStatus(line.status), where=where(rma, line))
            line.status = LineStatus.OPEN.value
            uow.record(AuditEvent("hold_released", user, station, rma.number, {"line": line_no, "note": note.strip()}))
            uow.commit()

    def mark_not_received(
        self, rma_number: str, line_no: int, *, user: str, station: str, note: str = "", unit: int | None = None
    ) -> tuple[int, ...]:
        """Records that a unit (or, without ``unit``, every open unit of the line) was not in the parcel."""
        with self._units.write() as uow:
            rma, line = _locked_line(uow, rma_number, line_no, user, RECEIVING_ROLES, "record partial receipts")
            units = uow.records.unit_states(line)
            if unit is not None:
                require_unit_number(rma, line, unit)
                missing: tuple[int, ...] = (unit,)
            else:
                missing = tuple(number for number, state in enumerate(units, 1) if state is UnitState.OPEN)
                if not missing:
                    raise LineNotOpen(
                        f"{where(rma, line)} is {line.status.replace('_', ' ')}: no unit is still to receive."
                    )
            for number in missing:
                with refusals_as_line_not_open():
                    require_unit_open(LineStatus(line.status), units[number - 1], where=where(rma, line, number))
            now, received_on = uow.clock(), self._today()
            for number in missing:
                uow.records.add(
                    receiving_rows.absence_row(
                        line, number, user=user, station=station, note=note.strip(), received_on=received_on, at=now
                    )
                )
                units[number - 1] = UnitState.NOT_RECEIVED
            closed = set_statuses(rma, line, units)
            uow.record(
                AuditEvent(
                    "line_not_received",
                    user,
                    station,
                    rma.number,
                    {"line": line_no, "units": list(missing), "note": note.strip()},
                )
            )
            if closed:
                uow.record(AuditEvent("rma_closed", user, station, rma.number, {}))
            uow.commit()
            return missing


def _locked_line(
    uow: UnitOfWork, rma_number: str, line_no: int, user: str, roles: frozenset[str], doing: str
) -> tuple[RmaRow, RmaLineRow]:
    rma, line = rma_and_line(uow, rma_number, line_no, lock=True)
    require_user(uow, user, roles, doing)
    return rma, line
