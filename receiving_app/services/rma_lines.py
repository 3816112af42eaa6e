"""What every bench action on an RMA line starts from: the RMA and its line, found (and locked for a
change), the user's role checked, the seller's policy installed; and the statuses a changed unit
leaves on its line and RMA."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from receiving_app.domain.lifecycle import (
    LineStatus,
    RmaStatus,
    TransitionRefused,
    UnitState,
    line_status_of,
    rma_status_of,
)
from receiving_app.domain.policy import Policy
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.persistence.user_tables import UserRow
from receiving_app.services.errors import LineNotOpen, NotAllowed, NotFound

RECEIVING_ROLES = frozenset({"receiver", "supervisor", "admin"})
SUPERVISOR_ROLES = frozenset({"supervisor", "admin"})


def rma_and_line(uow: UnitOfWork, rma_number: str, line_no: int, *, lock: bool) -> tuple[RmaRow, RmaLineRow]:
    """The RMA and its line; ``lock`` takes the line's row lock, for a change to it."""
    rma = uow.records.rma(rma_number.strip().upper())
    if rma is None:
        raise NotFound(f"No RMA numbered {rma_number} is on file.")
    line = (
        uow.records.rma_line_for_update(rma.id, line_no)
        if lock
        else next((candidate for candidate in rma.lines if candidate.line_no == line_no), None)
    )
    if line is None:
        raise NotFound(f"{rma.number} has no line {line_no} (it has {len(rma.lines)}).")
    return rma, line


def line_to_receive(uow: UnitOfWork, rma_number: str, line_no: int) -> tuple[RmaRow, RmaLineRow]:
    """The RMA and its line locked for receiving a unit, read in one statement with what a decision and
    its documents rest on; NotFound as ``rma_and_line`` words it."""
    line = uow.records.line_to_receive(rma_number.strip().upper(), line_no)
    if line is None:
        return rma_and_line(uow, rma_number, line_no, lock=True)  # says whether the RMA or its line is missing
    return line.rma, line


def require_unit_number(rma: RmaRow, line: RmaLineRow, unit: int) -> None:
    if not 1 <= unit <= line.quantity:
        raise NotFound(f"Line {line.line_no} of {rma.number} has {line.quantity} unit(s); there is no unit {unit}.")


def require_user(uow: UnitOfWork, name: str, roles: frozenset[str], doing: str) -> UserRow:
    user = uow.records.user(name)
    if user is None or not user.active:
        raise NotAllowed(f"{name!r} is not a known, active user of this station.")
    if user.role not in roles:
        raise NotAllowed(f"{name} is a {user.role} and may not {doing}.")
    return user


def installed_policy(policies: Mapping[str, Policy], policy_id: str) -> Policy:
    policy = policies.get(policy_id)
    if policy is None:
        raise NotFound(f"The policy {policy_id!r} is not installed at this station.")
    return policy


def set_statuses(rma: RmaRow, line: RmaLineRow, units: list[UnitState]) -> bool:
    """The line's and the RMA's status after a unit changed; true when this closed the RMA."""
    line.status = line_status_of(units, on_hold=line.status == LineStatus.ON_HOLD.value).value
    was_closed = rma.status == RmaStatus.CLOSED.value
    rma.status = rma_status_of(LineStatus(other.status) for other in rma.lines).value
    return rma.status == RmaStatus.CLOSED.value and not was_closed


def where(rma: RmaRow, line: RmaLineRow, unit: int | None = None) -> str:
    """The line, or one unit of it, as a refusal names it."""
    if unit is None or line.quantity == 1:
        return f"Line {line.line_no} of {rma.number}"
    return f"Unit {unit} of {line.quantity} on line {line.line_no} of {rma.number}"


@contextmanager
def refusals_as_line_not_open() -> Iterator[None]:
    """A lifecycle refusal inside the block reaches the bench as LineNotOpen."""
    try:
        yield
    except TransitionRefused as refused:
        raise LineNotOpen(str(refused)) from None
