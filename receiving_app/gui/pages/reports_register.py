"""The Reports page's Register tab: the accountant's register of every document issued or voided in a
period, and the buttons that make the next export batch for QuickBooks, Xero or the general journal.

The register is read by the register service in the background when the tab is first shown and each
time the period changes; an export goes through the export service (which a supervisor's role allows)
and says where its file went and the batch's number, or that nothing was new. Nothing here reads the
database. The period has its own dates: the day chosen above the tabs is the daily report's.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from receiving_app.domain.money_text import money_text
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_problem, show_progress, show_success
from receiving_app.gui.pages.models import prepare_table, words
from receiving_app.gui.pages.register_models import RegisterModel
from receiving_app.gui.pages.report_widgets import report_table
from receiving_app.services.accounting_exports import ExportBatch, NothingToExport
from receiving_app.services.accounting_register import Register
from receiving_app.services.auth import SignedInUser
from receiving_app.services.station import Station

TAB_TITLE, SECTION_TITLE = "Register", "Accountant's register"
EXPORTS = (
    ("quickbooks", "exportQuickbooksButton", "Export for QuickBooks"),
    ("xero", "exportXeroButton", "Export for Xero"),
    ("journal", "exportJournalButton", "Export journal"),
)
ONLY_SUPERVISORS = "A supervisor makes export batches."


class RegisterTab(QWidget):
    """Signals:
    register_shown(object): the Register now in the table.
    batch_made(object): the ExportBatch (or NothingToExport) an export button made.
    problem_shown(str): a refusal or failure, as the user reads it.
    """

    register_shown = Signal(object)
    batch_made = Signal(object)
    problem_shown = Signal(str)

    def __init__(self, station: Station, user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerPage")
        self._register_service = station.register
        self._exports = station.exports
        self._user = user
        self._station_id = station.settings.station_id
        self._runner = OperationRunner(self)
        self._shown_once = False
        self.register: Register | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._period_row())
        column.addLayout(self._export_row())
        self.registerTable = report_table("register")
        self.registerTable.setAccessibleName(SECTION_TITLE)
        self.registerModel = RegisterModel(self)
        self.registerTable.setModel(self.registerModel)
        prepare_table(self.registerTable)
        column.addWidget(self.registerTable, 1)
        self.totalsLabel = self._wrapped_label("registerTotalsLabel")
        self.statusLabel = self._wrapped_label("registerStatusLabel")
        column.addWidget(self.totalsLabel)
        column.addWidget(self.statusLabel)
        clear_message(self.statusLabel)

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        today = QDate.currentDate()
        self.fromEdit = self._date_edit("registerFromEdit", "Register from", QDate(today.year(), today.month(), 1))
        self.toEdit = self._date_edit("registerToEdit", "Register to", today)
        self.showRegisterButton = QPushButton("Show register", self)
        self.showRegisterButton.setObjectName("showRegisterButton")
        self.showRegisterButton.setAccessibleName("Show the register for the period")
        self.showRegisterButton.clicked.connect(self.load)
        for text, edit in (("&From", self.fromEdit), ("T&o", self.toEdit)):
            label = QLabel(text, self)
            label.setBuddy(edit)
            row.addWidget(label)
            row.addWidget(edit)
        row.addWidget(self.showRegisterButton)
        row.addStretch(1)
        return row

    def _export_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.exportButtons: dict[str, QPushButton] = {}
        allowed = self._user.is_supervisor
        for export_format, name, text in EXPORTS:
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAccessibleName(f"{text}: make the next batch")
            button.setEnabled(allowed)
            button.setToolTip(
                "Makes the next numbered batch of what is not exported yet" if allowed else ONLY_SUPERVISORS
            )
            button.clicked.connect(lambda _checked=False, chosen=export_format: self.export(chosen))
            row.addWidget(button)
            self.exportButtons[export_format] = button
        row.addStretch(1)
        return row

    def _date_edit(self, name: str, accessible: str, day: QDate) -> QDateEdit:
        edit = QDateEdit(day, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(lambda _day: self.load())
        return edit

    def _wrapped_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:  # read when first looked at, not when the window is built
            self._shown_once = True
            self.load()

    def period(self) -> tuple[date, date]:
        return self.fromEdit.date().toPython(), self.toEdit.date().toPython()

    def load(self) -> None:
        """Read the register for the chosen period in the background."""
        start, end = self.period()
        service = self._register_service
        show_progress(self.statusLabel, f"Reading the register from {start} to {end}…")
        self._runner.start(
            lambda: service.register(start, end), on_success=self._show, on_failure=self._problem, owner=self
        )

    def _show(self, register: Register) -> None:
        if (register.start, register.end) != self.period():
            return  # the period changed meanwhile; its own reading is on its way
        self.register = register
        self.registerModel.set_records(register.rows)
        said = [
            f"{words(total.document_type)}: {total.issued} issued, {total.voided} voided, "
            f"{money_text(total.amounts['document_amount'])} standing"
            for total in register.totals
        ]
        self.totalsLabel.setText("; ".join(said) or "No document was issued or voided in this period.")
        clear_message(self.statusLabel)
        self.register_shown.emit(register)

    def export(self, export_format: str) -> None:
        """Make the next batch of ``export_format`` in the background, and say where its file went."""
        if self._runner.is_running("export"):
            return
        exports, user, station = self._exports, self._user.name, self._station_id
        for button in self.exportButtons.values():
            button.setEnabled(False)
        show_progress(self.statusLabel, "Making the next batch…")
        self._runner.start(
            lambda: exports.export(export_format, user=user, station=station),
            key="export",
            owner=self,
            on_success=self._exported,
            on_failure=self._export_failed,
        )

    def _exported(self, made: ExportBatch | NothingToExport) -> None:
        self._buttons_back()
        if isinstance(made, NothingToExport):
            show_success(self.statusLabel, made.sentence)
        elif made.path is not None:
            show_success(
                self.statusLabel,
                f"Batch {made.number} for {made.export_format} ({made.first_document} to {made.last_document},"
                f" net {money_text(made.net_total)}) written to {made.path}",
            )
        else:
            show_problem(self.statusLabel, f"Batch {made.number} for {made.export_format} was made, but {made.problem}")
        self.batch_made.emit(made)

    def _export_failed(self, message: str) -> None:
        self._buttons_back()
        self._problem(message)

    def _buttons_back(self) -> None:
        for button in self.exportButtons.values():
            button.setEnabled(self._user.is_supervisor)

    def _problem(self, message: str) -> None:
        show_problem(self.statusLabel, message)
        self.problem_shown.emit(message)


def add_register_tab(tabs: QTabWidget, station: Station, user: SignedInUser) -> RegisterTab:
    """The Register tab, last, titled as the other tabs are (a short title; the section's in its tooltip)."""
    tab = RegisterTab(station, user)
    index = tabs.addTab(tab, TAB_TITLE)
    tabs.setTabToolTip(index, SECTION_TITLE)
    return tab
