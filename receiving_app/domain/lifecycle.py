"""The life of an RMA, its lines and their units: the states, and the rules for moving between them.

A line of quantity N is received unit by unit. A unit is open until it is decided or recorded as
not arrived; voiding its decision opens it again. A line is done when every unit is; it can be
held (the whole line waits) only while it is open. An RMA closes when every line is done.
Services ask this module what may happen; screens show what it says.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


class LineStatus(str, Enum):
    OPEN = "open"
    ON_HOLD = "on_hold"
    DECIDED = "decided"
    NOT_RECEIVED = "not_received"

    @property
    def words(self) -> str:
        return self.value.replace("_", " ")

    @property
    def is_done(self) -> bool:
        return self in (LineStatus.DECIDED, LineStatus.NOT_RECEIVED)


class RmaStatus(str, Enum):
    OPEN = "open"
    PARTIALLY_RECEIVED = "partially_received"
    CLOSED = "closed"

    @property
    def words(self) -> str:
        return self.value.replace("_", " ")


class UnitState(str, Enum):
    OPEN = "open"
    DECIDED = "decided"
    NOT_RECEIVED = "not_received"

    @property
    def words(self) -> str:
        return {"open": "to receive", "decided": "decided", "not_received": "did not arrive"}[self.value]


class TransitionRefused(ValueError):
    """A change the lifecycle does not allow, in words for the clerk."""


def line_status_of(units: Iterable[UnitState], *, on_hold: bool) -> LineStatus:
    """A line's status from its units: done when every unit is, held only while some unit is open."""
    states = list(units)
    if any(state is UnitState.OPEN for state in states):
        return LineStatus.ON_HOLD if on_hold else LineStatus.OPEN
    if any(state is UnitState.DECIDED for state in states):
        return LineStatus.DECIDED
    return LineStatus.NOT_RECEIVED


def rma_status_of(lines: Iterable[LineStatus]) -> RmaStatus:
    statuses = list(lines)
    if statuses and all(status.is_done for status in statuses):
        return RmaStatus.CLOSED
    if any(status.is_done for status in statuses):
        return RmaStatus.PARTIALLY_RECEIVED
    return RmaStatus.OPEN


def require_unit_open(line_status: LineStatus, unit: UnitState, *, where: str) -> None:
    """A unit can be decided or recorded as not arrived only while it and its line are open."""
    if line_status is LineStatus.ON_HOLD:
        raise TransitionRefused(f"{where} is on hold; a supervisor releases it first.")
    if unit is not UnitState.OPEN:
        raise TransitionRefused(f"{where} is {unit.words}, not open.")


def require_can_hold(line_status: LineStatus, *, where: str) -> None:
    if line_status is not LineStatus.OPEN:
        raise TransitionRefused(f"{where} is {line_status.words}; only an open line can be held.")


def require_can_release(line_status: LineStatus, *, where: str) -> None:
    if line_status is not LineStatus.ON_HOLD:
        raise TransitionRefused(f"{where} is {line_status.words}, not on hold: nothing to release.")
