"""NCI / Avery Weigh-Tronix / Brecknell bench scales speaking the NCI protocol (AWTX SCP-01).

Sources: Avery Weigh-Tronix control document SCP-01 ("NCI Standard"), as reproduced in the NCI
7800 and Weigh-Tronix 7821 user manuals ("NCI serial communications protocol, standard
commands") and the Ohaus Aviator 7000 service manual (status bit tables).

Commands are one letter and CR: ``W`` weight, ``S`` status, ``Z`` zero. Answers:

    LF  xxxx.xxuu  CR  LF  hh  CR  ETX     weight with unit (lb, kg, oz, g), then status
    LF  hh  CR  ETX                        status only: below zero, moving, out of capacity
    LF  ?  CR  ETX                         command not recognized

Some scales print the status line as ``S`` + bytes, some weigh in pounds and ounces
(``1LB 3.5OZ``), and some print ``^^^^`` / ``____`` / ``----`` instead of digits when over,
under or off zero. Status byte 1: bit 0 motion, 1 at zero, 2 RAM error, 3 EEPROM error.
Status byte 2: bit 0 under capacity, 1 over capacity, 2 ROM error, 3 faulty calibration.
Optional byte 3: bit 3 initial zero error. In every byte bits 4 and 5 are 1, bit 6 says
"another status byte follows", bit 7 is parity.
"""

from __future__ import annotations

import re
from decimal import Decimal

import serial

from receiving_app.devices.scales.base import (
    GarbledFrame,
    ScaleError,
    ScaleReading,
    ScaleStatus,
    ascii_text,
    weighed,
    weight_number,
    without_weight,
)
from receiving_app.devices.scales.serial_link import SerialSettings
from receiving_app.devices.scales.serial_scale import SerialScale

LF = b"\n"
ETX = b"\x03"
FRAME_END = b"\r\x03"

_ALWAYS_SET = 0x30
_BYTE_FOLLOWS = 0x40

_FAULTS = [
    (0, 0x04, "RAM error"),
    (0, 0x08, "EEPROM error"),
    (1, 0x04, "ROM error"),
    (1, 0x08, "calibration fault"),
]

_DECIMAL_WEIGHT = re.compile(r" *(?P<number>[+-]? *[0-9.]+) *(?P<unit>lb|kg|oz|g) *", re.IGNORECASE)
_POUNDS_AND_OUNCES = re.compile(r" *(?P<pounds>\d{1,4}) *lb +(?P<ounces>\d{1,2}(?:\.\d{1,3})?) *oz *", re.IGNORECASE)
_OUT_OF_RANGE = re.compile(r" *[\^_-]+ *[a-z]* *", re.IGNORECASE)


def _lines(frame: bytes) -> list[bytes]:
    if len(frame) < 4 or not frame.startswith(LF) or not frame.endswith(FRAME_END):
        raise GarbledFrame(f"not an SCP-01 answer (LF ... CR ETX): {frame!r}")
    lines = frame[1 : -len(FRAME_END)].split(b"\r\n")
    if lines == [b"?"]:
        raise ScaleError("the scale did not recognize the command: is it set to the NCI (SCP-01) protocol?")
    if len(lines) > 2:
        raise GarbledFrame(f"an SCP-01 answer has at most a weight line and a status line: {frame!r}")
    return lines


def _status(line: bytes, frame: bytes) -> list[int]:
    """The status bytes with parity dropped, after the fixed bits and the chain are checked."""
    raw = line[1:] if line.startswith(b"S") else line
    status = [byte & 0x7F for byte in raw]
    chained = len(status) >= 2 and all(
        byte & _ALWAYS_SET == _ALWAYS_SET and bool(byte & _BYTE_FOLLOWS) == (1 <= index < len(status) - 1)
        for index, byte in enumerate(status)
    )
    if len(status) > 4 or not chained:
        raise GarbledFrame(f"not a valid SCP-01 status: {frame!r}")
    for index, mask, fault in _FAULTS:
        if status[index] & mask:
            raise ScaleError(f"the scale reports a {fault}: switch it off and on; call for service if it stays")
    if len(status) >= 3 and status[2] & 0x08:
        raise ScaleError("the scale reports an initial zero error: empty the platter, then switch it off and on")
    return status


def _weight_line(line: bytes, frame: bytes) -> tuple[Decimal, str] | None:
    """(value, unit) of the weight line, or None when the scale printed an out-of-range marker."""
    text = ascii_text(line, "SCP-01")
    decimal_weight = _DECIMAL_WEIGHT.fullmatch(text)
    if decimal_weight:
        return weight_number(decimal_weight["number"]), decimal_weight["unit"]
    pounds_and_ounces = _POUNDS_AND_OUNCES.fullmatch(text)
    if pounds_and_ounces:
        # Reported in ounces, which both parts convert to exactly (16 oz to the pound).
        ounces = weight_number(pounds_and_ounces["pounds"]) * 16 + weight_number(pounds_and_ounces["ounces"])
        return ounces, "oz"
    if _OUT_OF_RANGE.fullmatch(text):
        return None
    raise GarbledFrame(f"not an SCP-01 weight line: {frame!r}")


def parse_frame(frame: bytes) -> ScaleReading:
    """The answer to ``W``."""
    lines = _lines(frame)
    status = _status(lines[-1], frame)
    weight = _weight_line(lines[0], frame) if len(lines) == 2 else None
    if status[1] & 0x02:
        return without_weight(ScaleStatus.OVERLOAD, frame)
    if status[1] & 0x01:
        state = ScaleStatus.UNDERLOAD
    elif status[0] & 0x01:
        state = ScaleStatus.MOVING
    elif weight is not None:
        state = ScaleStatus.STABLE
    else:
        raise GarbledFrame(f"SCP-01 answer without a weight and without a reason: {frame!r}")
    if weight is None:
        return without_weight(state, frame)
    value, unit = weight
    return weighed(value, unit, state, frame)


def parse_zero_response(frame: bytes) -> None:
    """The status ``Z`` answers with: whether the scale is now at a usable zero."""
    lines = _lines(frame)
    if len(lines) != 1:
        raise GarbledFrame(f"expected a status answer to Z, got {frame!r}")
    status = _status(lines[0], frame)
    if status[1] & 0x03:
        raise ScaleError("could not zero: the load is outside the zero range; empty the scale")
    if status[0] & 0x01:
        raise ScaleError("could not zero: the scale is still moving; try again")


class Scp01Scale(SerialScale):
    protocol = "scp-01"
    # A common setting of NCI-protocol bench scales (9600 baud, 7 data bits, even parity);
    # the scale options override any of it.
    default_settings = SerialSettings(baudrate=9600, bytesize=serial.SEVENBITS, parity=serial.PARITY_EVEN)
    # Like the 8217, these scales drop a request that arrives while they are still answering.
    default_min_interval = 0.2

    def _read(self, deadline: float) -> ScaleReading:
        return parse_frame(self._link.request(b"W\r", ETX, deadline))

    def _zero(self, deadline: float) -> None:
        parse_zero_response(self._link.request(b"Z\r", ETX, deadline))
