"""Table models of the RMA desk's back-office tabs: the open returns without an RMA and their items,
and the four aging lists. Over the services' frozen views, never database rows; a return's sender is
in none of them (the detail pane says it, masked as the viewer's role requires)."""

from __future__ import annotations

from receiving_app.gui.pages.models import Column, RecordTableModel
from receiving_app.services.aging_model import AgingRow
from receiving_app.services.unidentified_views import UnidentifiedItemView, UnidentifiedView


def days_words(days: int) -> str:
    return "today" if days == 0 else f"{days} day{'s' if days != 1 else ''}"


def weight_words(item: UnidentifiedItemView) -> str:
    """The weight as the scale showed it, with its grams where it was read in another unit."""
    if item.grams is None or item.weight_as_read is None:
        return "not weighed"
    if item.weight_as_read.endswith(" g"):
        return item.weight_as_read
    return f"{item.weight_as_read} ({item.grams.normalize():f} g)"


class UnidentifiedModel(RecordTableModel):
    COLUMNS = (
        Column("Number", lambda parcel: parcel.number),
        Column("Age", lambda parcel: days_words(parcel.age_days), lambda parcel: parcel.age_days, numeric=True),
        Column("Place", lambda parcel: parcel.place, stretch=True),
        Column("Items", lambda parcel: str(len(parcel.items)), lambda parcel: len(parcel.items), numeric=True),
        Column("Tracking", lambda parcel: _tracking(parcel), hide_order=1),
    )


def _tracking(parcel: UnidentifiedView) -> str:
    if parcel.tracking_display is None:
        return "none"
    return f"{parcel.carrier} {parcel.tracking_display}" if parcel.carrier else parcel.tracking_display


class UnidentifiedItemsModel(RecordTableModel):
    COLUMNS = (
        Column("Item", lambda item: str(item.item), lambda item: item.item, numeric=True),
        Column("SKU", lambda item: item.sku or item.scanned),
        Column("Description", lambda item: item.description, stretch=True),
        Column("Weight", weight_words, lambda item: item.grams or 0, numeric=True),
        Column("Photos", lambda item: str(item.photos), lambda item: item.photos, numeric=True, hide_order=1),
    )


def _since(row: AgingRow) -> str:
    return row.since_words or "not known"


def _age_sort(row: AgingRow) -> float:
    return row.age.total_seconds() if row.age is not None else -1.0


NUMBER = Column("RMA", lambda row: row.number)
SELLER = Column("Seller", lambda row: row.seller, hide_order=2)
AGE = Column("Waiting", lambda row: row.age_words, _age_sort, numeric=True)


class NotArrivedModel(RecordTableModel):
    COLUMNS = (NUMBER, SELLER, Column("Authorized", _since, hide_order=1), AGE)


class NotInspectedModel(RecordTableModel):
    COLUMNS = (NUMBER, SELLER, Column("Arrived", _since, hide_order=1), AGE)


class OnHoldModel(RecordTableModel):
    COLUMNS = (
        NUMBER,
        Column("Line", lambda row: str(row.line or ""), lambda row: row.line or 0, numeric=True),
        Column("SKU", lambda row: row.sku, hide_order=3),
        Column("Held since", _since, hide_order=1),
        AGE,
        Column("Note", lambda row: row.note, stretch=True, hide_order=4),
    )


class LateUnidentifiedModel(RecordTableModel):
    COLUMNS = (
        Column("Number", lambda row: row.number),
        Column("Plate", lambda row: row.lpn, hide_order=2),
        Column("Place", lambda row: row.place, stretch=True),
        Column("Recorded", _since, hide_order=1),
        AGE,
    )
