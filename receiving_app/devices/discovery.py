"""Which scales and scanners are plugged in: serial ports and USB HID point-of-sale scales.

Serial ports come from pyserial's ``serial.tools.list_ports``; HID scales from hidapi's
``hid.enumerate``, keeping devices on usage page 0x8D ("Weighing Devices", USB HID Point of
Sale Usage Tables 1.02). Without hidapi the serial ports are still listed and the result says
that HID scales could not be looked for, rather than pretending there are none.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from serial.tools import list_ports

from receiving_app.devices.scales.hid_pos import USAGE_PAGE_WEIGHING


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """One device; ``port`` is what to give ``open_scale``."""

    kind: str  # "serial" or "hid-scale"
    port: str
    description: str
    vendor_id: int | None = None
    product_id: int | None = None
    serial_number: str | None = None


@dataclass(frozen=True, slots=True)
class Discovery:
    devices: tuple[DeviceInfo, ...]
    notes: tuple[str, ...]  # what could not be looked for, and why


def _serial_ports(comports: Callable[[], Iterable[Any]]) -> list[DeviceInfo]:
    return [
        DeviceInfo(
            kind="serial",
            port=port.device,
            description=port.description if port.description and port.description != "n/a" else port.device,
            vendor_id=port.vid,
            product_id=port.pid,
            serial_number=port.serial_number,
        )
        for port in comports()
    ]


def _hid_enumerate() -> Callable[[], list[dict[str, Any]]] | None:
    try:
        return importlib.import_module("hid").enumerate
    except ImportError:
        return None


def _hid_scales(enumerate_hid: Callable[[], list[dict[str, Any]]]) -> list[DeviceInfo]:
    scales = []
    for info in enumerate_hid():
        if info.get("usage_page") != USAGE_PAGE_WEIGHING:
            continue
        vendor, product = info.get("vendor_id"), info.get("product_id")
        names = [info.get("manufacturer_string"), info.get("product_string")]
        label = " ".join(name for name in names if name) or "USB scale"
        scales.append(
            DeviceInfo(
                kind="hid-scale",
                port=bytes(info["path"]).decode("utf-8", "surrogateescape"),
                description=label if vendor is None or product is None else f"{label} ({vendor:04x}:{product:04x})",
                vendor_id=vendor,
                product_id=product,
                serial_number=info.get("serial_number") or None,
            )
        )
    return scales


def list_devices(
    *,
    comports: Callable[[], Iterable[Any]] = list_ports.comports,
    enumerate_hid: Callable[[], list[dict[str, Any]]] | None = None,
) -> Discovery:
    """Every serial port and HID scale now present; the keyword arguments replace the system
    look-ups in tests."""
    devices = _serial_ports(comports)
    notes: list[str] = []
    enumerate_hid = enumerate_hid or _hid_enumerate()
    if enumerate_hid is None:
        notes.append("USB HID scales: unavailable (the hidapi package is not installed)")
    else:
        try:
            devices.extend(_hid_scales(enumerate_hid))
        except OSError as error:
            notes.append(f"USB HID scales: unavailable ({error})")
    return Discovery(tuple(devices), tuple(notes))
