"""Mettler Toledo balances and indicators speaking MT-SICS (Standard Interface Command Set).

Source: Mettler Toledo, "Reference Manual MT-SICS Interface Commands" (11780711 for the
NewClassic balances; the same level-0 and level-1 commands in 30324923 for XPR/XSR), sections
"Command formats", "Format of responses with weight value", "Error messages", and the commands
S, SI, Z and T.

Every command and every answer is ASCII closed by CR LF. An answer with a weight reads
``ID Status WeightValue Unit``, the value right-aligned in ten characters:

    S S     100.00 g      stable weight              (answer to S or SI)
    S D      99.98 g      dynamic: still moving      (answer to SI)
    S I                   not executable now (busy taring, or never settled)
    S +  /  S -           over / under the weighing range
    ES, ET, EL            syntax, transmission, logical error

The station asks with ``SI`` rather than ``S``: ``S`` holds the line until the balance settles,
which would hide the motion from the clerk and leave the timeout to the balance.
"""

from __future__ import annotations

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
from receiving_app.devices.scales.serial_scale import ZERO_TIMEOUT_SECONDS, SerialScale

LINE_END = b"\r\n"

_GENERAL_ERRORS = {
    "ES": "the scale did not understand the command (ES, syntax error): is it set to MT-SICS?",
    "EL": "the scale refused the command (EL, logical error)",
}


def _fields(frame: bytes, command_id: str) -> list[str]:
    """The answer's fields, after the checks every MT-SICS answer must pass."""
    if not frame.endswith(LINE_END):
        raise GarbledFrame(f"incomplete MT-SICS answer (no CR LF at the end): {frame!r}")
    text = ascii_text(frame[: -len(LINE_END)], "MT-SICS")
    if not text.isprintable():
        raise GarbledFrame(f"MT-SICS answer with control characters: {frame!r}")
    fields = text.split()
    if fields == ["ET"]:
        raise GarbledFrame("the scale reported a transmission error (ET); the line may be noisy")
    if len(fields) == 1 and fields[0] in _GENERAL_ERRORS:
        raise ScaleError(_GENERAL_ERRORS[fields[0]])
    if not fields or fields[0] != command_id:
        raise GarbledFrame(f"expected an answer to {command_id}, got {frame!r}")
    return fields


def _weight(fields: list[str], status: ScaleStatus, raw: bytes) -> ScaleReading:
    if len(fields) != 4:
        raise GarbledFrame(f"an MT-SICS weight answer has a value and a unit: {raw!r}")
    return weighed(weight_number(fields[2]), fields[3], status, raw)


def parse_weight_response(frame: bytes) -> ScaleReading:
    """The answer to ``S`` or ``SI``."""
    fields = _fields(frame, "S")
    code = fields[1] if len(fields) > 1 else ""
    if code == "S":
        return _weight(fields, ScaleStatus.STABLE, frame)
    if code == "D":
        return _weight(fields, ScaleStatus.MOVING, frame)
    if len(fields) == 2 and code == "I":
        # The balance is busy or has not settled: to the station that is still "moving".
        return without_weight(ScaleStatus.MOVING, frame)
    if len(fields) == 2 and code == "+":
        return without_weight(ScaleStatus.OVERLOAD, frame)
    if len(fields) == 2 and code == "-":
        return without_weight(ScaleStatus.UNDERLOAD, frame)
    raise GarbledFrame(f"not an MT-SICS weight answer: {frame!r}")


def parse_zero_response(frame: bytes) -> None:
    """The answer to ``Z``: ``Z A`` when done, otherwise the reason it was not."""
    fields = _fields(frame, "Z")
    refusals = {
        "I": "could not zero: the scale is busy or still moving; try again",
        "+": "could not zero: the load is above the zero range; empty the scale",
        "-": "could not zero: the load is below the zero range; check that the platter is on",
    }
    if fields == ["Z", "A"]:
        return
    if len(fields) == 2 and fields[1] in refusals:
        raise ScaleError(refusals[fields[1]])
    raise GarbledFrame(f"not an MT-SICS zero answer: {frame!r}")


def parse_tare_response(frame: bytes) -> ScaleReading:
    """The answer to ``T``: the tare weight now subtracted, or the reason none was taken."""
    fields = _fields(frame, "T")
    refusals = {
        "I": "could not tare: the scale is busy or still moving; try again",
        "+": "could not tare: the load is over the tare range",
        "-": "could not tare: the load is below zero",
    }
    if len(fields) > 1 and fields[1] == "S":
        return _weight(fields, ScaleStatus.STABLE, frame)
    if len(fields) == 2 and fields[1] in refusals:
        raise ScaleError(refusals[fields[1]])
    raise GarbledFrame(f"not an MT-SICS tare answer: {frame!r}")


class MtSicsScale(SerialScale):
    protocol = "mt-sics"
    # The factory setting of the balances' RS-232 port (9600 8N1, no handshake).
    default_settings = SerialSettings(baudrate=9600, bytesize=serial.EIGHTBITS, parity=serial.PARITY_NONE)
    default_min_interval = 0.1

    def _read(self, deadline: float) -> ScaleReading:
        return parse_weight_response(self._link.request(b"SI\r\n", LINE_END, deadline))

    def _zero(self, deadline: float) -> None:
        parse_zero_response(self._link.request(b"Z\r\n", LINE_END, deadline))

    def tare(self) -> ScaleReading:
        """Take the load on the platter as tare (a box, a tray); returns the tare weight."""
        return self._talk(
            lambda deadline: parse_tare_response(self._link.request(b"T\r\n", LINE_END, deadline)),
            ZERO_TIMEOUT_SECONDS,
        )
