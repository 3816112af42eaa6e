"""The items found in a parcel without an RMA, as the bench's F12 panel keeps them until recorded.

Each product barcode or SKU scanned is an item, named from the catalog (read once as the panel opens)
so that the weight panel knows the SKU's weights and what it can weigh; a code the catalog does not
know is kept as scanned. The latest item is the one on the scale: its weight is the panel's capture
(W, or M for one typed), and F7 adds its photos, from the camera or from files, as the bench does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from receiving_app.domain.scan import ScanKind, ScanValue
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.photos import PHOTO_FILE_FILTER, CameraDialog, read_photo_files, station_has_camera
from receiving_app.gui.style import BAD, GOOD
from receiving_app.gui.unidentified_panel import FoundItem, UnidentifiedPanel
from receiving_app.services.catalog import CatalogItemView
from receiving_app.services.commands import PhotoAttachment

if TYPE_CHECKING:
    from receiving_app.gui.receiving_screen import ReceivingScreen
    from receiving_app.gui.scale_feed import ScaleFeed


class ParcelItems:
    """The items of the parcel on the panel: scanned, named, weighed and photographed, then recorded."""

    def __init__(self, screen: ReceivingScreen, panel: UnidentifiedPanel, scale_feed: ScaleFeed | None) -> None:
        self._screen = screen
        self._panel = panel
        self._scale_feed = scale_feed
        self._catalog: dict[str, CatalogItemView] = {}
        self.items: tuple[FoundItem, ...] = ()
        panel.weight.weight_changed.connect(self._weighed)
        panel.weight.ui.manualEdit.returnPressed.connect(self._typed_weight_done)

    def reset(self) -> None:
        """A new parcel: no items yet, and the catalog read again (it may have been edited since)."""
        self.items = ()
        screen, catalog = self._screen, self._screen.station.catalog
        screen.runner.start(
            catalog.list_items,
            owner=screen,
            key="unidentified-catalog",
            on_success=self._catalog_read,
            on_failure=lambda message: screen.feedback(BAD, f"The catalog could not be read: {message}", alarm=True),
        )

    def product_of(self, scan: ScanValue) -> CatalogItemView | None:
        if scan.gtin is not None:
            return self._catalog.get(scan.gtin)
        return self._catalog.get(scan.text.strip().upper()) if scan.kind is ScanKind.TEXT else None

    def add(self, scan: ScanValue) -> None:
        """A scanned item: listed, and set on the scale as the one the next weight is for."""
        item = FoundItem(len(self.items) + 1, scan, self.product_of(scan))
        self.items = (*self.items, item)
        self._show()
        self._panel.weigh(item)
        if self._scale_feed is not None and item.product is not None:
            self._scale_feed.place_demo_item(item.on_the_scale())  # the demo's scale: this item on the pan
        self._panel.ui.itemsTable.setFocus()
        # Short enough to be read whole on a 1366 px screen: the items table names the product.
        sku = item.product.sku if item.product is not None else f"{item.scan.text}, not in the catalog"
        self._screen.feedback(GOOD, f"Item {item.number}: {sku}. Weigh it ({key_label(Command.CAPTURE_WEIGHT)}).")

    def latest(self) -> FoundItem | None:
        return self.items[-1] if self.items else None

    def mark_recorded(self, item: FoundItem) -> None:
        self._replace(dataclasses.replace(item, recorded=True))

    def capture_weight(self) -> None:
        latest = self.latest()
        if latest is None or latest.recorded:
            key = key_label(Command.CAPTURE_WEIGHT)
            self._screen.feedback(BAD, f"Scan an item first: {key} weighs the item scanned last.", alarm=True)
            return
        self._panel.weight.capture_now()

    def add_photo(self) -> None:
        """F7: a photo of the latest item, from the camera, or else from files, as the bench takes them."""
        latest = self.latest()
        if latest is None or latest.recorded:
            key = key_label(Command.PHOTO)
            self._screen.feedback(BAD, f"Scan the item first: {key} adds its photo.", alarm=True)
            return
        if station_has_camera():
            camera = CameraDialog(self._screen)
            camera.photo_taken.connect(lambda photo: self._photos_read([photo], latest.number))
            camera.open()
            return
        names, _ = QFileDialog.getOpenFileNames(self._screen, "Photos of the item", "", PHOTO_FILE_FILTER)
        if names:
            self.attach_photo_files([Path(name) for name in names])

    def attach_photo_files(self, paths: Sequence[Path]) -> None:
        """Photo files for the latest item, read in the background."""
        latest, screen = self.latest(), self._screen
        if latest is None:
            return
        screen.runner.start(
            lambda: read_photo_files(paths),
            owner=screen,
            on_success=lambda photos: self._photos_read(photos, latest.number),
            on_failure=lambda message: screen.feedback(BAD, message, alarm=True),
        )

    # Inside ------------------------------------------------------------------------------------------

    def _catalog_read(self, items: Sequence[CatalogItemView]) -> None:
        self._catalog = {item.sku.upper(): item for item in items}
        # A catalog code as a scan's GTIN: brought to 14 digits, as the bench matches a cartridge to a line.
        self._catalog.update({item.upc.strip().zfill(14): item for item in items if item.upc})
        self.items = tuple(
            item if item.product or item.recorded else dataclasses.replace(item, product=self.product_of(item.scan))
            for item in self.items
        )
        self._show()

    def _replace(self, item: FoundItem) -> None:
        self.items = tuple(item if found.number == item.number else found for found in self.items)
        self._show()

    def _weighed(self, capture: WeightCapture | None) -> None:
        latest = self.latest()
        if latest is not None and not latest.recorded:
            self._replace(dataclasses.replace(latest, weight=capture))

    def _typed_weight_done(self) -> None:
        if self._panel.weight.captured is not None:
            self._panel.ui.itemsTable.setFocus()  # so that the next keys are the panel's commands again

    def _photos_read(self, photos: Sequence[PhotoAttachment], number: int) -> None:
        item = next((found for found in self.items if found.number == number), None)
        if item is None or item.recorded or not self._panel.isVisible():
            self._screen.feedback(BAD, f"The photos were for item {number}, which is recorded already.", alarm=True)
            return
        self._replace(dataclasses.replace(item, photos=(*item.photos, *photos)))
        self._screen.feedback(GOOD, f"{len(photos)} photo(s) added to item {number}.")

    def _show(self) -> None:
        self._panel.show_items(self.items)
