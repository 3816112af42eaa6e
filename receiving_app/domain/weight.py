"""Weights with their units, converted to grams exactly, and the fill level they imply.

The conversion factors are the exact legal definitions (1 lb = 453.59237 g since 1959), so a
weight read in ounces and one read in grams of the same cartridge give the same Decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from receiving_app.domain.errors import InputError
from receiving_app.domain.limits import (
    MAX_GRAMS,
    MAX_NUMBER_CHARACTERS,
    WEIGHT_PLACES,
    OutOfBounds,
    decimal_within,
    shown,
)


class WeightError(InputError):
    """A weight that cannot be used: negative, over MAX_GRAMS, unknown unit, not a number."""


class Unit(Enum):
    GRAM = ("g", Decimal("1"))
    KILOGRAM = ("kg", Decimal("1000"))
    OUNCE = ("oz", Decimal("28.349523125"))
    POUND = ("lb", Decimal("453.59237"))

    def __init__(self, symbol: str, grams: Decimal) -> None:
        self.symbol = symbol
        self.grams_per_unit = grams

    @classmethod
    def from_symbol(cls, symbol: str) -> Unit:
        wanted = symbol.strip().lower()
        aliases = {"lbs": "lb", "gram": "g", "grams": "g", "kgs": "kg"}
        wanted = aliases.get(wanted, wanted)
        for unit in cls:
            if unit.symbol == wanted:
                return unit
        raise WeightError(f"unknown weight unit {symbol!r} (use g, kg, oz or lb)")


_WEIGHT_TEXT = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?|[-+]?\.\d+)\s*([a-zA-Z]*)\s*$")
_LONGEST_WEIGHT_TEXT = MAX_NUMBER_CHARACTERS + 16  # the number, spaces and a unit


@dataclass(frozen=True, slots=True)
class Weight:
    """A non-negative weight of at most MAX_GRAMS as read, kept in the unit it was read in."""

    value: Decimal
    unit: Unit = Unit.GRAM

    def __post_init__(self) -> None:
        if not isinstance(self.value, Decimal) or not self.value.is_finite():
            raise WeightError(f"a weight must be a finite Decimal, got {shown(self.value)}")
        if self.value < 0:
            raise WeightError(f"a weight cannot be negative: {shown(self.value)} {self.unit.symbol}")
        # Compared before multiplying: the product of a huge exponent is what must never be computed.
        if self.value > MAX_GRAMS or self.in_grams > MAX_GRAMS:
            raise WeightError(f"a weight must be at most {MAX_GRAMS} g, not {shown(self.value)} {self.unit.symbol}")

    @classmethod
    def grams(cls, value: object) -> Weight:
        try:
            return cls(decimal_within(value, maximum=MAX_GRAMS, places=WEIGHT_PLACES, unit=" g"), Unit.GRAM)
        except OutOfBounds as error:
            raise WeightError(f"the weight {error}") from None

    @classmethod
    def parse(cls, text: str) -> Weight:
        """``"812.4g"``, ``"1.79 lb"``, ``"28.6oz"``; a bare number is grams."""
        match = _WEIGHT_TEXT.match(text) if len(text) <= _LONGEST_WEIGHT_TEXT else None
        if not match:
            raise WeightError(f"not a weight: {shown(text)} (expected a number and g, kg, oz or lb)")
        number, symbol = match.groups()
        unit = Unit.from_symbol(symbol) if symbol else Unit.GRAM
        weight = cls(Decimal(number), unit)
        if weight.value != weight.value.quantize(Decimal(1).scaleb(-WEIGHT_PLACES)):
            raise WeightError(f"not a weight: {shown(text)} has more than {WEIGHT_PLACES} decimal places")
        return weight

    @property
    def in_grams(self) -> Decimal:
        return self.value * self.unit.grams_per_unit

    def __str__(self) -> str:
        return f"{self.value} {self.unit.symbol}"


FILL_REPORT_PLACES = Decimal("0.0001")
_EMPTY, _FULL = Decimal(0), Decimal(1)


class FillError(InputError):
    """Catalog weights that cannot define a fill level."""


@dataclass(frozen=True, slots=True)
class FillMeasurement:
    """One cartridge on the scale, against the catalog's full and empty weights (grams)."""

    measured_g: Decimal
    full_g: Decimal
    empty_g: Decimal

    def __post_init__(self) -> None:
        for name in ("measured_g", "full_g", "empty_g"):
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite():
                raise FillError(f"{name} must be a finite Decimal")
            if value < 0:
                raise FillError(f"{name} cannot be negative")
            # A catalog row written before imports were bounded must fail here, not in the arithmetic.
            if value > MAX_GRAMS:
                raise FillError(f"{name} must be at most {MAX_GRAMS} g")
        if self.full_g <= self.empty_g:
            raise FillError("full_g must be greater than empty_g")

    @property
    def exact_fraction(self) -> Decimal:
        """Unclamped and unrounded: the thresholds are judged on this."""
        return (self.measured_g - self.empty_g) / (self.full_g - self.empty_g)

    @property
    def reported_fraction(self) -> Decimal:
        """Clamped to [0, 1] and rounded to 4 places, as printed and stored."""
        clamped = min(max(self.exact_fraction, _EMPTY), _FULL)
        return clamped.quantize(FILL_REPORT_PLACES, rounding=ROUND_HALF_UP)
