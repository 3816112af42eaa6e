"""The units looked at on the bench: what was checked, what the scale read, and the photos taken."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from receiving_app.persistence.column_types import ExactDecimal, UtcDateTime
from receiving_app.persistence.table_base import Base


class InspectionRow(Base):
    """One unit looked at: what was checked (NULL is "not checked"), or that it did not arrive."""

    __tablename__ = "inspections"
    __table_args__ = (
        CheckConstraint("unit_no >= 1", name="unit_no"),
        # One not-arrived record per unit: a unit cannot go missing twice.
        Index(
            "uq_inspections_unit_not_arrived",
            "rma_line_id",
            "unit_no",
            unique=True,
            sqlite_where=text("arrived = 0"),
            postgresql_where=text("NOT arrived"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rma_line_id: Mapped[int] = mapped_column(ForeignKey("rma_lines.id"), index=True)
    unit_no: Mapped[int] = mapped_column(Integer, default=1)
    arrived: Mapped[bool] = mapped_column(Boolean, default=True)
    station_id: Mapped[str] = mapped_column(String(64))
    user_name: Mapped[str] = mapped_column(String(64))
    inspected_at: Mapped[datetime] = mapped_column(UtcDateTime)
    received_on: Mapped[date] = mapped_column(Date)
    unopened: Mapped[bool | None] = mapped_column(Boolean)
    sealed: Mapped[bool | None] = mapped_column(Boolean)
    original_packaging: Mapped[bool | None] = mapped_column(Boolean)
    box_damage: Mapped[bool | None] = mapped_column(Boolean)
    labels_intact: Mapped[bool | None] = mapped_column(Boolean)
    sold_by_seller: Mapped[bool | None] = mapped_column(Boolean)
    hp_plus_rejected: Mapped[bool | None] = mapped_column(Boolean)
    firmware_blocked: Mapped[bool | None] = mapped_column(Boolean)
    improper_use: Mapped[bool | None] = mapped_column(Boolean)
    # An OEM empty never refilled: asked only when the warehouse's routes sort empties by it.
    virgin: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")

    readings: Mapped[list[WeightReadingRow]] = relationship(order_by="WeightReadingRow.id")
    photos: Mapped[list[PhotoRow]] = relationship(order_by="PhotoRow.id")


class WeightReadingRow(Base):
    __tablename__ = "weight_readings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    read_at: Mapped[datetime] = mapped_column(UtcDateTime)
    value: Mapped[Decimal] = mapped_column(ExactDecimal)
    unit: Mapped[str] = mapped_column(String(8))
    grams: Mapped[Decimal] = mapped_column(ExactDecimal)
    stable: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(32))  # the scale protocol, or "manual"
    captured: Mapped[bool] = mapped_column(Boolean)  # the one reading the decision used


class PhotoRow(Base):
    __tablename__ = "photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(32))
    content: Mapped[bytes] = mapped_column(LargeBinary)  # the photo as taken, kept as evidence
    # The upright JPEG the documents print, made once when the photo is taken: shrinking a
    # camera photo takes milliseconds, and every document and reprint would do it again. Empty
    # when the photo as taken is already that JPEG (``kept_printable``).
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)

    @property
    def printable(self) -> bytes:
        return self.thumbnail or self.content


def kept_printable(content: bytes, printable: bytes) -> bytes:
    """What a photo's thumbnail column keeps: nothing when the picture as taken is print-ready as it is
    (small, upright, a JPEG), which the documents then print; the printable copy otherwise."""
    return b"" if printable == content else printable
