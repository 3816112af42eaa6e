"""F8: a supervisor releases a held line with their password and a note, by keyboard alone; the
release is checked in the database through the services afterwards."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from receiving_app.gui.dialogs import NoteDialog, ReleaseHoldDialog
from receiving_app.gui.keyboard_map import Command, binding_for
from tests.support.demo_rmas import open_rmas
from tests.support.gui_accessibility import unnamed_controls
from tests.support.gui_keyboard import fill_supervisor_note, open_rma, shown_dialog, wait_until_idle

RELEASE_KEY = binding_for(Command.RELEASE_HOLD).key
HOLD_NOTE = "label torn, ask the customer"


def held_first_line(qtbot, window, keyboard, station, runner):
    """A two-line RMA whose line 1 the clerk held, back on line 1 (holding moved on to line 2)."""
    rma = open_rmas(station, lines=2)[0]
    open_rma(qtbot, window, keyboard, runner, rma)
    keyboard.press(Qt.Key.Key_F3)
    shown_dialog(qtbot, window, NoteDialog)
    keyboard.type(HOLD_NOTE)
    with qtbot.waitSignal(window.receiving.rma_shown, timeout=10_000):
        keyboard.press(Qt.Key.Key_Return)
    wait_until_idle(qtbot, runner)
    keyboard.press(Qt.Key.Key_Up)
    assert window.receiving.current_line.line == 1
    return rma


def release_events(station, number: str) -> list[tuple[str, dict]]:
    with station.units.read() as uow:
        return [
            (row.user_name, json.loads(row.payload))
            for row in uow.records.audit_events_for_rma(number)
            if row.event_type == "hold_released"
        ]


def test_a_supervisor_releases_a_held_line_and_it_can_be_received_again(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = held_first_line(qtbot, window, keyboard, station, runner)
    assert f"({binding_for(Command.RELEASE_HOLD).label})" in window.receiving.decision_panel.ui.reasonsLabel.text()

    keyboard.press(RELEASE_KEY)
    dialog = shown_dialog(qtbot, window, ReleaseHoldDialog)
    assert HOLD_NOTE in dialog.ui.explanationLabel.text()
    with qtbot.waitSignal(window.receiving.rma_shown, timeout=10_000):
        fill_supervisor_note(keyboard, "supervisor", "supervisor-demo", "customer sent a photo of the label")
    wait_until_idle(qtbot, runner)

    line = station.history.show_rma(rma.number).rma.lines[0]
    assert line.status == "open"
    assert release_events(station, rma.number) == [
        ("supervisor", {"line": 1, "note": "customer sent a photo of the label"})
    ]
    assert not dialog.isVisible()
    assert "released by supervisor" in window.receiving.feedback_text
    assert window.receiving.current_line.line == 1 and window.receiving.ui.acceptButton.isEnabled()


def test_a_receivers_password_does_not_release_a_hold(qtbot, window, keyboard, station, runner) -> None:
    rma = held_first_line(qtbot, window, keyboard, station, runner)
    keyboard.press(RELEASE_KEY)
    dialog = shown_dialog(qtbot, window, ReleaseHoldDialog)
    fill_supervisor_note(keyboard, "receiver", "1111", "I checked it myself")
    qtbot.waitUntil(lambda: "needs a supervisor" in dialog.ui.messageLabel.text())
    assert dialog.isVisible()
    assert station.history.show_rma(rma.number).rma.lines[0].status == "on_hold"
    assert release_events(station, rma.number) == []
    wait_until_idle(qtbot, runner)


def test_the_release_key_on_an_open_line_says_there_is_nothing_to_release(
    qtbot, window, keyboard, station, runner
) -> None:
    open_rma(qtbot, window, keyboard, runner, open_rmas(station, lines=1)[0])
    keyboard.press(RELEASE_KEY)
    assert "not on hold: nothing to release" in window.receiving.feedback_text
    assert window.receiving.findChild(ReleaseHoldDialog) is None
    wait_until_idle(qtbot, runner)


def test_every_control_of_the_release_dialog_is_named(qtbot) -> None:
    dialog = ReleaseHoldDialog("Line 1 (HP-58A) is on hold: label torn.")
    qtbot.add_widget(dialog)
    assert unnamed_controls(dialog) == []
