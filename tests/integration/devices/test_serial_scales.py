"""Each serial scale driver end to end through a real pseudo-terminal, against a simulated scale
that answers as its manual says: moving first, then stable; silent; unplugged mid-reading."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from itertools import repeat

import pytest

from receiving_app.devices.scales import ScaleError, ScaleNotResponding, ScaleStatus, open_scale, read_stable
from tests.support.pty_devices import PtyDevice, answering, one_byte, silent, streaming
from tests.support.simulated_scales import (
    CASES,
    FAST,
    IDS,
    Case,
    mt_sics_scale,
    scp_01_scale,
    toledo_8217_scale,
)


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
        with pytest.raises(ScaleNotResponding, match=r"scale not responding on .*(went away|cannot open)"):
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
        with (
            open_scale("mt-sics", device.path, **FAST) as intruder,
            pytest.raises(ScaleNotResponding, match="cannot open the port"),
        ):
            intruder.read(timeout=0.2)


def test_a_cas_indicator_that_answers_enq_with_its_weight_line_is_understood(devices) -> None:
    device = use(devices, answering(lambda request: b"ST,GS,+00.8124kg\r\n" if request == b"\x05" else b"", one_byte))
    with open_scale("cas", device.path, mode="enq", **FAST) as scale:
        assert scale.read(timeout=2.0).grams == Decimal("812.4000")


def test_a_cas_indicator_streaming_data_only_lines_shows_its_weight_but_never_settles(devices) -> None:
    """The 10-byte format names no unit (kg unless set) and has no stable flag."""
    device = use(devices, streaming(repeat(b"0000.812\r\n"), period=0.02))
    with open_scale("cas", device.path) as scale:
        reading = scale.read(timeout=2.0)
    assert (reading.grams, reading.unit, reading.status) == (Decimal("812.000"), "kg", ScaleStatus.MOVING)
    assert not reading.capturable


def test_a_streaming_cas_indicator_in_error_is_reported_with_its_code(devices) -> None:
    device = use(devices, streaming(repeat(b"ERR  03\r\n"), period=0.02))
    with open_scale("cas", device.path) as scale, pytest.raises(ScaleError, match="reports error 03") as caught:
        read_stable(scale, timeout=3.0, poll_interval=0.01)
    assert not isinstance(caught.value, ScaleNotResponding)


def test_a_polled_cas_indicator_answering_dc1_with_an_error_is_reported_with_its_code(devices) -> None:
    replies = {b"\x05": b"\x06", b"\x11": b"ERR  03\r\n"}
    device = use(devices, answering(lambda request: replies.get(request, b""), one_byte))
    with (
        open_scale("cas", device.path, mode="enq", **FAST) as scale,
        pytest.raises(ScaleError, match="reports error 03") as caught,
    ):
        read_stable(scale, timeout=3.0, poll_interval=0.01)
    assert not isinstance(caught.value, ScaleNotResponding)
    assert device.received == [b"\x05", b"\x11"]
