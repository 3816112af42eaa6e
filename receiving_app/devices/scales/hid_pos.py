"""USB postal and shipping scales that are HID point-of-sale devices (Dymo, Stamps.com, Fairbanks…).

Source: USB Implementers Forum, "HID Point of Sale Usage Tables" version 1.02, chapter
"Weighing Devices (0x8D)": the Scale Data Report and the Scale Status (0x70-0x78) and Weight
Unit (0x50-0x5C) usages.

The scale sends a 6-byte input report, no request needed:

    byte 0   report id, 3 for the Scale Data Report
    byte 1   status: 1 fault, 2 stable at zero, 3 in motion, 4 stable, 5 under zero,
             6 over the weight limit, 7 needs calibration, 8 needs re-zeroing
    byte 2   unit: 2 g, 3 kg, 11 oz, 12 lb (1 mg, 4 carats … 10 troy ounces are refused)
    byte 3   scaling exponent, a signed byte: weight = data * 10 ** exponent
    byte 4-5 weight data, 16-bit little-endian, without sign (status 5 says it is below zero)

The report waiting when the device is opened was taken when the scale last changed, possibly
long before; the driver throws it away and uses the next one.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from receiving_app.devices.scales.base import (
    GarbledFrame,
    Scale,
    ScaleError,
    ScaleNotResponding,
    ScaleReading,
    ScaleStatus,
    no_zero_command,
    weighed,
    without_weight,
)

USAGE_PAGE_WEIGHING = 0x8D
SCALE_DATA_REPORT = 3
REPORT_LENGTH = 6

_UNITS = {2: "g", 3: "kg", 11: "oz", 12: "lb"}
_UNIT_NAMES = {
    1: "milligrams",
    4: "carats",
    5: "taels",
    6: "grains",
    7: "pennyweights",
    8: "metric tons",
    9: "avoirdupois tons",
    10: "troy ounces",
}
_WEIGHING_STATES = {2: ScaleStatus.STABLE, 3: ScaleStatus.MOVING, 4: ScaleStatus.STABLE, 5: ScaleStatus.UNDERLOAD}
_FAULTS = {
    1: "the scale reports a fault: unplug it and plug it in again",
    7: "the scale needs calibration: call for service",
    8: "the scale needs re-zeroing: empty it and press ZERO",
}
# Postal scales use exponents between -3 and 1; far beyond that the byte is noise, not a weight.
_LARGEST_EXPONENT = 6


def parse_report(report: bytes | Sequence[int]) -> ScaleReading:
    """One Scale Data Report, as bytes or as the list of ints hidapi returns."""
    try:
        raw = bytes(report)
    except (TypeError, ValueError):
        raise GarbledFrame(f"a HID report is a sequence of bytes, got {report!r}") from None
    if len(raw) != REPORT_LENGTH or raw[0] != SCALE_DATA_REPORT:
        raise GarbledFrame(f"not a HID scale data report (6 bytes, report id 3): {raw.hex(' ')}")
    status, unit_code, exponent_byte = raw[1], raw[2], raw[3]
    if status in _FAULTS:
        raise ScaleError(_FAULTS[status])
    if status == 6:
        return without_weight(ScaleStatus.OVERLOAD, raw, _UNITS.get(unit_code, ""))
    if status not in _WEIGHING_STATES:
        raise GarbledFrame(f"HID scale status {status} is not in the HID POS tables: {raw.hex(' ')}")
    if unit_code not in _UNITS:
        name = _UNIT_NAMES.get(unit_code, f"unit code {unit_code}")
        raise ScaleError(f"the scale reports weights in {name}; set it to g, kg, oz or lb")
    exponent = exponent_byte - 256 if exponent_byte > 127 else exponent_byte
    if abs(exponent) > _LARGEST_EXPONENT:
        raise GarbledFrame(f"HID scale report with scaling exponent {exponent}: {raw.hex(' ')}")
    magnitude = Decimal(int.from_bytes(raw[4:6], "little")).scaleb(exponent)
    value = -magnitude if status == 5 else magnitude
    return weighed(value, _UNITS[unit_code], _WEIGHING_STATES[status], raw)


OpenDevice = Callable[[str], Any]


def open_hid_device(port: str) -> Any:
    """A hidapi device for ``port``: a hidapi path, ``VID:PID`` in hex, or "" for the first scale."""
    try:
        hid = importlib.import_module("hid")
    except ImportError:
        raise ScaleError("USB HID scales need the 'hidapi' package, which is not installed") from None
    device = hid.device()
    try:
        if ":" in port and len(port) == 9:
            device.open(*_vendor_and_product(port))
        else:
            device.open_path(port.encode("utf-8", "surrogateescape") if port else _first_scale_path(hid))
    except OSError as error:
        raise ScaleNotResponding(f"scale not responding on {port or 'USB'}: cannot open it ({error})") from None
    return device


def _vendor_and_product(port: str) -> tuple[int, int]:
    try:
        vendor, product = (int(part, 16) for part in port.split(":"))
    except ValueError:
        raise ScaleError(f"{port!r} is neither a HID device path nor VID:PID in hex (e.g. 0922:8003)") from None
    return vendor, product


def _first_scale_path(hid: Any) -> bytes:
    for info in hid.enumerate():
        if info.get("usage_page") == USAGE_PAGE_WEIGHING:
            return info["path"]
    raise ScaleNotResponding("scale not responding on USB: no HID scale (usage page 0x8D) is plugged in")


class HidPosScale(Scale):
    protocol = "hid-pos"

    def __init__(self, port: str = "", *, open_device: OpenDevice = open_hid_device) -> None:
        self.port = port
        self._open_device = open_device
        self._device: Any = None
        self._stale_report_pending = False

    def read(self, timeout: float) -> ScaleReading:
        deadline = time.monotonic() + timeout
        if self._device is None:
            self._device = self._open_device(self.port)
            self._stale_report_pending = True
        if self._stale_report_pending:
            self._next_report(deadline)
            self._stale_report_pending = False
        return parse_report(self._next_report(deadline))

    def zero(self) -> None:
        raise no_zero_command(self.port or "USB")

    def close(self) -> None:
        if self._device is not None:
            self._device.close()
            self._device = None

    def _next_report(self, deadline: float) -> list[int]:
        milliseconds = max(1, int((deadline - time.monotonic()) * 1000))
        try:
            report = self._device.read(REPORT_LENGTH, milliseconds)
        except OSError as error:
            self.close()
            raise ScaleNotResponding(f"scale not responding on {self.port or 'USB'}: it went away ({error})") from None
        if not report:
            raise ScaleNotResponding(f"scale not responding on {self.port or 'USB'}: no report in time")
        return report
