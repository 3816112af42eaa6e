"""RMA history: search by number, customer, SKU, date range and outcome; open one to see its detail.

Enter in any search box searches; Enter (or double-click) on a result opens it; Back returns to
the results as they were. A search lists a page of the newest matching RMAs; Show more adds the
next page below them (the search goes on from the last RMA listed, so a page costs what the first
did). A complete scan (one with the scanner's suffix) into a search box is searched for in that
box, here, rather than taken to Receiving; typing there is only typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from receiving_app.domain.money_text import money_text
from receiving_app.domain.scan import ScanValue
from receiving_app.gui.forms.ui_pages_history import Ui_HistoryPage
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_problem, show_progress
from receiving_app.gui.pages.models import (
    RECORD_ROLE,
    SORT_ROLE,
    Column,
    RecordTableModel,
    local_time,
    prepare_table,
    words,
)
from receiving_app.gui.pages.rma_detail import RmaDetailView
from receiving_app.gui.scan_wedge import ScanLookUp
from receiving_app.services.auth import SignedInUser
from receiving_app.services.search import (
    DEFAULT_LIMIT,
    ROLES_SEEING_CUSTOMER_NAMES,
    DateField,
    OutcomeFilter,
    RmaSearch,
    RmaSummary,
    SearchResult,
)
from receiving_app.services.station import Station


class RmaSummaryModel(RecordTableModel):
    # On a narrow screen the dates step aside first (the RMA's detail has them), then the customer,
    # the lines and the amount; the number, seller, SKUs and status stay.
    COLUMNS = (
        Column("RMA", lambda rma: rma.number),
        Column("Seller", lambda rma: rma.seller),
        Column("Customer", lambda rma: f"{rma.customer_name} ({rma.customer_account})", hide_order=3),
        Column("Authorized", lambda rma: rma.reported.isoformat(), hide_order=2),
        Column("SKUs", lambda rma: ", ".join(rma.skus), stretch=True),
        Column("Lines", lambda rma: rma.outcome_words, hide_order=4),
        Column(
            "Refunded",
            # Blank until a unit is decided: the seller's currency is known from its decisions.
            lambda rma: money_text(rma.refund_total) if rma.last_decided is not None else "",
            lambda rma: rma.refund_total.amount,
            numeric=True,
            hide_order=5,
        ),
        Column("Last received", lambda rma: local_time(rma.last_decided), hide_order=1),
        Column("Status", lambda rma: words(rma.status)),
    )

    def add_records(self, records: Sequence[RmaSummary]) -> None:
        """The next page, below the rows listed (which keep their selection)."""
        if not records:
            return
        first = len(self._records)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        self._records = (*self._records, *records)
        self.endInsertRows()


class HistoryPage(QWidget):
    """Search results and, once one is opened, that RMA's detail in the same place.

    Signals:
        search_finished(int): how many RMAs are listed after a search.
        rma_opened(str): the RMA number whose detail is now shown.
        problem_shown(str): a refusal or failure, as the clerk reads it.
    """

    search_finished = Signal(int)
    rma_opened = Signal(str)
    problem_shown = Signal(str)

    page_size = DEFAULT_LIMIT  # RMAs a search, and each Show more, lists

    def __init__(self, station: Station, signed_in_user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user = signed_in_user
        self._search = station.search
        self._runner = OperationRunner(self)
        self._searched_once = False
        self._listed: RmaSearch | None = None  # the search whose pages are listed
        self._next_page: str | None = None
        self.ui = Ui_HistoryPage()
        self.ui.setupUi(self)
        clear_message(self.ui.statusLabel)

        sees_names = signed_in_user.role in ROLES_SEEING_CUSTOMER_NAMES
        self.ui.customerEdit.setPlaceholderText("account number or name" if sees_names else "account number")
        # The combos carry the enums' values: Qt would turn a str enum member into a plain str anyway.
        for field in DateField:
            self.ui.dateFieldCombo.addItem(field.label, field.value)
        for outcome in OutcomeFilter:
            self.ui.outcomeCombo.addItem(outcome.label, outcome.value)

        self.results = RmaSummaryModel(self)
        self.sorted_results = QSortFilterProxyModel(self)
        self.sorted_results.setSourceModel(self.results)
        self.sorted_results.setSortRole(SORT_ROLE)
        table = self.ui.resultsTable
        table.setModel(self.sorted_results)
        prepare_table(table)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as the service ordered them: newest first
        table.activated.connect(self.open_selected)
        table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = RmaDetailView(station, signed_in_user, self)
        self.ui.historyStack.addWidget(self.detail)
        self.detail.back_requested.connect(self.show_results)
        self.detail.loaded.connect(self.rma_opened)

        for edit in (self.ui.numberEdit, self.ui.customerEdit, self.ui.skuEdit):
            edit.returnPressed.connect(self.search)
            look_up = ScanLookUp(edit)
            look_up.scanned.connect(lambda value, edit=edit: self._search_scanned(edit, value))
            look_up.scan_rejected.connect(lambda message: self._problem(f"Scan not understood: {message}"))
        self.ui.searchButton.clicked.connect(self.search)
        self.ui.clearButton.clicked.connect(self.clear)
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.moreButton.clicked.connect(self.show_more)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The newest RMAs are listed the first time the page is shown, not when the window is
        # built: a station that never opens History never pays for the query.
        if not self._searched_once:
            self._searched_once = True
            self.search()

    def criteria(self) -> RmaSearch:
        return RmaSearch(
            number=self.ui.numberEdit.text(),
            customer=self.ui.customerEdit.text(),
            sku=self.ui.skuEdit.text(),
            date_from=_chosen_date(self.ui.fromDate),
            date_to=_chosen_date(self.ui.toDate),
            date_field=DateField(self.ui.dateFieldCombo.currentData()),
            outcome=OutcomeFilter(self.ui.outcomeCombo.currentData()),
            limit=self.page_size,
        )

    def search(self) -> None:
        criteria, service, user = self.criteria(), self._search, self._user.name
        self.ui.searchButton.setEnabled(False)
        self.ui.moreButton.setEnabled(False)
        show_progress(self.ui.statusLabel, "Searching…")
        self._runner.start(
            lambda: service.search(criteria, user=user),
            key="search",
            on_success=lambda result: self._show_results(criteria, result),
            on_failure=self._problem,
        )

    def show_more(self) -> None:
        """The next page of the search listed, below the RMAs already listed."""
        if self._listed is None or self._next_page is None:
            return
        criteria, service, user = replace(self._listed, after=self._next_page), self._search, self._user.name
        self.ui.searchButton.setEnabled(False)
        self.ui.moreButton.setEnabled(False)
        show_progress(self.ui.statusLabel, "Listing more…")
        self._runner.start(
            lambda: service.search(criteria, user=user),
            key="search",
            on_success=lambda result: self._show_results(criteria, result),
            on_failure=self._problem,
        )

    def clear(self) -> None:
        for edit in (self.ui.numberEdit, self.ui.customerEdit, self.ui.skuEdit):
            edit.clear()
        for date_edit in (self.ui.fromDate, self.ui.toDate):
            date_edit.setDate(date_edit.minimumDate())
        self.ui.dateFieldCombo.setCurrentIndex(0)
        self.ui.outcomeCombo.setCurrentIndex(0)
        self.ui.numberEdit.setFocus()

    def _search_scanned(self, edit: QLineEdit, value: ScanValue) -> None:
        edit.setText(value.text)
        self.search()

    def _show_results(self, criteria: RmaSearch, result: SearchResult) -> None:
        self.ui.searchButton.setEnabled(True)
        more_of_the_same = bool(criteria.after)
        if more_of_the_same:
            self.results.add_records(result.rmas)
        else:
            self.results.set_records(result.rmas)
        self._listed, self._next_page = replace(criteria, after=""), result.next_page
        self.ui.moreButton.setEnabled(result.next_page is not None)
        count = len(self.results.records())
        if result.more:
            show_problem(
                self.ui.statusLabel,
                f"The newest {count} matching RMAs are listed; there are more: Show more lists the next "
                f"{criteria.limit}, or narrow the search.",
            )
        elif count == 0:
            show_problem(self.ui.statusLabel, "No RMA matches this search.")
        else:
            clear_message(self.ui.statusLabel)
            self.ui.statusLabel.setText(f"{count} RMA{'s' if count != 1 else ''} found.")
            self.ui.statusLabel.setVisible(True)
        if count and not more_of_the_same:
            self.ui.resultsTable.selectRow(0)
        self.search_finished.emit(count)

    def _selection_changed(self) -> None:
        self.ui.openButton.setEnabled(self.selected_rma() is not None)

    def selected_rma(self) -> RmaSummary | None:
        rows = self.ui.resultsTable.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def open_selected(self) -> None:
        rma = self.selected_rma()
        if rma is not None:
            self.open_rma(rma.number)

    def open_rma(self, number: str) -> None:
        self.ui.historyStack.setCurrentWidget(self.detail)
        self.detail.show_rma(number)
        self.detail.ui.linesTable.setFocus()

    def show_results(self) -> None:
        self.ui.historyStack.setCurrentIndex(0)
        self.ui.resultsTable.setFocus()

    def _problem(self, message: str) -> None:
        self.ui.searchButton.setEnabled(True)
        self.ui.moreButton.setEnabled(self._next_page is not None)
        show_problem(self.ui.statusLabel, message)
        self.problem_shown.emit(message)


def _chosen_date(edit: QDateEdit) -> date | None:
    """The date, or None while the box shows 'any date' (its minimum stands for no limit)."""
    chosen: QDate = edit.date()
    return None if chosen == edit.minimumDate() else chosen.toPython()
