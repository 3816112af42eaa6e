"""The window on the screens benches have: it fits the screen, the three columns never scroll
sideways on a 1366 px screen or wider (two on a 1024 px one), and the keyboard map steps aside where
it would crowd them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt

from receiving_app.gui.main_window import MainWindow
from tests.support.demo_rmas import open_rmas
from tests.support.demo_users import RECEIVER
from tests.support.gui_keyboard import receive_as_sold, wait_until_idle
from tests.support.gui_session import on_screen

WIDE = QSize(2200, 1200)
LAPTOP = QSize(1366, 768)
TABLET = QSize(1024, 768)
NETBOOK = QSize(800, 600)


@pytest.fixture
def window(request, qtbot, station, runner, wedge) -> MainWindow:
    """The window fitted to a screen of the parametrised size, then shown."""
    return on_screen(qtbot, MainWindow(station, RECEIVER, runner, wedge), screen=request.param)


def sideways_scroll(window: MainWindow) -> int:
    return window.receiving.ui.columnsScroll.horizontalScrollBar().maximum()


@pytest.mark.parametrize("window", [WIDE], indirect=True)
def test_a_wide_screen_shows_the_columns_and_the_keyboard_map_side_by_side(window) -> None:
    assert window.size() == WIDE
    assert window.ui.keyboardMapDock.isVisible()
    assert sideways_scroll(window) == 0


@pytest.mark.parametrize("window", [LAPTOP], indirect=True)
def test_a_1366_screen_holds_an_opened_rma_without_sideways_scrolling(qtbot, window, keyboard, station, runner) -> None:
    rma = open_rmas(station, lines=3)[0]
    keyboard.scan(rma.number)
    wait_until_idle(qtbot, runner)
    assert window.receiving.ui.numberValue.text() == rma.number
    assert window.size() == LAPTOP
    assert not window.ui.keyboardMapDock.isVisible()
    assert window.findChild(type(window.signed_in_label), "keyboardMapHint").text() == "[F1] Keyboard map"
    assert sideways_scroll(window) == 0


@pytest.mark.parametrize("window", [LAPTOP], indirect=True)
def test_f1_brings_back_the_keyboard_map_that_started_hidden(window, keyboard) -> None:
    keyboard.press(Qt.Key.Key_F1)
    assert window.ui.keyboardMapDock.isVisible()


@pytest.mark.parametrize("window", [TABLET], indirect=True)
def test_a_1024_screen_stands_the_columns_in_two_rather_than_scroll_them(window) -> None:
    assert window.width() <= TABLET.width()
    assert not window.receiving.bench_layout.three_columns
    assert sideways_scroll(window) == 0


@pytest.mark.parametrize("window", [NETBOOK], indirect=True)
def test_a_screen_too_narrow_for_the_columns_scrolls_them_rather_than_outgrow_the_screen(window) -> None:
    assert window.width() <= NETBOOK.width()
    assert sideways_scroll(window) > 0
    assert window.receiving.ui.scanEdit.isVisible()  # the scan row stays above the scrolling columns


@pytest.mark.parametrize("window", [TABLET], indirect=True)
def test_a_window_fitted_again_to_a_wide_screen_shows_the_keyboard_map_again(window) -> None:
    window.fit_to_screen(WIDE)
    assert window.ui.keyboardMapDock.isVisible()
    assert sideways_scroll(window) == 0


@pytest.mark.parametrize("window", [LAPTOP], indirect=True)
def test_a_message_too_long_for_the_screen_ends_in_an_ellipsis_and_is_whole_in_its_tooltip(
    qtbot, window, keyboard, station, runner
) -> None:
    left, rma = open_rmas(station, lines=1)[0], open_rmas(station, lines=3)[0]
    for scanned in (left, rma):  # the second opening also says the first was left with a line open
        keyboard.scan(scanned.number)
        wait_until_idle(qtbot, runner)
    label, whole = window.receiving.ui.feedbackLabel, window.receiving.feedback_text
    assert whole.startswith(f"✔ {left.number} left with 1 line open.") and whole.endswith("Scan or pick a cartridge.")
    assert label.text().endswith("… [F9]") and whole.startswith(label.text().removesuffix("… [F9]"))
    assert label.fontMetrics().horizontalAdvance(label.text()) < label.contentsRect().width()
    assert label.toolTip() == whole == label.accessibleDescription()
    window.fit_to_screen(WIDE)
    qtbot.waitUntil(lambda: label.text() == whole)


@pytest.mark.parametrize("window", [LAPTOP], indirect=True)
def test_each_accepted_unit_and_where_it_goes_are_said_whole_on_a_1366_screen_up_to_the_rma_closing(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = next(
        rma for rma in open_rmas(station) if len(rma.lines) >= 2 and any(line.quantity > 1 for line in rma.lines)
    )
    keyboard.scan(rma.number)
    wait_until_idle(qtbot, runner)
    label, said = window.receiving.ui.feedbackLabel, []
    for line in rma.lines:
        for _unit in range(line.quantity):
            plate = receive_as_sold(qtbot, window, keyboard, runner, f"{line.full_g}g").decision.license_plate
            # The document numbers come last and may run into F9; the unit, its outcome, its license
            # plate and where it goes may not.
            head, _, documents = label.toolTip().partition(" Saved to folder ")  # the test station files its papers
            assert documents and label.toolTip() == window.receiving.feedback_text
            assert label.text().startswith(head), "cut short on a 1366 px screen"
            assert f". {plate} → " in head
            said.append(head)
    assert said[-1].endswith(". RMA closed.")
