"""The clerk's count in the status bar equals the decisions recorded today: at sign-in it counts what
was received through the services before, and each unit accepted in the window counts at once; the
clerk's part is theirs at any station, the station's part everyone's at this one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel

from receiving_app.domain.money import Money
from receiving_app.domain.money_text import money_text
from receiving_app.gui.day_count_label import day_count_words
from receiving_app.gui.main_window import MainWindow
from receiving_app.services.day_counts import DayCount, WorkDone
from tests.support.demo_rmas import single_units
from tests.support.demo_users import RECEIVER
from tests.support.gui_keyboard import Keyboard, open_rma, receive_as_sold, wait_until_idle
from tests.support.receiving import as_sold, full_weight

HERE = "bench-test"  # the station of tests/support/gui_station.py's settings


def received(station, number: str, line: int, user: str, bench: str) -> Money:
    """One unit received as sold through the services; its refund."""
    command = as_sold(number, line, user, bench, weight=full_weight(station, number, line))
    return station.receiving.receive(command).decision.refund_total


def shown_count(qtbot, window: MainWindow, runner) -> str:
    wait_until_idle(qtbot, runner)
    return window.day_count.words


def test_the_count_is_the_days_decisions_of_this_clerk_and_this_station(qtbot, station, runner, wedge, clock) -> None:
    rma = single_units(station, lines=3)
    mine_here = received(station, rma.number, 1, "receiver", HERE)
    mine_elsewhere = received(station, rma.number, 2, "receiver", "bench-2")
    theirs_here = received(station, rma.number, 3, "supervisor", HERE)
    mine, here = mine_here + mine_elsewhere, mine_here + theirs_here

    window = MainWindow(station, RECEIVER, runner, wedge)  # the receiver signs in
    qtbot.add_widget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    assert shown_count(qtbot, window, runner) == (
        f"You today: 2 lines, 2 cartridges, {money_text(mine)} refunded · "
        f"This station: 2 lines, 2 cartridges, {money_text(here)}"
    )

    keyboard = Keyboard(qtbot, window, clock)
    other = single_units(station, lines=2)
    open_rma(qtbot, window, keyboard, runner, other)
    refund = receive_as_sold(qtbot, window, keyboard, runner, f"{other.lines[0].full_g}g").decision.refund_total
    assert shown_count(qtbot, window, runner) == (
        f"You today: 3 lines, 3 cartridges, {money_text(mine + refund)} refunded · "
        f"This station: 3 lines, 3 cartridges, {money_text(here + refund)}"
    )
    assert window.day_count.toolTip() == window.day_count.words


def test_a_busy_days_count_fits_a_1366_status_bar_beside_the_clerk_and_the_maps_key(
    qtbot, station, runner, wedge, clock
) -> None:
    window = MainWindow(station, RECEIVER, runner, wedge)
    qtbot.add_widget(window)
    window.fit_to_screen(QSize(1366, 768))
    window.show()
    qtbot.waitExposed(window)
    if window.ui.keyboardMapDock.isVisible():  # closed, the map leaves its key in the status bar
        Keyboard(qtbot, window, clock).press(Qt.Key.Key_F1)
    wait_until_idle(qtbot, runner)
    assert window.findChild(QLabel, "keyboardMapHint").isVisible()
    busy_day = DayCount(
        date(2026, 12, 2),
        clerk=WorkDone(212, 240, (Money.of("4312.50"),)),
        station=WorkDone(400, 431, (Money.of("8123.00"),)),
    )
    label = window.day_count
    assert label.fontMetrics().horizontalAdvance(day_count_words(busy_day)) <= label.contentsRect().width()
