"""Each serial scale driver end to end through a real pseudo-terminal, against a simulated scale
that answers as its manual says: moving first, then stable; silent; unplugged mid-reading."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from itertools import chain, repeat

import pytest

from receiving_app.devices.scales import ScaleError, ScaleNotResponding, ScaleStatus, open_scale, read_stable
from tests.integration.devices.pty_devices import (
    PtyDevice,
    answering,
    one_byte,
    settling,
    silent,
    split_at,
    streaming,
)

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


def cas_block(data: bytes) -> bytes:
    return b"\x01\x02" + data + bytes([reduce(lambda a, b: a ^ b, data, 0)]) + b"\x03\x04"


def cas_polled_scale() -> PtyDevice:
    weighing = settling(cas_block(b"U 00.830kg"), cas_block(b"S 00.812kg"))
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


@pytest.fixture
def devices() -> Iterator[list[PtyDevice]]:
    started: list[PtyDevice] = []
    yield started
    for device in started:
        device.close()


def use(devices: list[PtyDevice], device: PtyDevice) -> PtyDevice:
    devices.append(device)
    return device


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_read_stable_waits_for_the_moving_weight_to_settle(case: Case, devices) -> None:
    device = use(devices, case.scale())
    with open_scale(case.protocol, device.path, **case.options) as scale:
        first = scale.read(timeout=2.0)
        assert first.status is ScaleStatus.MOVING and not first.capturable
        reading = read_stable(scale, timeout=3.0, poll_interval=0.01)
    assert reading.status is ScaleStatus.STABLE
    assert (reading.grams, reading.unit) == (case.grams, case.unit)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_silent_scale_is_reported_within_the_timeout(case: Case, devices) -> None:
    device = use(devices, silent())
    with open_scale(case.protocol, device.path, **case.options) as scale:
        started = time.monotonic()
        with pytest.raises(ScaleNotResponding, match=f"scale not responding on {device.path}"):
            read_stable(scale, timeout=0.5, poll_interval=0.01)
        assert 0.4 < time.monotonic() - started < 1.5


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_scale_unplugged_mid_reading_is_a_clear_error_not_a_hang(case: Case, devices) -> None:
    device = use(devices, silent())
    with open_scale(case.protocol, device.path, **case.options) as scale:
        threading.Timer(0.2, device.unplug).start()
        started = time.monotonic()
        with pytest.raises(ScaleNotResponding, match="scale not responding on .*(went away|cannot open)"):
            scale.read(timeout=5.0)
        assert time.monotonic() - started < 2.0


def test_zero_commands_reach_the_scale_and_are_acknowledged(devices) -> None:
    for protocol, make, command in [
        ("mt-sics", mt_sics_scale, b"Z"),
        ("toledo-8217", toledo_8217_scale, b"Z"),
        ("scp-01", scp_01_scale, b"Z"),
    ]:
        device = use(devices, make())
        with open_scale(protocol, device.path, **FAST) as scale:
            scale.zero()
        assert device.received == [command]


def test_the_8217_driver_keeps_to_the_scales_cadence(devices) -> None:
    device = use(devices, toledo_8217_scale())
    with open_scale("toledo-8217", device.path) as scale:
        started = time.monotonic()
        for _ in range(3):
            scale.read(timeout=2.0)
        # Three requests at the default 0.2 s spacing: at least two gaps.
        assert time.monotonic() - started >= 0.4


def test_the_driver_reconnects_when_the_scale_comes_back_on_the_same_name(devices, tmp_path) -> None:
    """Like /dev/serial/by-id: the link name stays, the device behind it is new."""
    link = tmp_path / "scale"
    first = use(devices, mt_sics_scale())
    link.symlink_to(first.path)
    with open_scale("mt-sics", str(link), **FAST) as scale:
        assert scale.read(timeout=2.0).status is ScaleStatus.MOVING
        first.unplug()
        with pytest.raises(ScaleNotResponding):
            scale.read(timeout=0.3)
        second = use(devices, mt_sics_scale())
        link.unlink()
        link.symlink_to(second.path)
        assert read_stable(scale, timeout=3.0, poll_interval=0.01).grams == Decimal("812.40")


def test_closing_the_scale_from_another_thread_ends_a_waiting_read_stable(devices) -> None:
    device = use(devices, silent())
    scale = open_scale("mt-sics", device.path, **FAST)
    threading.Timer(0.2, scale.close).start()
    started = time.monotonic()
    with pytest.raises(ScaleError, match="was closed"):
        read_stable(scale, timeout=5.0, poll_interval=0.01)
    assert time.monotonic() - started < 1.0


def test_a_second_program_cannot_take_the_port_the_station_is_using(devices) -> None:
    device = use(devices, mt_sics_scale())
    with open_scale("mt-sics", device.path, **FAST) as station:
        station.read(timeout=2.0)
        with open_scale("mt-sics", device.path, **FAST) as intruder:
            with pytest.raises(ScaleNotResponding, match="cannot open the port"):
                intruder.read(timeout=0.2)


def test_a_cas_indicator_that_answers_enq_with_its_weight_line_is_understood(devices) -> None:
    device = use(devices, answering(lambda request: b"ST,GS,+00.8124kg\r\n" if request == b"\x05" else b"", one_byte))
    with open_scale("cas", device.path, mode="enq", **FAST) as scale:
        assert scale.read(timeout=2.0).grams == Decimal("812.4000")
