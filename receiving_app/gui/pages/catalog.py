"""The catalog: every cartridge with its make, UPC, full and empty weights, list price and the units of
it on hand (new and open box), a filter box, and an editor for the selected item that admins can save
and everyone else can only read."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from receiving_app.domain.money_text import money_text
from receiving_app.gui.forms.ui_pages_catalog import Ui_CatalogPage
from receiving_app.gui.operations import Operation, OperationRunner
from receiving_app.gui.pages.feedback import (
    clear_message,
    show_problem,
    show_progress,
    show_success,
)
from receiving_app.gui.pages.models import (
    RECORD_ROLE,
    SORT_ROLE,
    Column,
    RecordTableModel,
    phrase,
    prepare_table,
    words,
)
from receiving_app.services.auth import SignedInUser
from receiving_app.services.catalog import (
    CatalogEdit,
    CatalogEditRejected,
    CatalogItemView,
    check_edit,
    may_edit_catalog,
)
from receiving_app.services.station import Station
from receiving_app.services.stock import StockLine

ON_HAND = (("On hand\nnew", "new"), ("On hand\nopen box", "open_box"))
"""The on-hand columns' titles and the stock grade each counts, as ``StockLine.grade`` names it. The
titles take two lines: on one line they would not fit whole beside the keyboard map on a 1366 px screen."""


class CatalogModel(RecordTableModel):
    """The catalog's items, each with the units of it on hand by grade (blank where there are none)."""

    # On a narrow screen the category and brand step aside first (the description names both), then
    # the weights, the UPC, the make and last the list price, before the description is squeezed below
    # a useful width; the selected item's editor below shows every field whole. The units on hand never
    # step aside: they are what a clerk looking up a SKU wants to know, and are nowhere else on the page.
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._on_hand: dict[tuple[str, str], int] = {}
        # Built per model: the on-hand columns read this model's stock, which a class attribute could not.
        self.COLUMNS = (
            Column("SKU", lambda item: item.sku),
            Column("Brand", lambda item: item.brand, hide_order=2),
            Column("Description", lambda item: item.description, stretch=True),
            Column("Category", lambda item: words(item.category), hide_order=1),
            Column("Make", lambda item: words(item.make), hide_order=6),
            Column("UPC", lambda item: item.upc or "—", hide_order=5),
            Column("Full g", lambda item: str(item.full_g), lambda item: item.full_g, numeric=True, hide_order=4),
            Column("Empty g", lambda item: str(item.empty_g), lambda item: item.empty_g, numeric=True, hide_order=3),
            Column(
                "List price",
                lambda item: money_text(item.list_price),
                lambda item: item.list_price.amount,
                numeric=True,
                hide_order=7,
            ),
            *(self._on_hand_column(title, grade) for title, grade in ON_HAND),
        )

    def _on_hand_column(self, title: str, grade: str) -> Column:
        def count(item: CatalogItemView) -> int:
            return self._on_hand.get((item.sku, grade), 0)

        return Column(title, lambda item: str(count(item) or ""), count, numeric=True)

    def set_stock(self, lines: Sequence[StockLine]) -> None:
        """The units on hand now; only their columns are repainted, so the selection and sort stay."""
        self._on_hand = {(line.sku, line.grade): line.quantity for line in lines}
        if self.rowCount():
            first = len(self.COLUMNS) - len(ON_HAND)
            self.dataChanged.emit(self.index(0, first), self.index(self.rowCount() - 1, len(self.COLUMNS) - 1))


class CatalogPage(QWidget):
    """The catalog table and the selected item's editor.

    Signals:
        items_loaded(int): how many items the catalog holds, once listed with the stock on hand.
        stock_loaded(int): how many units are on hand, once read again on a later visit.
        item_saved(str): the SKU of an item whose edit was saved.
        problem_shown(str): a refusal or failure, as the clerk reads it.
    """

    items_loaded = Signal(int)
    stock_loaded = Signal(int)
    item_saved = Signal(str)
    problem_shown = Signal(str)

    def __init__(self, station: Station, signed_in_user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self._user = signed_in_user
        self._catalog = station.catalog
        self._runner = OperationRunner(self)
        self._loaded_once = False
        self._item: CatalogItemView | None = None
        self._saving: Operation | None = None
        self.may_edit = may_edit_catalog(signed_in_user.role)
        self.ui = Ui_CatalogPage()
        self.ui.setupUi(self)
        self._edits = {
            "description": self.ui.descriptionEdit,
            "upc": self.ui.upcEdit,
            "full_g": self.ui.fullEdit,
            "empty_g": self.ui.emptyEdit,
            "list_price": self.ui.priceEdit,
        }
        self._problems: dict[str, QLabel] = {
            "description": self.ui.descriptionProblem,
            "upc": self.ui.upcProblem,
            "full_g": self.ui.fullProblem,
            "empty_g": self.ui.emptyProblem,
            "list_price": self.ui.priceProblem,
        }
        for label in (*self._problems.values(), self.ui.messageLabel):
            clear_message(label)

        self.items = CatalogModel(self)
        self.filtered = QSortFilterProxyModel(self)
        self.filtered.setSourceModel(self.items)
        self.filtered.setSortRole(SORT_ROLE)
        self.filtered.setFilterKeyColumn(-1)  # a match in any column keeps the row
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.ui.catalogTable.setModel(self.filtered)
        prepare_table(self.ui.catalogTable)
        self.ui.catalogTable.selectionModel().selectionChanged.connect(self._selection_changed)
        self.ui.filterEdit.textChanged.connect(self._filter)

        if self.may_edit:
            self.ui.permissionLabel.setVisible(False)
            for edit in self._edits.values():
                edit.textEdited.connect(self._edited)
                edit.returnPressed.connect(self.save)
            self.ui.saveButton.clicked.connect(self.save)
            self.ui.revertButton.clicked.connect(self.revert)
        else:
            self.ui.permissionLabel.setText(
                "Only an admin can change the catalog; "
                f"{signed_in_user.display_name} ({signed_in_user.role}) can read it."
            )
            for edit in self._edits.values():
                edit.setReadOnly(True)
            # Read-only boxes drawn as plain text, so nobody tries to type into them.
            self.ui.editorGroup.setStyleSheet('QLineEdit[readOnly="true"] { background: transparent; border: none; }')
            self.ui.saveButton.setVisible(False)
            self.ui.revertButton.setVisible(False)
        self._set_editor_enabled(False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()
        else:
            # The bench restocks units while the page is away: the counts are read again on each
            # visit, and only they, so that the clerk's selection and an unsaved edit stay put.
            self.reload_stock()

    def reload(self) -> None:
        """List the catalog and the stock on hand in the background, together."""
        show_progress(self.ui.messageLabel, "Loading the catalog…")
        catalog, stock = self._catalog, self._station.stock
        self._runner.start(
            lambda: (catalog.list_items(), stock.on_hand()),
            key="load",
            on_success=self._show_items,
            on_failure=self._problem,
        )

    def reload_stock(self) -> None:
        if self._runner.is_running("load"):
            return  # the first load reads the stock too
        self._runner.start(
            self._station.stock.on_hand, key="stock", on_success=self._show_stock, on_failure=self._problem
        )

    def _show_items(self, loaded: tuple[tuple[CatalogItemView, ...], tuple[StockLine, ...]]) -> None:
        items, stock = loaded
        clear_message(self.ui.messageLabel)
        self.items.set_stock(stock)
        self.items.set_records(items)
        self.ui.catalogTable.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._count()
        self.items_loaded.emit(len(items))

    def _show_stock(self, stock: tuple[StockLine, ...]) -> None:
        self.items.set_stock(stock)
        self.stock_loaded.emit(sum(line.quantity for line in stock))

    def _filter(self, text: str) -> None:
        self.filtered.setFilterFixedString(text.strip())
        self._count()

    def _count(self) -> None:
        shown, total = self.filtered.rowCount(), self.items.rowCount()
        self.ui.countLabel.setText(f"{total} items" if shown == total else f"{shown} of {total} items match the filter")

    def select_sku(self, sku: str) -> bool:
        for row in range(self.filtered.rowCount()):
            if self.filtered.index(row, 0).data(RECORD_ROLE).sku == sku:
                self.ui.catalogTable.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        rows = self.ui.catalogTable.selectionModel().selectedRows()
        self._show_item(rows[0].data(RECORD_ROLE) if rows else None)

    def _show_item(self, item: CatalogItemView | None) -> None:
        self._item = item
        self._clear_problems()
        clear_message(self.ui.messageLabel)
        self._set_editor_enabled(item is not None)
        self.ui.skuValue.setText(item.sku if item else "")
        self.ui.brandValue.setText(
            # The make as well: where the table is too narrow for its column, this is where it is read.
            f"{item.brand}, {phrase(item.category)} ({phrase(item.make)}), OEM part {item.oem_part_number or '—'}"
            if item
            else ""
        )
        for key, edit in self._edits.items():
            edit.setText(_field_text(item, key) if item else "")
            edit.setCursorPosition(0)  # show a long description from its start
        self._edited()

    def _set_editor_enabled(self, enabled: bool) -> None:
        for edit in self._edits.values():
            edit.setEnabled(enabled)

    def current_edit(self) -> CatalogEdit:
        return CatalogEdit(
            sku=self._item.sku if self._item else "",
            **{key: edit.text() for key, edit in self._edits.items()},
        )

    def _edited(self) -> None:
        changed = self._item is not None and any(
            edit.text() != _field_text(self._item, key) for key, edit in self._edits.items()
        )
        self.ui.saveButton.setEnabled(changed and self._saving is None)
        self.ui.revertButton.setEnabled(changed)

    def revert(self) -> None:
        self._show_item(self._item)

    def save(self) -> None:
        if self._item is None or not self.ui.saveButton.isEnabled():
            return
        self._clear_problems()
        edit = self.current_edit()
        try:
            check_edit(edit)  # pure checks, so every wrong field shows before anything is sent
        except CatalogEditRejected as rejected:
            self._show_rejection(rejected)
            return
        show_progress(self.ui.messageLabel, f"Saving {edit.sku}…")
        catalog, user, station_id = self._catalog, self._user.name, self._station.settings.station_id
        self._saving = self._runner.start(
            lambda: catalog.update_item(edit, user=user, station=station_id),
            key="save",
            on_success=self._saved,
            on_failure=self._save_failed,
        )
        self._edited()

    def _saved(self, item: CatalogItemView) -> None:
        self._saving = None
        row = next(row for row, record in enumerate(self.items.records()) if record.sku == item.sku)
        self.items.replace_record(row, item)
        if self._item is not None and self._item.sku == item.sku:
            self._show_item(item)
        show_success(self.ui.messageLabel, f"{item.sku} saved.")
        self.item_saved.emit(item.sku)

    def _save_failed(self, message: str) -> None:
        error, self._saving = self._saving.error if self._saving else None, None
        self._edited()
        if isinstance(error, CatalogEditRejected):
            self._show_rejection(error)
        else:
            self._problem(message)

    def _show_rejection(self, rejected: CatalogEditRejected) -> None:
        for key, text in rejected.problems.items():
            show_problem(self._problems[key], text)
        self._edits[next(iter(rejected.problems))].setFocus()
        self._problem(f"Not saved: {len(rejected.problems)} field(s) to correct.")

    def _clear_problems(self) -> None:
        for label in self._problems.values():
            clear_message(label)

    def _problem(self, message: str) -> None:
        show_problem(self.ui.messageLabel, message)
        self.problem_shown.emit(message)


def _field_text(item: CatalogItemView, key: str) -> str:
    value = getattr(item, key)
    return "" if value is None else str(value)
