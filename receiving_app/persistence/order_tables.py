"""The customers and the orders they placed, line by line: what an RMA returns."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from receiving_app.domain.money import Money
from receiving_app.persistence.column_types import MoneyCents
from receiving_app.persistence.table_base import Base


class CustomerRow(Base):
    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint(
            # A card number is never kept longer than its last four digits.
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
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)  # a customer's RMAs
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


# History matches a customer's account by its start and name by any part, ignoring case. The account
# index serves both databases (PostgreSQL's pattern operators make LIKE 'c100%' a range of it); the
# name's trigram index is PostgreSQL's (pg_trgm), SQLite has a full-text table of trigrams instead
# (migration 0012).
Index(
    "ix_customers_account_folded",
    func.lower(CustomerRow.account_number).label("account_folded"),
    postgresql_ops={"account_folded": "text_pattern_ops"},
)
Index(
    "ix_customers_name_trigrams",
    func.lower(CustomerRow.name).label("name_folded"),
    postgresql_using="gin",
    postgresql_ops={"name_folded": "gin_trgm_ops"},
)
