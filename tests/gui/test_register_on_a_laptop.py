"""The Reports page's Register tab on a bench's 1366x768 screen: chosen, with today's documents in it, it
leaves the window as wide as the screen and nothing on the page scrolls sideways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from receiving_app.gui.app import station_window
from receiving_app.gui.pages.reports import ReportsPage
from tests.support.demo_rmas import open_rmas
from tests.support.demo_users import USERS
from tests.support.gui_keyboard import wait_until_idle
from tests.support.receiving import receive
from tests.support.screen_geometry import LAPTOP


def test_the_register_tab_leaves_the_window_as_wide_as_a_1366_screen(qtbot, station, runner, wedge) -> None:
    for rma in open_rmas(station, lines=1)[:3]:
        receive(station, rma.number, 1)
    window = station_window(station, USERS["admin"], runner, wedge, None)
    qtbot.add_widget(window)
    window.fit_to_screen(LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    navigation = window.ui.navigationList
    navigation.setCurrentItem(navigation.findItems("Reports", Qt.MatchFlag.MatchExactly)[0])
    page = window.ui.pageStack.currentWidget()
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    tabs = page.ui.reportTables
    with qtbot.waitSignal(page.registerTab.register_shown, timeout=10_000):
        tabs.setCurrentIndex(tabs.indexOf(page.registerTab))
    page.ui.reportScroll.ensureWidgetVisible(tabs)
    for _ in range(3):  # the table fits its columns once its rows have arrived
        QApplication.processEvents()

    assert page.registerTab.registerModel.rowCount() >= 3
    assert window.size() == LAPTOP
    sideways = [
        area.objectName()
        for area in page.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]
    assert sideways == []
    wait_until_idle(qtbot, runner)
