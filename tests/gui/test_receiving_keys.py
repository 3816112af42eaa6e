"""Single keys toggle the checks, step reason and choice, and the decision follows them live."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from receiving_app.gui.keyboard_map import KEYBOARD_MAP, Command, binding_for, keyboard_map_markdown
from tests.gui.conftest import open_rmas, wait_until_idle

CHECKS = (
    Command.UNOPENED, Command.SEALED, Command.ORIGINAL_PACKAGING, Command.BOX_DAMAGE, Command.LABELS_INTACT,
    Command.SOLD_BY_SELLER, Command.HP_PLUS_REJECTED, Command.FIRMWARE_BLOCKED, Command.IMPROPER_USE,
)


def open_first_line(qtbot, window, keyboard, station, runner, **which):
    rma = open_rmas(station, **which)[0]
    with qtbot.waitSignal(window.receiving.rma_shown):
        keyboard.scan(rma.number)
    wait_until_idle(qtbot, runner)
    return rma


def weigh_by_hand(qtbot, keyboard, runner, text: str) -> None:
    keyboard.press(Qt.Key.Key_M)
    keyboard.type(text)
    keyboard.press(Qt.Key.Key_Return)
    wait_until_idle(qtbot, runner)


@pytest.mark.parametrize("command", CHECKS, ids=lambda command: command.value)
def test_each_check_has_its_key_shown_on_it_and_the_key_toggles_it(qtbot, window, keyboard, station, runner, command) -> None:
    open_first_line(qtbot, window, keyboard, station, runner)
    binding = binding_for(command)
    check = window.receiving.inspection_panel.check(command)
    assert check.text().startswith(f"[{binding.label}]")
    before = check.isChecked()
    keyboard.press(binding.key)
    assert check.isChecked() is not before
    keyboard.press(binding.key)
    assert check.isChecked() is before
    wait_until_idle(qtbot, runner)


def test_reason_and_choice_are_preset_from_the_rma_and_change_with_their_keys(qtbot, window, keyboard, station, runner) -> None:
    rma = open_first_line(qtbot, window, keyboard, station, runner)
    panel = window.receiving.inspection_panel
    assert panel.reason().value == rma.lines[0].reason
    assert panel.customer_choice().value == rma.lines[0].customer_choice
    keyboard.press(Qt.Key.Key_R)
    keyboard.press(Qt.Key.Key_C)
    assert panel.reason().value != rma.lines[0].reason
    assert panel.customer_choice().value != rma.lines[0].customer_choice
    wait_until_idle(qtbot, runner)


def test_the_decision_waits_for_the_weight_then_follows_each_fact_live(qtbot, window, keyboard, station, runner) -> None:
    rma = open_first_line(qtbot, window, keyboard, station, runner, policy="image-pro-services")
    screen = window.receiving
    assert screen.decision_panel.outcome == "waiting"
    assert "weigh" in screen.decision_panel.form.reasonsLabel.text()
    line = rma.lines[0]

    with qtbot.waitSignal(screen.preview_shown) as shown:
        weigh_by_hand(qtbot, keyboard, runner, f"{line.full_g} g")
    assert shown.args[0].outcome.value in ("refund", "replacement")
    assert screen.decision_panel.form.fillValue.text() == "100.0 % left"

    with qtbot.waitSignal(screen.preview_shown) as shown:
        keyboard.press(Qt.Key.Key_B)  # not bought from this seller
    assert shown.args[0].outcome.value == "denied"
    assert screen.decision_panel.form.outcomeLabel.text() == "✖ DENIED"
    assert screen.decision_panel.form.reasonsLabel.text()  # the customer's words
    wait_until_idle(qtbot, runner)


def test_the_keyboard_map_lists_every_key_once_and_reads_as_markdown(window) -> None:
    keys = [binding.key for binding in KEYBOARD_MAP]
    assert len(keys) == len(set(keys))
    table = window.form.keyboardMapTable
    assert table.rowCount() == len(KEYBOARD_MAP)
    assert table.item(1, 0).text() == "Enter"
    assert "| F3 | Hold the line (with a note) |" in keyboard_map_markdown()


def test_the_readme_shows_the_keyboard_map_as_the_window_does() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert keyboard_map_markdown() in readme, "copy keyboard_map_markdown() into the README's keyboard section"


def test_f1_shows_and_hides_the_keyboard_map(qtbot, window, keyboard) -> None:
    dock = window.form.keyboardMapDock
    visible = dock.isVisible()
    keyboard.press(Qt.Key.Key_F1)
    assert dock.isVisible() is not visible
    keyboard.press(Qt.Key.Key_F1)
    assert dock.isVisible() is visible
