"""The bounds of one request to receive a unit: numbers an RMA can have, and text its columns can hold.

A request is built from options typed at a terminal as well as from the window, so a line number of
2^63, a NUL in the notes or a letter no document can print must be refused here, as bad input, before
the database sees it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from receiving_app.documents.glyph_coverage import unprintable_named
from receiving_app.domain.errors import InputError
from receiving_app.domain.limits import MAX_LINE_NUMBER, OutOfBounds, text_within, whole_number_within
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.inspection_tables import InspectionRow
from receiving_app.persistence.rma_tables import RmaRow
from receiving_app.services.column_widths import text_width

if TYPE_CHECKING:
    from receiving_app.services.commands import ReceiveLine

_RMA_NUMBER = text_width(RmaRow, "number")
_USER = text_width(InspectionRow, "user_name")
_STATION = text_width(InspectionRow, "station_id")
_NOTES = text_width(InspectionRow, "notes")
_SUPERVISOR = text_width(DecisionRow, "approved_by")
_SUPERVISORS_WORDS = text_width(DecisionRow, "approval_note")


def check_receive_line(command: ReceiveLine) -> None:
    _whole_number("the line number", command.line_no)
    _whole_number("the unit number", command.unit)
    _text("the RMA number", command.rma_number, _RMA_NUMBER)
    _text("the user", command.user, _USER)
    _text("the station id", command.station, _STATION)
    _text("the notes field", command.notes, _NOTES, lines=True)
    if command.approval is not None:
        _text("the approving supervisor", command.approval.supervisor, _SUPERVISOR)
        _text("the approval note", command.approval.note, _SUPERVISORS_WORDS, lines=True)
    if command.override is not None:
        _text("the overriding supervisor", command.override.supervisor, _SUPERVISOR)
        _text("the override's reason", command.override.reason, _SUPERVISORS_WORDS, lines=True)


def _whole_number(what: str, value: int) -> None:
    try:
        whole_number_within(value, maximum=MAX_LINE_NUMBER)
    except OutOfBounds as error:
        raise InputError(f"{what} {error}") from None


def _text(what: str, value: str, width: int, *, lines: bool = False) -> None:
    try:
        text_within(value, length=width, lines=lines)
    except OutOfBounds as error:
        raise InputError(f"{what} {error}") from None
    # Each of these ends up on the unit's documents, where a letter the fonts lack would print as a box.
    unprintable = unprintable_named(value)
    if unprintable:
        raise InputError(f"{what} has characters the documents cannot print: {unprintable}")
