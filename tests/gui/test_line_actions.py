"""Accept, hold, did not arrive, supervisor override and photos, each checked in the database
through the services afterwards."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from receiving_app.bootstrap import bootstrap
from receiving_app.gui.dialogs import NoteDialog, OverrideDialog
from receiving_app.gui.main_window import MainWindow
from receiving_app.services.settings import DOCUMENT_PRINTER_KEYS
from tests.support.demo_rmas import open_rmas
from tests.support.demo_users import RECEIVER
from tests.support.gui_keyboard import (
    Keyboard,
    check_as_sold,
    open_rma,
    receive_as_sold,
    shown_dialog,
    wait_until_idle,
    weigh_by_hand,
)
from tests.support.gui_station import DATABASE_NAME, write_settings


def test_accept_records_the_line_prints_its_documents_and_moves_to_the_next_line(
    qtbot, window, keyboard, station, runner, printed_folder
) -> None:
    rma = next(rma for rma in open_rmas(station, lines=2) if rma.lines[0].quantity == 1)
    open_rma(qtbot, window, keyboard, runner, rma)
    result = receive_as_sold(qtbot, window, keyboard, runner, f"{rma.lines[0].full_g} g")
    numbers = [document.number for document in result.decision.documents]
    assert numbers and not result.already_decided
    plate = result.decision.license_plate  # the unit's license plate label prints with its papers
    assert sorted(path.stem for path in printed_folder.glob("*.pdf")) == sorted([*numbers, plate])
    assert [outcome.number for outcome in window.receiving.last_print_outcomes] == [*numbers, plate]
    assert all(outcome.printed for outcome in window.receiving.last_print_outcomes)
    assert window.receiving.current_line.line == 2
    detail = station.history.show_rma(rma.number)
    assert [line.status for line in detail.rma.lines] == ["decided", "open"]
    assert detail.inspections[0].weight_source == "manual"
    assert detail.inspections[0].condition == {
        "unopened": True,
        "sealed": True,
        "original_packaging": True,
        "box_damage": False,
        "labels_intact": True,
    }
    wait_until_idle(qtbot, runner)


@pytest.fixture
def station_with_broken_printer(tmp_path, demo_database):
    shutil.copy(demo_database, tmp_path / DATABASE_NAME)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the printer's folder should be")
    printers = {
        document: {"backend": "folder", "folder": str(blocker / "inside")} for document in DOCUMENT_PRINTER_KEYS
    }
    station = bootstrap(
        f"sqlite:///{tmp_path / DATABASE_NAME}", settings_path=write_settings(tmp_path, printers=printers)
    )
    yield station
    station.close()


def test_a_printer_that_fails_loses_nothing_and_says_so(
    qtbot, station_with_broken_printer, runner, wedge, clock
) -> None:
    station = station_with_broken_printer
    window = MainWindow(station, RECEIVER, runner, wedge)
    qtbot.add_widget(window)
    window.show()
    keyboard = Keyboard(qtbot, window, clock)
    rma = next(rma for rma in open_rmas(station, lines=1) if rma.lines[0].quantity == 1)
    open_rma(qtbot, window, keyboard, runner, rma)
    result = receive_as_sold(qtbot, window, keyboard, runner, f"{rma.lines[0].full_g} g")
    assert "did not print" in window.receiving.feedback_text
    assert "Reprint it from History" in window.receiving.feedback_text
    number = result.decision.documents[0].number
    assert station.history.document(number, reprint=False).pdf.startswith(b"%PDF")
    assert station.history.show_rma(rma.number).rma.status == "closed"


def test_hold_asks_for_a_note_and_puts_the_line_on_hold(qtbot, window, keyboard, station, runner) -> None:
    rma = open_rmas(station, lines=2)[0]
    open_rma(qtbot, window, keyboard, runner, rma)
    keyboard.press(Qt.Key.Key_F3)
    dialog = shown_dialog(qtbot, window, NoteDialog)
    keyboard.press(Qt.Key.Key_Return)  # an empty note is refused
    assert "Write a note first" in dialog.ui.messageLabel.text()
    keyboard.type("box soaked, ask the customer")
    with qtbot.waitSignal(window.receiving.rma_shown, timeout=10_000):
        keyboard.press(Qt.Key.Key_Return)
    line = station.history.show_rma(rma.number).rma.lines[0]
    assert (line.status, line.hold_note) == ("on_hold", "box soaked, ask the customer")
    assert "on hold" in window.receiving.lines.status_text(window.receiving.rma.lines[0])
    assert window.receiving.current_line.line == 2
    wait_until_idle(qtbot, runner)


def test_did_not_arrive_marks_the_line_and_the_last_line_closes_the_rma(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = next(rma for rma in open_rmas(station, lines=1) if rma.lines[0].quantity == 1)
    open_rma(qtbot, window, keyboard, runner, rma)
    keyboard.press(Qt.Key.Key_F4)
    shown_dialog(qtbot, window, NoteDialog)
    with qtbot.waitSignal(window.receiving.rma_shown, timeout=10_000):
        keyboard.press(Qt.Key.Key_Return)
    detail = station.history.show_rma(rma.number)
    assert [line.status for line in detail.rma.lines] == ["not_received"]
    assert detail.rma.status == "closed"
    assert "closed" in window.receiving.ui.statusValue.text()
    wait_until_idle(qtbot, runner)


def fill_override(keyboard, supervisor: str, password: str, reason: str) -> None:
    keyboard.type(supervisor)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type(password)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.press(Qt.Key.Key_Down)  # outcome: refund -> replacement
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type(reason)
    keyboard.press(Qt.Key.Key_Return)


def test_a_supervisor_overrides_the_decision_with_a_password_and_a_reason(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = next(rma for rma in open_rmas(station, lines=1) if rma.lines[0].customer_choice == "refund")
    open_rma(qtbot, window, keyboard, runner, rma)
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].empty_g} g")
    keyboard.press(Qt.Key.Key_V)  # an original empty, never refilled: the routes sort empties by it
    keyboard.press(Qt.Key.Key_F6)
    dialog = shown_dialog(qtbot, window, OverrideDialog)

    fill_override(keyboard, "supervisor", "wrong-password", "loyal customer")
    qtbot.waitUntil(lambda: "do not match" in dialog.ui.messageLabel.text())
    assert dialog.isVisible()

    keyboard.type("supervisor-demo")  # the password field was cleared and has the focus again
    with qtbot.waitSignal(window.receiving.line_recorded, timeout=10_000) as recorded:
        keyboard.press(Qt.Key.Key_Return)
    decision = recorded.args[0].decision
    assert (decision.outcome, decision.overridden_by, decision.override_reason) == (
        "replacement",
        "supervisor",
        "loyal customer",
    )
    wait_until_idle(qtbot, runner)


def test_a_receiver_cannot_confirm_an_override(qtbot, window, keyboard, station, runner) -> None:
    rma = open_rmas(station, lines=1)[0]
    open_rma(qtbot, window, keyboard, runner, rma)
    keyboard.press(Qt.Key.Key_F6)
    dialog = shown_dialog(qtbot, window, OverrideDialog)
    fill_override(keyboard, "receiver", "1111", "because I say so")
    qtbot.waitUntil(lambda: "needs a supervisor" in dialog.ui.messageLabel.text())
    assert station.history.show_rma(rma.number).decisions == ()
    wait_until_idle(qtbot, runner)


def test_a_damage_photo_from_a_file_is_stored_with_the_inspection(
    qtbot, window, keyboard, station, runner, tmp_path
) -> None:
    photo = tmp_path / "crushed-box.png"
    Image.new("RGB", (8, 8), "red").save(photo)
    rma = open_rmas(station, lines=1)[0]
    open_rma(qtbot, window, keyboard, runner, rma)
    window.receiving.attach_photo_files([photo])
    qtbot.waitUntil(lambda: len(window.receiving.inspection_panel.photos) == 1)
    assert "crushed-box.png" in window.receiving.inspection_panel.ui.photosLabel.text()
    receive_as_sold(qtbot, window, keyboard, runner, f"{rma.lines[0].full_g} g")
    assert station.history.show_rma(rma.number).inspections[0].photo_count == 1
    wait_until_idle(qtbot, runner)


def test_a_file_that_is_not_a_photo_is_refused(qtbot, window, keyboard, station, runner, tmp_path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    open_rma(qtbot, window, keyboard, runner, open_rmas(station, lines=1)[0])
    window.receiving.attach_photo_files([notes])
    wait_until_idle(qtbot, runner)
    assert "notes.txt is not a photo" in window.receiving.feedback_text


def test_enter_pressed_twice_records_the_line_once(qtbot, window, keyboard, station, runner, clock) -> None:
    rma = next(rma for rma in open_rmas(station, lines=2) if rma.lines[0].quantity == 1)
    open_rma(qtbot, window, keyboard, runner, rma)
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].full_g} g")
    check_as_sold(qtbot, keyboard, runner)
    recorded = []
    window.receiving.line_recorded.connect(recorded.append)
    focus = keyboard.focus()
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    clock.advance(0.3)
    qtbot.keyClick(focus, Qt.Key.Key_Return)  # before the first one has come back
    assert "already being recorded" in window.receiving.feedback_text
    qtbot.waitUntil(lambda: len(recorded) == 1, timeout=10_000)
    wait_until_idle(qtbot, runner)
    detail = station.history.show_rma(rma.number)
    assert len(detail.decisions) == 1 and [line.status for line in detail.rma.lines] == ["decided", "open"]
