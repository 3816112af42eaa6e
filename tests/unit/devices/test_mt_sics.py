"""MT-SICS answers as the Mettler Toledo reference manual prints them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from receiving_app.devices.scales import GarbledFrame, ScaleError, ScaleStatus
from receiving_app.devices.scales.mt_sics import parse_tare_response, parse_weight_response, parse_zero_response


@pytest.mark.parametrize(
    ("frame", "status", "value", "unit", "grams"),
    [
        (b"S S     100.00 g\r\n", ScaleStatus.STABLE, "100.00", "g", "100.00"),
        (b"S D      99.98 g\r\n", ScaleStatus.MOVING, "99.98", "g", "99.98"),
        (b"S S     0.8124 kg\r\n", ScaleStatus.STABLE, "0.8124", "kg", "812.4000"),
        (b"S S       1.79 lb\r\n", ScaleStatus.STABLE, "1.79", "lb", "811.9303423"),
        (b"S S      28.66 oz\r\n", ScaleStatus.STABLE, "28.66", "oz", "812.49733276250"),
        (b"S S     -12.34 g\r\n", ScaleStatus.STABLE, "-12.34", "g", "-12.34"),
    ],
)
def test_weight_answers_keep_the_reported_value_and_exact_grams(frame, status, value, unit, grams) -> None:
    reading = parse_weight_response(frame)
    assert (reading.status, reading.value, reading.unit) == (status, Decimal(value), unit)
    assert reading.grams == Decimal(grams)
    assert reading.raw == frame


def test_only_a_stable_non_negative_weight_can_be_captured() -> None:
    assert parse_weight_response(b"S S     100.00 g\r\n").capturable
    assert not parse_weight_response(b"S D      99.98 g\r\n").capturable
    assert not parse_weight_response(b"S S     -12.34 g\r\n").capturable


@pytest.mark.parametrize(
    ("frame", "status"),
    [(b"S I\r\n", ScaleStatus.MOVING), (b"S +\r\n", ScaleStatus.OVERLOAD), (b"S -\r\n", ScaleStatus.UNDERLOAD)],
)
def test_answers_without_a_weight_say_why(frame, status) -> None:
    reading = parse_weight_response(frame)
    assert reading.status is status
    assert reading.grams is None and not reading.capturable


def test_a_unit_the_station_cannot_convert_is_a_setting_to_change() -> None:
    with pytest.raises(ScaleError, match="set it to g, kg, oz or lb") as caught:
        parse_weight_response(b"S S     500.00 ct\r\n")
    assert not isinstance(caught.value, GarbledFrame)


def test_general_errors_are_explained() -> None:
    with pytest.raises(ScaleError, match="is it set to MT-SICS"):
        parse_weight_response(b"ES\r\n")
    with pytest.raises(GarbledFrame, match="transmission error"):
        parse_weight_response(b"ET\r\n")
    with pytest.raises(ScaleError, match="logical error"):
        parse_weight_response(b"EL\r\n")


@pytest.mark.parametrize(
    "frame",
    [
        b"",
        b"S S     100.00 g",  # no CR LF: cut off
        b"S S     100.00\r\n",  # no unit
        b"S S     abc.de g\r\n",
        b"S S     1E+5 g\r\n",
        b"S S     NaN g\r\n",
        b"S S     1.2.3 g\r\n",
        b"S X     100.00 g\r\n",
        b"Z A\r\n",  # an answer to another command
        b"S S \xff100.00 g\r\n",
        b"S S\t100.00 g\r\n",
        b"S S     100.00 g extra\r\n",
    ],
)
def test_malformed_answers_are_garbled_frames(frame) -> None:
    with pytest.raises(GarbledFrame):
        parse_weight_response(frame)


def test_zero_is_acknowledged_or_refused_with_the_reason() -> None:
    assert parse_zero_response(b"Z A\r\n") is None
    with pytest.raises(ScaleError, match="still moving"):
        parse_zero_response(b"Z I\r\n")
    with pytest.raises(ScaleError, match="empty the scale"):
        parse_zero_response(b"Z +\r\n")
    with pytest.raises(ScaleError, match="below the zero range"):
        parse_zero_response(b"Z -\r\n")
    with pytest.raises(GarbledFrame):
        parse_zero_response(b"Z Q\r\n")


def test_tare_returns_the_tare_weight_or_the_reason() -> None:
    tare = parse_tare_response(b"T S      35.20 g\r\n")
    assert (tare.value, tare.grams) == (Decimal("35.20"), Decimal("35.20"))
    with pytest.raises(ScaleError, match="could not tare"):
        parse_tare_response(b"T I\r\n")
    with pytest.raises(ScaleError, match="over the tare range"):
        parse_tare_response(b"T +\r\n")
