"""The demo's simulated scale between two units: the last cartridge comes off and the next goes on,
so the readings move before they settle on the new weight, whatever its settle_readings says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from receiving_app.devices.scales import ScaleStatus, SimulatedScale
from receiving_app.devices.scales.simulated import LIFT_READINGS


def readings(scale: SimulatedScale, count: int):
    return [scale.read(timeout=1.0) for _ in range(count)]


def test_a_swap_lifts_the_last_cartridge_then_the_next_swings_and_settles() -> None:
    scale = SimulatedScale("812.4 g", settle_readings=2)
    readings(scale, 3)  # the first cartridge has settled
    scale.swap("815.0 g")
    shown = readings(scale, LIFT_READINGS + 2 + 1)
    assert [(r.value, r.status) for r in shown] == [
        (Decimal("406.2"), ScaleStatus.MOVING),  # half off the pan
        (Decimal("0.0"), ScaleStatus.MOVING),  # off, the pan still rocking
        (Decimal("847.6"), ScaleStatus.MOVING),  # the next one on, swinging
        (Decimal("831.3"), ScaleStatus.MOVING),
        (Decimal("815.0"), ScaleStatus.STABLE),
    ]


@pytest.mark.parametrize("settle_readings", [0, 1])
def test_a_swap_always_shows_motion_before_the_new_stable_weight(settle_readings) -> None:
    scale = SimulatedScale("777.0 g", settle_readings=settle_readings)
    readings(scale, 2)
    scale.swap("777.0 g")  # even the same weight again: a new unit went on
    shown = readings(scale, LIFT_READINGS + settle_readings + 1)
    assert all(r.status is ScaleStatus.MOVING for r in shown[:-1]) and len(shown) > 1
    assert (shown[-1].grams, shown[-1].status) == (Decimal("777.0"), ScaleStatus.STABLE)


def test_a_swap_between_units_of_different_weighing_units_reads_each_in_its_own() -> None:
    scale = SimulatedScale("1.79 lb", settle_readings=0)
    scale.swap("812.4 g")
    lifting = scale.read(timeout=1.0)
    assert (lifting.unit, lifting.status) == ("lb", ScaleStatus.MOVING)
    readings(scale, LIFT_READINGS - 1)
    assert scale.read(timeout=1.0).grams == Decimal("812.4")


def test_zeroing_ends_a_swap() -> None:
    scale = SimulatedScale("812.4 g", settle_readings=0)
    scale.swap("815.0 g")
    scale.zero()
    zeroed = scale.read(timeout=1.0)
    assert (zeroed.value, zeroed.status) == (Decimal("0"), ScaleStatus.STABLE)
