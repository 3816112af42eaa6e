"""The RMA desk's New RMA tab: a customer on the phone asks to return part of an order.

Find the order (its number, or the customer's account or name), pick it, say how many of each line
come back, the reason and what the customer wants, and type the parcel's tracking numbers if they are
known. The seller's policy is asked as the fields change (F5 asks again): each line says "authorized"
or the policy's refusal in the customer's words. "Rules as of" (Alt+L) asks under another version of
the policy, one published to take effect later; the RMA is authorized under today's all the same.
Enter authorizes: the RMA is created with the seller's prefix and next number. A line the policy
refuses needs a supervisor, who signs with their password in the same dialog the bench uses, and the
RMA is then created with their approval.

The new number is shown large, with its parcel label a key away: F5 prints it, Save label as PDF…
writes the label the ``label`` command writes.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QWidget

from receiving_app.domain.facts import CustomerChoice, ReturnReason
from receiving_app.domain.scan import ScanValue
from receiving_app.gui.forms.ui_pages_rma_desk_new import Ui_NewRmaTab
from receiving_app.gui.label_printing import start_label_print
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_message, show_problem, show_progress, show_success
from receiving_app.gui.pages.rma_desk_common import EnterAuthorizes, ask_supervisor, fill_reasons_and_choices
from receiving_app.gui.pages.rma_desk_lines import ReturnLines
from receiving_app.gui.pages.rma_desk_orders import OrderFinder, masks_customers
from receiving_app.gui.pages.rma_desk_rules import RulesChooser, verdict_words
from receiving_app.gui.scan_wedge import ScanLookUp
from receiving_app.gui.style import MOVING, NEUTRAL
from receiving_app.services.auth import SignedInUser
from receiving_app.services.commands import Approval
from receiving_app.services.desk_rules import VersionedVerdict
from receiving_app.services.desk_views import CreatedRma, DeskVerdict, OrderView, RmaRequest
from receiving_app.services.print_outcomes import LabelOutcome
from receiving_app.services.rma_desk import ReturnNotAuthorized, RmaDeskService, tracking_numbers_typed
from receiving_app.services.station import Station

CHECK_DELAY_MS = 300  # a check once the typing pauses, not one per key
NUMBER_STYLE = "font-size: 36pt; font-weight: bold;"  # a style sheet: a font set on a page is lost to the station's


class NewRmaTab(QWidget):
    """Signals:
    order_shown(str): the order whose lines are shown.
    checked(object): the policy's ``DeskVerdict`` on the request as it stands.
    created(object): the ``CreatedRma``.
    label_finished(bool, str): whether the label printed, and the words shown.
    label_saved(str): where the label's PDF was written.
    problem_shown(str): a refusal or failure, as the user reads it.
    """

    order_shown = Signal(str)
    checked = Signal(object)
    created = Signal(object)
    label_finished = Signal(bool, str)
    label_saved = Signal(str)
    problem_shown = Signal(str)

    def __init__(
        self, station: Station, user: SignedInUser, runner: OperationRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._station, self._user, self._runner, self._desk = station, user, runner, station.rma_desk
        self._order: OrderView | None = None
        self.rma: CreatedRma | None = None
        self.ui = ui = Ui_NewRmaTab()
        ui.setupUi(self)
        ui.createdNumberLabel.setStyleSheet(NUMBER_STYLE)
        # The lines on the tab's own background, not the scroll area's grey.
        ui.linesScroll.setStyleSheet("QScrollArea { background: transparent; }")
        ui.linesArea.setAutoFillBackground(False)
        clear_message(ui.checkLabel)
        clear_message(ui.labelStatusLabel)
        fill_reasons_and_choices(ui.reasonCombo, ui.choiceCombo)
        self.finder = OrderFinder(
            ui.orderSearchEdit, ui.findButton, ui.ordersTable, ui.orderLabel, runner, self._desk, user
        )
        self.finder.picked.connect(self.show_order)
        self.lines = ReturnLines(ui.linesArea, ui.linesGrid, self)
        self.lines.changed.connect(self._request_changed)
        self._enter = EnterAuthorizes(self.authorize, self)
        for field in (ui.reasonCombo, ui.choiceCombo, ui.trackingEdit):
            field.installEventFilter(self._enter)
        ui.reasonCombo.currentIndexChanged.connect(self._request_changed)
        ui.choiceCombo.currentIndexChanged.connect(self._request_changed)
        ui.trackingEdit.textChanged.connect(self._request_changed)
        self.rules = RulesChooser(self, runner, self._desk, ui.requestButtons, self._problem)
        self.rules.changed.connect(self._request_changed)
        QWidget.setTabOrder(ui.trackingEdit, self.rules.combo)
        QWidget.setTabOrder(self.rules.combo, ui.checkButton)
        tracking_scans = ScanLookUp(ui.trackingEdit)  # a parcel's barcode scanned here is one more number
        tracking_scans.scanned.connect(self._tracking_scanned)
        tracking_scans.scan_rejected.connect(lambda message: self._problem(f"Scan not understood: {message}"))
        self._check_soon = QTimer(self)
        self._check_soon.setSingleShot(True)
        self._check_soon.setInterval(CHECK_DELAY_MS)
        self._check_soon.timeout.connect(self.check)
        ui.checkButton.clicked.connect(self.check)
        ui.authorizeButton.clicked.connect(self.authorize)
        ui.printLabelButton.clicked.connect(self.print_label)
        ui.saveLabelButton.clicked.connect(self.choose_label_file)
        ui.anotherButton.clicked.connect(self.start_again)
        f5 = QShortcut(QKeySequence(Qt.Key.Key_F5), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        f5.setObjectName("deskF5Shortcut")
        f5.activated.connect(self._f5)
        if masks_customers(user):
            ui.orderSearchEdit.setPlaceholderText("order number or customer account")

    def focus_first(self) -> None:
        first = self.ui.orderSearchEdit if self.rma is None else self.ui.printLabelButton
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    # The order and its lines

    def show_order(self, number: str) -> None:
        desk, masked = self._desk, masks_customers(self._user)
        show_progress(self.ui.orderLabel, f"Opening order {number}…")
        self._runner.start(
            lambda: desk.order(number, mask_customer=masked),
            owner=self,
            key="desk-order",
            on_success=self._order_arrived,
            on_failure=self._problem,
        )

    def _order_arrived(self, order: OrderView) -> None:
        self._order = order
        ui = self.ui
        clear_message(ui.orderLabel)
        purchased = f"bought {order.purchased.isoformat()}"
        if order.delivered is not None:
            purchased += f", delivered {order.delivered.isoformat()}"
        ui.orderLabel.setText(
            f"<b>Order {escape(order.number)}</b> · {escape(order.seller_name)} · {escape(order.customer_name)}"
            f" ({escape(order.customer_account)}) · {purchased}"
        )
        ui.orderLabel.setVisible(True)
        # The orders found step aside for the lines (on a 768-line screen both do not fit); a search
        # lists them again.
        ui.ordersTable.setVisible(False)
        self.lines.show_lines(order.lines)
        self.rules.load(order.seller)
        previous = ui.ordersTable
        for spin in self.lines.spins.values():
            spin.installEventFilter(self._enter)
            QWidget.setTabOrder(previous, spin)
            previous = spin
        QWidget.setTabOrder(previous, ui.reasonCombo)
        self._say_what_is_missing()
        first = self.lines.first_quantity()
        if first is None:
            ui.orderSearchEdit.setFocus()
        else:
            first.setFocus(Qt.FocusReason.TabFocusReason)
            first.selectAll()
        self._enable_buttons()
        self.order_shown.emit(order.number)

    # Checking

    def request(self) -> RmaRequest | None:
        """The request as the fields stand; None while it is incomplete (``missing`` says what)."""
        reason = self.ui.reasonCombo.currentData()
        lines = self.lines.requested()
        if self._order is None or reason is None or not lines:
            return None
        return RmaRequest(
            order_number=self._order.number,
            lines=lines,
            reason=ReturnReason(reason),
            customer_choice=CustomerChoice(self.ui.choiceCombo.currentData()),
            tracking_numbers=tuple(
                part.strip() for part in self.ui.trackingEdit.text().replace(";", ",").split(",") if part.strip()
            ),
        )

    def missing(self) -> str:
        if self._order is None:
            return "Find the customer's order first."
        if self.lines.first_quantity() is None:
            return f"Every unit of order {self._order.number} is on an RMA already."
        if not self.lines.requested():
            return "Say how many units of a line come back."
        return "Choose the reason for the return."

    def _say_what_is_missing(self) -> None:
        if self._order is None:
            clear_message(self.ui.checkLabel)
        elif self.lines.first_quantity() is None:
            show_problem(self.ui.checkLabel, self.missing())
        else:
            show_message(self.ui.checkLabel, self.missing(), NEUTRAL)

    def _request_changed(self) -> None:
        self.lines.hide_verdicts()
        self._enable_buttons()
        if self.request() is None:
            self._say_what_is_missing()
            self._check_soon.stop()
        else:
            self._check_soon.start()

    def _enable_buttons(self) -> None:
        complete = self.request() is not None
        self.ui.checkButton.setEnabled(complete)
        self.ui.authorizeButton.setEnabled(complete)

    def check(self) -> None:
        request = self.request()
        if request is None:
            show_message(self.ui.checkLabel, self.missing(), NEUTRAL)
            return
        desk, rules = self._desk, self.rules.chosen()
        started = self._runner.start(
            lambda: _checked(desk, request, rules),
            owner=self,
            key="desk-check",
            on_success=lambda verdict: self._show_verdict(request, rules, verdict),
            on_failure=self._problem,
        )
        if started is None:
            self._check_soon.start()  # the check still running asked about fields since changed

    def _show_verdict(self, request: RmaRequest, rules: str | None, verdict: DeskVerdict) -> None:
        if request != self.request() or rules != self.rules.chosen():
            return  # the fields changed while the policy was asked: a newer check follows
        self.lines.show_verdict(verdict)
        show_message(self.ui.checkLabel, *verdict_words(verdict))
        self.checked.emit(verdict)

    # Authorizing

    def authorize(self) -> None:
        request = self.request()
        if request is None:
            show_problem(self.ui.checkLabel, self.missing())
            return
        self._create(request, None)

    def _create(self, request: RmaRequest, approval: Approval | None) -> None:
        desk, user, station_id = self._desk, self._user.name, self._station.settings.station_id

        def create() -> CreatedRma | DeskVerdict:
            try:
                return desk.create(request, user=user, station=station_id, approval=approval)
            except ReturnNotAuthorized as refused:
                return refused.verdict  # asked of a supervisor in the window, then created with the approval

        started = self._runner.start(
            create, owner=self, key="desk-create", on_success=self._created_or_refused, on_failure=self._problem
        )
        if started is not None:
            show_progress(self.ui.checkLabel, "Creating the RMA…")

    def _created_or_refused(self, outcome: CreatedRma | DeskVerdict) -> None:
        if isinstance(outcome, CreatedRma):
            self._show_created(outcome)
            return
        request = self.request()
        self.lines.show_verdict(outcome)
        show_message(self.ui.checkLabel, "The policy refuses a line: a supervisor can authorize it anyway.", MOVING)
        if request is not None:
            lines = ", ".join(str(line.line_no) for line in outcome.lines if not line.authorized)
            what = f"line {lines} of order {outcome.order_number}"
            ask_supervisor(self, self._runner, self._station, what, outcome, lambda ok: self._create(request, ok))

    def _show_created(self, rma: CreatedRma) -> None:
        self.rma = rma
        ui = self.ui
        ui.createdNumberLabel.setText(rma.number)
        units = "; ".join(f"line {line.order_line}: {line.quantity} × {line.sku}" for line in rma.lines)
        policy = self._station.policies.get(rma.seller)
        detail = f"For order {rma.order_number} ({policy.seller if policy else rma.seller}): {units}."
        if rma.supervisor is not None:
            detail += f" Authorized by {rma.supervisor} over the policy's refusal."
        if rma.tracking_numbers:
            detail += f" Tracking: {', '.join(rma.tracking_numbers)}."
        ui.createdDetailLabel.setText(detail)
        clear_message(ui.labelStatusLabel)
        ui.newRmaStack.setCurrentWidget(ui.createdPane)
        ui.printLabelButton.setFocus(Qt.FocusReason.OtherFocusReason)
        self.created.emit(rma)

    def start_again(self) -> None:
        """Back to an empty request for the next customer."""
        ui = self.ui
        self.rma, self._order = None, None
        self.lines.clear()
        self.finder.orders.set_records([])
        ui.ordersTable.setVisible(True)
        ui.orderSearchEdit.clear()
        ui.trackingEdit.clear()
        ui.reasonCombo.setCurrentIndex(-1)
        ui.choiceCombo.setCurrentIndex(0)
        self.rules.clear()
        ui.orderLabel.setStyleSheet("")
        ui.orderLabel.setText("Find the customer's order, then press Enter on it.")
        clear_message(ui.checkLabel)
        ui.newRmaStack.setCurrentWidget(ui.requestPane)
        ui.orderSearchEdit.setFocus()

    # The label

    def _f5(self) -> None:
        if self.ui.newRmaStack.currentWidget() is self.ui.createdPane:
            self.print_label()
        else:
            self.check()

    def print_label(self) -> None:
        if self.rma is None:
            return
        number = self.rma.number
        started = start_label_print(
            self._runner,
            self._station,
            self._user.name,
            number,
            owner=self,
            on_done=self._label_printed,
            on_failure=self._label_problem,
        )
        show_progress(self.ui.labelStatusLabel, f"Sending the label for {number}…" if started else "On its way…")

    def _label_printed(self, outcome: LabelOutcome) -> None:
        (show_success if outcome.printed else show_problem)(self.ui.labelStatusLabel, outcome.sentence)
        self.label_finished.emit(outcome.printed, outcome.sentence)

    def _label_problem(self, message: str) -> None:
        show_problem(self.ui.labelStatusLabel, message)
        self.problem_shown.emit(message)

    def choose_label_file(self) -> None:
        if self.rma is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _chosen = QFileDialog.getSaveFileName(
            self, "Save the RMA label as PDF", str(Path(folder) / f"{self.rma.number}-label.pdf"), "PDF files (*.pdf)"
        )
        if path:
            self.save_label_to(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def save_label_to(self, path: str | Path) -> None:
        """Writes the RMA's label, as the ``label`` command does, to ``path`` in the background."""
        if self.rma is None:
            return
        history, number, station_id = self._station.history, self.rma.number, self._station.settings.station_id

        def write() -> str:
            Path(path).write_bytes(history.rma_label(number, station=station_id))
            return str(path)

        show_progress(self.ui.labelStatusLabel, f"Writing {Path(path).name}…")
        self._runner.start(
            write, owner=self, key="desk-label-pdf", on_success=self._label_written, on_failure=self._label_problem
        )

    def _label_written(self, path: str) -> None:
        show_success(self.ui.labelStatusLabel, f"Label saved to {path}")
        self.label_saved.emit(path)

    def _tracking_scanned(self, value: ScanValue) -> None:
        field = self.ui.trackingEdit
        typed = field.text().strip().rstrip(",")
        field.setText(f"{typed}, {value.text}" if typed else value.text)

    def _problem(self, message: str) -> None:
        show_problem(self.ui.checkLabel, message)
        self.problem_shown.emit(message)


def _checked(desk: RmaDeskService, request: RmaRequest, rules: str | None) -> VersionedVerdict:
    """The policy's verdict under the version chosen, once the typed tracking numbers are known to be real ones."""
    tracking_numbers_typed(request.tracking_numbers)
    return desk.check(request, rules)
