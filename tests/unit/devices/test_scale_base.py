"""Readings, read_stable, the protocol registry, and the scales without hardware."""

from __future__ import annotations

import re
import time
from decimal import Decimal

import pytest

from receiving_app.devices.scales import (
    PROTOCOLS,
    GarbledFrame,
    ManualScale,
    Scale,
    ScaleError,
    ScaleNotResponding,
    ScaleReading,
    ScaleStatus,
    SimulatedScale,
    open_scale,
    poll_reading,
    read_stable,
)
from receiving_app.devices.scales.cas import CasScale
from receiving_app.devices.scales.mt_sics import MtSicsScale
from receiving_app.devices.scales.toledo_8217 import Toledo8217Scale
from receiving_app.domain.errors import InputError


def reading(status: ScaleStatus, grams: str | None = None) -> ScaleReading:
    value = None if grams is None else Decimal(grams)
    return ScaleReading(grams=value, value=value, unit="g", status=status, raw=b"")


class ScriptedScale(Scale):
    """Answers with the given readings in turn (an exception is raised), then the last forever."""

    protocol = "scripted"
    port = "/dev/ttyUSB0"

    def __init__(self, *answers: ScaleReading | Exception) -> None:
        self.answers = list(answers)
        self.reads = 0

    def read(self, timeout: float) -> ScaleReading:
        self.reads += 1
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def zero(self) -> None:
        raise AssertionError("read_stable never zeroes")

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("candidate", "capturable"),
    [
        (reading(ScaleStatus.STABLE, "812.4"), True),
        (reading(ScaleStatus.STABLE, "0"), True),
        (reading(ScaleStatus.STABLE, "-0.1"), False),
        (reading(ScaleStatus.MOVING, "812.4"), False),
        (reading(ScaleStatus.UNDERLOAD, "-3"), False),
        (reading(ScaleStatus.OVERLOAD), False),
        (reading(ScaleStatus.STABLE), False),
        (reading(ScaleStatus.NOT_RESPONDING), False),
    ],
)
def test_only_stable_non_negative_weights_are_capturable(candidate, capturable) -> None:
    assert candidate.capturable is capturable


def test_read_stable_waits_out_motion_and_returns_the_stable_reading() -> None:
    scale = ScriptedScale(
        reading(ScaleStatus.MOVING, "830.0"),
        GarbledFrame("noise"),
        ScaleNotResponding("a dropped answer"),
        reading(ScaleStatus.STABLE, "812.4"),
    )
    result = read_stable(scale, timeout=2.0, poll_interval=0.001)
    assert result.grams == Decimal("812.4") and scale.reads == 4


def test_read_stable_gives_up_on_a_scale_that_keeps_moving() -> None:
    started = time.monotonic()
    with pytest.raises(ScaleError, match=re.escape("scale kept moving for 0.3 s")):
        read_stable(ScriptedScale(reading(ScaleStatus.MOVING, "830")), timeout=0.3, poll_interval=0.01)
    assert time.monotonic() - started < 1.0


def test_read_stable_passes_on_the_drivers_explanation_of_the_silence() -> None:
    silence = ScaleNotResponding("scale not responding on /dev/ttyUSB0: no answer (check the cable)")
    with pytest.raises(ScaleNotResponding, match=r"on /dev/ttyUSB0: no answer \(check the cable\)"):
        read_stable(ScriptedScale(silence), timeout=0.2, poll_interval=0.01)


def test_read_stable_without_time_to_ask_says_the_scale_did_not_respond() -> None:
    with pytest.raises(ScaleNotResponding, match="scale not responding on /dev/ttyUSB0"):
        read_stable(ScriptedScale(reading(ScaleStatus.STABLE, "1")), timeout=0, poll_interval=0.01)


def test_read_stable_reports_the_last_garbled_frame_when_nothing_else_came() -> None:
    with pytest.raises(GarbledFrame, match="noise"):
        read_stable(ScriptedScale(GarbledFrame("noise")), timeout=0.2, poll_interval=0.01)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (reading(ScaleStatus.OVERLOAD), "overload: remove the item"),
        (reading(ScaleStatus.UNDERLOAD, "-3"), "underload"),
        (reading(ScaleStatus.STABLE, "-4.5"), r"negative weight \(-4.5 g\): empty the scale and zero it"),
    ],
)
def test_read_stable_stops_at_once_when_the_clerk_must_act(answer, message) -> None:
    scale = ScriptedScale(answer)
    with pytest.raises(ScaleError, match=message):
        read_stable(scale, timeout=5.0, poll_interval=0.01)
    assert scale.reads == 1


def test_read_stable_lets_a_hard_scale_error_through_at_once() -> None:
    scale = ScriptedScale(ScaleError("the scale reports weights in 'ct'"))
    with pytest.raises(ScaleError, match="'ct'"):
        read_stable(scale, timeout=5.0, poll_interval=0.01)
    assert scale.reads == 1


def test_poll_reading_turns_silence_into_a_not_responding_reading() -> None:
    polled = poll_reading(ScriptedScale(ScaleNotResponding("silence")), timeout=0.1)
    assert polled.status is ScaleStatus.NOT_RESPONDING and polled.grams is None


def test_the_simulated_scale_swings_then_settles_on_its_weight() -> None:
    scale = SimulatedScale("812.4 g", settle_readings=3)
    swings = [scale.read(timeout=1.0) for _ in range(3)]
    assert [r.status for r in swings] == [ScaleStatus.MOVING] * 3
    assert [r.value for r in swings] == [Decimal("861.1"), Decimal("844.9"), Decimal("828.6")]
    settled = read_stable(scale, timeout=1.0, poll_interval=0)
    assert (settled.value, settled.unit, settled.grams) == (Decimal("812.4"), "g", Decimal("812.4"))


def test_the_simulated_scale_takes_new_items_and_can_be_zeroed() -> None:
    scale = SimulatedScale("812.4 g", settle_readings=0)
    scale.place("1.79 lb")
    assert scale.read(timeout=1.0).grams == Decimal("811.9303423")
    scale.zero()
    assert scale.read(timeout=1.0).value == 0


def test_a_typed_weight_is_a_stable_manual_reading_in_exact_grams() -> None:
    typed = read_stable(ManualScale("28.66oz"), timeout=1.0, poll_interval=0)
    assert typed.manual and typed.capturable
    assert (typed.value, typed.unit, typed.grams) == (Decimal("28.66"), "oz", Decimal("812.49733276250"))
    assert typed.raw == b"28.66oz"


@pytest.mark.parametrize("text", ["-5 g", "heavy", "12 stone", ""])
def test_a_typed_weight_that_is_not_a_weight_is_refused(text) -> None:
    with pytest.raises(InputError):
        ManualScale(text)


def test_the_registry_has_the_protocol_names_the_cli_uses() -> None:
    assert set(PROTOCOLS) == {"mt-sics", "toledo-8217", "scp-01", "cas", "hid-pos", "simulated"}


def test_open_scale_builds_the_driver_with_converted_options() -> None:
    scale = open_scale("toledo-8217", "/dev/ttyUSB0", baudrate="4800", parity="odd", default_unit="kg")
    assert isinstance(scale, Toledo8217Scale)
    assert (scale.protocol, scale.port, scale.default_unit) == ("toledo-8217", "/dev/ttyUSB0", "kg")
    assert isinstance(open_scale("mt-sics", "COM3"), MtSicsScale)
    assert open_scale("cas", "/dev/ttyS1", mode="enq").mode == "enq"
    simulated = open_scale("simulated", "", weight="1.5 kg", settle_readings=0)
    assert simulated.read(timeout=1.0).grams == Decimal("1500.0")


@pytest.mark.parametrize(
    ("protocol", "port", "options", "message"),
    [
        ("ohaus", "/dev/ttyUSB0", {}, "unknown scale protocol 'ohaus'; choose one of mt-sics"),
        ("mt-sics", "", {}, "needs a port"),
        ("mt-sics", "/dev/ttyUSB0", {"speed": 9600}, "has no option speed"),
        ("mt-sics", "/dev/ttyUSB0", {"baudrate": "fast"}, "baudrate must be a whole number"),
        ("mt-sics", "/dev/ttyUSB0", {"bytesize": 6}, "bytesize cannot be 6"),
        ("mt-sics", "/dev/ttyUSB0", {"parity": "mark"}, "parity must be none, even or odd"),
        ("mt-sics", "/dev/ttyUSB0", {"min_interval": "-1"}, "between 0 and 10 seconds"),
        ("toledo-8217", "/dev/ttyUSB0", {"default_unit": "stone"}, "set it to g, kg, oz or lb"),
        ("cas", "/dev/ttyUSB0", {"mode": "burst"}, "CAS mode"),
        ("simulated", "", {"weight": "heavy"}, "scale option weight"),
        ("hid-pos", "", {"baudrate": 9600}, r"its options: none"),
    ],
)
def test_open_scale_names_the_wrong_setting(protocol, port, options, message) -> None:
    with pytest.raises(ScaleError, match=message):
        open_scale(protocol, port, **options)


def test_opening_does_not_touch_the_port_until_the_first_read() -> None:
    scale = open_scale("cas", "/dev/this-port-does-not-exist")
    assert isinstance(scale, CasScale)
    with pytest.raises(ScaleNotResponding, match="scale not responding on /dev/this-port-does-not-exist: cannot open"):
        scale.read(timeout=0.1)
