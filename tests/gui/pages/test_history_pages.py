"""History lists a page of RMAs at a time: Show more adds the next page below, newest first, until none are left."""

from __future__ import annotations

from PySide6.QtCore import Qt

from receiving_app.gui.pages.history import HistoryPage
from receiving_app.services.search import RmaSearch
from tests.support.demo_users import USERS

WAIT_MS = 15_000


def listed(page: HistoryPage) -> list[str]:
    return [rma.number for rma in page.results.records()]


def test_show_more_adds_the_next_page_below_until_every_rma_is_listed(qtbot, station) -> None:
    everything = [rma.number for rma in station.search.search(RmaSearch(limit=1000), user="admin").rmas]
    page = HistoryPage(station, USERS["admin"])
    page.page_size = 12
    qtbot.add_widget(page)
    with qtbot.waitSignal(page.search_finished, timeout=WAIT_MS):
        page.show()

    first = listed(page)
    assert first == everything[:12]
    assert page.ui.moreButton.isEnabled()
    assert "there are more: Show more lists the next 12" in page.ui.statusLabel.text()

    with qtbot.waitSignal(page.search_finished, timeout=WAIT_MS):
        qtbot.mouseClick(page.ui.moreButton, Qt.MouseButton.LeftButton)
    assert listed(page) == everything[:24]
    assert page.ui.resultsTable.selectionModel().selectedRows()[0].data() == first[0]  # the selection stays

    with qtbot.waitSignal(page.search_finished, timeout=WAIT_MS):
        qtbot.mouseClick(page.ui.moreButton, Qt.MouseButton.LeftButton)
    assert listed(page) == everything
    assert not page.ui.moreButton.isEnabled()
    assert page.ui.statusLabel.text() == f"{len(everything)} RMAs found."


def test_a_new_search_starts_again_from_its_first_page(qtbot, station) -> None:
    page = HistoryPage(station, USERS["admin"])
    page.page_size = 5
    qtbot.add_widget(page)
    with qtbot.waitSignal(page.search_finished, timeout=WAIT_MS):
        page.show()
    with qtbot.waitSignal(page.search_finished, timeout=WAIT_MS):
        qtbot.mouseClick(page.ui.moreButton, Qt.MouseButton.LeftButton)
    assert len(listed(page)) == 10
    target = listed(page)[7]

    page.ui.numberEdit.setText(target)
    with qtbot.waitSignal(page.search_finished, timeout=WAIT_MS):
        qtbot.keyClick(page.ui.numberEdit, Qt.Key.Key_Return)

    assert listed(page) == [target]
    assert not page.ui.moreButton.isEnabled()
