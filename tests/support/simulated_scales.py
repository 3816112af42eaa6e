"""A simulated scale for each serial protocol, answering as its manual says: moving first, then stable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain, repeat

from tests.support import cas_frames
from tests.support.pty_devices import PtyDevice, answering, one_byte, settling, split_at, streaming

FAST = {"min_interval": "0.01"}


def mt_sics_scale() -> PtyDevice:
    weighing = settling(b"S D     830.10 g\r\n", b"S S     812.40 g\r\n")
    replies = {b"SI": weighing, b"Z": lambda: b"Z A\r\n"}
    return answering(lambda request: replies.get(request, lambda: b"ES\r\n")(), split_at(b"\r\n"))


def toledo_8217_scale() -> PtyDevice:
    weighing = settling(b"\x02?\x61\r", b"\x0201.790\r")  # status "motion", then 1.790 lb
    replies = {b"W": weighing, b"Z": lambda: b"\x02?\x70\r"}
    return answering(lambda request: replies.get(request, lambda: b"\x02?\x60\r")(), one_byte)


def scp_01_scale() -> PtyDevice:
    weighing = settling(b"\n0001.83lb\r\n10\r\x03", b"\n0001.79lb\r\n00\r\x03")
    replies = {b"W": weighing, b"Z": lambda: b"\n00\r\x03"}
    return answering(lambda request: replies.get(request, lambda: b"\n?\r\x03")(), split_at(b"\r"))


def cas_streaming_scale() -> PtyDevice:
    moving = repeat(b"US,GS,+00.8301kg\r\n", 20)
    return streaming(chain(moving, repeat(b"ST,GS,+00.8124kg\r\n")), period=0.02)


def cas_polled_scale() -> PtyDevice:
    weighing = settling(cas_frames.block(b"U 00.830kg"), cas_frames.block(b"S 00.812kg"))
    handshakes = iter([b"\x15"])  # the first ENQ is answered NAK ("not ready"): the driver asks again

    def answer(request: bytes) -> bytes:
        if request == b"\x05":
            return next(handshakes, b"\x06")
        return weighing() if request == b"\x11" else b""

    return answering(answer, one_byte)


@dataclass(frozen=True)
class Case:
    protocol: str
    scale: Callable[[], PtyDevice]
    grams: Decimal
    unit: str
    options: dict[str, str] = field(default_factory=dict)


CASES = [
    Case("mt-sics", mt_sics_scale, Decimal("812.40"), "g", FAST),
    Case("toledo-8217", toledo_8217_scale, Decimal("811.93034230"), "lb", FAST),
    Case("scp-01", scp_01_scale, Decimal("811.9303423"), "lb", FAST),
    Case("cas", cas_streaming_scale, Decimal("812.4000"), "kg"),
    Case("cas", cas_polled_scale, Decimal("812.000"), "kg", {"mode": "enq", **FAST}),
]
IDS = ["mt-sics", "toledo-8217", "scp-01", "cas-continuous", "cas-enq"]
