"""Every control can be named by a screen reader and found by a test; the type is large enough to
read at arm's length; no state is told by colour alone."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QProgressBar, QWidget,
)

from receiving_app.gui.dialogs import NoteDialog, OverrideDialog
from receiving_app.gui.sign_in import SignInDialog
from receiving_app.gui.style import BASE_POINT_SIZE, OUTCOME_POINT_SIZE

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QProgressBar)


def is_part_of_a_qt_widget(widget: QWidget) -> bool:
    """Qt's own inner parts (a table's headers, a combo box's popup list, a line edit's clear
    button) are described by Qt for screen readers and are not ours to name."""
    parent = widget.parent()
    return (
        widget.objectName().startswith("qt_")
        or type(widget).__name__ in ("QScrollBar", "QHeaderView")
        or isinstance(parent, QLineEdit)
    )


def unnamed_controls(root: QWidget) -> list[str]:
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.parent() is None:
            continue
        if is_part_of_a_qt_widget(widget) or widget.window() is not root.window():  # a combo's popup list
            continue
        if not widget.objectName() or not widget.accessibleName():
            problems.append(f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}")
    return problems


def test_every_control_of_the_station_window_has_an_object_name_and_an_accessible_name(window) -> None:
    assert unnamed_controls(window) == []


def test_every_control_of_the_dialogs_is_named(qtbot, station, runner) -> None:
    for dialog in (SignInDialog(station.auth, "bench", runner), NoteDialog("Hold", "Why?", required=True), OverrideDialog()):
        qtbot.add_widget(dialog)
        assert unnamed_controls(dialog) == [], type(dialog).__name__


def test_the_type_is_large_and_the_outcome_larger(window) -> None:
    screen = window.receiving
    assert BASE_POINT_SIZE >= 13 and window.font().pointSize() >= 13
    assert screen.decision_panel.form.outcomeLabel.font().pointSize() >= 28 and OUTCOME_POINT_SIZE >= 28


def test_states_carry_a_symbol_and_words_as_well_as_a_colour(window) -> None:
    outcome = window.receiving.decision_panel.form.outcomeLabel
    assert outcome.text().split(" ", 1)[0] in "✔⇄✖…•≈" and len(outcome.text()) > 2
