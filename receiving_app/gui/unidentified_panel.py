"""The bench's panel for a parcel without an RMA (or items its RMA does not list): what it shows.

It takes the place of the receiving columns while it is open: the parcel's label, sender and notes,
the items found (each scanned, weighed, photographed), a weight panel for the latest item, and once
recorded the unidentified return's number, its license plate, large, and where it waits. What the
keys and scans do is ``gui/unidentified_bench.py``'s; this module only shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import QWidget

from receiving_app.domain.money import Money
from receiving_app.domain.scan import ScanValue, scanned_as
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.gui.forms.ui_unidentified_panel import Ui_UnidentifiedPanel
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.pages.models import Column, RecordTableModel, prepare_table
from receiving_app.gui.scan_wedge import take_scans_in
from receiving_app.gui.style import GOOD, OUTCOME_POINT_SIZE, restyle, sized_font, tone_style
from receiving_app.gui.weight_panel import WeightPanel
from receiving_app.services.catalog import CatalogItemView
from receiving_app.services.commands import PhotoAttachment
from receiving_app.services.unidentified_views import NOT_IN_THE_CATALOG, UnidentifiedView
from receiving_app.services.views import RmaLineView

NOTHING = Decimal(0)
NUMBER_POINT_SIZE = 18


@dataclass(frozen=True, slots=True)
class FoundItem:
    """One item found in the parcel, as the bench holds it until it is recorded."""

    number: int  # from 1, in the order scanned
    scan: ScanValue
    product: CatalogItemView | None  # None: the catalog does not know the code (or is not read yet)
    weight: WeightCapture | None = None
    photos: tuple[PhotoAttachment, ...] = ()
    recorded: bool = False

    @property
    def named(self) -> str:
        product = self.product
        return f"{product.sku} {product.description}" if product is not None else NOT_IN_THE_CATALOG

    def on_the_scale(self) -> RmaLineView:
        """The item as the weight panel weighs a unit: its SKU's weights and plausible range, when known."""
        product = self.product
        return RmaLineView(
            line=self.number,
            sku=product.sku if product else self.scan.text,
            description=product.description if product else NOT_IN_THE_CATALOG,
            category=product.category if product else "",
            quantity=1,
            unit_price=product.list_price if product else Money.zero(),
            reason="",
            customer_choice="",
            status="open",
            upc=product.upc if product else None,
            full_g=product.full_g if product else NOTHING,
            empty_g=product.empty_g if product else NOTHING,
            plausible_g=product.plausible_g if product else None,
        )


class FoundItemsModel(RecordTableModel):
    """The items found, in the order scanned."""

    # What was scanned steps aside on a narrow table: the product it names, its weight and photos are what
    # the clerk checks before recording.
    COLUMNS = (
        Column("Item", lambda item: str(item.number), lambda item: item.number, numeric=True),
        Column("Scanned", lambda item: scanned_as(item.scan), hide_order=1),
        Column("Product", lambda item: item.named, stretch=True),
        Column("Weight", lambda item: item.weight.as_read if item.weight else "—"),
        Column("Photos", lambda item: str(len(item.photos)), numeric=True),
        Column("Recorded", lambda item: f"{GOOD.symbol} yes" if item.recorded else "not yet"),
    )


class ItemWeightPanel(WeightPanel):
    """The bench's weight panel, for an item of the parcel: the same capture rules, its words name the item."""

    def _unit_name(self) -> str:
        # The pan's messages name what took its weight; here that is an item of the parcel, not an RMA line.
        return f"item {self._line.line}" if self._line is not None else "no item"


class UnidentifiedPanel(QWidget):
    """The parcel's fields, its items, the latest item's weight and, once recorded, its number and plate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unidentifiedPanel")
        self.ui = Ui_UnidentifiedPanel()
        self.ui.setupUi(self)
        self.weight = ItemWeightPanel(self)
        self.weight.setObjectName("itemWeightPanel")
        self.ui.weightSlot.addWidget(self.weight)
        self.items = FoundItemsModel(self)
        self.ui.itemsTable.setModel(self.items)
        prepare_table(self.ui.itemsTable)
        take_scans_in(self.ui.labelEdit)  # a carrier's barcode scanned there fills it
        self.ui.plateValue.setFont(sized_font(self.font(), OUTCOME_POINT_SIZE))
        self.ui.numberValue.setFont(sized_font(self.font(), NUMBER_POINT_SIZE))
        self._keys = (
            "Scan each item · "
            + " · ".join(
                f"[{key_label(command)}] {words}"
                for command, words in (
                    (Command.CAPTURE_WEIGHT, "weight"),
                    (Command.MANUAL_WEIGHT, "typed weight"),
                    (Command.PHOTO, "photo"),
                    (Command.ACCEPT, "record"),
                )
            )
            + " · [Esc] cancel"
        )

    def start(self, label: str, found_with: str | None) -> None:
        """A new parcel: the label pre-filled (the last scan that opened nothing), no items yet."""
        ui = self.ui
        ui.parcelGroup.setTitle(f"Items not on {found_with}" if found_with else "Parcel without an RMA")
        ui.labelEdit.setText(label)
        ui.senderEdit.clear()
        ui.notesEdit.clear()
        for field in (ui.labelEdit, ui.senderEdit, ui.notesEdit):
            field.setReadOnly(False)
        self.items.set_records(())
        self.weight.set_line(None)
        self.show_recorded(None)
        ui.keysLabel.setText(self._keys)
        ui.labelEdit.setFocus()
        ui.labelEdit.selectAll()

    def show_items(self, items: tuple[FoundItem, ...]) -> None:
        self.items.set_records(items)
        if items:
            self.ui.itemsTable.selectRow(len(items) - 1)

    def weigh(self, item: FoundItem) -> None:
        """The latest item goes on the scale: a new weighing, as the bench's next unit."""
        self.weight.set_line(item.on_the_scale())
        sku = item.product.sku if item.product else scanned_as(item.scan)
        self.weight.setTitle(f"Weight — item {item.number}: {sku}")

    def lock_fields(self) -> None:
        """Once recorded, the parcel's label, sender and notes are on file: shown, no longer edited."""
        for field in (self.ui.labelEdit, self.ui.senderEdit, self.ui.notesEdit):
            field.setReadOnly(True)

    def show_recorded(self, view: UnidentifiedView | None, *, finished: bool = False) -> None:
        """Its number, license plate and place once recorded; what to do with the plate once finished."""
        ui = self.ui
        if view is None:
            ui.numberValue.setText(f"Not recorded yet: [{key_label(Command.ACCEPT)}] records it.")
            for label in (ui.plateValue, ui.placeValue, ui.plateNote):
                label.clear()
            restyle(ui.plateNote, "")
            return
        ui.numberValue.setText(f"{view.number} · {len(view.items)} item{'' if len(view.items) == 1 else 's'}")
        ui.plateValue.setText(view.lpn)
        ui.placeValue.setText(f"Put it on: {view.place}")
        if finished:
            back = f"[{key_label(Command.ACCEPT)}] or [Esc]: back to the bench"
            ui.plateNote.setText(f"{GOOD.symbol} Stick the plate label {view.lpn} on the parcel. {back}.")
            restyle(ui.plateNote, tone_style(GOOD))
            ui.keysLabel.setText(f"Scan the next parcel's label, or {back}.")
