"""A serial or USB-CDC port that survives being unplugged, used by every serial scale.

USB serial adapters disappear when a cable is pulled and come back under the same name (or the
same /dev/serial/by-id link) when it is pushed in again. The link therefore never gives up on its
port: an operation that finds it gone reports ``PortUnavailable`` and the next operation opens it
again. Reads are cut into short slices so that ``close`` from another thread, or a deadline,
is honoured within a few hundredths of a second instead of hanging a worker.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import serial

_READ_SLICE_SECONDS = 0.05

try:
    from termios import error as _TermiosError
except ImportError:  # Windows has no termios; pyserial raises SerialException there
    _TermiosError = OSError

# What a vanished or misbehaving port raises. pyserial lets termios errors from tcflush and
# tcsetattr through unwrapped, and termios.error is not an OSError.
_PORT_FAILURES = (serial.SerialException, OSError, _TermiosError)


class PortUnavailable(Exception):
    """The port cannot be opened, or it went away while in use."""


class PortClosed(PortUnavailable):
    """The station closed the link itself (shutting down, switching scales): do not retry."""


class PortSilent(Exception):
    """The port is open but nothing complete arrived before the deadline."""


@dataclass(frozen=True, slots=True)
class SerialSettings:
    baudrate: int = 9600
    bytesize: int = serial.EIGHTBITS
    parity: str = serial.PARITY_NONE
    stopbits: float = serial.STOPBITS_ONE


class SerialLink:
    """One port, opened lazily and reopened after it disappears.

    ``min_interval`` keeps requests at least that many seconds apart: some indicators drop a
    command that arrives while they are still sending the previous answer.
    """

    def __init__(
        self,
        port: str,
        settings: SerialSettings,
        *,
        min_interval: float = 0.0,
        reconnect_interval: float = 0.5,
    ) -> None:
        self.port = port
        self._settings = settings
        self._min_interval = min_interval
        self._reconnect_interval = reconnect_interval
        self._serial: Any = None
        self._last_write = float("-inf")
        self._closed = False
        self._lock = threading.Lock()
        # Bytes that arrived after the frame a caller asked for: the start of the next one.
        self._pending = bytearray()

    def request(self, command: bytes, frame_end: bytes, deadline: float, *, max_length: int = 256) -> bytes:
        """Send ``command`` and return the answer up to and including ``frame_end``.

        Whatever was waiting in the input buffer is thrown away first: it answers an earlier
        question, or is half a frame from a scale that streams.
        """
        self.discard_input(deadline)
        self.write(command, deadline)
        return self.read_frame(frame_end, deadline, max_length=max_length)

    def discard_input(self, deadline: float) -> None:
        self._pending.clear()
        self._operate(lambda port: port.reset_input_buffer(), deadline)

    def write(self, data: bytes, deadline: float) -> None:
        wait = self._last_write + self._min_interval - time.monotonic()
        if wait > 0:
            time.sleep(min(wait, max(0.0, deadline - time.monotonic())))
        self._operate(lambda port: port.write(data), deadline)
        self._last_write = time.monotonic()

    def read_frame(self, frame_end: bytes, deadline: float, *, max_length: int = 256) -> bytes:
        """Bytes up to and including ``frame_end``; what follows is kept for the next call.

        A runaway frame is returned whole at ``max_length`` for the protocol parser to reject,
        so line noise cannot grow it forever.
        """
        while True:
            end = self._pending.find(frame_end)
            if end >= 0:
                return self._take(end + len(frame_end))
            if len(self._pending) >= max_length:
                return self._take(max_length)
            self._receive(deadline)

    def read_bytes(self, count: int, deadline: float) -> bytes:
        """Exactly ``count`` bytes: for handshakes (ACK, NAK) that have no frame end."""
        while len(self._pending) < count:
            self._receive(deadline)
        return self._take(count)

    def read_available(self, deadline: float) -> bytes:
        """Whatever has arrived, waiting at most one short slice for it; possibly nothing.

        For devices that speak unasked (scanners), whose caller keeps partial lines itself.
        """
        if not self._pending:
            self._receive_slice(deadline)
        return self._take(len(self._pending))

    def _take(self, count: int) -> bytes:
        taken = bytes(self._pending[:count])
        del self._pending[:count]
        return taken

    def _receive(self, deadline: float) -> None:
        if time.monotonic() >= deadline:
            raise PortSilent(f"no complete answer on {self.port}")
        self._receive_slice(deadline)

    def _receive_slice(self, deadline: float) -> None:
        # The port was opened with the slice as its timeout. Changing the timeout per call would
        # re-send the whole line configuration to the driver each time (pyserial calls
        # tcsetattr), which some adapters glitch on and pseudo-terminals refuse for 7E1.
        self._pending += self._operate(lambda port: port.read(max(1, port.in_waiting)), deadline)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            self._drop_port()

    def _operate(self, operation: Callable[[Any], Any], deadline: float) -> Any:
        """Run one short operation on the open port, opening it first (again) when needed.

        The lock is never held while waiting to retry, so ``close`` is never kept waiting
        longer than one read slice.
        """
        while True:
            with self._lock:
                if self._closed:
                    raise PortClosed("the station closed the connection")
                failure = self._open_if_needed()
                if self._serial is not None:
                    try:
                        return operation(self._serial)
                    except _PORT_FAILURES:
                        self._drop_port()
                        raise PortUnavailable("the port went away (unplugged?); check the cable") from None
            if time.monotonic() + self._reconnect_interval > deadline:
                raise PortUnavailable(f"cannot open the port ({failure})")
            time.sleep(self._reconnect_interval)

    def _open_if_needed(self) -> str:
        """Open the port unless it is open; the reason it could not be opened, or ""."""
        if self._serial is not None:
            return ""
        try:
            self._serial = serial.serial_for_url(
                self.port,
                baudrate=self._settings.baudrate,
                bytesize=self._settings.bytesize,
                parity=self._settings.parity,
                stopbits=self._settings.stopbits,
                timeout=_READ_SLICE_SECONDS,
                write_timeout=1.0,
                exclusive=True,
            )
        except (*_PORT_FAILURES, ValueError) as error:
            return _reason(error)
        return ""

    def _drop_port(self) -> None:
        self._pending.clear()
        if self._serial is not None:
            with contextlib.suppress(*_PORT_FAILURES):  # a device already gone has nothing left to release
                self._serial.close()
            self._serial = None


def _reason(error: BaseException) -> str:
    """The system's words for the failure, without the errno that means nothing to a clerk."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, _TermiosError) and len(error.args) == 2:
        return str(error.args[1])
    return str(error).split("] ", 1)[-1] or type(error).__name__
