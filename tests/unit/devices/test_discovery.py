"""Listing what is plugged in, with pyserial's and hidapi's look-ups replaced by fakes."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from receiving_app.devices.discovery import DeviceInfo, list_devices


@dataclass
class FakePort:
    """The attributes of pyserial's ListPortInfo that discovery reads."""

    device: str
    description: str
    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None


def test_serial_ports_and_only_weighing_hid_devices_are_listed() -> None:
    ports = [FakePort("/dev/ttyUSB0", "FT232R USB UART", 0x0403, 0x6001, "A10K"), FakePort("/dev/ttyS0", "n/a")]
    hid_devices = [
        {
            "path": b"/dev/hidraw2",
            "vendor_id": 0x0922,
            "product_id": 0x8003,
            "usage_page": 0x8D,
            "manufacturer_string": "DYMO",
            "product_string": "M10 10 Kg Digital Postal Scale",
            "serial_number": "",
        },
        {
            "path": b"/dev/hidraw0",
            "vendor_id": 0x046D,
            "product_id": 0xC52B,
            "usage_page": 0x01,
            "manufacturer_string": "Logitech",
            "product_string": "USB Receiver",
            "serial_number": "",
        },
    ]
    found = list_devices(comports=lambda: ports, enumerate_hid=lambda: hid_devices)
    assert found.devices == (
        DeviceInfo("serial", "/dev/ttyUSB0", "FT232R USB UART", 0x0403, 0x6001, "A10K"),
        DeviceInfo("serial", "/dev/ttyS0", "/dev/ttyS0"),
        DeviceInfo("hid-scale", "/dev/hidraw2", "DYMO M10 10 Kg Digital Postal Scale (0922:8003)", 0x0922, 0x8003),
    )
    assert found.notes == ()


def test_a_failing_hid_look_up_is_reported_not_hidden() -> None:
    def broken() -> list[dict]:
        raise OSError("hidapi could not initialise")

    found = list_devices(comports=lambda: [FakePort("/dev/ttyUSB0", "scale")], enumerate_hid=broken)
    assert [device.port for device in found.devices] == ["/dev/ttyUSB0"]
    assert found.notes == ("USB HID scales: unavailable (hidapi could not initialise)",)


def test_the_real_look_ups_run_on_this_machine() -> None:
    found = list_devices()
    assert all(device.kind in ("serial", "hid-scale") for device in found.devices)
    assert all("unavailable" in note for note in found.notes)


def test_without_hidapi_serial_ports_are_still_listed_and_the_gap_is_said(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "hid", None)  # makes "import hid" fail as if not installed
    found = list_devices(comports=lambda: [FakePort("/dev/ttyUSB0", "scale")])
    assert [device.port for device in found.devices] == ["/dev/ttyUSB0"]
    assert found.notes == ("USB HID scales: unavailable (the hidapi package is not installed)",)
