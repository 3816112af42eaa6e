"""The recorded facts of decided units, read in bulk for replaying a draft policy over them.

A replay reads a hundred thousand units in a few seconds, so these are Core selects of the columns
a decision rests on, run on the session's connection (no ORM on the way), streamed in batches, with no
object per unit but a plain tuple; money comes as whole cents, and the dates, times, checks and weights
as the database's driver gives them, unconverted (``CellReaders`` converts them exactly as the tables
would): a unit's dates and checks repeat over thousands of units, and the service converts each
distinct value once rather than every cell. The catalog, small and shared by every unit, comes on
its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple, TypeVarTuple, cast

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Dialect,
    Row,
    Select,
    Text,
    and_,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType, TypeEngine

from receiving_app.domain.facts import CONDITION_FIELDS, FLAG_FIELDS
from receiving_app.persistence.catalog_tables import CatalogItemRow
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.inspection_tables import InspectionRow, WeightReadingRow
from receiving_app.persistence.order_tables import OrderLineRow, OrderRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

_BATCH = 5_000
Columns = TypeVarTuple("Columns")


def _cents(column: Any) -> Any:
    """A money column as its stored whole cents, without making a Money of every cell."""
    return type_coerce(column, BigInteger)


def _plain_time(column: Any) -> Any:
    """A time column as the database's own UTC time, without a time zone: only compared with its like."""
    return type_coerce(column, DateTime())


def _raw(column: Any) -> Any:
    """A column as the driver gives it (SQLite: text for dates and times, 0 or 1 for checks)."""
    return type_coerce(column, NullType())


@dataclass(frozen=True, slots=True)
class CellReaders:
    """The conversions the tables would make of the cells ``decided_units`` leaves raw, for this database."""

    date: Callable[[Any], date | None]
    time: Callable[[Any], datetime | None]
    """A time as ``refunds_that_used_up`` gives it: the database's UTC, without a time zone."""
    check: Callable[[Any], bool | None]
    grams: Callable[[Any], Decimal | None]


def _reader(kind: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any]:
    convert = kind.dialect_impl(dialect).result_processor(dialect, None)
    return convert if convert is not None else _as_given


def _as_given(cell: Any) -> Any:
    return cell


class DecidedUnitRow(NamedTuple):
    """One standing decision and the facts it was decided on: money in whole cents; the cells marked raw
    as the driver gives them (``CellReaders``)."""

    id: int
    unit_no: int
    decided_at: Any
    """Raw: a time."""
    reason: str
    customer_choice: str
    outcome: str
    refund_total: int
    restocking_fee: int
    return_shipping_deduction: int
    shipping_refund: int
    reasons: str | list[dict[str, str]]
    """The JSON text as stored; PostgreSQL's driver reads it into a list itself."""
    overridden_by: str | None
    rma_id: int
    rma_number: str
    order_id: int
    reported_on: Any
    """Raw, as are the other dates: a date."""
    return_label_cost: int
    line_no: int
    sku: str
    unit_price: int
    purchased_on: Any
    shipped_on: Any
    delivered_on: Any
    shipping_paid: int
    payment_method: str
    received_on: Any
    unopened: Any
    """Raw, as are the other checks: True, False or None (not checked)."""
    sealed: Any
    original_packaging: Any
    box_damage: Any
    labels_intact: Any
    sold_by_seller: Any
    hp_plus_rejected: Any
    firmware_blocked: Any
    improper_use: Any
    grams: Any
    """Raw: the captured weight in grams; None for a unit decided without one."""

    @property
    def condition(self) -> tuple[Any, ...]:
        """The condition fields' raw cells, in the order of ``Condition``."""
        return cast("tuple[Any, ...]", self[_CONDITION_CELLS])

    @property
    def flags(self) -> tuple[Any, ...]:
        """The flags' raw cells, in the order of ``Flags``."""
        return cast("tuple[Any, ...]", self[_FLAG_CELLS])


def _cells(names: tuple[str, ...]) -> slice:
    return slice(DecidedUnitRow._fields.index(names[0]), DecidedUnitRow._fields.index(names[-1]) + 1)


_CONDITION_CELLS, _FLAG_CELLS = _cells(CONDITION_FIELDS), _cells(FLAG_FIELDS)


_DECIDED_UNIT_COLUMNS: dict[str, Any] = {
    "id": DecisionRow.id,
    "unit_no": DecisionRow.unit_no,
    "decided_at": _raw(DecisionRow.decided_at),
    "reason": DecisionRow.reason,
    "customer_choice": DecisionRow.customer_choice,
    "outcome": DecisionRow.outcome,
    "refund_total": _cents(DecisionRow.refund_total),
    "restocking_fee": _cents(DecisionRow.restocking_fee),
    "return_shipping_deduction": _cents(DecisionRow.return_shipping_deduction),
    "shipping_refund": _cents(DecisionRow.shipping_refund),
    "reasons": type_coerce(DecisionRow.reasons, Text),
    "overridden_by": DecisionRow.overridden_by,
    "rma_id": RmaRow.id,
    "rma_number": RmaRow.number,
    "order_id": RmaRow.order_id,
    "reported_on": _raw(RmaRow.reported_on),
    "return_label_cost": _cents(RmaRow.return_label_cost),
    "line_no": RmaLineRow.line_no,
    "sku": RmaLineRow.sku,
    "unit_price": _cents(OrderLineRow.unit_price),
    "purchased_on": _raw(OrderRow.purchased_on),
    "shipped_on": _raw(OrderRow.shipped_on),
    "delivered_on": _raw(OrderRow.delivered_on),
    "shipping_paid": _cents(OrderRow.shipping_paid),
    "payment_method": OrderRow.payment_method,
    "received_on": _raw(InspectionRow.received_on),
    **{name: _raw(getattr(InspectionRow, name)) for name in (*CONDITION_FIELDS, *FLAG_FIELDS)},
    "grams": _raw(WeightReadingRow.grams),
}


@dataclass(frozen=True, slots=True)
class DecidedUnitSpan:
    units: int
    first_id: int
    """The first decision's id; 0 when there is none."""
    last_id: int


def _decided_unit_rows(query: Select[*Columns]) -> Select[*Columns]:
    """``query`` over the standing decisions with their inspections, RMA lines and RMAs."""
    return (
        query.select_from(DecisionRow)
        .join(InspectionRow, InspectionRow.id == DecisionRow.inspection_id)
        .join(RmaLineRow, RmaLineRow.id == DecisionRow.rma_line_id)
        .join(RmaRow, RmaRow.id == RmaLineRow.rma_id)
    )


def _decided_unit_conditions(policy_id: str, start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    conditions = [RmaRow.seller_id == policy_id, DecisionRow.voided_at.is_(None)]
    if start is not None:
        conditions.append(InspectionRow.received_on >= start)
    if end is not None:
        conditions.append(InspectionRow.received_on <= end)
    return conditions


class PolicyReplayRecords:
    session: Session

    def cell_readers(self) -> CellReaders:
        """How to read the raw cells of ``decided_units`` on this database, as the tables read them."""
        dialect = self.session.get_bind().dialect
        return CellReaders(
            date=_reader(Date(), dialect),
            time=_reader(DateTime(), dialect),
            check=_reader(Boolean(), dialect),
            grams=_reader(WeightReadingRow.__table__.c.grams.type, dialect),
        )

    def another_process_can_open(self) -> bool:
        """Whether this database is a server's or a file's (``connection_url`` opens it), not in this memory."""
        url = self.session.get_bind().engine.url
        return url.get_backend_name() != "sqlite" or url.database not in (None, "", ":memory:")

    def decided_unit_span(self, policy_id: str, start: date | None, end: date | None) -> DecidedUnitSpan:
        """How many units ``decided_units`` gives, and the first and last of their decisions' ids."""
        units, first_id, last_id = self.session.execute(
            _decided_unit_rows(select(func.count(), func.min(DecisionRow.id), func.max(DecisionRow.id))).where(
                *_decided_unit_conditions(policy_id, start, end)
            )
        ).one()
        return DecidedUnitSpan(units, first_id or 0, last_id or 0)

    def decided_units(
        self,
        policy_id: str,
        start: date | None,
        end: date | None,
        *,
        after_id: int | None = None,
        up_to_id: int | None = None,
    ) -> Iterator[DecidedUnitRow]:
        """Each standing decision of the seller's units received in [start, end] (either end open),
        in the order they were made, with the facts it was decided on; only the decisions with ids in
        (after_id, up_to_id] where those are given (a range for one process of a split replay)."""
        conditions = _decided_unit_conditions(policy_id, start, end)
        if after_id is not None:
            conditions.append(DecisionRow.id > after_id)
        if up_to_id is not None:
            conditions.append(DecisionRow.id <= up_to_id)
        query = (
            _decided_unit_rows(select(*(_DECIDED_UNIT_COLUMNS[name].label(name) for name in DecidedUnitRow._fields)))
            .join(OrderLineRow, OrderLineRow.id == RmaLineRow.order_line_id)
            .join(OrderRow, OrderRow.id == RmaRow.order_id)
            .outerjoin(
                WeightReadingRow,
                and_(WeightReadingRow.inspection_id == InspectionRow.id, WeightReadingRow.captured.is_(True)),
            )
            .where(*conditions)
            .order_by(DecisionRow.id)
            .execution_options(yield_per=_BATCH)
        )
        # A plain tuple for each row: reading a Row's cells by name costs about as much as deciding the unit.
        make = DecidedUnitRow._make
        for batch in self.session.connection().execute(query).partitions():
            yield from map(make, batch)

    def refunds_that_used_up(self, policy_id: str) -> Iterator[Row[Any]]:
        """Every decision of the seller, voided ones too, that refunded an order's shipping or deducted an
        RMA's return label: what was left of them for a later unit depends on these."""
        query = (
            select(
                DecisionRow.id,
                _plain_time(DecisionRow.decided_at).label("decided_at"),
                _plain_time(DecisionRow.voided_at).label("voided_at"),
                RmaRow.id.label("rma_id"),
                RmaRow.order_id,
                _cents(DecisionRow.shipping_refund).label("shipping_refund"),
                _cents(DecisionRow.return_shipping_deduction).label("return_shipping_deduction"),
            )
            .join(RmaLineRow, RmaLineRow.id == DecisionRow.rma_line_id)
            .join(RmaRow, RmaRow.id == RmaLineRow.rma_id)
            .where(
                RmaRow.seller_id == policy_id,
                or_(
                    _cents(DecisionRow.shipping_refund) != 0,
                    _cents(DecisionRow.return_shipping_deduction) != 0,
                ),
            )
            .order_by(DecisionRow.id)
        )
        yield from self.session.execute(query)

    def catalog_weights(self) -> dict[str, tuple[str, Decimal, Decimal]]:
        """Each SKU's category and its full and empty weights (grams)."""
        rows = self.session.execute(
            select(CatalogItemRow.sku, CatalogItemRow.category, CatalogItemRow.full_g, CatalogItemRow.empty_g)
        )
        return {sku: (category, full_g, empty_g) for sku, category, full_g, empty_g in rows}
