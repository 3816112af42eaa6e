"""Barcode scanners on a serial port or in USB-CDC ("virtual COM") mode.

Such a scanner sends each code as one line, ended by CR, LF or CR LF depending on its
programming, optionally prefixed by its AIM symbology identifier. Every line becomes either a
``ScanValue`` or a ``ScanRejected`` that says why: a garbled read must reach the clerk as a
message, never end the reader. Unplugging the scanner is reported once as ``ScannerDisconnected``
and the reader keeps trying the port until the scanner is back.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from receiving_app.devices.scales.serial_link import PortClosed, PortUnavailable, SerialLink, SerialSettings
from receiving_app.domain.scan import MAX_SCAN_LENGTH, ScanError, ScanValue, parse_scan

_LINE_END = re.compile(rb"\r\n?|\n")
# A line this long without an end is noise, or the scanner's line end is set to something else.
_LONGEST_LINE = 4 * MAX_SCAN_LENGTH


@dataclass(frozen=True, slots=True)
class ScanRejected:
    """A line the scanner sent that is not a usable scan, with the reason for the clerk."""

    raw: bytes
    message: str


@dataclass(frozen=True, slots=True)
class ScannerDisconnected:
    """The scanner's port went away; the reader keeps trying it."""

    port: str
    message: str


ScanResult = ScanValue | ScanRejected


class SerialScanner:
    def __init__(
        self,
        port: str,
        *,
        settings: SerialSettings | None = None,
        reconnect_interval: float = 1.0,
    ) -> None:
        self.port = port
        # Scanners leave the factory at 9600 baud, 8 data bits, no parity.
        self._link = SerialLink(port, settings or SerialSettings(), reconnect_interval=reconnect_interval)
        self._pending = bytearray()

    def read_scan(self, timeout: float) -> ScanResult | None:
        """The next line as a scan, or None when no whole line arrived within ``timeout``.

        Raises ``PortUnavailable`` when the port is gone and did not come back in time; a line
        cut in half by a timeout is kept and completed by the next call.
        """
        deadline = time.monotonic() + timeout
        while True:
            line = self._take_line()
            if line:
                return _interpret(line)
            if line is not None:
                continue  # the LF of a CR LF that arrived after its CR: not a scan
            if time.monotonic() >= deadline:
                return None
            self._pending += self._link.read_available(deadline)

    def scans(self, stop: threading.Event, *, poll_seconds: float = 0.2) -> Iterator[ScanResult | ScannerDisconnected]:
        """Every scan until ``stop`` is set or the scanner is closed; a disconnection is
        reported once per outage."""
        connected = True
        while not stop.is_set():
            try:
                result = self.read_scan(poll_seconds)
            except PortClosed:
                return
            except PortUnavailable as error:
                if connected:
                    yield ScannerDisconnected(self.port, f"scanner on {self.port} is disconnected: {error}")
                connected = False
                stop.wait(poll_seconds)
                continue
            connected = True
            if result is not None:
                yield result

    def close(self) -> None:
        self._link.close()

    def _take_line(self) -> bytes | None:
        end = _LINE_END.search(self._pending)
        if end is None:
            if len(self._pending) <= _LONGEST_LINE:
                return None
            line = bytes(self._pending)
            self._pending.clear()
            return line
        line = bytes(self._pending[: end.start()])
        del self._pending[: end.end()]
        return line


def _interpret(line: bytes) -> ScanResult:
    if len(line) > _LONGEST_LINE:
        return ScanRejected(line[:80], "scan too long: is the scanner set to end each code with CR or LF?")
    try:
        # Latin-1 maps every byte to a character, so a garbled byte is shown and refused by
        # parse_scan instead of failing the decoding.
        return parse_scan(line.decode("latin-1"))
    except ScanError as error:
        return ScanRejected(line, str(error))
