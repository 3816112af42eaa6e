"""Parcels as they reach the dock, the tracking numbers that name their RMAs, and the returns that
arrived without one.

A parcel is recorded once, by the label scanned when it came off the truck (or when the bench first
opened it): the database refuses a second arrival of the same label. A return without an RMA (or
items found in a parcel that its RMA does not list) is kept as an *unidentified return*, numbered
from its own gapless counter, with a license plate and a quarantine place, until the back office
matches it to an order (it then becomes an RMA whose units keep the weights taken here) or rejects
it with a reason. Nothing about one is ever deleted.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from receiving_app.domain.scan import MAX_SCAN_LENGTH
from receiving_app.persistence.column_types import ExactDecimal, UtcDateTime
from receiving_app.persistence.table_base import Base

TRACKING_NUMBER_LENGTH = 40  # the longest carrier form is USPS's 34 digits
TRACKING_SOURCES = ("import", "desk", "check_in", "match")
PARCEL_LABEL_KINDS = ("rma", "tracking", "unknown")
UNIDENTIFIED_STATUSES = ("open", "matched", "rejected")


class TrackingNumberRow(Base):
    """A return shipment's tracking number: scanning it opens its RMA, as the RMA number does."""

    __tablename__ = "tracking_numbers"
    __table_args__ = (CheckConstraint(f"source IN {TRACKING_SOURCES}", name="source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(TRACKING_NUMBER_LENGTH), unique=True)
    carrier: Mapped[str] = mapped_column(String(8))
    rma_id: Mapped[int] = mapped_column(ForeignKey("rmas.id"), index=True)
    source: Mapped[str] = mapped_column(String(16))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
    added_by: Mapped[str] = mapped_column(String(64))


class ParcelRow(Base):
    """One parcel's arrival: the label it was checked in by, who scanned it, when and where."""

    __tablename__ = "parcels"
    __table_args__ = (
        CheckConstraint(f"label_kind IN {PARCEL_LABEL_KINDS}", name="label_kind"),
        CheckConstraint("checked_in_at IN ('dock', 'bench')", name="checked_in_at"),
        CheckConstraint("(label_kind = 'tracking') = (carrier IS NOT NULL)", name="carrier_of_a_tracking_label"),
        CheckConstraint("label_kind <> 'rma' OR rma_id IS NOT NULL", name="rma_of_an_rma_label"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The RMA number or canonical tracking number; an unknown label as it was read.
    label: Mapped[str] = mapped_column(String(MAX_SCAN_LENGTH), unique=True)
    label_kind: Mapped[str] = mapped_column(String(8))
    carrier: Mapped[str | None] = mapped_column(String(8))
    rma_id: Mapped[int | None] = mapped_column(ForeignKey("rmas.id"), index=True)
    checked_in_at: Mapped[str] = mapped_column(String(8))  # at the dock, or the bench's first scan
    arrived_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    arrived_by: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))


class UnidentifiedReturnRow(Base):
    """A parcel with no RMA, or items its RMA does not list: kept, never decided, until resolved."""

    __tablename__ = "unidentified_returns"
    __table_args__ = (
        CheckConstraint(f"status IN {UNIDENTIFIED_STATUSES}", name="status"),
        CheckConstraint("sequence >= 1", name="sequence"),
        CheckConstraint("(status = 'open') = (resolved_at IS NULL)", name="resolved_unless_open"),
        CheckConstraint("(resolved_at IS NULL) = (resolved_by IS NULL)", name="resolved_by_someone"),
        CheckConstraint("(status = 'matched') = (matched_rma_id IS NOT NULL)", name="matched_to_an_rma"),
        CheckConstraint("(status = 'rejected') = (reject_reason IS NOT NULL)", name="rejected_with_a_reason"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    parcel_id: Mapped[int | None] = mapped_column(ForeignKey("parcels.id"), index=True)
    found_with_rma_id: Mapped[int | None] = mapped_column(ForeignKey("rmas.id"), index=True)
    tracking_number: Mapped[str | None] = mapped_column(String(TRACKING_NUMBER_LENGTH), index=True)
    sender: Mapped[str] = mapped_column(Text, default="")  # as read from the label, typed
    notes: Mapped[str] = mapped_column(Text, default="")
    lpn: Mapped[str] = mapped_column(String(16), unique=True)
    place: Mapped[str] = mapped_column(String(40))  # the quarantine shelf or bin it waits in
    status: Mapped[str] = mapped_column(String(8), default="open", index=True)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    recorded_by: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))
    matched_rma_id: Mapped[int | None] = mapped_column(ForeignKey("rmas.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    reject_reason: Mapped[str | None] = mapped_column(Text)

    items: Mapped[list[UnidentifiedItemRow]] = relationship(
        back_populates="unidentified", order_by="UnidentifiedItemRow.item_no"
    )


class UnidentifiedItemRow(Base):
    """One cartridge found in an unidentified parcel: what it scanned as, and what the scale read.

    Once matched it names the RMA line and unit it became, and receiving that unit decides on this
    weight: the scale measured that very cartridge.
    """

    __tablename__ = "unidentified_items"
    __table_args__ = (
        UniqueConstraint("unidentified_id", "item_no"),
        UniqueConstraint("rma_line_id", "unit_no"),
        CheckConstraint("item_no >= 1", name="item_no"),
        CheckConstraint("(rma_line_id IS NULL) = (unit_no IS NULL)", name="line_with_its_unit"),
        CheckConstraint(
            "(grams IS NULL) = (weight_value IS NULL) AND (grams IS NULL) = (weight_unit IS NULL)"
            " AND (grams IS NULL) = (weight_source IS NULL) AND (grams IS NULL) = (weighed_at IS NULL)",
            name="weight_whole_or_absent",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unidentified_id: Mapped[int] = mapped_column(ForeignKey("unidentified_returns.id"))
    item_no: Mapped[int] = mapped_column(Integer)
    scanned: Mapped[str] = mapped_column(String(64))  # the barcode or SKU as read
    sku: Mapped[str | None] = mapped_column(ForeignKey("catalog_items.sku"))  # None: not in the catalog
    weight_value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    weight_unit: Mapped[str | None] = mapped_column(String(8))
    grams: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    weight_source: Mapped[str | None] = mapped_column(String(32))
    weighed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    rma_line_id: Mapped[int | None] = mapped_column(ForeignKey("rma_lines.id"))
    unit_no: Mapped[int | None] = mapped_column(Integer)

    unidentified: Mapped[UnidentifiedReturnRow] = relationship(back_populates="items")
    photos: Mapped[list[UnidentifiedPhotoRow]] = relationship(order_by="UnidentifiedPhotoRow.id")


class UnidentifiedPhotoRow(Base):
    """A photo of an unidentified item, kept as evidence like the bench's photos."""

    __tablename__ = "unidentified_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("unidentified_items.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(32))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)  # empty when ``content`` prints as it is
