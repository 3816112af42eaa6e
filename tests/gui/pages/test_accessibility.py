"""Every control on every page has an object name and an accessible name, and the type is large."""

from __future__ import annotations

import pytest

from receiving_app.gui.pages import PAGES
from receiving_app.gui.style import BASE_POINT_SIZE
from tests.support.demo_users import USERS
from tests.support.gui_accessibility import controls


@pytest.mark.parametrize("entry", PAGES, ids=[entry.title for entry in PAGES])
@pytest.mark.parametrize("role", ["receiver", "admin"])
def test_every_control_is_named_for_people_and_for_tests(qtbot, station, entry, role) -> None:
    page = entry.page_class()(station, USERS[role])
    qtbot.add_widget(page)

    unnamed = [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in controls(page)
        if not widget.objectName() or not widget.accessibleName()
    ]

    assert controls(page) and unnamed == []
    assert page.font().pointSize() >= 13 and BASE_POINT_SIZE >= 13
