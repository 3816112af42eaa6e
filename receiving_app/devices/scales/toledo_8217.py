"""Scales set to the Toledo 8217 (8213 "demand") protocol: common on checkout and shipping scales.

Sources: Mettler Toledo 8217 / 8213 demand-mode serial format as documented by scales that
emulate it: Transcell PC-150 manual, appendix B.1.4 "Toledo 8213 demand format"; Brecknell
67xxU service manual, table 7.6 (8217 commands); Rice Lake BenchPro operation manual, "8217
protocol" status bits.

The host sends a single ``W`` (no line end). The scale answers with

    STX  weight  [unit]  CR        a stable weight, e.g. STX "01.234" CR or STX "  0.512kg" CR
    STX  "?"  status  CR           no valid weight: the status byte says why

Status byte (bit set = true): 0 motion, 1 over capacity, 2 under zero, 3 outside the zero
capture range (initial zero error), 4 centre of zero, 5 and 6 always 1, 7 parity. The weight
record carries no unit on a classic 8213/8217: it is in the unit the scale is set to, which the
station is told (``default_unit``, pounds unless configured). ``Z`` zeroes and answers with a
status record.
"""

from __future__ import annotations

import re

import serial

from receiving_app.devices.scales.base import (
    GarbledFrame,
    ScaleError,
    ScaleReading,
    ScaleStatus,
    ascii_text,
    supported_unit,
    weighed,
    weight_number,
    without_weight,
)
from receiving_app.devices.scales.serial_link import SerialSettings
from receiving_app.devices.scales.serial_scale import SerialScale

STX = 0x02
CR = b"\r"

MOTION = 0x01
OVER_CAPACITY = 0x02
UNDER_ZERO = 0x04
ZERO_CAPTURE_ERROR = 0x08
ALWAYS_SET = 0x60

_WEIGHT_RECORD = re.compile(r"(?P<number>[ 0-9.+-]+?) *(?P<unit>[A-Za-z]{1,2})? *")


def _record(frame: bytes) -> bytes:
    if len(frame) < 3 or frame[0] != STX or not frame.endswith(CR):
        raise GarbledFrame(f"not a Toledo 8217 record (STX ... CR): {frame!r}")
    return frame[1:-1]


def _status_flags(body: bytes, frame: bytes) -> int:
    """The status byte of a ``?`` record; the parity bit is dropped, the fixed bits checked."""
    if len(body) != 2:
        raise GarbledFrame(f"a Toledo 8217 status record has one status byte: {frame!r}")
    status = body[1] & 0x7F
    if status & ALWAYS_SET != ALWAYS_SET:
        raise GarbledFrame(f"Toledo 8217 status byte {body[1]:#04x} lacks its fixed bits: {frame!r}")
    if status & ZERO_CAPTURE_ERROR:
        raise ScaleError("the scale reports an initial zero error: empty the platter, then switch the scale off and on")
    return status


def parse_frame(frame: bytes, *, default_unit: str = "lb") -> ScaleReading:
    """The answer to ``W``."""
    body = _record(frame)
    if body[:1] == b"?":
        status = _status_flags(body, frame)
        if status & OVER_CAPACITY:
            return without_weight(ScaleStatus.OVERLOAD, frame)
        if status & UNDER_ZERO:
            return without_weight(ScaleStatus.UNDERLOAD, frame)
        if status & MOTION:
            return without_weight(ScaleStatus.MOVING, frame)
        raise GarbledFrame(f"Toledo 8217 status record without a reason for withholding the weight: {frame!r}")
    match = _WEIGHT_RECORD.fullmatch(ascii_text(body, "Toledo 8217"))
    if match is None:
        raise GarbledFrame(f"not a Toledo 8217 weight record: {frame!r}")
    unit = match["unit"] or default_unit
    return weighed(weight_number(match["number"]), unit, ScaleStatus.STABLE, frame)


def parse_zero_response(frame: bytes) -> None:
    """The status record ``Z`` answers with; it says whether the scale could be zeroed."""
    body = _record(frame)
    if body[:1] != b"?":
        raise GarbledFrame(f"expected a Toledo 8217 status record after Z, got {frame!r}")
    status = _status_flags(body, frame)
    if status & (OVER_CAPACITY | UNDER_ZERO):
        raise ScaleError("could not zero: the load is outside the zero range; empty the scale")
    if status & MOTION:
        raise ScaleError("could not zero: the scale is still moving; try again")


class Toledo8217Scale(SerialScale):
    protocol = "toledo-8217"
    # The usual setting of checkout scales in 8217 mode (9600 baud, 7 data bits, even parity);
    # the scale options override any of it.
    default_settings = SerialSettings(baudrate=9600, bytesize=serial.SEVENBITS, parity=serial.PARITY_EVEN)
    # These scales drop a request that arrives while they are still answering or re-weighing;
    # 0.2 s between requests leaves room for both.
    default_min_interval = 0.2

    def __init__(
        self,
        port: str,
        *,
        default_unit: str = "lb",
        settings: SerialSettings | None = None,
        min_interval: float | None = None,
    ) -> None:
        super().__init__(port, settings=settings, min_interval=min_interval)
        # Checked now, so that a wrong setting is reported when the scale is opened, not weighed on.
        self.default_unit = supported_unit(default_unit).symbol

    def _read(self, deadline: float) -> ScaleReading:
        return parse_frame(self._link.request(b"W", CR, deadline), default_unit=self.default_unit)

    def _zero(self, deadline: float) -> None:
        parse_zero_response(self._link.request(b"Z", CR, deadline))
