"""Where each decided cartridge goes: the routing file it was sorted under, its license plate, the
container it is put in, and the saleable stock that restocked units add to.

A license plate belongs to one decision, so a unit decided twice (after a void) is sorted again and
gets a new plate; plates are numbered gaplessly from their own counter. Stock is a ledger: a unit
restocked adds one, its decision voided takes that one back, and the database lets neither happen
twice for one decision.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from receiving_app.domain.limits import SKU_LENGTH
from receiving_app.persistence.column_types import ExactDecimal, UtcDateTime
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.table_base import Base

STOCK_GRADES = ("new", "open_box")


class RoutingVersionRow(Base):
    """Each routing file a unit was sorted under, kept as the policy texts are."""

    __tablename__ = "routing_versions"

    version: Mapped[str] = mapped_column(String(32), primary_key=True)
    source_text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ContainerRow(Base):
    """A bin, box or gaylord that units of one route go into, until it is full or closed by hand.

    Its limits are copied from the routing file when it is opened, so that a later file does not
    change what an open container may hold. One container a route is open at a time: a unit scanned
    into the wrong one is refused, and the bench always knows which one to fill.
    """

    __tablename__ = "containers"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'closed')", name="status"),
        CheckConstraint("(status = 'closed') = (closed_at IS NOT NULL)", name="closed_when_closed"),
        CheckConstraint("max_units IS NULL OR max_units >= 1", name="max_units"),
        Index(
            "uq_containers_open_route",
            "route",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    route: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(8))
    max_units: Mapped[int | None] = mapped_column(Integer)
    max_grams: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    opened_by: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closed_because: Mapped[str | None] = mapped_column(Text)


class LicensePlateRow(Base):
    __tablename__ = "license_plates"
    __table_args__ = (
        CheckConstraint("sequence >= 1", name="sequence"),
        CheckConstraint("(container_id IS NULL) = (placed_at IS NULL)", name="placed_with_its_time"),
        CheckConstraint("hold_ended IS NULL OR hold_ended IN ('expired', 'reclaimed')", name="hold_ended"),
        CheckConstraint("(hold_ended IS NULL) = (hold_ended_at IS NULL)", name="hold_ended_with_its_time"),
        CheckConstraint("hold_ended IS NULL OR held_until IS NOT NULL", name="hold_ended_after_a_hold"),
        CheckConstraint(
            "(reclaim_tracking IS NULL) = (hold_ended IS NULL OR hold_ended <> 'reclaimed')",
            name="reclaimed_with_tracking",
        ),
        # Most plates are never held and wait a while before they are placed: the indexes hold only the
        # plates they can find (a lookup by a day or a container implies the column is set, so both
        # databases use them), not an entry for every unit ever sorted.
        Index(
            "ix_license_plates_held_until",
            "held_until",
            sqlite_where=text("held_until IS NOT NULL"),
            postgresql_where=text("held_until IS NOT NULL"),
        ),
        Index(
            "ix_license_plates_container_id",
            "container_id",
            sqlite_where=text("container_id IS NOT NULL"),
            postgresql_where=text("container_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lpn: Mapped[str] = mapped_column(String(16), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    # One plate per decision: a second receive of the same unit cannot sort it twice.
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), unique=True)
    route: Mapped[str] = mapped_column(String(40), index=True)
    route_label: Mapped[str] = mapped_column(String(80))
    """The route in words as the routing file named it when the unit went there: what screens and labels say."""
    routing_version: Mapped[str] = mapped_column(ForeignKey("routing_versions.version"))
    rule: Mapped[int] = mapped_column(Integer)
    assigned_at: Mapped[datetime] = mapped_column(UtcDateTime)
    station_id: Mapped[str] = mapped_column(String(64))
    container_id: Mapped[int | None] = mapped_column(ForeignKey("containers.id"))
    grams: Mapped[Decimal] = mapped_column(ExactDecimal)
    """What the unit adds to its container: the weight the decision used, or the catalog's full weight
    for a unit that is not weighed (drums and parts)."""
    placed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    placed_by: Mapped[str | None] = mapped_column(String(64))
    # A unit held for its customer: kept until ``held_until``, the day its hold ends, and from that day
    # sent on to the route the hold names (expired), unless the customer asked for it back first
    # (reclaimed, with the tracking number of the shipment that took it back).
    held_until: Mapped[date | None] = mapped_column(Date)
    hold_ended: Mapped[str | None] = mapped_column(String(16))
    hold_ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reclaim_tracking: Mapped[str | None] = mapped_column(String(64))

    decision: Mapped[DecisionRow] = relationship(back_populates="license_plate")
    container: Mapped[ContainerRow | None] = relationship()


class StockMoveRow(Base):
    __tablename__ = "stock_moves"
    __table_args__ = (
        CheckConstraint(f"grade IN {STOCK_GRADES!r}", name="grade"),
        CheckConstraint("kind IN ('restocked', 'decision_voided')", name="kind"),
        # One unit a move, in for a restock and out for a void: the ledger sums to what is on the shelf.
        CheckConstraint(
            "(kind = 'restocked' AND quantity = 1) OR (kind = 'decision_voided' AND quantity = -1)",
            name="kind_and_quantity",
        ),
        UniqueConstraint("decision_id", "kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(String(SKU_LENGTH), ForeignKey("catalog_items.sku"), index=True)
    grade: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    moved_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    moved_by: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))

    # Lets a receive add the move with its new decision, both written by one flush.
    decision: Mapped[DecisionRow] = relationship()
