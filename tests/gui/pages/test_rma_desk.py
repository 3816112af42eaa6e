"""The RMA desk: an RMA created by keyboard alone inside the station window, a refusal authorized by a
supervisor, a return without an RMA matched to its order or rejected, and the aging lists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QSpinBox

from receiving_app.domain.scan import number_prefix
from receiving_app.gui.app import station_window
from receiving_app.gui.dialogs import NoteDialog, SupervisorNoteDialog
from receiving_app.gui.keyboard_map import Command, binding_for
from receiving_app.gui.pages.rma_desk import RmaDeskPage
from tests.support.demo_users import USERS
from tests.support.desk_orders import FoundItem, Order, OrderLine, add_orders, add_unidentified_return
from tests.support.gui_keyboard import Keyboard, fill_supervisor_note, wait_until_idle
from tests.support.gui_session import on_screen
from tests.support.gui_station import FakeClock
from tests.support.signing_in import DEMO_SECRETS

WAIT_MS = 15_000
SELLER = "image-pro-services"


def recent_order(number: str, *lines: OrderLine, days_ago: int = 5) -> Order:
    """An order of the seller's, delivered ``days_ago`` days before today's (inside its windows when recent)."""
    today = date.today()
    return Order(
        number=number,
        seller=SELLER,
        lines=lines or (OrderLine("TN-660", 2),),
        purchased=today - timedelta(days=days_ago + 4),
        shipped=today - timedelta(days=days_ago + 3),
        delivered=today - timedelta(days=days_ago),
    )


def next_number_of(station, seller: str) -> str:
    """The seller's next RMA number: its newest number's prefix and width, one past its highest serial."""
    numbers = [rma.number for rma in station.history.list_rmas() if rma.policy == seller]
    prefix = number_prefix(numbers[0])
    highest = max(numbers, key=lambda number: int(number[len(prefix) :]))
    return prefix + str(int(highest[len(prefix) :]) + 1).zfill(len(highest) - len(prefix))


@pytest.fixture
def desk(qtbot, station):
    pages = []  # held for the test: a page only a tab refers to would be collected under it

    def make(role: str = "receiver") -> RmaDeskPage:
        page = RmaDeskPage(station, USERS[role])
        pages.append(page)
        qtbot.add_widget(page)
        page.resize(1200, 900)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def test_an_rma_is_created_by_keyboard_alone_in_the_station_window(
    qtbot, station, runner, wedge, clock, printed
) -> None:
    add_orders(station, recent_order("SO-DESK-1", OrderLine("TN-660", 2)))
    expected = next_number_of(station, SELLER)
    window = on_screen(qtbot, station_window(station, USERS["receiver"], runner, wedge, None), size=QSize(1600, 1000))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    keyboard = Keyboard(qtbot, window, clock)
    try:
        page_key = binding_for(Command.RMA_DESK_PAGE)
        qtbot.keyClick(keyboard.focus(), page_key.key, page_key.modifiers)
        page = window.ui.pageStack.currentWidget()
        assert isinstance(page, RmaDeskPage)
        tab = page.new_rma
        assert QApplication.focusWidget() is tab.ui.orderSearchEdit

        keyboard.type("SO-DESK-1")
        with qtbot.waitSignal(tab.order_shown, timeout=WAIT_MS):
            keyboard.press(Qt.Key.Key_Return)  # one order found: its lines at once
        assert QApplication.focusWidget() is tab.lines.spins[1]
        keyboard.type("2")
        keyboard.press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is tab.ui.reasonCombo
        with qtbot.waitSignal(tab.checked, timeout=WAIT_MS) as checked:
            keyboard.press(Qt.Key.Key_Down)  # the first reason: defective
        assert checked.args[0].authorized
        assert tab.lines.verdict_text(1).endswith("Line 1: authorized")

        with qtbot.waitSignal(tab.created, timeout=WAIT_MS) as created:
            keyboard.press(Qt.Key.Key_Return)
        rma = created.args[0]
        assert rma.number == expected and rma.supervisor is None
        assert tab.ui.createdNumberLabel.text() == expected and tab.ui.createdNumberLabel.isVisible()
        detail = station.history.show_rma(expected).rma
        assert [(line.sku, line.quantity, line.reason) for line in detail.lines] == [("TN-660", 2, "defective")]

        with qtbot.waitSignal(tab.label_finished, timeout=WAIT_MS) as label:
            keyboard.press(Qt.Key.Key_F5)
        assert label.args[0] is True
        assert [path.name for path in printed.glob(f"*{expected}*.pdf")], "the label was not printed"
    finally:
        wait_until_idle(qtbot, runner)


def test_a_refused_line_says_why_and_a_supervisor_authorizes_it(qtbot, desk, station) -> None:
    add_orders(station, recent_order("SO-DESK-OLD", days_ago=200))
    page = desk()
    tab = page.new_rma
    tab.ui.orderSearchEdit.setText("SO-DESK-OLD")
    with qtbot.waitSignal(tab.order_shown, timeout=WAIT_MS):
        qtbot.keyClick(tab.ui.orderSearchEdit, Qt.Key.Key_Return)
    tab.lines.spins[1].setValue(1)
    with qtbot.waitSignal(tab.checked, timeout=WAIT_MS) as checked:
        tab.ui.reasonCombo.setCurrentIndex(tab.ui.reasonCombo.findData("not_needed"))
    verdict = checked.args[0]
    assert not verdict.authorized
    refusal = " ".join(reason.text for reason in verdict.lines[0].refusals)
    assert "window" in refusal.lower() or "days" in refusal
    assert refusal in tab.lines.verdict_text(1)
    before = len(station.history.list_rmas())

    tab.ui.authorizeButton.click()
    qtbot.waitUntil(lambda: _shown(tab, SupervisorNoteDialog) is not None, timeout=WAIT_MS)
    dialog = _shown(tab, SupervisorNoteDialog)
    assert refusal in dialog.ui.explanationLabel.text()
    keyboard = Keyboard(qtbot, page, FakeClock())
    with qtbot.waitSignal(tab.created, timeout=WAIT_MS) as created:
        fill_supervisor_note(keyboard, "supervisor", DEMO_SECRETS["supervisor"], "Customer was in hospital")

    rma = created.args[0]
    assert rma.supervisor == "supervisor"
    assert "Authorized by supervisor" in tab.ui.createdDetailLabel.text()
    assert len(station.history.list_rmas()) == before + 1


def test_a_wrong_supervisor_password_creates_nothing(qtbot, desk, station) -> None:
    add_orders(station, recent_order("SO-DESK-OLD2", days_ago=200))
    page = desk()
    tab = page.new_rma
    tab.show_order("SO-DESK-OLD2")
    qtbot.waitUntil(lambda: 1 in tab.lines.spins, timeout=WAIT_MS)
    tab.lines.spins[1].setValue(2)
    tab.ui.reasonCombo.setCurrentIndex(tab.ui.reasonCombo.findData("not_needed"))
    before = len(station.history.list_rmas())

    tab.authorize()
    qtbot.waitUntil(lambda: _shown(tab, SupervisorNoteDialog) is not None, timeout=WAIT_MS)
    dialog = _shown(tab, SupervisorNoteDialog)
    with qtbot.waitSignal(dialog.confirmed, timeout=WAIT_MS):
        fill_supervisor_note(Keyboard(qtbot, page, FakeClock()), "supervisor", "wrong", "why not")
    qtbot.waitUntil(lambda: "✖" in dialog.ui.messageLabel.text(), timeout=WAIT_MS)

    assert dialog.isVisible() and tab.rma is None
    assert len(station.history.list_rmas()) == before


@pytest.mark.parametrize("role, masked", [("receiver", True), ("supervisor", False)])
def test_the_orders_found_name_the_customer_as_the_role_may_see_them(qtbot, desk, station, role, masked) -> None:
    add_orders(station, recent_order("SO-DESK-M1"), recent_order("SO-DESK-M2"))
    tab = desk(role).new_rma
    tab.ui.orderSearchEdit.setText("C90001")  # the customer's account
    with qtbot.waitSignal(tab.finder.found, timeout=WAIT_MS):
        tab.ui.findButton.click()

    customers = {tab.finder.orders.index(row, 2).data() for row in range(tab.finder.orders.rowCount())}
    assert len(customers) == 1
    assert ("Dana Whitfield" in customers.pop()) is not masked
    assert "2 orders found" in tab.ui.orderLabel.text()


def test_another_order_picked_replaces_the_lines_and_a_search_lists_the_orders_again(qtbot, desk, station) -> None:
    add_orders(
        station,
        recent_order("SO-DESK-A", OrderLine("TN-660", 1), OrderLine("TN-760", 1), OrderLine("TN-227BK", 1)),
        recent_order("SO-DESK-B", OrderLine("TN-660", 3)),
    )
    page = desk()
    tab = page.new_rma
    for number in ("SO-DESK-A", "SO-DESK-B"):
        with qtbot.waitSignal(tab.order_shown, timeout=WAIT_MS):
            tab.show_order(number)
    qtbot.wait(50)  # the first order's rows are deleted once control returns to the event loop

    shown = [spin for spin in tab.ui.linesArea.findChildren(QSpinBox) if spin.isVisible()]
    assert shown == [tab.lines.spins[1]] and tab.lines.spins[1].maximum() == 3
    assert not tab.ui.ordersTable.isVisible()  # the orders found stepped aside for the lines
    tab.ui.orderSearchEdit.setText("SO-DESK-")
    with qtbot.waitSignal(tab.finder.found, timeout=WAIT_MS) as found:
        qtbot.keyClick(tab.ui.orderSearchEdit, Qt.Key.Key_Return)
    assert found.args[0] == 2 and tab.ui.ordersTable.isVisible()


def test_the_new_rmas_label_is_saved_as_pdf(qtbot, desk, station, tmp_path) -> None:
    add_orders(station, recent_order("SO-DESK-PDF"))
    tab = desk().new_rma
    tab.show_order("SO-DESK-PDF")
    qtbot.waitUntil(lambda: 1 in tab.lines.spins, timeout=WAIT_MS)
    tab.lines.spins[1].setValue(1)
    tab.ui.reasonCombo.setCurrentIndex(0)
    with qtbot.waitSignal(tab.created, timeout=WAIT_MS) as created:
        tab.authorize()

    with qtbot.waitSignal(tab.label_saved, timeout=WAIT_MS):
        tab.save_label_to(tmp_path / "label.pdf")

    pdf = QPdfDocument()
    pdf.load(str(tmp_path / "label.pdf"))
    assert pdf.pageCount() == 1
    assert created.args[0].number in pdf.getAllText(0).text()


def test_a_return_without_an_rma_with_two_items_is_matched_to_its_order(qtbot, desk, station) -> None:
    add_orders(station, recent_order("SO-DESK-MATCH", OrderLine("TN-660", 2)))
    number, _plate = add_unidentified_return(station, FoundItem("TN-660", "412.5"), FoundItem("TN-660", "398.0"))
    page = desk("supervisor")
    tab = page.unidentified
    with qtbot.waitSignal(tab.listed, timeout=WAIT_MS):
        page.show_tab(tab)
    row = [parcel.number for parcel in tab.returns.records()].index(number)
    tab.ui.returnsTable.selectRow(row)
    assert [item.sku for item in tab.items.records()] == ["TN-660", "TN-660"]
    assert "412.5 g" in tab.items.index(0, 3).data()

    dialog = tab.open_match()
    keyboard = Keyboard(qtbot, dialog, FakeClock())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ui.orderSearchEdit, timeout=WAIT_MS)
    keyboard.type("SO-DESK-MATCH")
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.order == "SO-DESK-MATCH", timeout=WAIT_MS)
    assert QApplication.focusWidget() is dialog.ui.reasonCombo
    keyboard.press(Qt.Key.Key_Down)
    with qtbot.waitSignal(tab.matched, timeout=WAIT_MS) as matched:
        keyboard.press(Qt.Key.Key_Return)

    rma = matched.args[0]
    said = tab.ui.unidentifiedStatusLabel.text()
    assert rma.number in said and "2 units" in said and "weights already taken" in said
    qtbot.waitUntil(lambda: number not in [parcel.number for parcel in tab.returns.records()], timeout=WAIT_MS)
    assert rma.number in tab.ui.unidentifiedStatusLabel.text()  # still said over the list read again
    assert station.unidentified.show(number).matched_rma == rma.number
    assert [(line.sku, line.quantity) for line in station.history.show_rma(rma.number).rma.lines] == [("TN-660", 2)]


def test_a_return_without_an_rma_is_rejected_only_with_a_reason(qtbot, desk, station) -> None:
    number, _plate = add_unidentified_return(station, FoundItem("TN-660", "400.0"))
    page = desk()
    tab = page.unidentified
    with qtbot.waitSignal(tab.listed, timeout=WAIT_MS):
        page.show_tab(tab)
    tab.ui.returnsTable.selectRow([parcel.number for parcel in tab.returns.records()].index(number))

    dialog = tab.open_reject()
    assert isinstance(dialog, NoteDialog)
    qtbot.keyClick(dialog.ui.noteEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Write a note first" in dialog.ui.messageLabel.text()
    qtbot.keyClicks(dialog.ui.noteEdit, "Sender asked for it back")
    with qtbot.waitSignal(tab.rejected, timeout=WAIT_MS):
        qtbot.keyClick(dialog.ui.noteEdit, Qt.Key.Key_Return)

    shown = station.unidentified.show(number)
    assert shown.status == "rejected" and shown.reject_reason == "Sender asked for it back"
    assert f"{number} is rejected" in tab.ui.unidentifiedStatusLabel.text()
    qtbot.waitUntil(lambda: number not in [parcel.number for parcel in tab.returns.records()], timeout=WAIT_MS)


def test_the_aging_tab_lists_the_demos_late_rmas_with_their_counts(qtbot, desk, station) -> None:
    expected = station.aging.aging()
    assert expected.not_arrived.count > 0, "the demo has RMAs authorized long ago that never arrived"
    page = desk()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    with qtbot.waitSignal(page.aging.shown_view, timeout=WAIT_MS):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # the tab's letter
    assert page.tabs.currentWidget() is page.aging and page.aging.isAncestorOf(QApplication.focusWidget())

    aging = page.aging
    for index, listed in enumerate(expected.lists):
        model, _table, _label = aging.lists[listed.key]
        assert [row.number for row in model.records()] == [row.number for row in listed.rows]
        assert aging.ui.agingTabs.tabText(index).endswith(f"({listed.count})")
    late = aging.lists["not_arrived"][0]
    assert late.index(0, 3).data().endswith("days")  # six weeks and more, said in days


def _shown(parent, kind):
    return next((dialog for dialog in parent.findChildren(kind) if dialog.isVisible()), None)
