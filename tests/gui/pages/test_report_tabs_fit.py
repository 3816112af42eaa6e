"""The Reports page's tabs in the station window on the bench's two screens: on a 1920x1080 screen
with the keyboard map closed every tab is in sight, whole, with no scroll arrows; where the tabs do
not all fit (a 1366x768 screen, or beside the map), the bar scrolls but draws no tab cut, and the
keys reach every tab, each then drawn whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QTabBar, QToolButton, QToolTip

from receiving_app.gui.app import station_window
from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.pages.reports import ReportsPage
from tests.support.demo_users import USERS
from tests.support.gui_keyboard import Keyboard, wait_until_idle
from tests.support.screen_geometry import DESKTOP, LAPTOP, shown_part

TAB_TITLES = [
    "Operators",
    "Stations",
    "Refunds",
    "Denials",
    "Routes",
    "Containers",
    "Stock",
    "Findings",
    "Contradictions",
    "Voids",
    "On hold",
    "Held for customers",
    "Aging",
    "Register",
]
# The section each tab shows, as the PDF titles it: the tab's tooltip.
SECTION_TITLES = [
    "By operator",
    "By station",
    "Refunds by method",
    "Denials by reason",
    "Units by route",
    "Containers closed",
    "Stock added",
    "Findings at the bench",
    "Approved over a contradiction",
    "Voids",
    "Items on hold",
    "Cartridges held for customers",
    "Aging",
    "Accountant's register",
]
BASE_OVERLAP = 2  # px at the bar's foot that the tab widget's frame line shares with the tabs
BORDER_OVERLAP = 2  # px of a tab's frame drawn over its neighbour's edge (the chosen tab's, raised)


@pytest.fixture
def reports_on(request, qtbot, station, runner, wedge, clock):
    """The station window on a screen of the given size, the keyboard map open or closed, showing the
    Reports page with today's report, scrolled down to its tabs."""
    screen, map_shown = request.param
    window = station_window(station, USERS["admin"], runner, wedge, None)
    qtbot.add_widget(window)
    window.fit_to_screen(screen)
    window.show()
    qtbot.waitExposed(window)
    if window.ui.keyboardMapDock.isVisible() is not map_shown:
        Keyboard(qtbot, window, clock).press(Qt.Key.Key_F1)  # as a clerk opens or closes it
    assert window.ui.keyboardMapDock.isVisible() is map_shown
    navigation = window.ui.navigationList
    navigation.setCurrentItem(navigation.findItems("Reports", Qt.MatchFlag.MatchExactly)[0])
    page = window.ui.pageStack.currentWidget()
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    page.ui.reportScroll.ensureWidgetVisible(page.ui.reportTables)
    QApplication.processEvents()
    yield window, page
    wait_until_idle(qtbot, runner)


def tab_on_window(bar: QTabBar, index: int, window: MainWindow) -> QRect:
    rect = bar.tabRect(index)
    return QRect(bar.mapTo(window, rect.topLeft()), rect.size())


def shown_arrows(bar: QTabBar) -> list[QToolButton]:
    return [button for button in bar.findChildren(QToolButton) if button.isVisible()]


def tooltip_at(bar: QTabBar, point: QPoint) -> str:
    """The tooltip the mouse resting at ``point`` shows (it comes to the spot with none shown)."""
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, point, bar.mapToGlobal(point))
    QApplication.sendEvent(bar, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


@pytest.mark.parametrize("reports_on", [(DESKTOP, False)], ids=["1920x1080-map-closed"], indirect=True)
def test_every_tab_is_in_sight_whole_on_a_1920_screen(reports_on) -> None:
    window, page = reports_on
    tabs = page.ui.reportTables
    bar = tabs.tabBar()

    assert [tabs.tabText(index) for index in range(tabs.count())] == TAB_TITLES
    assert [tabs.tabToolTip(index) for index in range(tabs.count())] == SECTION_TITLES
    assert shown_arrows(bar) == []
    in_sight = shown_part(bar, window)
    assert in_sight.width() == bar.width(), "the tab bar is cut"
    for index, title in enumerate(TAB_TITLES):
        assert in_sight.contains(tab_on_window(bar, index, window)), f"{title!r} at {bar.tabRect(index)} in {in_sight}"


# A tooltip is a window the offscreen platform cannot raise; it is shown all the same.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.parametrize(
    "reports_on",
    [(LAPTOP, False), (LAPTOP, True), (DESKTOP, True)],
    ids=["1366x768-map-closed", "1366x768-map-open", "1920x1080-map-open"],
    indirect=True,
)
def test_where_the_tabs_do_not_all_fit_none_is_drawn_cut_and_the_keys_reach_each(qtbot, reports_on) -> None:
    _window, page = reports_on
    bar = page.ui.reportTables.tabBar()
    arrows = shown_arrows(bar)
    assert arrows, "every tab fits: nothing to check here"
    room = QRect(0, 0, min(arrow.x() for arrow in arrows), bar.height())  # the arrows stand at the bar's end
    background = bar.palette().window().color().rgb()
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Home)
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # Qt hides a tooltip a moment after it is told to

    checked = []
    for index in range(bar.count()):
        assert bar.currentIndex() == index
        image = bar.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        whole = [tab for tab in range(bar.count()) if room.contains(bar.tabRect(tab))]
        assert index in whole, f"{TAB_TITLES[index]!r}, chosen, is not in sight whole"
        for tab in range(bar.count()):
            cut = bar.tabRect(tab).intersected(room).adjusted(BORDER_OVERLAP, 0, -BORDER_OVERLAP, -BASE_OVERLAP)
            if tab in whole or cut.isEmpty():
                continue
            drawn = {
                image.pixel(x, y) for x in range(cut.left(), cut.right() + 1) for y in range(cut.top(), cut.bottom())
            }
            assert drawn == {background}, f"{TAB_TITLES[tab]!r} is drawn cut at {cut} beside {TAB_TITLES[index]!r}"
            if not checked:  # where nothing is drawn, the mouse finds nothing either
                assert tooltip_at(bar, cut.center()) == "", f"a tooltip for {TAB_TITLES[tab]!r}, which is not drawn"
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=cut.center())
                assert bar.currentIndex() == index
            checked.append(tab)
        assert tooltip_at(bar, bar.tabRect(index).center()) == SECTION_TITLES[index]
        qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert checked, "no tab stood beside the arrows or the bar's start, part in sight"
    assert bar.currentIndex() == bar.count() - 1
