"""The station's tables (SQLAlchemy 2 declarative). Nothing outside persistence/ sees these classes.

The constraints here are the last line of defence for the rules that matter most: one standing
decision per unit of an RMA line (a voided one stays, beside the decision that replaced it), one
not-arrived record per unit, one document of each type per decision, gapless numbers unique per
document type, card numbers never longer than their last four digits.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from receiving_app.domain.inspection import default_tolerance_g
from receiving_app.domain.money import Money
from receiving_app.persistence.column_types import ExactDecimal, Fraction4, MoneyCents, UtcDateTime

# Named constraints so that migrations can alter them on both SQLite (batch mode) and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SellerRow(Base):
    __tablename__ = "sellers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the policy id
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


def _tolerance_from_weights(context: Any) -> Decimal:
    # A row added without its own tolerance gets the station's rule, from its full and empty weights
    # (bound parameters are already the columns' text here).
    parameters = context.get_current_parameters()
    return default_tolerance_g(Decimal(parameters["full_g"]), Decimal(parameters["empty_g"]))


class CatalogItemRow(Base):
    __tablename__ = "catalog_items"
    __table_args__ = (
        CheckConstraint("category IN ('ink', 'toner', 'drum', 'replacement_part')", name="category"),
        CheckConstraint("(sealed_min_g IS NULL) = (sealed_max_g IS NULL)", name="sealed_band_whole"),
    )

    sku: Mapped[str] = mapped_column(String(64), primary_key=True)
    oem_part_number: Mapped[str] = mapped_column(String(64), default="")
    upc: Mapped[str | None] = mapped_column(String(14), unique=True)
    brand: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    full_g: Mapped[Decimal] = mapped_column(ExactDecimal)
    empty_g: Mapped[Decimal] = mapped_column(ExactDecimal)
    # How far below empty or above full a real cartridge of this SKU may weigh; outside that a
    # weight is refused as a wrong unit, a wrong SKU or something else on the pan.
    weight_tolerance_g: Mapped[Decimal] = mapped_column(ExactDecimal, default=_tolerance_from_weights)
    # What a sealed new cartridge weighs, where known: a unit ticked sealed outside it is a contradiction.
    sealed_min_g: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    sealed_max_g: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    list_price: Mapped[Money] = mapped_column(MoneyCents)


class CustomerRow(Base):
    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint(
            # Portable to SQLite and PostgreSQL: exactly four characters, each a digit.
            "card_last4 IS NULL OR (length(card_last4) = 4"
            + "".join(f" AND substr(card_last4, {i}, 1) BETWEEN '0' AND '9'" for i in range(1, 5))
            + ")",
            name="card_last4_only",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_number: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    payment_method: Mapped[str] = mapped_column(String(16))
    card_last4: Mapped[str | None] = mapped_column(String(4))


class OrderRow(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    seller_id: Mapped[str] = mapped_column(ForeignKey("sellers.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    purchased_on: Mapped[date] = mapped_column(Date)
    shipped_on: Mapped[date | None] = mapped_column(Date)
    delivered_on: Mapped[date | None] = mapped_column(Date)
    shipping_paid: Mapped[Money] = mapped_column(MoneyCents)
    payment_method: Mapped[str] = mapped_column(String(16))

    customer: Mapped[CustomerRow] = relationship(lazy="joined")
    lines: Mapped[list[OrderLineRow]] = relationship(back_populates="order", order_by="OrderLineRow.line_no")


class OrderLineRow(Base):
    __tablename__ = "order_lines"
    __table_args__ = (UniqueConstraint("order_id", "line_no"), CheckConstraint("quantity > 0", name="quantity"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(ForeignKey("catalog_items.sku"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Money] = mapped_column(MoneyCents)

    order: Mapped[OrderRow] = relationship(back_populates="lines")


class RmaRow(Base):
    __tablename__ = "rmas"
    __table_args__ = (CheckConstraint("status IN ('open', 'partially_received', 'closed')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    seller_id: Mapped[str] = mapped_column(ForeignKey("sellers.id"))
    # Indexed: a seller error refunds the order's shipping once, which is checked on every receive.
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    reported_on: Mapped[date] = mapped_column(Date)  # the authorization date: every window is judged on it
    return_label_cost: Mapped[Money] = mapped_column(MoneyCents)
    status: Mapped[str] = mapped_column(String(24), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    seller: Mapped[SellerRow] = relationship(lazy="joined")
    order: Mapped[OrderRow] = relationship(lazy="joined")
    lines: Mapped[list[RmaLineRow]] = relationship(back_populates="rma", order_by="RmaLineRow.line_no")


class RmaLineRow(Base):
    __tablename__ = "rma_lines"
    __table_args__ = (
        UniqueConstraint("rma_id", "line_no"),
        CheckConstraint("quantity > 0", name="quantity"),
        CheckConstraint("status IN ('open', 'on_hold', 'decided', 'not_received')", name="status"),
        CheckConstraint(
            "reason IN ('defective', 'not_needed', 'ordered_wrong', 'damaged_in_transit', 'wrong_item_shipped')",
            name="reason",
        ),
        CheckConstraint("customer_choice IN ('refund', 'replacement')", name="customer_choice"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rma_id: Mapped[int] = mapped_column(ForeignKey("rmas.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    sku: Mapped[str] = mapped_column(ForeignKey("catalog_items.sku"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(32))
    customer_choice: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="open")
    hold_note: Mapped[str] = mapped_column(Text, default="")

    rma: Mapped[RmaRow] = relationship(back_populates="lines")
    order_line: Mapped[OrderLineRow] = relationship(lazy="joined")
    item: Mapped[CatalogItemRow] = relationship(lazy="joined")


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
    # camera photo takes milliseconds, and every document and reprint would do it again.
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)


class DecisionRow(Base):
    __tablename__ = "decisions"
    __table_args__ = (
        # One standing decision per unit: a second receive of the same unit cannot write another.
        # A voided decision stays beside the one that replaced it, so the index skips voided rows.
        Index(
            "uq_decisions_standing_unit",
            "rma_line_id",
            "unit_no",
            unique=True,
            sqlite_where=text("voided_at IS NULL"),
            postgresql_where=text("voided_at IS NULL"),
        ),
        ForeignKeyConstraint(["policy_id", "policy_version"], ["policy_versions.policy_id", "policy_versions.version"]),
        CheckConstraint("outcome IN ('refund', 'replacement', 'denied')", name="outcome"),
        CheckConstraint("refund_total >= 0", name="refund_not_negative"),
        CheckConstraint("unit_no >= 1", name="unit_no"),
        CheckConstraint("(voided_at IS NULL) = (void_reason IS NULL)", name="void_with_its_reason"),
        CheckConstraint(
            "reason IN ('defective', 'not_needed', 'ordered_wrong', 'damaged_in_transit', 'wrong_item_shipped')",
            name="reason",
        ),
        CheckConstraint("customer_choice IN ('refund', 'replacement')", name="customer_choice"),
        # Voids are few and reports look them up by when they happened: an index of those rows only.
        Index(
            "ix_decisions_voided_at",
            "voided_at",
            sqlite_where=text("voided_at IS NOT NULL"),
            postgresql_where=text("voided_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rma_line_id: Mapped[int] = mapped_column(ForeignKey("rma_lines.id"))
    unit_no: Mapped[int] = mapped_column(Integer, default=1)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"))
    # The reason and choice the decision was made on, beside those the customer gave (as the line
    # holds them): where they differ the bench found otherwise, recorded with an event and printed.
    reason: Mapped[str] = mapped_column(String(32))
    customer_choice: Mapped[str] = mapped_column(String(16))
    stated_reason: Mapped[str] = mapped_column(String(32))
    stated_choice: Mapped[str] = mapped_column(String(16))
    policy_id: Mapped[str] = mapped_column(String(64))
    policy_version: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16), index=True)
    engine_outcome: Mapped[str] = mapped_column(String(16))  # before any supervisor override
    refund_method: Mapped[str | None] = mapped_column(String(24))
    merchandise: Mapped[Money] = mapped_column(MoneyCents)
    restocking_fee: Mapped[Money] = mapped_column(MoneyCents)
    return_shipping_deduction: Mapped[Money] = mapped_column(MoneyCents)
    shipping_refund: Mapped[Money] = mapped_column(MoneyCents)
    refund_total: Mapped[Money] = mapped_column(MoneyCents)
    fill_fraction: Mapped[Decimal | None] = mapped_column(Fraction4)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    decided_by: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))
    overridden_by: Mapped[str | None] = mapped_column(String(64))
    override_reason: Mapped[str | None] = mapped_column(Text)
    # The supervisor who let a decision stand over a contradiction or a finding that lowers what
    # the seller keeps, and what they wrote.
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approval_note: Mapped[str | None] = mapped_column(Text)
    contradictions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    voided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    voided_by: Mapped[str | None] = mapped_column(String(64))
    void_reason: Mapped[str | None] = mapped_column(Text)

    inspection: Mapped[InspectionRow] = relationship(lazy="joined")
    documents: Mapped[list[DocumentRow]] = relationship(back_populates="decision", order_by="DocumentRow.id")


class DocumentCounterRow(Base):
    """The last number issued per document type; bumped inside the issuing transaction, so gapless."""

    __tablename__ = "document_counters"

    document_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("document_type", "sequence"),
        # One document of each type per decision: no second credit memo for the same line, ever.
        UniqueConstraint("decision_id", "document_type"),
        CheckConstraint("(pdf IS NULL) = (pdf_sha256 IS NULL)", name="pdf_with_its_digest"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    document_type: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int] = mapped_column(Integer)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    issued_by: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))
    # Empty only between the receiving commit and the PDF's own short commit (see document_issuing).
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    print_count: Mapped[int] = mapped_column(Integer, default=0)  # the first print is the original, later ones COPY
    voided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    voided_by: Mapped[str | None] = mapped_column(String(64))
    void_reason: Mapped[str | None] = mapped_column(Text)

    decision: Mapped[DecisionRow] = relationship(back_populates="documents")


class UserRow(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('receiver', 'supervisor', 'admin')", name="role"),)

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    secret_hash: Mapped[str] = mapped_column(String(200))  # Argon2id of the PIN or password
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditHeadRow(Base):
    """The chain's newest link, one row: locking it serialises appends across stations."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class AuditEventRow(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_rma_sequence", "rma_number", "sequence"),)

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    event_type: Mapped[str] = mapped_column(String(48))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_name: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))
    rma_number: Mapped[str | None] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON, exactly the text that was hashed
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
