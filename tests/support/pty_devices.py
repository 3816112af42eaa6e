"""Devices played on the master side of a pseudo-terminal; drivers open the slave's path.

The slave stays open here for the device's whole life, so the master never sees "no one on
the other end" (EIO) before the driver opens it. ``unplug`` closes the master, which is what
the driver sees when a USB adapter is pulled: the next read or write fails.
"""

from __future__ import annotations

import os
import select
import threading
from collections.abc import Callable, Iterator

Answer = Callable[[bytes], bytes]
Split = Callable[[bytearray], bytes | None]


def split_at(end: bytes) -> Split:
    """Requests that end with ``end`` (CR LF for MT-SICS, CR for SCP-01)."""

    def split(buffer: bytearray) -> bytes | None:
        position = buffer.find(end)
        if position < 0:
            return None
        request = bytes(buffer[:position])
        del buffer[: position + len(end)]
        return request

    return split


def one_byte(buffer: bytearray) -> bytes | None:
    """Single-character commands (Toledo 8217 W and Z, CAS ENQ and DC1)."""
    if not buffer:
        return None
    request = bytes(buffer[:1])
    del buffer[:1]
    return request


class PtyDevice:
    def __init__(self) -> None:
        self.master, self._slave = os.openpty()
        self.path = os.ttyname(self._slave)
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._master_open = True
        # A test may pull the cable from a timer thread while its teardown closes the device:
        # the master must be closed exactly once (a second close could hit a reused descriptor).
        self._closing = threading.Lock()

    def start(self, serve: Callable[[], None]) -> PtyDevice:
        self._thread = threading.Thread(target=serve, daemon=True)
        self._thread.start()
        return self

    def unplug(self) -> None:
        """The cable is pulled: the device stops, then the master side disappears."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        with self._closing:
            if self._master_open:
                os.close(self.master)
                self._master_open = False

    def close(self) -> None:
        self.unplug()
        os.close(self._slave)

    def _incoming(self) -> Iterator[bytes]:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.02)
            if ready:
                yield os.read(self.master, 256)

    def write(self, data: bytes) -> None:
        os.write(self.master, data)


def answering(answer: Answer, split: Split) -> PtyDevice:
    """A scale that answers each request as ``answer`` says (b"" for silence)."""
    device = PtyDevice()

    def serve() -> None:
        buffer = bytearray()
        for data in device._incoming():
            buffer += data
            while (request := split(buffer)) is not None:
                device.received.append(request)
                reply = answer(request)
                if reply:
                    device.write(reply)

    return device.start(serve)


def streaming(frames: Iterator[bytes], period: float) -> PtyDevice:
    """A scale that sends frames on its own, ``period`` seconds apart, as continuous mode does."""
    device = PtyDevice()

    def serve() -> None:
        for frame in frames:
            if device._stop.wait(period):
                return
            device.write(frame)

    return device.start(serve)


def silent() -> PtyDevice:
    """A port with nothing answering: the scale is off or set to another protocol."""
    return answering(lambda request: b"", one_byte)


def settling(moving: bytes, stable: bytes, moving_count: int = 2) -> Callable[[], bytes]:
    """Answers ``moving`` for the first ``moving_count`` weighings, then ``stable``."""
    count = 0

    def next_answer() -> bytes:
        nonlocal count
        count += 1
        return moving if count <= moving_count else stable

    return next_answer
