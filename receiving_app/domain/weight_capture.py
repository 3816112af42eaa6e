"""One weight taken for a unit, the same value from the scale (or the keyboard) to the printed page.

It keeps what the person at the bench saw (the value and unit the scale displayed, "1.79 lb"),
the exact grams the decision is judged on, whether the scale had settled, where the weight came
from (the scale's protocol, or typed by hand) and when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from receiving_app.domain.weight import Weight

TYPED_BY_HAND = "manual"
"""The source of a weight the clerk typed instead of reading it from a scale (stored as "manual")."""


def usable_for_a_decision(stable: bool, grams: Decimal | None) -> bool:
    """Only a settled, non-negative weight may decide anything: a moving or tared-below-zero one may not."""
    return stable and grams is not None and grams >= 0


@dataclass(frozen=True, slots=True)
class WeightCapture:
    """One weight, in the unit it was read in and in exact grams."""

    value: Decimal
    unit: str
    grams: Decimal
    stable: bool
    source: str  # the scale's protocol ("mt-sics", "hid-pos", ...), or TYPED_BY_HAND
    read_at: datetime | None = None

    @classmethod
    def typed(cls, weight: Weight, at: datetime | None = None) -> WeightCapture:
        """A weight the clerk typed: settled by definition, and marked as not read from a scale."""
        return cls(weight.value, weight.unit.symbol, weight.in_grams, True, TYPED_BY_HAND, at)

    @property
    def capturable(self) -> bool:
        return usable_for_a_decision(self.stable, self.grams)

    @property
    def typed_by_hand(self) -> bool:
        return self.source == TYPED_BY_HAND

    @property
    def as_read(self) -> str:
        """As the scale displayed it: "1.79 lb"."""
        return f"{self.value} {self.unit}"
