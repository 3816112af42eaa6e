"""The scale protocols a station can be set to, by the names the settings and the CLI use.

Options arrive as text from a settings file or ``--option`` flags as often as typed values,
so each one is checked and converted here, and a wrong one is named in the error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import serial

from receiving_app.devices.scales.base import Scale, ScaleError
from receiving_app.devices.scales.cas import CasScale
from receiving_app.devices.scales.hid_pos import HidPosScale
from receiving_app.devices.scales.mt_sics import MtSicsScale
from receiving_app.devices.scales.scp01 import Scp01Scale
from receiving_app.devices.scales.serial_link import SerialSettings
from receiving_app.devices.scales.serial_scale import SerialScale
from receiving_app.devices.scales.simulated import SimulatedScale
from receiving_app.devices.scales.toledo_8217 import Toledo8217Scale
from receiving_app.domain.errors import InputError

SERIAL_OPTIONS = ("baudrate", "bytesize", "parity", "stopbits", "min_interval")


@dataclass(frozen=True, slots=True)
class Driver:
    """One protocol: what it is for the clerk choosing it, which options it takes, how to open it."""

    description: str
    options: tuple[str, ...]
    open: Callable[[str, Mapping[str, object]], Scale]
    needs_port: bool = True


def _whole_number(name: str, value: object, allowed: Callable[[int], bool]) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ScaleError(f"scale option {name} must be a whole number, not {value!r}") from None
    if not allowed(number):
        raise ScaleError(f"scale option {name} cannot be {number}")
    return number


def _seconds(name: str, value: object) -> float:
    try:
        seconds = float(str(value).strip())
    except ValueError:
        raise ScaleError(f"scale option {name} must be a number of seconds, not {value!r}") from None
    if not 0 <= seconds <= 10:
        raise ScaleError(f"scale option {name} must be between 0 and 10 seconds, not {value!r}")
    return seconds


_PARITIES = {
    "n": serial.PARITY_NONE,
    "none": serial.PARITY_NONE,
    "e": serial.PARITY_EVEN,
    "even": serial.PARITY_EVEN,
    "o": serial.PARITY_ODD,
    "odd": serial.PARITY_ODD,
}


def _parity(value: object) -> str:
    parity = _PARITIES.get(str(value).strip().lower())
    if parity is None:
        raise ScaleError(f"scale option parity must be none, even or odd, not {value!r}")
    return parity


def _serial_options(driver: type[SerialScale], options: Mapping[str, object]) -> dict[str, object]:
    """The line settings (the protocol's factory defaults unless overridden) and the cadence."""
    default = driver.default_settings
    settings = SerialSettings(
        baudrate=_whole_number("baudrate", options.get("baudrate", default.baudrate), lambda n: 50 <= n <= 921_600),
        bytesize=_whole_number("bytesize", options.get("bytesize", default.bytesize), lambda n: n in (7, 8)),
        parity=_parity(options.get("parity", default.parity)),
        stopbits=_whole_number("stopbits", options.get("stopbits", default.stopbits), lambda n: n in (1, 2)),
    )
    converted: dict[str, object] = {"settings": settings}
    if "min_interval" in options:
        converted["min_interval"] = _seconds("min_interval", options["min_interval"])
    return converted


def _open_serial(driver: type[SerialScale]) -> Callable[[str, Mapping[str, object]], Scale]:
    def open_driver(port: str, options: Mapping[str, object]) -> Scale:
        # The protocol's own options (default_unit, mode) are words; their drivers check them.
        words = {name: str(value).strip() for name, value in options.items() if name not in SERIAL_OPTIONS}
        return driver(port, **_serial_options(driver, options), **words)  # type: ignore[arg-type]

    return open_driver


def _open_simulated(port: str, options: Mapping[str, object]) -> Scale:
    settle = _whole_number("settle_readings", options.get("settle_readings", 3), lambda n: 0 <= n <= 100)
    try:
        return SimulatedScale(str(options.get("weight", "812.4 g")), settle_readings=settle, port=port or "simulated")
    except InputError as error:
        raise ScaleError(f"scale option weight: {error}") from None


PROTOCOLS: Mapping[str, Driver] = MappingProxyType(
    {
        "mt-sics": Driver("Mettler Toledo MT-SICS (RS-232 / USB)", SERIAL_OPTIONS, _open_serial(MtSicsScale)),
        "toledo-8217": Driver(
            "Toledo 8217 / 8213 demand mode", (*SERIAL_OPTIONS, "default_unit"), _open_serial(Toledo8217Scale)
        ),
        "scp-01": Driver("NCI / Weigh-Tronix / Brecknell SCP-01", SERIAL_OPTIONS, _open_serial(Scp01Scale)),
        "cas": Driver(
            "CAS streamed, data-only or ENQ-polled frames",
            (*SERIAL_OPTIONS, "mode", "default_unit"),
            _open_serial(CasScale),
        ),
        "hid-pos": Driver(
            "USB HID point-of-sale scale (Dymo, Stamps.com); port: a HID path, VID:PID, or empty for the first",
            (),
            lambda port, options: HidPosScale(port),
            needs_port=False,
        ),
        "simulated": Driver(
            "demo scale that settles on a given weight",
            ("weight", "settle_readings"),
            _open_simulated,
            needs_port=False,
        ),
    }
)


def open_scale(protocol: str, port: str, **options: object) -> Scale:
    """The scale for a protocol name and port, e.g. ``open_scale("mt-sics", "/dev/ttyUSB0")``."""
    driver = PROTOCOLS.get(protocol)
    if driver is None:
        raise ScaleError(f"unknown scale protocol {protocol!r}; choose one of {', '.join(PROTOCOLS)}")
    unknown = sorted(set(options) - set(driver.options))
    if unknown:
        known = ", ".join(driver.options) or "none"
        raise ScaleError(f"the {protocol} scale has no option {', '.join(unknown)} (its options: {known})")
    if not port and driver.needs_port:
        raise ScaleError(f"the {protocol} scale needs a port, e.g. /dev/ttyUSB0 or COM3")
    return driver.open(port, options)
