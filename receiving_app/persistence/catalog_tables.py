"""The sellers, the policy texts their decisions were made under, and the catalog of what they sell."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column

from receiving_app.domain.inspection import default_tolerance_g
from receiving_app.domain.limits import POLICY_ID_LENGTH, SKU_LENGTH
from receiving_app.domain.money import Money
from receiving_app.persistence.column_types import ExactDecimal, MoneyCents, UtcDateTime
from receiving_app.persistence.table_base import Base


class SellerRow(Base):
    __tablename__ = "sellers"

    id: Mapped[str] = mapped_column(String(POLICY_ID_LENGTH), primary_key=True)  # the policy id
    name: Mapped[str] = mapped_column(String(200))
    authorization: Mapped[str] = mapped_column(String(8))  # RMA, RA, RGA: the seller's own word
    return_address: Mapped[str] = mapped_column(Text, default="")


class PolicyVersionRow(Base):
    """Each policy text a decision was made under, kept so that old decisions can be explained."""

    __tablename__ = "policy_versions"

    policy_id: Mapped[str] = mapped_column(ForeignKey("sellers.id"), primary_key=True)
    version: Mapped[str] = mapped_column(String(32), primary_key=True)
    source_text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


def _tolerance_from_weights(context: DefaultExecutionContext) -> Decimal:
    # A row added without its own tolerance gets the station's rule, from its full and empty weights
    # (bound parameters are already the columns' text here). SQLAlchemy leaves this method unannotated.
    parameters: dict[str, Any] = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return default_tolerance_g(Decimal(parameters["full_g"]), Decimal(parameters["empty_g"]))


class CatalogItemRow(Base):
    __tablename__ = "catalog_items"
    __table_args__ = (
        CheckConstraint("category IN ('ink', 'toner', 'drum', 'replacement_part')", name="category"),
        CheckConstraint("make IN ('oem', 'compatible', 'remanufactured')", name="make"),
        CheckConstraint("(sealed_min_g IS NULL) = (sealed_max_g IS NULL)", name="sealed_band_whole"),
    )

    sku: Mapped[str] = mapped_column(String(SKU_LENGTH), primary_key=True)
    oem_part_number: Mapped[str] = mapped_column(String(64), default="")
    upc: Mapped[str | None] = mapped_column(String(14), unique=True)
    brand: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    # Who made it: the printer maker (oem), a new compatible, or a refilled original (remanufactured).
    # Where a returned unit goes depends on it: an OEM empty is a core empties buyers pay for.
    make: Mapped[str] = mapped_column(String(16), default="oem", server_default="oem")
    full_g: Mapped[Decimal] = mapped_column(ExactDecimal)
    empty_g: Mapped[Decimal] = mapped_column(ExactDecimal)
    # How far below empty or above full a real cartridge of this SKU may weigh; outside that a
    # weight is refused as a wrong unit, a wrong SKU or something else on the pan.
    weight_tolerance_g: Mapped[Decimal] = mapped_column(ExactDecimal, default=_tolerance_from_weights)
    # What a sealed new cartridge weighs, where known: a unit ticked sealed outside it is a contradiction.
    sealed_min_g: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    sealed_max_g: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    list_price: Mapped[Money] = mapped_column(MoneyCents)
