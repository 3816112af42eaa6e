"""Matching an unidentified return to the customer's order: the back office turns it into an RMA.

Each item found in the parcel is matched by its SKU to the order's line with that SKU, and the RMA is
created exactly as the RMA desk creates one (``rma_desk.py``): the same policy checks, the same
supervisor's authorization over a refusal, the same numbering. The parcel's tracking number goes on
the RMA, each item becomes one unit of its line (in the order the items were recorded, so the weights
taken of them are the weights of those very units), and the unidentified return is closed as matched.
All of it is one transaction, recorded as ``rma_created`` and ``unidentified_matched``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError, RuleRefusal
from receiving_app.domain.facts import CustomerChoice, ReturnReason
from receiving_app.domain.policy import Policy
from receiving_app.domain.tracking import tracking_number_from_text
from receiving_app.persistence.order_tables import OrderRow
from receiving_app.persistence.parcel_tables import UnidentifiedItemRow, UnidentifiedReturnRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.commands import Approval
from receiving_app.services.desk_views import CreatedRma, RequestedLine, RmaRequest
from receiving_app.services.errors import NotFound
from receiving_app.services.rma_desk import RmaDeskService


class UnidentifiedNotOpen(RuleRefusal):
    """The unidentified return was matched or rejected already."""


class UnidentifiedMatchingService:
    def __init__(
        self, units: UnitOfWorkFactory, policies: Mapping[str, Policy], today: Callable[[], date] = date.today
    ) -> None:
        self._units = units
        self._desk = RmaDeskService(units, policies, today)

    def match(
        self,
        number: str,
        order_number: str,
        reason: ReturnReason,
        choice: CustomerChoice = CustomerChoice.REFUND,
        *,
        user: str,
        station: str,
        approval: Approval | None = None,
    ) -> CreatedRma:
        """The RMA the unidentified return (by its number or license plate) becomes, on ``order_number``."""
        with self._units.write() as uow:
            unidentified = _open_unidentified_return(uow, number)
            order = uow.records.order_at_desk(order_number, lock=True)
            if order is None:
                raise NotFound(f"No order numbered {order_number.strip()} is on file.")
            line_of_item = _order_lines_of_items(unidentified, order)
            request = RmaRequest(
                order_number=order.number,
                lines=tuple(RequestedLine(line_no, count) for line_no, count in Counter(line_of_item.values()).items()),
                reason=reason,
                customer_choice=choice,
            )
            parcel_number = tracking_number_from_text(unidentified.tracking_number or "")
            rma, created = self._desk.create_within(
                uow,
                request,
                user=user,
                station=station,
                approval=approval,
                tracking=[parcel_number] if parcel_number else [],
                source="match",
            )

            rma_line_of = {line.order_line.line_no: line for line in rma.lines}
            units_given: Counter[int] = Counter()
            matched_items = []
            for item in unidentified.items:
                rma_line = rma_line_of[line_of_item[item.item_no]]
                units_given[rma_line.id] += 1
                item.rma_line_id, item.unit_no = rma_line.id, units_given[rma_line.id]
                matched_items.append({"item": item.item_no, "line": rma_line.line_no, "unit": item.unit_no})
            now = uow.clock()
            unidentified.status, unidentified.matched_rma_id = "matched", rma.id
            unidentified.resolved_at, unidentified.resolved_by = now, user
            parcel = uow.records.parcel_of_unidentified_return(unidentified)
            arrived: dict[str, object] | None = None
            if parcel is not None and parcel.rma_id is None:
                parcel.rma_id = rma.id  # the parcel has arrived for the RMA it now is
                # The customer hears of the arrival now: until the match there was no RMA to tell them of.
                arrived = {
                    "label_kind": parcel.label_kind,
                    "carrier": parcel.carrier,
                    "tracking_number": parcel.label if parcel.label_kind == "tracking" else None,
                    "checked_in_at": parcel.checked_in_at,
                    "arrived_at": parcel.arrived_at.isoformat(),
                }
            uow.record(
                AuditEvent(
                    "unidentified_matched",
                    user,
                    station,
                    rma.number,
                    {
                        "unidentified": unidentified.number,
                        "lpn": unidentified.lpn,
                        "order": order.number,
                        "rma": rma.number,
                        "items": matched_items,
                        "parcel_arrived": arrived,
                    },
                )
            )
            uow.commit()
        return created


def _open_unidentified_return(uow: UnitOfWork, number: str) -> UnidentifiedReturnRow:
    row = uow.records.unidentified_return_to_match(number)
    if row is None:
        raise NotFound(f"No unidentified return numbered or labeled {number.strip()} is on file.")
    if row.status != "open":
        if row.matched_rma_id is not None:
            raise UnidentifiedNotOpen(
                f"{row.number} was matched to {uow.records.number_of_rma(row.matched_rma_id)} already."
            )
        raise UnidentifiedNotOpen(f"{row.number} was rejected ({row.reject_reason}); it cannot be matched.")
    if not row.items:
        raise InputError(f"{row.number} holds no items to match; record what is in the parcel first.")
    return row


def _order_lines_of_items(unidentified: UnidentifiedReturnRow, order: OrderRow) -> dict[int, int]:
    """Each item's order line (by item number), matched by SKU to the order's first line of that SKU;
    refuses, naming them, items without an SKU and items whose SKU the order does not hold."""
    line_of_sku: dict[str, int] = {}
    for line in order.lines:
        line_of_sku.setdefault(line.sku, line.line_no)
    without_sku = [item for item in unidentified.items if item.sku is None]
    if without_sku:
        items, are = _items_words(without_sku)
        raise InputError(
            f"{unidentified.number}: {items} {are} not in the catalog, so "
            f"{'it' if len(without_sku) == 1 else 'they'} cannot be matched to a line of order {order.number}."
        )
    not_ordered = [item for item in unidentified.items if item.sku not in line_of_sku]
    if not_ordered:
        items, are = _items_words(not_ordered)
        skus = ", ".join(dict.fromkeys(str(item.sku) for item in not_ordered))
        raise InputError(f"{unidentified.number}: {items} ({skus}) {are} not on order {order.number}.")
    return {item.item_no: line_of_sku[str(item.sku)] for item in unidentified.items}


def _items_words(items: list[UnidentifiedItemRow]) -> tuple[str, str]:
    """ "item 2", "is" or "items 2 and 3", "are"."""
    numbers = [str(item.item_no) for item in items]
    if len(numbers) == 1:
        return f"item {numbers[0]}", "is"
    return f"items {', '.join(numbers[:-1])} and {numbers[-1]}", "are"
