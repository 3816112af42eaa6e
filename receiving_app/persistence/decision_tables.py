"""The decisions made on units: the outcome, the money, who decided, and any override or void.

The constraints here are the last line of defence for the rule that matters most: one standing
decision per unit of an RMA line (a voided one stays, beside the decision that replaced it).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    CHAR,
    JSON,
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    event,
    text,
)
from sqlalchemy.orm import Mapped, composite, mapped_column, relationship
from sqlalchemy.orm.attributes import set_committed_value

from receiving_app.domain.currencies import DEFAULT_CURRENCY
from receiving_app.domain.decision import Amounts
from receiving_app.domain.money import Money
from receiving_app.persistence.column_types import Fraction4, MoneyCents, UtcDateTime
from receiving_app.persistence.inspection_tables import InspectionRow
from receiving_app.persistence.table_base import Base

if TYPE_CHECKING:
    # The documents and the plate refer back to their decision; the mapper finds them by name at run time.
    from receiving_app.persistence.disposition_tables import LicensePlateRow
    from receiving_app.persistence.document_tables import DocumentRow


_LETTERS = ", ".join(f"'{letter}'" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
CURRENCY_CODE_CHECK = "length(currency) = 3 AND " + " AND ".join(
    f"substr(currency, {place}, 1) IN ({_LETTERS})" for place in (1, 2, 3)
)
"""Three capital letters A to Z, said letter by letter: a range ('A' to 'Z') would let lower case through
under PostgreSQL's collations, and a pattern is written differently by each database."""
MONEY_COLUMNS = ("merchandise", "restocking_fee", "return_shipping_deduction", "shipping_refund", "refund_total")


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
        CheckConstraint(CURRENCY_CODE_CHECK, name="currency_code"),
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
    # The four columns read and written as the domain's one breakdown; each stays a column of its
    # own so that the reports can sum it in SQL.
    amounts: Mapped[Amounts] = composite(
        "merchandise", "restocking_fee", "return_shipping_deduction", "shipping_refund"
    )
    refund_total: Mapped[Money] = mapped_column(MoneyCents)
    # The ISO 4217 code of the five amounts above, the policy's when it decided: they are stored as plain
    # cents, and read back in it (see _amounts_in_their_currency).
    currency: Mapped[str] = mapped_column(CHAR(3), default=DEFAULT_CURRENCY, server_default=DEFAULT_CURRENCY)
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
    license_plate: Mapped[LicensePlateRow | None] = relationship(back_populates="decision", lazy="selectin")


# First among the listeners (``insert``): the ``amounts`` composite fills itself from the columns on load too,
# and must find them in their currency.
@event.listens_for(DecisionRow, "load", insert=True)
@event.listens_for(DecisionRow, "refresh", insert=True)
def _amounts_in_their_currency(row: DecisionRow, *_: object) -> None:
    """The amounts as decided, in the row's currency. A money column holds cents and reads back in the
    station's currency; the row's own column says whose cents they are, so each amount is read again in
    it before anything (a document, a report, the ``amounts`` breakdown) sees it."""
    currency = row.__dict__.get("currency")
    if currency is None or currency == DEFAULT_CURRENCY:
        return  # the columns already read as dollars (or a partial load left the currency unread)
    for name in MONEY_COLUMNS:
        amount = row.__dict__.get(name)
        if isinstance(amount, Money) and amount.currency != currency:
            set_committed_value(row, name, Money(amount.amount, currency))
    row.__dict__.pop("amounts", None)  # a breakdown made from the columns before: made again when read
