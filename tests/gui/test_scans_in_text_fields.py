"""Scans in the station window's text fields: typing as fast as a scanner is typing; a complete scan
(one ending in the scanner's configured suffix) into History's search is searched for there, and one
into any other text field (the notes) is the bench's, as over the lines table. And the RMA's line
list names each line's product, so that the clerk can check the cartridge in hand against it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from receiving_app.gui.pages.history import HistoryPage
from receiving_app.gui.scan_wedge import ScanWedge
from tests.support.demo_rmas import open_rmas
from tests.support.demo_users import RECEIVER
from tests.support.gui_keyboard import wait_until_idle
from tests.support.gui_station import INTERKEY_MS

SUFFIX = "#"
SCANNER_GAP = 0.004  # seconds between a scanner's keys: a quick typist can come as close


@pytest.fixture
def wedge(request, clock) -> Iterator[ScanWedge]:
    """The scanner as configured: no suffix (the settings' default), or ``SUFFIX`` when parametrized so."""
    suffix = getattr(request, "param", "")
    scan_wedge = ScanWedge({"prefix": "", "suffix": suffix, "max_interkey_ms": str(INTERKEY_MS)}, clock=clock)
    yield scan_wedge
    scan_wedge.stop()


@pytest.fixture
def history(qtbot, window, station) -> HistoryPage:
    page = HistoryPage(station, RECEIVER)
    window.add_page("History", page)
    with qtbot.waitSignal(page.search_finished):  # the newest RMAs, listed when the page is first shown
        window.show_page(page)
    return page


def at_scanner_speed(qtbot, keyboard, text: str) -> None:
    """Keys a few milliseconds apart into whatever has focus, with nothing after them."""
    keyboard.clock.advance(0.5)
    for character in text:
        keyboard.clock.advance(SCANNER_GAP)
        qtbot.keyClick(keyboard.focus(), character)


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


@pytest.mark.parametrize("wedge", ["", SUFFIX], indirect=True, ids=["no-suffix", "suffix"])
def test_fast_typing_in_historys_search_stays_in_history_and_searches_what_was_typed(
    qtbot, window, keyboard, station, history
) -> None:
    rma = open_rmas(station)[0]
    focus(qtbot, history.ui.numberEdit)
    with qtbot.waitSignal(history.search_finished) as found:
        at_scanner_speed(qtbot, keyboard, rma.number)
        qtbot.keyClick(keyboard.focus(), Qt.Key.Key_Return)
    assert found.args == [1] and history.selected_rma().number == rma.number
    assert history.ui.numberEdit.text() == rma.number
    assert window.ui.pageStack.currentWidget() is history
    assert window.receiving.rma is None and "Scan not understood" not in window.receiving.feedback_text
    wait_until_idle(qtbot, window.receiving.runner)


@pytest.mark.parametrize("wedge", [SUFFIX], indirect=True, ids=["suffix"])
def test_a_complete_scan_into_historys_search_is_searched_for_there_not_opened_on_receiving(
    qtbot, window, keyboard, station, history
) -> None:
    rma = open_rmas(station)[-1]
    history.ui.numberEdit.setText("RGA-")  # what the box held is replaced by what was scanned
    focus(qtbot, history.ui.numberEdit)
    with qtbot.waitSignal(history.search_finished) as found:
        at_scanner_speed(qtbot, keyboard, f"{rma.number}{SUFFIX}")
    assert found.args == [1] and history.selected_rma().number == rma.number
    assert history.ui.numberEdit.text() == rma.number
    assert window.ui.pageStack.currentWidget() is history
    assert window.receiving.rma is None
    wait_until_idle(qtbot, window.receiving.runner)


@pytest.mark.parametrize("wedge", [SUFFIX], indirect=True, ids=["suffix"])
def test_fast_typing_in_the_notes_is_notes_and_a_complete_scan_there_opens_the_rma(
    qtbot, window, keyboard, station, runner
) -> None:
    first, second = open_rmas(station)[:2]
    with qtbot.waitSignal(window.receiving.rma_shown):
        keyboard.scan(first.number)  # from the scan box, where a burst ended by Enter is a scan
    wait_until_idle(qtbot, runner)
    notes = window.receiving.inspection_panel.ui.notesEdit
    focus(qtbot, notes)
    at_scanner_speed(qtbot, keyboard, "box crushed")
    qtbot.waitUntil(lambda: notes.text() == "box crushed")
    assert window.receiving.rma.number == first.number
    with qtbot.waitSignal(window.receiving.rma_shown):
        at_scanner_speed(qtbot, keyboard, f"{second.number}{SUFFIX}")
    assert window.receiving.rma.number == second.number
    wait_until_idle(qtbot, runner)
