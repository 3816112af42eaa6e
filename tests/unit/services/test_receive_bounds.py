"""A request to receive a unit is bounded where it is made, from the command line's options or the window:
line and unit numbers an RMA can have, and text its columns can hold, without a NUL anywhere."""

from __future__ import annotations

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.services.commands import Approval, Override, ReceiveLine


def request(**changes) -> ReceiveLine:
    return ReceiveLine(**{"rma_number": "RA0000401", "line_no": 1, "user": "receiver", "station": "S1", **changes})


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"line_no": 2**63}, "the line number must be a whole number from 1 to 10000, not 9223372036854775808"),
        ({"line_no": 0}, "the line number must be a whole number from 1 to 10000"),
        ({"unit": 10_001}, "the unit number must be a whole number from 1 to 10000"),
        ({"rma_number": "RA\x00401"}, "the RMA number holds a NUL character at position 3"),
        ({"rma_number": "R" * 33}, "the RMA number is longer than 32 characters"),
        ({"station": "S" * 65}, "the station id is longer than 64 characters"),
        ({"user": "receiver\n"}, "the user holds the control character"),
        ({"notes": "cracked\x00"}, "the notes field holds a NUL character"),
        ({"notes": "n" * 40_000}, "the notes field is longer than 32767 characters"),
        ({"approval": Approval("supervisor", "ok\x00")}, "the approval note holds a NUL character"),
        ({"override": Override("s" * 65, "refund", "goodwill")}, "the overriding supervisor is longer than 64"),
        ({"notes": "dent 凹"}, "the notes field has characters the documents cannot print: 凹 (U+51F9)"),
        ({"override": Override("supervisor", "refund", "goodwill 🚀")}, "the override's reason has characters"),
    ],
)
def test_a_request_outside_the_bounds_is_bad_input(changes, words) -> None:
    with pytest.raises(InputError) as refused:
        request(**changes)
    assert str(refused.value).startswith(words)


def test_a_request_at_the_bounds_is_made() -> None:
    made = request(line_no=10_000, unit=10_000, station="S" * 64, notes="box crushed\nleft corner, Łódź")
    assert (made.line_no, made.unit, made.notes) == (10_000, 10_000, "box crushed\nleft corner, Łódź")
