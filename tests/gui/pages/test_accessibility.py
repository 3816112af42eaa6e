"""Every control on every page has an object name and an accessible name, and the type is large."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTextBrowser,
    QWidget,
)

from receiving_app.gui.pages import PAGES
from receiving_app.gui.style import BASE_POINT_SIZE
from tests.gui.pages.conftest import USERS

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextBrowser)


# Parts Qt builds inside a control (a spin box's line edit, a table's headers and corner button,
# a combo box's list, a line edit's clear button) are reached through the control, which carries the name.
COMPOSITES = (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit)


def controls(page: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in page.findChildren(QWidget)
        if isinstance(widget, INTERACTIVE) and not isinstance(widget, QHeaderView) and not _inside_composite(widget)
    ]


def _inside_composite(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("title,page_class", PAGES, ids=[title for title, _ in PAGES])
@pytest.mark.parametrize("role", ["receiver", "admin"])
def test_every_control_is_named_for_people_and_for_tests(qtbot, station, title, page_class, role) -> None:
    page = page_class(station, USERS[role])
    qtbot.add_widget(page)

    unnamed = [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in controls(page)
        if not widget.objectName() or not widget.accessibleName()
    ]

    assert controls(page) and unnamed == []
    assert page.font().pointSize() >= 13 and BASE_POINT_SIZE >= 13
