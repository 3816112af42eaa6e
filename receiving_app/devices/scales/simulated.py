"""Scales without hardware: the demo's simulated scale and the weight a clerk types by hand."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from receiving_app.devices.scales.base import Scale, ScaleReading, ScaleStatus, weighed
from receiving_app.domain.weight import Weight
from receiving_app.domain.weight_capture import TYPED_BY_HAND


def _as_weight(weight: Weight | str) -> Weight:
    return weight if isinstance(weight, Weight) else Weight.parse(weight)


# Readings in motion while a hand lifts one cartridge off the platter and sets the next one on.
LIFT_READINGS = 2


class SimulatedScale(Scale):
    """Behaves like a real platter: a placed item swings for a few readings, then settles.

    Each swing is smaller than the last, so a display shows the numbers closing in on the
    weight it was given, and ``read_stable`` has to wait for it as it would on a real scale.
    ``swap`` is the bench between two units: the last cartridge comes off, the next goes on.
    """

    protocol = "simulated"

    def __init__(self, weight: Weight | str = "812.4 g", *, settle_readings: int = 3, port: str = "simulated") -> None:
        self.port = port
        self._settle_readings = settle_readings
        self._lifting: list[Weight] = []
        self.place(weight)

    def place(self, weight: Weight | str) -> None:
        """Put an item on the (freshly zeroed) platter; it swings before it settles."""
        self._load = _as_weight(weight)
        self._swings_left = self._settle_readings
        self._lifting = []

    def swap(self, weight: Weight | str) -> None:
        """Lift the item on the platter off and set this one on, as the clerk does between two units.

        The hand on the platter shows as readings in motion (the old item going, then the empty
        pan still rocking) whatever ``settle_readings`` says, since no real pan goes from one
        cartridge to the next without moving; then the new item swings and settles as ``place`` has it.
        """
        lifted = self._load
        self.place(weight)
        self._lifting = [
            Weight(
                (lifted.value * (LIFT_READINGS - step) / LIFT_READINGS).quantize(lifted.value, rounding=ROUND_HALF_UP),
                lifted.unit,
            )
            for step in range(1, LIFT_READINGS + 1)
        ]

    def read(self, timeout: float) -> ScaleReading:
        if self._lifting:
            going = self._lifting.pop(0)
            return self._reading(going.value, ScaleStatus.MOVING, going.unit.symbol)
        if self._swings_left > 0:
            # 2% over the weight per reading still to come, shown to the item's own precision.
            overshoot = self._load.value * Decimal(self._swings_left) / Decimal(50)
            shown = (self._load.value + overshoot).quantize(self._load.value, rounding=ROUND_HALF_UP)
            self._swings_left -= 1
            return self._reading(shown, ScaleStatus.MOVING)
        return self._reading(self._load.value, ScaleStatus.STABLE)

    def zero(self) -> None:
        # Zeroing makes whatever is on the platter read 0, exactly as a real scale does.
        self._load = Weight(Decimal(0), self._load.unit)
        self._swings_left = 0
        self._lifting = []

    def close(self) -> None:
        """Nothing to release: there is no port behind a simulated scale."""

    def _reading(self, value: Decimal, status: ScaleStatus, unit: str | None = None) -> ScaleReading:
        symbol = unit or self._load.unit.symbol
        raw = f"simulated {value} {symbol} {status.value}".encode()
        return weighed(value, symbol, status, raw)


class ManualScale(Scale):
    """A weight the clerk typed ("812.4g", "28.6 oz") when no scale is attached or it is broken.

    The reading is stable by definition and marked ``manual`` so that the record of the
    decision shows the weight was not read from a scale.
    """

    protocol = TYPED_BY_HAND

    def __init__(self, text: str, *, port: str = "keyboard") -> None:
        self.port = port
        self._weight = Weight.parse(text)
        self._raw = text.encode("utf-8")

    def read(self, timeout: float) -> ScaleReading:
        weight = self._weight
        return ScaleReading(
            grams=weight.in_grams,
            value=weight.value,
            unit=weight.unit.symbol,
            status=ScaleStatus.STABLE,
            raw=self._raw,
            manual=True,
        )

    def zero(self) -> None:
        """A typed weight has no platter to zero; the clerk types the net weight."""

    def close(self) -> None:
        """Nothing to release: the weight came from the keyboard."""
