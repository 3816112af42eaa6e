"""Finding the controls a screen reader announces, so that tests can check each has an object name
and an accessible name: on the station window, and on one page of the station's pages."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QTextBrowser,
    QWidget,
)

WINDOW_CONTROL_TYPES = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QProgressBar)
PAGE_CONTROL_TYPES = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextBrowser)

# Parts Qt builds inside a control (a spin box's line edit, a table's headers and corner button,
# a combo box's list, a line edit's clear button) are reached through the control, which carries the name.
COMPOSITES = (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit)


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
        if not isinstance(widget, WINDOW_CONTROL_TYPES) or widget.parent() is None:
            continue
        if is_part_of_a_qt_widget(widget) or widget.window() is not root.window():  # a combo's popup list
            continue
        if not widget.objectName() or not widget.accessibleName():
            problems.append(f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}")
    return problems


def controls(page: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in page.findChildren(QWidget)
        if isinstance(widget, PAGE_CONTROL_TYPES)
        and not isinstance(widget, QHeaderView)
        and not _inside_composite(widget)
    ]


def _inside_composite(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False
