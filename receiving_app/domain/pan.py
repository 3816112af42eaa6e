"""One weight for one unit: when the scale's pan may give a unit its weight, and what weight it may give.

A weight taken from the pan belongs to the unit it was taken for. Two quick keystrokes must never
decide two cartridges on the one cartridge that sat on the pan, so after a weight was taken the pan
gives no other unit a weight until the scale has seen it change: a reading in motion (a hand
lifting the cartridge off or setting the next one on), a reading out of range (overload, below
zero), or an empty pan. A scale that does not answer says nothing about the pan and changes nothing.

A weight outside what a unit of the SKU can weigh (a wrong unit typed, a wrong cartridge on the pan)
is never taken at all; the message names the range so the clerk sees what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# At or below this the pan is empty: lifting the last cartridge off makes the pan fresh again.
EMPTY_PAN_G = Decimal(5)


@dataclass(frozen=True, slots=True)
class Taking:
    """Who took the weight now on the pan: a token for one unit's weighing, and its name for messages."""

    weighing: int
    unit_name: str


class PanWatch:
    """Follows the readings of one pan and says whether a unit may take the weight on it.

    Each weighing of a unit has a token (a new one when the bench moves to another unit, and when the
    clerk clears a unit's weight to weigh it again). The weighing that took the pan's weight may take
    it again (a newer stable reading of the same cartridge); any other weighing waits for a change.
    """

    def __init__(self, empty_g: Decimal = EMPTY_PAN_G) -> None:
        self._empty_g = empty_g
        self._taken: Taking | None = None

    @property
    def fresh(self) -> bool:
        """True when no weight was taken since the pan last changed."""
        return self._taken is None

    @property
    def taken(self) -> Taking | None:
        return self._taken

    def is_empty(self, grams: Decimal | None) -> bool:
        return grams is not None and grams <= self._empty_g

    def saw(self, grams: Decimal | None, *, in_motion: bool) -> bool:
        """One reading. True if it showed the pan changing after a weight had been taken from it."""
        if self._taken is not None and (in_motion or self.is_empty(grams)):
            self._taken = None
            return True
        return False

    def may_take(self, weighing: int) -> bool:
        return self._taken is None or self._taken.weighing == weighing

    def took(self, weighing: int, unit_name: str) -> None:
        """A weight was taken for this weighing (read from the pan, or typed for the cartridge on it)."""
        self._taken = Taking(weighing, unit_name)


def grams_text(grams: Decimal) -> str:
    return f"{grams.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,} g"


def implausible_weight(
    grams: Decimal, as_read: str, sku: str, plausible_g: tuple[Decimal, Decimal] | None
) -> str | None:
    """Why this weight cannot be a unit of the SKU, naming the range; None if it can (or no range is known)."""
    if plausible_g is None:
        return None
    lowest, highest = plausible_g
    if lowest <= grams <= highest:
        return None
    shown = as_read if as_read.endswith(" g") else f"{as_read} ({grams_text(grams)})"
    return (
        f"{shown} is not what a {sku} can weigh ({grams_text(lowest)} to {grams_text(highest)}); "
        "check the unit and weigh again"
    )
