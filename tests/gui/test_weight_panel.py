"""The weight panel: moving readings are shown but never captured; a stable one is; typed weights
are recorded as manual; the live feed from the configured scale reaches the panel.

The rules that keep one weight to one unit (the pan must change between units), refuse weights a
SKU cannot have, and show the captured weight large are in test_weight_one_per_unit.py."""

from __future__ import annotations

from decimal import Decimal

import pytest

from receiving_app.devices.scales import ScaleReading, ScaleStatus
from receiving_app.gui.scale_feed import ScaleFeed, demo_weight_for
from receiving_app.gui.weight_panel import WeightPanel
from tests.support.line_views import line_view


def reading(grams: str, status: ScaleStatus = ScaleStatus.STABLE) -> ScaleReading:
    return ScaleReading(Decimal(grams), Decimal(grams), "g", status, b"raw")


@pytest.fixture
def panel(qtbot) -> WeightPanel:
    widget = WeightPanel()
    qtbot.add_widget(widget)
    widget.source = "simulated"
    widget.set_line(line_view(1))
    return widget


def test_a_moving_reading_is_shown_as_moving_and_not_captured(panel) -> None:
    panel.show_reading(reading("760.0", ScaleStatus.MOVING))
    assert panel.ui.readingLabel.text() == "760.0 g"
    assert panel.ui.stateLabel.text() == "≈ Moving — wait"
    assert panel.captured is None


def test_the_first_stable_reading_is_captured_with_its_fill_level(qtbot, panel) -> None:
    panel.show_reading(reading("760.0", ScaleStatus.MOVING))
    with qtbot.waitSignal(panel.weight_changed) as changed:
        panel.show_reading(reading("770.0"))
    capture = changed.args[0]
    assert (capture.grams, capture.stable, capture.source) == (Decimal("770.0"), True, "simulated")
    # Once captured, the state of the live scale is told on the small line under the captured weight.
    assert panel.ui.liveLabel.isVisibleTo(panel) and not panel.ui.stateLabel.isVisibleTo(panel)
    assert panel.ui.liveLabel.text() == "Scale now: 770.0 g  ✔ Stable"
    assert panel.ui.fillGauge.value() == 80  # (770 - 590) / (815 - 590)
    assert [seen.grams for seen in panel.readings_seen] == [Decimal("760.0")]


def test_the_last_items_weight_still_on_the_platter_is_not_captured_for_the_next_line(panel) -> None:
    panel.show_reading(reading("770.0"))
    panel.set_line(line_view(2))
    panel.show_reading(reading("770.0"))
    assert panel.captured is None
    assert "Lift the cartridge off and set the next one on the scale" in panel.ui.problemLabel.text()
    panel.show_reading(reading("700.0", ScaleStatus.MOVING))
    panel.show_reading(reading("700.0"))
    assert panel.captured.grams == Decimal("700.0")


def test_a_typed_weight_is_recorded_as_manual_in_exact_grams(qtbot, panel) -> None:
    qtbot.keyClicks(panel.ui.manualEdit, "28.6 oz")
    with qtbot.waitSignal(panel.weight_changed) as changed:
        qtbot.keyClick(panel.ui.manualEdit, "\r")
    capture = changed.args[0]
    assert (capture.value, capture.unit, capture.source) == (Decimal("28.6"), "oz", "manual")
    assert capture.grams == Decimal("28.6") * Decimal("28.349523125")
    assert "typed by hand (manual)" in panel.ui.capturedLabel.text()


def test_a_weight_that_is_not_a_weight_is_explained(qtbot, panel) -> None:
    qtbot.keyClicks(panel.ui.manualEdit, "heavy")
    qtbot.keyClick(panel.ui.manualEdit, "\r")
    assert panel.captured is None
    assert "not a weight" in panel.ui.problemLabel.text()


def test_capturing_while_the_scale_moves_is_refused(panel) -> None:
    panel.show_reading(reading("700.0", ScaleStatus.MOVING))
    panel.capture_now()
    assert panel.captured is None
    assert "not stable" in panel.ui.problemLabel.text()


def test_the_configured_simulated_scale_feeds_live_readings_until_one_is_captured(qtbot, panel) -> None:
    feed = ScaleFeed({"protocol": "simulated", "weight": "777.0 g", "settle_readings": "2"}, interval_ms=20)
    feed.reading.connect(panel.show_reading)
    states = []
    feed.reading.connect(lambda scale_reading: states.append(scale_reading.status))
    feed.start()
    try:
        qtbot.waitUntil(lambda: panel.captured is not None, timeout=5000)
    finally:
        feed.stop()
    assert states[:2] == [ScaleStatus.MOVING, ScaleStatus.MOVING]
    assert panel.captured.grams == Decimal("777.0")


def test_a_scale_that_cannot_be_opened_is_reported_in_the_panel(qtbot, panel) -> None:
    feed = ScaleFeed({"protocol": "no-such-scale"}, interval_ms=20)
    feed.problem.connect(panel.show_scale_problem)
    with qtbot.waitSignal(feed.problem) as problem:
        feed.start()
    feed.stop()
    assert "unknown scale protocol" in problem.args[0]
    assert "Type the weight instead" in panel.ui.problemLabel.text()


def test_the_demo_scale_puts_a_cartridge_between_its_empty_and_full_weight() -> None:
    weight = demo_weight_for(line_view(2))
    assert Decimal("590.0") < weight.in_grams < Decimal("815.0")


def test_the_demo_opens_on_a_sealed_new_cartridge_at_its_full_weight() -> None:
    assert demo_weight_for(line_view(1)).in_grams == Decimal("815.0")
