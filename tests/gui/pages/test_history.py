"""History: each search criterion, privacy by role, the RMA detail, reprint and void."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QInputDialog

from receiving_app.gui.pages.history import HistoryPage
from receiving_app.gui.pages.models import RECORD_ROLE, phrase
from receiving_app.services.search import OutcomeFilter
from tests.support.demo_users import USERS

WAIT_MS = 15_000


@pytest.fixture
def open_history(qtbot, station):
    def make(role: str = "admin") -> HistoryPage:
        page = HistoryPage(station, USERS[role])
        qtbot.add_widget(page)
        with qtbot.waitSignal(page.search_finished, timeout=WAIT_MS):
            page.show()
        return page

    return make


def search(qtbot, page: HistoryPage, **fields) -> list[str]:
    """Fill the named boxes, press Enter in the number box, and return the RMA numbers listed."""
    page.clear()
    for name, value in fields.items():
        widget = getattr(page.ui, name)
        if name.endswith("Date"):
            widget.setDate(QDate(value))
        elif name.endswith("Combo"):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)
    with qtbot.waitSignal(page.search_finished, timeout=WAIT_MS):
        qtbot.keyClick(page.ui.numberEdit, Qt.Key.Key_Return)
    return [rma.number for rma in page.results.records()]


def test_the_newest_rmas_are_listed_when_the_page_opens(open_history, station) -> None:
    page = open_history()

    assert {rma.number for rma in page.results.records()} == {rma.number for rma in station.history.list_rmas()}
    assert page.ui.statusLabel.text() == "30 RMAs found."


def test_search_by_number_customer_sku_and_dates(qtbot, open_history, station) -> None:
    page = open_history()
    rmas = station.history.list_rmas()
    target = station.history.show_rma(rmas[4].number, mask_customer=False).rma

    assert search(qtbot, page, numberEdit=target.number.lower()) == [target.number]
    assert target.number in search(qtbot, page, customerEdit=target.customer_account)
    assert target.number in search(qtbot, page, customerEdit=target.customer_name.split()[-1])
    sku = target.lines[0].sku
    assert set(search(qtbot, page, skuEdit=sku)) == {
        rma.number for rma in rmas if any(line.sku == sku for line in rma.lines)
    }
    day = target.reported
    assert set(search(qtbot, page, fromDate=day, toDate=day)) == {rma.number for rma in rmas if rma.reported == day}


def test_search_by_outcome_finds_the_decided_line(qtbot, open_history, station, decide) -> None:
    number = station.history.list_rmas()[2].number
    decide(number, deny=True)
    page = open_history()

    assert search(qtbot, page, outcomeCombo=OutcomeFilter.DENIED.value) == [number]
    assert number not in search(qtbot, page, outcomeCombo=OutcomeFilter.REFUND.value)


def test_a_receiver_sees_masked_names_and_cannot_search_by_name(qtbot, open_history, station) -> None:
    page = open_history("receiver")
    target = station.history.show_rma(station.history.list_rmas()[0].number, mask_customer=False).rma

    listed = {rma.number: rma for rma in page.results.records()}
    assert (
        "***" in listed[target.number].customer_name and target.customer_name not in listed[target.number].customer_name
    )
    assert search(qtbot, page, customerEdit=target.customer_name.split()[-1]) == []
    assert "No RMA matches" in page.ui.statusLabel.text()


def test_an_impossible_date_range_is_explained(qtbot, open_history) -> None:
    page = open_history()
    page.ui.fromDate.setDate(QDate(2026, 3, 2))
    page.ui.toDate.setDate(QDate(2026, 3, 1))

    with qtbot.waitSignal(page.problem_shown, timeout=WAIT_MS) as problem:
        page.ui.searchButton.click()

    assert "after it ends" in problem.args[0]
    assert "after it ends" in page.ui.statusLabel.text()


def open_rma(qtbot, page: HistoryPage, number: str) -> None:
    search(qtbot, page, numberEdit=number)
    with qtbot.waitSignal(page.rma_opened, timeout=WAIT_MS):
        qtbot.keyClick(page.ui.resultsTable, Qt.Key.Key_Return)


def test_the_detail_shows_lines_decisions_timeline_and_documents(qtbot, open_history, station, decide) -> None:
    # A return the customer did not call defective: the decide fixture finds it defective, so both reasons show.
    number = next(rma.number for rma in station.history.list_rmas() if rma.lines[0].reason != "defective")
    result = decide(number)
    page = open_history()

    open_rma(qtbot, page, number)

    detail = page.detail
    assert page.ui.historyStack.currentWidget() is detail
    assert detail.ui.titleLabel.text().startswith(number)
    first = detail.lines.records()[0]
    assert first.decision.outcome == "refund" and first.decision.refund_total == result.decision.refund_total
    assert str(result.decision.refund_total) in detail.ui.reasonsLabel.text()
    events = [(event.type, event.user, event.station) for event in detail.events.records()]
    assert ("decision_made", "receiver", "S1") in events
    timeline = detail.ui.timelineTable.model()
    # The demo's parcel may have been checked in at the dock first: the decision is the row at S1.
    assert timeline.index(0, 0).data() and "S1" in [timeline.index(row, 3).data() for row in range(timeline.rowCount())]
    assert [entry.document.number for entry in detail.documents.records()] == [
        doc.number for doc in result.decision.documents
    ]
    assert detail.ui.linesTable.model().index(0, 4).data() == f"Defective (customer: {phrase(first.line.reason)})"
    assert (
        "Found at the bench" in detail.ui.reasonsLabel.text()
        and "Approved by supervisor" in detail.ui.reasonsLabel.text()
    )
    with qtbot.waitSignal(detail.back_requested):
        detail.ui.backButton.click()
    assert page.ui.historyStack.currentIndex() == 0


def test_reprint_shows_the_copy_and_prints_it(qtbot, open_history, station, decide, printed) -> None:
    number = station.history.list_rmas()[0].number
    document = decide(number).decision.documents[0]
    page = open_history("receiver")
    open_rma(qtbot, page, number)
    detail = page.detail
    detail.ui.documentsTable.selectRow(0)

    with qtbot.waitSignals([detail.preview_opened, detail.loaded], timeout=WAIT_MS):
        detail.ui.reprintButton.click()

    preview = detail.preview
    assert preview.document.status() == QPdfDocument.Status.Ready and preview.document.pageCount() >= 1
    assert "COPY" in preview.document.getAllText(0).text()
    assert ("document_reprinted", "receiver") in [(event.type, event.user) for event in detail.events.records()]
    with qtbot.waitSignal(preview.print_finished, timeout=WAIT_MS) as printed_signal:
        preview.print_button.click()
    assert printed_signal.args[0] is True, printed_signal.args[1]
    assert (printed / f"{document.number}.pdf").exists()
    preview.reject()


def test_a_receiver_may_not_void(qtbot, open_history, station, decide) -> None:
    number = station.history.list_rmas()[0].number
    document = decide(number).decision.documents[0]
    page = open_history("receiver")
    open_rma(qtbot, page, number)
    detail = page.detail
    detail.ui.documentsTable.selectRow(0)

    assert not detail.ui.voidButton.isEnabled()
    assert "supervisor" in detail.ui.voidButton.toolTip()
    # Even when asked directly, the service refuses: the button is not the only guard.
    with qtbot.waitSignal(detail.problem_shown, timeout=WAIT_MS) as problem:
        detail.void_document(document.number, "customer changed their mind")
    assert "may not void" in problem.args[0]
    assert not any(entry.document.voided for entry in detail.documents.records())


def test_a_supervisor_voids_with_a_reason(qtbot, open_history, station, decide) -> None:
    number = station.history.list_rmas()[0].number
    document = decide(number).decision.documents[0]
    page = open_history("supervisor")
    open_rma(qtbot, page, number)
    detail = page.detail
    detail.ui.documentsTable.selectRow(0)
    assert detail.ui.voidButton.isEnabled()

    detail.ui.voidButton.click()
    dialog = detail.findChild(QInputDialog, "voidReasonDialog")
    dialog.setTextValue("Keyed against the wrong RMA")
    with qtbot.waitSignal(detail.voided, timeout=WAIT_MS) as voided:
        dialog.accept()

    assert voided.args == [document.number]
    entry = next(entry for entry in detail.documents.records() if entry.document.number == document.number)
    assert entry.document.voided
    row = detail.documents.records().index(entry)
    assert "VOIDED" in detail.ui.documentsTable.model().index(row, 1).data()
    assert ("document_voided", "supervisor") in [(event.type, event.user) for event in detail.events.records()]
    assert not detail.ui.voidButton.isEnabled()
    # The decision is void with its documents: its line shows it voided, and the unit open again.
    voided_row, open_row = detail.lines.records()[:2]
    assert voided_row.decision.voided and open_row.decision is None
    assert "voided" in detail.ui.linesTable.model().index(0, 6).data()
    detail.ui.linesTable.selectRow(0)
    assert "VOIDED by supervisor: Keyed against the wrong RMA" in detail.ui.reasonsLabel.text()


def test_a_void_without_a_reason_is_refused_in_words(qtbot, open_history, station, decide) -> None:
    number = station.history.list_rmas()[0].number
    document = decide(number).decision.documents[0]
    page = open_history("supervisor")
    open_rma(qtbot, page, number)

    with qtbot.waitSignal(page.detail.problem_shown, timeout=WAIT_MS) as problem:
        page.detail.void_document(document.number, "   ")

    assert problem.args[0] == "A void needs a written reason."


def test_the_results_table_carries_each_record_in_its_record_role(open_history) -> None:
    page = open_history()
    model = page.ui.resultsTable.model()

    record = model.index(0, 0).data(RECORD_ROLE)

    assert model.index(0, 0).data() == record.number
    assert record.reported <= date.today()
