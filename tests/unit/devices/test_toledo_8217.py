"""Toledo 8217 records as the demand-mode tables describe them: STX, weight or "?" + status, CR."""

from __future__ import annotations

from decimal import Decimal

import pytest

from receiving_app.devices.scales import GarbledFrame, ScaleError, ScaleStatus
from receiving_app.devices.scales.toledo_8217 import Toledo8217Scale, parse_frame, parse_zero_response
from tests.support.toledo_8217_records import status_record


@pytest.mark.parametrize(
    ("frame", "default_unit", "value", "unit", "grams"),
    [
        (b"\x0201.790\r", "lb", "1.790", "lb", "811.93034230"),
        (b"\x0201.790\r", "kg", "1.790", "kg", "1790.000"),
        (b"\x02  0.812kg\r", "lb", "0.812", "kg", "812.000"),
        (b"\x0228.66oz\r", "lb", "28.66", "oz", "812.49733276250"),
        (b"\x020812.4g\r", "lb", "812.4", "g", "812.4"),
        (b"\x0201.79LB\r", "kg", "1.79", "lb", "811.9303423"),
    ],
)
def test_weight_records_are_stable_weights_in_the_named_or_configured_unit(
    frame, default_unit, value, unit, grams
) -> None:
    reading = parse_frame(frame, default_unit=default_unit)
    assert (reading.status, reading.value, reading.unit, reading.grams) == (
        ScaleStatus.STABLE,
        Decimal(value),
        unit,
        Decimal(grams),
    )
    assert reading.capturable


def test_a_negative_weight_record_is_shown_but_never_capturable() -> None:
    reading = parse_frame(b"\x02-00.120\r")
    assert reading.value == Decimal("-0.120") and not reading.capturable


@pytest.mark.parametrize(
    ("frame", "status"),
    [
        (status_record(0x01), ScaleStatus.MOVING),
        (b"\x02?\xe1\r", ScaleStatus.MOVING),  # the same with its parity bit set
        (status_record(0x02), ScaleStatus.OVERLOAD),
        (status_record(0x03), ScaleStatus.OVERLOAD),  # over capacity wins over motion
        (status_record(0x04), ScaleStatus.UNDERLOAD),
        (status_record(0x05), ScaleStatus.UNDERLOAD),
    ],
)
def test_status_records_name_the_reason_there_is_no_weight(frame, status) -> None:
    reading = parse_frame(frame)
    assert reading.status is status and reading.value is None and not reading.capturable


def test_an_initial_zero_error_asks_the_clerk_to_restart_the_scale() -> None:
    with pytest.raises(ScaleError, match="initial zero error") as caught:
        parse_frame(status_record(0x08))
    assert not isinstance(caught.value, GarbledFrame)


@pytest.mark.parametrize(
    "frame",
    [
        b"",
        b"01.790\r",  # no STX
        b"\x0201.790",  # no CR
        b"\x02\r",
        b"\x02abc\r",
        b"\x021.2.3\r",
        b"\x02?\r",  # no status byte
        b"\x02?\x01\r",  # fixed bits missing
        b"\x02?\x61\x61\r",
        status_record(0x10),  # centre of zero only: no reason to withhold a weight
        b"\x0201.7\xff0\r",
    ],
)
def test_malformed_records_are_garbled_frames(frame) -> None:
    with pytest.raises(GarbledFrame):
        parse_frame(frame)


def test_a_weight_in_an_unconvertible_unit_is_refused() -> None:
    with pytest.raises(ScaleError, match="set it to g, kg, oz or lb"):
        parse_frame(b"\x0212.5ct\r")


def test_a_wrong_default_unit_is_refused_when_the_scale_is_opened() -> None:
    with pytest.raises(ScaleError, match="set it to g, kg, oz or lb"):
        Toledo8217Scale("/dev/ttyUSB0", default_unit="stone")


def test_zero_answers_with_a_status_record() -> None:
    assert parse_zero_response(status_record(0x10)) is None
    with pytest.raises(ScaleError, match="still moving"):
        parse_zero_response(status_record(0x01))
    with pytest.raises(ScaleError, match="outside the zero range"):
        parse_zero_response(status_record(0x02))
    with pytest.raises(GarbledFrame):
        parse_zero_response(b"\x0201.790\r")
