"""Matching a return without an RMA to the customer's order: find the order as the New RMA tab finds
it, say the reason and what the customer wants, and Enter (or Match) turns the return into an RMA whose
units are received with the weights already taken. A line the seller's policy refuses needs a
supervisor, asked in the bench's own dialog; the dialog stays open until the match is recorded or
refused, and says why it was refused."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from receiving_app.domain.facts import CustomerChoice, ReturnReason
from receiving_app.gui.forms.ui_rma_desk_match_dialog import Ui_MatchDialog
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_message, show_problem, show_progress
from receiving_app.gui.pages.rma_desk_common import EnterAuthorizes, ask_supervisor, fill_reasons_and_choices
from receiving_app.gui.pages.rma_desk_orders import OrderFinder, masks_customers
from receiving_app.gui.style import MOVING
from receiving_app.services.auth import SignedInUser
from receiving_app.services.commands import Approval
from receiving_app.services.desk_views import CreatedRma, DeskVerdict
from receiving_app.services.rma_desk import ReturnNotAuthorized
from receiving_app.services.station import Station
from receiving_app.services.unidentified_views import UnidentifiedView


class MatchDialog(QDialog):
    """Signals:
    matched(object): the ``CreatedRma`` the return became (the dialog then closes).
    problem_shown(str): a refusal or failure, as the user reads it.
    """

    matched = Signal(object)
    problem_shown = Signal(str)

    def __init__(
        self,
        station: Station,
        user: SignedInUser,
        runner: OperationRunner,
        parcel: UnidentifiedView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._station, self._user, self._runner, self.parcel = station, user, runner, parcel
        self.order: str | None = None
        self.ui = ui = Ui_MatchDialog()
        ui.setupUi(self)
        self.setWindowTitle(f"Match {parcel.number} to an order")
        skus = ", ".join(item.sku or item.scanned for item in parcel.items)
        count = len(parcel.items)
        ui.explanationLabel.setText(
            f"{parcel.number} ({parcel.lpn}) holds {count} item{'s' if count != 1 else ''}: {skus}. Each becomes"
            " a unit of the order's line with its SKU, received later with the weight taken at the dock."
        )
        clear_message(ui.messageLabel)
        fill_reasons_and_choices(ui.reasonCombo, ui.choiceCombo)
        self.finder = OrderFinder(
            ui.orderSearchEdit, ui.findButton, ui.ordersTable, ui.orderLabel, runner, station.rma_desk, user
        )
        self.finder.picked.connect(self._picked)
        if masks_customers(user):
            ui.orderSearchEdit.setPlaceholderText("order number or customer account")
        enter = EnterAuthorizes(self.match, self)
        for field in (ui.reasonCombo, ui.choiceCombo, ui.matchButton):
            field.installEventFilter(enter)
        ui.matchButton.clicked.connect(self.match)
        ui.cancelButton.clicked.connect(self.reject)
        ui.orderSearchEdit.setFocus()

    def _picked(self, number: str) -> None:
        self.order = number
        label = self.ui.orderLabel
        label.setStyleSheet("")
        label.setText(f"Order {number} picked: now the reason, then Enter.")
        label.setVisible(True)
        self.ui.reasonCombo.setFocus(Qt.FocusReason.OtherFocusReason)

    def match(self) -> None:
        reason = self.ui.reasonCombo.currentData()
        if self.order is None:
            self._problem("Find the customer's order and press Enter on it first.")
            return
        if reason is None:
            self._problem("Choose the reason for the return.")
            self.ui.reasonCombo.setFocus()
            return
        self._match(self.order, ReturnReason(reason), CustomerChoice(self.ui.choiceCombo.currentData()), None)

    def _match(self, order: str, reason: ReturnReason, choice: CustomerChoice, approval: Approval | None) -> None:
        matching, number = self._station.unidentified_matching, self.parcel.number
        user, station_id = self._user.name, self._station.settings.station_id

        def match() -> CreatedRma | DeskVerdict:
            try:
                return matching.match(number, order, reason, choice, user=user, station=station_id, approval=approval)
            except ReturnNotAuthorized as refused:
                return refused.verdict  # asked of a supervisor, then matched again with the approval

        def answered(outcome: CreatedRma | DeskVerdict) -> None:
            if isinstance(outcome, CreatedRma):
                self.matched.emit(outcome)
                self.accept()
                return
            show_message(self.ui.messageLabel, "The policy refuses it: a supervisor can authorize it anyway.", MOVING)
            what = f"the return of {number} on order {order}"
            ask_supervisor(
                self, self._runner, self._station, what, outcome, lambda ok: self._match(order, reason, choice, ok)
            )

        started = self._runner.start(match, owner=self, key="desk-match", on_success=answered, on_failure=self._problem)
        if started is not None:
            show_progress(self.ui.messageLabel, f"Matching {number} to order {order}…")

    def _problem(self, message: str) -> None:
        show_problem(self.ui.messageLabel, message)
        self.problem_shown.emit(message)
