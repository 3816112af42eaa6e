"""Single keys set the facts (yes first, then toggling), step reason and choice, and the decision
follows them live; every fact starts "not checked"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from receiving_app.domain.facts import Condition, Flags, fact_label
from receiving_app.gui.keyboard_map import KEYBOARD_MAP, Command, binding_for, keyboard_map_markdown
from tests.support.demo_rmas import open_rmas
from tests.support.gui_keyboard import check_as_sold, wait_until_idle, weigh_by_hand

CHECKS = (
    Command.UNOPENED,
    Command.SEALED,
    Command.ORIGINAL_PACKAGING,
    Command.BOX_DAMAGE,
    Command.LABELS_INTACT,
    Command.SOLD_BY_SELLER,
    Command.HP_PLUS_REJECTED,
    Command.FIRMWARE_BLOCKED,
    Command.IMPROPER_USE,
)


def open_first_line(qtbot, window, keyboard, station, runner, **which):
    rma = open_rmas(station, **which)[0]
    with qtbot.waitSignal(window.receiving.rma_shown):
        keyboard.scan(rma.number)
    wait_until_idle(qtbot, runner)
    return rma


@pytest.mark.parametrize("command", CHECKS, ids=lambda command: command.value)
def test_each_check_starts_not_checked_and_its_key_says_yes_then_toggles(
    qtbot, window, keyboard, station, runner, command
) -> None:
    open_first_line(qtbot, window, keyboard, station, runner)
    binding = binding_for(command)
    check = window.receiving.inspection_panel.check(command)
    assert check.text().startswith(f"[{binding.label}]")
    unchecked = window.receiving.inspection_panel.ui.uncheckedLabel
    assert check.value is None and check.checkState() == Qt.CheckState.PartiallyChecked
    assert check.text().endswith(": —") and check.accessibleDescription() == "not checked"
    assert unchecked.text().startswith("… Nothing checked yet")
    keyboard.press(binding.key)
    assert check.value is True and check.text().endswith(": yes")
    assert unchecked.text().startswith("… Not checked: ") and fact_label(command.value).lower() not in unchecked.text()
    keyboard.press(binding.key)
    assert check.value is False and check.text().endswith(": no")
    keyboard.press(binding.key)
    assert check.value is True
    wait_until_idle(qtbot, runner)


def test_n_and_o_set_every_fact_at_once(qtbot, window, keyboard, station, runner) -> None:
    open_first_line(qtbot, window, keyboard, station, runner)
    panel = window.receiving.inspection_panel
    assert panel.condition() == Condition() and panel.flags() == Flags()
    keyboard.press(Qt.Key.Key_N)
    assert (panel.condition(), panel.flags()) == (Condition.as_sold(), Flags.as_sold())
    keyboard.press(Qt.Key.Key_O)
    opened = replace(Condition.as_sold(), unopened=False, sealed=False)
    assert (panel.condition(), panel.flags()) == (opened, Flags.as_sold())
    assert panel.check(Command.SEALED).text().endswith(": no")
    assert panel.ui.uncheckedLabel.text() == "✔ Every fact checked."
    wait_until_idle(qtbot, runner)


def test_reason_and_choice_are_preset_from_the_rma_and_change_with_their_keys(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = open_first_line(qtbot, window, keyboard, station, runner)
    panel = window.receiving.inspection_panel
    assert panel.reason().value == rma.lines[0].reason
    assert panel.customer_choice().value == rma.lines[0].customer_choice
    said = panel.ui.findingLabel.text()
    assert "As the customer said" in said and rma.lines[0].reason.replace("_", " ") in said
    keyboard.press(Qt.Key.Key_R)
    keyboard.press(Qt.Key.Key_C)
    assert panel.reason().value != rma.lines[0].reason
    assert panel.customer_choice().value != rma.lines[0].customer_choice
    found = panel.ui.findingLabel.text()
    assert f"Customer said {rma.lines[0].reason.replace('_', ' ')}, found {panel.reason().label}" in found
    assert f"customer said {rma.lines[0].customer_choice}, found {panel.customer_choice().value}" in found
    wait_until_idle(qtbot, runner)


def test_the_decision_names_what_is_still_to_check_then_follows_each_fact_live(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = open_first_line(qtbot, window, keyboard, station, runner, policy="image-pro-services")
    screen = window.receiving
    assert screen.decision_panel.outcome == "waiting"
    still = screen.decision_panel.ui.reasonsLabel.text()
    assert still.startswith("Still to check: ") and still.endswith(", weight.")
    line = rma.lines[0]

    check_as_sold(qtbot, keyboard, runner)
    assert screen.decision_panel.ui.reasonsLabel.text() == "Still to check: weight."
    with qtbot.waitSignal(screen.preview_shown) as shown:
        weigh_by_hand(qtbot, keyboard, runner, f"{line.full_g} g")
    assert shown.args[0].decision.outcome.value in ("refund", "replacement")
    assert screen.decision_panel.ui.fillValue.text() == "100.0% left"

    with qtbot.waitSignal(screen.preview_shown) as shown:
        keyboard.press(Qt.Key.Key_B)  # not bought from this seller after all
    assert shown.args[0].decision.outcome.value == "denied"
    assert screen.decision_panel.ui.outcomeLabel.text() == "✖ DENIED"
    assert screen.decision_panel.ui.reasonsLabel.text()  # the customer's words
    wait_until_idle(qtbot, runner)


def test_the_keyboard_map_lists_every_key_once_and_reads_as_markdown(window) -> None:
    keys = [binding.combination for binding in KEYBOARD_MAP]  # N and Ctrl+N are two keys
    assert len(keys) == len(set(keys))
    table = window.ui.keyboardMapTable
    assert table.rowCount() == len(KEYBOARD_MAP)
    assert table.item(1, 0).text() == "Enter"
    assert "| F3 | Hold the line (with a note) |" in keyboard_map_markdown()


def test_the_readme_shows_the_keyboard_map_as_the_window_does() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert keyboard_map_markdown() in readme, "copy keyboard_map_markdown() into the README's keyboard section"


def test_f1_shows_and_hides_the_keyboard_map(qtbot, window, keyboard) -> None:
    dock = window.ui.keyboardMapDock
    visible = dock.isVisible()
    keyboard.press(Qt.Key.Key_F1)
    assert dock.isVisible() is not visible
    keyboard.press(Qt.Key.Key_F1)
    assert dock.isVisible() is visible
