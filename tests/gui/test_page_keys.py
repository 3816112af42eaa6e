"""Every page by its key, with the keyboard alone: Ctrl+1 to Ctrl+6 open the pages from wherever the
focus is (a text field included, which they type nothing into), the focus lands on the page so the
next key works there, Ctrl+1 comes back to where the clerk left Receiving, and Ctrl+N opens the
unit's notes from any page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from receiving_app.gui.app import station_window
from receiving_app.gui.keyboard_map import KEYBOARD_MAP, Command, binding_for, page_binding
from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.page_key_delegate import PAGE_KEY_ROLE
from tests.support.demo_rmas import open_rmas
from tests.support.demo_users import RECEIVER
from tests.support.gui_keyboard import open_rma, wait_until_idle
from tests.support.gui_session import on_screen


@pytest.fixture
def window(qtbot, station, runner, wedge) -> MainWindow:
    """The station window as a sign-in opens it: Receiving and the back office's pages."""
    yield on_screen(qtbot, station_window(station, RECEIVER, runner, wedge, None), size=QSize(1600, 1000))
    wait_until_idle(qtbot, runner)  # the pages' first loads end before the window goes


def press(qtbot, keyboard, command: Command) -> None:
    """The command's key, pressed where the focus is, as a clerk presses it."""
    binding = binding_for(command)
    keyboard.clock.advance(0.5)
    qtbot.keyClick(keyboard.focus(), binding.key, binding.modifiers)
    keyboard.clock.advance(0.5)


def focused():
    return QApplication.focusWidget()


def test_every_page_opens_by_its_key_and_takes_the_focus(qtbot, window, keyboard, runner) -> None:
    pages, stack = window.ui.navigationList, window.ui.pageStack
    titles = [pages.item(row).text() for row in range(pages.count())]
    assert titles == [
        "Receiving",
        "History",
        "Catalog",
        "Policies",
        "Reports",
        "Settings",
        "Check-in",
        "RMA desk",
        "Outbox",
    ]
    assert focused() is window.receiving.ui.scanEdit

    for row, title in reversed(list(enumerate(titles))):  # Receiving last: back where the clerk began
        binding = page_binding(title)
        assert binding is not None, f"the {title} page has no key"
        press(qtbot, keyboard, binding.command)
        assert stack.currentIndex() == pages.currentRow() == row, title
        page = stack.currentWidget()
        assert page.isVisible() and page.objectName() != "", title
        assert focused() is not None and page.isAncestorOf(focused()), f"the focus is not on the {title} page"
        wait_until_idle(qtbot, runner)

    assert stack.currentWidget() is window.receiving
    assert focused() is window.receiving.ui.scanEdit


def test_page_keys_type_nothing_into_a_field_and_ctrl_1_returns_to_it(qtbot, window, keyboard, runner) -> None:
    scan = window.receiving.ui.scanEdit
    keyboard.type("RA01")  # typed by hand into the scan field, not yet sent
    assert scan.text() == "RA01"

    press(qtbot, keyboard, Command.CATALOG_PAGE)
    assert window.ui.pageStack.currentWidget().objectName() != "receivingPage"
    assert not window.receiving.isVisible()
    press(qtbot, keyboard, Command.HISTORY_PAGE)  # from inside the Catalog page's fields, too
    history = window.ui.pageStack.currentWidget()
    assert history.isAncestorOf(focused())
    wait_until_idle(qtbot, runner)

    press(qtbot, keyboard, Command.RECEIVING_PAGE)
    assert window.receiving.isVisible()
    assert focused() is scan and scan.text() == "RA01"


def test_ctrl_1_brings_the_clerk_back_to_the_lines_they_were_working_on(
    qtbot, window, keyboard, station, runner
) -> None:
    open_rma(qtbot, window, keyboard, runner, open_rmas(station, lines=3)[0])
    lines = window.receiving.ui.linesTable
    lines.setFocus()
    keyboard.press(Qt.Key.Key_Down)
    row = lines.currentIndex().row()

    press(qtbot, keyboard, Command.POLICIES_PAGE)
    assert not lines.isVisible()
    press(qtbot, keyboard, Command.RECEIVING_PAGE)
    assert focused() is lines and lines.currentIndex().row() == row
    wait_until_idle(qtbot, runner)


def test_ctrl_n_opens_the_notes_of_the_unit_from_any_page(qtbot, window, keyboard, station, runner) -> None:
    open_rma(qtbot, window, keyboard, runner, open_rmas(station, lines=3)[0])
    notes = window.receiving.inspection_panel.ui.notesEdit

    press(qtbot, keyboard, Command.NOTES)
    assert focused() is notes
    keyboard.type("dented box")
    assert notes.text() == "dented box"

    press(qtbot, keyboard, Command.HISTORY_PAGE)
    wait_until_idle(qtbot, runner)
    press(qtbot, keyboard, Command.NOTES)
    assert window.receiving.isVisible() and focused() is notes
    keyboard.type(", corner")  # what is written stays; the key puts the cursor after it
    assert notes.text() == "dented box, corner"


def test_ctrl_n_without_an_open_unit_says_so_and_leaves_the_focus(qtbot, window, keyboard) -> None:
    before = focused()
    press(qtbot, keyboard, Command.NOTES)
    assert focused() is before
    assert "open unit" in window.receiving.feedback_text


def test_the_navigation_list_and_the_keyboard_map_show_each_pages_key(window) -> None:
    pages = window.ui.navigationList
    mapped = {window.ui.keyboardMapTable.item(row, 0).text() for row in range(len(KEYBOARD_MAP))}
    for row in range(pages.count()):
        item = pages.item(row)
        key = page_binding(item.text()).label
        assert item.data(PAGE_KEY_ROLE) == key and key.startswith("Ctrl+")
        assert item.data(Qt.ItemDataRole.AccessibleTextRole) == f"{item.text()} page, {key}"
        assert key in mapped
        title_only = pages.fontMetrics().height()
        assert pages.visualItemRect(item).height() > title_only, "the key has no room under the title"
    assert binding_for(Command.NOTES).label in mapped
