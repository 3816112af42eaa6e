"""The RMA desk's Unidentified tab: the parcels that came without an RMA (or items their RMA does not
list), still open, newest first, listed again each time the tab is shown.

Picking one shows what is in it: each item's SKU, description, weight and photos. Match… finds the
customer's order and turns the return into an RMA (``rma_desk_match``); Reject… closes it with a
written reason, in the bench's note dialog. The sender typed from the label is shown only in the
detail, masked for roles that may not see customer names, and is never logged.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from receiving_app.gui.dialogs import NoteDialog
from receiving_app.gui.forms.ui_pages_rma_desk_unidentified import Ui_UnidentifiedTab
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_message, show_problem, show_progress, show_success
from receiving_app.gui.pages.models import RECORD_ROLE, local_time, prepare_table
from receiving_app.gui.pages.rma_desk_match import MatchDialog
from receiving_app.gui.pages.rma_desk_models import UnidentifiedItemsModel, UnidentifiedModel
from receiving_app.gui.pages.rma_desk_orders import masks_customers
from receiving_app.gui.style import NEUTRAL
from receiving_app.services.auth import SignedInUser
from receiving_app.services.desk_views import CreatedRma
from receiving_app.services.station import Station
from receiving_app.services.unidentified_views import UnidentifiedView


class UnidentifiedTab(QWidget):
    """Signals:
    listed(int): how many open returns are listed.
    matched(object): the ``CreatedRma`` a return became.
    rejected(str): the number of the return rejected.
    problem_shown(str): a refusal or failure, as the user reads it.
    """

    listed = Signal(int)
    matched = Signal(object)
    rejected = Signal(str)
    problem_shown = Signal(str)

    def __init__(
        self, station: Station, user: SignedInUser, runner: OperationRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._station, self._user, self._runner = station, user, runner
        self._said_last: str | None = None  # what a match or rejection said, kept over the list that follows
        self.ui = ui = Ui_UnidentifiedTab()
        ui.setupUi(self)
        clear_message(ui.unidentifiedStatusLabel)
        self.returns = UnidentifiedModel(self)
        ui.returnsTable.setModel(self.returns)
        prepare_table(ui.returnsTable)
        self.items = UnidentifiedItemsModel(self)
        ui.itemsTable.setModel(self.items)
        prepare_table(ui.itemsTable)
        ui.returnsTable.selectionModel().selectionChanged.connect(self._picked)
        ui.returnsTable.activated.connect(self.open_match)
        ui.matchButton.clicked.connect(self.open_match)
        ui.rejectButton.clicked.connect(self.open_reject)
        ui.refreshButton.clicked.connect(self.refresh)
        self._picked()

    def focus_first(self) -> None:
        self.ui.returnsTable.setFocus()

    def refresh(self) -> None:
        service, masked = self._station.unidentified, masks_customers(self._user)
        started = self._runner.start(
            lambda: service.list_open(mask_sender=masked),
            owner=self,
            key="desk-unidentified",
            on_success=self._show,
            on_failure=self._problem,
        )
        if started is not None and self._said_last is None:
            show_progress(self.ui.unidentifiedStatusLabel, "Listing the returns without an RMA…")

    def _show(self, parcels: list[UnidentifiedView]) -> None:
        kept = self.selected()
        self.returns.set_records(parcels)
        numbers = [parcel.number for parcel in parcels]
        if parcels:
            self.ui.returnsTable.selectRow(numbers.index(kept.number) if kept and kept.number in numbers else 0)
        if self._said_last is None:  # else the match's or rejection's sentence stays in view
            count = len(parcels)
            show_message(
                self.ui.unidentifiedStatusLabel,
                f"{count} open return{'s' if count != 1 else ''} without an RMA."
                if count
                else "No return without an RMA is open.",
                NEUTRAL,
            )
        self._said_last = None
        self._picked()
        self.listed.emit(len(parcels))

    def selected(self) -> UnidentifiedView | None:
        rows = self.ui.returnsTable.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def _picked(self) -> None:
        parcel = self.selected()
        ui = self.ui
        ui.matchButton.setEnabled(parcel is not None)
        ui.rejectButton.setEnabled(parcel is not None)
        self.items.set_records(parcel.items if parcel else ())
        ui.detailLabel.setText(_detail(parcel) if parcel else "Pick a return to see what is in it.")

    def open_match(self) -> MatchDialog | None:
        parcel = self.selected()
        if parcel is None:
            return None
        dialog = MatchDialog(self._station, self._user, self._runner, parcel, self)
        dialog.matched.connect(self._matched)
        dialog.open()
        return dialog

    def _matched(self, rma: CreatedRma) -> None:
        units = sum(line.quantity for line in rma.lines)
        parcel = self.selected()
        source = parcel.number if parcel else "The return"
        said = (
            f"{source} is now RMA {rma.number}: its {units} unit{'s' if units != 1 else ''} will be received"
            " with the weights already taken."
        )
        show_success(self.ui.unidentifiedStatusLabel, said)
        self._said_last = said
        self.matched.emit(rma)
        self.refresh()

    def open_reject(self) -> NoteDialog | None:
        parcel = self.selected()
        if parcel is None:
            return None
        dialog = NoteDialog(
            f"Reject {parcel.number}",
            f"Why is {parcel.number} ({parcel.lpn}) rejected? The reason stays on file with it.",
            required=True,
            parent=self,
        )
        dialog.note_given.connect(lambda reason: self.reject(parcel.number, reason))
        dialog.open()
        return dialog

    def reject(self, number: str, reason: str) -> None:
        service, user, station_id = self._station.unidentified, self._user.name, self._station.settings.station_id
        show_progress(self.ui.unidentifiedStatusLabel, f"Rejecting {number}…")
        self._runner.start(
            lambda: service.reject(number, reason, user=user, station=station_id),
            owner=self,
            key="desk-reject",
            on_success=lambda parcel: self._rejected(parcel.number),
            on_failure=self._problem,
        )

    def _rejected(self, number: str) -> None:
        said = f"{number} is rejected; the reason is kept with it."
        show_success(self.ui.unidentifiedStatusLabel, said)
        self._said_last = said
        self.rejected.emit(number)
        self.refresh()

    def _problem(self, message: str) -> None:
        show_problem(self.ui.unidentifiedStatusLabel, message)
        self.problem_shown.emit(message)


def _detail(parcel: UnidentifiedView) -> str:
    """What the list does not say of the return, as rich text (what was typed is escaped)."""
    parts = [
        f"<b>{parcel.number}</b> · plate {parcel.lpn} · {escape(parcel.place)}",
        f"recorded {local_time(parcel.recorded_at)} by {escape(parcel.recorded_by)} at {escape(parcel.station)}",
    ]
    if parcel.tracking_display:
        parts.append(f"tracking {parcel.carrier or ''} {parcel.tracking_display}".replace("  ", " "))
    if parcel.found_with_rma:
        parts.append(f"found in the parcel of {parcel.found_with_rma}")
    if parcel.sender:
        parts.append(f"sender on the label: {escape(parcel.sender)}")
    if parcel.notes:
        parts.append(f"notes: {escape(parcel.notes)}")
    return " · ".join(parts)
