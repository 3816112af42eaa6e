"""Finding a customer's order at the RMA desk, by its number or the customer's account or name: the
search box, its Find button and the table of orders found, wired once for the New RMA tab and for
matching a return without an RMA.

Enter in the box (or a complete scan into it) searches; Enter on an order picks it, and a search that
finds one order picks it at once. The names are masked for roles that may not see them, as History
masks them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView

from receiving_app.domain.scan import ScanValue
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import show_message, show_problem, show_progress
from receiving_app.gui.pages.models import RECORD_ROLE, Column, RecordTableModel, prepare_table
from receiving_app.gui.scan_wedge import ScanLookUp
from receiving_app.gui.style import NEUTRAL
from receiving_app.services.auth import SignedInUser
from receiving_app.services.desk_views import OrderSummary
from receiving_app.services.rma_desk import FOUND_ORDERS_SHOWN, RmaDeskService
from receiving_app.services.search import ROLES_SEEING_CUSTOMER_NAMES


class OrdersModel(RecordTableModel):
    COLUMNS = (
        Column("Order", lambda order: order.number),
        Column("Seller", lambda order: order.seller_name, hide_order=2),
        Column("Customer", lambda order: f"{order.customer_name} ({order.customer_account})", stretch=True),
        Column("Purchased", lambda order: order.purchased.isoformat(), hide_order=1),
        Column("Lines", lambda order: str(order.lines), lambda order: order.lines, numeric=True, hide_order=3),
    )


def masks_customers(user: SignedInUser) -> bool:
    return user.role not in ROLES_SEEING_CUSTOMER_NAMES


class OrderFinder(QObject):
    """A search box, a Find button and a table of orders, searched in the background.

    Signals:
        found(int): how many orders a search listed.
        picked(str): the number of the order the user picked (Enter on it, or the one order found).
    """

    found = Signal(int)
    picked = Signal(str)

    def __init__(
        self,
        box: QLineEdit,
        button: QPushButton,
        table: QTableView,
        status: QLabel,
        runner: OperationRunner,
        desk: RmaDeskService,
        user: SignedInUser,
    ) -> None:
        super().__init__(table)
        self._box, self._button, self._table, self._status = box, button, table, status
        self._runner, self._desk = runner, desk
        self._masked = masks_customers(user)
        self.orders = OrdersModel(self)
        table.setModel(self.orders)
        prepare_table(table)
        box.returnPressed.connect(self.find)
        button.clicked.connect(self.find)
        table.activated.connect(self._activated)
        look_up = ScanLookUp(box)  # an order's barcode scanned into the box is searched here
        look_up.scanned.connect(self._scanned)
        look_up.scan_rejected.connect(lambda message: show_problem(status, f"Scan not understood: {message}"))

    def find(self) -> None:
        text, desk, masked = self._box.text(), self._desk, self._masked
        started = self._runner.start(
            lambda: desk.find_orders(text, mask_customer=masked),
            owner=self._table,
            key=f"find-orders:{id(self)}",
            on_success=self._show,
            on_failure=lambda message: show_problem(self._status, message),
        )
        if started is not None:
            show_progress(self._status, "Looking for orders…")

    def _scanned(self, value: ScanValue) -> None:
        self._box.setText(value.text)
        self.find()

    def selected(self) -> OrderSummary | None:
        rows = self._table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def _show(self, orders: list[OrderSummary]) -> None:
        self.orders.set_records(orders)
        self._table.setVisible(True)
        self.found.emit(len(orders))
        if not orders:
            show_problem(self._status, f"No order matches {self._box.text().strip()!r}.")
            return
        self._table.selectRow(0)
        if len(orders) == 1:
            self.picked.emit(orders[0].number)
            return
        found = f"{len(orders)} orders found" if len(orders) < FOUND_ORDERS_SHOWN else f"The first {len(orders)} orders"
        show_message(self._status, f"{found}: pick one and press Enter.", NEUTRAL)
        self._table.setFocus()

    def _activated(self) -> None:
        order = self.selected()
        if order is not None:
            self.picked.emit(order.number)
