"""A clerk receives a whole multi-line RMA with the keyboard alone: the RMA number is typed, each
unit is weighed by typing its weight and checked with N (new and sealed), one line gets a damaged
box, and Enter accepts each unit. Then the database is checked through the services, and the
printer's folder."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.demo_rmas import open_rmas
from tests.support.gui_keyboard import wait_until_idle


def test_a_whole_rma_is_received_with_keystrokes_only(qtbot, window, keyboard, station, runner, printed_folder) -> None:
    rma = next(rma for rma in open_rmas(station) if len(rma.lines) >= 3)
    screen = window.receiving

    keyboard.press(Qt.Key.Key_F2)  # the scan field, typed into by hand like a clerk without a scanner
    keyboard.type(rma.number)
    with qtbot.waitSignal(screen.rma_shown, timeout=10_000):
        keyboard.press(Qt.Key.Key_Return)
    wait_until_idle(qtbot, runner)

    units = [(line.line, unit) for line in rma.lines for unit in range(1, line.quantity + 1)]
    for line_no, unit in units:
        line = rma.lines[line_no - 1]
        assert (screen.current_line.line, screen.current_unit) == (line_no, unit)
        keyboard.press(Qt.Key.Key_M)
        keyboard.type(f"{line.full_g}g")
        keyboard.press(Qt.Key.Key_Return)
        keyboard.press(Qt.Key.Key_N)
        if line_no == 2:
            keyboard.press(Qt.Key.Key_D)  # the box is damaged after all
        wait_until_idle(qtbot, runner)
        with qtbot.waitSignal(screen.line_recorded, timeout=10_000):
            keyboard.press(Qt.Key.Key_Return)
        wait_until_idle(qtbot, runner)

    detail = station.history.show_rma(rma.number)
    assert detail.rma.status == "closed"
    assert [line.status for line in detail.rma.lines] == ["decided"] * len(rma.lines)
    assert [(decision.line, decision.unit) for decision in detail.decisions] == units
    assert all(inspection.condition["box_damage"] is (inspection.line == 2) for inspection in detail.inspections)
    assert all(inspection.weight_source == "manual" for inspection in detail.inspections)
    numbers = [document.number for decision in detail.decisions for document in decision.documents]
    assert numbers and all(decision.documents for decision in detail.decisions)
    plates = [decision.license_plate for decision in detail.decisions]  # each unit's label, printed with its papers
    assert sorted(path.stem for path in printed_folder.glob("*.pdf")) == sorted(numbers + plates)
    assert all(path.read_bytes().startswith(b"%PDF") for path in printed_folder.glob("*.pdf"))
    assert "closed" in screen.ui.statusValue.text()
    last = detail.decisions[-1]
    assert f". {last.license_plate} → " in screen.feedback_text and " RMA closed. " in screen.feedback_text
