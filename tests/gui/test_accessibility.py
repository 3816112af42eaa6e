"""Every control can be named by a screen reader and found by a test; the type is large enough to
read at arm's length; no state is told by colour alone."""

from __future__ import annotations

from receiving_app.gui.dialogs import ApprovalDialog, NoteDialog, OverrideDialog
from receiving_app.gui.sign_in import SignInDialog
from receiving_app.gui.style import BASE_POINT_SIZE, OUTCOME_POINT_SIZE
from tests.support.gui_accessibility import unnamed_controls


def test_every_control_of_the_station_window_has_an_object_name_and_an_accessible_name(window) -> None:
    assert unnamed_controls(window) == []


def test_every_control_of_the_dialogs_is_named(qtbot, station, runner) -> None:
    dialogs = (
        SignInDialog(station.auth, "bench", runner),
        NoteDialog("Hold", "Why?", required=True),
        OverrideDialog(),
        ApprovalDialog("Line 1: REFUND $54.99", ["Ticked sealed, but it weighs 700.0 g."]),
    )
    for dialog in dialogs:
        qtbot.add_widget(dialog)
        assert unnamed_controls(dialog) == [], type(dialog).__name__


def test_the_type_is_large_and_the_outcome_larger(window) -> None:
    screen = window.receiving
    assert BASE_POINT_SIZE >= 13 and window.font().pointSize() >= 13
    assert screen.decision_panel.ui.outcomeLabel.font().pointSize() >= 28 and OUTCOME_POINT_SIZE >= 28


def test_states_carry_a_symbol_and_words_as_well_as_a_colour(window) -> None:
    outcome = window.receiving.decision_panel.ui.outcomeLabel
    assert outcome.text().split(" ", 1)[0] in "✔⇄✖…•≈" and len(outcome.text()) > 2
