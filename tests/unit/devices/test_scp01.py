"""SCP-01 (NCI) answers: LF, an optional weight line, the status bytes, CR ETX."""

from __future__ import annotations

from decimal import Decimal

import pytest

from receiving_app.devices.scales import GarbledFrame, ScaleError, ScaleStatus
from receiving_app.devices.scales.scp01 import parse_frame, parse_zero_response
from tests.support.scp01_answers import STABLE, answer


@pytest.mark.parametrize(
    ("weight", "value", "unit", "grams"),
    [
        (b"0001.79lb", "1.79", "lb", "811.9303423"),
        (b"000.812kg", "0.812", "kg", "812.000"),
        (b"  812.4g", "812.4", "g", "812.4"),
        (b"0028.66oz", "28.66", "oz", "812.49733276250"),
        (b"1LB 12.66OZ", "28.66", "oz", "812.49733276250"),  # pounds and ounces, reported in ounces
    ],
)
def test_weight_lines_with_every_unit_convert_to_exact_grams(weight, value, unit, grams) -> None:
    reading = parse_frame(answer(weight, *STABLE))
    assert (reading.status, reading.value, reading.unit, reading.grams) == (
        ScaleStatus.STABLE,
        Decimal(value),
        unit,
        Decimal(grams),
    )
    assert reading.capturable


def test_a_status_line_may_start_with_s_and_may_have_four_bytes() -> None:
    assert parse_frame(answer(b"0001.79lb", *STABLE, prefix=b"S")).capturable
    assert parse_frame(answer(b"0001.79lb", 0x00, 0x00, 0x00, 0x00)).capturable


def test_motion_keeps_the_swinging_value_but_cannot_be_captured() -> None:
    reading = parse_frame(answer(b"0001.83lb", 0x01, 0x00))
    assert reading.status is ScaleStatus.MOVING and reading.value == Decimal("1.83")
    assert not reading.capturable


@pytest.mark.parametrize(
    ("frame", "status"),
    [
        (answer(None, 0x00, 0x02), ScaleStatus.OVERLOAD),
        (answer(b"^^^^^^^^lb", 0x00, 0x02), ScaleStatus.OVERLOAD),
        (answer(None, 0x00, 0x01), ScaleStatus.UNDERLOAD),
        (answer(b"________lb", 0x00, 0x01), ScaleStatus.UNDERLOAD),
        (answer(None, 0x01, 0x00), ScaleStatus.MOVING),
    ],
)
def test_status_only_answers_name_the_reason(frame, status) -> None:
    reading = parse_frame(frame)
    assert reading.status is status and reading.value is None and not reading.capturable


def test_negative_weights_are_never_capturable() -> None:
    under = parse_frame(answer(b"-0000.12lb", 0x00, 0x01))
    assert under.status is ScaleStatus.UNDERLOAD and under.value == Decimal("-0.12")
    negative_net = parse_frame(answer(b"-0000.12lb", *STABLE))
    assert negative_net.status is ScaleStatus.STABLE and not negative_net.capturable


@pytest.mark.parametrize(
    ("status_bits", "message"),
    [
        ((0x04, 0x00), "RAM error"),
        ((0x08, 0x00), "EEPROM error"),
        ((0x00, 0x04), "ROM error"),
        ((0x00, 0x08), "calibration fault"),
        ((0x00, 0x00, 0x08), "initial zero error"),
    ],
)
def test_faults_the_scale_reports_are_explained(status_bits, message) -> None:
    with pytest.raises(ScaleError, match=message) as caught:
        parse_frame(answer(b"0001.79lb", *status_bits))
    assert not isinstance(caught.value, GarbledFrame)


def test_an_unrecognised_command_points_at_the_protocol_setting() -> None:
    with pytest.raises(ScaleError, match="NCI"):
        parse_frame(b"\n?\r\x03")


@pytest.mark.parametrize(
    "frame",
    [
        b"",
        b"0001.79lb\r\n00\r\x03",  # no LF first
        b"\n0001.79lb\r\n00\r",  # no ETX
        b"\n0001.79lb\r\n00\r\n00\r\n00\r\x03",  # too many lines
        b"\n0001.79lb\r\n0\r\x03",  # one status byte
        b"\n0001.79lb\r\nAA\r\x03",  # fixed bits missing
        b"\n0001.79lb\r\n0p\r\x03",  # says a byte follows, none does
        b"\n0001.79lb\r\n0ppp0\r\x03",  # five status bytes
        b"\nabcdefgh\r\n00\r\x03",
        b"\n1.2.3lb\r\n00\r\x03",
        b"\n00\r\x03",  # no weight, no reason
        b"\n0001.79\xfflb\r\n00\r\x03",
    ],
)
def test_malformed_answers_are_garbled_frames(frame) -> None:
    with pytest.raises(GarbledFrame):
        parse_frame(frame)


def test_zero_answers_with_the_status() -> None:
    assert parse_zero_response(answer(None, *STABLE)) is None
    with pytest.raises(ScaleError, match="still moving"):
        parse_zero_response(answer(None, 0x01, 0x00))
    with pytest.raises(ScaleError, match="outside the zero range"):
        parse_zero_response(answer(None, 0x00, 0x02))
    with pytest.raises(GarbledFrame):
        parse_zero_response(answer(b"0001.79lb", *STABLE))
