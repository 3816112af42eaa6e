"""Units and records: a line of several units is worked unit by unit (F4 for one that did not
arrive), a decided unit shows its own recorded facts and never another's, leaving an RMA with
lines open is said and recorded, and a unit whose decision was voided says so and is decided
again only with a supervisor. By keyboard alone, checked through the services afterwards."""

from __future__ import annotations

import json
from dataclasses import asdict

from PySide6.QtCore import Qt

from receiving_app.domain.facts import Condition, Flags
from receiving_app.gui.dialogs import ApprovalDialog, NoteDialog
from receiving_app.gui.keyboard_map import Command
from receiving_app.services.commands import Approval
from tests.support.demo_rmas import AS_SOLD, WEIGHED, open_rmas, recorded_facts, single_units
from tests.support.gui_keyboard import (
    accept,
    check_as_sold,
    fill_supervisor_note,
    open_rma,
    receive_as_sold,
    shown_dialog,
    wait_until_idle,
    weigh_by_hand,
)

# What the screen shows --------------------------------------------------------------------------


def test_a_decided_line_shows_its_own_recorded_facts_not_the_previous_lines(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = single_units(station, lines=2)
    open_rma(qtbot, window, keyboard, runner, rma)
    receive_as_sold(qtbot, window, keyboard, runner, f"{rma.lines[0].full_g} g")
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[1].full_g} g")
    keyboard.press(Qt.Key.Key_O)  # opened, otherwise as sold
    keyboard.press(Qt.Key.Key_I)  # and improperly used
    wait_until_idle(qtbot, runner)
    accept(qtbot, window, keyboard, runner)  # the RMA closes on line 2, which stays on screen

    screen, panel = window.receiving, window.receiving.inspection_panel
    opened = {**AS_SOLD, "unopened": False, "sealed": False, "improper_use": True}
    qtbot.waitUntil(lambda: "Recorded facts" in panel.ui.recordLabel.text())
    assert screen.current_line.line == 2 and panel.read_only
    assert {**asdict(panel.condition()), **asdict(panel.flags())} == opened
    assert f"weighed {rma.lines[1].full_g} g (manual)" in panel.ui.recordLabel.text()

    keyboard.press(Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: screen.current_line.line == 1 and "Recorded facts" in panel.ui.recordLabel.text())
    assert {**asdict(panel.condition()), **asdict(panel.flags())} == AS_SOLD
    assert f"weighed {rma.lines[0].full_g} g (manual)" in panel.ui.recordLabel.text()
    assert "recorded by receiver" in screen.decision_panel.title()
    keyboard.press(Qt.Key.Key_S)  # a decided unit's facts stay as recorded
    assert panel.check(Command.SEALED).value is True

    keyboard.press(Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: screen.current_line.line == 2)
    assert {**asdict(panel.condition()), **asdict(panel.flags())} == opened
    detail = station.history.show_rma(rma.number)
    assert [recorded_facts(inspection) for inspection in detail.inspections] == [AS_SOLD, opened]


def test_a_decided_line_opened_later_fetches_its_record_and_shows_nothing_else_meanwhile(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = single_units(station, lines=2)
    open_rma(qtbot, window, keyboard, runner, rma)
    receive_as_sold(qtbot, window, keyboard, runner, f"{rma.lines[0].full_g} g")
    other = next(candidate for candidate in open_rmas(station, lines=1) if candidate.number != rma.number)
    open_rma(qtbot, window, keyboard, runner, other)
    keyboard.press(Qt.Key.Key_N)  # facts on the other RMA's line
    open_rma(qtbot, window, keyboard, runner, rma)
    screen, panel = window.receiving, window.receiving.inspection_panel
    assert (screen.current_line.line, screen.current_unit) == (2, 1)  # resumed at its first open unit
    assert panel.condition() == Condition() and panel.flags() == Flags()
    keyboard.press(Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: "Recorded facts" in panel.ui.recordLabel.text())
    assert {**asdict(panel.condition()), **asdict(panel.flags())} == AS_SOLD


def test_leaving_an_rma_with_lines_open_says_so_and_is_recorded(qtbot, window, keyboard, station, runner) -> None:
    first = next(rma for rma in open_rmas(station) if len(rma.lines) == 2)
    second = next(rma for rma in open_rmas(station, lines=1) if rma.number != first.number)
    open_rma(qtbot, window, keyboard, runner, first)
    open_rma(qtbot, window, keyboard, runner, second)
    assert window.receiving.feedback_text.startswith(f"✔ {first.number} left with 2 lines open. Opened {second.number}")
    with station.units.read() as uow:
        left = [
            json.loads(row.payload)
            for row in uow.records.audit_events_for_rma(first.number)
            if row.event_type == "rma_left_open"
        ]
    assert left == [{"open_lines": [1, 2]}]


# Units ------------------------------------------------------------------------------------------


def test_a_line_of_two_is_worked_unit_by_unit_and_f4_records_the_second_as_not_arrived(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = next(rma for rma in open_rmas(station) if rma.lines[0].quantity == 2 and rma.lines[0].category in WEIGHED)
    line = rma.lines[0]
    open_rma(qtbot, window, keyboard, runner, rma)
    screen = window.receiving
    assert screen.current_unit == 1
    assert screen.inspection_panel.ui.unitLabel.text().startswith("Unit 1 of 2 on line 1")
    status = screen.lines.index(0, screen.lines.COLUMNS.index("Status"))
    assert screen.lines.data(status) == "• 0 of 2 decided"

    first = receive_as_sold(qtbot, window, keyboard, runner, f"{line.full_g} g")
    assert (first.line, first.unit) == (1, 1)
    assert (screen.current_line.line, screen.current_unit) == (1, 2)
    assert screen.inspection_panel.ui.unitLabel.text().startswith("Unit 2 of 2 on line 1")
    assert screen.inspection_panel.condition() == Condition()  # unit 2 starts unknown
    assert screen.lines.data(screen.lines.index(0, status.column())).startswith("• 1 of 2 decided")

    keyboard.press(Qt.Key.Key_F4)
    dialog = shown_dialog(qtbot, window, NoteDialog)
    assert "Unit 2 of 2 on line 1" in dialog.ui.promptLabel.text()
    keyboard.type("only one in the box")
    with qtbot.waitSignal(screen.rma_shown, timeout=10_000):
        keyboard.press(Qt.Key.Key_Return)
    wait_until_idle(qtbot, runner)

    detail = station.history.show_rma(rma.number)
    recorded = detail.rma.lines[0]
    assert recorded.units == ("decided", "not_received") and recorded.status == "decided"
    assert [(decision.line, decision.unit) for decision in detail.decisions] == [(1, 1)]
    missing = [inspection for inspection in detail.inspections if not inspection.arrived]
    assert [(inspection.unit, inspection.notes) for inspection in missing] == [(2, "only one in the box")]
    assert "Unit 2 of 2 on line 1 is recorded as not received" in screen.feedback_text
    text = screen.lines.data(screen.lines.index(0, status.column()))
    assert "1 of 2 decided, 1 did not arrive" in text


def test_the_arrow_keys_step_through_a_lines_units(qtbot, window, keyboard, station, runner) -> None:
    rma = next(rma for rma in open_rmas(station) if rma.lines[0].quantity == 2 and rma.lines[0].category in WEIGHED)
    open_rma(qtbot, window, keyboard, runner, rma)
    screen = window.receiving
    receive_as_sold(qtbot, window, keyboard, runner, f"{rma.lines[0].full_g} g")
    assert screen.current_unit == 2
    keyboard.press(Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: "Recorded facts" in screen.inspection_panel.ui.recordLabel.text())
    assert screen.current_unit == 1 and not screen.ui.acceptButton.isEnabled()
    keyboard.press(Qt.Key.Key_Right)
    assert screen.current_unit == 2 and screen.ui.acceptButton.isEnabled()
    assert screen.inspection_panel.condition() == Condition() and screen.inspection_panel.flags() == Flags()
    wait_until_idle(qtbot, runner)


def redecide_a_voided_unit(qtbot, window, keyboard, station, runner, monkeypatch):
    """Line 1 decided, its decision voided by a supervisor in the office, the RMA opened again and
    line 1 decided anew with N and a supervisor's approval; the result and every receive command."""
    rma = single_units(station, lines=2)
    open_rma(qtbot, window, keyboard, runner, rma)
    first = receive_as_sold(qtbot, window, keyboard, runner, f"{rma.lines[0].full_g} g")
    station.history.void_document(
        first.decision.documents[0].number, user="supervisor", station="office", reason="printed on the wrong customer"
    )
    commands = []
    receive = station.receiving.receive
    monkeypatch.setattr(station.receiving, "receive", lambda command: commands.append(command) or receive(command))
    open_rma(qtbot, window, keyboard, runner, rma)  # opened again: line 1's unit is open again, and first
    screen = window.receiving
    assert (screen.current_line.line, screen.current_unit) == (1, 1)
    assert screen.lines.data(screen.lines.index(0, screen.lines.COLUMNS.index("Status"))) == "• open"
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].full_g} g")
    check_as_sold(qtbot, keyboard, runner)
    warning = screen.decision_panel.ui.supervisorLabel.text()
    assert "supervisor voided that decision: printed on the wrong customer" in warning

    keyboard.press(Qt.Key.Key_Return)
    shown_dialog(qtbot, window, ApprovalDialog)
    assert commands == []  # nothing is received before the supervisor has approved
    with qtbot.waitSignal(screen.line_recorded, timeout=10_000) as recorded:
        fill_supervisor_note(keyboard, "supervisor", "supervisor-demo", "reissued for the right customer")
    wait_until_idle(qtbot, runner)
    return rma, recorded.args[0], commands


def test_a_unit_whose_decision_was_voided_says_so_and_is_decided_again_only_with_a_supervisor(
    qtbot, window, keyboard, station, runner, monkeypatch
) -> None:
    rma, result, commands = redecide_a_voided_unit(qtbot, window, keyboard, station, runner, monkeypatch)
    assert [command.approval for command in commands] == [Approval("supervisor", "reissued for the right customer")]
    assert (result.line, result.unit, result.already_decided) == (1, 1, False)
    decisions = station.history.show_rma(rma.number).decisions
    assert [(decision.unit, decision.voided) for decision in decisions if decision.line == 1] == [(1, True), (1, False)]


def test_the_approval_to_decide_a_voided_unit_again_is_recorded(
    qtbot, window, keyboard, station, runner, monkeypatch
) -> None:
    _rma, result, _ = redecide_a_voided_unit(qtbot, window, keyboard, station, runner, monkeypatch)
    assert (result.decision.approved_by, result.decision.approval_note) == (
        "supervisor",
        "reissued for the right customer",
    )
