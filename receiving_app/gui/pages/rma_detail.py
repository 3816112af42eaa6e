"""One RMA looked back on: its header, each line with its decision and amounts, the timeline of audit
events, its documents, which can be reprinted as a COPY or voided by a supervisor, and its parcel label."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QTableView, QWidget

from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.money_text import money_text
from receiving_app.gui.forms.ui_pages_rma_detail import Ui_RmaDetailView
from receiving_app.gui.label_printing import start_label_print
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.document_preview import DocumentPreviewDialog
from receiving_app.gui.pages.feedback import clear_message, show_problem, show_progress, show_success
from receiving_app.gui.pages.models import Column, RecordTableModel, local_time, phrase, prepare_table, words
from receiving_app.gui.style import BAD, OUTCOME_TONES, sized_font
from receiving_app.services.auth import SignedInUser
from receiving_app.services.history import VOIDING_ROLES, StoredDocument
from receiving_app.services.print_outcomes import LabelOutcome
from receiving_app.services.search import ROLES_SEEING_CUSTOMER_NAMES
from receiving_app.services.station import Station
from receiving_app.services.views import DecisionView, DocumentRef, RmaDetail, RmaLineView

TITLE_POINT_SIZE = 20


@dataclass(frozen=True, slots=True)
class LineWithDecision:
    """One row of the lines table: a unit of a line with a decision (a voided one too), or a unit still without one."""

    line: RmaLineView
    decision: DecisionView | None
    unit: int = 1

    @property
    def label(self) -> str:
        return (
            str(self.line.line)
            if self.line.quantity == 1
            else f"{self.line.line} · unit {self.unit} of {self.line.quantity}"
        )

    @property
    def reason(self) -> str:
        """The reason decided on; where the bench found otherwise, the customer's too."""
        found = self.decision.reason if self.decision else self.line.reason
        return words(found) if found == self.line.reason else f"{words(found)} (customer: {phrase(self.line.reason)})"

    @property
    def choice(self) -> str:
        found = self.decision.customer_choice if self.decision else self.line.customer_choice
        return (
            words(found)
            if found == self.line.customer_choice
            else f"{words(found)} (customer: {phrase(self.line.customer_choice)})"
        )


def rows_of(detail: RmaDetail) -> list[LineWithDecision]:
    """Every decision of every unit, voided ones included, and a row for each unit still undecided."""
    rows = []
    for line in detail.rma.lines:
        for unit in range(1, line.quantity + 1):
            decided = [decision for decision in detail.decisions if (decision.line, decision.unit) == (line.line, unit)]
            rows += [LineWithDecision(line, decision, unit) for decision in decided]
            if all(decision.voided for decision in decided):
                rows.append(LineWithDecision(line, None, unit))
    return rows


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    line: int
    document: DocumentRef


def _outcome_text(row: LineWithDecision) -> str:
    if row.decision is None:
        state = row.line.units[row.unit - 1] if len(row.line.units) >= row.unit else row.line.status
        return words(row.line.status if row.line.status == "on_hold" else state)
    if row.decision.voided:
        return f"{BAD.symbol} {words(row.decision.outcome)} — voided"
    tone = OUTCOME_TONES.get(row.decision.outcome)
    overridden = " (override)" if row.decision.overridden_by else ""
    return f"{tone.symbol + ' ' if tone else ''}{words(row.decision.outcome)}{overridden}"


def _refund(row: LineWithDecision) -> str:
    return "" if row.decision is None else str(row.decision.refund_total)


def _fee(row: LineWithDecision) -> str:
    return "" if row.decision is None else str(row.decision.amounts.restocking_fee)


def _fill(row: LineWithDecision) -> str:
    fraction = row.decision.fill_fraction if row.decision else None
    return "" if fraction is None else fill_text(fraction)


class LineModel(RecordTableModel):
    # On a narrow screen who decided and when step aside first (the timeline has both), then the
    # quantity (the line's label counts units), the fee, fill, choice and reason (the reasons below
    # the table say them all for the selected line); the line, SKU, description, outcome and refund stay.
    COLUMNS = (
        Column("Line", lambda row: row.label, lambda row: (row.line.line, row.unit), numeric=True),
        Column("SKU", lambda row: row.line.sku),
        Column("Description", lambda row: row.line.description, stretch=True),
        Column("Qty", lambda row: str(row.line.quantity), numeric=True, hide_order=3),
        Column("Reason", lambda row: row.reason, hide_order=7),
        Column("Wants", lambda row: row.choice, hide_order=6),
        Column(
            "Outcome",
            _outcome_text,
            tone=lambda row: (
                (BAD if row.decision.voided else OUTCOME_TONES.get(row.decision.outcome)) if row.decision else None
            ),
        ),
        Column("Refund", _refund, numeric=True),
        Column("Fee", _fee, numeric=True, hide_order=4),
        Column("Fill", _fill, numeric=True, hide_order=5),
        Column("Decided", lambda row: local_time(row.decision.decided_at) if row.decision else "", hide_order=2),
        Column(
            "By",
            lambda row: f"{row.decision.decided_by} at {row.decision.station}" if row.decision else "",
            hide_order=1,
        ),
    )


class EventModel(RecordTableModel):
    COLUMNS = (
        Column("Time", lambda event: local_time(event.at), lambda event: event.sequence),
        Column("Event", lambda event: " — ".join(filter(None, (words(event.type), event.detail))), stretch=True),
        Column("User", lambda event: event.user, hide_order=2),
        Column("Station", lambda event: event.station, hide_order=1),
    )


class DocumentModel(RecordTableModel):
    COLUMNS = (
        Column("Number", lambda entry: entry.document.number),
        Column(
            "State",
            lambda entry: f"{BAD.symbol} VOIDED" if entry.document.voided else "Issued",
            tone=lambda entry: BAD if entry.document.voided else None,
        ),
        Column("Type", lambda entry: words(entry.document.type), stretch=True),
        Column("Line", lambda entry: str(entry.line), lambda entry: entry.line, numeric=True, hide_order=2),
        Column("Issued", lambda entry: local_time(entry.document.issued_at), hide_order=1),
    )


def _reasons_text(row: LineWithDecision) -> str:
    decision = row.decision
    where = f"Line {row.label}"
    if decision is None:
        note = f" Hold note: {row.line.hold_note}" if row.line.hold_note else ""
        return f"{where} is {phrase(_outcome_text(row))}: no decision stands.{note}"
    amounts = decision.amounts
    sums = (
        f"Merchandise {money_text(amounts.merchandise)} − restocking fee {money_text(amounts.restocking_fee)}"
        f" − return label {money_text(amounts.return_shipping_deduction)}"
        f" + shipping {money_text(amounts.shipping_refund)} = {money_text(decision.refund_total)}"
    )
    method = f" by {phrase(decision.refund_method)}" if decision.refund_method else ""
    lines = [f"{where}: {phrase(decision.outcome)}{method}. {sums}."]
    if decision.voided:
        lines.insert(0, f"VOIDED by {decision.voided_by}: {decision.void_reason}. It no longer counts.")
    lines += [f"• {text}" for _, text in decision.reasons]
    if (decision.reason, decision.customer_choice) != (row.line.reason, row.line.customer_choice):
        lines.append(f"Found at the bench: {row.reason.lower()}; {row.choice.lower()}.")
    lines += [f"Weight check: {text}" for text in decision.contradictions]
    if decision.approved_by:
        lines.append(f"Approved by {decision.approved_by}: {decision.approval_note}")
    if decision.overridden_by:
        lines.append(f"Overridden by {decision.overridden_by}: {decision.override_reason}")
    lines.append(f"Decided under {decision.policy} policy version {decision.policy_version}.")
    return "\n".join(lines)


class RmaDetailView(QWidget):
    """The detail of one RMA; call ``show_rma`` with its number.

    Signals:
        loaded(str): the RMA number, once its detail is on screen.
        back_requested(): the clerk pressed Back.
        voided(str): a document number, once it has been voided.
        preview_opened(str): a document number, once its COPY is shown for printing.
        problem_shown(str): a refusal or failure, as the clerk reads it.
        label_finished(bool, str): whether the RMA's label printed, and the words shown (failed work: problem_shown).
    """

    loaded = Signal(str)
    back_requested = Signal()
    voided = Signal(str)
    preview_opened = Signal(str)
    problem_shown = Signal(str)
    label_finished = Signal(bool, str)

    def __init__(self, station: Station, signed_in_user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self._user = signed_in_user
        self._runner = OperationRunner(self)
        self._number = ""
        self.preview: DocumentPreviewDialog | None = None
        self.ui = Ui_RmaDetailView()
        self.ui.setupUi(self)
        self.ui.titleLabel.setFont(sized_font(self.font(), TITLE_POINT_SIZE))
        # The lines and their decisions are what the clerk came for; the timeline and documents
        # below get the rest.
        self.ui.detailSplitter.setStretchFactor(0, 3)
        self.ui.detailSplitter.setStretchFactor(1, 2)
        clear_message(self.ui.messageLabel)

        self.lines = LineModel(self)
        self.events = EventModel(self)
        self.documents = DocumentModel(self)
        for table, model in (
            (self.ui.linesTable, self.lines),
            (self.ui.timelineTable, self.events),
            (self.ui.documentsTable, self.documents),
        ):
            table.setModel(model)
            prepare_table(table)
        self.ui.linesTable.selectionModel().selectionChanged.connect(self._line_selected)
        self.ui.documentsTable.selectionModel().selectionChanged.connect(self._document_selected)
        self.ui.documentsTable.activated.connect(self.reprint_selected)

        self.may_void = signed_in_user.role in VOIDING_ROLES
        if not self.may_void:
            self.ui.voidButton.setToolTip("Only a supervisor may void a document.")
            self.ui.voidButton.setAccessibleDescription("Only a supervisor may void a document.")
        self.ui.backButton.clicked.connect(self.back_requested)
        self.ui.reprintButton.clicked.connect(self.reprint_selected)
        self.ui.voidButton.clicked.connect(self.ask_to_void_selected)
        self.ui.printLabelButton.clicked.connect(self.print_label)

    def show_rma(self, number: str) -> None:
        self._number = number
        show_progress(self.ui.messageLabel, f"Opening {number}…")
        self._load(self._show)

    def _load(self, on_success) -> None:
        history, number = self._station.history, self._number
        mask = self._user.role not in ROLES_SEEING_CUSTOMER_NAMES
        self._runner.start(
            lambda: history.show_rma(number, mask_customer=mask),
            key="load",
            on_success=on_success,
            on_failure=self._problem,
        )

    def _show(self, detail: RmaDetail) -> None:
        rma = detail.rma
        clear_message(self.ui.messageLabel)
        self.ui.titleLabel.setText(f"{rma.number} — {phrase(rma.status)}")
        self.ui.headerGroup.setTitle(f"Return authorization ({rma.authorization})")
        self.ui.sellerValue.setText(f"{rma.seller} ({rma.policy}, version {rma.policy_version})")
        self.ui.orderValue.setText(f"{rma.order_number}, paid by {phrase(rma.payment_method)}")
        self.ui.customerValue.setText(f"{rma.customer_name} (account {rma.customer_account})")
        self.ui.datesValue.setText(
            " · ".join(
                f"{label} {day.isoformat() if day else '—'}"
                for label, day in (
                    ("purchased", rma.purchased),
                    ("shipped", rma.shipped),
                    ("delivered", rma.delivered),
                    ("authorized", rma.reported),
                )
            ).capitalize()
        )
        previous = self.selected_document()
        self.lines.set_records(rows_of(detail))
        self.events.set_records(detail.events)
        self.documents.set_records(
            sorted(
                (
                    DocumentEntry(decision.line, document)
                    for decision in detail.decisions
                    for document in decision.documents
                ),
                key=lambda entry: (entry.document.issued_at, entry.document.number),
            )
        )
        self.ui.reasonsLabel.setText("Select a line to read the reasons for its decision." if rma.lines else "")
        # After a reprint or a void the same document stays selected, so the clerk keeps their place.
        for row, entry in enumerate(self.documents.records()):
            if previous is not None and entry.document.number == previous.document.number:
                self.ui.documentsTable.selectRow(row)
        self._document_selected()
        if rma.lines:
            self.ui.linesTable.selectRow(0)
        self.ui.printLabelButton.setEnabled(True)
        self.loaded.emit(rma.number)

    def _line_selected(self, *_: QItemSelection) -> None:
        row = _selected_row(self.ui.linesTable)
        if row is not None:
            self.ui.reasonsLabel.setText(_reasons_text(self.lines.records()[row]))

    def selected_document(self) -> DocumentEntry | None:
        row = _selected_row(self.ui.documentsTable)
        return None if row is None else self.documents.records()[row]

    def _document_selected(self, *_: QItemSelection) -> None:
        entry = self.selected_document()
        self.ui.reprintButton.setEnabled(entry is not None)
        self.ui.voidButton.setEnabled(entry is not None and self.may_void and not entry.document.voided)

    def reprint_selected(self) -> None:
        entry = self.selected_document()
        if entry is None:
            return
        number = entry.document.number
        show_progress(self.ui.messageLabel, f"Rendering a copy of {number}…")
        history, user, station_id = self._station.history, self._user.name, self._station.settings.station_id
        self._runner.start(
            lambda: history.document(number, reprint=True, user=user, station=station_id),
            key="reprint",
            on_success=self._open_preview,
            on_failure=self._problem,
        )

    def _open_preview(self, stored: StoredDocument) -> None:
        clear_message(self.ui.messageLabel)
        self.preview = DocumentPreviewDialog(self._station, self._user, stored.number, stored.type, stored.pdf, self)
        self.preview.open()
        self.preview_opened.emit(stored.number)
        self._load(self._show)  # the reprint is now on the timeline

    def ask_to_void_selected(self) -> QInputDialog | None:
        """Ask for the reason (kept with the document); voiding starts when the clerk confirms."""
        entry = self.selected_document()
        if entry is None or entry.document.voided:
            return None
        number = entry.document.number
        dialog = QInputDialog(self)
        dialog.setObjectName("voidReasonDialog")
        dialog.setAccessibleName(f"Reason for voiding {number}")
        dialog.setWindowTitle(f"Void {number}")
        dialog.setLabelText(f"Why is {phrase(entry.document.type)} {number} void? The reason is kept with it.")
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText("Void")
        dialog.textValueSelected.connect(partial(self.void_document, number))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def void_document(self, number: str, reason: str) -> None:
        show_progress(self.ui.messageLabel, f"Voiding {number}…")
        history, user, station_id = self._station.history, self._user.name, self._station.settings.station_id
        self._runner.start(
            lambda: history.void_document(number, user=user, station=station_id, reason=reason),
            key="void",
            on_success=lambda _: self._voided(number),
            on_failure=self._problem,
        )

    def _voided(self, number: str) -> None:
        self._load(partial(self._show_voided, number))

    def _show_voided(self, number: str, detail: RmaDetail) -> None:
        self._show(detail)
        show_success(self.ui.messageLabel, f"{number} is void; the void is on the timeline.")
        self.voided.emit(number)

    def print_label(self) -> None:
        number = self._number
        show_progress(self.ui.messageLabel, f"Sending the label for {number}…")
        start_label_print(
            self._runner,
            self._station,
            self._user.name,
            number,
            owner=self,
            on_done=lambda outcome: self._load(partial(self._show_label_outcome, outcome)),  # now on the timeline
            on_failure=self._problem,
        )

    def _show_label_outcome(self, outcome: LabelOutcome, detail: RmaDetail) -> None:
        self._show(detail)
        (show_success if outcome.printed else show_problem)(self.ui.messageLabel, outcome.sentence)
        self.label_finished.emit(outcome.printed, outcome.sentence)

    def _problem(self, message: str) -> None:
        show_problem(self.ui.messageLabel, message)
        self.problem_shown.emit(message)


def _selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None
