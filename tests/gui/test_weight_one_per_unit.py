"""One weight for one unit: after a unit's weight was captured, the next unit's weight comes only
from a pan the scale has seen change (motion or empty); typed weights are deliberate and skip that
gate; a weight the SKU cannot have is refused with its range named; and once captured, the large
number is the captured weight, the one that will be decided."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from receiving_app.devices.scales import ScaleReading, ScaleStatus
from receiving_app.gui.scale_feed import ScaleFeed
from receiving_app.gui.weight_panel import WeightPanel
from tests.support.line_views import line_view

RANGE = "(26.7 g to 41.0 g)"
LIFT = "Lift the cartridge off and set the next one on the scale."


def reading(grams: str, status: ScaleStatus = ScaleStatus.STABLE) -> ScaleReading:
    return ScaleReading(Decimal(grams), Decimal(grams), "g", status, b"raw")


def ink_line(quantity: int = 3):
    """The demo catalog's Canon PG-245XL: full 39.0 g, empty 28.7 g, 2.0 g either side."""
    return dataclasses.replace(
        line_view(1, sku="CN-PG245XL"),
        description="Canon PG-245XL black ink",
        category="ink",
        quantity=quantity,
        full_g=Decimal("39.0"),
        empty_g=Decimal("28.7"),
        plausible_g=(Decimal("26.7"), Decimal("41.0")),
    )


@pytest.fixture
def panel(qtbot) -> WeightPanel:
    widget = WeightPanel()
    qtbot.add_widget(widget)
    widget.source = "simulated"
    widget.set_line(ink_line(), unit=1)
    return widget


def type_weight(qtbot, panel: WeightPanel, text: str) -> None:
    panel.start_typing()
    panel.ui.manualEdit.clear()
    qtbot.keyClicks(panel.ui.manualEdit, text)
    qtbot.keyClick(panel.ui.manualEdit, "\r")


def weigh_unit_one(panel: WeightPanel) -> None:
    panel.show_reading(reading("38.2", ScaleStatus.MOVING))
    panel.show_reading(reading("38.2"))
    assert panel.captured.grams == Decimal("38.2")


PAN_CHANGES = {
    "motion": [reading("19.0", ScaleStatus.MOVING)],
    "emptied": [reading("0.0")],
}


# The pan gate -----------------------------------------------------------------------------------


def test_w_is_refused_for_the_next_unit_while_the_last_units_cartridge_sits_unchanged_on_the_pan(qtbot, panel) -> None:
    weigh_unit_one(panel)
    panel.set_line(ink_line(), unit=2)
    assert panel.captured is None
    panel.show_reading(reading("38.2"))
    with qtbot.assertNotEmitted(panel.weight_changed):
        panel.capture_now()
        panel.capture_now()  # the second quick press is refused as well
    assert panel.captured is None
    assert panel.ui.problemLabel.text() == f"✖ That weight was captured for line 1 unit 1. {LIFT}"
    assert panel.title() == "Weight — CN-PG245XL · unit 2/3"


@pytest.mark.parametrize("change", PAN_CHANGES.values(), ids=PAN_CHANGES.keys())
def test_w_takes_the_next_units_weight_once_the_pan_has_changed(qtbot, panel, change) -> None:
    weigh_unit_one(panel)
    # The clerk swaps the cartridges before moving on: unit 1 keeps its weight, the pan changes under it.
    for shown in change:
        panel.show_reading(shown)
    panel.show_reading(reading("35.1"))
    assert panel.captured.grams == Decimal("38.2")
    panel.set_line(ink_line(), unit=2)
    with qtbot.waitSignal(panel.weight_changed) as changed:
        panel.capture_now()
    assert changed.args[0].grams == Decimal("35.1")
    assert panel.ui.problemLabel.text() == ""


@pytest.mark.parametrize("change", PAN_CHANGES.values(), ids=PAN_CHANGES.keys())
def test_auto_capture_waits_for_the_pan_to_change_between_units(qtbot, panel, change) -> None:
    weigh_unit_one(panel)
    panel.set_line(ink_line(), unit=2)
    with qtbot.assertNotEmitted(panel.weight_changed):
        for _ in range(3):
            panel.show_reading(reading("38.2"))
    assert panel.captured is None
    assert panel.ui.problemLabel.text() == f"… That weight was captured for line 1 unit 1. {LIFT}"
    for shown in change:
        panel.show_reading(shown)
    assert panel.captured is None and panel.ui.problemLabel.text() == ""
    panel.show_reading(reading("35.1"))
    assert panel.captured.grams == Decimal("35.1")


def test_an_old_caller_without_units_still_gets_a_fresh_weight_per_set_line(panel) -> None:
    panel.set_line(ink_line())
    weigh_unit_one(panel)
    panel.set_line(ink_line())  # the same line again, for its next unit
    panel.show_reading(reading("38.2"))
    panel.capture_now()
    assert panel.captured is None
    assert panel.ui.problemLabel.text() == f"✖ That weight was captured for line 1. {LIFT}"
    assert panel.title() == "Weight — CN-PG245XL"


def test_a_scale_that_stops_answering_does_not_count_as_a_pan_change(panel) -> None:
    weigh_unit_one(panel)
    panel.set_line(ink_line(), unit=2)
    panel.show_reading(ScaleReading(None, None, "g", ScaleStatus.NOT_RESPONDING, b""))
    panel.show_reading(reading("38.2"))
    assert panel.captured is None


def test_a_typed_weight_is_not_held_back_by_the_pan(qtbot, panel) -> None:
    weigh_unit_one(panel)
    panel.set_line(ink_line(), unit=2)
    panel.show_reading(reading("38.2"))
    assert panel.captured is None
    type_weight(qtbot, panel, "35.1 g")
    assert (panel.captured.grams, panel.captured.source) == (Decimal("35.1"), "manual")
    assert panel.ui.problemLabel.text() == ""


def test_a_typed_weight_uses_up_the_pan_for_the_next_unit(qtbot, panel) -> None:
    panel.show_reading(reading("33.3", ScaleStatus.MOVING))
    type_weight(qtbot, panel, "33.3 g")  # typed for the cartridge on the pan
    panel.show_reading(reading("33.3"))
    assert panel.captured.source == "manual"
    panel.set_line(ink_line(), unit=2)
    panel.show_reading(reading("33.3"))
    assert panel.captured is None


def test_x_lets_the_same_unit_be_weighed_again_once_the_pan_changes(panel) -> None:
    weigh_unit_one(panel)
    panel.clear_capture()
    assert panel.captured is None
    assert (
        panel.ui.problemLabel.text()
        == "… Lift the cartridge off and set it back on the scale to weigh line 1 unit 1 again."
    )
    panel.show_reading(reading("38.2"))
    panel.capture_now()
    assert panel.captured is None
    panel.show_reading(reading("37.0", ScaleStatus.MOVING))
    panel.show_reading(reading("38.3"))
    assert panel.captured.grams == Decimal("38.3")


def test_w_on_the_same_unit_takes_the_newer_stable_reading_of_the_same_cartridge(panel) -> None:
    weigh_unit_one(panel)
    panel.show_reading(reading("38.3"))
    panel.capture_now()
    assert panel.captured.grams == Decimal("38.3")


def test_w_on_an_empty_pan_is_refused(panel) -> None:
    panel.show_reading(reading("0.0"))
    panel.capture_now()
    assert panel.captured is None
    assert "pan is empty" in panel.ui.problemLabel.text()


# Plausible weights ------------------------------------------------------------------------------


def test_two_pounds_typed_for_an_ink_cartridge_is_refused_naming_the_range_and_asked_again(qtbot, panel) -> None:
    panel.show()
    with qtbot.assertNotEmitted(panel.weight_changed):
        type_weight(qtbot, panel, "2 lb")
        qtbot.wait(10)  # the refused text is selected again once the Enter is done with
    assert panel.captured is None
    assert panel.ui.problemLabel.text() == (
        f"✖ 2 lb (907.2 g) is not what a CN-PG245XL can weigh {RANGE}; check the unit and weigh again."
    )
    assert panel.ui.manualEdit.text() == "2 lb"
    assert panel.ui.manualEdit.selectedText() == "2 lb"


@pytest.mark.parametrize(
    ("typed", "said"),
    [("abc", "not a weight: 'abc'"), ("3 stone", "unknown weight unit 'stone'"), ("", "not a weight: ''")],
)
def test_text_that_is_no_weight_is_explained_and_the_message_stays_while_the_scale_reads(
    qtbot, panel, typed, said
) -> None:
    type_weight(qtbot, panel, typed)
    assert panel.captured is None
    assert said in panel.ui.problemLabel.text()
    panel.show_reading(reading("12.0", ScaleStatus.MOVING))  # the next poll of the scale
    assert said in panel.ui.problemLabel.text()
    assert panel.ui.manualEdit.selectedText() == typed


def test_a_plausible_typed_weight_is_captured_and_shown_large(qtbot, panel) -> None:
    panel.show_reading(reading("0.0"))
    type_weight(qtbot, panel, "33.6 g")
    assert (panel.captured.grams, panel.captured.source) == (Decimal("33.6"), "manual")
    assert panel.ui.readingLabel.text().startswith("33.6 g <span")
    assert "✔ captured" in panel.ui.readingLabel.text()
    assert panel.ui.liveLabel.text() == "Scale now: 0.0 g  ✔ Stable"


def test_a_read_weight_the_sku_cannot_have_is_not_captured(panel) -> None:
    panel.show_reading(reading("812.4"))
    panel.capture_now()
    assert panel.captured is None
    assert (
        panel.ui.problemLabel.text()
        == f"✖ 812.4 g is not what a CN-PG245XL can weigh {RANGE}; check the unit and weigh again."
    )
    panel.show_reading(reading("400.0", ScaleStatus.MOVING))
    assert panel.ui.problemLabel.text() == ""
    panel.show_reading(reading("35.0"))
    assert panel.captured.grams == Decimal("35.0")


def test_a_line_without_a_known_range_takes_any_stable_weight(qtbot) -> None:
    widget = WeightPanel()
    qtbot.add_widget(widget)
    widget.set_line(dataclasses.replace(ink_line(), plausible_g=None), unit=1)
    widget.show_reading(reading("812.4"))
    assert widget.captured.grams == Decimal("812.4")


# The large number -------------------------------------------------------------------------------


def test_the_large_number_is_the_captured_weight_and_the_live_reading_moves_to_a_smaller_line(qtbot) -> None:
    widget = WeightPanel()
    qtbot.add_widget(widget)
    widget.source = "simulated"
    widget.set_line(line_view(1))  # TN-660: full 815.0 g, empty 590.0 g
    widget.show_reading(reading("770.0", ScaleStatus.MOVING))
    form = widget.ui
    assert form.readingLabel.text() == "770.0 g"
    assert form.stateLabel.isVisibleTo(widget) and not form.liveLabel.isVisibleTo(widget)

    widget.show_reading(reading("812.4"))
    widget.show_reading(reading("406.2", ScaleStatus.MOVING))  # the clerk lifts it off
    assert widget.captured.grams == Decimal("812.4")
    assert form.readingLabel.text().startswith("812.4 g <span")
    assert "✔ captured" in form.readingLabel.text() and "406.2" not in form.readingLabel.text()
    assert form.readingLabel.accessibleName() == "Captured weight, the one that will be decided"
    assert form.liveLabel.isVisibleTo(widget) and not form.stateLabel.isVisibleTo(widget)
    assert form.liveLabel.text() == "Scale now: 406.2 g  ≈ Moving — wait"
    assert form.liveLabel.font().pointSize() < form.readingLabel.font().pointSize()
    assert form.fillGauge.value() == 99  # the captured 812.4 g, not the live 406.2 g

    widget.clear_capture()
    assert form.readingLabel.text() == "406.2 g"
    assert form.stateLabel.text() == "≈ Moving — wait" and not form.liveLabel.isVisibleTo(widget)


# The demo's simulated scale, unit after unit ----------------------------------------------------


def test_the_demo_scale_swaps_cartridges_so_each_unit_gets_its_own_weight(qtbot) -> None:
    widget = WeightPanel()
    qtbot.add_widget(widget)
    line = line_view(1)  # two units; the demo puts a sealed new TN-660 (815.0 g) on for each
    feed = ScaleFeed({"protocol": "simulated", "weight": "777.0 g", "settle_readings": "1"}, interval_ms=20)
    widget.source = feed.protocol
    feed.reading.connect(widget.show_reading)
    seen: list[ScaleReading] = []
    feed.reading.connect(seen.append)
    feed.start()
    try:
        widget.set_line(line, unit=1)
        qtbot.waitUntil(lambda: widget.captured is not None, timeout=5000)
        assert widget.captured.grams == Decimal("777.0")

        widget.set_line(line, unit=2)  # two quick Enters: the same cartridge still sits on the pan
        count = len(seen)
        qtbot.waitUntil(lambda: len(seen) >= count + 5, timeout=5000)
        assert widget.captured is None
        assert LIFT in widget.ui.problemLabel.text()

        count = len(seen)
        feed.place_demo_item(line)
        qtbot.waitUntil(lambda: widget.captured is not None, timeout=5000)
        assert widget.captured.grams == Decimal("815.0")
        after_swap = seen[count:]
        settled = next(n for n, shown in enumerate(after_swap) if shown.capturable and shown.grams == Decimal("815.0"))
        assert ScaleStatus.MOVING in [shown.status for shown in after_swap[:settled]]

        widget.set_line(line, unit=3)
        feed.place_demo_item(line)
        qtbot.waitUntil(lambda: widget.captured is not None, timeout=5000)
        assert widget.captured.grams == Decimal("815.0")
    finally:
        feed.stop()
