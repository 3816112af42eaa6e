"""CAS frames: the streamed ST/US/OL lines (22- and 18-byte forms), the 10-byte data-only line, the DC1 weight
block and the ERR reply."""

from __future__ import annotations

from decimal import Decimal

import pytest

from receiving_app.devices.scales import GarbledFrame, ScaleError, ScaleStatus
from receiving_app.devices.scales.cas import CasScale, parse_frame
from tests.support.cas_frames import CAS_22, block


def test_the_22_byte_frame_has_exactly_the_manuals_length() -> None:
    assert len(CAS_22) == 22


@pytest.mark.parametrize(
    ("frame", "status", "value", "unit", "grams"),
    [
        (CAS_22, ScaleStatus.STABLE, "13.500", "kg", "13500.000"),
        (b"ST,GS,+0013.50kg\r\n", ScaleStatus.STABLE, "13.50", "kg", "13500.00"),
        (b"US,GS,+0013.62kg\r\n", ScaleStatus.MOVING, "13.62", "kg", "13620.00"),
        (b"ST,GS,+0001.79lb\r\n", ScaleStatus.STABLE, "1.79", "lb", "811.9303423"),
        (b"ST,NT,+0028.66oz\r\n", ScaleStatus.STABLE, "28.66", "oz", "812.49733276250"),
        (b"ST,GS,+00812.4 g\r\n", ScaleStatus.STABLE, "812.4", "g", "812.4"),
        (b"ST,NT,-0000.12kg\r\n", ScaleStatus.STABLE, "-0.12", "kg", "-120.00"),
        (block(b"S 01.234kg"), ScaleStatus.STABLE, "1.234", "kg", "1234.000"),
        (block(b"U 01.250kg"), ScaleStatus.MOVING, "1.250", "kg", "1250.000"),
        (block(b"S-00.012kg"), ScaleStatus.STABLE, "-0.012", "kg", "-12.000"),
        (block(b"S 001.79LB"), ScaleStatus.STABLE, "1.79", "lb", "811.9303423"),
    ],
)
def test_frames_give_the_reported_weight_and_exact_grams(frame, status, value, unit, grams) -> None:
    reading = parse_frame(frame)
    assert (reading.status, reading.value, reading.unit, reading.grams) == (
        status,
        Decimal(value),
        unit,
        Decimal(grams),
    )
    assert reading.capturable == (status is ScaleStatus.STABLE and Decimal(grams) >= 0)


def test_overload_and_underload_share_a_header_and_differ_by_sign() -> None:
    assert parse_frame(b"OL,GS,+99999.9kg\r\n").status is ScaleStatus.OVERLOAD
    assert parse_frame(b"OL,GS,--------kg\r\n").status is ScaleStatus.UNDERLOAD
    assert parse_frame(b"OL,GS,  OVER  kg\r\n").value is None


def test_tonnes_are_a_setting_to_change() -> None:
    with pytest.raises(ScaleError, match="set it to g, kg, oz or lb") as caught:
        parse_frame(b"ST,GS,+001.250 t\r\n")
    assert not isinstance(caught.value, GarbledFrame)


@pytest.mark.parametrize(
    "frame",
    [
        b"",
        b"ST,GS,+0013.50kg",  # no CR LF
        b"XX,GS,+0013.50kg\r\n",
        b"ST,TR,+0013.50kg\r\n",
        b"ST;GS,+0013.50kg\r\n",
        b"ST,GS,+00ab.50kg\r\n",
        b"ST,GS,+0013.50\r\n",
        b"ST,GS,+00\xb3.50kg\r\n",
        block(b"S 01.234kg")[:-1],  # EOT missing
        block(b"S 01.234kg").replace(b"01.234", b"01.235"),  # check byte no longer matches
        block(b"X 01.234kg"),
        block(b"S+01.234kg"),
        block(b"S 0a.234kg"),
    ],
)
def test_malformed_frames_are_garbled(frame) -> None:
    with pytest.raises(GarbledFrame):
        parse_frame(frame)


# The CI-600D manual's example, 13.5 kg sent as the eight bytes "000013.5", then CR LF.
MANUAL_DATA_ONLY = b"000013.5\r\n"


def test_the_data_only_frame_has_exactly_the_manuals_length() -> None:
    assert len(MANUAL_DATA_ONLY) == 10


@pytest.mark.parametrize(
    ("frame", "unit", "value", "grams"),
    [
        (MANUAL_DATA_ONLY, "kg", "13.5", "13500.0"),
        (b"0000.812\r\n", "kg", "0.812", "812.000"),
        (b"+0013.50\r\n", "kg", "13.50", "13500.00"),
        (b"-0000.12\r\n", "kg", "-0.12", "-120.00"),
        (b" 00000.0\r\n", "kg", "0.0", "0.0"),
        (b"00000000\r\n", "kg", "0", "0"),
        (b"000812.4\r\n", "g", "812.4", "812.4"),
        (b"00001.79\r\n", "lb", "1.79", "811.9303423"),
    ],
)
def test_data_only_frames_give_the_weight_in_the_unit_the_scale_is_set_to(frame, unit, value, grams) -> None:
    reading = parse_frame(frame, default_unit=unit)
    assert (reading.value, reading.unit, reading.grams) == (Decimal(value), unit, Decimal(grams))


def test_a_data_only_frame_without_a_unit_setting_is_in_kilograms() -> None:
    assert (parse_frame(MANUAL_DATA_ONLY).unit, parse_frame(MANUAL_DATA_ONLY).grams) == ("kg", Decimal("13500.0"))


def test_a_data_only_weight_is_shown_but_never_captured_as_settled() -> None:
    """The format has no stable flag, and only a weight the scale called stable may decide."""
    reading = parse_frame(MANUAL_DATA_ONLY)
    assert reading.status is ScaleStatus.MOVING
    assert not reading.capturable


@pytest.mark.parametrize(
    "frame",
    [
        b"00013.5\r\n",  # seven bytes of weight
        b"0000013.5\r\n",  # nine
        b"000013.5\n\r",
        b"000013.5\r\r",
        b"0000 a.5\r\n",
        b"--0013.5\r\n",
        b"0013.5.0\r\n",
        b"        \r\n",
        b"+       \r\n",
        b"0000\xb3.5\r\n",
    ],
)
def test_malformed_data_only_frames_are_garbled(frame) -> None:
    with pytest.raises(GarbledFrame):
        parse_frame(frame)


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        (b"ERR  03\r\n", "03"),
        (b"ERR0003\r\n", "0003"),
        (b"ERR 12\r\n", "12"),
        (b"ERR A7 \r\n", "A7"),
    ],
)
def test_an_error_reply_tells_the_clerk_the_code_and_where_to_look_it_up(frame, code) -> None:
    with pytest.raises(ScaleError) as caught:
        parse_frame(frame)
    assert not isinstance(caught.value, GarbledFrame), "an error reply must not be waited out as line noise"
    assert str(caught.value) == (
        f"the scale reports error {code}: look the code up in the error list of the scale's manual, "
        "or call a supervisor"
    )


@pytest.mark.parametrize(
    "frame",
    [
        b"ERR\r\n",
        b"ERR    \r\n",
        b"ERR 0 3\r\n",
        b"ERR12345\r\n",
        b"ERR 03",
        b"ERR 03\n",
        b"ERR-03\r\n",
        b"ERR\xb303\r\n",
    ],
)
def test_malformed_error_replies_are_garbled(frame) -> None:
    with pytest.raises(GarbledFrame):
        parse_frame(frame)


def test_a_unit_the_station_cannot_convert_is_refused_when_the_scale_is_opened() -> None:
    with pytest.raises(ScaleError, match="set it to g, kg, oz or lb"):
        CasScale("/dev/ttyUSB0", default_unit="t")


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ScaleError, match="continuous, enq"):
        CasScale("/dev/ttyUSB0", mode="burst")


def test_the_cas_protocol_has_no_zero_command() -> None:
    with pytest.raises(ScaleError, match="press its ZERO key"):
        CasScale("/dev/ttyUSB0").zero()
