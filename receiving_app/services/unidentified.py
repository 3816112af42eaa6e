"""Returns that came without an RMA, and items found in a parcel that its RMA does not list.

Each is recorded as an *unidentified return*: numbered UR-000001 from its own gapless counter, given a
license plate from the same counter as decided units (so a plate names one thing, whichever it is)
and a quarantine place, and linked to its parcel's arrival. What is inside is recorded item by item:
the code scanned (its catalog SKU when the catalog knows it), a settled weight that the SKU can have,
and photos. Nothing is decided and no money moves: the back office matches it to an order, and its
units are then received on the weights taken here, or rejects it with a reason. Every step is an
audit event; nothing about one is ever deleted.
"""

from __future__ import annotations

from datetime import datetime

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError, RuleRefusal
from receiving_app.domain.inspection import WeightLimits
from receiving_app.domain.limits import MAX_GRAMS, WEIGHT_PLACES, OutOfBounds, decimal_within, text_within
from receiving_app.domain.scan import ScanValue, parse_scan
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.persistence.catalog_tables import CatalogItemRow
from receiving_app.persistence.inspection_tables import kept_printable
from receiving_app.persistence.parcel_tables import (
    ParcelRow,
    UnidentifiedItemRow,
    UnidentifiedPhotoRow,
    UnidentifiedReturnRow,
)
from receiving_app.persistence.rma_tables import RmaRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.check_in import ParcelLabel, arrive, label_of_text
from receiving_app.services.column_widths import text_width
from receiving_app.services.commands import PhotoAttachment
from receiving_app.services.disposition import LICENSE_PLATE_COUNTER, license_plate_number
from receiving_app.services.errors import NotFound
from receiving_app.services.rma_lines import RECEIVING_ROLES, require_user
from receiving_app.services.rma_opening import catalog_item_of_scan
from receiving_app.services.unidentified_views import UnidentifiedView, unidentified_views

UNIDENTIFIED_COUNTER = "unidentified_return"
DEFAULT_PLACE = "Quarantine — unidentified returns shelf"
"""Where an unidentified return waits unless the clerk names another shelf or bin."""
LIST_LIMIT = 200

_PLACE = text_width(UnidentifiedReturnRow, "place")
_SENDER = text_width(UnidentifiedReturnRow, "sender")
_NOTES = text_width(UnidentifiedReturnRow, "notes")
_SCANNED = text_width(UnidentifiedItemRow, "scanned")
_PHOTO_NAME = text_width(UnidentifiedPhotoRow, "file_name")
_MEDIA_TYPE = text_width(UnidentifiedPhotoRow, "media_type")


def unidentified_number(sequence: int) -> str:
    return f"UR-{sequence:06d}"


class UnidentifiedNotOpen(RuleRefusal):
    """The unidentified return was matched or rejected: nothing is added to it any more."""


class UnidentifiedReturnService:
    def __init__(self, units: UnitOfWorkFactory) -> None:
        self._units = units

    def record(
        self,
        *,
        tracking_or_label: str | None,
        sender: str,
        notes: str,
        found_with_rma: str | None,
        place: str | None,
        user: str,
        station: str,
    ) -> UnidentifiedView:
        """Records a parcel without an RMA (``tracking_or_label``: its carrier's tracking number or
        whatever label it has, scanned or typed; None when it has none), or the items of
        ``found_with_rma``'s parcel that the RMA does not list. The parcel arrives now unless it was
        checked in already."""
        sender = _bounded("the sender", sender.strip(), _SENDER, lines=True)
        notes = _bounded("the notes", notes.strip(), _NOTES, lines=True)
        place = _bounded("the place", (place or "").strip() or DEFAULT_PLACE, _PLACE)
        given_label = (tracking_or_label or "").strip()
        with self._units.write() as uow:
            require_user(uow, user, RECEIVING_ROLES, "record returns without an RMA")
            found_with = _found_with(uow, found_with_rma)
            label = label_of_text(uow.records, given_label) if given_label else None
            _require_unnamed(label, found_with)
            parcel: ParcelRow | None = None
            if label is not None:
                parcel = arrive(uow, label, checked_in_at="bench", user=user, station=station)[0]
            elif found_with is not None:
                parcel = uow.records.first_parcel_of_rma(found_with.id)
            tracking = label.tracking if label else None
            plate = license_plate_number(uow.records.next_document_sequence(LICENSE_PLATE_COUNTER))
            sequence = uow.records.next_document_sequence(UNIDENTIFIED_COUNTER)
            row = uow.records.add_unidentified_return(
                UnidentifiedReturnRow(
                    number=unidentified_number(sequence),
                    sequence=sequence,
                    parcel_id=parcel.id if parcel else None,
                    found_with_rma_id=found_with.id if found_with else None,
                    tracking_number=tracking.number if tracking else None,
                    sender=sender,
                    notes=notes,
                    lpn=plate,
                    place=place,
                    status="open",
                    recorded_at=uow.clock(),
                    recorded_by=user,
                    station_id=station,
                )
            )
            uow.record(
                AuditEvent(
                    "unidentified_recorded",
                    user,
                    station,
                    found_with.number if found_with else None,
                    {
                        "number": row.number,
                        "lpn": row.lpn,
                        "place": place,
                        # An unknown label's text stays out of the trail: it may name a person.
                        "label_kind": label.kind if label else None,
                        "tracking_number": row.tracking_number,
                        "sender": sender,
                        "notes": notes,
                    },
                )
            )
            return self._committed(uow, row)

    def add_item(
        self,
        number: str,
        *,
        scanned: ScanValue | str,
        weight: WeightCapture | None = None,
        photos: tuple[PhotoAttachment, ...] = (),
        user: str,
        station: str,
    ) -> UnidentifiedView:
        """One item found in the parcel: its code as scanned (an SKU or a product barcode; one the
        catalog does not know is kept without an SKU), a settled weight the SKU can have, and photos."""
        scan = scanned if isinstance(scanned, ScanValue) else parse_scan(scanned)
        if len(scan.text) > _SCANNED:
            raise InputError(f"the item's code is longer than {_SCANNED} characters: scan the cartridge's own barcode.")
        if weight is not None:
            _require_usable(weight)
        thumbnails = [_printable(photo) for photo in photos]  # before the transaction: it takes a moment
        with self._units.write() as uow:
            require_user(uow, user, RECEIVING_ROLES, "record returns without an RMA")
            row = _open_return(uow, number)
            catalog = catalog_item_of_scan(uow.records, scan)
            if weight is not None and catalog is not None:
                _limits(catalog).require_plausible(weight.grams, weight.as_read)
            item = uow.records.add_unidentified_item(row, _item_row(row, scan.text, catalog, weight, uow.clock()))
            for photo, thumbnail in zip(photos, thumbnails, strict=True):
                uow.records.add_unidentified_photo(
                    item,
                    UnidentifiedPhotoRow(
                        file_name=photo.file_name,
                        media_type=photo.media_type,
                        content=photo.content,
                        thumbnail=kept_printable(photo.content, thumbnail),
                    ),
                )
            uow.record(
                AuditEvent(
                    "unidentified_item_added",
                    user,
                    station,
                    _found_with_number(uow, row),
                    {
                        "number": row.number,
                        "item": item.item_no,
                        "scanned": item.scanned,
                        "sku": item.sku,
                        "reading": _reading(weight),
                        "photos": len(photos),
                    },
                )
            )
            return self._committed(uow, row)

    def reject(self, number: str, reason: str, *, user: str, station: str) -> UnidentifiedView:
        """The back office gives up on it, saying why; it stays on file, rejected."""
        why = _bounded("the reason", reason.strip(), _NOTES, lines=True)
        if not why:
            raise InputError("A rejection needs a written reason.")
        with self._units.write() as uow:
            require_user(uow, user, RECEIVING_ROLES, "reject returns without an RMA")
            row = _open_return(uow, number)
            uow.records.reject_unidentified_return(row, why, by=user, at=uow.clock())
            uow.record(
                AuditEvent(
                    "unidentified_rejected",
                    user,
                    station,
                    _found_with_number(uow, row),
                    {"number": row.number, "lpn": row.lpn, "reason": why},
                )
            )
            return self._committed(uow, row)

    def list_open(self, limit: int = LIST_LIMIT, *, mask_sender: bool = True) -> list[UnidentifiedView]:
        """The open ones, newest first."""
        with self._units.read() as uow:
            rows = list(uow.records.open_unidentified_returns(limit))
            return unidentified_views(uow.records, rows, now=uow.clock(), mask_sender=mask_sender)

    def show(self, number_or_lpn: str, *, mask_sender: bool = True) -> UnidentifiedView:
        """One by its number (UR-000001) or its license plate."""
        key = number_or_lpn.strip().upper()
        with self._units.read() as uow:
            row = uow.records.unidentified_return(key) or uow.records.unidentified_return_by_lpn(key)
            if row is None:
                raise NotFound(f"No unidentified return numbered {number_or_lpn} is on file.")
            return unidentified_views(uow.records, [row], now=uow.clock(), mask_sender=mask_sender)[0]

    @staticmethod
    def _committed(uow: UnitOfWork, row: UnidentifiedReturnRow) -> UnidentifiedView:
        uow.records.flush()
        view = unidentified_views(uow.records, [row], now=uow.clock(), mask_sender=False)[0]
        uow.commit()
        return view


def _bounded(what: str, value: str, width: int, *, lines: bool = False) -> str:
    try:
        return text_within(value, length=width, lines=lines)
    except OutOfBounds as error:
        raise InputError(f"{what} {error}") from None


def _found_with(uow: UnitOfWork, number: str | None) -> RmaRow | None:
    named = (number or "").strip().upper()
    if not named:
        return None
    rma = uow.records.rma(named)
    if rma is None:
        raise NotFound(f"No RMA numbered {number} is on file.")
    return rma


def _require_unnamed(label: ParcelLabel | None, found_with: RmaRow | None) -> None:
    """A label that names an RMA is that RMA's parcel: its items are received on it, and those it does
    not list are recorded as found with it."""
    if label is None or label.rma_number is None:
        return
    if found_with is None:
        raise InputError(
            f"{label.named} is the label of {label.rma_number}: open it at the bench, and record the items "
            f"it does not list as found with {label.rma_number}."
        )
    if found_with.number != label.rma_number:
        raise InputError(f"{label.named} is the label of {label.rma_number}, not of {found_with.number}.")


def _open_return(uow: UnitOfWork, number: str) -> UnidentifiedReturnRow:
    key = number.strip().upper()
    row = uow.records.unidentified_return(key, lock=True) or uow.records.unidentified_return_by_lpn(key, lock=True)
    if row is None:
        raise NotFound(f"No unidentified return numbered {number} is on file.")
    if row.status != "open":
        raise UnidentifiedNotOpen(
            f"{row.number} was {row.status} by {row.resolved_by}: nothing more is recorded on it."
        )
    return row


def _found_with_number(uow: UnitOfWork, row: UnidentifiedReturnRow) -> str | None:
    """The RMA the return was found with: its events belong on that RMA's trail too."""
    if row.found_with_rma_id is None:
        return None
    return uow.records.rma_numbers_by_id([row.found_with_rma_id]).get(row.found_with_rma_id)


def _require_usable(weight: WeightCapture) -> None:
    if not weight.capturable:
        raise InputError("weight: only a stable, non-negative reading can be kept; wait for the scale to settle.")
    try:
        decimal_within(weight.grams, maximum=MAX_GRAMS, places=WEIGHT_PLACES, unit=" g")
    except OutOfBounds as error:
        raise InputError(f"weight {error}") from None


def _limits(item: CatalogItemRow) -> WeightLimits:
    return WeightLimits(
        item.sku, item.full_g, item.empty_g, item.weight_tolerance_g, item.sealed_min_g, item.sealed_max_g
    )


def _item_row(
    row: UnidentifiedReturnRow,
    scanned: str,
    catalog: CatalogItemRow | None,
    weight: WeightCapture | None,
    now: datetime,
) -> UnidentifiedItemRow:
    return UnidentifiedItemRow(
        item_no=len(row.items) + 1,
        scanned=scanned,
        sku=catalog.sku if catalog else None,
        weight_value=weight.value if weight else None,
        weight_unit=weight.unit if weight else None,
        grams=weight.grams if weight else None,
        weight_source=weight.source if weight else None,
        weighed_at=(weight.read_at or now) if weight else None,
    )


def _reading(weight: WeightCapture | None) -> dict[str, object] | None:
    if weight is None:
        return None
    return {"value": weight.value, "unit": weight.unit, "grams": weight.grams, "source": weight.source}


def _printable(photo: PhotoAttachment) -> bytes:
    # Pillow and reportlab load with the first photo, not with every command that lists these returns.
    from receiving_app.documents.photos import UnreadablePhoto, printable_photo

    if len(photo.file_name) > _PHOTO_NAME or len(photo.media_type) > _MEDIA_TYPE:
        raise InputError(f"The photo's name or type is too long to keep: {photo.file_name[:40]}")
    try:
        return printable_photo(photo.content)
    except UnreadablePhoto as problem:
        raise InputError(f"The photo {photo.file_name} cannot be read as a picture ({problem}).") from None
