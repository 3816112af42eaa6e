"""The scale as the settings page has it set up, shared by the live reading and the Test button.

Its methods are called from worker threads only; a lock keeps two of them from talking to the
port at once, and the scale is opened again whenever the protocol, port or options change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from threading import Lock

from receiving_app.devices.scales import (
    PROTOCOLS,
    Scale,
    ScaleError,
    ScaleReading,
    open_scale,
    poll_reading,
    read_stable,
)

LIVE_READ_TIMEOUT = 1.0  # s: a live display shows "not responding" rather than wait longer
TEST_TIMEOUT = 5.0  # s: long enough for an item to settle on the platter
TEST_POLL_INTERVAL = 0.2  # s


@dataclass(frozen=True, slots=True)
class ScaleChoice:
    protocol: str
    port: str
    options: tuple[tuple[str, str], ...] = ()

    def as_settings(self) -> dict[str, str]:
        return {"protocol": self.protocol, "port": self.port, **dict(self.options)}

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> ScaleChoice:
        options = tuple((key, str(value)) for key, value in settings.items() if key not in ("protocol", "port"))
        return cls(settings.get("protocol", "simulated"), settings.get("port", ""), options)


def parse_options(text: str, protocol: str) -> tuple[tuple[str, str], ...]:
    """'baudrate=9600, parity=even' -> (("baudrate", "9600"), ("parity", "even")), checked against
    the options the protocol takes, so a typo is named before the scale is opened."""
    driver = PROTOCOLS.get(protocol)
    if driver is None:
        raise ScaleError(f"Unknown scale protocol {protocol!r}; choose one of {', '.join(PROTOCOLS)}.")
    options = []
    for part in (part.strip() for part in text.split(",")):
        if not part:
            continue
        key, equals, value = (piece.strip() for piece in part.partition("="))
        if not equals or not key or not value:
            raise ScaleError(f"Scale option {part!r} must be written name=value.")
        if key not in driver.options:
            known = ", ".join(driver.options) or "none"
            raise ScaleError(f"The {protocol} scale has no option {key!r} (its options: {known}).")
        options.append((key, value))
    return tuple(options)


def format_options(options: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{key}={value}" for key, value in options)


class ScaleSession:
    def __init__(self) -> None:
        self._lock = Lock()
        self._scale: Scale | None = None
        self._choice: ScaleChoice | None = None

    def poll(self, choice: ScaleChoice) -> ScaleReading:
        with self._lock:
            return poll_reading(self._opened(choice), LIVE_READ_TIMEOUT)

    def read_stable(self, choice: ScaleChoice) -> ScaleReading:
        with self._lock:
            return read_stable(self._opened(choice), timeout=TEST_TIMEOUT, poll_interval=TEST_POLL_INTERVAL)

    def close(self) -> None:
        with self._lock:
            self._close()

    def _opened(self, choice: ScaleChoice) -> Scale:
        if self._scale is None or choice != self._choice:
            self._close()
            self._scale = open_scale(choice.protocol, choice.port, **dict(choice.options))
            self._choice = choice
        return self._scale

    def _close(self) -> None:
        if self._scale is not None:
            scale, self._scale, self._choice = self._scale, None, None
            scale.close()
