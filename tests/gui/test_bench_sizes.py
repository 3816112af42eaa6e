"""The window on the two screens benches have, 1366x768 and 1920x1080, with the keyboard map open and
closed: once a unit's facts are set, what a clerk checks on every unit is on screen together and
whole, without scrolling (the scan field, the lines, the weight, the condition, the decision's
headline, where the cartridge goes and the refund total, Accept), and the reason box shows the
longest reason whole. No page scrolls sideways on a 1366 px screen, and no column title of History,
Catalog or an RMA's detail is cut short."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QToolTip,
    QWidget,
)

from receiving_app.gui.app import station_window
from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.models import PRODUCT_ROLE, RmaLinesModel
from receiving_app.gui.operations import OperationRunner
from tests.support.demo_rmas import open_rmas, single_units
from tests.support.demo_users import RECEIVER, USERS
from tests.support.gui_keyboard import (
    Keyboard,
    check_as_sold,
    open_rma,
    receive_as_sold,
    wait_until_idle,
    weigh_by_hand,
)
from tests.support.gui_session import on_screen
from tests.support.screen_geometry import DESKTOP, LAPTOP, on_window, shown_part

WRAP_WORDS = int(Qt.TextFlag.TextWordWrap)


def essentials(window: MainWindow) -> dict[str, QWidget]:
    screen = window.receiving
    return {
        "scan field": screen.ui.scanEdit,
        "line list": screen.ui.linesTable,
        "weight": screen.weight_panel,
        "condition": screen.inspection_panel.ui.conditionGroup,
        "decision headline": screen.decision_panel.ui.outcomeLabel,
        "route": screen.decision_panel.routeLabel,
        "refund total": screen.decision_panel.ui.refundTotalValue,
        "Accept": screen.ui.acceptButton,
    }


def text_room(combo: QComboBox) -> int:
    """The width a combo box gives its text, inside its frame and beside its arrow."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = QStyle.SubControl.SC_ComboBoxEditField
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, field, combo).width()


def set_keyboard_map(keyboard, window: MainWindow, shown: bool) -> None:
    """F1, as a clerk opens or closes the map, if it is not as wanted already."""
    if window.ui.keyboardMapDock.isVisible() is not shown:
        keyboard.press(Qt.Key.Key_F1)
    assert window.ui.keyboardMapDock.isVisible() is shown


@pytest.fixture
def window(request, qtbot, station, runner, wedge) -> MainWindow:
    """The receiving window fitted to a screen of the parametrised size."""
    return on_screen(qtbot, MainWindow(station, RECEIVER, runner, wedge), screen=request.param)


@pytest.mark.parametrize("map_shown", [False, True], ids=["map closed", "map open"])
@pytest.mark.parametrize("window", [LAPTOP, DESKTOP], ids=["1366x768", "1920x1080"], indirect=True)
def test_what_a_clerk_checks_on_every_unit_is_on_screen_whole_without_scrolling(
    qtbot, window, keyboard, station, runner, map_shown
) -> None:
    size = window.size()
    set_keyboard_map(keyboard, window, map_shown)
    rma = single_units(station, lines=3)
    open_rma(qtbot, window, keyboard, runner, rma)
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].full_g}g")
    check_as_sold(qtbot, keyboard, runner)
    screen = window.receiving
    assert screen.decision_panel.outcome == "refund"  # the headline and total are the decision's, not dashes

    assert window.size() == size, "the window outgrew the screen"
    scroll = screen.ui.columnsScroll
    assert (scroll.horizontalScrollBar().maximum(), scroll.verticalScrollBar().maximum()) == (0, 0)
    for name, widget in essentials(window).items():
        assert widget.isVisible(), f"the {name} is hidden"
        assert shown_part(widget, window) == on_window(widget, window), (
            f"the {name} at {on_window(widget, window)} is cut to {shown_part(widget, window)} in a {size} window"
        )
    reason = screen.inspection_panel.ui.reasonCombo
    room = text_room(reason)
    for index in range(reason.count()):  # R steps through them all; each is read whole
        assert reason.fontMetrics().horizontalAdvance(reason.itemText(index)) <= room, reason.itemText(index)
    total = screen.decision_panel.ui.refundTotalValue

    def total_whole() -> None:  # the panel lays the new total out on the next pass of the event loop
        assert total.fontMetrics().horizontalAdvance(total.text()) <= total.contentsRect().width(), total.text()

    qtbot.waitUntil(total_whole, timeout=5_000)


@pytest.mark.parametrize("window", [LAPTOP], ids=["1366x768"], indirect=True)
def test_the_headline_stands_on_one_line_before_anything_is_checked_too(
    qtbot, window, keyboard, station, runner
) -> None:
    set_keyboard_map(keyboard, window, True)  # the decision's column at its narrowest
    open_rma(qtbot, window, keyboard, runner, single_units(station, lines=3))
    headline = window.receiving.decision_panel.ui.outcomeLabel
    qtbot.waitUntil(lambda: "Not checked" in headline.accessibleDescription())

    def on_one_line() -> None:  # once the columns have their widths and the headline its type
        words = headline.accessibleDescription()
        assert headline.fontMetrics().horizontalAdvance(words) <= headline.contentsRect().width(), words
        assert headline.height() < 2 * headline.fontMetrics().height(), "the headline wraps onto a second line"

    qtbot.waitUntil(on_one_line, timeout=5_000)


@pytest.mark.parametrize("window", [LAPTOP], ids=["1366x768"], indirect=True)
def test_the_line_list_names_each_lines_product_whole_under_its_sku(qtbot, window, keyboard, station, runner) -> None:
    set_keyboard_map(keyboard, window, True)  # the narrowest the line list gets
    rma = max(open_rmas(station), key=lambda rma: max(len(line.description) for line in rma.lines))
    open_rma(qtbot, window, keyboard, runner, rma)
    table = window.receiving.ui.linesTable
    cartridge = RmaLinesModel.COLUMNS.index("Cartridge")
    font = table.font()
    bold = QFont(font)
    bold.setBold(True)

    def every_name_whole() -> None:  # once the column has its width and the rows have grown to their names
        room = table.columnWidth(cartridge) - 8  # the cell's padding, left and right
        for row, line in enumerate(rma.lines):
            index = table.model().index(row, cartridge)
            assert (index.data(), index.data(PRODUCT_ROLE)) == (line.sku, line.description)
            name = QFontMetrics(font).boundingRect(QRect(0, 0, room, 10_000), WRAP_WORDS, line.description)
            assert name.width() <= room, f"{line.description!r} is wider than its column"
            assert QFontMetrics(bold).height() + name.height() <= table.rowHeight(row), f"{line.description!r} is cut"
        assert not table.horizontalScrollBar().isVisible()

    qtbot.waitUntil(every_name_whole, timeout=5_000)


@pytest.mark.parametrize("window", [LAPTOP], ids=["1366x768"], indirect=True)
def test_the_line_in_hand_stays_in_sight_when_the_keyboard_map_narrows_the_list(
    qtbot, window, keyboard, station, runner
) -> None:
    set_keyboard_map(keyboard, window, False)
    rma = max(open_rmas(station), key=lambda rma: len(rma.lines))
    open_rma(qtbot, window, keyboard, runner, rma)
    receive_as_sold(qtbot, window, keyboard, runner, f"{rma.lines[0].full_g}g")  # the screen moves to line 2
    set_keyboard_map(keyboard, window, True)  # the list gets narrower and its rows taller
    table = window.receiving.ui.linesTable

    def in_sight() -> None:  # once the rows have grown
        in_hand = table.visualRect(table.currentIndex())
        assert table.currentIndex().row() == 1
        assert table.viewport().rect().contains(in_hand), f"the line in hand at {in_hand} is out of sight"

    qtbot.waitUntil(in_sight, timeout=5_000)


@pytest.fixture
def station_pages(qtbot, station, runner, wedge):
    """The window a sign-in opens, with every page, on a 1366x768 screen, signed in as an admin (who
    sees every control a page has)."""
    main = station_window(station, USERS["admin"], runner, wedge, None)
    qtbot.add_widget(main)
    main.fit_to_screen(LAPTOP)
    main.show()
    qtbot.waitExposed(main)
    yield main
    wait_until_idle(qtbot, runner)


def settled(qtbot, page: QWidget) -> None:
    """The page's own background work done (its first load) and its tables fitted to their width."""
    qtbot.waitUntil(lambda: not any(runner.busy for runner in page.findChildren(OperationRunner)), timeout=10_000)
    for _ in range(3):  # a table fits its columns once its rows have arrived
        QApplication.processEvents()


def sideways_scrolling(page: QWidget) -> list[str]:
    return [
        f"{area.objectName() or type(area).__name__} scrolls {area.horizontalScrollBar().maximum()} px"
        for area in page.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def cut_titles(page: QWidget) -> list[str]:
    cut = []
    for table in page.findChildren(QAbstractScrollArea):
        header = getattr(table, "horizontalHeader", lambda: None)()
        if header is None or not table.isVisible():
            continue
        for column in range(header.count()):
            title = table.model().headerData(column, Qt.Orientation.Horizontal)
            if (
                not header.isSectionHidden(column)
                and header.sectionSize(column) < header.sectionSizeFromContents(column).width()
            ):
                cut.append(f"{table.objectName()}: {title!r} in {header.sectionSize(column)} px")
    return cut


def page_problems(qtbot, window: MainWindow, station, titles: tuple[str, ...]) -> dict[str, list[str]]:
    """What scrolls sideways or is cut short on each page of ``titles`` (and on an RMA's detail, opened
    from History), visited in the navigation list's order."""
    pages, stack = window.ui.navigationList, window.ui.pageStack
    problems: dict[str, list[str]] = {}
    for row in range(pages.count()):
        title = pages.item(row).text()
        if title not in titles:
            continue
        pages.setCurrentRow(row)
        page = stack.currentWidget()
        settled(qtbot, page)
        problems[title] = on_screen_problems(window, page, title)
        if title == "History":
            page.open_rma(open_rmas(station, lines=3)[0].number)
            settled(qtbot, page)
            problems["RMA detail"] = on_screen_problems(window, page.detail, "RMA detail")
            page.show_results()
    return problems


def on_screen_problems(window: MainWindow, page: QWidget, name: str) -> list[str]:
    problems = sideways_scrolling(page) + (cut_titles(page) if name in TITLED_PAGES else [])
    if window.size() != LAPTOP:
        problems.append(f"the window grew to {window.size().toTuple()}")
    return problems


TITLED_PAGES = ("History", "RMA detail", "Catalog")


@pytest.mark.parametrize("map_shown", [False, True], ids=["map closed", "map open"])
def test_no_page_scrolls_sideways_on_a_1366_screen(qtbot, station_pages, clock, station, map_shown) -> None:
    window = station_pages
    set_keyboard_map(Keyboard(qtbot, window, clock), window, map_shown)
    titles = tuple(window.ui.navigationList.item(row).text() for row in range(window.ui.navigationList.count()))
    problems = page_problems(qtbot, window, station, titles)
    assert set(problems) == {*titles, "RMA detail"}
    assert {page: found for page, found in problems.items() if found} == {}


# A tooltip is a window the offscreen platform cannot raise; it is shown all the same.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_history_catalog_and_an_rmas_detail_fit_beside_the_keyboard_map_on_a_1366_screen(
    qtbot, station_pages, clock, station
) -> None:
    window = station_pages
    set_keyboard_map(Keyboard(qtbot, window, clock), window, True)
    problems = page_problems(qtbot, window, station, ("History", "Catalog"))
    assert set(problems) == set(TITLED_PAGES)
    assert {page: found for page, found in problems.items() if found} == {}

    catalog = window.ui.pageStack.currentWidget().ui.catalogTable  # the last page visited
    sku, description = (catalog.model().index(0, column) for column in (0, 2))
    assert catalog.columnWidth(2) < catalog.sizeHintForColumn(2), "no description is cut short to point at"
    assert tooltip_at(catalog, sku) == ""  # whole already: no tooltip repeats it
    assert tooltip_at(catalog, description) == description.data()  # cut short: pointing at it shows it whole


def tooltip_at(table, index) -> str:
    """The tooltip pointing at a cell shows."""
    centre = table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, table.viewport().mapToGlobal(centre))
    QApplication.sendEvent(table.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""
