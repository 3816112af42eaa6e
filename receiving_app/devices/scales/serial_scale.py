"""The part every serial scale driver shares: its port, its cadence, and what silence means."""

from __future__ import annotations

import time
from abc import abstractmethod
from collections.abc import Callable
from typing import TypeVar

from receiving_app.devices.scales.base import Scale, ScaleError, ScaleNotResponding, ScaleReading
from receiving_app.devices.scales.serial_link import (
    PortClosed,
    PortSilent,
    PortUnavailable,
    SerialLink,
    SerialSettings,
)

# Zeroing waits for the scale to settle on some indicators; two seconds covers the manuals' cases.
ZERO_TIMEOUT_SECONDS = 2.0

T = TypeVar("T")


class SerialScale(Scale):
    """A scale on a serial (or USB-CDC) port that answers requests, one frame at a time."""

    default_settings = SerialSettings()
    default_min_interval = 0.1

    def __init__(
        self,
        port: str,
        *,
        settings: SerialSettings | None = None,
        min_interval: float | None = None,
    ) -> None:
        self.port = port
        self._link = SerialLink(
            port,
            settings or self.default_settings,
            min_interval=self.default_min_interval if min_interval is None else min_interval,
        )

    def read(self, timeout: float) -> ScaleReading:
        return self._talk(self._read, timeout)

    def zero(self) -> None:
        self._talk(self._zero, ZERO_TIMEOUT_SECONDS)

    def close(self) -> None:
        self._link.close()

    @abstractmethod
    def _read(self, deadline: float) -> ScaleReading: ...

    @abstractmethod
    def _zero(self, deadline: float) -> None: ...

    def _talk(self, conversation: Callable[[float], T], timeout: float) -> T:
        try:
            return conversation(time.monotonic() + timeout)
        except PortSilent:
            raise ScaleNotResponding(
                f"scale not responding on {self.port}: no answer "
                f"(check the cable, the power and that the scale is set to {self.protocol})"
            ) from None
        except PortClosed:
            raise ScaleError(f"the connection to the scale on {self.port} was closed") from None
        except PortUnavailable as error:
            raise ScaleNotResponding(f"scale not responding on {self.port}: {error}") from None
