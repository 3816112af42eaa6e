"""Nothing is decided on a fact nobody checked: every unit starts with every fact "not checked",
Enter decides only once the facts are complete (and only on a unit the clerk set something on,
so a bouncing Enter decides nothing more), N decides a sealed cartridge in a few keys, and a
contradiction or a finding asks for a supervisor before anything is written. By keyboard alone,
checked through the services afterwards. Units and records: test_units_and_records.py."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from receiving_app.devices.scales import ScaleReading, ScaleStatus
from receiving_app.domain.facts import Condition, Flags
from receiving_app.gui.dialogs import ApprovalDialog
from tests.support.demo_rmas import AS_SOLD, decided_units, recorded_facts, single_units
from tests.support.gui_keyboard import (
    burst,
    check_as_sold,
    fill_supervisor_note,
    open_rma,
    shown_dialog,
    wait_until_idle,
    weigh_by_hand,
)

# Double Enter ------------------------------------------------------------------------------------


@pytest.mark.parametrize("enters", [2, 3])
@pytest.mark.parametrize("answer_arrived", [True, False], ids=["after-the-preview", "before-the-preview"])
def test_enters_within_200_ms_decide_at_most_the_one_unit_whose_facts_were_set(
    qtbot, window, keyboard, station, runner, enters, answer_arrived
) -> None:
    rma = single_units(station, lines=2)
    open_rma(qtbot, window, keyboard, runner, rma)
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].full_g} g")
    if answer_arrived:
        check_as_sold(qtbot, keyboard, runner)
    else:
        qtbot.keyClick(keyboard.focus(), Qt.Key.Key_N)  # Enter follows before the decision is worked out
    recorded = []
    window.receiving.line_recorded.connect(recorded.append)
    burst(qtbot, keyboard, Qt.Key.Key_Return, enters)
    qtbot.waitUntil(lambda: len(recorded) == 1, timeout=10_000)
    qtbot.wait(250)
    wait_until_idle(qtbot, runner)

    assert decided_units(station, rma.number) == [(1, 1)]
    assert [line.status for line in station.history.show_rma(rma.number).rma.lines] == ["decided", "open"]
    screen = window.receiving
    assert (screen.current_line.line, screen.current_unit) == (2, 1)
    assert screen.inspection_panel.condition() == Condition() and screen.inspection_panel.flags() == Flags()


def test_a_bouncing_enter_after_a_decision_keeps_its_message_and_a_later_one_says_what_is_missing(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = single_units(station, lines=2)
    open_rma(qtbot, window, keyboard, runner, rma)
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].full_g} g")
    check_as_sold(qtbot, keyboard, runner)
    with qtbot.waitSignal(window.receiving.line_recorded, timeout=10_000):
        qtbot.keyClick(keyboard.focus(), Qt.Key.Key_Return)
    recorded_message = window.receiving.feedback_text

    qtbot.keyClick(keyboard.focus(), Qt.Key.Key_Return)  # the bounce, right after the decision
    assert window.receiving.feedback_text == recorded_message and "Saved to folder" in recorded_message
    qtbot.wait(1_100)
    qtbot.keyClick(keyboard.focus(), Qt.Key.Key_Return)  # a deliberate Enter on the untouched next line
    assert "Nothing is checked on line 2 yet" in window.receiving.feedback_text
    wait_until_idle(qtbot, runner)
    assert decided_units(station, rma.number) == [(1, 1)]


@pytest.mark.parametrize("enters", [2, 3])
def test_enters_right_after_opening_decide_nothing(qtbot, window, keyboard, station, runner, enters) -> None:
    rma = single_units(station, lines=2)
    with qtbot.waitSignal(window.receiving.rma_shown):
        keyboard.scan(rma.number)
    burst(qtbot, keyboard, Qt.Key.Key_Return, enters)  # the scanner's CR+LF, a bounce
    qtbot.wait(250)
    wait_until_idle(qtbot, runner)
    assert decided_units(station, rma.number) == []
    assert "Nothing is checked on line 1 yet" in window.receiving.feedback_text


# Facts before money -----------------------------------------------------------------------------


def test_a_unit_with_nothing_set_cannot_be_accepted(qtbot, window, keyboard, station, runner) -> None:
    rma = single_units(station, lines=1)
    open_rma(qtbot, window, keyboard, runner, rma)
    screen = window.receiving
    assert screen.inspection_panel.condition() == Condition() and screen.inspection_panel.flags() == Flags()
    assert screen.decision_panel.outcome == "waiting"
    keyboard.press(Qt.Key.Key_Return)
    wait_until_idle(qtbot, runner)
    assert "Nothing is checked on line 1 yet: N if new and sealed" in screen.feedback_text

    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].full_g} g")  # weighed, nothing else checked
    still = screen.decision_panel.ui.reasonsLabel.text()
    assert still.startswith("Still to check: ") and "weight" not in still
    keyboard.press(Qt.Key.Key_Return)
    wait_until_idle(qtbot, runner)
    assert screen.feedback_text == f"✖ Line 1 is not decided. {still}"

    keyboard.press(Qt.Key.Key_X)  # the weight cleared again, the facts set
    check_as_sold(qtbot, keyboard, runner)
    assert screen.decision_panel.ui.reasonsLabel.text() == "Still to check: weight."
    keyboard.press(Qt.Key.Key_Return)
    wait_until_idle(qtbot, runner)
    assert screen.feedback_text == "✖ Line 1 is not decided. Still to check: weight."
    assert station.history.show_rma(rma.number).decisions == ()


def test_the_one_key_n_path_decides_a_sealed_cartridge_in_three_deliberate_actions(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = single_units(station, lines=1)
    line = rma.lines[0]
    open_rma(qtbot, window, keyboard, runner, rma)
    screen = window.receiving
    # The scale: the cartridge is set on the pan, settles, and its weight is captured by itself.
    screen.weight_panel.show_reading(ScaleReading(Decimal("400.0"), Decimal("400.0"), "g", ScaleStatus.MOVING, b""))
    screen.weight_panel.show_reading(ScaleReading(line.full_g, line.full_g, "g", ScaleStatus.STABLE, b""))
    wait_until_idle(qtbot, runner)
    assert screen.weight_panel.captured.grams == line.full_g

    actions = [Qt.Key.Key_N, Qt.Key.Key_Return]  # N, Enter: the clerk's only deliberate actions
    with qtbot.waitSignal(screen.line_recorded, timeout=10_000) as recorded:
        for key in actions:
            keyboard.press(key)
    wait_until_idle(qtbot, runner)
    assert len(actions) <= 3
    assert recorded.args[0].decision.outcome in ("refund", "replacement", "denied")
    inspection = station.history.show_rma(rma.number).inspections[0]
    assert recorded_facts(inspection) == AS_SOLD
    assert inspection.weight_grams == line.full_g and inspection.weight_source == "scale"


# A supervisor where needed ----------------------------------------------------------------------


def test_a_weight_that_contradicts_a_ticked_seal_asks_for_a_supervisor_who_approves_it(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = single_units(station, lines=1)
    line = rma.lines[0]
    half = (line.empty_g + (line.full_g - line.empty_g) / 2).quantize(Decimal("0.1"))
    open_rma(qtbot, window, keyboard, runner, rma)
    weigh_by_hand(qtbot, keyboard, runner, f"{half} g")  # far below a sealed new one
    check_as_sold(qtbot, keyboard, runner)
    screen = window.receiving
    warning = screen.decision_panel.ui.supervisorLabel
    assert warning.isVisible() and "Needs a supervisor" in warning.text() and "Ticked sealed" in warning.text()

    keyboard.press(Qt.Key.Key_Return)
    dialog = shown_dialog(qtbot, window, ApprovalDialog)
    assert "Ticked sealed" in dialog.ui.explanationLabel.text()
    assert station.history.show_rma(rma.number).decisions == ()

    fill_supervisor_note(keyboard, "receiver", "1111", "looks fine to me")
    qtbot.waitUntil(lambda: "needs a supervisor" in dialog.ui.messageLabel.text())
    assert station.history.show_rma(rma.number).decisions == ()

    keyboard.press(Qt.Key.Key_Escape)
    keyboard.press(Qt.Key.Key_Return)
    dialog = shown_dialog(qtbot, window, ApprovalDialog)
    with qtbot.waitSignal(screen.line_recorded, timeout=10_000) as recorded:
        fill_supervisor_note(keyboard, "supervisor", "supervisor-demo", "customer's own scale agrees; refilled by us")
    wait_until_idle(qtbot, runner)
    decision = recorded.args[0].decision
    assert (decision.approved_by, decision.approval_note) == (
        "supervisor",
        "customer's own scale agrees; refilled by us",
    )
    assert any("Ticked sealed" in text for text in decision.contradictions)
    assert station.history.show_rma(rma.number).decisions[0].approved_by == "supervisor"


def test_changing_the_customers_choice_shows_why_before_enter_and_needs_a_supervisor(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = single_units(station, lines=1)
    open_rma(qtbot, window, keyboard, runner, rma)
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].full_g} g")
    check_as_sold(qtbot, keyboard, runner)
    keyboard.press(Qt.Key.Key_C)  # found: the customer wants a replacement after all
    wait_until_idle(qtbot, runner)
    screen = window.receiving
    assert "Customer said refund, found replacement" in screen.inspection_panel.ui.findingLabel.text()
    assert "changing it to a replacement needs a supervisor" in screen.decision_panel.ui.supervisorLabel.text()
    keyboard.press(Qt.Key.Key_Return)
    shown_dialog(qtbot, window, ApprovalDialog)
    with qtbot.waitSignal(screen.line_recorded, timeout=10_000) as recorded:
        fill_supervisor_note(keyboard, "supervisor", "supervisor-demo", "customer phoned: replacement")
    decision = recorded.args[0].decision
    assert (decision.customer_choice, decision.approved_by) == ("replacement", "supervisor")
    wait_until_idle(qtbot, runner)
