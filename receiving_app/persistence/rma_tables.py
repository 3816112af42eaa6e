"""The return authorizations on file, and their lines: one per order line being returned."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from receiving_app.domain.money import Money
from receiving_app.persistence.catalog_tables import CatalogItemRow, SellerRow
from receiving_app.persistence.column_types import MoneyCents, UtcDateTime
from receiving_app.persistence.order_tables import OrderLineRow, OrderRow
from receiving_app.persistence.table_base import Base


class RmaRow(Base):
    __tablename__ = "rmas"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'partially_received', 'closed')", name="status"),
        # Aging: the open RMAs authorized before a day, without reading every open one.
        Index("ix_rmas_status_reported_on", "status", "reported_on"),
        # History: the newest and oldest RMA authorized on a day, one seek each (rma_search_plans).
        Index("ix_rmas_reported_on_id", "reported_on", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    seller_id: Mapped[str] = mapped_column(ForeignKey("sellers.id"))
    # Indexed: a seller error refunds the order's shipping once, which is checked on every receive.
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    reported_on: Mapped[date] = mapped_column(Date)  # the authorization date: every window is judged on it
    return_label_cost: Mapped[Money] = mapped_column(MoneyCents)
    status: Mapped[str] = mapped_column(String(24), default="open")  # ix_rmas_status_reported_on leads with it
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
        # The lines on hold (aging, the daily report) are few among a million: an index of those rows only.
        Index(
            "ix_rma_lines_on_hold",
            "rma_id",
            sqlite_where=text("status = 'on_hold'"),
            postgresql_where=text("status = 'on_hold'"),
        ),
        # History: a SKU's lines, and the lines still to receive, newest RMA first.
        Index("ix_rma_lines_sku_rma", "sku", "rma_id"),
        Index(
            "ix_rma_lines_pending",
            "rma_id",
            sqlite_where=text("status IN ('open', 'on_hold')"),
            postgresql_where=text("status IN ('open', 'on_hold')"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rma_id: Mapped[int] = mapped_column(ForeignKey("rmas.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    sku: Mapped[str] = mapped_column(ForeignKey("catalog_items.sku"))
    quantity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(32))
    customer_choice: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="open")
    hold_note: Mapped[str] = mapped_column(Text, default="")

    rma: Mapped[RmaRow] = relationship(back_populates="lines")
    order_line: Mapped[OrderLineRow] = relationship(lazy="joined")
    item: Mapped[CatalogItemRow] = relationship(lazy="joined")


# History finds numbers by their start. PostgreSQL compares text by the database's collation, which
# need not keep a prefix's numbers together; its pattern operators compare byte by byte, and LIKE
# 'RA012%' is then a range of this index. Numbers are stored in upper case, so upper(number) is the
# number. SQLite's GLOB uses the unique index on number instead: this one is PostgreSQL's (0012).
Index(
    "ix_rmas_number_prefix",
    func.upper(RmaRow.number).label("number_upper"),
    postgresql_ops={"number_upper": "text_pattern_ops"},
)
