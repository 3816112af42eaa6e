"""What the RMA desk reads and numbers: orders found by number or customer, how much of each order line
is already on an RMA, each seller's latest RMA number, and the per-seller counter new RMAs take.

A seller's counter is a row of ``document_counters`` named ``rma:<seller id>``. It is made the first
time the desk numbers an RMA for the seller, starting from the highest serial already on file with the
seller's prefix, and bumped inside the transaction that creates the RMA: a rollback takes the number
back, and a second desk waits on the row until the first commits, so the numbers have no gaps.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence

from sqlalchemy import Insert, case, false, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from receiving_app.persistence.catalog_tables import CatalogItemRow
from receiving_app.persistence.document_tables import DocumentCounterRow
from receiving_app.persistence.inserts_if_absent import insert_if_absent
from receiving_app.persistence.order_tables import CustomerRow, OrderRow
from receiving_app.persistence.query_planning import plan_for_their_values
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.row_sealing import mark_written

_COUNTER_NAME_LENGTH = 32  # document_counters.document_type


def rma_counter_name(seller_id: str) -> str:
    """ "rma:true-image"; a seller id too long for the column keeps its start and a digest of the whole."""
    name = f"rma:{seller_id}"
    if len(name) <= _COUNTER_NAME_LENGTH:
        return name
    digest = hashlib.sha256(seller_id.encode("utf-8")).hexdigest()[:8]
    return f"{name[: _COUNTER_NAME_LENGTH - 9]}~{digest}"


class DeskRecords:
    session: Session

    def orders_matching(self, text: str, limit: int, *, match_names: bool) -> Sequence[OrderRow]:
        """Orders whose number is or starts with ``text``, or whose customer's account number (or, with
        ``match_names``, name) holds it, ignoring case; an exact number first, then the newest purchases."""
        plan_for_their_values(self.session)  # a search newest first, planned for its text as History's are
        wanted = text.strip()
        exact = func.upper(OrderRow.number) == wanted.upper()
        names = CustomerRow.name.icontains(wanted, autoescape=True) if match_names else false()
        return (
            self.session.execute(
                select(OrderRow)
                .join(CustomerRow, OrderRow.customer_id == CustomerRow.id)
                .where(
                    or_(
                        OrderRow.number.istartswith(wanted, autoescape=True),
                        CustomerRow.account_number.icontains(wanted, autoescape=True),
                        names,
                    )
                )
                .order_by(case((exact, 0), else_=1), OrderRow.purchased_on.desc(), OrderRow.id.desc())
                .limit(limit)
                .options(selectinload(OrderRow.lines))
            )
            .scalars()
            .all()
        )

    def order_at_desk(self, number: str, *, lock: bool) -> OrderRow | None:
        """The order by its number (as stored, else ignoring case), with its lines; ``lock`` holds it
        until commit, so that two desks returning the same line count each other's RMAs."""
        wanted = number.strip()
        for condition in (OrderRow.number == wanted, func.upper(OrderRow.number) == wanted.upper()):
            query = select(OrderRow).where(condition).options(selectinload(OrderRow.lines))
            if lock:
                query = query.with_for_update(of=OrderRow)
            found = self.session.execute(query).scalars().first()
            if found is not None:
                return found
        return None

    def catalog_items_by_sku(self, skus: Collection[str]) -> Mapping[str, CatalogItemRow]:
        rows = self.session.execute(select(CatalogItemRow).where(CatalogItemRow.sku.in_(set(skus)))).scalars()
        return {row.sku: row for row in rows}

    def quantities_on_rmas(self, order_id: int) -> Mapping[int, int]:
        """How many units of each line of the order (by order line id) RMAs already return.

        Reached through the order's RMAs (both joins are indexed): an RMA returns lines of its own order."""
        rows = self.session.execute(
            select(RmaLineRow.order_line_id, func.sum(RmaLineRow.quantity))
            .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
            .where(RmaRow.order_id == order_id)
            .group_by(RmaLineRow.order_line_id)
        ).all()
        return {order_line_id: int(quantity) for order_line_id, quantity in rows}

    def latest_rma_number_of(self, seller_id: str) -> str | None:
        """The seller's newest RMA number on file: how the seller numbers its RMAs now."""
        return self.session.execute(
            select(RmaRow.number).where(RmaRow.seller_id == seller_id).order_by(RmaRow.id.desc()).limit(1)
        ).scalar_one_or_none()

    def seller_of_rma_number(self, number: str) -> str | None:
        return self.session.execute(select(RmaRow.seller_id).where(RmaRow.number == number)).scalar_one_or_none()

    def highest_rma_serial(self, seller_id: str, prefix: str) -> int:
        """The highest serial of the seller's RMA numbers made of ``prefix`` and digits; 0 when none.

        The longest such number is the highest (equal lengths compare as text), so the walk stops at
        the first number whose tail is all digits."""
        numbers = self.session.scalars(
            select(RmaRow.number)
            .where(RmaRow.seller_id == seller_id, RmaRow.number.startswith(prefix, autoescape=True))
            .order_by(func.length(RmaRow.number).desc(), RmaRow.number.desc())
            .execution_options(yield_per=500)
        )
        for number in numbers:
            serial = number[len(prefix) :]
            if serial.isascii() and serial.isdigit():
                return int(serial)
        return 0

    def next_rma_serial(self, seller_id: str, prefix: str) -> int:
        """The seller's next RMA serial, taken in this transaction (the counter is made on first use)."""
        name = rma_counter_name(seller_id)
        counter = self.session.execute(
            select(DocumentCounterRow.document_type).where(DocumentCounterRow.document_type == name)
        ).first()
        if counter is None:
            # Another desk may make it at the same moment: theirs or ours stands, and both then bump it.
            self.session.execute(self._counter_insert(name, self.highest_rma_serial(seller_id, prefix)))
        serial = self.session.execute(
            update(DocumentCounterRow)
            .where(DocumentCounterRow.document_type == name)
            .values(last_number=DocumentCounterRow.last_number + 1)
            .returning(DocumentCounterRow.last_number)
        ).scalar_one()
        mark_written(self.session, DocumentCounterRow, {(name,)})
        return serial

    def restart_rma_serial(self, seller_id: str, serial: int) -> int:
        """Sets the seller's counter to ``serial`` (numbers imported past it are on file) and returns it."""
        name = rma_counter_name(seller_id)
        restarted = self.session.execute(
            update(DocumentCounterRow)
            .where(DocumentCounterRow.document_type == name)
            .values(last_number=serial)
            .returning(DocumentCounterRow.last_number)
        ).scalar_one()
        mark_written(self.session, DocumentCounterRow, {(name,)})
        return restarted

    def _counter_insert(self, name: str, last_number: int) -> Insert:
        values = {"document_type": name, "last_number": last_number}
        return insert_if_absent(self.session, DocumentCounterRow, values)
