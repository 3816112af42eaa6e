"""What every station scale gives the station: one reading, and a stable reading to decide on.

A reading keeps the weight exactly as the scale reported it (value and unit) next to its exact
gram equivalent, computed with ``receiving_app.domain.weight.Unit``, so that a cartridge weighed
in ounces and one weighed in grams are judged on the same Decimal. A decision may only use a
reading the scale called stable and that is not below zero: everything else (motion, overload,
a negative net weight) is shown to the clerk but can never be captured.
"""

from __future__ import annotations

import re
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum

from receiving_app.domain.errors import InputError
from receiving_app.domain.weight import Unit, WeightError
from receiving_app.domain.weight_capture import TYPED_BY_HAND, WeightCapture, usable_for_a_decision


class ScaleError(InputError):
    """The scale cannot give a usable weight: a setting to fix, a fault, a refused command."""


class GarbledFrame(ScaleError):
    """A frame that does not follow the protocol: usually line noise, so asking again may help."""


class ScaleNotResponding(ScaleError):
    """Nothing came back in time, or the port is gone (unplugged, switched off, wrong port)."""


class ScaleStatus(Enum):
    STABLE = "stable"
    MOVING = "moving"
    OVERLOAD = "overload"
    UNDERLOAD = "underload"
    NOT_RESPONDING = "not_responding"


@dataclass(frozen=True, slots=True)
class ScaleReading:
    """One answer from a scale.

    ``value`` and ``unit`` are what the scale displayed; ``grams`` is the same weight in exact
    grams. Both are ``None`` when the scale gave no number (overload, still settling, silent).
    ``manual`` marks a weight the clerk typed instead of one read from a scale.
    """

    grams: Decimal | None
    value: Decimal | None
    unit: str
    status: ScaleStatus
    raw: bytes
    manual: bool = False

    @property
    def capturable(self) -> bool:
        return usable_for_a_decision(self.status is ScaleStatus.STABLE, self.grams)

    def capture(self, protocol: str, at: datetime) -> WeightCapture | None:
        """This reading as the bench keeps it (None when the scale showed no number)."""
        if self.grams is None or self.value is None:
            return None
        source = TYPED_BY_HAND if self.manual else protocol
        return WeightCapture(self.value, self.unit, self.grams, self.status is ScaleStatus.STABLE, source, at)

    def __str__(self) -> str:
        if self.value is None:
            return self.status.value.replace("_", " ")
        return f"{self.value} {self.unit} ({self.status.value})"


def supported_unit(symbol: str) -> Unit:
    """The unit a scale names, if the station can convert it to grams exactly."""
    try:
        return Unit.from_symbol(symbol)
    except WeightError:
        shown = symbol.strip() or "no unit"
        raise ScaleError(f"the scale reports weights in {shown!r}; set it to g, kg, oz or lb") from None


def weighed(value: Decimal | None, unit_symbol: str, status: ScaleStatus, raw: bytes) -> ScaleReading:
    """A reading in the unit the scale named, with its exact gram equivalent."""
    unit = supported_unit(unit_symbol)
    grams = None if value is None else value * unit.grams_per_unit
    return ScaleReading(grams=grams, value=value, unit=unit.symbol, status=status, raw=raw)


def without_weight(status: ScaleStatus, raw: bytes, unit: str = "") -> ScaleReading:
    """A reading that carries a state but no number: overload, settling, silence."""
    return ScaleReading(grams=None, value=None, unit=unit, status=status, raw=raw)


# A weight as scales print it: an optional sign (some right-align the digits after it), digits
# and at most one decimal point. No exponents, no "NaN": those would be garbage on the line.
_WEIGHT_NUMBER = re.compile(r"([+-]?) *(\d+(?:\.\d*)?|\.\d+)")
_LONGEST_WEIGHT_TEXT = 16


def weight_number(text: str) -> Decimal:
    """The weight field of a frame as an exact Decimal; anything else is a garbled frame."""
    stripped = text.strip()
    match = _WEIGHT_NUMBER.fullmatch(stripped) if len(stripped) <= _LONGEST_WEIGHT_TEXT else None
    if match is None:
        raise GarbledFrame(f"the scale sent {text!r} where a weight belongs")
    sign, digits = match.groups()
    return Decimal(sign + digits)


def ascii_text(frame: bytes, what: str) -> str:
    try:
        return frame.decode("ascii")
    except UnicodeDecodeError:
        raise GarbledFrame(f"the {what} frame holds bytes that are not text: {frame!r}") from None


class Scale(ABC):
    """A scale the station can ask for a weight, whatever wire or protocol it uses.

    ``read`` answers within ``timeout`` seconds or raises ``ScaleNotResponding``; a scale that was
    unplugged is opened again on the next ``read`` rather than given up for good.
    """

    protocol: str
    port: str

    @abstractmethod
    def read(self, timeout: float) -> ScaleReading: ...

    @abstractmethod
    def zero(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Scale:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def poll_reading(scale: Scale, timeout: float) -> ScaleReading:
    """One reading for a live display: silence becomes a NOT_RESPONDING reading, not an error."""
    try:
        return scale.read(timeout)
    except ScaleNotResponding:
        return without_weight(ScaleStatus.NOT_RESPONDING, b"")


def read_stable(scale: Scale, *, timeout: float, poll_interval: float) -> ScaleReading:
    """Ask until the scale gives a weight a decision can use, or say plainly why it cannot.

    Motion, silence and garbled frames are waited out until ``timeout``: they pass when the item
    settles or a cable is pushed back in. Overload, underload and a negative weight are reported
    at once: they only change when the clerk does something.
    """
    deadline = time.monotonic() + timeout
    last_trouble: ScaleError = ScaleNotResponding(f"scale not responding on {scale.port}")
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise last_trouble
        try:
            reading = scale.read(remaining)
        except (GarbledFrame, ScaleNotResponding) as error:
            last_trouble = error
        else:
            if reading.capturable:
                return reading
            _refuse_if_clerk_must_act(reading)
            last_trouble = ScaleError(f"scale kept moving for {timeout:g} s: let the item settle and try again")
        time.sleep(max(0.0, min(poll_interval, deadline - time.monotonic())))


def _refuse_if_clerk_must_act(reading: ScaleReading) -> None:
    if reading.status is ScaleStatus.OVERLOAD:
        raise ScaleError("overload: remove the item (it is over the scale's capacity)")
    if reading.status is ScaleStatus.UNDERLOAD:
        raise ScaleError("underload: the scale reads below zero; empty it and zero the scale")
    if reading.status is ScaleStatus.STABLE and reading.grams is not None and reading.grams < 0:
        raise ScaleError(f"negative weight ({reading.value} {reading.unit}): empty the scale and zero it")


def no_zero_command(port: str) -> ScaleError:
    """The error for protocols without a zero command: the clerk uses the scale's own key."""
    return ScaleError(f"the scale on {port} cannot be zeroed from the station: press its ZERO key")
