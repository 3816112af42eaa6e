"""The outbox: the e-mails to customers and the webhooks that wait or failed, newest first, with each one's
last answer; a supervisor sends one again now or cancels it with a written reason.

Everyone may read the queue; retry and cancel are a supervisor's (the service checks again). The
list is read when the page is first shown and again on Refresh or after an action, in the background
like every page's work. No customer's address is shown: an e-mail goes "to the customer".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from receiving_app.gui.forms.ui_pages_outbox import Ui_OutboxPage
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_problem, show_progress, show_success
from receiving_app.gui.pages.models import RECORD_ROLE, Column, RecordTableModel, local_time, prepare_table
from receiving_app.gui.style import BAD, GOOD, MOVING, Tone
from receiving_app.services.auth import SignedInUser
from receiving_app.services.outbox import CANCELLABLE, RETRIABLE, OutboxEntry
from receiving_app.services.station import Station

SUPERVISING_ROLES = frozenset({"supervisor", "admin"})
EVERY_STATUS = ("pending", "sending", "failed", "sent", "cancelled", "skipped")
KIND_WORDS = {"email": "E-mail", "webhook": "Webhook"}
STATUS_TONES: dict[str, Tone] = {"failed": BAD, "sent": GOOD, "pending": MOVING, "sending": MOVING}


class OutboxModel(RecordTableModel):
    """Outbox messages; the error column takes what width is left, and the times step aside first."""

    COLUMNS = (
        Column("#", lambda entry: str(entry.id), sort_key=lambda entry: entry.id, numeric=True),
        Column("Status", lambda entry: entry.status, tone=lambda entry: STATUS_TONES.get(entry.status)),
        Column("Kind", lambda entry: KIND_WORDS.get(entry.kind, entry.kind)),
        Column("Event", lambda entry: entry.event_type),
        Column("RMA", lambda entry: entry.rma or "—"),
        Column("To", lambda entry: entry.receiver or "—", hide_order=3),
        Column("Tries", lambda entry: str(entry.attempts), sort_key=lambda entry: entry.attempts, numeric=True),
        Column("Next try", lambda entry: _next_try(entry), hide_order=1),
        Column("Queued", lambda entry: local_time(entry.created_at), hide_order=2),
        Column("Last answer", lambda entry: entry.last_error or "", stretch=True),
    )


class OutboxPage(QWidget):
    """Signals:
    loaded(int): the number of messages now listed.
    acted(object): the ``OutboxEntry`` a retry or cancel left.
    problem_shown(str): a refusal or failure, as the clerk reads it.
    """

    loaded = Signal(int)
    acted = Signal(object)
    problem_shown = Signal(str)

    def __init__(self, station: Station, signed_in_user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outbox = station.outbox
        self._user = signed_in_user
        self._station_id = station.settings.station_id
        self._runner = OperationRunner(self)
        self.may_act = signed_in_user.role in SUPERVISING_ROLES
        self.ui = Ui_OutboxPage()
        self.ui.setupUi(self)
        clear_message(self.ui.messageLabel)
        self.messages = OutboxModel(self)
        self.ui.messagesTable.setModel(self.messages)
        prepare_table(self.ui.messagesTable)
        self.ui.messagesTable.selectionModel().selectionChanged.connect(self._chosen_changed)
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.ui.showAllCheck.toggled.connect(self.refresh)
        self.ui.retryButton.clicked.connect(self.retry_chosen)
        self.ui.cancelButton.clicked.connect(self.cancel_chosen)
        if not self.may_act:
            for widget in (self.ui.reasonEdit, self.ui.reasonLabel, self.ui.cancelButton, self.ui.retryButton):
                widget.setVisible(False)
        self._chosen_changed()
        self._loaded_once = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded_once:  # read when first shown: a station that never opens the page pays nothing
            self._loaded_once = True
            self.refresh()

    # Reading ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        outbox, every = self._outbox, self.ui.showAllCheck.isChecked()
        self._runner.start(
            lambda: (outbox.messages(EVERY_STATUS) if every else outbox.messages(), outbox.counts()),
            key="load",
            on_success=self._show,
            on_failure=self._problem,
        )

    def _show(self, loaded: tuple[tuple[OutboxEntry, ...], dict[str, int]]) -> None:
        entries, counts = loaded
        chosen = self.chosen()
        self.messages.set_records(entries)
        summary = (
            f"Waiting: {counts['pending'] + counts['sending']} · failed: {counts['failed']} · "
            f"sent: {counts['sent']} · cancelled: {counts['cancelled']} · skipped: {counts['skipped']}."
        )
        self.ui.summaryLabel.setText(summary if self.may_act else f"{summary} Only a supervisor may retry or cancel.")
        if chosen is not None:
            self._choose(chosen.id)
        self._chosen_changed()
        self.loaded.emit(len(entries))

    def chosen(self) -> OutboxEntry | None:
        rows = self.ui.messagesTable.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def _choose(self, message_id: int) -> None:
        for row, entry in enumerate(self.messages.records()):
            if entry.id == message_id:
                self.ui.messagesTable.selectRow(row)
                return

    def _chosen_changed(self, *_: object) -> None:
        entry = self.chosen()
        self.ui.retryButton.setEnabled(entry is not None and entry.status in RETRIABLE)
        self.ui.cancelButton.setEnabled(entry is not None and entry.status in CANCELLABLE)
        self.ui.detailLabel.setText(_detail(entry) if entry is not None else "Choose a message to see its last answer.")

    # Acting ----------------------------------------------------------------------------------------

    def retry_chosen(self) -> None:
        entry = self.chosen()
        if entry is None or not self.may_act:
            return
        outbox, user, station = self._outbox, self._user.name, self._station_id
        show_progress(self.ui.messageLabel, f"Queueing #{entry.id} again…")
        self._runner.start(
            lambda: outbox.retry(entry.id, user=user, station=station),
            key="act",
            on_success=lambda done: self._acted(done, f"#{done.id} goes out with the next pass."),
            on_failure=self._problem,
        )

    def cancel_chosen(self) -> None:
        entry = self.chosen()
        if entry is None or not self.may_act:
            return
        reason = self.ui.reasonEdit.text().strip()
        if not reason:
            self._problem("Write why the message is cancelled first.")
            self.ui.reasonEdit.setFocus()
            return
        outbox, user, station = self._outbox, self._user.name, self._station_id
        self._runner.start(
            lambda: outbox.cancel(entry.id, reason=reason, user=user, station=station),
            key="act",
            on_success=lambda done: self._acted(done, f"#{done.id} is cancelled and will never be sent."),
            on_failure=self._problem,
        )

    def _acted(self, entry: OutboxEntry, said: str) -> None:
        self.ui.reasonEdit.clear()
        show_success(self.ui.messageLabel, said)
        self.acted.emit(entry)
        self.refresh()

    def _problem(self, message: str) -> None:
        show_problem(self.ui.messageLabel, message)
        self.problem_shown.emit(message)


def _next_try(entry: OutboxEntry) -> str:
    return local_time(entry.next_attempt_at) if entry.status == "pending" else ""


def _detail(entry: OutboxEntry) -> str:
    if entry.status == "cancelled":
        return f"#{entry.id} was cancelled by {entry.cancelled_by}: {entry.cancel_reason}"
    if entry.status == "sent":
        return f"#{entry.id} was delivered at {local_time(entry.sent_at)}."
    return f"#{entry.id}: {entry.last_error or 'not tried yet'}"
