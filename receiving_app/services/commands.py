"""What a caller asks the receiving service to do, as plain frozen values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from receiving_app.domain.facts import Condition, CustomerChoice, Flags, ReturnReason
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.services.receive_bounds import check_receive_line


@dataclass(frozen=True, slots=True)
class PhotoAttachment:
    file_name: str
    media_type: str
    content: bytes


@dataclass(frozen=True, slots=True)
class Override:
    """A supervisor's decision in place of the engine's, with the reason written down."""

    supervisor: str
    outcome: str  # refund, replacement or denied
    reason: str


@dataclass(frozen=True, slots=True)
class Approval:
    """A supervisor letting a decision stand that the bench alone may not make, with their note."""

    supervisor: str
    note: str


@dataclass(frozen=True, slots=True)
class ReceiveLine:
    """One unit of an RMA line as the clerk found it. Facts left at None were not checked."""

    rma_number: str
    line_no: int
    user: str
    station: str
    unit: int = 1  # which of the line's units, from 1 to its quantity
    reason: ReturnReason | None = None  # None: as the RMA says
    customer_choice: CustomerChoice | None = None
    condition: Condition = field(default_factory=Condition)
    flags: Flags = field(default_factory=Flags)
    virgin: bool | None = None  # an OEM empty never refilled; asked only when the routes sort by it
    weight: WeightCapture | None = None  # the stable reading the decision uses
    readings_seen: tuple[WeightCapture, ...] = ()  # every other reading, kept as evidence
    received_on: date | None = None  # None: today
    notes: str = ""
    photos: tuple[PhotoAttachment, ...] = ()
    override: Override | None = None
    approval: Approval | None = None

    def __post_init__(self) -> None:
        # Checked where every request is made, the command line's options and the window's alike.
        check_receive_line(self)
