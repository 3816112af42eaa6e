"""HID POS scale data reports (usage page 0x8D) and the driver's handling of a real device's habits."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest

from receiving_app.devices.scales import GarbledFrame, ScaleError, ScaleNotResponding, ScaleStatus
from receiving_app.devices.scales.hid_pos import HidPosScale, open_hid_device, parse_report
from tests.support.hid_pos_reports import GRAM, KILOGRAM, OUNCE, POUND, report


@pytest.mark.parametrize(
    ("data", "status", "value", "unit", "grams"),
    [
        (report(4, OUNCE, -1, 272), ScaleStatus.STABLE, "27.2", "oz", "771.1070290000"),  # Dymo in ounces
        (report(4, GRAM, 0, 812), ScaleStatus.STABLE, "812", "g", "812"),
        (report(4, KILOGRAM, -3, 812), ScaleStatus.STABLE, "0.812", "kg", "812.000"),
        (report(4, POUND, -2, 179), ScaleStatus.STABLE, "1.79", "lb", "811.9303423"),
        (report(2, GRAM, 0, 0), ScaleStatus.STABLE, "0", "g", "0"),
        (report(3, GRAM, 0, 830), ScaleStatus.MOVING, "830", "g", "830"),
        (report(5, GRAM, 0, 10), ScaleStatus.UNDERLOAD, "-10", "g", "-10"),
        (report(4, GRAM, 1, 6000), ScaleStatus.STABLE, "6.000E+4", "g", "60000"),
    ],
)
def test_reports_give_the_displayed_weight_and_exact_grams(data, status, value, unit, grams) -> None:
    reading = parse_report(data)
    assert (reading.status, reading.value, reading.unit, reading.grams) == (
        status,
        Decimal(value),
        unit,
        Decimal(grams),
    )
    assert reading.raw == bytes(data)


def test_stable_at_zero_can_be_captured_but_under_zero_cannot() -> None:
    assert parse_report(report(2, GRAM, 0, 0)).capturable
    assert not parse_report(report(5, GRAM, 0, 10)).capturable
    assert not parse_report(report(3, GRAM, 0, 830)).capturable


def test_overweight_has_no_value() -> None:
    reading = parse_report(report(6, GRAM, 0, 0xFFFF))
    assert reading.status is ScaleStatus.OVERLOAD and reading.value is None


def test_bytes_are_accepted_as_well_as_lists() -> None:
    assert parse_report(bytes(report(4, GRAM, 0, 812))).value == Decimal(812)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (report(1, GRAM, 0, 0), "fault"),
        (report(7, GRAM, 0, 0), "calibration"),
        (report(8, GRAM, 0, 0), "re-zeroing"),
        (report(4, 10, 0, 100), "troy ounces"),
        (report(4, 1, 0, 100), "milligrams"),
        (report(4, 40, 0, 100), "unit code 40"),
    ],
)
def test_faults_and_unconvertible_units_are_explained(data, message) -> None:
    with pytest.raises(ScaleError, match=message) as caught:
        parse_report(data)
    assert not isinstance(caught.value, GarbledFrame)


@pytest.mark.parametrize(
    "data",
    [
        [],
        report(4, GRAM, 0, 812)[:5],
        [*report(4, GRAM, 0, 812), 0],
        [4, 4, GRAM, 0, 0x2C, 0x03],  # a status report, not a data report
        report(0, GRAM, 0, 812),
        report(9, GRAM, 0, 812),
        report(4, GRAM, 127, 812),
        report(4, GRAM, -128, 812),
        [3, 4, 2, 0, 300, 0],
        "not a report",
    ],
)
def test_malformed_reports_are_garbled(data) -> None:
    with pytest.raises(GarbledFrame):
        parse_report(data)


class FakeHidDevice:
    """Plays back reports; ``None`` in the script means the device was unplugged."""

    def __init__(self, script: list[list[int] | None]) -> None:
        self.script = script
        self.closed = False

    def read(self, max_length: int, timeout_ms: int) -> list[int]:
        assert max_length == 6 and timeout_ms > 0
        if not self.script:
            return []  # hidapi's answer to a timeout
        data = self.script.pop(0)
        if data is None:
            raise OSError("read error")
        return data

    def close(self) -> None:
        self.closed = True


def test_the_driver_throws_away_the_stale_report_waiting_at_open() -> None:
    stale, current = report(4, GRAM, 0, 500), report(4, GRAM, 0, 812)
    device = FakeHidDevice([stale, current])
    scale = HidPosScale("0922:8003", open_device=lambda port: device)
    assert scale.read(timeout=1.0).value == Decimal(812)


def test_an_unplugged_scale_is_reported_and_opened_again_on_the_next_read() -> None:
    first = FakeHidDevice([report(4, GRAM, 0, 1), None])
    second = FakeHidDevice([report(4, GRAM, 0, 1), report(4, GRAM, 0, 812)])
    devices = [first, second]
    scale = HidPosScale("0922:8003", open_device=lambda port: devices.pop(0))
    with pytest.raises(ScaleNotResponding, match="went away"):
        scale.read(timeout=1.0)
    assert first.closed
    assert scale.read(timeout=1.0).value == Decimal(812)


def test_a_silent_scale_is_not_responding() -> None:
    scale = HidPosScale("", open_device=lambda port: FakeHidDevice([report(4, GRAM, 0, 1)]))
    with pytest.raises(ScaleNotResponding, match="no report in time"):
        scale.read(timeout=0.1)


def test_hid_scales_are_zeroed_with_their_own_key() -> None:
    with pytest.raises(ScaleError, match="ZERO key"):
        HidPosScale("").zero()


class FakeHidapi:
    """Stands in for the ``hid`` module: records what the driver opened."""

    def __init__(self, devices: list[dict]) -> None:
        self.devices = devices
        self.opened: list[object] = []

    def enumerate(self) -> list[dict]:
        return self.devices

    def device(self) -> FakeHidapi:
        return self

    def open(self, vendor_id: int, product_id: int) -> None:
        self.opened.append((vendor_id, product_id))

    def open_path(self, path: bytes) -> None:
        if path == b"/dev/gone":
            raise OSError("open failed")
        self.opened.append(path)


def test_a_scale_is_opened_by_vid_pid_by_path_or_as_the_first_weighing_device(monkeypatch) -> None:
    hidapi = FakeHidapi([{"path": b"/dev/hidraw0", "usage_page": 0x01}, {"path": b"/dev/hidraw3", "usage_page": 0x8D}])
    monkeypatch.setitem(sys.modules, "hid", hidapi)
    open_hid_device("0922:8003")
    open_hid_device("/dev/hidraw5")
    open_hid_device("")
    assert hidapi.opened == [(0x0922, 0x8003), b"/dev/hidraw5", b"/dev/hidraw3"]


def test_opening_problems_are_explained(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "hid", FakeHidapi([{"path": b"/dev/hidraw0", "usage_page": 0x01}]))
    with pytest.raises(ScaleError, match="VID:PID in hex"):
        open_hid_device("0922:80zz")
    with pytest.raises(ScaleNotResponding, match="no HID scale"):
        open_hid_device("")
    with pytest.raises(ScaleNotResponding, match="cannot open it"):
        open_hid_device("/dev/gone")


def test_without_hidapi_the_driver_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "hid", None)
    with pytest.raises(ScaleError, match="'hidapi' package"):
        HidPosScale("").read(timeout=0.1)
